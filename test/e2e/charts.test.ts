// The pane's charts in the built task pane, in headless Chromium outside Excel (browser store
// seeded with a draft and three rounds of one workflow): the decay curve on Results, the trend and
// what moved between the last two rounds on Team & history, the tornado on Scenarios. At 320 and 400 px, light and dark, every
// chart text is measured as rendered (computed font size times the scale of the SVG on screen)
// and must be 12 px or more, inside its chart and clear of every other text; the page must not
// scroll sideways. Forced colors draw the charts in system colours. Each chart and its table of
// values is photographed into test-artifacts/.
// One browser for the whole file; the tests run in order on one page.
import fs from "fs";
import path from "path";
import type { Locator, Page } from "playwright-core";
import { STATEMENTS } from "../../src/model";
import { formatPoints } from "../../src/taskpane/components/format";
import { openTaskpane, reopenTaskpane, reopenTaskpaneAt } from "./support/browser";
import { AXE, showTab, writeStore } from "./support/page";
import { ARTIFACTS, browserSuite } from "./support/suite";

// Chromium on a busy 2-core machine: the limit bounds a test; nothing here waits on time.
jest.setTimeout(240_000);

const WORKFLOW = "Claims desk";
const answersOf = (values: readonly number[]) => Object.fromEntries(STATEMENTS.map((s, i) => [s.id, values[i]]));

// The draft on the form: Strategy 4,4,4 → 0.8; Workflow 3,3,3 → 0.6; Oversight 3,3,3 → 0.6;
// Measurement 2,2,2 → 0.4; Adoption 3,3,3 → 0.6. Left after each layer: 1, 0.8, 0.48, 0.288,
// 0.1152, 0.06912 → 100%, 80%, 48%, 29%, 12%, 7%.
const DRAFT_ANSWERS = [4, 4, 4, 3, 3, 3, 3, 3, 3, 2, 2, 2, 3, 3, 3];
const CURVE_VALUES = ["100%", "80%", "48%", "29%", "12%", "7%"];
const CURVE_NAMES = ["Expected", "Strategy", "Workflow", "Oversight", "Measurement", "Adoption"];
// Four rounds. 2025-10-01: every answer 2 → 0.4⁵ = 0.01024 → "1.0%". Undated: every answer 3 →
// 0.6⁵ = 0.07776 → "7.8%", named beside the trend, off its time axis. 2026-01-15: the draft's
// answers → 0.8 × 0.6 × 0.6 × 0.4 × 0.6 = 0.06912 → "6.9%". 2026-04-10: 14/15, 0.8, 11/15, 0.6,
// 0.8 → 7392/28125 = 0.262826… → "26.3%".
const RESPONSES = [
  { id: "r-october", date: "2025-10-01", respondent: "Eve", answers: answersOf(Array(15).fill(2)) },
  { id: "r-undated", date: "", respondent: "Cy", answers: answersOf(Array(15).fill(3)) },
  { id: "r-january", date: "2026-01-15", respondent: "Ana", answers: answersOf(DRAFT_ANSWERS) },
  {
    id: "r-april",
    date: "2026-04-10",
    respondent: "Ben",
    answers: answersOf([5, 4, 5, 4, 4, 4, 4, 3, 4, 3, 3, 3, 4, 4, 4]),
  },
].map((response) => ({ ...response, workflow: WORKFLOW }));
// Drawn per dated round: its value, then its date. The undated round is named beside the chart.
const TREND = ["1.0%", "2025-10-01", "6.9%", "2026-01-15", "26.3%", "2026-04-10"];
const DRAFT = { workflow: WORKFLOW, respondent: "Dee", date: "2026-04-10", answers: answersOf(DRAFT_ANSWERS) };

/** Where each chart is, and the texts it must draw. */
const CHARTS = [
  { slug: "decay", tab: "Results", name: /^Decay curve/, table: "Values of the decay curve" },
  { slug: "trend", tab: "Team & history", name: /^Trend of realized value/, table: null },
  { slug: "tornado", tab: "Scenarios", name: /^Tornado/, table: "Values of the tornado" },
  // Its table ("Each layer's share of the change") stands beside it, outside the figure.
  { slug: "moved", tab: "Team & history", name: /^What moved from/, table: null },
] as const;

const suite = browserSuite({ colorScheme: "light", viewport: { width: 320, height: 900 }, artifacts: true });
let page: Page;
/** The smallest rendered text of each chart, per width and scheme, written to test-artifacts/. */
const smallest: Record<string, number> = {};

beforeAll(() => ({ page } = suite));

afterAll(async () => {
  fs.writeFileSync(path.join(ARTIFACTS, "charts-font-sizes.json"), JSON.stringify(smallest, null, 2) + "\n");
});

const chartOf = (name: RegExp) => page.getByRole("img", { name });
const figureOf = (name: RegExp) => page.locator("figure").filter({ has: chartOf(name) });

interface Measured {
  frame: { left: number; right: number; top: number; bottom: number };
  texts: { text: string; size: number; height: number; left: number; right: number; top: number; bottom: number }[];
}

/** Every text of a chart as rendered: its font size on screen and its box, and the chart's box. */
const measure = (chart: Locator): Promise<Measured> =>
  chart.evaluate((svg) => {
    const box = (element: Element) => {
      const r = element.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    return {
      frame: box(svg),
      texts: [...svg.querySelectorAll("text")].map((text) => {
        const ctm = (text as SVGTextElement).getScreenCTM()!;
        const scale = Math.hypot(ctm.a, ctm.b);
        const r = text.getBoundingClientRect();
        return {
          text: text.textContent ?? "",
          size: parseFloat(getComputedStyle(text).fontSize) * scale,
          height: r.height,
          ...box(text),
        };
      }),
    };
  });

/** The problems of a chart's texts: below 12 px, outside the chart, or over another text. */
function problemsOf(where: string, { frame, texts }: Measured): string[] {
  const problems: string[] = [];
  const near = 0.5;
  for (const t of texts) {
    if (t.size < 12) problems.push(`${where}: "${t.text}" renders at ${t.size.toFixed(2)} px`);
    if (t.height < 12) problems.push(`${where}: "${t.text}" is ${t.height.toFixed(2)} px high`);
    if (
      t.left < frame.left - near ||
      t.right > frame.right + near ||
      t.top < frame.top - near ||
      t.bottom > frame.bottom + near
    ) {
      problems.push(`${where}: "${t.text}" leaves the chart`);
    }
  }
  texts.forEach((a, i) =>
    texts.slice(i + 1).forEach((b) => {
      const apart =
        a.right <= b.left + near || b.right <= a.left + near || a.bottom <= b.top + near || b.bottom <= a.top + near;
      if (!apart) problems.push(`${where}: "${a.text}" overlaps "${b.text}"`);
    }),
  );
  return problems;
}

test("the seeded pane draws the three charts: the curve by layer with values, the trend by date, the tornado", async () => {
  await openTaskpane(page, suite.server.url);
  await writeStore(page, { "agap.responses": RESPONSES, "agap.draft": DRAFT });
  await reopenTaskpane(page);

  await showTab(page, "Results");
  const curve = await measure(chartOf(/^Decay curve/));
  const curveTexts = curve.texts.map((t) => t.text);
  expect(curveTexts).toEqual(expect.arrayContaining([...CURVE_NAMES, ...CURVE_VALUES]));
  expect(curveTexts).not.toContain("Agent");
  await expect(chartOf(/^Decay curve/).getAttribute("aria-label")).resolves.toContain(
    "after Strategy Alignment 80%, after Workflow Integration 48%, after Human Oversight 29%, " +
      "after Measurement 12%, after Business Adoption 7%",
  );

  await showTab(page, "Team & history");
  const trend = await measure(chartOf(/^Trend of realized value/));
  expect(trend.texts.map((t) => t.text)).toEqual(TREND);
  await expect(chartOf(/^Trend of realized value/).getAttribute("aria-label")).resolves.toBe(
    "Trend of realized value: 2025-10-01 1.0%, 2026-01-15 6.9%, 2026-04-10 26.3%. " +
      "Not on the line, as it has no date: the undated round, at 7.8%.",
  );

  await showTab(page, "Scenarios");
  const tornado = await measure(chartOf(/^Tornado/));
  const tornadoTexts = tornado.texts.map((t) => t.text);
  expect(tornadoTexts.slice(0, 2)).toEqual(["Lift, step down", "Lift, step up"]);
  for (const layer of ["Strategy", "Workflow", "Oversight", "Measurement", "Adoption"]) {
    expect(tornadoTexts).toContain(layer);
  }
  // Two values per layer, each signed, with two decimals, in pts (Measurement's: 0.1 × 0.8 × 0.6 ×
  // 0.6 × 0.6 = 0.01728 either way).
  expect(tornadoTexts.filter((text) => /^[+\-−]\d+[.,]\d\d\u00a0pts$/.test(text))).toHaveLength(10);
  expect(tornadoTexts).toEqual(expect.arrayContaining([formatPoints(-0.01728, 2), formatPoints(0.01728, 2)]));
});

test("at 320 and 400 px, light and dark: every chart text renders at 12 px or more, inside its chart, clear of the rest; nothing scrolls sideways", async () => {
  const problems: string[] = [];
  for (const width of [320, 400]) {
    for (const scheme of ["light", "dark"] as const) {
      await reopenTaskpaneAt(page, width, scheme);
      for (const chart of CHARTS) {
        await showTab(page, chart.tab);
        const where = `${chart.slug} at ${width} px, ${scheme}`;
        const measured = await measure(chartOf(chart.name));
        expect(measured.texts.length).toBeGreaterThan(5);
        smallest[`${chart.slug}-${width}-${scheme}`] = Math.min(...measured.texts.map((t) => t.size));
        problems.push(...problemsOf(where, measured));
        // The chart fills its frame and is drawn at that width: one unit of its viewBox is a pixel.
        expect(measured.frame.right).toBeLessThanOrEqual(width);
        expect(measured.frame.right - measured.frame.left).toBeGreaterThan(width - 60);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scrollWidth > width) problems.push(`${where}: the page is ${scrollWidth} px wide`);
        await figureOf(chart.name).screenshot({
          path: path.join(ARTIFACTS, `charts-${chart.slug}-${width}-${scheme}.png`),
        });
        // The chart in its tab, as the pane shows it.
        await figureOf(chart.name).scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(ARTIFACTS, `charts-${chart.slug}-tab-${width}-${scheme}.png`) });
      }
    }
  }
  expect(problems).toEqual([]);
  expect(Object.keys(smallest)).toHaveLength(CHARTS.length * 4);
  for (const size of Object.values(smallest)) expect(size).toBeGreaterThanOrEqual(12);
});

/**
 * Waits until every chart shown is drawn at the width of its frame, as it is once it has followed
 * a resize (a chart on a hidden tab has no width to follow).
 */
const chartsSettled = () =>
  page.waitForFunction(() =>
    [...document.querySelectorAll('figure svg[role="img"]')].every((svg) => {
      const frame = Math.floor(svg.parentElement!.getBoundingClientRect().width);
      return frame === 0 || Number(svg.getAttribute("width")) === frame;
    }),
  );

test("the charts follow the pane as it narrows or widens without a reload, from 300 to 520 px", async () => {
  await page.setViewportSize({ width: 400, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
  await reopenTaskpane(page);
  const problems: string[] = [];
  for (const chart of CHARTS) {
    await showTab(page, chart.tab);
    const widths: number[] = [];
    for (const width of [300, 340, 360, 440, 520]) {
      await page.setViewportSize({ width, height: 900 });
      await chartsSettled();
      const measured = await measure(chartOf(chart.name));
      widths.push(measured.frame.right - measured.frame.left);
      problems.push(...problemsOf(`${chart.slug} resized to ${width} px`, measured));
    }
    // Drawn again at each width, never scaled: wider panes give wider charts.
    expect(widths).toEqual([...widths].sort((a, b) => a - b));
    expect(widths[4] - widths[0]).toBeGreaterThan(150);
  }
  expect(problems).toEqual([]);
});

test("extreme curves keep their labels apart: every answer 5 (100% throughout), every answer 1 (down to 0%)", async () => {
  await page.setViewportSize({ width: 320, height: 900 });
  const problems: string[] = [];
  for (const [answer, values] of [
    [5, ["100%", "100%", "100%", "100%", "100%", "100%"]],
    [1, ["100%", "20%", "4%", "1%", "0%", "0%"]],
  ] as const) {
    await page.evaluate((draft) => localStorage.setItem("agap.draft", JSON.stringify(draft)), {
      ...DRAFT,
      answers: answersOf(Array(15).fill(answer)),
    });
    await reopenTaskpane(page);
    await showTab(page, "Results");
    for (const width of [300, 320, 400]) {
      await page.setViewportSize({ width, height: 900 });
      await chartsSettled();
      const measured = await measure(chartOf(/^Decay curve/));
      expect(measured.texts.map((t) => t.text)).toEqual(expect.arrayContaining([...values]));
      problems.push(...problemsOf(`decay, every answer ${answer}, at ${width} px`, measured));
    }
    await figureOf(/^Decay curve/).screenshot({ path: path.join(ARTIFACTS, `charts-decay-answers-${answer}-400.png`) });
  }
  expect(problems).toEqual([]);
  await page.evaluate((draft) => localStorage.setItem("agap.draft", JSON.stringify(draft)), DRAFT);
});

test("forced colors: chart texts are CanvasText and your data Highlight; screenshots", async () => {
  await page.setViewportSize({ width: 320, height: 900 });
  await page.emulateMedia({ colorScheme: "dark", forcedColors: "active" });
  await reopenTaskpane(page);
  const system = await page.evaluate(() => {
    const probe = document.createElement("span");
    document.body.append(probe);
    const resolve = (colour: string) => {
      probe.style.color = colour;
      return getComputedStyle(probe).color;
    };
    const colours = { text: resolve("CanvasText"), highlight: resolve("Highlight") };
    probe.remove();
    return colours;
  });
  expect(system.text).not.toBe(system.highlight);
  for (const chart of CHARTS) {
    await showTab(page, chart.tab);
    const colours = await chartOf(chart.name).evaluate((svg) => ({
      texts: [...new Set([...svg.querySelectorAll("text")].map((t) => getComputedStyle(t).fill))],
      data: [...new Set([...svg.querySelectorAll("circle, polyline")].map((s) => getComputedStyle(s).stroke))],
      dots: [...new Set([...svg.querySelectorAll("circle")].map((s) => getComputedStyle(s).fill))],
      bars: [...new Set([...svg.querySelectorAll("rect")].map((s) => getComputedStyle(s).fill))],
    }));
    expect(colours.texts).toEqual([system.text]);
    if (chart.slug === "moved") {
      // Gains in Highlight, losses in CanvasText: nothing in the theme's own colours.
      expect(colours.bars.length).toBeGreaterThan(0);
      for (const fill of colours.bars) expect([system.highlight, system.text]).toContain(fill);
    } else if (chart.slug !== "tornado") {
      expect(colours.dots).toEqual([system.highlight]);
    }
    await figureOf(chart.name).screenshot({ path: path.join(ARTIFACTS, `charts-${chart.slug}-320-forced.png`) });
  }
  await page.emulateMedia({ colorScheme: "light", forcedColors: "none" });
});

test("each chart's text alternative holds every value it draws; the tables fit the pane; axe finds nothing serious", async () => {
  await page.setViewportSize({ width: 320, height: 900 });
  await reopenTaskpane(page);
  await page.addScriptTag({ path: AXE });
  for (const chart of CHARTS) {
    await showTab(page, chart.tab);
    const drawn = (await measure(chartOf(chart.name))).texts.map((t) => t.text);
    // The values each chart writes at its points (not its axis ticks or headings).
    const values =
      chart.slug === "decay"
        ? CURVE_VALUES
        : chart.slug === "trend"
          ? TREND
          : drawn.filter((t) => /\u00a0pts$/.test(t));
    expect(drawn).toEqual(expect.arrayContaining([...values]));
    // What moved writes one share per layer; the others at least six values.
    expect(values.length).toBeGreaterThanOrEqual(chart.slug === "moved" ? 5 : 6);
    const label = (await chartOf(chart.name).getAttribute("aria-label")) ?? "";
    for (const value of values) expect(label).toContain(value);
    if (chart.table) {
      await figureOf(chart.name).getByText(chart.table).click();
      const table = figureOf(chart.name).getByRole("table");
      await table.waitFor();
      const cells = await table.getByRole("cell").allTextContents();
      for (const value of values) expect(cells).toContain(value);
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(320);
      await figureOf(chart.name).screenshot({ path: path.join(ARTIFACTS, `charts-${chart.slug}-table-320.png`) });
    }
    const violations = await figureOf(chart.name).evaluate(async (figure) => {
      type Axe = { run: (context: Element) => Promise<{ violations: { id: string; impact: string | null }[] }> };
      const axe = (window as unknown as { axe: Axe }).axe;
      return (await axe.run(figure)).violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => v.id);
    });
    expect(violations).toEqual([]);
  }
});

test("no page errors", () => {
  expect(suite.pageErrors).toEqual([]);
  for (const chart of CHARTS) {
    for (const variant of ["320-light", "320-dark", "400-light", "400-dark", "320-forced"]) {
      expect(fs.statSync(path.join(ARTIFACTS, `charts-${chart.slug}-${variant}.png`)).size).toBeGreaterThan(1000);
    }
  }
});
