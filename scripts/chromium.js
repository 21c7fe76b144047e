// Chooses the Chromium that the browser tests and benchmarks drive, in this order:
//   1. CHROMIUM_PATH, when set (an error if it names no file);
//   2. a Chromium, Google Chrome or Microsoft Edge installed on the system;
//   3. on Linux x64, the Chromium inside the @sparticuz/chromium package, which `npm install`
//      brings: unpacked to the temp folder on first use, so a fresh machine needs no browser.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");

const LINUX_COMMANDS = [
  "chromium",
  "chromium-browser",
  "google-chrome",
  "google-chrome-stable",
  "microsoft-edge",
  "microsoft-edge-stable",
];

function isExecutable(file) {
  try {
    fs.accessSync(file, process.platform === "win32" ? fs.constants.F_OK : fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Where a browser usually lives on this platform (first existing one wins). */
function systemCandidates(env = process.env, platform = process.platform) {
  if (platform === "darwin") {
    return [
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
      "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ];
  }
  if (platform === "win32") {
    const roots = [env.ProgramFiles, env["ProgramFiles(x86)"], env.LOCALAPPDATA].filter(Boolean);
    return roots.flatMap((root) => [
      path.win32.join(root, "Google", "Chrome", "Application", "chrome.exe"),
      path.win32.join(root, "Microsoft", "Edge", "Application", "msedge.exe"),
      path.win32.join(root, "Chromium", "Application", "chrome.exe"),
    ]);
  }
  const dirs = (env.PATH || "").split(path.delimiter).filter(Boolean);
  return LINUX_COMMANDS.flatMap((name) => dirs.map((dir) => path.join(dir, name)));
}

function systemChromium(env = process.env, platform = process.platform) {
  return systemCandidates(env, platform).find(isExecutable) || null;
}

function bundledPackage() {
  if (process.platform !== "linux" || process.arch !== "x64") return null;
  try {
    const main = require.resolve("@sparticuz/chromium");
    // Its exports leave out package.json, so the version is read from the file itself.
    const root = main.slice(0, main.lastIndexOf(path.join("@sparticuz", "chromium")) + "@sparticuz/chromium".length);
    const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    const pkg = require(main);
    return { Chromium: pkg.default || pkg, version };
  } catch {
    return null;
  }
}

/**
 * Which browser will be used, without unpacking anything:
 * {source: "CHROMIUM_PATH" | "system" | "bundled", path}. Throws, saying what to do, when none can be.
 */
function locateChromium(env = process.env) {
  if (env.CHROMIUM_PATH) {
    if (!isExecutable(env.CHROMIUM_PATH)) {
      throw new Error(`CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which is not an executable file.`);
    }
    return { source: "CHROMIUM_PATH", path: env.CHROMIUM_PATH };
  }
  const system = systemChromium(env);
  if (system) return { source: "system", path: system };
  if (bundledPackage()) return { source: "bundled", path: path.join(os.tmpdir(), "chromium") };
  throw new Error(
    "No Chromium found: install Google Chrome, Microsoft Edge or Chromium, or set CHROMIUM_PATH to a " +
      "Chromium-based browser. (On Linux x64, `npm install` brings one in @sparticuz/chromium.)",
  );
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs fn while holding a lock directory, so parallel test workers unpack the browser once. */
async function withLock(lockDir, fn, { staleMs = 120000, timeoutMs = 180000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      let age = 0;
      try {
        age = Date.now() - fs.statSync(lockDir).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      // A worker that was killed while unpacking leaves its lock behind.
      if (age > staleMs) fs.rmSync(lockDir, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lockDir}`);
      else await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Unpacks the package's Chromium (once per version) and returns the executable's path. */
async function unpackBundled(bundled) {
  const tmp = os.tmpdir();
  const exe = path.join(tmp, "chromium");
  const stamp = path.join(tmp, "chromium.agap-stamp");
  return withLock(path.join(tmp, "agap-chromium.lock"), async () => {
    const size = () => (fs.existsSync(exe) ? fs.statSync(exe).size : -1);
    const read = () => (fs.existsSync(stamp) ? fs.readFileSync(stamp, "utf8") : "");
    // The package reuses any file at that path; one cut short or of another version is replaced.
    if (read() !== `${bundled.version} ${size()}`) {
      fs.rmSync(exe, { force: true });
      const unpacked = await bundled.Chromium.executablePath();
      if (unpacked !== exe) throw new Error(`@sparticuz/chromium unpacked to ${unpacked}, expected ${exe}`);
      fs.writeFileSync(stamp, `${bundled.version} ${size()}`);
    }
    return exe;
  });
}

let chosen = null;

/** The browser's executable, unpacking the bundled one on first use. */
function chromiumExecutable() {
  if (!chosen) {
    chosen = (async () => {
      const found = locateChromium();
      return found.source === "bundled" ? unpackBundled(bundledPackage()) : found.path;
    })();
    chosen.catch(() => (chosen = null));
  }
  return chosen;
}

module.exports = { locateChromium, chromiumExecutable, systemCandidates, systemChromium, withLock };

if (require.main === module) {
  chromiumExecutable().then(
    (exe) => console.log(`${locateChromium().source}: ${exe}`),
    (err) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
