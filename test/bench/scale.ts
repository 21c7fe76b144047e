// Scale benchmark: the task pane in headless Chromium with many saved responses in the browser
// store, against the same actions with a handful. Each action is timed inside the page, so no
// Playwright round trip is counted.
import path from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { ANSWER_MAX, STATEMENTS, type AssessmentResponse } from "../../src/model";
import { checkResponses } from "../../src/workbook/local-store";
import { DRAFT_KEY, RESPONSES_KEY } from "../../src/workbook/store";
import { CHROMIUM_ARGS, DIST, chromiumExecutable, requireBuildAndBrowser, serveDist } from "../e2e/support/browser";
import type { BenchLine } from "./taskpane";

/** The data sizes, smallest first: the first is the baseline, the last the size the line is about. */
const SIZES = [
  { responses: 10, workflows: 1 },
  { responses: 2_500, workflows: 75 },
  { responses: 10_000, workflows: 300 },
];
const REPETITIONS = 5;
const DATES = ["2025-01-15", "2025-04-15", "2025-07-15", "2025-10-15"];
const workflowName = (k: number) => `Workflow ${String(k + 1).padStart(3, "0")}`;

/**
 * Deterministic responses spread evenly over the workflows and, within each, over four quarterly
 * rounds; one in nine answers only the first ten statements (a partial response).
 */
export function scaleResponses(count: number, workflows: number): AssessmentResponse[] {
  let seed = 20260101;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: count }, (_, i) => {
    const answered = i % 9 === 8 ? 10 : STATEMENTS.length;
    return {
      id: `r-${String(i + 1).padStart(6, "0")}`,
      workflow: workflowName(i % workflows),
      respondent: `Respondent ${Math.floor(i / (workflows * DATES.length)) + 1}`,
      date: DATES[Math.floor(i / workflows) % DATES.length],
      answers: Object.fromEntries(
        STATEMENTS.slice(0, answered).map((statement) => [statement.id, 1 + Math.floor(next() * ANSWER_MAX)]),
      ),
    };
  });
}

interface Panel {
  /** What the line calls the action. */
  label: string;
  /** The tab to select. */
  tab: string;
  /** The element whose presence, after a click on the tab, means the panel is drawn. */
  selector: string;
  /** Checked after the timing: the panel shows the data, read by role. */
  check: (page: Page, workflows: number) => Promise<void>;
}

async function expectCount(what: string, actual: Promise<number>, expected: number): Promise<void> {
  const found = await actual;
  if (found !== expected) throw new Error(`scale bench: ${what}: ${found}, expected ${expected}`);
}

const PANELS: Panel[] = [
  {
    label: "Team & history",
    tab: "Team & history",
    selector: 'table[aria-label="Rounds by date"]',
    check: (page) =>
      expectCount(
        "rounds listed under Team & history",
        page.getByRole("table", { name: "Rounds by date" }).getByRole("row").count(),
        DATES.length + 1,
      ),
  },
  {
    label: "Scenarios",
    tab: "Scenarios",
    selector: '[data-testid="scenario-realized"]',
    // "Typed scores", then every workflow with a team result.
    check: (page, workflows) =>
      expectCount(
        "bases offered under Scenarios",
        page.getByRole("combobox", { name: "Start from" }).locator("option").count(),
        workflows + 1,
      ),
  },
  {
    label: "Portfolio (Roadmap tab)",
    tab: "Roadmap",
    selector: '[role="table"][aria-label="Portfolio"]',
    check: (page, workflows) =>
      expectCount(
        "portfolio rows",
        page.getByRole("table", { name: "Portfolio" }).getByRole("row").count(),
        workflows + 1,
      ),
  },
];

/**
 * Installed before any page script: reports the "agap-interactive" mark through a binding (no
 * polling, which would load Playwright's page-side helpers while the pane starts) and keeps the
 * end of every long task, so the bench can tell when the main thread has gone quiet.
 */
const WATCHER = `(() => {
  window.__agapLongTaskEnd = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__agapLongTaskEnd = Math.max(window.__agapLongTaskEnd, entry.startTime + entry.duration);
    }
  }).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName("agap-interactive").length > 0) {
      observer.disconnect();
      window.__agapReportInteractive();
    }
  }).observe({ type: "mark", buffered: true });
})();`;

interface Opened {
  context: BrowserContext;
  page: Page;
  /** ms from navigation start to the "agap-interactive" mark. */
  interactive: number;
  /** ms from navigation start to the end of the last long task of the start-up (the mark if none). */
  quiet: number;
}

/** How long the main thread must stay free of long tasks before the pane counts as settled. */
const QUIET_MS = 600;

/** Opens the pane in a new context whose storage holds the given texts, and waits until it settles. */
async function openPane(browser: Browser, url: string, stored: Record<string, string>): Promise<Opened> {
  const origin = new URL(url).origin;
  const context = await browser.newContext({
    viewport: { width: 380, height: 900 },
    colorScheme: "light",
    storageState: {
      cookies: [],
      origins: [{ origin, localStorage: Object.entries(stored).map(([name, value]) => ({ name, value })) }],
    },
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    let reportInteractive = () => {};
    const interactive = new Promise<void>((resolve, reject) => {
      reportInteractive = resolve;
      timer = setTimeout(() => reject(new Error(`${url}: no "agap-interactive" mark after 60 s`)), 60_000);
    });
    await context.exposeBinding("__agapReportInteractive", () => reportInteractive());
    await context.addInitScript(WATCHER);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(url, { waitUntil: "commit" });
    await interactive;
    const interactiveAt = await page.evaluate(
      () => performance.getEntriesByName("agap-interactive", "mark")[0].startTime,
    );
    // Settled: no long task for QUIET_MS (the saved list read again, the workflows listed, …).
    const quiet = await settle(page, interactiveAt);
    if (errors.length > 0) throw new Error(`The pane failed: ${errors.join("; ")}`);
    return { context, page, interactive: interactiveAt, quiet };
  } catch (error) {
    await context.close();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits until the page has run no long task for QUIET_MS, counting from `from` (ms since
 * navigation start) or the end of the last long task, whichever is later; returns that moment.
 */
function settle(page: Page, from: number): Promise<number> {
  return page.evaluate(
    async ([from, quietMs]) => {
      const w = window as unknown as { __agapLongTaskEnd: number };
      const busyUntil = () => Math.max(w.__agapLongTaskEnd, from);
      for (let since = performance.now() - busyUntil(); since < quietMs; since = performance.now() - busyUntil()) {
        await new Promise((resolve) => setTimeout(resolve, quietMs - since));
      }
      return busyUntil();
    },
    [from, QUIET_MS] as const,
  );
}

/**
 * Goes back to the Assessment tab (the panel just visited stays mounted, hidden, as the pane
 * keeps every visited panel), waits until the page is quiet, and returns the ms from a click on
 * an answer of the first statement until the frame that shows it has been drawn.
 */
async function timeAnswer(page: Page): Promise<number> {
  await page.getByRole("tab", { name: "Assessment", exact: true }).click();
  await settle(page, await page.evaluate(() => performance.now()));
  const radio = page.getByRole("radiogroup").first().locator('input[type="radio"]').nth(3);
  const handle = await radio.elementHandle({ timeout: 10_000 });
  const ms = await page.evaluate(
    (radio) =>
      new Promise<number>((resolve) => {
        const started = performance.now();
        (radio as HTMLInputElement).click();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
      }),
    handle,
  );
  if (!(await radio.isChecked())) throw new Error("scale bench: the answer clicked is not checked");
  return ms;
}

/**
 * Clicks a tab and returns the ms until the panel's element is in the DOM and the frame that
 * shows it has been drawn (a task after the next animation frame). The tab is found by role and
 * name before the clock starts.
 */
async function timeSwitch(page: Page, tab: string, selector: string): Promise<number> {
  const button = await page.getByRole("tab", { name: tab, exact: true }).elementHandle({ timeout: 10_000 });
  return page.evaluate(
    ([button, selector]) =>
      new Promise<number>((resolve, reject) => {
        const visible = () => {
          const el = document.querySelector(selector);
          return el !== null && el.getBoundingClientRect().width > 0;
        };
        const drawn = (started: number) =>
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
        const timeout = setTimeout(() => reject(new Error(`${selector} not shown 30 s after the click`)), 30_000);
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!visible()) return;
          observer.disconnect();
          clearTimeout(timeout);
          drawn(started);
        });
        observer.observe(document, { subtree: true, childList: true, attributes: true });
        (button as HTMLElement).click();
      }),
    [button, selector] as const,
  );
}

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function benchScale(): Promise<BenchLine[]> {
  requireBuildAndBrowser();
  const server = await serveDist(DIST, "taskpane.html", { localOfficeJs: true });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: await chromiumExecutable(),
      headless: true,
      args: CHROMIUM_ARGS,
    });
    const url = new URL("taskpane.html", server.url).href;
    const stores = SIZES.map(({ responses, workflows }) => {
      const data = scaleResponses(responses, workflows);
      // The browser store would set aside anything its reader refuses, and the bench would time that.
      const problems = checkResponses(data).problems;
      if (problems.length > 0) throw new Error(`scale bench data refused: ${problems[0]}`);
      // The form names the first workflow, so Team & history shows its rounds.
      const draft = { workflow: workflowName(0), respondent: "", date: "", answers: {} };
      return { [RESPONSES_KEY]: JSON.stringify(data), [DRAFT_KEY]: JSON.stringify(draft) };
    });

    const interactive = SIZES.map(() => [] as number[]);
    const quiet = SIZES.map(() => [] as number[]);
    const switches = PANELS.map(() => SIZES.map(() => [] as number[]));
    const answers = PANELS.map(() => SIZES.map(() => [] as number[]));
    // A warm-up of each size (the browser's own start-up), then the sizes in alternation.
    for (let rep = -1; rep < REPETITIONS; rep++) {
      for (const [p, panel] of PANELS.entries()) {
        for (const [s, size] of SIZES.entries()) {
          const opened = await openPane(browser, url, stores[s]);
          try {
            const ms = await timeSwitch(opened.page, panel.tab, panel.selector);
            await panel.check(opened.page, size.workflows);
            const answerMs = await timeAnswer(opened.page);
            if (rep < 0) continue;
            interactive[s].push(opened.interactive);
            quiet[s].push(opened.quiet);
            switches[p][s].push(ms);
            answers[p][s].push(answerMs);
          } finally {
            await opened.context.close();
          }
        }
      }
    }

    const [small, middle, large] = SIZES.map((size) => size.responses);
    const count = (n: number) => n.toLocaleString("en-US");
    // Differences under this are taken for noise: the machine is shared.
    const NOISE_MS = 15;
    /** The medians at each size, and how the cost above the smallest size's grows from the middle size to the largest. */
    const growth = (samples: number[][]) => {
      const [atSmall, atMiddle, atLarge] = samples.map(median);
      const [aboveMiddle, aboveLarge] = [atMiddle - atSmall, atLarge - atSmall];
      const said =
        aboveLarge < NOISE_MS
          ? `no growth beyond noise (under ${NOISE_MS} ms) up to ${count(large)} responses`
          : aboveMiddle < NOISE_MS
            ? `the cost above that at ${count(small)} is under ${NOISE_MS} ms at ${count(middle)} responses, so its growth to ${count(large)} cannot be told from noise`
            : `the cost above that at ${count(small)} grew ×${(aboveLarge / aboveMiddle).toFixed(1)} from ${count(middle)} to ${count(large)} responses (×${large / middle} the data: ×${large / middle} would be linear, ×${(large / middle) ** 2} quadratic)`;
      return {
        ratio: atLarge / atSmall,
        detail: `medians ${[atSmall, atMiddle, atLarge].map((v) => v.toFixed(0)).join(" / ")} ms at ${SIZES.map((size) => count(size.responses)).join(" / ")} responses; ${said}`,
      };
    };
    const open = growth(interactive);
    const settled = growth(quiet);
    const sizes = SIZES.map((size) => `${count(size.responses)} across ${size.workflows}`).join(", ");
    const actions = [
      {
        label: 'opening the pane, until the survey is interactive (the "agap-interactive" mark)',
        ...open,
        more:
          `; until the main thread is quiet (no task of 50 ms or more for 600 ms): ${settled.detail.replace(/^medians /, "")}; ` +
          `${REPETITIONS * PANELS.length} cold starts per size`,
      },
      ...PANELS.map((panel, p) => ({
        label: `switching from Assessment to ${panel.label}, until its panel is drawn`,
        ...growth(switches[p]),
        more:
          `; ${REPETITIONS} cold starts per size, each switching once; then, back on Assessment with the panel ` +
          `still mounted, an answer click until drawn: ${growth(answers[p]).detail.replace(/^medians /, "")}`,
      })),
    ];
    return actions.map((action, i) => ({
      name: `7${"abcd"[i]}. Scale: ${action.label}, ${count(large)} saved responses across ${SIZES[2].workflows} workflows vs ${small}`,
      ratio: action.ratio,
      target: "none, a reference",
      detail: `${action.detail}${action.more}; sizes (responses across workflows): ${sizes}`,
    }));
  } finally {
    await browser?.close();
    await server.close();
  }
}

// scripts/run-ts.js requires this file, so require.main is run-ts.js; it leaves our path in argv[1].
if (require.main === module || path.resolve(process.argv[1] ?? "") === __filename) {
  benchScale().then(
    (lines) => {
      for (const line of lines) console.log(`INFO  ${line.name}: ${line.ratio.toFixed(3)} (${line.detail})`);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
