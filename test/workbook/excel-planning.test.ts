import {
  BAND_THRESHOLD_NOTE,
  BASELINE_TASK_ID,
  LAYERS,
  ROADMAP_TASKS,
  realizedGrid,
  tornadoSwings,
  type AssessmentResponse,
  type RoiEntry,
  type Scenario,
} from "../../src/model";
import { ExcelPlanningStore, PORTFOLIO_NOTE_CELL } from "../../src/workbook/excel-planning";
import { ExcelStore } from "../../src/workbook/excel-store";
import { ASSESSMENTS, ASSESSMENTS_SHEET, ASSESSMENTS_TABLE } from "../../src/workbook/sheets/assessments";
import { dateToSerial } from "../../src/workbook/sheets/cells";
import { PORTFOLIO, PORTFOLIO_SHEET, PORTFOLIO_TABLE, type PortfolioEntry } from "../../src/workbook/sheets/portfolio";
import { ROADMAP_COL, ROADMAP_HEADERS, ROADMAP_ROW } from "../../src/workbook/sheets/roadmap";
import { ROI, ROI_SHEET, ROI_TABLE } from "../../src/workbook/sheets/roi";
import { SCENARIOS, SCENARIOS_SHEET, SCENARIOS_TABLE } from "../../src/workbook/sheets/scenarios";
import {
  LAYOUTS_SHEET,
  NA,
  columnLetter,
  headersOf,
  layoutOf,
  rowCells,
  specLayout,
  type TableSpec,
} from "../../src/workbook/sheets/spec";
import { evaluateFake } from "../support/workbook-engine";
import { FakeWorkbook } from "./fake-excel";
import {
  ENTRY,
  ENTRY_BY_HAND,
  LATEST,
  answersOf,
  expectRowAsModel,
  latestTeam,
  placeTable,
  recordLayouts,
  recordedLayouts,
} from "./planning-fixtures";

// Sync counts: every save opens its tables through the table gateway in two syncs (first which
// tables and sheets exist, then their cells and the recorded layout versions) and sends all its
// writes in a third. Loading takes the two syncs of opening, plus one when there are roadmap
// sheets to read.

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
  return { id, workflow, respondent: "Ana", date, answers: answersOf(ANSWERS) };
}

/** A workbook whose assessments table AGAP wrote, at the current layout. */
function bookWith(responses: readonly AssessmentResponse[]): FakeWorkbook {
  const book = new FakeWorkbook();
  placeTable(book, ASSESSMENTS, responses);
  recordLayouts(book, [ASSESSMENTS]);
  return book;
}

/** The evaluated value of a table's cell by record row (1-based sheet row) and column key. */
function valueAt<R, C>(book: FakeWorkbook, spec: TableSpec<R, C>, row: number, key: string) {
  return evaluateFake(book).value(spec.sheet, row, specLayout(spec).position[key]);
}

/** A spec's number formats as the fake shows them: "General" where the spec keeps the cell's own. */
const specFormats = <R, C>(spec: TableSpec<R, C>) => spec.columns.map((column) => column.format ?? "General");

describe("ExcelPlanningStore.saveScenario", () => {
  it("creates the scenarios table and writes one row of values and live formulas, in 3 syncs", async () => {
    const book = new FakeWorkbook();
    await new ExcelPlanningStore({ run: book.run }).saveScenario(scenario("s-1"));
    expect(book.syncs).toBe(3);
    const sheet = book.sheet(SCENARIOS_SHEET)!;
    const width = headersOf(SCENARIOS).length;
    expect(book.table(SCENARIOS_TABLE)).toMatchObject({ top: 0, left: 0, width });
    expect(sheet.row(1, width)).toEqual(headersOf(SCENARIOS));
    expect(sheet.frozenRows).toBe(1);
    const col = specLayout(SCENARIOS).position;
    const formulas = sheet.formulas(2, width);
    expect(formulas.slice(0, 3)).toEqual([
      "Fix measurement",
      "Invoice triage",
      "assessment of Invoice triage on 2026-01-05",
    ]);
    expect(formulas.slice(col["score:strategy"], col.realized)).toEqual([0.8, 0.6, 0.5, 0.7, 0.5]);
    const written = rowCells(SCENARIOS, specLayout(SCENARIOS), scenario("s-1"), 2).formulas;
    expect([formulas[col.realized], formulas[col.change]]).toEqual([written[col.realized], written[col.change]]);
    expect(formulas.slice(col["base:strategy"], col.id)).toEqual([0.8, 0.6, 0.5, 0.4, 0.5]);
    expect(formulas[col.id]).toBe("s-1");
    expect(sheet.formats(2, width)).toEqual(specFormats(SCENARIOS));
    expect(valueAt(book, SCENARIOS, 2, "realized")).toBeCloseTo(0.084, 12);
    expect(valueAt(book, SCENARIOS, 2, "change")).toBeCloseTo(0.036, 12);
    expect(recordedLayouts(book)).toEqual([
      ["Table", "Layout version"],
      [SCENARIOS_TABLE, SCENARIOS.version],
    ]);
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
    const sheet = book.sheet(SCENARIOS_SHEET)!;
    expect(sheet.cell("A2").value).toBe("Fix measurement (v2)");
    expect(sheet.cell("A3").value).toBe("Raise adoption");
    expect(sheet.cell("I3").formula).toBe("=IF(COUNT(D3:H3)<5,NA(),PRODUCT(D3:H3))");
    expect(book.table(SCENARIOS_TABLE)!.bodyRows).toBe(2);
  });

  it("keeps names that look like formulas as text", async () => {
    const book = new FakeWorkbook();
    const name = '=HYPERLINK("x")';
    await new ExcelPlanningStore({ run: book.run }).saveScenario(
      scenario("s-1", { name, workflow: "+1", baseLabel: "@a" }),
    );
    const sheet = book.sheet(SCENARIOS_SHEET)!;
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

  it("finds columns moved or added by hand by their headers, and writes each into its own", async () => {
    // "Scenario ID" moved to the front, "Started from" to the end, and a column of the person's own.
    const headers = headersOf(SCENARIOS);
    const header = [
      "Scenario ID",
      "Scenario",
      "Owner",
      ...headers.filter((h) => !["Scenario ID", "Scenario", "Started from"].includes(h)),
      "Started from",
    ];
    const layout = layoutOf(SCENARIOS, header);
    const book = new FakeWorkbook();
    book.addTable(SCENARIOS_TABLE, SCENARIOS_SHEET, header, []);
    recordLayouts(book, [SCENARIOS]);
    const store = new ExcelPlanningStore({ run: book.run });
    await store.saveScenario(scenario("s-1"));
    await store.saveScenario(scenario("s-2", { name: "Raise adoption", scores: [0.8, 0.6, 0.5, 0.4, 0.9] }));
    book.sheet(SCENARIOS_SHEET)!.at(1, 2).value = "Ana"; // typed in the person's own column

    await store.saveScenario(scenario("s-1", { name: "Fix measurement (v2)" }));

    const sheet = book.sheet(SCENARIOS_SHEET)!;
    expect(sheet.row(2, 3)).toEqual(["s-1", "Fix measurement (v2)", "Ana"]);
    expect(sheet.cell(`${columnLetter(header.length - 1)}2`).value).toBe("assessment of Invoice triage on 2026-01-05");
    const evaluated = evaluateFake(book);
    expectRowAsModel(evaluated, SCENARIOS, layout, 2, scenario("s-1", { name: "Fix measurement (v2)" }), undefined);
    expectRowAsModel(
      evaluated,
      SCENARIOS,
      layout,
      3,
      scenario("s-2", { name: "Raise adoption", scores: [0.8, 0.6, 0.5, 0.4, 0.9] }),
      undefined,
    );
    expect(evaluated.value(SCENARIOS_SHEET, 2, layout.position.realized)).toBeCloseTo(0.084, 12);
    const data = await store.loadPlanning();
    expect(data.scenarios).toEqual([
      scenario("s-1", { name: "Fix measurement (v2)" }),
      scenario("s-2", { name: "Raise adoption", scores: [0.8, 0.6, 0.5, 0.4, 0.9] }),
    ]);
  });

  it("writes a table whose two score columns were swapped by hand, each score under its own header", async () => {
    // Earlier layouts refused this table; columns are now found by header.
    const header = headersOf(SCENARIOS);
    [header[3], header[4]] = [header[4], header[3]];
    const layout = layoutOf(SCENARIOS, header);
    const book = new FakeWorkbook();
    book.addTable(SCENARIOS_TABLE, SCENARIOS_SHEET, header, []);
    recordLayouts(book, [SCENARIOS]);
    await new ExcelPlanningStore({ run: book.run }).saveScenario(scenario("s-1"));
    const sheet = book.sheet(SCENARIOS_SHEET)!;
    expect([sheet.cell("D1").value, sheet.cell("D2").value]).toEqual(["Workflow score", 0.6]);
    expect([sheet.cell("E1").value, sheet.cell("E2").value]).toEqual(["Strategy score", 0.8]);
    expectRowAsModel(evaluateFake(book), SCENARIOS, layout, 2, scenario("s-1"), undefined);
  });

  it("never writes a table over content left on the sheet", async () => {
    const book = new FakeWorkbook();
    book.addSheet(SCENARIOS_SHEET).at(0, 0).value = "my notes";
    await expect(new ExcelPlanningStore({ run: book.run }).saveScenario(scenario("s"))).rejects.toThrow(
      /has content but no AgapScenarios table/,
    );
    expect(book.syncs).toBe(2);
    expect(book.writes).toEqual([]);
  });

  it("rejects with Excel's message on a protected sheet", async () => {
    const book = new FakeWorkbook();
    const store = new ExcelPlanningStore({ run: book.run });
    await store.saveScenario(scenario("s-1"));
    book.sheet(SCENARIOS_SHEET)!.protected = true;
    await expect(store.saveScenario(scenario("s-2"))).rejects.toThrow(/protected sheet/);
  });
});

describe("ExcelPlanningStore.saveRoi", () => {
  it("writes inputs, portable formulas, formats, the direction list and the live latest round, in 3 syncs", async () => {
    const team = latestTeam("Invoice triage", "2026-01-05");
    const book = bookWith(team);
    await new ExcelPlanningStore({ run: book.run }).saveRoi(ENTRY);
    expect(book.syncs).toBe(3);
    const sheet = book.sheet(ROI_SHEET)!;
    expect(book.table(ROI_TABLE)).toBeDefined();
    const width = headersOf(ROI).length;
    const col = specLayout(ROI).position;
    const formulas = sheet.formulas(2, width);
    const written = rowCells(ROI, specLayout(ROI), ENTRY, 2);
    ROI.columns.forEach((column, c) => {
      if (column.kind === "derived") expect(formulas[c]).toBe(written.formulas[c]);
    });
    for (const formula of formulas) expect(String(formula)).not.toMatch(/AGAP\.|SEQUENCE/);
    expect(formulas[col.baselineDate]).toBe(dateToSerial("2026-01-10"));
    expect(formulas[col.maintain]).toBe(500);
    expect(formulas[col.id]).toBe("roi-1");
    expect(sheet.formats(2, width)).toEqual(specFormats(ROI));
    expect(sheet.validationAt("D2:D2")?.rule).toEqual({ list: { inCellDropDown: true, source: "lower,higher" } });

    const value = (key: string) => valueAt(book, ROI, 2, key);
    expect(value("measuredRoi")).toBeCloseTo(ENTRY_BY_HAND.measuredRoi, 12);
    expect(value("npv")).toBeCloseTo(ENTRY_BY_HAND.npv, 9);
    expect(value("payback")).toBeCloseTo(ENTRY_BY_HAND.payback, 12);
    expect(value("projected")).toBeCloseTo(ENTRY_BY_HAND.projected, 9);
    expect(value("flags")).toBe("");
    expect(value("latestDate")).toBe(dateToSerial("2026-01-05"));
    LATEST.forEach((score, k) => expect(value(`latest:${LAYERS[k].id}`)).toBeCloseTo(score, 12));
    expectRowAsModel(evaluateFake(book), ROI, specLayout(ROI), 2, ENTRY, { responses: team });
  });

  it("follows a later round saved afterwards: the latest scores are live formulas", async () => {
    const book = bookWith(latestTeam("Invoice triage", "2026-01-05"));
    await new ExcelPlanningStore({ run: book.run }).saveRoi(ENTRY);
    const later: AssessmentResponse = {
      id: "later",
      workflow: "Invoice triage",
      respondent: "Cy",
      date: "2026-04-01",
      answers: answersOf(Array(15).fill(5)),
    };
    await new ExcelStore({ run: book.run }).saveResponse(later);
    expect(valueAt(book, ROI, 2, "latestDate")).toBe(dateToSerial("2026-04-01"));
    expect(valueAt(book, ROI, 2, "latest:measurement")).toBeCloseTo(1, 12);
    expect(valueAt(book, ROI, 2, "projected")).toBeCloseTo(1_000_000, 9);
  });

  it("gives a baseline captured after go-live its flag text", async () => {
    const book = bookWith([]);
    await new ExcelPlanningStore({ run: book.run }).saveRoi({ ...ENTRY, baselineDate: "2026-03-01" });
    expect(valueAt(book, ROI, 2, "flags")).toBe(
      "Baseline captured after go-live: it may already include the agent's effect, so the ROI is not defensible.",
    );
  });

  it("shows no measured number without a baseline, and #N/A latest scores with no assessment at all", async () => {
    const book = new FakeWorkbook();
    await new ExcelPlanningStore({ run: book.run }).saveRoi({ ...ENTRY, baseline: null });
    // The latest scores read the assessments table, so the save makes it when it is missing.
    expect(book.sheets.map((s) => s.name)).toEqual([ROI_SHEET, ASSESSMENTS_SHEET, LAYOUTS_SHEET]);
    expect(book.table(ASSESSMENTS_TABLE)).toMatchObject({ bodyRows: 1 });
    expect(recordedLayouts(book)).toEqual([
      ["Table", "Layout version"],
      [ROI_TABLE, ROI.version],
      [ASSESSMENTS_TABLE, ASSESSMENTS.version],
    ]);
    const sheet = book.sheet(ROI_SHEET)!;
    expect(sheet.cell("E2").value).toBe("");
    for (const key of ["projected", "measuredRoi", "npv", "payback", "latestDate", "latest:strategy"]) {
      expect(valueAt(book, ROI, 2, key)).toEqual(NA);
    }
    expect(valueAt(book, ROI, 2, "flags")).toBe("No baseline captured: the return cannot be proven.");
  });

  it("keeps a workflow and metric that look like formulas as text", async () => {
    const book = new FakeWorkbook();
    await new ExcelPlanningStore({ run: book.run }).saveRoi({
      ...ENTRY,
      workflow: '=HYPERLINK("x")',
      metric: "-1",
      unit: "@h",
    });
    const sheet = book.sheet(ROI_SHEET)!;
    expect(sheet.cell("A2")).toEqual({ value: '=HYPERLINK("x")', format: "@" });
    expect(sheet.cell("B2")).toEqual({ value: "-1", format: "@" });
    expect(sheet.cell("C2")).toEqual({ value: "@h", format: "@" });
  });

  it("updates a row typed by hand, read back with an id from its position", async () => {
    const book = new FakeWorkbook();
    const col = specLayout(ROI).position;
    const typed: unknown[] = headersOf(ROI).map(() => "");
    typed[col.workflow] = "Invoice triage";
    typed[col.baseline] = 40;
    book.addTable(ROI_TABLE, ROI_SHEET, headersOf(ROI), [typed]);
    recordLayouts(book, [ROI]);
    const store = new ExcelPlanningStore({ run: book.run });
    const data = await store.loadPlanning();
    expect(data.roi.map((e) => e.id)).toEqual(["sheet-row-2"]);
    await store.saveRoi({ ...data.roi[0], current: 30 });
    expect(book.table(ROI_TABLE)!.bodyRows).toBe(1);
    expect(book.sheet(ROI_SHEET)!.cell("H2").value).toBe(30);
    expect(book.sheet(ROI_SHEET)!.cell("W2").value).toBe("sheet-row-2");
  });

  it("refuses a bad date or direction", async () => {
    const book = new FakeWorkbook();
    const store = new ExcelPlanningStore({ run: book.run });
    await expect(store.saveRoi({ ...ENTRY, goLiveDate: "2026-02-30" })).rejects.toThrow(/go-live date/);
    await expect(store.saveRoi({ ...ENTRY, direction: "up" as "lower" })).rejects.toThrow(/Direction/);
    expect(book.writes).toEqual([]);
  });
});

describe("ExcelPlanningStore.saveMaturity", () => {
  /** The sheet row of a workflow in the portfolio table. */
  const rowOfWorkflow = (book: FakeWorkbook, workflow: string) => {
    const table = book.table(PORTFOLIO_TABLE)!;
    for (let r = 0; r < table.bodyRows; r++) {
      if (table.sheet.peek(table.top + 1 + r, 0).value === workflow) return table.top + 2 + r;
    }
    return -1;
  };

  it("places the workflow and lists every other workflow the assessments and ROI name, in 3 syncs", async () => {
    const responses = [response("a"), response("b", "Claims", "2026-02-01")];
    const book = bookWith(responses);
    const store = new ExcelPlanningStore({ run: book.run });
    const late: RoiEntry = { ...ENTRY, baselineDate: "2026-03-01" };
    await store.saveRoi(late);
    book.syncs = 0;
    await store.saveMaturity({ workflow: "Claims", stage: 2, target: 4 });
    expect(book.syncs).toBe(3);

    const sheet = book.sheet(PORTFOLIO_SHEET)!;
    const width = headersOf(PORTFOLIO).length;
    expect(sheet.row(1, width)).toEqual(headersOf(PORTFOLIO));
    expect(book.table(PORTFOLIO_TABLE)!.bodyRows).toBe(2);
    const claims = rowOfWorkflow(book, "Claims");
    const triage = rowOfWorkflow(book, "Invoice triage");
    expect([claims, triage].sort()).toEqual([2, 3]);
    const value = (row: number, key: string) => valueAt(book, PORTFOLIO, row, key);
    expect([value(claims, "stage"), value(claims, "target")]).toEqual([2, 4]);
    expect(value(triage, "stage")).toBeNull();
    // Scores 0.8, 0.6, 7/15, 0.4, 7/15 (answers above): realized 0.0418.
    const realized = 0.8 * 0.6 * (7 / 15) * 0.4 * (7 / 15);
    expect(value(claims, "latestDate")).toBe(dateToSerial("2026-02-01"));
    expect(value(claims, "latestRealized")).toBeCloseTo(realized, 12);
    expect(["stageName", "targetName", "band", "weakest", "roiStatus"].map((key) => value(claims, key))).toEqual([
      "Assisted",
      "Operational",
      "Critical",
      "Measurement",
      "no ROI row",
    ]);
    expect(value(triage, "roiStatus")).toBe("flagged");
    expect(value(triage, "stageName")).toBe("");
    const evaluated = evaluateFake(book);
    const context = { responses, roi: [late] };
    expectRowAsModel(
      evaluated,
      PORTFOLIO,
      specLayout(PORTFOLIO),
      claims,
      { workflow: "Claims", stage: 2, target: 4 },
      context,
    );
    expectRowAsModel(
      evaluated,
      PORTFOLIO,
      specLayout(PORTFOLIO),
      triage,
      { workflow: "Invoice triage", stage: null, target: 4 },
      context,
    );
    expect(sheet.cell(`C${claims}`).formula).toMatch(
      new RegExp(`^=IF\\(B${claims}="","",CHOOSE\\(B${claims},"Experimenting"`),
    );
    expect(PORTFOLIO_NOTE_CELL).toBe("Q1");
    expect(sheet.cell("Q1").value).toBe(BAND_THRESHOLD_NOTE);
    expect(sheet.validationAt(`B${claims}:B${claims}`)?.rule).toEqual({
      wholeNumber: { formula1: 1, formula2: 5, operator: "Between" },
    });
    await expect(store.loadPlanning()).resolves.toMatchObject({
      maturity: [{ workflow: "Claims", stage: 2, target: 4 }],
      skipped: [],
    });
  });

  it("updates the saved workflow's stage, keeps others as typed, and reads them back", async () => {
    const book = bookWith([response("a"), response("b", "Claims")]);
    const entries: PortfolioEntry[] = [
      { workflow: "Invoice triage", stage: null, target: 4 },
      { workflow: "Claims", stage: 2, target: 4 },
    ];
    placeTable(book, PORTFOLIO, entries);
    recordLayouts(book, [ASSESSMENTS, PORTFOLIO]);
    const store = new ExcelPlanningStore({ run: book.run });
    book.sheet(PORTFOLIO_SHEET)!.at(1, specLayout(PORTFOLIO).position.stage).value = 1; // typed for Invoice triage
    await store.saveMaturity({ workflow: "Claims", stage: 3, target: 5 });
    const data = await store.loadPlanning();
    expect(data.maturity).toEqual([
      { workflow: "Invoice triage", stage: 1, target: 4 },
      { workflow: "Claims", stage: 3, target: 5 },
    ]);
    expect(book.table(PORTFOLIO_TABLE)!.bodyRows).toBe(2);
    expect(valueAt(book, PORTFOLIO, 3, "stageName")).toBe("Embedded");
  });

  it("refuses a stage outside 1–5", async () => {
    const book = new FakeWorkbook();
    await expect(
      new ExcelPlanningStore({ run: book.run }).saveMaturity({ workflow: "x", stage: 6, target: 4 }),
    ).rejects.toThrow(/stage from 1 to 5/);
    expect(book.writes).toEqual([]);
  });
});

describe("ExcelPlanningStore.createRoadmap", () => {
  it("writes the 15 tasks with dates, a status list, a frozen header and the baseline note, in 3 syncs", async () => {
    const book = new FakeWorkbook();
    const store = new ExcelPlanningStore({ run: book.run });
    await store.saveRoi(ENTRY);
    book.syncs = 0;
    const name = await store.createRoadmap("Invoice triage", "2024-02-01");
    expect(book.syncs).toBe(3);
    expect(name).toBe("AGAP Roadmap – Invoice triage");
    expect(book.active).toBe(name);
    const sheet = book.sheet(name)!;
    expect(sheet.frozenRows).toBe(ROADMAP_ROW.header);
    expect(sheet.cell("B2")).toEqual({ value: "Invoice triage", format: "@" });
    expect(sheet.cell("B3")).toEqual({ value: dateToSerial("2024-02-01"), format: "yyyy-mm-dd" });
    const first = ROADMAP_ROW.firstTask;
    const tasks = ROADMAP_TASKS.map((_, i) => sheet.row(first + i, ROADMAP_HEADERS.length));
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

    book.syncs = 0;
    const data = await store.loadPlanning();
    expect(book.syncs).toBe(3);
    expect(data.roadmaps).toEqual([
      {
        workflow: "Invoice triage",
        startDate: "2024-02-01",
        sheetName: name,
        tasks: ROADMAP_TASKS.map((t) => ({ id: t.id, owner: "", status: "Not started", doneDate: "" })),
      },
    ]);
  });

  it("says so when there is no baseline, keeps the name as text, and never clashes", async () => {
    const book = new FakeWorkbook();
    const store = new ExcelPlanningStore({ run: book.run });
    const workflow = '=HYPERLINK("x")';
    const one = await store.createRoadmap(workflow, "2026-01-05");
    expect(book.syncs).toBe(3);
    const two = await store.createRoadmap(workflow, "2026-01-05");
    expect(one).toBe('AGAP Roadmap – =HYPERLINK("x")');
    expect(two).toBe('AGAP Roadmap – =HYPERLINK(" (2)'); // cut to 31 characters
    expect(book.tables.map((t) => t.name)).toEqual(["AgapRoadmap", "AgapRoadmap2"]);
    const sheet = book.sheet(one)!;
    expect(sheet.cell("B2")).toEqual({ value: workflow, format: "@" });
    const baselineRow = ROADMAP_ROW.firstTask + ROADMAP_TASKS.findIndex((t) => t.id === BASELINE_TASK_ID);
    expect(sheet.cell(`${columnLetter(ROADMAP_COL.note)}${baselineRow}`).value).toBe("No baseline in AGAP ROI yet");
    // Reading the ROI tracker for the note never creates it.
    expect(book.sheet(ROI_SHEET)).toBeUndefined();
  });

  it("reads back statuses and owners edited in the sheet, skipping a status outside the list", async () => {
    const book = new FakeWorkbook();
    const store = new ExcelPlanningStore({ run: book.run });
    const name = await store.createRoadmap("Claims", "2026-01-05");
    const sheet = book.sheet(name)!;
    sheet.at(ROADMAP_ROW.firstTask - 1, ROADMAP_COL.status).value = "Done";
    sheet.at(ROADMAP_ROW.firstTask - 1, ROADMAP_COL.owner).value = "Ana";
    sheet.at(ROADMAP_ROW.firstTask, ROADMAP_COL.status).value = "Later";
    book.syncs = 0;
    const data = await store.loadPlanning();
    expect(book.syncs).toBe(3);
    expect(data.roadmaps[0].tasks[0]).toEqual({ id: ROADMAP_TASKS[0].id, owner: "Ana", status: "Done", doneDate: "" });
    expect(data.roadmaps[0].tasks).toHaveLength(14);
    expect(data.skipped).toEqual([
      { sheet: name, row: ROADMAP_ROW.firstTask + 1, problem: expect.stringMatching(/Status is "Later"/) },
    ]);
  });

  it("refuses a start date that is not a date", async () => {
    const book = new FakeWorkbook();
    await expect(new ExcelPlanningStore({ run: book.run }).createRoadmap("x", "2023-02-29")).rejects.toThrow(
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
    await store.saveRoi(ENTRY);
    await store.saveRoi({ ...ENTRY, id: "roi-2", baseline: null, direction: "higher" });
    const col = specLayout(SCENARIOS).position;
    book.sheet(SCENARIOS_SHEET)!.at(3, col["score:strategy"]).value = "high"; // a third row, typed badly
    book.sheet(SCENARIOS_SHEET)!.at(3, col.name).value = "Typed";
    book.sheet(SCENARIOS_SHEET)!.at(4, col.name).value = "Typed too"; // a fourth, with a name only
    book.table(SCENARIOS_TABLE)!.bodyRows = 4;
    book.syncs = 0;
    const data = await store.loadPlanning();
    expect(book.syncs).toBe(2);
    expect(data.scenarios).toEqual(saved);
    expect(data.roi).toEqual([ENTRY, { ...ENTRY, id: "roi-2", baseline: null, direction: "higher" }]);
    expect(data.skipped).toEqual([
      { sheet: SCENARIOS_SHEET, row: 4, problem: 'Strategy score is "high", not a number' },
      { sheet: SCENARIOS_SHEET, row: 5, problem: `Strategy score is blank` },
    ]);
  });
});

describe("ExcelPlanningStore.insertTornado", () => {
  // The model's tornado for ±10% around 0.8, 0.6, 0.5, 0.4, 0.5: largest swing first.
  const rows = tornadoSwings(LATEST, 0.1).map((swing) => ({
    label: swing.layer.short,
    down: swing.down,
    up: swing.up,
  }));

  it("writes the lifts in the model's order, largest first, and adds a native bar chart over them, in 2 syncs", async () => {
    const book = new FakeWorkbook();
    const name = await new ExcelPlanningStore({ run: book.run }).insertTornado("Lift for a step of ±10 pts", rows);
    expect(name).toBe("AGAP Tornado");
    expect(book.syncs).toBe(2);
    const sheet = book.sheet(name)!;
    expect(sheet.cell("A1").value).toBe("Lift for a step of ±10 pts");
    // The words are the glossary's: a lift is a change in realized value, in percentage points.
    expect(sheet.cell("A2").value).toBe(
      "Lift: the change in realized value, in percentage points, when one layer score moves down or up by the step " +
        "and the other four stay as they are. Largest swing first.",
    );
    expect(sheet.row(4, 3)).toEqual(["Layer", "Lift, step down", "Lift, step up"]);
    const written = [5, 6, 7, 8, 9].map((r) => sheet.row(r, 3));
    expect(written).toEqual(rows.map((row) => [row.label, row.down, row.up]));
    // By hand: a step of 0.1 on one layer moves realized value by 0.1 × the product of the others.
    expect(written.map((row) => row[0])).toEqual(["Measurement", "Oversight", "Adoption", "Workflow", "Strategy"]);
    [0.012, 0.0096, 0.0096, 0.008, 0.006].forEach((lift, i) => {
      expect(written[i][1]).toBeCloseTo(-lift, 12);
      expect(written[i][2]).toBeCloseTo(lift, 12);
    });
    expect(sheet.cell("B5").format).toBe("+0.0%;-0.0%;0.0%");
    expect(sheet.charts).toEqual([
      expect.objectContaining({
        type: "BarClustered",
        source: "A4:C9",
        seriesBy: "Columns",
        title: "Lift for a step of ±10 pts",
        reversePlotOrder: true,
        position: ["E1", "L18"],
      }),
    ]);
    expect(sheet.charts[0].series[0]).toMatchObject({ overlap: 100 });
    await new ExcelPlanningStore({ run: book.run }).insertTornado("again", rows);
    expect(book.sheet("AGAP Tornado (2)")).toBeDefined();
  });

  it("keeps the order it is given", async () => {
    const book = new FakeWorkbook();
    const reversed = [...rows].reverse();
    const name = await new ExcelPlanningStore({ run: book.run }).insertTornado("Lift", reversed);
    expect([5, 6, 7, 8, 9].map((r) => book.sheet(name)!.row(r, 3)[0])).toEqual(reversed.map((row) => row.label));
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
    const value = (row: number, column: number) => evaluateFake(book).value(name, row, column);
    const model = realizedGrid(scores, 3, 4, steps).values;
    model.forEach((row, r) => row.forEach((want, c) => expect(value(9 + r, 1 + c)).toBeCloseTo(want, 12)));
    sheet.at(4, 1).value = ""; // a held score cleared by hand
    expect(evaluateFake(book).value(name, 9, 1)).toEqual(NA);
  });

  it("refuses the same layer twice", async () => {
    const book = new FakeWorkbook();
    await expect(new ExcelPlanningStore({ run: book.run }).insertGrid(scores, 2, 2, steps)).rejects.toThrow(
      /two different layers/,
    );
    expect(book.writes).toEqual([]);
  });
});
