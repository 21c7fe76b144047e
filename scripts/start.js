// `npm start`: serves a development build on https://localhost:<port> and says how to load it.
// Quiet by default: webpack's statistics only with --verbose or AGAP_VERBOSE=1. The block saying
// what to do next is printed last, and again after every rebuild, so that it stays in view.
// The server runs in its own process group, recorded with a token in .dev-server.pid, so that
// `npm stop` or Ctrl+C can stop webpack together with its children (and nothing else).
"use strict";

const { spawn } = require("child_process");
const fs = require("fs");
const https = require("https");
const path = require("path");
const readline = require("readline");
const { CA_PATH } = require("./certs");
const {
  ROOT,
  PID_FILE,
  SIDELOAD_FILE,
  PORT,
  DEV_REPORT,
  isAlive,
  killProcessTree,
  newToken,
  officeAddinDebugging,
  portInUse,
  processExists,
  proveDevServer,
  readRecord,
  removeSideload,
  writeRecord,
} = require("./stop");

const IS_WINDOWS = process.platform === "win32";
const MANIFEST = "manifest.xml";
const BASE_URL = `https://localhost:${PORT}`;
const READY_TIMEOUT_MS = 180000;
const MAC_SIDELOAD_DIR = "~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/";
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function parseArgs(argv, env = process.env) {
  const options = { desktop: true, verbose: /^(1|true|yes)$/i.test(env.AGAP_VERBOSE || "") };
  for (const arg of argv) {
    if (arg === "--no-desktop") options.desktop = false;
    else if (arg === "--verbose") options.verbose = true;
    else throw new Error(`Unknown option ${arg}. Usage: npm start [-- --no-desktop] [-- --verbose]`);
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
  const record = readRecord();
  if (record && !record.invalid && processExists(record.pid) && (await proveDevServer(record))) {
    throw new Error(`The dev server is already running (pid ${record.pid}). Run \`npm stop\` first.`);
  }
  fs.rmSync(PID_FILE, { force: true });
  if (await portInUse(PORT)) {
    throw new Error(`Port ${PORT} is already in use by another process. Free it, then run \`npm start\` again.`);
  }
}

function sideloadDesktop() {
  const args = ["start", MANIFEST, "desktop", "--dev-server-port", String(PORT)];
  console.log(`\nSideloading into desktop Excel: office-addin-debugging ${args.join(" ")}`);
  // Without the dev-server script in its environment it only sideloads and never starts a second server.
  const env = { ...process.env };
  delete env.npm_package_scripts_dev_server;
  const result = officeAddinDebugging(args, { env });
  if (result.error) throw new Error(`office-addin-debugging could not run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`office-addin-debugging exited with code ${result.status}`);
  fs.writeFileSync(SIDELOAD_FILE, `${MANIFEST}\n`);
}

/**
 * The lines for Windows and Mac: what npm start did on this one (sideloaded, or why not), and how
 * to do it elsewhere.
 */
function desktopLines(platform, notSideloadedBecause) {
  const line = (name, text) => `  ${name.padEnd(18)}${text}`;
  const here = (os) => {
    if (platform !== os) return null;
    if (!notSideloadedBecause) return "sideloaded: Excel opened with the add-in (Home > Open AGAP)";
    return `not sideloaded (${notSideloadedBecause}); by hand: npx office-addin-debugging start ${MANIFEST} desktop`;
  };
  const windows = here("win32") || "`npm start` on Windows sideloads it; or a shared-folder catalog (docs/deploy.md)";
  const mac = here("darwin") || `\`npm start\` on a Mac sideloads it; or copy ${MANIFEST} into ${MAC_SIDELOAD_DIR}`;
  return [line("Excel on Windows", windows), line("Excel on a Mac", mac)];
}

/** The block saying where the server is and what to do next, with a status line at its end. */
function nextSteps({ pid, desktop, status }) {
  const line = (name, text) => `  ${name.padEnd(18)}${text}`;
  return [
    "",
    `AGAP dev server: ${BASE_URL}/ (pid ${pid})`,
    line("Task pane", `${BASE_URL}/taskpane.html (also a working preview in any browser)`),
    line("Help page", `${BASE_URL}/help/functions.html`),
    line("Certificate", `${CA_PATH}`),
    line("", "a self-signed CA: trust it in your browser or system, or Excel cannot load the add-in"),
    "",
    "Load it into Excel:",
    line("Excel on the web", "Home > Add-ins > More Settings > Upload My Add-in, and choose"),
    line("", path.join(ROOT, MANIFEST)),
    ...desktop,
    "",
    "Stop: Ctrl+C here, or `npm stop` in another terminal.",
    status,
    "",
  ].join("\n");
}

function clock() {
  return new Date().toTimeString().slice(0, 8);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  await checkNothingRunning();
  console.log(`Building AGAP and starting the dev server on ${BASE_URL}/ ...`);

  const token = newToken();
  const webpackCli = require.resolve("webpack-cli/bin/cli.js");
  const args = [webpackCli, "serve", "--mode", "development", "--env", `agapToken=${token}`];
  if (options.verbose) args.push("--env", "agapVerbose=1");
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
    // Own process group on POSIX, so the whole tree can be signalled; on Windows taskkill /T does that.
    detached: !IS_WINDOWS,
  });
  if (!child.pid) throw new Error("could not start webpack serve");
  writeRecord({ pid: child.pid, port: PORT, token });

  let ready = false;
  let stopping = false;
  let desktop = null; // set once the server answers; the block is printed from then on
  let lastReport = null;
  let builds = 0;
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  child.once("error", (err) => console.error(`webpack serve: ${err.message}`));

  const show = (report) => {
    if (!desktop && report.ok) return; // the block comes once the server answers
    const seconds = (report.ms / 1000).toFixed(1);
    const problems = [...report.errors, ...report.warnings];
    const built = ++builds > 1 ? "Rebuilt" : "Built";
    const status = report.ok
      ? `${built} at ${clock()} in ${seconds} s${report.warnings.length ? `, with ${report.warnings.length} warning(s) above` : ""}.`
      : `Build FAILED at ${clock()}: ${report.errors.length} error(s) above. Save a fix to rebuild.`;
    // On a terminal each rebuild replaces the screen, so the block is always what one sees.
    if (process.stdout.isTTY && !options.verbose) process.stdout.write("\x1b[2J\x1b[H");
    for (const problem of problems) console.log(`\n${problem}`);
    if (desktop) console.log(nextSteps({ pid: child.pid, desktop, status }));
    else if (!report.ok) console.log(status);
  };

  readline.createInterface({ input: child.stdout, crlfDelay: Infinity }).on("line", (line) => {
    if (line.startsWith(DEV_REPORT)) {
      try {
        lastReport = JSON.parse(line.slice(DEV_REPORT.length));
      } catch {
        return;
      }
      show(lastReport);
    } else if (options.verbose || line.trim()) {
      console.log(line);
    }
  });

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
    ready = lastReport !== null && lastReport.ok && (await fetchStatus(`${BASE_URL}/taskpane.html`)) === 200;
    if (!ready) await sleep(500);
  }

  let notSideloadedBecause = null;
  if (IS_WINDOWS || process.platform === "darwin") {
    if (!options.desktop) notSideloadedBecause = "--no-desktop";
    else if (!findDesktopExcel()) notSideloadedBecause = "desktop Excel was not found";
    else {
      try {
        sideloadDesktop();
      } catch (err) {
        console.error(`\nSideloading into desktop Excel failed: ${err.message}`);
        console.error("Serve without it with: npm start -- --no-desktop");
        await stop(undefined, 1);
        return;
      }
    }
  }
  desktop = desktopLines(process.platform, notSideloadedBecause);
  show(lastReport);
}

module.exports = { parseArgs, nextSteps, desktopLines };

if (require.main === module) {
  main().catch((err) => {
    console.error(`npm start failed: ${err.message}`);
    process.exit(1);
  });
}
