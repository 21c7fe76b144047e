// `npm start`: serves a development build on https://localhost:<port> and says how to load it.
// The server runs in its own process group (pid in .dev-server.pid) so that `npm stop`
// or Ctrl+C can stop webpack together with its children.
"use strict";

const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const https = require("https");
const path = require("path");
const { CA_PATH } = require("./certs");
const {
  ROOT,
  PID_FILE,
  SIDELOAD_FILE,
  PORT,
  isAlive,
  isDevServerProcess,
  killProcessTree,
  portInUse,
  removeSideload,
} = require("./stop");

const IS_WINDOWS = process.platform === "win32";
const MANIFEST = "manifest.xml";
const BASE_URL = `https://localhost:${PORT}`;
const READY_TIMEOUT_MS = 180000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function parseArgs(argv) {
  const options = { desktop: true };
  for (const arg of argv) {
    if (arg === "--no-desktop") options.desktop = false;
    else throw new Error(`Unknown option ${arg}. Usage: npm start [-- --no-desktop]`);
  }
  return options;
}

/** Where desktop Excel is installed, or null (always null on Linux, which has no desktop Excel). */
function findDesktopExcel() {
  if (process.platform === "darwin") {
    const app = "/Applications/Microsoft Excel.app";
    return fs.existsSync(app) ? app : null;
  }
  if (IS_WINDOWS) {
    const roots = [process.env.ProgramW6432, process.env.ProgramFiles, process.env["ProgramFiles(x86)"]].filter(
      Boolean,
    );
    for (const root of roots) {
      for (const dir of ["Microsoft Office\\root\\Office16", "Microsoft Office\\Office16"]) {
        const exe = path.join(root, dir, "EXCEL.EXE");
        if (fs.existsSync(exe)) return exe;
      }
    }
  }
  return null;
}

function fetchStatus(url) {
  return new Promise((resolve) => {
    // Only a readiness probe of our own server; the browser does the real certificate check.
    const req = https.get(url, { rejectUnauthorized: false, timeout: 5000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(null));
  });
}

async function checkNothingRunning() {
  if (fs.existsSync(PID_FILE)) {
    const pid = Number.parseInt(fs.readFileSync(PID_FILE, "utf8").trim(), 10);
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && isDevServerProcess(pid)) {
      throw new Error(`The dev server is already running (pid ${pid}). Run \`npm stop\` first.`);
    }
    fs.rmSync(PID_FILE, { force: true });
  }
  if (await portInUse(PORT)) {
    throw new Error(`Port ${PORT} is already in use by another process. Free it, then run \`npm start\` again.`);
  }
}

function sideloadDesktop() {
  const command = `npx --yes office-addin-debugging start ${MANIFEST} desktop --dev-server-port ${PORT}`;
  console.log(`\nSideloading into desktop Excel: ${command}`);
  // Without the dev-server script in its environment it only sideloads and never starts a second server.
  const env = { ...process.env };
  delete env.npm_package_scripts_dev_server;
  const result = spawnSync(command, { cwd: ROOT, stdio: "inherit", shell: true, env });
  if (result.error) throw new Error(`office-addin-debugging could not run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`office-addin-debugging exited with code ${result.status}`);
  fs.writeFileSync(SIDELOAD_FILE, `${MANIFEST}\n`);
}

function printNextSteps(pid, desktop) {
  const manifestPath = path.join(ROOT, MANIFEST);
  const lines = [
    "",
    "=".repeat(72),
    `AGAP dev server is running at ${BASE_URL}/ (pid ${pid}, in ${path.basename(PID_FILE)})`,
    "",
    "Preview in a browser:",
    `  ${BASE_URL}/taskpane.html`,
    "  The certificate is self-signed: accept the browser's warning, or trust",
    `  ${CA_PATH} in the browser or the operating system.`,
    "",
    "Excel on the web:",
    "  1. Trust the CA above in the browser you use for Excel; without it the add-in cannot load.",
    "  2. Open a workbook: Home > Add-ins > More Settings (or My Add-ins) > Upload My Add-in.",
    `  3. Choose ${manifestPath}`,
    "",
    "Desktop Excel:",
    ...desktop,
    "",
    "Stop: press Ctrl+C here, or run `npm stop` in another terminal.",
    "=".repeat(72),
    "",
  ];
  console.log(lines.join("\n"));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  await checkNothingRunning();

  const webpackCli = require.resolve("webpack-cli/bin/cli.js");
  const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    // Own process group on POSIX, so the whole tree can be signalled; on Windows taskkill /T does that.
    detached: !IS_WINDOWS,
  });
  if (!child.pid) throw new Error("could not start webpack serve");
  fs.writeFileSync(PID_FILE, `${child.pid}\n`);

  let ready = false;
  let stopping = false;
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  child.once("error", (err) => console.error(`webpack serve: ${err.message}`));

  const stop = async (reason, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    if (reason) console.log(`\n${reason}: stopping the dev server...`);
    let failed = false;
    try {
      removeSideload();
    } catch (err) {
      console.error(err.message);
      failed = true;
    }
    try {
      if (isAlive(child.pid)) await killProcessTree(child.pid);
    } catch (err) {
      console.error(`Could not stop the dev server: ${err.message}`);
      failed = true;
    }
    fs.rmSync(PID_FILE, { force: true });
    process.exit(failed ? 1 : exitCode);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stop(signal));

  exited.then(({ code, signal }) => {
    if (stopping) return;
    fs.rmSync(PID_FILE, { force: true });
    if (!ready) {
      console.error(`\nThe dev server exited before it answered (${signal || `exit code ${code}`}).`);
      process.exit(code || 1);
    }
    // `npm stop` ends the server with SIGTERM: a normal end for this process too.
    const normal = code === 0 || signal === "SIGTERM" || signal === "SIGINT";
    console.log(`\nThe dev server stopped (${signal || `exit code ${code}`}).`);
    if (fs.existsSync(SIDELOAD_FILE)) {
      try {
        removeSideload();
      } catch (err) {
        console.error(err.message);
        process.exit(1);
      }
    }
    process.exit(normal ? 0 : code || 1);
  });

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!ready) {
    if (stopping || child.exitCode !== null || child.signalCode !== null) return;
    if (Date.now() > deadline) {
      console.error(
        `\nThe dev server did not answer on ${BASE_URL}/taskpane.html within ${READY_TIMEOUT_MS / 1000} s.`,
      );
      await killProcessTree(child.pid);
      fs.rmSync(PID_FILE, { force: true });
      process.exit(1);
    }
    ready = (await fetchStatus(`${BASE_URL}/taskpane.html`)) === 200;
    if (!ready) await sleep(500);
  }

  const sideloadCommand = `npx --yes office-addin-debugging start ${MANIFEST} desktop`;
  let desktop;
  if (process.platform !== "win32" && process.platform !== "darwin") {
    desktop = [
      `  Not available on ${process.platform}. On Windows or macOS with Excel installed, npm start`,
      `  sideloads the add-in itself, with: ${sideloadCommand}`,
    ];
  } else if (!options.desktop) {
    desktop = [`  Skipped (--no-desktop). To sideload: ${sideloadCommand}`];
  } else if (!findDesktopExcel()) {
    desktop = [`  Desktop Excel was not found. Once it is installed: ${sideloadCommand}`];
  } else {
    try {
      sideloadDesktop();
    } catch (err) {
      console.error(`\nSideloading into desktop Excel failed: ${err.message}`);
      console.error("Serve without it with: npm start -- --no-desktop");
      await stop(undefined, 1);
      return;
    }
    desktop = ["  Sideloaded: Excel opens with the add-in (Home > Add-ins shows AGAP)."];
  }
  printNextSteps(child.pid, desktop);
}

main().catch((err) => {
  console.error(`npm start failed: ${err.message}`);
  process.exit(1);
});
