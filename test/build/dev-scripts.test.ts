// npm start / npm stop and the choice of browser for the browser tests.
import { spawn, type ChildProcess } from "child_process";
import fs from "fs";
import net from "net";
import os from "os";
import path from "path";
import { locateChromium, systemCandidates, withLock } from "../../scripts/chromium";
import { desktopLines, nextSteps, parseArgs } from "../../scripts/start";
import { commandLineOf, proveDevServer, readRecord, stopDevServer, writeRecord } from "../../scripts/stop";

const IS_WINDOWS = process.platform === "win32";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "agap-dev-scripts-"));
}

/** A port nothing listens on (bound, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function idleNode(detached: boolean): ChildProcess {
  return spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore", detached });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100 && alive(pid); i++) await sleep(100);
  return !alive(pid);
}

describe("npm stop proves that a recorded process is the dev server before ending it", () => {
  const record = { pid: process.pid, port: 3000, token: "0123abcd" };
  const noCommandLine = () => null;

  it("by the server's answer on its port", async () => {
    const ask = async () => ({ name: "agap-dev-server", pid: record.pid, token: record.token });
    expect(await proveDevServer(record, { ask, commandLine: noCommandLine })).toMatch(/answered with its token/);
  });

  it("or by the token on the process's command line", async () => {
    const commandLine = () => `node webpack-cli serve --env agapToken=${record.token}`;
    expect(await proveDevServer(record, { ask: async () => null, commandLine })).toMatch(/command line/);
  });

  it("and not by an answer with another token or pid, or a command line without it", async () => {
    const wrongToken = async () => ({ pid: record.pid, token: "ffff" });
    const wrongPid = async () => ({ pid: record.pid + 1, token: record.token });
    const commandLine = () => "node some-other-server.js --env agapToken=ffff";
    expect(await proveDevServer(record, { ask: wrongToken, commandLine })).toBeNull();
    expect(await proveDevServer(record, { ask: wrongPid, commandLine })).toBeNull();
  });

  it("reads a command line (this process's own)", () => {
    expect(commandLineOf(process.pid)).toContain(path.basename(process.execPath).replace(/\.exe$/, ""));
  });

  it("leaves an unrelated process alone when a stale pid file names it", async () => {
    const dir = tempDir();
    const other = idleNode(false);
    try {
      const pidFile = path.join(dir, ".dev-server.pid");
      writeRecord({ pid: other.pid, port: await freePort(), token: "not-its-token" }, pidFile);
      const lines: string[] = [];
      await stopDevServer({ pidFile, sideloadFile: path.join(dir, "none"), log: (l: string) => lines.push(l) });
      expect(lines.join("\n")).toMatch(/not provably the dev server/);
      expect(alive(other.pid as number)).toBe(true);
      expect(fs.existsSync(pidFile)).toBe(false);
    } finally {
      other.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("ignores a pid file without a token (as older versions wrote)", async () => {
    const dir = tempDir();
    const other = idleNode(false);
    try {
      const pidFile = path.join(dir, ".dev-server.pid");
      fs.writeFileSync(pidFile, `${other.pid}\n`);
      expect(readRecord(pidFile)).toEqual({ invalid: expect.stringContaining("no pid with a token") });
      await stopDevServer({ pidFile, sideloadFile: path.join(dir, "none"), port: await freePort(), log: () => {} });
      expect(alive(other.pid as number)).toBe(true);
    } finally {
      other.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("ends the whole recorded process group once it is proven", async () => {
    const dir = tempDir();
    const server = idleNode(!IS_WINDOWS);
    try {
      const pidFile = path.join(dir, ".dev-server.pid");
      const port = await freePort();
      writeRecord({ pid: server.pid, port, token: "t" }, pidFile);
      await stopDevServer({
        pidFile,
        sideloadFile: path.join(dir, "none"),
        prove: async () => "proven for this test",
        log: () => {},
      });
      expect(await waitUntilGone(server.pid as number)).toBe(true);
      expect(fs.existsSync(pidFile)).toBe(false);
    } finally {
      if (alive(server.pid as number)) server.kill("SIGKILL");
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("npm start's output", () => {
  it("is quiet unless asked: --verbose or AGAP_VERBOSE=1", () => {
    expect(parseArgs([], {})).toEqual({ desktop: true, verbose: false });
    expect(parseArgs(["--verbose"], {}).verbose).toBe(true);
    expect(parseArgs([], { AGAP_VERBOSE: "1" }).verbose).toBe(true);
    expect(parseArgs(["--no-desktop"], {}).desktop).toBe(false);
    expect(() => parseArgs(["--bogus"], {})).toThrow(/Unknown option --bogus/);
  });

  it("ends with one block: addresses, certificate, how to load into each Excel, how to stop, then the status", () => {
    const block = nextSteps({ pid: 42, desktop: desktopLines("linux", null), status: "Built at 10:00:00 in 3.0 s." });
    const lines = block.trim().split("\n");
    expect(lines.length).toBeLessThanOrEqual(20);
    expect(block).toContain("https://localhost:3000/taskpane.html");
    expect(block).toMatch(/Certificate\s+\S*ca\.crt/);
    expect(block).toMatch(/Excel on the web\s+Home > Add-ins/);
    expect(block).toMatch(/Excel on Windows/);
    expect(block).toMatch(/Excel on a Mac\s+.*wef/);
    expect(block).toMatch(/Stop: Ctrl\+C here, or `npm stop`/);
    expect(lines[lines.length - 1]).toBe("Built at 10:00:00 in 3.0 s.");
  });

  it("says what it did on this platform's desktop Excel", () => {
    expect(desktopLines("win32", null).join("\n")).toMatch(/Windows\s+sideloaded/);
    expect(desktopLines("darwin", "--no-desktop").join("\n")).toMatch(/Mac\s+not sideloaded \(--no-desktop\)/);
    expect(desktopLines("linux", null).join("\n")).not.toMatch(/sideloaded:/);
  });
});

describe("the browser for the browser tests", () => {
  it("CHROMIUM_PATH comes first, and must name a program", () => {
    expect(locateChromium({ CHROMIUM_PATH: process.execPath })).toEqual({
      source: "CHROMIUM_PATH",
      path: process.execPath,
    });
    expect(() => locateChromium({ CHROMIUM_PATH: path.join(os.tmpdir(), "no-such-browser") })).toThrow(
      /CHROMIUM_PATH is .*not an executable file/,
    );
  });

  it("then a system Chromium, Chrome or Edge where each platform keeps them", () => {
    const windows = systemCandidates(
      { ProgramFiles: "C:\\Program Files", LOCALAPPDATA: "C:\\Users\\a\\AppData\\Local" },
      "win32",
    );
    expect(windows).toContain("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe");
    expect(windows).toContain("C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe");
    expect(systemCandidates({}, "darwin")).toContain("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
    const linux = systemCandidates({ PATH: ["/opt/bin", "/usr/bin"].join(path.delimiter) }, "linux");
    expect(linux).toEqual(
      expect.arrayContaining([path.join("/usr/bin", "chromium"), path.join("/opt/bin", "google-chrome")]),
    );
  });

  it("then, on Linux x64, the one @sparticuz/chromium brings", () => {
    const source = () => {
      try {
        return locateChromium({ PATH: "" }).source;
      } catch {
        return "none";
      }
    };
    if (process.platform === "linux" && process.arch === "x64") {
      expect(locateChromium({ PATH: "" })).toEqual({ source: "bundled", path: path.join(os.tmpdir(), "chromium") });
    } else {
      expect(source()).not.toBe("bundled");
    }
  });

  it("is unpacked by one worker at a time", async () => {
    const dir = tempDir();
    const lock = path.join(dir, "lock");
    let inside = 0;
    let most = 0;
    const work = () =>
      withLock(lock, async () => {
        most = Math.max(most, ++inside);
        await sleep(50);
        inside--;
      });
    try {
      await Promise.all([work(), work(), work()]);
      expect(most).toBe(1);
      expect(fs.existsSync(lock)).toBe(false);
      // A lock left by a killed worker is taken over once it is old.
      fs.mkdirSync(lock);
      const old = new Date(Date.now() - 10 * 60 * 1000);
      fs.utimesSync(lock, old, old);
      await withLock(lock, async () => undefined, { staleMs: 1000, timeoutMs: 5000 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
