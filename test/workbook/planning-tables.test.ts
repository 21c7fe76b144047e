import { DetailedCellError, type RawCellContent } from "hyperformula";
import { BASELINE_TASK_ID, ROADMAP_TASKS, roiFigures, roiFlags, type RoiEntry, type Scenario } from "../../src/model";
import { dateToSerial } from "../../src/workbook/assessment-table";
import {
  NO_BASELINE_NOTE,
  PORTFOLIO_COL,
  PORTFOLIO_HEADERS,
  ROADMAP_COL,
  ROADMAP_HEADERS,
  ROADMAP_ROW,
  ROI_COL,
  ROI_FORMULA_COLUMNS,
  ROI_HEADERS,
  SCENARIO_COL,
  SCENARIO_HEADERS,
  baselineNote,
  portfolioRowFormulas,
  portfolioRowResults,
  readPortfolioRows,
  readRoadmapSheet,
  readRoiRows,
  readScenarioRows,
  roadmapCells,
  roiFlagText,
  roiRowFormulas,
  roiRowResults,
  roiRowValues,
  scenarioRowFormulas,
  scenarioRowResults,
  scenarioRowValues,
  type CachedValue,
} from "../../src/workbook/planning-tables";
import { createAgapEngine } from "../support/hyperformula-agap";
import { ENTRY, LATEST } from "./planning-fixtures";

/** Evaluates one table row (row 2 under a header row) in HyperFormula with the AGAP functions. */
function evaluateRow(values: readonly (string | number | null)[], columns: readonly number[], formulas: string[]) {
  const row: RawCellContent[] = values.map((value) => (value === "" ? null : value));
  columns.forEach((column, i) => (row[column] = formulas[i]));
  const hf = createAgapEngine({ Sheet1: [values.map(() => "h"), row] }, { smartRounding: false });
  return columns.map((column) => {
    const value = hf.getCellValue({ sheet: 0, row: 1, col: column });
    return value instanceof DetailedCellError ? { error: value.value } : value;
  });
}

function expectSame(actual: unknown[], cached: CachedValue[]) {
  expect(actual).toHaveLength(cached.length);
  cached.forEach((want, i) => {
    if (typeof want === "number") expect(actual[i]).toBeCloseTo(want, 9);
    else expect(actual[i]).toEqual(want);
  });
}

const roiAgrees = (entry: RoiEntry, latest: number[] | null = LATEST) => {
  const cached = roiRowResults(entry, latest);
  const evaluated = evaluateRow(roiRowValues(entry, latest), ROI_FORMULA_COLUMNS, roiRowFormulas(2));
  expectSame(evaluated, cached);
  return cached;
};

describe("ROI row formulas", () => {
  it("are the AGAP functions and Excel's NPV over cells of the same row", () => {
    const benefit = 'IF(D2="higher",H2-E2,IF(OR(D2="",D2="lower"),E2-H2,NA()))*I2';
    const measurable = "COUNT(E2)=0,COUNT(H2)=0,COUNT(I2)=0,COUNT(J2:M2)=0";
    expect(roiRowFormulas(2).slice(0, 4)).toEqual([
      "=IF(OR(COUNT(Q2)=0,COUNT(X2:AB2)<5),NA(),AGAP.PROJECTED(Q2,X2:AB2))",
      `=IF(OR(${measurable},COUNT(N2)=0),NA(),AGAP.ROI(E2,H2,I2,J2:M2,IF(D2="","lower",D2),N2))`,
      `=IF(OR(${measurable},COUNT(P2)=0,N(O2)<=0),NA(),NPV(P2,SEQUENCE(ROUNDUP(O2,0),1,${benefit},0))-SUM(J2:M2))`,
      `=IF(OR(${measurable},N(O2)<=0),NA(),AGAP.PAYBACK(J2:M2,SEQUENCE(ROUNDUP(O2,0),1,${benefit},0)))`,
    ]);
    expect(ROI_HEADERS.slice(ROI_COL.firstLatest)).toEqual([
      "Latest Strategy score",
      "Latest Workflow score",
      "Latest Oversight score",
      "Latest Measurement score",
      "Latest Adoption score",
    ]);
  });

  it("agree with the model by hand: ROI 1.16, NPV at 1% a month, payback 5.56 periods, projected 48,000", () => {
    const [projected, roi, npv, payback, flags] = roiAgrees(ENTRY);
    // benefit 15 h × 60 × 12 = 10,800 against 5,000 of cost.
    expect(roi).toBeCloseTo((15 * 60 * 12 - 5000) / 5000, 12);
    expect(roi).toBeCloseTo(1.16, 12);
    let pv = 0;
    for (let t = 1; t <= 12; t++) pv += 900 / 1.01 ** t;
    expect(npv).toBeCloseTo(pv - 5000, 9);
    expect(payback).toBeCloseTo(5000 / 900, 12);
    expect(projected).toBeCloseTo(48_000, 9);
    expect(flags).toBe("");
  });

  it.each<[string, Partial<RoiEntry>, number[] | null]>([
    [
      "no baseline and no costs",
      { baseline: null, build: null, integrate: null, govern: null, maintain: null },
      LATEST,
    ],
    ["a baseline captured after go-live", { baselineDate: "2026-03-01" }, LATEST],
    ["part of the horizon observed", { periods: 6 }, LATEST],
    ["a higher-is-better metric", { direction: "higher", baseline: 100, current: 130 }, LATEST],
    ["zero cost", { build: 0, integrate: 0, govern: 0, maintain: 0 }, LATEST],
    ["no periods yet", { periods: null }, LATEST],
    ["a fractional horizon", { horizon: 2.5 }, LATEST],
    ["a cost never paid back", { horizon: 3 }, LATEST],
    ["no discount rate", { discountRate: null }, LATEST],
    ["no latest scores", {}, null],
    ["no expected value", { expectedValue: null }, LATEST],
    ["a worse metric", { current: 50 }, LATEST],
    ["no dates", { baselineDate: "", goLiveDate: "" }, LATEST],
  ])("agree with the model with %s", (_, change, latest) => {
    const entry = { ...ENTRY, ...change };
    const cached = roiAgrees(entry, latest);
    const figures = roiFigures(entry, latest);
    const number = (value: CachedValue) => (typeof value === "number" ? value : null);
    expect(number(cached[0])).toEqual(figures.projected);
    expect(number(cached[1])).toEqual(figures.measuredRoi);
    expect(number(cached[2])).toEqual(figures.npv);
    expect(number(cached[3])).toEqual(figures.payback);
    expect(cached[4]).toBe(
      roiFlags(entry)
        .map((f) => f.message)
        .join(" "),
    );
  });

  it("gives #DIV/0! for a zero cost and the flag text of every flag, natively", () => {
    const zero = roiAgrees({ ...ENTRY, build: 0, integrate: 0, govern: 0, maintain: 0 });
    expect(zero[1]).toEqual({ error: "#DIV/0!" });
    const flagged = {
      ...ENTRY,
      baselineDate: "2026-03-01",
      periods: 6,
      build: null,
      integrate: null,
      govern: null,
      maintain: null,
    };
    expect(roiAgrees(flagged)[4]).toBe(
      "Baseline captured after go-live: it may already include the agent's effect, so the ROI is not defensible. " +
        "No costs entered: ROI is net of build, integrate, govern and maintain. " +
        "Only 6 of 12 periods observed: the measured ROI covers part of the horizon.",
    );
    expect(roiFlagText(flagged)).toBe(roiAgrees(flagged)[4]);
  });

  it("never shows a measured number without a baseline", () => {
    const cached = roiAgrees({ ...ENTRY, baseline: null });
    expect(cached.slice(1, 4)).toEqual([{ error: "#N/A" }, { error: "#N/A" }, { error: "#N/A" }]);
    expect(cached[4]).toBe("No baseline captured: the return cannot be proven.");
  });
});

describe("scenario rows", () => {
  const scenario: Scenario = {
    id: "s-1",
    name: "Fix measurement",
    workflow: "Invoice triage",
    baseLabel: "typed scores",
    baseScores: [0.8, 0.6, 0.5, 0.4, 0.5],
    scores: [0.8, 0.6, 0.5, 0.7, 0.5],
  };

  it("compute realized value with PRODUCT and the change against the stored base scores", () => {
    expect(scenarioRowFormulas(2)).toEqual([
      "=IF(COUNT(D2:H2)<5,NA(),PRODUCT(D2:H2))",
      "=IF(COUNT(K2:O2)<5,NA(),I2-PRODUCT(K2:O2))",
    ]);
    const cached = scenarioRowResults(scenario);
    expect(cached[0]).toBeCloseTo(0.084, 12);
    expect(cached[1]).toBeCloseTo(0.084 - 0.048, 12);
    const values = scenarioRowValues(scenario);
    expectSame(evaluateRow(values, [SCENARIO_COL.realized, SCENARIO_COL.change], scenarioRowFormulas(2)), cached);
  });

  it("give #N/A for a blank score, never the product of the other four", () => {
    const values = scenarioRowValues(scenario);
    values[SCENARIO_COL.firstScore + 2] = "";
    expect(evaluateRow(values, [SCENARIO_COL.realized, SCENARIO_COL.change], scenarioRowFormulas(2))).toEqual([
      { error: "#N/A" },
      { error: "#N/A" },
    ]);
  });

  it("read back, keeping rows typed by hand and skipping bad rows with the reason", () => {
    const row = (s: Scenario) => scenarioRowValues(s).map((v) => v ?? "");
    const typed = row(scenario);
    typed[SCENARIO_COL.id] = "";
    const bad = row({ ...scenario, id: "s-bad" });
    bad[SCENARIO_COL.firstScore + 1] = 1.4;
    const blankBase = row({ ...scenario, id: "s-3" });
    blankBase[SCENARIO_COL.firstBaseScore] = "";
    const read = readScenarioRows(
      SCENARIO_HEADERS,
      [row(scenario), SCENARIO_HEADERS.map(() => ""), typed, bad, blankBase, row(scenario)],
      2,
    );
    expect(read.items).toEqual([scenario, { ...scenario, id: "sheet-row-4" }]);
    expect(read.skipped).toEqual([
      { sheet: "AGAP Scenarios", row: 5, problem: 'Workflow score is "1.4", not a score from 0% to 100%' },
      { sheet: "AGAP Scenarios", row: 6, problem: "Base Strategy score is blank" },
      { sheet: "AGAP Scenarios", row: 7, problem: "it repeats row 2; clear the ID of a copy to keep it" },
    ]);
  });

  it("report a table without a needed column once, at its header", () => {
    const read = readScenarioRows(SCENARIO_HEADERS.slice(0, 5), [["a", "b", "c", 0.5, 0.5]], 2);
    expect(read.items).toEqual([]);
    expect(read.skipped).toEqual([
      { sheet: "AGAP Scenarios", row: 1, problem: expect.stringMatching(/^the table has no "Oversight score"/) },
    ]);
  });
});

describe("ROI rows read back", () => {
  it("by header name, with typed dates, lower-case directions and ids from the row", () => {
    const values = roiRowValues(ENTRY, LATEST).map((v) => v ?? "");
    const typed = [...values];
    typed[ROI_COL.id] = "";
    typed[ROI_COL.direction] = "Higher";
    typed[ROI_COL.baselineDate] = "2026-01-11";
    const header = [...ROI_HEADERS].reverse();
    const read = readRoiRows(header, [values.slice().reverse(), typed.slice().reverse()], 2);
    expect(read.skipped).toEqual([]);
    expect(read.items).toEqual([
      ENTRY,
      { ...ENTRY, id: "sheet-row-3", direction: "higher", baselineDate: "2026-01-11" },
    ]);
  });

  it.each([
    [ROI_COL.direction, "sideways", /Direction is "sideways"/],
    [ROI_COL.baseline, "forty", /Baseline value is "forty", not a number/],
    [ROI_COL.goLiveDate, "soon", /Go-live date is "soon", not a date/],
    [ROI_COL.workflow, "", /the workflow is blank/],
  ])("skip a row whose column %d holds %j", (column, value, reason) => {
    const values = roiRowValues(ENTRY, LATEST).map((v) => v ?? "");
    values[column] = value;
    const read = readRoiRows(ROI_HEADERS, [values], 2);
    expect(read.items).toEqual([]);
    expect(read.skipped).toEqual([{ sheet: "AGAP ROI", row: 2, problem: expect.stringMatching(reason) }]);
  });
});

describe("portfolio rows", () => {
  it("name the stage and target with CHOOSE", () => {
    const [stage, target] = portfolioRowFormulas(3);
    expect(stage).toBe('=IF(B3="","",CHOOSE(B3,"Experimenting","Assisted","Embedded","Operational","Autonomous"))');
    expect(target).toContain("CHOOSE(D3,");
    const values: (string | number | null)[] = PORTFOLIO_HEADERS.map(() => "");
    values[PORTFOLIO_COL.workflow] = "Claims";
    values[PORTFOLIO_COL.stage] = 2;
    values[PORTFOLIO_COL.target] = 4;
    const columns = [PORTFOLIO_COL.stageName, PORTFOLIO_COL.targetName];
    expect(evaluateRow(values, columns, portfolioRowFormulas(2))).toEqual(["Assisted", "Operational"]);
    expect(portfolioRowResults({ stage: 2, target: 4 })).toEqual(["Assisted", "Operational"]);
    expect(portfolioRowResults({ stage: null, target: 4 })).toEqual(["", "Operational"]);
  });

  it("read back as maturity records; unplaced workflows are no record and no problem", () => {
    const header = PORTFOLIO_HEADERS;
    const row = (workflow: string, stage: unknown, target: unknown) => {
      const values: unknown[] = header.map(() => "");
      values[PORTFOLIO_COL.workflow] = workflow;
      values[PORTFOLIO_COL.stage] = stage;
      values[PORTFOLIO_COL.target] = target;
      return values;
    };
    const read = readPortfolioRows(
      header,
      [
        row("Claims", 2, 4),
        row("Triage", "", ""),
        row("Onboarding", "embedded", ""),
        row("Support", 7, 4),
        row("Claims", 3, 4),
        row("Refunds", "", ""),
      ],
      2,
    );
    expect(read.items).toEqual([
      { workflow: "Claims", stage: 2, target: 4 },
      { workflow: "Onboarding", stage: 3, target: 4 },
    ]);
    expect(read.skipped).toEqual([
      { sheet: "AGAP Portfolio", row: 5, problem: 'Stage is "7", not a stage from 1 to 5' },
      { sheet: "AGAP Portfolio", row: 6, problem: "it repeats row 2; clear the ID of a copy to keep it" },
    ]);
  });
});

describe("roadmap sheets", () => {
  it("lay out the 15 tasks with due dates as date serials, statuses and the baseline note", () => {
    const grid = roadmapCells("Claims", "2024-02-01", "Baseline on file (captured 2024-01-20)");
    expect(grid[ROADMAP_ROW.header - 1]).toEqual([...ROADMAP_HEADERS]);
    const tasks = grid.slice(ROADMAP_ROW.firstTask - 1);
    expect(tasks).toHaveLength(15);
    expect(tasks.map((t) => t[ROADMAP_COL.id])).toEqual(ROADMAP_TASKS.map((t) => t.id));
    expect(tasks.every((t) => t[ROADMAP_COL.status] === "Not started" && t[ROADMAP_COL.owner] === "")).toBe(true);
    const baseline = tasks.find((t) => t[ROADMAP_COL.id] === BASELINE_TASK_ID)!;
    expect(baseline[ROADMAP_COL.note]).toBe("Baseline on file (captured 2024-01-20)");
    // Day 30 of a start on 2024-02-01 crosses the leap day: 2024-03-01.
    const day30 = tasks.find((t) => t[ROADMAP_COL.id] === "foundation.owner")!;
    expect(day30[ROADMAP_COL.due]).toBe(dateToSerial("2024-03-01"));
  });

  it("say whether the ROI tracker holds a baseline, with the earliest capture date", () => {
    const rows = [
      { ...ENTRY, baselineDate: "2026-01-12" },
      { ...ENTRY, id: "b", baselineDate: "2026-01-10" },
      { ...ENTRY, id: "c", workflow: "Other", baselineDate: "2025-01-01" },
    ];
    expect(baselineNote("Invoice triage", rows)).toBe("Baseline on file (captured 2026-01-10)");
    expect(baselineNote("Claims", rows)).toBe(NO_BASELINE_NOTE);
    expect(baselineNote("Claims", rows, true)).toBe("Baseline on file");
    expect(baselineNote("Invoice triage", [{ ...ENTRY, baseline: null }])).toBe(NO_BASELINE_NOTE);
  });

  it("read back with owners and statuses as edited, tasks added by hand, and bad statuses skipped", () => {
    const grid: unknown[][] = roadmapCells('=HYPERLINK("x")', "2026-01-05", NO_BASELINE_NOTE).map((r) => [...r]);
    const first = ROADMAP_ROW.firstTask - 1;
    grid[first][ROADMAP_COL.owner] = "Ana";
    grid[first][ROADMAP_COL.status] = "done";
    grid[first + 1][ROADMAP_COL.status] = "Finished";
    grid[first + 2][ROADMAP_COL.status] = "";
    grid.push(["Foundation", "My own task", "", "Ben", "In progress", "", ""]);
    const { record, skipped } = readRoadmapSheet("AGAP Roadmap – =HYPERLINK(x)", grid);
    expect(record).toMatchObject({ workflow: '=HYPERLINK("x")', startDate: "2026-01-05" });
    expect(record!.tasks[0]).toEqual({ id: ROADMAP_TASKS[0].id, owner: "Ana", status: "Done" });
    expect(record!.tasks[1]).toEqual({ id: ROADMAP_TASKS[2].id, owner: "", status: "Not started" });
    expect(record!.tasks.at(-1)).toEqual({ id: "sheet-row-22", owner: "Ben", status: "In progress" });
    expect(record!.tasks).toHaveLength(15);
    expect(skipped).toEqual([
      {
        sheet: "AGAP Roadmap – =HYPERLINK(x)",
        row: ROADMAP_ROW.firstTask + 1,
        problem: 'Status is "Finished"; choose one of Not started,In progress,Done,Blocked',
      },
    ]);
  });

  it("skip a sheet without its task table or workflow, saying why", () => {
    expect(readRoadmapSheet("AGAP Roadmap notes", [["just notes"]]).skipped[0].problem).toMatch(/no task table/);
    const grid: unknown[][] = roadmapCells("Claims", "2026-01-05", "").map((r) => [...r]);
    grid[ROADMAP_ROW.workflow - 1][1] = "";
    expect(readRoadmapSheet("AGAP Roadmap – x", grid).skipped[0].problem).toMatch(/"Workflow" cell/);
  });
});
