// Task pane benchmarks: first-load JavaScript (gzip) against the budget, and the time until the
// survey is interactive in headless Chromium against a floor app built by the same webpack config.
import fs from "fs";
import os from "os";
import path from "path";
import zlib from "zlib";
import { chromium, type Browser, type Page } from "playwright-core";
import {
  chromiumExecutable,
  CHROMIUM_ARGS,
  DIST,
  LOCAL_OFFICE_JS,
  ROOT,
  requireBuildAndBrowser,
  serveDist,
  type Server,
} from "../e2e/support/browser";

export interface BenchLine {
  name: string;
  ratio: number;
  target: string;
  /** Absent for a reference line, which has no target. */
  pass?: boolean;
  detail: string;
}

const KB = 1024;
const BUDGET_KB = 150;
const TEMPLATE_KB = 165;
const RUNS = 11;

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Local scripts a page's HTML loads (office.js comes from Microsoft's CDN and is not counted). */
function htmlScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)]
    .map((m) => m[1])
    .filter((src) => !/^(https?:)?\/\//.test(src));
}

const gzipSize = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

const SHARED_PLUGINS = new Set(["MiniCssExtractPlugin", "GriffelCSSExtractionPlugin", "ScriptPriorityPlugin"]);

/** Builds the floor page with the project's webpack config, only its entry, output and plugins replaced. */
export async function buildFloor(outDir: string): Promise<void> {
  const webpack = require("webpack") as typeof import("webpack");
  const HtmlWebpackPlugin = require("html-webpack-plugin");
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  const made = await makeConfig({}, { mode: "production" });
  const base = (Array.isArray(made) ? made[0] : made) as import("webpack").Configuration;
  const config: import("webpack").Configuration = {
    ...base,
    context: ROOT,
    entry: { floor: path.join(__dirname, "floor/index.tsx") },
    output: { ...base.output, path: outDir, clean: true },
    plugins: [
      // The style extraction and script priority the pane is built with apply to the floor too; the
      // pane's own pages and assets do not.
      ...(base.plugins ?? []).filter((plugin) => SHARED_PLUGINS.has(plugin?.constructor.name ?? "")),
      new HtmlWebpackPlugin({
        filename: "floor.html",
        template: path.join(__dirname, "floor/floor.html"),
        chunks: ["floor"],
      }),
    ],
  };
  await new Promise<void>((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

/**
 * Records performance.now() (ms since navigation start) when #root first has content and when
 * the element is in the DOM, laid out and enabled, then reports through a binding. Runs before
 * any page script. Nothing polls the page while it starts: Playwright's own page-side helpers,
 * which polling would load, take the page's main thread for tens of milliseconds.
 */
function readyWatcher(selector: string): string {
  return `(() => {
    const ready = () => {
      if (window.__agapFirstRenderAt === undefined && document.querySelector("#root > *")) {
        window.__agapFirstRenderAt = performance.now();
      }
      const el = document.querySelector(${JSON.stringify(selector)});
      if (!el || el.disabled || el.getBoundingClientRect().width === 0) return false;
      window.__agapReadyAt = performance.now();
      window.__agapReportReady();
      return true;
    };
    const observer = new MutationObserver(() => ready() && observer.disconnect());
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  })();`;
}

interface Target {
  url: string;
  selector: string;
  /** Checked once the page is ready: it started the way the benchmark means it to. */
  check?: (page: Page) => Promise<void>;
}

interface Start {
  /** The survey (or the floor's Button) is usable. */
  ready: number;
  /** #root first has content. */
  firstRender: number;
  /** The pane's own "agap-interactive" mark, if set. */
  mark: number | null;
}

/**
 * One cold start in a new context (empty storage; the local server sends no-store). Every file,
 * office.js included, comes from the local server, and no request is routed: once any route is
 * set, Playwright passes every request through Node, which delays a page by its request count.
 */
async function timeStart(browser: Browser, target: Target, scripts?: Set<string>): Promise<Start> {
  const context = await browser.newContext({ viewport: { width: 380, height: 900 }, colorScheme: "light" });
  let timer: NodeJS.Timeout | undefined;
  try {
    let reportReady = () => {};
    const ready = new Promise<void>((resolve, reject) => {
      reportReady = resolve;
      timer = setTimeout(() => reject(new Error(`${target.url}: ${target.selector} not ready after 30 s`)), 30_000);
    });
    await context.exposeBinding("__agapReportReady", () => reportReady());
    await context.addInitScript(readyWatcher(target.selector));
    const page = await context.newPage();
    const origin = new URL(target.url).origin;
    const foreign: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.origin !== origin) foreign.push(request.url());
      else if (scripts && request.resourceType() === "script" && !url.pathname.startsWith(LOCAL_OFFICE_JS)) {
        scripts.add(url.pathname.slice(1));
      }
    });
    await page.goto(target.url, { waitUntil: "commit" });
    await ready;
    if (foreign.length > 0)
      throw new Error(`${target.url} made requests outside the local server: ${foreign.join(", ")}`);
    await target.check?.(page);
    return await page.evaluate(() => {
      const w = window as { __agapReadyAt?: number; __agapFirstRenderAt?: number };
      const mark = performance.getEntriesByName("agap-interactive", "mark")[0];
      return {
        ready: w.__agapReadyAt as number,
        firstRender: w.__agapFirstRenderAt as number,
        mark: mark ? mark.startTime : null,
      };
    });
  } finally {
    clearTimeout(timer);
    await context.close();
  }
}

export async function benchTaskpane(): Promise<BenchLine[]> {
  requireBuildAndBrowser();
  const floorDir = fs.mkdtempSync(path.join(os.tmpdir(), "agap-floor-"));
  let pane: Server | undefined;
  let floor: Server | undefined;
  let browser: Browser | undefined;
  try {
    await buildFloor(floorDir);
    // A reference beside the floor: the same page with office.js in its <head>, as every add-in page has,
    // after the page's own script as in taskpane.html.
    const floorHtml = fs.readFileSync(path.join(floorDir, "floor.html"), "utf8");
    const officeTag = /<script\b[^>]*\bsrc="?https:\/\/appsforoffice[^>]*><\/script>/.exec(
      fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8"),
    );
    if (!officeTag) throw new Error("taskpane.html has no office.js script tag to copy into the reference floor.");
    const withOffice = floorHtml.replace("</head>", `${officeTag[0]}</head>`);
    fs.writeFileSync(path.join(floorDir, "floor-office.html"), withOffice);
    // A second reference: the floor renders only once Office.onReady has resolved, as the pane does.
    const waiting = withOffice.replace(/<html\b/, "<html data-wait-for-office");
    if (waiting === withOffice) throw new Error("The floor page has no <html> tag to mark data-wait-for-office.");
    fs.writeFileSync(path.join(floorDir, "floor-office-ready.html"), waiting);
    pane = await serveDist(DIST, "taskpane.html", { localOfficeJs: true });
    floor = await serveDist(floorDir, "floor.html", { localOfficeJs: true });
    browser = await chromium.launch({
      executablePath: await chromiumExecutable(),
      headless: true,
      args: CHROMIUM_ARGS,
    });
    const paneTarget: Target = {
      url: new URL("taskpane.html", pane.url).href,
      selector: '[role="radiogroup"] input[type="radio"]',
      // The pane started as the preview, and office.js then became ready with no host: nothing gave up.
      check: async (page) => {
        await page.waitForFunction(() => performance.getEntriesByName("agap-office-ready", "mark").length > 0);
        const mode = await page.getByTestId("mode").textContent();
        if (mode !== "Preview outside Excel: data is kept in this browser and can be exported.") {
          throw new Error(`The pane did not start as a preview with office.js ready: "${mode}"`);
        }
      },
    };
    const floorTarget = { url: new URL("floor.html", floor.url).href, selector: "button" };
    const floorOfficeTarget = { url: new URL("floor-office.html", floor.url).href, selector: "button" };
    const floorReadyTarget = { url: new URL("floor-office-ready.html", floor.url).href, selector: "button" };

    // A warm-up of each (the browser's own start-up), recording which scripts the pane loads at start.
    const startScripts = new Set<string>();
    await timeStart(browser, paneTarget, startScripts);
    await timeStart(browser, floorTarget);
    await timeStart(browser, floorOfficeTarget);
    await timeStart(browser, floorReadyTarget);
    const paneStarts: Start[] = [];
    const floorMs: number[] = [];
    const floorOfficeMs: number[] = [];
    const floorReadyMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      floorMs.push((await timeStart(browser, floorTarget)).ready);
      paneStarts.push(await timeStart(browser, paneTarget));
      floorOfficeMs.push((await timeStart(browser, floorOfficeTarget)).ready);
      floorReadyMs.push((await timeStart(browser, floorReadyTarget)).ready);
    }
    const paneMs = paneStarts.map((s) => s.ready);

    // First-load JavaScript: what taskpane.html names, plus any chunk fetched before the survey was ready.
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    const files = [...new Set([...htmlScripts(html), ...startScripts])].filter((f) => f.endsWith(".js")).sort();
    const sizes = files.map((file) => ({ file, gzip: gzipSize(path.join(DIST, file)) }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    // Styles are extracted to CSS at build time; the page loads them too, so they are reported beside the JavaScript.
    const styleSheets = [...html.matchAll(/<link\b[^>]*\bhref="?([^"\s>]+\.css)/g)].map((m) => m[1]);
    const cssGzip = styleSheets.reduce((sum, file) => sum + gzipSize(path.join(DIST, file)), 0);
    const lazy = fs
      .readdirSync(DIST)
      .filter((f) => f.endsWith(".js") && !files.includes(f))
      .sort();

    const floorGzip = fs
      .readdirSync(floorDir)
      .filter((f) => f.endsWith(".js"))
      .reduce((sum, f) => sum + gzipSize(path.join(floorDir, f)), 0);
    const [paneMedian, floorMedian, floorOfficeMedian, floorReadyMedian] = [
      median(paneMs),
      median(floorMs),
      median(floorOfficeMs),
      median(floorReadyMs),
    ];
    return [
      {
        name: "5. Task pane first-load JavaScript, gzip -9, against the 150 KB budget",
        ratio: total / (BUDGET_KB * KB),
        target: "≤ 1.0 (150 KB)",
        pass: total <= BUDGET_KB * KB,
        detail:
          `${(total / KB).toFixed(1)} KB gzip: ${sizes.map((s) => `${s.file} ${(s.gzip / KB).toFixed(1)} KB`).join(" + ")}; ` +
          `template reference ${TEMPLATE_KB} KB (${((total / (TEMPLATE_KB * KB)) * 100).toFixed(0)}% of it); ` +
          `also loaded at start: ${styleSheets.join(", ") || "no stylesheet"} ${(cssGzip / KB).toFixed(1)} KB gzip of CSS; ` +
          `not counted: office.js (Microsoft's CDN, cached by Office) and chunks loaded only on demand (${lazy.join(", ") || "none"})`,
      },
      {
        name: "6. Time until the survey is interactive in headless Chromium vs a React + Fluent one-Button floor",
        ratio: paneMedian / floorMedian,
        target: "≤ 1.6",
        pass: paneMedian / floorMedian <= 1.6,
        detail:
          `median ${paneMedian.toFixed(0)} ms (first radio visible and enabled; in a plain browser tab the pane does not wait for Office.onReady; office.js from the local server) vs ` +
          `${floorMedian.toFixed(0)} ms (Button in the DOM, ${(floorGzip / KB).toFixed(1)} KB gzip of JS), ` +
          `${RUNS} alternating cold starts each; pane medians: ` +
          `"agap-interactive" mark ${median(paneStarts.map((s) => s.mark ?? NaN)).toFixed(0)} ms, ` +
          `first content in #root ${median(paneStarts.map((s) => s.firstRender)).toFixed(0)} ms; ` +
          `pane ${paneMs.map((v) => v.toFixed(0)).join("/")} ms, floor ${floorMs.map((v) => v.toFixed(0)).join("/")} ms`,
      },
      {
        name: "6b. Reference for 6: the same survey start against the floor page with office.js in its <head>",
        ratio: paneMedian / floorOfficeMedian,
        target: "none, a reference",
        detail:
          `median ${paneMedian.toFixed(0)} ms vs ${floorOfficeMedian.toFixed(0)} ms; office.js alone adds ` +
          `${(floorOfficeMedian - floorMedian).toFixed(0)} ms to the floor; ` +
          `floor with office.js ${floorOfficeMs.map((v) => v.toFixed(0)).join("/")} ms`,
      },
      {
        name: "6c. Reference for 6: the same survey start against the floor rendering in Office.onReady, as the pane does where Office may have opened it",
        ratio: paneMedian / floorReadyMedian,
        target: "none, a reference",
        detail:
          `median ${paneMedian.toFixed(0)} ms vs ${floorReadyMedian.toFixed(0)} ms; waiting for Office.onReady adds ` +
          `${(floorReadyMedian - floorMedian).toFixed(0)} ms to the floor; ` +
          `floor waiting for Office ${floorReadyMs.map((v) => v.toFixed(0)).join("/")} ms`,
      },
    ];
  } finally {
    await browser?.close();
    await pane?.close();
    await floor?.close();
    fs.rmSync(floorDir, { recursive: true, force: true });
  }
}

// scripts/run-ts.js requires this file, so require.main is run-ts.js; it leaves our path in argv[1].
if (require.main === module || path.resolve(process.argv[1] ?? "") === __filename) {
  benchTaskpane().then(
    (lines) => {
      for (const line of lines) {
        console.log(
          `${line.pass === undefined ? "INFO" : line.pass ? "PASS" : "MISS"}  ${line.name}: ${line.ratio.toFixed(3)} (target ${line.target}; ${line.detail})`,
        );
      }
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
