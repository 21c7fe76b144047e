// Headless Chromium against the production build in dist/, served locally, with office.js
// answered from node_modules so that the page starts offline the way it would online.
import fs from "fs";
import http from "http";
import os from "os";
import path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { chromiumExecutable, locateChromium } from "../../../scripts/chromium";

export const ROOT = path.resolve(__dirname, "../../..");
export const DIST = path.join(ROOT, "dist");
export const OFFICE_JS_DIR = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
/** The address taskpane.html loads office.js from; everything below it is routed to OFFICE_JS_DIR. */
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
/** CHROMIUM_PATH, else a system Chromium, Chrome or Edge, else the one @sparticuz/chromium carries. */
export { chromiumExecutable };

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Headless Chromium otherwise preloads its own omnibox WebUI in a second renderer for every
  // new window, competing for the CPU with the page under test.
  "--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup",
];

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/** The file under root that a URL path names, or null when it leaves root or does not exist. */
function fileUnder(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = path.resolve(root, "." + path.posix.normalize("/" + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** Throws, saying what to run, when the build or the browser is missing. Never skips. */
export function requireBuildAndBrowser(dist: string = DIST): void {
  if (!fs.existsSync(path.join(dist, "taskpane.html"))) {
    throw new Error(
      `${path.join(dist, "taskpane.html")} is missing. Build first: \`npx webpack --mode production\` (npm test does it).`,
    );
  }
  // Throws, saying what to do, when no browser can be had (never `npx playwright install`).
  locateChromium();
  if (!fs.existsSync(path.join(OFFICE_JS_DIR, "office.js"))) {
    throw new Error(`${OFFICE_JS_DIR}/office.js is missing. Run \`npm install\`.`);
  }
}

export interface Server {
  /** Origin with a trailing slash, e.g. http://127.0.0.1:41234/ */
  url: string;
  close(): Promise<void>;
}

/** Where serveDist serves office.js's folder when asked to serve it locally. */
export const LOCAL_OFFICE_JS = "/office-js/";

export interface ServeOptions {
  /**
   * Serve office.js's folder at LOCAL_OFFICE_JS and point the pages' office.js tags there, so a
   * context needs no request routing: Playwright routes every request through Node once any route
   * is set, which the start-up benchmark must not pay.
   */
  localOfficeJs?: boolean;
}

/** Serves a folder (dist/ by default) on 127.0.0.1 on a free port; 404 for anything else. */
export function serveDist(root: string = DIST, index = "taskpane.html", options: ServeOptions = {}): Promise<Server> {
  if (root === DIST) requireBuildAndBrowser();
  else if (!fs.existsSync(path.join(root, index))) throw new Error(`${path.join(root, index)} is missing.`);
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const urlPath = new URL(req.url ?? "/", "http://localhost").pathname;
    const officeFile = options.localOfficeJs && urlPath.startsWith(LOCAL_OFFICE_JS);
    const file = officeFile
      ? fileUnder(OFFICE_JS_DIR, urlPath.slice(LOCAL_OFFICE_JS.length - 1))
      : fileUnder(base, urlPath === "/" ? `/${index}` : urlPath);
    if (!file || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Not found");
      return;
    }
    let body = fs.readFileSync(file);
    if (options.localOfficeJs && !officeFile && file.endsWith(".html")) {
      body = Buffer.from(body.toString("utf8").split(OFFICE_CDN).join(LOCAL_OFFICE_JS), "utf8");
    }
    res.writeHead(200, {
      "Content-Type": contentType(file),
      "Content-Length": body.length,
      "Cache-Control": "no-store",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** How the request was answered: from the local server, from node_modules (office.js), or aborted. */
  handling: "page" | "office-js" | "office-js-missing" | "aborted";
}

/**
 * office.js's own telemetry, identified by host only: Microsoft's event collectors
 * (*.events.data.microsoft.com) and hosts with "telemetry" in their name.
 */
export function isOfficeTelemetry(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return (
    host.includes("telemetry") || host === "events.data.microsoft.com" || host.endsWith(".events.data.microsoft.com")
  );
}

export interface LaunchOptions {
  colorScheme?: "light" | "dark";
  /** Abort office.js itself, as a blocked CDN or an offline machine would. */
  blockOfficeJs?: boolean;
  viewport?: { width: number; height: number };
  /** The browser's language, and so the pane's number separators outside Excel; en-US by default. */
  locale?: string;
  /**
   * Keep the pages' Content-Security-Policy (test/e2e/csp.test.ts, the public build's test). Off by
   * default: the other suites inject axe-core with addScriptTag, an inline script the policy refuses.
   */
  enforceCsp?: boolean;
}

export interface Session {
  context: BrowserContext;
  /** Every request any page of the context made, in order. */
  requests: RecordedRequest[];
  /** Requests outside the local server's origin, except the routed office.js files and office.js telemetry. */
  foreignRequests(origin: string): RecordedRequest[];
  /** Aborts office.js for one page, as a blocked CDN or an offline machine would. */
  blockOfficeJs(page: Page): Promise<void>;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Answers office.js and the files it asks for from its own folder out of node_modules (404 for
 * one that is missing), or aborts them when blocked; refuses every other outside request at
 * once, since the machine is offline. Records how each outside request was handled.
 */
export async function routeOffline(
  context: BrowserContext,
  handled: Map<string, RecordedRequest["handling"]> = new Map(),
  blockOfficeJs = false,
): Promise<void> {
  const cdnPath = new URL(OFFICE_CDN).pathname;
  await context.route(`${OFFICE_CDN}**`, async (route) => {
    const url = route.request().url();
    if (blockOfficeJs) {
      handled.set(url, "aborted");
      await route.abort("blockedbyclient");
      return;
    }
    const file = fileUnder(OFFICE_JS_DIR, "/" + new URL(url).pathname.slice(cdnPath.length));
    if (!file) {
      handled.set(url, "office-js-missing");
      await route.fulfill({ status: 404, contentType: "text/plain", body: "Not found" });
      return;
    }
    handled.set(url, "office-js");
    await route.fulfill({
      status: 200,
      contentType: contentType(file),
      body: fs.readFileSync(file),
      headers: { "Access-Control-Allow-Origin": "*" },
    });
  });
  await context.route(
    (url) =>
      url.protocol !== "data:" &&
      url.protocol !== "blob:" &&
      url.hostname !== "127.0.0.1" &&
      !url.href.startsWith(OFFICE_CDN),
    async (route) => {
      handled.set(route.request().url(), "aborted");
      await route.abort("blockedbyclient");
    },
  );
}

/** A fresh Chromium profile shaped like a task pane (380 px wide), with office.js served locally. */
export async function launch(options: LaunchOptions = {}): Promise<Session> {
  requireBuildAndBrowser();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "agap-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: await chromiumExecutable(),
    headless: true,
    args: CHROMIUM_ARGS,
    colorScheme: options.colorScheme ?? "light",
    // Fixes the order of the date input's fields (month/day/year) for typing, and the separators.
    locale: options.locale ?? "en-US",
    acceptDownloads: true,
    viewport: options.viewport ?? { width: 380, height: 900 },
    bypassCSP: !options.enforceCsp,
  });
  const requests: RecordedRequest[] = [];
  const handled = new Map<string, RecordedRequest["handling"]>();
  await routeOffline(context, handled, options.blockOfficeJs ?? false);
  context.on("request", (request) => {
    requests.push({
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
      handling: "page",
    });
  });
  // A route runs after its request event, so the handling is filled in when asked for.
  const settled = () => {
    for (const r of requests) r.handling = handled.get(r.url) ?? "page";
    return requests;
  };
  const used = new WeakSet<Page>();

  return {
    context,
    get requests() {
      return settled();
    },
    foreignRequests(origin: string) {
      const own = new URL(origin).origin;
      return settled().filter((r) => {
        if (r.url.startsWith("data:") || r.url.startsWith("blob:")) return false;
        if (new URL(r.url).origin === own) return false;
        if (r.url.startsWith(OFFICE_CDN)) return false;
        return !isOfficeTelemetry(r.url);
      });
    },
    async blockOfficeJs(page: Page) {
      await page.route(`${OFFICE_CDN}**`, async (route) => {
        handled.set(route.request().url(), "aborted");
        await route.abort("blockedbyclient");
      });
    },
    async newPage() {
      // The persistent context opens with one blank tab; use it first.
      const blank = context.pages().find((p) => p.url() === "about:blank" && !used.has(p));
      const page = blank ?? (await context.newPage());
      used.add(page);
      return page;
    },
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens the task pane and waits until the React app has rendered its header. */
export async function openTaskpane(page: Page, serverUrl: string): Promise<void> {
  await page.goto(new URL("taskpane.html", serverUrl).href);
  await page.getByRole("heading", { name: "AGAP assessment" }).waitFor({ timeout: 10_000 });
  await waitForSurvey(page);
}

/**
 * Starts the pane again from the page's own storage, as a person reopening it would, and waits for
 * its header and all 15 statements.
 */
export async function reopenTaskpane(page: Page, headerTimeout?: number): Promise<void> {
  await page.reload();
  await page.getByRole("heading", { name: "AGAP assessment" }).waitFor({ timeout: headerTimeout });
  await waitForSurvey(page);
}

/** Sets the pane's width (900 px high) and colour scheme, then starts it again: the theme is chosen at start-up. */
export async function reopenTaskpaneAt(page: Page, width: number, scheme: "light" | "dark"): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await page.emulateMedia({ colorScheme: scheme });
  await reopenTaskpane(page);
}

/** Waits for all 15 statements: the first comes with the first render, the rest in a transition after it. */
export async function waitForSurvey(page: Page): Promise<void> {
  await page.getByRole("radiogroup").nth(14).waitFor();
}
