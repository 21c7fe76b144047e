// `npm stop`: stops the dev server started by `npm start` (its whole process group, so
// webpack's children cannot keep the port), removes a desktop sideload, and checks the port is free.
//
// It ends a process only when it can prove that it is that server: `npm start` records the
// server's pid with a random token, which the server carries on its command line and answers with
// at DEV_SERVER_IDENTITY_PATH. A pid file left by a crash may name an unrelated process by now.
"use strict";

const { spawnSync } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const https = require("https");
const net = require("net");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const PID_FILE = path.join(ROOT, ".dev-server.pid");
// Present while office-addin-debugging has sideloaded the add-in into desktop Excel.
const SIDELOAD_FILE = path.join(ROOT, ".dev-server.sideload");
const PORT = Number(
  process.env.npm_package_config_dev_server_port || require("../package.json").config.dev_server_port,
);
const IS_WINDOWS = process.platform === "win32";
/** Where the dev server says who it is (see webpack.config.js). */
const DEV_SERVER_IDENTITY_PATH = "/__agap/dev-server";
/** Marks the one line per compilation that the dev server writes for `npm start` to read. */
const DEV_REPORT = "\u0000agap-dev-report ";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function signalZero(target) {
  try {
    process.kill(target, 0);
    return true;
  } catch (err) {
    if (err.code === "ESRCH") return false;
    if (err.code === "EPERM") return true;
    throw err;
  }
}

/** True while the process (POSIX: any process of its group) exists. */
function isAlive(pid) {
  return signalZero(IS_WINDOWS ? pid : -pid);
}

/** True while a process with this id exists, whatever it is. */
function processExists(pid) {
  return signalZero(pid) || isAlive(pid);
}

function newToken() {
  return crypto.randomBytes(16).toString("hex");
}

/** What `npm start` records: {pid, port, token}. */
function writeRecord(record, pidFile = PID_FILE) {
  fs.writeFileSync(pidFile, `${JSON.stringify(record)}\n`);
}

/** The record, null when there is none, or {invalid: reason} for a file that is not one. */
function readRecord(pidFile = PID_FILE) {
  if (!fs.existsSync(pidFile)) return null;
  try {
    const record = JSON.parse(fs.readFileSync(pidFile, "utf8"));
    if (Number.isInteger(record.pid) && record.pid > 0 && typeof record.token === "string" && record.token) {
      return { pid: record.pid, port: Number(record.port) || PORT, token: record.token };
    }
  } catch {
    // Falls through: an older plain pid, or a damaged file.
  }
  return { invalid: `${path.basename(pidFile)} holds no pid with a token` };
}

/** The process's command line, or null when it cannot be read. */
function commandLineOf(pid) {
  if (process.platform === "linux") {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
    } catch {
      return null;
    }
  }
  const result = IS_WINDOWS
    ? spawnSync(
        "powershell.exe",
        ["-NoProfile", "-Command", `(Get-CimInstance Win32_Process -Filter "ProcessId=${pid}").CommandLine`],
        { encoding: "utf8", windowsHide: true },
      )
    : spawnSync("ps", ["-o", "command=", "-p", String(pid)], { encoding: "utf8" });
  return result.status === 0 && result.stdout.trim() ? result.stdout.trim() : null;
}

/** What the dev server on the port says about itself, or null when nothing like it answers. */
function askServer(port, timeoutMs = 2000) {
  return new Promise((resolve) => {
    // Our own self-signed server on this machine: the question is who answers, not trust.
    const req = https.get(
      { host: "localhost", port, path: DEV_SERVER_IDENTITY_PATH, rejectUnauthorized: false, timeout: timeoutMs },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => {
          try {
            resolve(res.statusCode === 200 ? JSON.parse(body) : null);
          } catch {
            resolve(null);
          }
        });
      },
    );
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(null));
  });
}

/** How the record is proven to be our running dev server, or null when it is not. */
async function proveDevServer(record, { ask = askServer, commandLine = commandLineOf } = {}) {
  const identity = await ask(record.port);
  if (identity && identity.token === record.token && identity.pid === record.pid) {
    return `the server on port ${record.port} answered with its token`;
  }
  const command = commandLine(record.pid);
  if (command && command.includes(`agapToken=${record.token}`)) return "its command line carries its token";
  return null;
}

/** Stops a process and all its descendants; resolves once they are gone. */
async function killProcessTree(pid, timeoutMs = 8000) {
  if (IS_WINDOWS) {
    const result = spawnSync("taskkill", ["/PID", String(pid), "/T", "/F"], { encoding: "utf8" });
    if (result.status !== 0 && isAlive(pid)) {
      throw new Error(`taskkill /PID ${pid} failed: ${(result.stderr || result.stdout || "").trim()}`);
    }
    return;
  }
  const signalGroup = (signal) => {
    try {
      process.kill(-pid, signal);
    } catch (err) {
      if (err.code !== "ESRCH") throw err;
    }
  };
  signalGroup("SIGTERM");
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) {
    signalGroup("SIGKILL");
    const killDeadline = Date.now() + 3000;
    while (isAlive(pid) && Date.now() < killDeadline) await sleep(100);
    if (isAlive(pid)) throw new Error(`process group ${pid} survived SIGKILL`);
  }
}

function canListen(port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (err) => (err.code === "EADDRINUSE" || err.code === "EACCES" ? resolve(false) : reject(err)));
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function canConnect(port, host) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** True when something listens on the port, on IPv4 or IPv6. */
async function portInUse(port = PORT) {
  return (await canConnect(port, "127.0.0.1")) || (await canConnect(port, "::1")) || !(await canListen(port));
}

async function waitForPortFree(port = PORT, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  while (await portInUse(port)) {
    if (Date.now() > deadline) return false;
    await sleep(200);
  }
  return true;
}

/** office-addin-debugging's command line, run with this Node (a pinned devDependency, never npx). */
function officeAddinDebugging(args, options = {}) {
  const cli = require.resolve("office-addin-debugging/cli.js");
  return spawnSync(process.execPath, [cli, ...args], { cwd: ROOT, stdio: "inherit", ...options });
}

/** Removes the desktop sideload made by `npm start` on Windows or macOS. */
function removeSideload(log = console.log, sideloadFile = SIDELOAD_FILE) {
  if (!fs.existsSync(sideloadFile)) return;
  const manifest = fs.readFileSync(sideloadFile, "utf8").trim() || "manifest.xml";
  log(`Removing the desktop sideload: office-addin-debugging stop ${manifest}`);
  const result = officeAddinDebugging(["stop", manifest]);
  if (result.error) throw new Error(`office-addin-debugging stop failed: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`office-addin-debugging stop exited with code ${result.status}`);
  fs.rmSync(sideloadFile, { force: true });
}

/** Stops everything `npm start` started. Throws (after trying every step) when something failed. */
async function stopDevServer({
  log = console.log,
  port = PORT,
  pidFile = PID_FILE,
  sideloadFile = SIDELOAD_FILE,
  prove = proveDevServer,
} = {}) {
  const errors = [];
  try {
    removeSideload(log, sideloadFile);
  } catch (err) {
    errors.push(err.message);
  }

  const record = readRecord(pidFile);
  const name = path.basename(pidFile);
  if (record === null) {
    log(`No ${name}: no dev server started by npm start is recorded.`);
  } else if (record.invalid) {
    log(`${record.invalid}; removing it without ending any process.`);
    fs.rmSync(pidFile, { force: true });
  } else if (!processExists(record.pid)) {
    log(`Dev server (pid ${record.pid}) is not running; removing the stale ${name}.`);
    fs.rmSync(pidFile, { force: true });
  } else {
    const proof = await prove(record);
    if (!proof) {
      log(
        `pid ${record.pid} is running but is not provably the dev server (no answer with its token on port ` +
          `${record.port}, and its command line lacks the token): leaving it alone, removing the stale ${name}.`,
      );
      fs.rmSync(pidFile, { force: true });
    } else {
      try {
        await killProcessTree(record.pid);
        fs.rmSync(pidFile, { force: true });
        log(`Stopped the dev server (pid ${record.pid}; ${proof}).`);
      } catch (err) {
        errors.push(`Could not stop the dev server (pid ${record.pid}): ${err.message}`);
      }
    }
  }

  const checked = record && !record.invalid ? record.port : port;
  if (await waitForPortFree(checked)) {
    log(`Port ${checked} is free.`);
  } else {
    errors.push(`Port ${checked} is still in use by a process that npm start did not record; stop it yourself.`);
  }
  if (errors.length > 0) throw new Error(errors.join("\n"));
}

module.exports = {
  ROOT,
  PID_FILE,
  SIDELOAD_FILE,
  PORT,
  DEV_REPORT,
  DEV_SERVER_IDENTITY_PATH,
  isAlive,
  processExists,
  newToken,
  writeRecord,
  readRecord,
  commandLineOf,
  askServer,
  proveDevServer,
  killProcessTree,
  portInUse,
  waitForPortFree,
  officeAddinDebugging,
  removeSideload,
  stopDevServer,
};

if (require.main === module) {
  stopDevServer().catch((err) => {
    console.error(`npm stop failed:\n${err.message}`);
    process.exit(1);
  });
}
