// `npm stop`: stops the dev server started by `npm start` (its whole process group, so
// webpack's children cannot keep the port), removes a desktop sideload, and checks the port is free.
"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");
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

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** True while the process (POSIX: any process of its group) exists. */
function isAlive(pid) {
  try {
    process.kill(IS_WINDOWS ? pid : -pid, 0);
    return true;
  } catch (err) {
    if (err.code === "ESRCH") return false;
    if (err.code === "EPERM") return true;
    throw err;
  }
}

/** Guards against a stale pid file whose number now belongs to an unrelated process. */
function isDevServerProcess(pid) {
  if (IS_WINDOWS) return true;
  let command = "";
  try {
    command = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    const ps = spawnSync("ps", ["-o", "command=", "-p", String(pid)], { encoding: "utf8" });
    command = ps.stdout || "";
  }
  // The group leader may already be gone while its children still hold the port.
  return command === "" ? isAlive(pid) : /webpack/.test(command);
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

function readPidFile() {
  if (!fs.existsSync(PID_FILE)) return null;
  const pid = Number.parseInt(fs.readFileSync(PID_FILE, "utf8").trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`${PID_FILE} does not contain a process id`);
  return pid;
}

/** Removes the desktop sideload made by `npm start` on Windows or macOS. */
function removeSideload(log = console.log) {
  if (!fs.existsSync(SIDELOAD_FILE)) return;
  const manifest = fs.readFileSync(SIDELOAD_FILE, "utf8").trim() || "manifest.xml";
  log(`Removing the desktop sideload: npx --yes office-addin-debugging stop ${manifest}`);
  const result = spawnSync(`npx --yes office-addin-debugging stop "${manifest}"`, {
    cwd: ROOT,
    stdio: "inherit",
    shell: true,
  });
  if (result.error) throw new Error(`office-addin-debugging stop failed: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`office-addin-debugging stop exited with code ${result.status}`);
  fs.rmSync(SIDELOAD_FILE, { force: true });
}

/** Stops everything `npm start` started. Throws (after trying every step) when something failed. */
async function stopDevServer({ log = console.log } = {}) {
  const errors = [];
  try {
    removeSideload(log);
  } catch (err) {
    errors.push(err.message);
  }

  let pid = null;
  try {
    pid = readPidFile();
  } catch (err) {
    errors.push(err.message);
  }
  if (pid === null) {
    log(`No ${path.basename(PID_FILE)}: no dev server started by npm start is recorded.`);
  } else if (!isAlive(pid) || !isDevServerProcess(pid)) {
    log(`Dev server (pid ${pid}) is not running; removing the stale ${path.basename(PID_FILE)}.`);
    fs.rmSync(PID_FILE, { force: true });
  } else {
    try {
      await killProcessTree(pid);
      fs.rmSync(PID_FILE, { force: true });
      log(`Stopped the dev server (process group ${pid}).`);
    } catch (err) {
      errors.push(`Could not stop the dev server (pid ${pid}): ${err.message}`);
    }
  }

  if (await waitForPortFree(PORT)) {
    log(`Port ${PORT} is free.`);
  } else {
    errors.push(`Port ${PORT} is still in use by a process that npm start did not record; stop it yourself.`);
  }
  if (errors.length > 0) throw new Error(errors.join("\n"));
}

module.exports = {
  ROOT,
  PID_FILE,
  SIDELOAD_FILE,
  PORT,
  isAlive,
  isDevServerProcess,
  killProcessTree,
  portInUse,
  waitForPortFree,
  removeSideload,
  stopDevServer,
};

if (require.main === module) {
  stopDevServer().catch((err) => {
    console.error(`npm stop failed:\n${err.message}`);
    process.exit(1);
  });
}
