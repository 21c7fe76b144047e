import { DetailedCellError, type RawCellContent } from "hyperformula";
import {
  BAND_THRESHOLD_NOTE,
  BASELINE_TASK_ID,
  LAYERS,
  ROADMAP_TASKS,
  STATEMENTS,
  realizedGrid,
  type AssessmentResponse,
  type Scenario,
} from "../../src/model";
import {
  ASSESSMENTS_SHEET,
  ASSESSMENTS_TABLE,
  COL,
  HEADERS,
  dateToSerial,
  inputValues,
} from "../../src/workbook/assessment-table";
import { ExcelPlanningStore } from "../../src/workbook/excel-planning";
import {
  PORTFOLIO_COL,
  PORTFOLIO_HEADERS,
  PORTFOLIO_TABLE,
  ROADMAP_COL,
  ROADMAP_ROW,
  ROI_COL,
  ROI_FORMATS,
  ROI_FORMULA_COLUMNS,
  ROI_HEADERS,
  ROI_TABLE,
  SCENARIOS_TABLE,
  SCENARIO_COL,
  SCENARIO_FORMATS,
  SCENARIO_HEADERS,
  roiRowFormulas,
  scenarioRowFormulas,
} from "../../src/workbook/planning-tables";
import { createAgapEngine } from "../support/hyperformula-agap";
import { FakeWorkbook, type FakeSheet } from "./fake-excel";
import { ENTRY, LATEST } from "./planning-fixtures";

const scenario = (id: string, overrides: Partial<Scenario> = {}): Scenario => ({
  id,
  name: "Fix measurement",
  workflow: "Invoice triage",
  baseLabel: "assessment of Invoice triage on 2026-01-05",
  baseScores: [0.8, 0.6, 0.5, 0.4, 0.5],
  scores: [0.8, 0.6, 0.5, 0.7, 0.5],
  ...overrides,
});

const ANSWERS = [4, 4, 4, 3, 3, 3, 2, 3, 2, 2, 2, 2, 2, 3, 2];
function response(id: string, workflow = "Invoice triage", date = "2026-01-05"): AssessmentResponse {
  const answers: Record<string, number> = {};
  ANSWERS.forEach((answer, i) => (answers[STATEMENTS[i].id] = answer));
  return { id, workflow, respondent: "Ana", date, answers };
}
function addAssessments(book: FakeWorkbook, responses: AssessmentResponse[]) {
  const rows = responses.map((r) => {
    const row: unknown[] = HEADERS.map(() => "");
    inputValues(r).forEach((value, c) => (row[c] = value ?? ""));
    row[COL.id] = r.id;
    return row;
  });
  book.addTable(ASSESSMENTS_TABLE, ASSESSMENTS_SHEET, HEADERS, rows);
}

/** Evaluates a fake sheet in HyperFormula (with the AGAP functions), as Excel would show it. */
function evaluate(sheet: FakeSheet) {
  const keys = [...sheet.cells.keys()].map((key) => key.split(",").map(Number));
  const rows = Math.max(...keys.map(([r]) => r)) + 1;
  const columns = Math.max(...keys.map(([, c]) => c)) + 1;
  const content: RawCellContent[][] = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (__, c) => {
      const found = sheet.peek(r, c);
      if (found.formula) return found.formula;
      return found.value === "" ? null : (found.value as RawCellContent);
    }),
  );
  const hf = createAgapEngine({ Sheet1: content }, { smartRounding: false });
  return (row: number, column: number) => {
    const value = hf.getCellValue({ sheet: 0, row: row - 1, col: column });
    return value instanceof DetailedCellError ? { error: value.value } : value;
  };
}

describe("ExcelPlanningStore.saveScenario", () => {
  it("creates the scenarios table and writes one row of values and live formulas, in 2 syncs", async () => {
    const book = new FakeWorkbook();
    await new ExcelPlanningStore({ run: book.run }).saveScenario(scenario("s-1"));
    expect(book.syncs).toBe(2);
    const sheet = book.sheet("AGAP Scenarios")!;
    expect(book.table(SCENARIOS_TABLE)).toMatchObject({ top: 0, left: 0, width: SCENARIO_HEADERS.length });
    expect(sheet.row(1, SCENARIO_HEADERS.length)).toEqual([...SCENARIO_HEADERS]);
    expect(sheet.frozenRows).toBe(1);
    const formulas = sheet.formulas(2, SCENARIO_HEADERS.length);
    expect(formulas.slice(0, 3)).toEqual([
      "Fix measurement",
      "Invoice triage",
      "assessment of Invoice triage on 2026-01-05",
    ]);
    expect(formulas.slice(SCENARIO_COL.firstScore, SCENARIO_COL.realized)).toEqual([0.8, 0.6, 0.5, 0.7, 0.5]);
    expect(formulas.slice(SCENARIO_COL.realized, SCENARIO_COL.firstBaseScore)).toEqual(scenarioRowFormulas(2));
    expect(formulas.slice(SCENARIO_COL.firstBaseScore, SCENARIO_COL.id)).toEqual([0.8, 0.6, 0.5, 0.4, 0.5]);
    expect(formulas[SCENARIO_COL.id]).toBe("s-1");
    expect(sheet.formats(2, SCENARIO_HEADERS.length)).toEqual(SCENARIO_FORMATS);
    const value = evaluate(sheet);
    expect(value(2, SCENARIO_COL.realized)).toBeCloseTo(0.084, 12);
    expect(value(2, SCENARIO_COL.change)).toBeCloseTo(0.036, 12);
  });

  it("updates the row with the same id and adds a new id at the end, in 3 syncs each", async () => {
    const book = new FakeWorkbook();
    const store = new ExcelPlanningStore({ run: book.run });
    await store.saveScenario(scenario("s-1"));
    book.syncs = 0;
    await store.saveScenario(scenario("s-2", { name: "Raise adoption" }));
    expect(book.syncs).toBe(3);
    book.syncs = 0;
    await store.saveScenario(scenario("s-1", { name: "Fix measurement (v2)" }));
    expect(book.syncs).toBe(3);
    const sheet = book.sheet("AGAP Scenarios")!;
    expect(sheet.cell("A2").value).toBe("Fix measurement (v2)");
    expect(sheet.cell("A3").value).toBe("Raise adoption");
    expect(sheet.cell("I3").formula).toBe(scenarioRowFormulas(3)[0]);
    expect(book.table(SCENARIOS_TABLE)!.bodyRows).toBe(2);
  });

  it("keeps names that look like formulas as text", async () => {
    const book = new FakeWorkbook();
    const name = '=HYPERLINK("x")';
    await new ExcelPlanningStore({ run: book.run }).saveScenario(
      scenario("s-1", { name, workflow: "+1", baseLabel: "@a" }),
    );
    const sheet = book.sheet("AGAP Scenarios")!;
    expect(sheet.cell("A2")).toEqual({ value: name, format: "@" });
    expect(sheet.cell("B2")).toEqual({ value: "+1", format: "@" });
    expect(sheet.cell("C2")).toEqual({ value: "@a", format: "@" });
  });

  it("refuses bad scores before touching the workbook", async () => {
    const book = new FakeWorkbook();
    const store = new ExcelPlanningStore({ run: book.run });
    await expect(store.saveScenario(scenario("s", { scores: [0.5, 0.5, 0.5, 0.5] }))).rejects.toThrow(/five numbers/);
    await expect(store.saveScenario(scenario("s", { name: " " }))).rejects.toThrow(/Name the scenario/);
    expect(book.writes).toEqual([]);
  });

  it("refuses to save over a table whose columns were moved, naming the column", async () => {
    const book = new FakeWorkbook();
    const header = [...SCENARIO_HEADERS];
    [header[3], header[4]] = [header[4], header[3]];
    book.addTable(SCENARIOS_TABLE, "AGAP Scenarios", header, []);
    await expect(new ExcelPlanningStore({ run: book.run }).saveScenario(scenario("s"))).rejects.toThrow(
      /Column D of the AgapScenarios table should be "Strategy score" but is "Workflow score"/,
    );
  });

  it("never writes a table over content left on the sheet", async () => {
    const book = new FakeWorkbook();
    book.addSheet("AGAP Scenarios").at(0, 0).value = "my notes";
    await expect(new ExcelPlanningStore({ run: book.run }).saveScenario(scenario("s"))).rejects.toThrow(
      /has content but no AgapScenarios table/,
    );
    expect(book.syncs).toBe(2);
  });

  it("rejects with Excel's message on a protected sheet", async () => {
    const book = new FakeWorkbook();
    const store = new ExcelPlanningStore({ run: book.run });
    await store.saveScenario(scenario("s-1"));
    book.sheet("AGAP Scenarios")!.protected = true;
    await expect(store.saveScenario(scenario("s-2"))).rejects.toThrow(/protected sheet/);
  });
});

describe("ExcelPlanningStore.saveRoi", () => {
  it("writes inputs, AGAP and NPV formulas, formats, the direction list and the latest scores", async () => {
    const book = new FakeWorkbook();
    await new ExcelPlanningStore({ run: book.run }).saveRoi(ENTRY, LATEST);
    expect(book.syncs).toBe(2);
    const sheet = book.sheet("AGAP ROI")!;
    expect(book.table(ROI_TABLE)).toBeDefined();
    const width = ROI_HEADERS.length;
    const formulas = sheet.formulas(2, width);
    expect(ROI_FORMULA_COLUMNS.map((c) => formulas[c])).toEqual(roiRowFormulas(2));
    expect(formulas[ROI_COL.baselineDate]).toBe(dateToSerial("2026-01-10"));
    expect(formulas.slice(ROI_COL.firstLatest)).toEqual(LATEST);
    expect(formulas[ROI_COL.id]).toBe("roi-1");
    expect(sheet.formats(2, width)).toEqual(ROI_FORMATS.map((f) => f ?? "General"));
    expect(sheet.validationAt("D2:D2")?.rule).toEqual({ list: { inCellDropDown: true, source: "lower,higher" } });

    const value = evaluate(sheet);
    expect(value(2, ROI_COL.measuredRoi)).toBeCloseTo(1.16, 12);
    expect(value(2, ROI_COL.projected)).toBeCloseTo(48_000, 6);
    expect(value(2, ROI_COL.payback)).toBeCloseTo(5000 / 900, 12);
    expect(value(2, ROI_COL.flags)).toBe("");
  });

  it("gives a baseline captured after go-live its flag text", async () => {
    const book = new FakeWorkbook();
    await new ExcelPlanningStore({ run: book.run }).saveRoi({ ...ENTRY, baselineDate: "2026-03-01" }, LATEST);
    const value = evaluate(book.sheet("AGAP ROI")!);
    expect(value(2, ROI_COL.flags)).toBe(
      "Baseline captured after go-live: it may already include the agent's effect, so the ROI is not defensible.",
    );
  });

  it("shows no measured number without a baseline, and blank latest scores without scores", async () => {
    const book = new FakeWorkbook();
    await new ExcelPlanningStore({ run: book.run }).saveRoi({ ...ENTRY, baseline: null }, null);
    const sheet = book.sheet("AGAP ROI")!;
    expect(sheet.cell("E2").value).toBe("");
    expect(sheet.row(2, ROI_HEADERS.length).slice(ROI_COL.firstLatest)).toEqual(["", "", "", "", ""]);
    const value = evaluate(sheet);
    for (const column of [ROI_COL.projected, ROI_COL.measuredRoi, ROI_COL.npv, ROI_COL.payback]) {
      expect(value(2, column)).toEqual({ error: "#N/A" });
    }
    expect(value(2, ROI_COL.flags)).toBe("No baseline captured: the return cannot be proven.");
  });

  it("keeps a workflow and metric that look like formulas as text", async () => {
    const book = new FakeWorkbook();
    await new ExcelPlanningStore({ run: book.run }).saveRoi(
      { ...ENTRY, workflow: '=HYPERLINK("x")', metric: "-1", unit: "@h" },
      null,
    );
    const sheet = book.sheet("AGAP ROI")!;
    expect(sheet.cell("A2")).toEqual({ value: '=HYPERLINK("x")', format: "@" });
    expect(sheet.cell("B2")).toEqual({ value: "-1", format: "@" });
    expect(sheet.cell("C2")).toEqual({ value: "@h", format: "@" });
  });

  it("updates a row typed by hand, read back with an id from its position", async () => {
    const book = new FakeWorkbook();
    const typed: unknown[] = ROI_HEADERS.map(() => "");
    typed[ROI_COL.workflow] = "Invoice triage";
    typed[ROI_COL.baseline] = 40;
    book.addTable(ROI_TABLE, "AGAP ROI", ROI_HEADERS, [typed]);
    const store = new ExcelPlanningStore({ run: book.run });
    const data = await store.loadPlanning();
    expect(data.roi.map((e) => e.id)).toEqual(["sheet-row-2"]);
    await store.saveRoi({ ...data.roi[0], current: 30 }, null);
    expect(book.table(ROI_TABLE)!.bodyRows).toBe(1);
    expect(book.sheet("AGAP ROI")!.cell("H2").value).toBe(30);
    expect(book.sheet("AGAP ROI")!.cell("W2").value).toBe("sheet-row-2");
  });

  it("refuses a bad date or direction", async () => {
    const book = new FakeWorkbook();
    const store = new ExcelPlanningStore({ run: book.run });
    await expect(store.saveRoi({ ...ENTRY, goLiveDate: "2026-02-30" }, null)).rejects.toThrow(/go-live date/);
    await expect(store.saveRoi({ ...ENTRY, direction: "up" as "lower" }, null)).rejects.toThrow(/Direction/);
    expect(book.writes).toEqual([]);
  });
});

describe("ExcelPlanningStore.saveMaturity", () => {
  it("writes the portfolio table from the assessments and ROI tables, in 3 syncs", async () => {
    const book = new FakeWorkbook();
    addAssessments(book, [response("a"), response("b", "Claims", "2026-02-01")]);
    const store = new ExcelPlanningStore({ run: book.run });
    await store.saveRoi({ ...ENTRY, baselineDate: "2026-03-01" }, LATEST);
    book.syncs = 0;
    await store.saveMaturity({ workflow: "Claims", stage: 2, target: 4 });
    expect(book.syncs).toBe(3);

    const sheet = book.sheet("AGAP Portfolio")!;
    const width = PORTFOLIO_HEADERS.length;
    expect(sheet.row(1, width)).toEqual([...PORTFOLIO_HEADERS]);
    expect(book.table(PORTFOLIO_TABLE)!.bodyRows).toBe(2);
    // Scores 0.8, 0.6, 0.467, 0.4, 0.467 (answers above): realized 0.0418.
    const realized = 0.8 * 0.6 * (7 / 15) * 0.4 * (7 / 15);
    const rows = [sheet.row(2, width), sheet.row(3, width)];
    expect(rows.map((r) => r[PORTFOLIO_COL.workflow])).toEqual(["Invoice triage", "Claims"]);
    expect(rows[0][PORTFOLIO_COL.stage]).toBe("");
    expect(rows[1][PORTFOLIO_COL.stage]).toBe(2);
    expect(rows[1][PORTFOLIO_COL.target]).toBe(4);
    expect(rows[1][PORTFOLIO_COL.latestDate]).toBe(dateToSerial("2026-02-01"));
    expect(rows[1][PORTFOLIO_COL.latestRealized]).toBeCloseTo(realized, 12);
    expect(rows[1].slice(PORTFOLIO_COL.band)).toEqual(["Critical", "Measurement", "no ROI row"]);
    expect(rows[0][PORTFOLIO_COL.roiStatus]).toBe("flagged");
    expect(sheet.cell("C3").formula).toMatch(/^=IF\(B3="","",CHOOSE\(B3,"Experimenting"/);
    expect(evaluate(sheet)(3, PORTFOLIO_COL.stageName)).toBe("Assisted");
    expect(evaluate(sheet)(3, PORTFOLIO_COL.targetName)).toBe("Operational");
    expect(sheet.cell("L1").value).toBe(BAND_THRESHOLD_NOTE);
    expect(sheet.validationAt("B2:B3")?.rule).toEqual({
      wholeNumber: { formula1: 1, formula2: 5, operator: "Between" },
    });
  });

  it("updates the saved workflow's stage, keeps others as typed, and reads them back", async () => {
    const book = new FakeWorkbook();
    addAssessments(book, [response("a"), response("b", "Claims")]);
    const store = new ExcelPlanningStore({ run: book.run });
    await store.saveMaturity({ workflow: "Claims", stage: 2, target: 4 });
    book.sheet("AGAP Portfolio")!.at(1, PORTFOLIO_COL.stage).value = 1; // typed by hand for Invoice triage
    await store.saveMaturity({ workflow: "Claims", stage: 3, target: 5 });
    const data = await store.loadPlanning();
    expect(data.maturity).toEqual([
      { workflow: "Invoice triage", stage: 1, target: 4 },
      { workflow: "Claims", stage: 3, target: 5 },
    ]);
    expect(book.table(PORTFOLIO_TABLE)!.bodyRows).toBe(2);
  });

  it("refuses a stage outside 1–5", async () => {
    const book = new FakeWorkbook();
    await expect(
      new ExcelPlanningStore({ run: book.run }).saveMaturity({ workflow: "x", stage: 6, target: 4 }),
    ).rejects.toThrow(/stage from 1 to 5/);
  });
});

describe("ExcelPlanningStore.createRoadmap", () => {
  it("writes the 15 tasks with dates, a status list, a frozen header and the baseline note, in 3 syncs", async () => {
    const book = new FakeWorkbook();
    const store = new ExcelPlanningStore({ run: book.run });
    await store.saveRoi(ENTRY, null);
    book.syncs = 0;
    const name = await store.createRoadmap("Invoice triage", "2024-02-01", true);
    expect(book.syncs).toBe(3);
    expect(name).toBe("AGAP Roadmap – Invoice triage");
    expect(book.active).toBe(name);
    const sheet = book.sheet(name)!;
    expect(sheet.frozenRows).toBe(ROADMAP_ROW.header);
    expect(sheet.cell("B2")).toEqual({ value: "Invoice triage", format: "@" });
    expect(sheet.cell("B3")).toEqual({ value: dateToSerial("2024-02-01"), format: "yyyy-mm-dd" });
    const first = ROADMAP_ROW.firstTask;
    const tasks = ROADMAP_TASKS.map((_, i) => sheet.row(first + i, 7));
    expect(tasks.map((t) => t[ROADMAP_COL.id])).toEqual(ROADMAP_TASKS.map((t) => t.id));
    expect(tasks.every((t) => t[ROADMAP_COL.status] === "Not started" && t[ROADMAP_COL.owner] === "")).toBe(true);
    expect(tasks.map((t) => t[ROADMAP_COL.phase])).toEqual([
      ...Array(5).fill("Foundation"),
      ...Array(5).fill("Workflow Integration"),
      ...Array(5).fill("Governance & Scale"),
    ]);
    // Day 30 from 2024-02-01 crosses the leap day.
    expect(sheet.cell(`C${first + 4}`)).toEqual({ value: dateToSerial("2024-03-01"), format: "yyyy-mm-dd" });
    const baseline = tasks.find((t) => t[ROADMAP_COL.id] === BASELINE_TASK_ID)!;
    expect(baseline[ROADMAP_COL.note]).toBe("Baseline on file (captured 2026-01-10)");
    expect(sheet.validationAt(`E${first}:E${first + 14}`)?.rule).toEqual({
      list: { inCellDropDown: true, source: "Not started,In progress,Done,Blocked" },
    });
    expect(book.tables.find((t) => t.sheet === sheet)).toMatchObject({ name: "AgapRoadmap", top: 5, bodyRows: 15 });

    const data = await store.loadPlanning();
    expect(data.roadmaps).toEqual([
      {
        workflow: "Invoice triage",
        startDate: "2024-02-01",
        sheetName: name,
        tasks: ROADMAP_TASKS.map((t) => ({ id: t.id, owner: "", status: "Not started" })),
      },
    ]);
  });

  it("says so when there is no baseline, keeps the name as text, and never clashes", async () => {
    const book = new FakeWorkbook();
    const store = new ExcelPlanningStore({ run: book.run });
    const workflow = '=HYPERLINK("x")';
    const one = await store.createRoadmap(workflow, "2026-01-05", false);
    expect(book.syncs).toBe(2);
    const two = await store.createRoadmap(workflow, "2026-01-05", false);
    expect(one).toBe('AGAP Roadmap – =HYPERLINK("x")');
    expect(two).toBe('AGAP Roadmap – =HYPERLINK(" (2)'); // cut to 31 characters
    expect(book.tables.map((t) => t.name)).toEqual(["AgapRoadmap", "AgapRoadmap2"]);
    const sheet = book.sheet(one)!;
    expect(sheet.cell("B2")).toEqual({ value: workflow, format: "@" });
    const baselineRow = ROADMAP_ROW.firstTask + ROADMAP_TASKS.findIndex((t) => t.id === BASELINE_TASK_ID);
    expect(sheet.cell(`F${baselineRow}`).value).toBe("No baseline in AGAP ROI yet");
  });

  it("reads back statuses and owners edited in the sheet, skipping a status outside the list", async () => {
    const book = new FakeWorkbook();
    const store = new ExcelPlanningStore({ run: book.run });
    const name = await store.createRoadmap("Claims", "2026-01-05", false);
    const sheet = book.sheet(name)!;
    sheet.at(ROADMAP_ROW.firstTask - 1, ROADMAP_COL.status).value = "Done";
    sheet.at(ROADMAP_ROW.firstTask - 1, ROADMAP_COL.owner).value = "Ana";
    sheet.at(ROADMAP_ROW.firstTask, ROADMAP_COL.status).value = "Later";
    book.syncs = 0;
    const data = await store.loadPlanning();
    expect(book.syncs).toBe(2);
    expect(data.roadmaps[0].tasks[0]).toEqual({ id: ROADMAP_TASKS[0].id, owner: "Ana", status: "Done" });
    expect(data.roadmaps[0].tasks).toHaveLength(14);
    expect(data.skipped).toEqual([
      { sheet: name, row: ROADMAP_ROW.firstTask + 1, problem: expect.stringMatching(/Status is "Later"/) },
    ]);
  });

  it("refuses a start date that is not a date", async () => {
    const book = new FakeWorkbook();
    await expect(new ExcelPlanningStore({ run: book.run }).createRoadmap("x", "2023-02-29", false)).rejects.toThrow(
      /not a YYYY-MM-DD date/,
    );
    expect(book.writes).toEqual([]);
  });
});

describe("ExcelPlanningStore.loadPlanning", () => {
  it("gives empty lists for a workbook without planning sheets, in 2 syncs", async () => {
    const book = new FakeWorkbook();
    await expect(new ExcelPlanningStore({ run: book.run }).loadPlanning()).resolves.toEqual({
      scenarios: [],
      roi: [],
      maturity: [],
      roadmaps: [],
      skipped: [],
    });
    expect(book.syncs).toBe(2);
  });

  it("reads back what was saved, and reports rows it cannot read with their sheet", async () => {
    const book = new FakeWorkbook();
    const store = new ExcelPlanningStore({ run: book.run });
    const saved = [scenario("s-1"), scenario("s-2", { name: '=HYPERLINK("x")', workflow: "" })];
    for (const s of saved) await store.saveScenario(s);
    await store.saveRoi(ENTRY, LATEST);
    await store.saveRoi({ ...ENTRY, id: "roi-2", baseline: null, direction: "higher" }, null);
    book.sheet("AGAP Scenarios")!.at(3, SCENARIO_COL.firstScore).value = "high"; // a third row, typed badly
    book.sheet("AGAP Scenarios")!.at(3, SCENARIO_COL.name).value = "Typed";
    book.table(SCENARIOS_TABLE)!.bodyRows = 3;
    book.syncs = 0;
    const data = await store.loadPlanning();
    expect(book.syncs).toBe(2);
    expect(data.scenarios).toEqual(saved);
    expect(data.roi).toEqual([ENTRY, { ...ENTRY, id: "roi-2", baseline: null, direction: "higher" }]);
    expect(data.skipped).toEqual([
      { sheet: "AGAP Scenarios", row: 4, problem: 'Strategy score is "high", not a score from 0% to 100%' },
    ]);
  });
});

describe("ExcelPlanningStore.insertTornado", () => {
  const rows = [
    { label: "Strategy", down: -0.006, up: 0.006 },
    { label: "Measurement", down: -0.012, up: 0.012 },
    { label: "Workflow", down: -0.008, up: 0.008 },
    { label: "Oversight", down: -0.0096, up: 0.0096 },
    { label: "Adoption", down: -0.0096, up: 0.0096 },
  ];

  it("writes the lifts largest first and adds a native bar chart over them, in 2 syncs", async () => {
    const book = new FakeWorkbook();
    const name = await new ExcelPlanningStore({ run: book.run }).insertTornado("Lift for ±10%", rows);
    expect(name).toBe("AGAP Tornado");
    expect(book.syncs).toBe(2);
    const sheet = book.sheet(name)!;
    expect(sheet.cell("A1").value).toBe("Lift for ±10%");
    expect(sheet.row(4, 3)).toEqual(["Layer", "Lift for −Δ", "Lift for +Δ"]);
    expect([5, 6, 7, 8, 9].map((r) => sheet.row(r, 3))).toEqual([
      ["Measurement", -0.012, 0.012],
      ["Oversight", -0.0096, 0.0096],
      ["Adoption", -0.0096, 0.0096],
      ["Workflow", -0.008, 0.008],
      ["Strategy", -0.006, 0.006],
    ]);
    expect(sheet.cell("B5").format).toBe("+0.0%;-0.0%;0.0%");
    expect(sheet.charts).toEqual([
      expect.objectContaining({
        type: "BarClustered",
        source: "A4:C9",
        seriesBy: "Columns",
        title: "Lift for ±10%",
        reversePlotOrder: true,
        position: ["E1", "L18"],
      }),
    ]);
    expect(sheet.charts[0].series[0]).toMatchObject({ overlap: 100 });
    await new ExcelPlanningStore({ run: book.run }).insertTornado("again", rows);
    expect(book.sheet("AGAP Tornado (2)")).toBeDefined();
  });

  it("refuses lifts that are not numbers", async () => {
    const book = new FakeWorkbook();
    await expect(
      new ExcelPlanningStore({ run: book.run }).insertTornado("x", [{ label: "a", down: NaN, up: 1 }]),
    ).rejects.toThrow(/must be a number/);
    expect(book.writes).toEqual([]);
  });
});

describe("ExcelPlanningStore.insertGrid", () => {
  const scores = [0.8, 0.6, 0.5, 0.4, 0.5];
  const steps = [0, 0.2, 0.4, 0.6, 0.8, 1];

  it("writes one range of live PRODUCT formulas with a 3-colour scale and percent format, in 2 syncs", async () => {
    const book = new FakeWorkbook();
    const name = await new ExcelPlanningStore({ run: book.run }).insertGrid(scores, 3, 4, steps);
    expect(name).toBe("AGAP Grid");
    expect(book.syncs).toBe(2);
    const sheet = book.sheet(name)!;
    // The three layers held: Strategy, Workflow, Oversight, with their scores.
    expect([4, 5, 6].map((r) => sheet.row(r, 2))).toEqual([
      [LAYERS[0].name, 0.8],
      [LAYERS[1].name, 0.6],
      [LAYERS[2].name, 0.5],
    ]);
    expect(sheet.cell("A8").value).toBe("Measurement ↓ / Adoption →");
    expect(sheet.row(8, 7).slice(1)).toEqual(steps);
    expect(sheet.cell("B9").formula).toBe("=IF(COUNT($B$4:$B$6,$A9,B$8)<5,NA(),PRODUCT($B$4:$B$6,$A9,B$8))");
    expect(sheet.cell("G14").formula).toBe("=IF(COUNT($B$4:$B$6,$A14,G$8)<5,NA(),PRODUCT($B$4:$B$6,$A14,G$8))");
    expect(sheet.cell("D11").format).toBe("0.0%");
    expect(sheet.conditionalFormats).toEqual([
      {
        address: "B9:G14",
        type: "ColorScale",
        criteria: {
          minimum: { type: "LowestValue", color: "#F8696B" },
          midpoint: { formula: "50", type: "Percentile", color: "#FFEB84" },
          maximum: { type: "HighestValue", color: "#63BE7B" },
        },
      },
    ]);
    const value = evaluate(sheet);
    const model = realizedGrid(scores, 3, 4, steps).values;
    model.forEach((row, r) => row.forEach((want, c) => expect(value(9 + r, 1 + c)).toBeCloseTo(want, 12)));
    sheet.at(4, 1).value = ""; // a held score cleared by hand
    expect(evaluate(sheet)(9, 1)).toEqual({ error: "#N/A" });
  });

  it("refuses the same layer twice", async () => {
    const book = new FakeWorkbook();
    await expect(new ExcelPlanningStore({ run: book.run }).insertGrid(scores, 2, 2, steps)).rejects.toThrow(
      /two different layers/,
    );
    expect(book.writes).toEqual([]);
  });
});
