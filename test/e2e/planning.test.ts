// The planning tabs of the built task pane in headless Chromium, outside Excel (local stores):
// a scenario from a saved assessment, a plan to a target, an ROI row with a baseline captured after
// go-live, a 90-day roadmap, and the .xlsx export of all of it read back with exceljs.
// One browser for the whole file; the tests run in order on one page, each building on the last.
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { openTaskpane } from "./support/browser";
import { answerStatements, expectNoSeriousViolations, fieldMessage, showTab } from "./support/page";
import { ARTIFACTS, browserSuite } from "./support/suite";

jest.setTimeout(60_000);

const WORKFLOW = "Invoice triage";
const BASE_LABEL = `${WORKFLOW}, 2026-03-15 (team mean)`;
// Layer scores are the mean answer over 5: Strategy 4,4,4 → 0.8; Workflow 3,3,3 → 0.6;
// Oversight 2,3,2 → 7/15 = 0.4667; Measurement 2,2,2 → 0.4; Adoption 3,3,2 → 8/15 = 0.5333.
const ANSWERS = [4, 4, 4, 3, 3, 3, 2, 3, 2, 2, 2, 2, 3, 3, 2];
const SCORES = [0.8, 0.6, 7 / 15, 0.4, 8 / 15];
// Realized = 0.8 × 0.6 × 7/15 × 0.4 × 8/15 = 10.752/225 = 0.047786… → "4.8%".
const REALIZED = 10.752 / 225;
// Measurement moved to 0.5: 0.8 × 0.6 × 7/15 × 0.5 × 8/15 = 13.44/225 = 0.059733… → "6.0%", +1.195 pts.
const MOVED_REALIZED = 13.44 / 225;
// Plan to 25% from the base. Sorted: 0.4, 0.4667, 0.5333, 0.6, 0.8. Raising the lowest k to L:
//   k = 1: 0.25 / (0.4667·0.5333·0.6·0.8 = 0.11947) = 2.09 > 0.4667, too high;
//   k = 2: √(0.25 / 0.256) = 0.988 > 0.5333; k = 3: ∛(0.25 / 0.48) = 0.805 > 0.6;
//   k = 4: L⁴ = 0.25 / 0.8 = 0.3125, L = 0.747674… ≤ 0.8. Four layers rise to 74.8%; Strategy stays.
const LEVEL = Math.pow(0.3125, 1 / 4);
// ROI: (40 − 25) hours × 60 = 900 a period; over 12 periods 10 800. Costs: 2900 + 1000 + 500 = 4400
// once, and maintain 50 a period, 600 over the 12 observed: 5000 in all.
// Measured ROI (10 800 − 5 000) / 5 000 = 1.16. Net each period 900 − 50 = 850.
// NPV at 1%: 850 × (1 − 1.01⁻¹²)/0.01 − 4400 = 850 × 11.255077… − 4400 = 5166.82…
// Payback 4400 / 850 = 5.18 periods.
const ONE_OFF = 2900 + 1000 + 500;
const NET = 900 - 50;
const NPV = (NET * (1 - Math.pow(1.01, -12))) / 0.01 - ONE_OFF;
const LAYER_FIELDS = ["Strategy %", "Workflow %", "Oversight %", "Measurement %", "Adoption %"];
const ROADMAP_SHEET = `AGAP Roadmap – ${WORKFLOW}`;
// Day 1 is 2024-02-01; February 2024 has 29 days.
const DUE = {
  "foundation.baseline": "2024-02-24", // day 24
  "foundation.owner": "2024-03-01", // day 30: 1 Feb + 29 days, past 29 Feb
  "integration.tune": "2024-03-31", // day 60: 1 Mar + 30 days
  "governance.target-stage": "2024-04-30", // day 90: 31 Mar + 30 days
};

const suite = browserSuite({ colorScheme: "light", artifacts: true });
let page: Page;

beforeAll(() => ({ page } = suite));

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const points = (change: number) => `${change >= 0 ? "+" : ""}${(change * 100).toFixed(1)}\u00a0pts`;

/** The message and aria-invalid of the field with this exact label. */
const describedBy = (target: Page, label: string) => fieldMessage(target.getByLabel(label, { exact: true }));

const planning = () =>
  page.evaluate(() => JSON.parse(localStorage.getItem("agap.planning") ?? "null")) as Promise<{
    scenarios: { name: string; scores: number[]; baseScores: number[] }[];
    roi: Record<string, unknown>[];
    roadmaps: { workflow: string; startDate: string; tasks: unknown[] }[];
  } | null>;

test("answers the assessment for Invoice triage and saves it", async () => {
  await openTaskpane(page, suite.server.url);
  await page.getByRole("combobox", { name: "Workflow" }).fill(WORKFLOW);
  await page.getByLabel("Respondent (optional)").fill("Ana");
  await page.getByLabel("Response date (optional)").fill("2026-03-15");
  await expect(page.getByRole("radiogroup").count()).resolves.toBe(15);
  await answerStatements(page, ANSWERS);
  await expect(page.getByRole("status").filter({ hasText: "answered" }).textContent()).resolves.toBe(
    "15 of 15 answered",
  );
  await page.getByRole("button", { name: "Save response" }).click();
  await page.getByText(`Saved Ana's response for ${WORKFLOW}.`).waitFor();
});

test("Scenarios from the saved workflow: fields, realized, a slider moved by keyboard, saved by name", async () => {
  await showTab(page, "Scenarios");
  const base = page.getByRole("combobox", { name: "Start from" });
  await base.waitFor();
  // The draft was cleared by the save, so the choices are typed scores and the saved workflow.
  await expect(base.locator("option").allTextContents()).resolves.toEqual(["Typed scores", BASE_LABEL]);
  await base.selectOption({ label: BASE_LABEL });
  const fields = await Promise.all(LAYER_FIELDS.map((name) => page.getByRole("textbox", { name }).inputValue()));
  expect(fields).toEqual(["80", "60", "46.7", "40", "53.3"]);
  expect(SCORES.map((s) => String(Math.round(s * 1000) / 10))).toEqual(fields);
  await expect(page.getByTestId("scenario-realized").textContent()).resolves.toBe(percent(REALIZED));
  expect(percent(REALIZED)).toBe("4.8%");
  await expect(page.getByTestId("scenario-change").textContent()).resolves.toBe("+0.0\u00a0pts");

  const slider = page.getByRole("slider", { name: "Measurement", exact: true });
  await slider.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
  await expect(slider.inputValue()).resolves.toBe("50");
  await expect(page.getByRole("textbox", { name: "Measurement %" }).inputValue()).resolves.toBe("50");
  expect([percent(MOVED_REALIZED), points(MOVED_REALIZED - REALIZED)]).toEqual(["6.0%", "+1.2\u00a0pts"]);
  await expect(page.getByTestId("scenario-realized").textContent()).resolves.toBe("6.0%");
  await expect(page.getByTestId("scenario-change").textContent()).resolves.toBe("+1.2\u00a0pts");
  // Gap 94.0%, still at least 90%: Critical.
  await expect(page.getByTestId("scenario-gap").textContent()).resolves.toBe("94.0%");
  await expect(page.getByTestId("scenario-band").textContent()).resolves.toBe("Critical");

  await page.getByRole("textbox", { name: "Scenario name" }).fill("Measurement to 50%");
  // Saved with its button at the bottom edge of a short pane, the confirmation under it still shows.
  const size = page.viewportSize();
  await page.setViewportSize({ width: 400, height: 600 });
  const saveButton = page.getByRole("button", { name: "Save scenario" });
  await saveButton.evaluate((button) => button.scrollIntoView({ block: "end" }));
  await saveButton.click();
  await page.getByRole("checkbox", { name: "Measurement to 50% · 6.0%" }).waitFor();
  const confirmation = page.getByTestId("save-confirmation").filter({ hasText: "Saved “Measurement to 50%”" });
  // Inside the window and inside every box that scrolls or clips it.
  const inView = await confirmation.evaluate((line) => {
    const box = line.getBoundingClientRect();
    let shown = box.top >= 0 && box.bottom <= window.innerHeight;
    for (let up = line.parentElement; up; up = up.parentElement) {
      if (/auto|scroll|hidden/.test(getComputedStyle(up).overflowY)) {
        const frame = up.getBoundingClientRect();
        shown &&= box.top >= frame.top && box.bottom <= frame.bottom;
      }
    }
    return shown;
  });
  expect(inView).toBe(true);
  if (size) await page.setViewportSize(size);
  const saved = (await planning())!.scenarios;
  expect(saved.map((s) => s.name)).toEqual(["Measurement to 50%"]);
  expect(saved[0].scores).toEqual([0.8, 0.6, 7 / 15, 0.5, 8 / 15].map((v) => expect.closeTo(v, 12)));
  expect(saved[0].baseScores).toEqual(SCORES.map((v) => expect.closeTo(v, 12)));
});

test("plans to 25%: four layers rise to the hand-computed level; two scenarios side by side", async () => {
  await page.getByRole("textbox", { name: "Measurement %" }).fill("40");
  await expect(page.getByTestId("scenario-realized").textContent()).resolves.toBe("4.8%");
  await page.getByRole("textbox", { name: "Target realized value" }).fill("25");
  expect(LEVEL).toBeCloseTo(0.747674, 6);
  expect(0.8 * LEVEL ** 4).toBeCloseTo(0.25, 12);
  const to = percent(LEVEL);
  expect(to).toBe("74.8%");
  await expect(
    page.getByRole("list", { name: "Planned changes" }).getByRole("listitem").allTextContents(),
  ).resolves.toEqual([
    "Strategy Alignment: 80.0% (unchanged)",
    `Workflow Integration: 60.0% → ${to}`,
    `Human Oversight: 46.7% → ${to}`,
    `Measurement: 40.0% → ${to}`,
    `Business Adoption: 53.3% → ${to}`,
  ]);
  // Total improvement 4L − (0.6 + 7/15 + 0.4 + 8/15) = 2.990697 − 2 = 0.990697… → "+99.1 pts".
  await expect(page.getByText(/^Every layer below/).textContent()).resolves.toBe(
    `Every layer below ${to} rises to it; realized value becomes 25.0%. Total improvement ${points(4 * LEVEL - 2)} of layer score, summed across layers.`,
  );
  await page.getByRole("button", { name: "Save plan as scenario" }).click();
  await page.getByRole("checkbox", { name: "Plan to 25% · 25.0%" }).waitFor();

  await page.getByRole("checkbox", { name: "Measurement to 50% · 6.0%" }).check();
  await page.getByRole("checkbox", { name: "Plan to 25% · 25.0%" }).check();
  const table = page.getByRole("table", { name: "Scenarios side by side" });
  const rows = await table
    .getByRole("row")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("th, td")].map((cell) => cell.textContent)));
  expect(rows).toEqual([
    ["Layer", "Measurement to 50%", "Plan to 25%"],
    ["Strategy", "80.0%", "80.0%"],
    ["Workflow", "60.0%", to],
    ["Oversight", "46.7%", to],
    ["Measurement", "50.0%", to],
    ["Adoption", "53.3%", to],
    ["Realized", "6.0%", "25.0%"],
    // Against the base (4.78%): +1.2 pts and 25 − 4.78 = +20.2 pts.
    ["Against base", "+1.2\u00a0pts", points(0.25 - REALIZED)],
  ]);
  expect(points(0.25 - REALIZED)).toBe("+20.2\u00a0pts");
  await page.screenshot({ path: path.join(ARTIFACTS, "planning-scenarios.png"), fullPage: true });
  await expectNoSeriousViolations(page, "Scenarios");
});

test("ROI: a baseline captured after go-live is warned next to its date and flagged once saved; ROI 116.0%", async () => {
  await showTab(page, "ROI");
  const form = page.getByRole("form", { name: "ROI row" });
  await form.waitFor();
  await expect(form.getByRole("combobox", { name: /^Workflow/ }).inputValue()).resolves.toBe(WORKFLOW);
  await form.getByRole("textbox", { name: /^Metric/ }).fill("Handling time");
  await form.getByRole("textbox", { name: "Unit", exact: true }).fill("hours");
  await form.getByRole("combobox", { name: "Better when" }).selectOption("lower");
  await form.getByRole("textbox", { name: "Baseline value (per period)" }).fill("40");
  await form.getByLabel("Baseline captured on").fill("2026-03-10");
  await expect(describedBy(page, "Baseline captured on")).resolves.toEqual({ description: "", invalid: false });
  await form.getByLabel("Agent went live on").fill("2026-03-01");
  // The dates are in the wrong order: a warning next to the capture date, which does not block saving.
  await expect(describedBy(page, "Baseline captured on")).resolves.toEqual({
    description:
      "Captured after go-live: this baseline may already include the agent's effect, and the ROI will be flagged.",
    invalid: false,
  });
  const numbers: [string, string][] = [
    ["Value now (per period)", "25"],
    ["Money per unit", "60"],
    ["Build cost", "2900"],
    ["Integrate cost", "1000"],
    ["Govern cost", "500"],
    ["Maintain cost per period", "50"],
    ["Periods observed", "12"],
    ["Horizon (periods)", "12"],
    ["Discount rate per period", "1"],
  ];
  for (const [name, value] of numbers) await form.getByRole("textbox", { name, exact: true }).fill(value);
  await form.getByRole("button", { name: "Add ROI row" }).click();

  const row = page.getByTestId("roi-row");
  await row.waitFor();
  await expect(row.getByTestId("measured-roi").textContent()).resolves.toBe("116.0%");
  await expect(row.getByTestId("flag-baseline-after-go-live").textContent()).resolves.toBe(
    "Baseline captured after go-live: it may already include the agent's effect, so the ROI is not defensible.",
  );
  await expect(row.getByTestId("flag-baseline-after-go-live").isVisible()).resolves.toBe(true);
  for (const other of ["no-baseline", "no-costs", "short-observation"]) {
    await expect(row.getByTestId(`flag-${other}`).count()).resolves.toBe(0);
  }
  expect(Math.round(NPV)).toBe(5167);
  expect((ONE_OFF / NET).toFixed(1)).toBe("5.2");
  // Every figure says its unit and span: amounts in the user's currency, the NPV over its horizon.
  await expect(row.getByTestId("roi-npv").textContent()).resolves.toBe("5,167");
  await expect(row.getByTestId("roi-npv-note").textContent()).resolves.toBe(
    "In your currency, over 12 periods at 1.0% a period.",
  );
  await expect(row.getByTestId("roi-payback").textContent()).resolves.toBe("5.2 periods");
  await expect(row.getByTestId("measured-roi-note").textContent()).resolves.toBe(
    "Over the 12 periods observed, against the baseline, net of every cost.",
  );
  // The form is clear for the next row of the same workflow, and says so under its buttons.
  await expect(form.getByTestId("save-confirmation").textContent()).resolves.toBe(
    `Saved the ROI row “Handling time” for ${WORKFLOW}. The form is clear for the next row of ${WORKFLOW}; ` +
      "Edit in the list above changes a saved row.",
  );
  await form.getByRole("button", { name: "Add ROI row" }).waitFor();
  await expect(form.getByLabel("Baseline captured on").inputValue()).resolves.toBe("");
  await expect(form.getByRole("combobox", { name: /^Workflow/ }).inputValue()).resolves.toBe(WORKFLOW);
  const [saved] = (await planning())!.roi;
  expect(saved).toMatchObject({
    workflow: WORKFLOW,
    metric: "Handling time",
    unit: "hours",
    direction: "lower",
    baseline: 40,
    baselineDate: "2026-03-10",
    goLiveDate: "2026-03-01",
    current: 25,
    valuePerUnit: 60,
    build: 2900,
    integrate: 1000,
    govern: 500,
    maintain: 50,
    periods: 12,
    horizon: 12,
    discountRate: 0.01,
  });
  await page.screenshot({ path: path.join(ARTIFACTS, "planning-roi.png"), fullPage: true });
  await expectNoSeriousViolations(page, "ROI");
});

test("Roadmap from 2024-02-01, typed with the keyboard: hand-computed due dates and the baseline on file", async () => {
  await showTab(page, "Roadmap");
  await expect(page.getByRole("combobox", { name: "Workflow" }).inputValue()).resolves.toBe(WORKFLOW);
  const start = page.getByLabel("Start date");
  await start.focus();
  // en-US date fields: month, day, year.
  await page.keyboard.type("02012024");
  await expect(start.inputValue()).resolves.toBe("2024-02-01");
  await page.getByRole("button", { name: "Generate roadmap" }).click();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("agap.planning") ?? "{}").roadmaps?.length > 0);
  const [roadmap] = (await planning())!.roadmaps;
  expect([roadmap.workflow, roadmap.startDate, roadmap.tasks.length]).toEqual([WORKFLOW, "2024-02-01", 15]);

  for (const [id, due] of Object.entries(DUE)) {
    await expect(page.getByTestId(`task-${id}`).textContent()).resolves.toMatch(new RegExp(`^${due}: `));
  }
  await expect(page.getByTestId("task-foundation.baseline").textContent()).resolves.toContain(
    "Baseline on file (captured 2026-03-10).",
  );
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: /^\d{4}-\d{2}-\d{2}: / })
      .count(),
  ).resolves.toBe(15);
  // Only one roadmap is open, and it is this workflow's: no warning.
  await expect(page.getByText(/still has an open roadmap/).count()).resolves.toBe(0);
  await page.screenshot({ path: path.join(ARTIFACTS, "planning-roadmap.png"), fullPage: true });
  await expectNoSeriousViolations(page, "Roadmap");
});

/** A date cell as exceljs reads it back: a Date, or Excel's serial number. */
function isoDate(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return new Date(Math.round((value - 25569) * 86_400_000)).toISOString().slice(0, 10);
  throw new Error(`Not a date cell: ${JSON.stringify(value)}`);
}

test("Export .xlsx: scenarios, ROI, portfolio and roadmap sheets with formulas and cached values", async () => {
  await showTab(page, "Team & history");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export .xlsx" }).click(),
  ]);
  expect(await download.failure()).toBeNull();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync((await download.path()) as string) as unknown as ExcelJS.Buffer);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(
    expect.arrayContaining(["AGAP Assessments", "AGAP Scenarios", "AGAP ROI", "AGAP Portfolio", ROADMAP_SHEET]),
  );

  const table = (name: string) => {
    const sheet = workbook.getWorksheet(name)!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    return (row: number, column: string) => {
      const at = header.indexOf(column);
      if (at < 0) throw new Error(`${name} has no column "${column}" in ${JSON.stringify(header)}`);
      return sheet.getRow(row).getCell(at + 1);
    };
  };

  const scenarios = table("AGAP Scenarios");
  expect([scenarios(2, "Scenario").value, scenarios(3, "Scenario").value]).toEqual([
    "Measurement to 50%",
    "Plan to 25%",
  ]);
  expect(scenarios(2, "Measurement score").value).toBeCloseTo(0.5, 12);
  expect(scenarios(3, "Workflow score").value).toBeCloseTo(LEVEL, 12);
  for (const [row, realized] of [
    [2, MOVED_REALIZED],
    [3, 0.25],
  ]) {
    const cell = scenarios(row, "Realized value");
    expect(cell.formula).toBe(`IF(COUNT(D${row}:H${row})<5,NA(),PRODUCT(D${row}:H${row}))`);
    expect(cell.result).toBeCloseTo(realized, 12);
    expect(scenarios(row, "Change vs base").formula).toMatch(/PRODUCT\(K\d+:O\d+\)/);
    expect(scenarios(row, "Change vs base").result).toBeCloseTo(realized - REALIZED, 12);
  }

  const roi = table("AGAP ROI");
  expect([roi(2, "Workflow").value, roi(2, "Metric").value, roi(2, "Direction").value]).toEqual([
    WORKFLOW,
    "Handling time",
    "lower",
  ]);
  expect([isoDate(roi(2, "Baseline capture date").value), isoDate(roi(2, "Go-live date").value)]).toEqual([
    "2026-03-10",
    "2026-03-01",
  ]);
  const measured = roi(2, "Measured ROI");
  // A portable formula (no AGAP function, so the sheet works without the add-in): the cost is the
  // one-off costs (J:L) plus maintain (M) times the periods observed (N).
  expect(measured.formula).not.toMatch(/AGAP\./);
  expect(measured.formula).toContain("(SUM(J2:L2)+M2*N2)");
  expect(measured.result).toBeCloseTo(1.16, 12);
  const npv = roi(2, "NPV");
  // −PV at the rate (P) over the horizon (O) of each period's benefit less maintain (M), less the one-off costs.
  expect(npv.formula).toMatch(/-PV\(P2,O2,.*-M2\)-SUM\(J2:L2\)/);
  expect(npv.result).toBeCloseTo(NPV, 6);
  expect(roi(2, "Payback").result).toBeCloseTo(ONE_OFF / NET, 9);
  expect(roi(2, "Flags").result).toBe(
    "Baseline captured after go-live: it may already include the agent's effect, so the ROI is not defensible.",
  );

  const portfolio = table("AGAP Portfolio");
  expect(portfolio(2, "Workflow").value).toBe(WORKFLOW);
  // Live formulas over the workflow's latest round, with their values cached for readers without Excel.
  const latest = portfolio(2, "Latest realized value");
  expect(latest.formula).toMatch(/PRODUCT\(/);
  expect(latest.result).toBeCloseTo(REALIZED, 12);
  const band = portfolio(2, "Band");
  expect(band.formula).toMatch(/^IF\(\(1-G2\)>=0\.9,"Critical"/);
  expect(band.result).toBe("Critical");
  const weakest = portfolio(2, "Weakest layer");
  expect(weakest.formula).toMatch(/MIN\(K2:O2\)/);
  expect(weakest.result).toBe("Measurement");

  const roadmap = workbook.getWorksheet(ROADMAP_SHEET)!;
  expect(roadmap.getCell("B2").value).toBe(WORKFLOW);
  expect(isoDate(roadmap.getCell("B3").value)).toBe("2024-02-01");
  const taskHeader = (roadmap.getRow(6).values as unknown[]).slice(1);
  expect(taskHeader).toEqual(["Phase", "Task", "Due date", "Owner", "Status", "Done date", "Note", "Task ID"]);
  const cell = (row: ExcelJS.Row, name: string) => row.getCell(taskHeader.indexOf(name) + 1).value;
  const tasks = new Map<string, { due: string; status: unknown; done: unknown; note: unknown }>();
  for (let r = 7; r <= 21; r++) {
    const row = roadmap.getRow(r);
    tasks.set(String(cell(row, "Task ID")), {
      due: isoDate(cell(row, "Due date")),
      status: cell(row, "Status"),
      done: cell(row, "Done date"),
      note: cell(row, "Note"),
    });
  }
  expect(tasks.size).toBe(15);
  for (const [id, due] of Object.entries(DUE)) expect([id, tasks.get(id)?.due]).toEqual([id, due]);
  expect(tasks.get("foundation.baseline")).toEqual({
    due: "2024-02-24",
    status: "Not started",
    done: null,
    note: "Baseline on file (captured 2026-03-10)",
  });
});

// A date typed only in part leaves the input's value blank (validity.badInput): the field must say
// so and block saving, rather than save the row with no date.
test("a date typed only in part gets a message next to the field and is not saved as blank", async () => {
  await showTab(page, "ROI");
  const form = page.getByRole("form", { name: "ROI row" });
  await form.getByRole("button", { name: "New row" }).click();
  await form.getByRole("textbox", { name: /^Metric/ }).fill("Cycle time");
  await form.getByRole("textbox", { name: "Baseline value (per period)", exact: true }).fill("12");
  const captured = form.getByLabel("Baseline captured on");
  await captured.focus();
  await page.keyboard.type("0310");
  await expect(captured.evaluate((input: HTMLInputElement) => input.validity.badInput)).resolves.toBe(true);
  await form.getByRole("button", { name: "Add ROI row" }).click();
  await expect(describedBy(page, "Baseline captured on")).resolves.toMatchObject({
    description: expect.stringMatching(/date/i),
    invalid: true,
  });
  await expect(page.getByTestId("roi-row").count()).resolves.toBe(1);
});

test("screenshots written; no request leaves the page's origin apart from office.js; no page errors", async () => {
  for (const slug of ["scenarios", "roi", "roadmap"]) {
    expect(fs.statSync(path.join(ARTIFACTS, `planning-${slug}.png`)).size).toBeGreaterThan(1000);
  }
  expect(suite.session.foreignRequests(suite.server.url).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  expect(suite.pageErrors).toEqual([]);
});
