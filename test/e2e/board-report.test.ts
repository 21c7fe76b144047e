// The Print report view in the built task pane, in headless Chromium outside Excel (local stores),
// with the page's Content-Security-Policy enforced. A workflow with a 60-character name and every
// section filled (two rounds, three ROI rows, a maturity stage, a roadmap with overdue tasks) is
// printed to PDF at A4 and at Letter: each must be exactly one page, and the page's text must hold
// the realized value and the band as the pane's tabs write them. The PDF is read with pdf.js.
// Pictures go to test-artifacts/: the printed page, and the view at 320 and 400 px, light and dark.
import fs from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { STATEMENTS, type AssessmentResponse, type RoadmapRecord, type RoiEntry } from "../../src/model";
import { openTaskpane, reopenTaskpane, reopenTaskpaneAt } from "./support/browser";
import { showTab, writeStore } from "./support/page";
import { ARTIFACTS, browserSuite } from "./support/suite";
import { ROI_ENTRY } from "../model/roi-entry";

// pdf.js's CommonJS build; in Node it parses on the main thread.
const pdfjs = require("pdfjs-dist/legacy/build/pdf.js") as typeof import("pdfjs-dist");

// Chromium on a busy 2-core machine: the limit bounds a test; nothing here waits on time.
jest.setTimeout(180_000);

const WORKFLOW = "Supplier invoice matching and exception handling for EMEA AP";

/** One response: `layers` gives each layer's three answers, in statement order. */
function response(id: string, date: string, respondent: string, layers: number[][]): AssessmentResponse {
  const answers: Record<string, number> = {};
  STATEMENTS.forEach((statement, i) => (answers[statement.id] = layers[Math.floor(i / 3)][i % 3]));
  return { id, workflow: WORKFLOW, respondent, date, answers };
}

// Round 1, 2026-01-12: three respondents answer 3 throughout → 0.6 a layer, realized 0.6⁵ = 0.07776.
// Round 2, 2026-04-13: layer means Strategy (5 + 3 + 4) / 3 = 4 → 0.8, Workflow 4 → 0.8,
// Oversight 3 → 0.6, Measurement 3 → 0.6, Adoption 4 → 0.8. Realized 0.8³ × 0.6² = 0.18432 → "18.4%";
// gap 0.81568, at least 0.75 and under 0.9 → Severe.
const ROUND_1 = "2026-01-12";
const ROUND_2 = "2026-04-13";
const RESPONSES: AssessmentResponse[] = [
  response("r1-ana", ROUND_1, "Ana", [
    [3, 3, 3],
    [3, 3, 3],
    [3, 3, 3],
    [3, 3, 3],
    [3, 3, 3],
  ]),
  response("r1-ben", ROUND_1, "Ben", [
    [3, 3, 3],
    [3, 3, 3],
    [3, 3, 3],
    [3, 3, 3],
    [3, 3, 3],
  ]),
  response("r1-cy", ROUND_1, "Cy", [
    [3, 3, 3],
    [3, 3, 3],
    [3, 3, 3],
    [3, 3, 3],
    [3, 3, 3],
  ]),
  response("r2-ana", ROUND_2, "Ana", [
    [5, 5, 5],
    [4, 4, 4],
    [3, 3, 3],
    [2, 3, 4],
    [4, 4, 4],
  ]),
  response("r2-ben", ROUND_2, "Ben", [
    [3, 3, 3],
    [4, 4, 4],
    [3, 3, 3],
    [4, 3, 2],
    [4, 4, 4],
  ]),
  response("r2-cy", ROUND_2, "Cy", [
    [4, 4, 4],
    [4, 4, 4],
    [3, 3, 3],
    [3, 3, 3],
    [4, 4, 4],
  ]),
];
const REALIZED = "18.4%";
const BAND = "Severe";

// The clean ROI row the model tests use, moved to this workflow.
const roiRow = (id: string, metric: string, changes: Partial<RoiEntry>): RoiEntry => ({
  ...ROI_ENTRY,
  id,
  workflow: WORKFLOW,
  metric,
  ...changes,
});
// Four rows, each with something to say: one clean with a name longer than the page shows, one
// with neither baseline nor costs, one whose baseline came after go-live and is observed for part
// of its horizon. The page shows three and counts the fourth.
const ROI_ROWS = [
  roiRow("roi-hours", "Hours spent matching supplier invoices to purchase orders and goods receipts each week", {}),
  roiRow("roi-errors", "Invoices paid twice or to the wrong supplier each month", {
    baseline: null,
    baselineDate: "",
    build: null,
    integrate: null,
    govern: null,
    maintain: null,
  }),
  roiRow("roi-cycle", "Days from invoice receipt to approval", { baselineDate: "2026-03-01", periods: 4, horizon: 12 }),
  roiRow("roi-late", "Late payment penalties each quarter", {}),
];

const iso = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
// Started 40 days ago, so today is day 41: the tasks due on days 6 to 36 are due before today.
const START = iso(new Date(Date.now() - 40 * 86_400_000));
const ROADMAP: RoadmapRecord = {
  workflow: WORKFLOW,
  startDate: START,
  sheetName: "Roadmap 1",
  tasks: [
    { id: "foundation.outcome", owner: "Ana Lopez", status: "Done", doneDate: START },
    { id: "foundation.workflow", owner: "Ben Okafor", status: "Done", doneDate: START },
    { id: "foundation.guardrails", owner: "Ana Lopez de la Fuente y Montenegro", status: "In progress", doneDate: "" },
    { id: "foundation.baseline", owner: "Cy Martin", status: "Blocked", doneDate: "" },
  ],
};
const PLANNING = {
  scenarios: [],
  roi: ROI_ROWS,
  maturity: [{ workflow: WORKFLOW, stage: 2, target: 4 }],
  roadmaps: [ROADMAP],
};
const DRAFT = { workflow: WORKFLOW, respondent: "", date: "", answers: {} };

const suite = browserSuite({
  colorScheme: "light",
  enforceCsp: true,
  viewport: { width: 400, height: 900 },
  artifacts: true,
});
let page: Page;
const policyReports: string[] = [];

beforeAll(() => ({ page } = suite));

beforeAll(async () => {
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) policyReports.push(message.text());
  });
});

/** Starts the pane again (the theme is chosen at start-up) and opens Team & history. */
async function restartOnTeam(): Promise<void> {
  await reopenTaskpane(page);
  await showTab(page, "Team & history");
}

async function openReport(): Promise<void> {
  await page.getByRole("button", { name: "Print report" }).click();
  await page.getByRole("heading", { level: 2, name: WORKFLOW }).waitFor();
}

/** The pages of a PDF and the text of each, as pdf.js reads them. */
async function readPdf(data: Buffer): Promise<string[]> {
  const document = await pdfjs.getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  }
  await document.destroy();
  return pages;
}

// The page's margins in the tests: those print-stylesheet.ts asks for.
const MARGIN = { top: "12mm", right: "12mm", bottom: "12mm", left: "12mm" };

let paneRealized = "";
let paneBand = "";

test("the seeded workflow's name is 60 characters, and the pane shows its realized value and band", async () => {
  expect(WORKFLOW).toHaveLength(60);
  await openTaskpane(page, suite.server.url);
  await writeStore(page, { "agap.responses": RESPONSES, "agap.planning": PLANNING, "agap.draft": DRAFT });
  await reopenTaskpane(page);

  await showTab(page, "Results");
  const summary = (await page.getByTestId("team-summary").textContent()) ?? "";
  const match = /realized value (\S+), (\w+) \(3 complete responses\)/.exec(summary);
  expect(match).not.toBeNull();
  [paneRealized, paneBand] = [match![1], match![2]];
  expect([paneRealized, paneBand]).toEqual([REALIZED, BAND]);

  await showTab(page, "Team & history");
  await page.getByText(`Team realized value ${paneRealized}, from 3 complete responses.`).waitFor();
});

test("Print report opens the report on its title; Esc goes back to the button", async () => {
  await openReport();
  const title = page.getByRole("heading", { level: 2, name: WORKFLOW });
  await expect(title.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
  // The pane is set aside: its tabs are not shown while the report is open.
  await expect(page.getByRole("tab", { name: "Results" }).isVisible()).resolves.toBe(false);
  await expect(page.getByTestId("report-realized").textContent()).resolves.toBe(paneRealized);
  await expect(page.getByTestId("report-band").textContent()).resolves.toBe(paneBand);

  await page.keyboard.press("Escape");
  await page.getByRole("tab", { name: "Results" }).waitFor();
  const back = page.getByRole("button", { name: "Print report" });
  await expect(back.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
  // And by keyboard alone: Enter on the focused button opens it again, Back closes it.
  await page.keyboard.press("Enter");
  await title.waitFor();
  await page.getByRole("button", { name: "Back" }).click();
  await back.waitFor();
});

test("printed at A4 and at Letter, the report is exactly one page holding the pane's realized value and band", async () => {
  await openReport();
  for (const format of ["A4", "Letter"] as const) {
    const pdf = await page.pdf({ format, margin: MARGIN, printBackground: true });
    fs.writeFileSync(path.join(ARTIFACTS, `board-report-${format}.pdf`), pdf);
    const pages = await readPdf(pdf);
    expect({ format, pages: pages.length }).toEqual({ format, pages: 1 });
    const text = pages[0];
    expect(text).toContain(paneRealized);
    expect(text).toContain(paneBand);
    // Every section is on the page, the workflow's name among them in full.
    for (const heading of [
      "Result",
      "Decay curve and layer scores",
      "Fix first: Human Oversight",
      "Plan to the next band",
      "What moved since the last round",
      "ROI",
      "Maturity",
      "90-day roadmap",
    ]) {
      expect(text).toContain(heading);
    }
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain(WORKFLOW);
    // Three ROI rows and the count of the fourth; three overdue tasks and the count of the fourth.
    expect(flat).toContain("And 1 more row on the ROI tab.");
    expect(flat).toContain("And 1 more task on the Roadmap tab.");
    // The screen's buttons are not printed.
    expect(text).not.toContain("Print or save as PDF");
  }
});

test("the printed page as a picture (A4's printable area), and the view at 320 and 400 px, light and dark", async () => {
  // A4 less the 12 mm margins, at 96 px an inch: 186 × 273 mm.
  const a4 = { width: Math.round((186 / 25.4) * 96), height: Math.round((273 / 25.4) * 96) };
  await page.setViewportSize(a4);
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: path.join(ARTIFACTS, "board-report-print-A4.png"), fullPage: true });
  // The page's content fits A4's printable height.
  await expect(page.evaluate(() => document.documentElement.scrollHeight)).resolves.toBeLessThanOrEqual(a4.height);
  await page.emulateMedia({ media: "screen" });

  for (const width of [320, 400]) {
    for (const scheme of ["light", "dark"] as const) {
      await reopenTaskpaneAt(page, width, scheme);
      await showTab(page, "Team & history");
      await openReport();
      await page.screenshot({ path: path.join(ARTIFACTS, `board-report-${width}-${scheme}.png`), fullPage: true });
      // Nothing needs scrolling sideways, and the chart's texts are 12 px or more.
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
      const smallest = await page
        .locator(".agap-board-report svg[role='img'] text")
        .evaluateAll((texts) => Math.min(...texts.map((t) => t.getBoundingClientRect().height)));
      expect(smallest).toBeGreaterThanOrEqual(12);
    }
  }
  // Printed from the dark theme, the page is still dark ink on white (the view is open, in dark, here).
  await page.setViewportSize(a4);
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: path.join(ARTIFACTS, "board-report-print-A4-from-dark.png"), fullPage: true });
  const colours = await page.getByRole("region", { name: "Print report" }).evaluate((view) => ({
    paper: getComputedStyle(view).backgroundColor,
    body: getComputedStyle(document.body).backgroundColor,
    ink: getComputedStyle(view.querySelector("h2")!).color,
  }));
  expect(colours).toEqual({ paper: "rgb(255, 255, 255)", body: "rgb(255, 255, 255)", ink: "rgb(17, 17, 17)" });
  const pdf = await page.pdf({ format: "A4", margin: MARGIN, printBackground: true });
  expect((await readPdf(pdf)).length).toBe(1);
  await page.emulateMedia({ media: "screen", colorScheme: "light" });
});

test("the team's smallest group reaches the report: at 4, the statements that moved most are withheld", async () => {
  await page.setViewportSize({ width: 400, height: 900 });
  await page.evaluate(() => localStorage.setItem("agap.team", JSON.stringify({ minGroup: 4, anonymousRounds: [] })));
  await restartOnTeam();
  await openReport();
  await expect(page.getByTestId("report-statements-withheld").textContent()).resolves.toMatch(
    /^The statements that moved most are withheld: the \d{4}-\d\d-\d\d round has 3 complete respondents and the \d{4}-\d\d-\d\d round has 3 complete respondents, and they are listed from 4\./,
  );
  await expect(page.getByRole("list", { name: "Statements whose team mean moved most" }).count()).resolves.toBe(0);
  // With the default (3) the three-person rounds show them.
  await page.evaluate(() => localStorage.removeItem("agap.team"));
  await restartOnTeam();
  await openReport();
  await expect(
    page.getByRole("list", { name: "Statements whose team mean moved most" }).getByRole("listitem").count(),
  ).resolves.toBe(3);
});

test("no page errors, no refusal by the Content-Security-Policy, nothing fetched from elsewhere", () => {
  expect(suite.pageErrors).toEqual([]);
  expect(policyReports).toEqual([]);
  expect(suite.session.foreignRequests(suite.server.url).map((r) => `${r.method} ${r.url}`)).toEqual([]);
});
