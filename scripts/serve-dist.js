// `npm run serve:dist -- [--port 3443] [--dir dist]`: serves a production build over https with
// the development certificates, under the path its manifest names and with the headers that
// docs/deploy.md asks of a static host, to try a build before it is deployed.
// Its manifest names the public address, so a copy pointing at this server is written for
// sideloading (the files in dist/ are served unchanged).
"use strict";

const fs = require("fs");
const http = require("http");
const https = require("https");
const os = require("os");
const path = require("path");
const { baseUrl } = require("./manifest-checks");
const { rebaseManifest } = require("./public-url");

const ROOT = path.resolve(__dirname, "..");

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * The headers a file is served with. The bundles keep their names from one version to the next,
 * so everything but the icons is revalidated on every load (no-cache: kept, but checked with the
 * ETag); Office wants the icons cacheable. Excel on the web fetches functions.json across origins.
 */
function headersFor(file) {
  const ext = path.extname(file).toLowerCase();
  return {
    "Content-Type": CONTENT_TYPES[ext] || "application/octet-stream",
    "Cache-Control": ext === ".png" ? "public, max-age=86400" : "no-cache",
    "Access-Control-Allow-Origin": "*",
    "X-Content-Type-Options": "nosniff",
  };
}

/** The file under root that a path below basePath names, or null. */
function fileFor(root, basePath, urlPath) {
  if (!urlPath.startsWith(basePath)) return null;
  let rel;
  try {
    rel = decodeURIComponent(urlPath.slice(basePath.length));
  } catch {
    return null;
  }
  const file = path.resolve(root, "." + path.posix.normalize("/" + rel));
  if (!file.startsWith(root + path.sep)) return null;
  try {
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** A request handler serving root under basePath (e.g. "/addin/"), with deploy.md's headers. */
function createDistHandler({ root, basePath = "/" }) {
  const base = path.resolve(root);
  return (req, res) => {
    const urlPath = new URL(req.url || "/", "http://localhost").pathname;
    const file = fileFor(base, basePath, urlPath);
    if (!file || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Not found");
      return;
    }
    const stat = fs.statSync(file);
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    const headers = { ...headersFor(file), ETag: etag, "Last-Modified": stat.mtime.toUTCString() };
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const body = fs.readFileSync(file);
    res.writeHead(200, { ...headers, "Content-Length": body.length });
    res.end(req.method === "HEAD" ? undefined : body);
  };
}

/** Where a build is meant to be served: its manifest's base URL. */
function buildBase(dir) {
  const manifest = path.join(dir, "manifest.xml");
  if (!fs.existsSync(manifest)) throw new Error(`${manifest} is missing: run \`npm run build\` first.`);
  const xml = fs.readFileSync(manifest, "utf8");
  const base = baseUrl(xml);
  if (!base) throw new Error(`${manifest} names no page (DefaultSettings/SourceLocation).`);
  return { xml, base };
}

function parseArgs(argv) {
  const options = { port: 3443, dir: path.join(ROOT, "dist") };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === "--port") options.port = Number(value());
    else if (flag === "--dir") options.dir = path.resolve(value());
    else throw new Error(`Unknown option ${argv[i]}. Usage: npm run serve:dist -- [--port 3443] [--dir dist]`);
  }
  if (!Number.isInteger(options.port) || options.port <= 0 || options.port > 65535) {
    throw new Error("--port needs a port number, e.g. --port 3443");
  }
  return options;
}

async function main() {
  const { port, dir } = parseArgs(process.argv.slice(2));
  const { xml, base } = buildBase(dir);
  const basePath = new URL(base).pathname;
  const local = `https://localhost:${port}${basePath}`;
  const { ensureCertificates, CA_PATH } = require("./certs");
  const server = https.createServer(await ensureCertificates(), createDistHandler({ root: dir, basePath }));
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, resolve);
  });

  const sideload = path.join(os.tmpdir(), `agap-serve-dist-${port}`, "manifest.xml");
  fs.mkdirSync(path.dirname(sideload), { recursive: true });
  fs.writeFileSync(sideload, rebaseManifest(xml, local, base));
  console.log(
    [
      `Serving ${path.relative(process.cwd(), dir) || "."} (built for ${base}) as deployed, at ${local}`,
      `  Task pane    ${local}taskpane.html`,
      `  Certificate  ${CA_PATH} (trust it, or Excel cannot load the add-in)`,
      `  Sideload     ${sideload}`,
      "               (the build's manifest with its address replaced by this server's)",
      "Stop: Ctrl+C.",
    ].join("\n"),
  );
  const close = () => server.close(() => process.exit(0));
  process.on("SIGINT", close);
  process.on("SIGTERM", close);
}

/** For tests: the same handler over plain http on a free loopback port. */
function serveHttp(options) {
  return new Promise((resolve, reject) => {
    const server = http.createServer(createDistHandler(options));
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

module.exports = { createDistHandler, serveHttp, headersFor, buildBase, parseArgs, CONTENT_TYPES };

if (require.main === module) {
  main().catch((err) => {
    console.error(`serve:dist: ${err.message}`);
    process.exit(1);
  });
}
