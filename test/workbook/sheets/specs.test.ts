// The sheet specs, checked as data: every derived formula, evaluated in HyperFormula without the
// AGAP functions over fixture rows, equals the column's cached value (the model's); the readers
// give their reasons for rows they cannot read; formats and validation are the ones declared.
import {
  BASELINE_TASK_ID,
  LAYERS,
  LIMITS,
  NO_BASELINE_NOTE,
  ROADMAP_TASKS,
  baselineNote,
  latestRound,
  roiFigures,
  roiFlags,
  type AssessmentResponse,
  type RoiEntry,
  type Scenario,
} from "../../../src/model";
import { allRounds } from "../../../src/workbook/export-xlsx";
import { ASSESSMENTS } from "../../../src/workbook/sheets/assessments";
import {
  CHANGE_PERCENT,
  DATE_FORMAT,
  MONEY,
  PERCENT,
  PERIODS,
  RATE,
  ROUND_DATE_FORMAT,
  TEXT,
  WHOLE,
  dateToSerial,
} from "../../../src/workbook/sheets/cells";
import { PORTFOLIO, type PortfolioContext, type PortfolioEntry } from "../../../src/workbook/sheets/portfolio";
import {
  ROADMAP_COL,
  ROADMAP_HEADERS,
  ROADMAP_ROW,
  readRoadmapSheet,
  roadmapCells,
} from "../../../src/workbook/sheets/roadmap";
import { ROI, roiFlagText } from "../../../src/workbook/sheets/roi";
import { SCENARIOS } from "../../../src/workbook/sheets/scenarios";
import {
  NA,
  headersOf,
  readTable,
  rowCells,
  specLayout,
  tableColumn,
  type CachedValue,
  type TableSpec,
} from "../../../src/workbook/sheets/spec";
import { SUMMARY, roundId } from "../../../src/workbook/sheets/summary";
import { evaluateFake, type Evaluated, type EvaluatedWorkbook } from "../../support/workbook-engine";
import { FakeWorkbook } from "../fake-excel";
import {
  ENTRY,
  ENTRY_BY_HAND,
  LATEST,
  answersOf,
  expectEvaluatedAsModel,
  expectSameValue,
  latestTeam,
  placeTable,
  typedRow,
} from "../planning-fixtures";

/** The evaluated value of one column (by key) of one table row (0-based record index). */
function valueOf<R, C>(evaluated: EvaluatedWorkbook, spec: TableSpec<R, C>, index: number, key: string): Evaluated {
  return evaluated.value(spec.sheet, index + 2, specLayout(spec).position[key]);
}

const formatsOf = <R, C>(spec: TableSpec<R, C>) =>
  Object.fromEntries(spec.columns.map((column) => [column.key, column.format]));

/** Each layer's three answers set to one value. */
const byLayer = (values: readonly number[]) => values.flatMap((value) => [value, value, value]);

function response(id: string, list: readonly (number | undefined)[], changes: Partial<AssessmentResponse> = {}) {
  return {
    id,
    workflow: "Invoice triage",
    respondent: "Ana",
    date: "2026-01-10",
    answers: answersOf(list),
    ...changes,
  } satisfies AssessmentResponse;
}

describe("the assessments spec", () => {
  // Layer scores 12/15 = 0.8, 9/15 = 0.6, 7/15, 6/15 = 0.4, 8/15: realized 36288 / 759375 = 0.0478.
  const complete = response("r-1", [4, 4, 4, 3, 3, 3, 2, 3, 2, 2, 2, 2, 3, 3, 2]);
  const rows: AssessmentResponse[] = [
    complete,
    response("r-2", byLayer([5, 5, 5, 5, 5])), // realized 1: Contained; all equal, so the first is weakest
    response("r-3", byLayer([5, 5, 5, 4, 4])), // 0.64: Managed; Measurement is the first of equal lowest
    response("r-4", byLayer([4, 4, 4, 4, 4])), // 0.32768: Material
    response("r-5", byLayer([4, 4, 4, 4, 3])), // 0.24576: Severe
    response("r-6", [1, 2, 3, 4], { date: "", respondent: "" }), // Strategy 0.4, the rest unanswered
    response("r-7", [], { workflow: '=HYPERLINK("x")', respondent: "+1" }),
  ];
  let evaluated: EvaluatedWorkbook;
  beforeAll(() => {
    const book = new FakeWorkbook();
    placeTable(book, ASSESSMENTS, rows);
    evaluated = evaluateFake(book);
  });

  it("has the version 2 layout: inputs, live results, the id, then the count of answers", () => {
    expect(ASSESSMENTS.version).toBe(2);
    expect(headersOf(ASSESSMENTS)).toEqual([
      "Workflow",
      "Respondent",
      "Date",
      ...LAYERS.flatMap((layer) => [1, 2, 3].map((n) => `${layer.short} ${n}`)),
      ...LAYERS.map((layer) => `${layer.short} score`),
      "Realized value",
      "Gap",
      "Band",
      "Weakest layer",
      "Response ID",
      "Answered",
    ]);
    expect(ASSESSMENTS.columns.find((column) => column.key === "answered")?.since).toBe(2);
  });

  it("writes formulas over the same row only", () => {
    const formulas = rowCells(ASSESSMENTS, specLayout(ASSESSMENTS), complete, 7).formulas.filter(Boolean);
    expect(formulas).toEqual([
      "=IF(COUNT(D7:F7)<3,NA(),AVERAGE(D7:F7)/5)",
      "=IF(COUNT(G7:I7)<3,NA(),AVERAGE(G7:I7)/5)",
      "=IF(COUNT(J7:L7)<3,NA(),AVERAGE(J7:L7)/5)",
      "=IF(COUNT(M7:O7)<3,NA(),AVERAGE(M7:O7)/5)",
      "=IF(COUNT(P7:R7)<3,NA(),AVERAGE(P7:R7)/5)",
      "=PRODUCT(S7:W7)",
      "=1-X7",
      '=IF(Y7>=0.9,"Critical",IF(Y7>=0.75,"Severe",IF(Y7>=0.5,"Material",IF(Y7>=0.25,"Managed","Contained"))))',
      '=IF(S7=MIN(S7:W7),"Strategy Alignment",IF(T7=MIN(S7:W7),"Workflow Integration",IF(U7=MIN(S7:W7),"Human Oversight",IF(V7=MIN(S7:W7),"Measurement","Business Adoption"))))',
      "=COUNT(D7:R7)",
    ]);
  });

  it("evaluates every derived cell to its cached value", () => {
    expectEvaluatedAsModel(evaluated, ASSESSMENTS, rows, undefined);
  });

  it("agrees with a hand computation, every band and the first of equal lowest layers", () => {
    [0.8, 0.6, 7 / 15, 0.4, 8 / 15].forEach((score, k) =>
      expect(valueOf(evaluated, ASSESSMENTS, 0, `score:${LAYERS[k].id}`)).toBeCloseTo(score, 12),
    );
    expect(valueOf(evaluated, ASSESSMENTS, 0, "realized")).toBeCloseTo(36288 / 759375, 12);
    expect(valueOf(evaluated, ASSESSMENTS, 0, "gap")).toBeCloseTo(1 - 36288 / 759375, 12);
    expect(rows.map((_, i) => valueOf(evaluated, ASSESSMENTS, i, "band"))).toEqual([
      "Critical",
      "Contained",
      "Managed",
      "Material",
      "Severe",
      NA,
      NA,
    ]);
    expect(rows.map((_, i) => valueOf(evaluated, ASSESSMENTS, i, "weakest"))).toEqual([
      "Measurement",
      "Strategy Alignment",
      "Measurement",
      "Strategy Alignment",
      "Business Adoption",
      NA,
      NA,
    ]);
    expect(valueOf(evaluated, ASSESSMENTS, 2, "realized")).toBeCloseTo(0.64, 12);
    expect(valueOf(evaluated, ASSESSMENTS, 4, "realized")).toBeCloseTo(0.8 ** 4 * 0.6, 12);
    expect(rows.map((_, i) => valueOf(evaluated, ASSESSMENTS, i, "answered"))).toEqual([15, 15, 15, 15, 15, 4, 0]);
  });

  it("gives #N/A for a layer with an unanswered statement, never the mean of the others", () => {
    expect(valueOf(evaluated, ASSESSMENTS, 5, "score:strategy")).toBeCloseTo(0.4, 12);
    for (const key of ["score:workflow", "score:oversight", "realized", "gap", "band", "weakest"]) {
      expect(valueOf(evaluated, ASSESSMENTS, 5, key)).toEqual(NA);
    }
  });

  it("stores names as text and dates as serials", () => {
    const values = rowCells(ASSESSMENTS, specLayout(ASSESSMENTS), rows[6], 2).values;
    expect(values.slice(0, 3)).toEqual(['=HYPERLINK("x")', "+1", dateToSerial("2026-01-10")]);
    expect(valueOf(evaluated, ASSESSMENTS, 6, "workflow")).toBe('=HYPERLINK("x")');
    expect(typedRow(ASSESSMENTS, rows[5])[2]).toBe("");
  });

  it("formats and validates its columns", () => {
    const formats = formatsOf(ASSESSMENTS);
    expect([formats.workflow, formats.respondent, formats.id, formats.date]).toEqual([TEXT, TEXT, TEXT, DATE_FORMAT]);
    for (const key of [...LAYERS.map((layer) => `score:${layer.id}`), "realized", "gap"]) {
      expect(formats[key]).toBe(PERCENT);
    }
    expect([formats.band, formats.weakest, formats.answered]).toEqual([null, null, WHOLE]);
    const validated = ASSESSMENTS.columns.filter((column) => column.kind !== "derived" && column.validation);
    expect(validated.map((column) => column.header)).toEqual(
      LAYERS.flatMap((layer) => [1, 2, 3].map((n) => `${layer.short} ${n}`)),
    );
    for (const column of validated) {
      expect(column.kind !== "derived" && column.validation).toMatchObject({ kind: "whole", min: 0, max: 5 });
    }
  });

  it("reads its rows back into the same responses", () => {
    const read = readTable(
      ASSESSMENTS,
      headersOf(ASSESSMENTS),
      rows.map((r) => typedRow(ASSESSMENTS, r)),
      2,
    );
    expect(read.skipped).toEqual([]);
    expect(read.items).toEqual(rows);
  });
});

describe("the summary spec", () => {
  const team = latestTeam("Claims", "2026-01-05");
  const responses: AssessmentResponse[] = [
    ...team,
    // A partial response in the same round: listed, never in the means.
    response("p-1", [0, 0, 0, 0], { workflow: "Claims", date: "2026-01-05" }),
    // Differs only in case, on the same date: a round of its own.
    response("c-1", byLayer([1, 1, 1, 1, 1]), { workflow: "claims", date: "2026-01-05" }),
    // Undated: its own round, before every dated one.
    response("u-1", byLayer([5, 5, 5, 5, 5]), { workflow: "Claims", date: "" }),
    // A later round with no complete response: no team result.
    response("p-2", [5, 5, 5], { workflow: "Claims", date: "2026-04-01" }),
  ];
  const rounds = allRounds(responses);
  let evaluated: EvaluatedWorkbook;
  beforeAll(() => {
    const book = new FakeWorkbook();
    placeTable(book, ASSESSMENTS, responses);
    placeTable(book, SUMMARY, rounds);
    evaluated = evaluateFake(book);
  });

  it("has one row per workflow and round, with its id", () => {
    expect(rounds.map(roundId)).toEqual([
      "undated Claims",
      "2026-01-05 Claims",
      "2026-04-01 Claims",
      "2026-01-05 claims",
    ]);
    expect(rounds.map((round) => typedRow(SUMMARY, round)[1])).toEqual([
      0,
      dateToSerial("2026-01-05"),
      dateToSerial("2026-04-01"),
      dateToSerial("2026-01-05"),
    ]);
  });

  it("evaluates every derived cell to its cached value", () => {
    expectEvaluatedAsModel(evaluated, SUMMARY, rounds, undefined);
  });

  it("takes each round's means over its complete rows only, the workflow matched exactly", () => {
    expect(
      rounds.map((_, i) => [valueOf(evaluated, SUMMARY, i, "responses"), valueOf(evaluated, SUMMARY, i, "complete")]),
    ).toEqual([
      [1, 1],
      [3, 2],
      [1, 0],
      [1, 1],
    ]);
    LATEST.forEach((score, k) => expect(valueOf(evaluated, SUMMARY, 1, `mean:${LAYERS[k].id}`)).toBeCloseTo(score, 12));
    expect(valueOf(evaluated, SUMMARY, 1, "realized")).toBeCloseTo(0.048, 12);
    expect(valueOf(evaluated, SUMMARY, 1, "band")).toBe("Critical");
    expect(valueOf(evaluated, SUMMARY, 1, "weakest")).toBe("Measurement");
    expect(valueOf(evaluated, SUMMARY, 0, "realized")).toBeCloseTo(1, 12);
    expect(valueOf(evaluated, SUMMARY, 3, "realized")).toBeCloseTo(0.2 ** 5, 12);
    for (const key of ["mean:strategy", "realized", "gap", "band", "weakest"]) {
      expect(valueOf(evaluated, SUMMARY, 2, key)).toEqual(NA);
    }
  });

  it("formats its columns and is never read back", () => {
    const formats = formatsOf(SUMMARY);
    expect([formats.workflow, formats.date, formats.responses, formats.complete]).toEqual([
      TEXT,
      ROUND_DATE_FORMAT,
      WHOLE,
      WHOLE,
    ]);
    for (const layer of LAYERS) expect(formats[`mean:${layer.id}`]).toBe(PERCENT);
    expect(() => readTable(SUMMARY, headersOf(SUMMARY), [], 2)).toThrow(/written by AGAP, never read back/);
  });
});

describe("the scenarios spec", () => {
  const scenario: Scenario = {
    id: "s-1",
    name: "Fix measurement",
    workflow: "Invoice triage",
    baseLabel: "typed scores",
    baseScores: LATEST,
    scores: [0.8, 0.6, 0.5, 0.7, 0.5],
  };
  // Four scores: the fifth cell stays blank.
  const blank: Scenario = { ...scenario, id: "s-2", scores: [0.8, 0.6, 0.5, 0.7] };
  const blankBase: Scenario = { ...scenario, id: "s-3", baseScores: [0.8, 0.6, 0.5, 0.4] };
  const records = [scenario, blank, blankBase];
  let evaluated: EvaluatedWorkbook;
  beforeAll(() => {
    const book = new FakeWorkbook();
    placeTable(book, SCENARIOS, records);
    evaluated = evaluateFake(book);
  });

  it("computes realized value with PRODUCT and the change against the stored base scores", () => {
    expect(rowCells(SCENARIOS, specLayout(SCENARIOS), scenario, 2).formulas.filter(Boolean)).toEqual([
      "=IF(COUNT(D2:H2)<5,NA(),PRODUCT(D2:H2))",
      "=IF(COUNT(K2:O2)<5,NA(),I2-PRODUCT(K2:O2))",
    ]);
    expectEvaluatedAsModel(evaluated, SCENARIOS, records, undefined);
    expect(valueOf(evaluated, SCENARIOS, 0, "realized")).toBeCloseTo(0.084, 12);
    expect(valueOf(evaluated, SCENARIOS, 0, "change")).toBeCloseTo(0.084 - 0.048, 12);
  });

  it("gives #N/A for a blank score, never the product of the other four", () => {
    expect([valueOf(evaluated, SCENARIOS, 1, "realized"), valueOf(evaluated, SCENARIOS, 1, "change")]).toEqual([
      NA,
      NA,
    ]);
    expect(valueOf(evaluated, SCENARIOS, 2, "realized")).toBeCloseTo(0.084, 12);
    expect(valueOf(evaluated, SCENARIOS, 2, "change")).toEqual(NA);
  });

  it("formats scores as percentages and the change with its sign", () => {
    const formats = formatsOf(SCENARIOS);
    expect([
      formats.name,
      formats["score:strategy"],
      formats["base:adoption"],
      formats.realized,
      formats.change,
    ]).toEqual([TEXT, PERCENT, PERCENT, PERCENT, CHANGE_PERCENT]);
  });

  it("reads back, keeping rows typed by hand and skipping bad rows with the reason", () => {
    const typed = typedRow(SCENARIOS, scenario);
    typed[specLayout(SCENARIOS).position.id] = "";
    const bad = typedRow(SCENARIOS, { ...scenario, id: "s-bad" });
    bad[specLayout(SCENARIOS).position["score:workflow"]] = 1.4;
    const text = typedRow(SCENARIOS, { ...scenario, id: "s-text" });
    text[specLayout(SCENARIOS).position["score:strategy"]] = "high";
    const read = readTable(
      SCENARIOS,
      headersOf(SCENARIOS),
      [
        typedRow(SCENARIOS, scenario),
        headersOf(SCENARIOS).map(() => ""),
        typed,
        bad,
        typedRow(SCENARIOS, blankBase),
        typedRow(SCENARIOS, scenario),
        text,
      ],
      2,
    );
    expect(read.items).toEqual([scenario, { ...scenario, id: "sheet-row-4" }]);
    expect(read.skipped).toEqual([
      { sheet: "AGAP Scenarios", row: 5, problem: `Workflow score is 1.4, not ${LIMITS.score.allowed}` },
      { sheet: "AGAP Scenarios", row: 6, problem: "Base Adoption score is blank" },
      {
        sheet: "AGAP Scenarios",
        row: 7,
        problem: "its ID repeats the one in row 2; clear the ID of the copy to keep it as a new entry",
      },
      { sheet: "AGAP Scenarios", row: 8, problem: 'Strategy score is "high", not a number' },
    ]);
  });

  it("reports a table without a needed column once, at its header", () => {
    const read = readTable(SCENARIOS, headersOf(SCENARIOS).slice(0, 5), [["a", "b", "c", 0.5, 0.5]], 2);
    expect(read.items).toEqual([]);
    expect(read.skipped).toEqual([
      {
        sheet: "AGAP Scenarios",
        row: 1,
        problem: expect.stringMatching(/^the AgapScenarios table has no "Oversight score", "Measurement score", /),
      },
    ]);
  });
});

describe("the ROI spec", () => {
  // The latest round with a result is 2026-01-05 (scores LATEST): the older round and the
  // undated one are older, the 2026-03-01 round has no complete response, and "invoice triage"
  // is another workflow.
  const RESPONSES: AssessmentResponse[] = [
    response("old", byLayer([5, 5, 5, 5, 5]), { date: "2025-10-01" }),
    response("undated", byLayer([1, 1, 1, 1, 1]), { date: "" }),
    ...latestTeam("Invoice triage", "2026-01-05"),
    response("partial", [5, 5, 5], { date: "2026-03-01" }),
    response("case", byLayer([2, 2, 2, 2, 2]), { workflow: "invoice triage", date: "2026-06-01" }),
  ];

  function evaluateRoi(entries: readonly RoiEntry[], responses: readonly AssessmentResponse[]) {
    const book = new FakeWorkbook();
    placeTable(book, ASSESSMENTS, responses);
    placeTable(book, ROI, entries);
    return evaluateFake(book);
  }

  it("has the version 2 layout: maintain per period, the latest round as live formulas", () => {
    expect(ROI.version).toBe(2);
    expect(headersOf(ROI)).toEqual([
      "Workflow",
      "Metric",
      "Unit",
      "Direction",
      "Baseline value",
      "Baseline capture date",
      "Go-live date",
      "Current value",
      "Value per unit",
      "Build cost",
      "Integrate cost",
      "Govern cost",
      "Maintain cost per period",
      "Periods observed",
      "Horizon",
      "Discount rate",
      "Expected value",
      "Projected value",
      "Measured ROI",
      "NPV",
      "Payback",
      "Flags",
      "ROI ID",
      ...LAYERS.map((layer) => `Latest ${layer.short} score`),
      "Latest assessment",
    ]);
    expect(ROI.columns.find((column) => column.key === "maintain")?.formerHeaders).toEqual(["Maintain cost"]);
  });

  it("counts build, integrate and govern once and maintain every period, with no AGAP function", () => {
    const formulas = rowCells(ROI, specLayout(ROI), ENTRY, 2).formulas;
    const at = (key: string) => formulas[specLayout(ROI).position[key]];
    const benefit = '(IF(D2="higher",H2-E2,IF(OR(D2="",D2="lower"),E2-H2,NA()))*I2)';
    const unmeasurable = "COUNT(E2)=0,COUNT(H2)=0,COUNT(I2)=0,COUNT(J2:M2)=0";
    const cost = "(SUM(J2:L2)+M2*N2)";
    expect(at("measuredRoi")).toBe(
      `=IF(OR(${unmeasurable},COUNT(N2)=0),NA(),IF(OR(N2<=0,${cost}=0),NA(),(${benefit}*N2-${cost})/${cost}))`,
    );
    expect(at("npv")).toBe(
      `=IF(OR(${unmeasurable},COUNT(O2)=0,COUNT(P2)=0),NA(),` +
        `IF(OR(O2<1,O2<>INT(O2),P2<=-1),NA(),-PV(P2,O2,${benefit}-M2)-SUM(J2:L2)))`,
    );
    expect(at("projected")).toBe("=IF(OR(COUNT(Q2)=0,COUNT(X2:AB2)<5),NA(),Q2*PRODUCT(X2:AB2))");
    expect(at("latestDate")).toMatch(/^=IF\(SUMPRODUCT\(EXACT\(AgapAssessments\[Workflow\],A2\)\*/);
    for (const formula of formulas.filter((f): f is string => f !== null)) {
      expect(formula).not.toMatch(/AGAP\.|SEQUENCE/);
    }
  });

  it("agrees with the model by hand: ROI 1/35, NPV at 1% a week, payback 11.25 weeks, projected 48,000", () => {
    const evaluated = evaluateRoi([ENTRY], RESPONSES);
    expectEvaluatedAsModel(evaluated, ROI, [ENTRY], { responses: RESPONSES });
    const value = (key: string) => valueOf(evaluated, ROI, 0, key) as number;
    expect(value("measuredRoi")).toBeCloseTo(ENTRY_BY_HAND.measuredRoi, 12);
    expect(value("measuredRoi")).toBeCloseTo(1 / 35, 12);
    // Summed flow by flow, as a check on the closed form.
    let pv = 0;
    for (let t = 1; t <= 12; t++) pv += 400 / 1.01 ** t;
    expect(value("npv")).toBeCloseTo(ENTRY_BY_HAND.npv, 9);
    expect(value("npv")).toBeCloseTo(pv - 4500, 9);
    expect(value("payback")).toBeCloseTo(11.25, 12);
    expect(value("projected")).toBeCloseTo(ENTRY_BY_HAND.projected, 9);
    expect(value("flags")).toBe("");
    expect(value("latestDate")).toBe(dateToSerial("2026-01-05"));
    LATEST.forEach((score, k) => expect(value(`latest:${LAYERS[k].id}`)).toBeCloseTo(score, 12));
  });

  const number = (value: number | null): CachedValue => (value === null ? NA : value);

  it.each<[string, Partial<RoiEntry>, boolean]>([
    ["no baseline and no costs", { baseline: null, build: null, integrate: null, govern: null, maintain: null }, true],
    ["a baseline captured after go-live", { baselineDate: "2026-03-01" }, true],
    ["part of the horizon observed", { periods: 6 }, true],
    ["a fraction of a period observed", { periods: 2.5 }, true],
    ["no periods observed", { periods: 0 }, true],
    ["a higher-is-better metric", { direction: "higher", baseline: 100, current: 130 }, true],
    ["zero costs", { build: 0, integrate: 0, govern: 0, maintain: 0 }, true],
    ["maintain as the only cost", { build: null, integrate: null, govern: null }, true],
    ["maintain eating the whole benefit", { maintain: 900 }, true],
    ["no periods yet", { periods: null }, true],
    ["a fractional horizon", { horizon: 2.5 }, true],
    ["a cost never paid back", { horizon: 3 }, true],
    ["no discount rate", { discountRate: null }, true],
    ["a zero discount rate", { discountRate: 0 }, true],
    ["a negative discount rate", { discountRate: -0.5 }, true],
    ["a discount rate of -100%", { discountRate: -1 }, true],
    ["no latest round", {}, false],
    ["no expected value", { expectedValue: null }, true],
    ["a worse metric", { current: 50 }, true],
    ["no dates", { baselineDate: "", goLiveDate: "" }, true],
    ["a workflow known only in another case", { workflow: "INVOICE TRIAGE" }, true],
  ])("agrees with the model with %s", (_, change, assessed) => {
    const entry = { ...ENTRY, ...change };
    const responses = assessed ? RESPONSES : [];
    const evaluated = evaluateRoi([entry], responses);
    expectEvaluatedAsModel(evaluated, ROI, [entry], { responses });
    const figures = roiFigures(entry, latestRound(responses, entry.workflow)?.result?.layerScores ?? null);
    const value = (key: string) => valueOf(evaluated, ROI, 0, key);
    expectSameValue("projected", value("projected"), number(figures.projected));
    expectSameValue("measured ROI", value("measuredRoi"), number(figures.measuredRoi));
    expectSameValue("NPV", value("npv"), number(figures.npv));
    expectSameValue("payback", value("payback"), number(figures.payback));
    expect(value("flags")).toBe(
      roiFlags(entry)
        .map((flag) => flag.message)
        .join(" "),
    );
  });

  it("works the new cost rules out by hand", () => {
    const rows: RoiEntry[] = [
      { ...ENTRY, build: null, integrate: null, govern: null }, // maintain only
      { ...ENTRY, maintain: 900 }, // net flow 0
      { ...ENTRY, discountRate: 0 },
      { ...ENTRY, build: 0, integrate: 0, govern: 0, maintain: 0 },
    ];
    const evaluated = evaluateRoi(rows, RESPONSES);
    expectEvaluatedAsModel(evaluated, ROI, rows, { responses: RESPONSES });
    const value = (i: number, key: string) => valueOf(evaluated, ROI, i, key);
    // Maintain only: cost 500 × 12 = 6,000 against 10,800; nothing to pay back.
    expect(value(0, "measuredRoi")).toBeCloseTo((10_800 - 6000) / 6000, 12);
    expect(value(0, "payback")).toBe(0);
    // Maintain 900 a week takes the whole benefit: the one-off cost is never paid back.
    expect(value(1, "measuredRoi")).toBeCloseTo((10_800 - (4500 + 900 * 12)) / (4500 + 900 * 12), 12);
    expect(value(1, "payback")).toEqual(NA);
    expect(value(1, "npv")).toBeCloseTo(-4500, 9);
    // At 0%, NPV is 400 × 12 − 4,500.
    expect(value(2, "npv")).toBeCloseTo(300, 9);
    // Zero costs: no ROI (it divides by 0), paid back at once, NPV is the benefit discounted.
    expect(value(3, "measuredRoi")).toEqual(NA);
    expect(value(3, "payback")).toBe(0);
    expect(value(3, "npv")).toBeCloseTo((900 * (1 - 1.01 ** -12)) / 0.01, 9);
  });

  it("gives the flag text of every flag, natively, as the model words them", () => {
    const flagged: RoiEntry = {
      ...ENTRY,
      baselineDate: "2026-03-01",
      periods: 6,
      build: null,
      integrate: null,
      govern: null,
      maintain: null,
    };
    const evaluated = evaluateRoi([flagged], RESPONSES);
    expect(valueOf(evaluated, ROI, 0, "flags")).toBe(
      "Baseline captured after go-live: it may already include the agent's effect, so the ROI is not defensible. " +
        "No costs entered: ROI is net of build, integrate, govern and maintain. " +
        "Only 6 of 12 periods observed: the measured ROI covers part of the horizon.",
    );
    expect(roiFlagText(flagged)).toBe(valueOf(evaluated, ROI, 0, "flags"));
  });

  it("never shows a measured number without a baseline", () => {
    const evaluated = evaluateRoi([{ ...ENTRY, baseline: null }], RESPONSES);
    expect(["measuredRoi", "npv", "payback"].map((key) => valueOf(evaluated, ROI, 0, key))).toEqual([NA, NA, NA]);
    expect(valueOf(evaluated, ROI, 0, "flags")).toBe("No baseline captured: the return cannot be proven.");
    expect(valueOf(evaluated, ROI, 0, "projected")).toBeCloseTo(ENTRY_BY_HAND.projected, 9);
  });

  it("shows #N/A for the latest round of a workflow without a complete response", () => {
    const evaluated = evaluateRoi([ENTRY], [response("partial", [5, 5, 5], { date: "2026-03-01" })]);
    for (const key of ["latestDate", "latest:strategy", "latest:adoption", "projected"]) {
      expect(valueOf(evaluated, ROI, 0, key)).toEqual(NA);
    }
  });

  it("formats money, rates, periods and dates, and offers the direction list", () => {
    const formats = formatsOf(ROI);
    expect(formats).toMatchObject({
      workflow: TEXT,
      direction: TEXT,
      baseline: null,
      baselineDate: DATE_FORMAT,
      goLiveDate: DATE_FORMAT,
      current: null,
      valuePerUnit: MONEY,
      build: MONEY,
      maintain: MONEY,
      periods: PERIODS,
      horizon: PERIODS,
      discountRate: RATE,
      expectedValue: MONEY,
      projected: MONEY,
      measuredRoi: PERCENT,
      npv: MONEY,
      payback: PERIODS,
      flags: null,
      id: TEXT,
      "latest:strategy": PERCENT,
      latestDate: ROUND_DATE_FORMAT,
    });
    const validated = ROI.columns.filter((column) => column.kind !== "derived" && column.validation);
    expect(validated.map((column) => [column.key, column.kind !== "derived" && column.validation])).toEqual([
      ["direction", expect.objectContaining({ kind: "list", items: ["lower", "higher"] })],
    ]);
  });

  it("reads back by header name, with typed dates, lower-case directions and ids from the row", () => {
    const values = typedRow(ROI, ENTRY);
    const position = specLayout(ROI).position;
    const typed = [...values];
    typed[position.id] = "";
    typed[position.direction] = "Higher";
    typed[position.baselineDate] = "2026-01-11";
    const header = [...headersOf(ROI)].reverse();
    const read = readTable(ROI, header, [[...values].reverse(), [...typed].reverse()], 2);
    expect(read.skipped).toEqual([]);
    expect(read.items).toEqual([
      ENTRY,
      { ...ENTRY, id: "sheet-row-3", direction: "higher", baselineDate: "2026-01-11" },
    ]);
  });

  it("reads a table written before maintain was per period, by its former header", () => {
    const header = headersOf(ROI).map((name) => (name === "Maintain cost per period" ? "Maintain cost" : name));
    expect(readTable(ROI, header, [typedRow(ROI, ENTRY)], 2).items).toEqual([ENTRY]);
  });

  it.each([
    ["direction", "sideways", 'Direction is "sideways"; use "lower" or "higher"'],
    ["baseline", "forty", 'Baseline value is "forty", not a number'],
    ["goLiveDate", "soon", 'Go-live date is "soon", not a date'],
    ["workflow", "", "the workflow is blank"],
    ["build", -1, `Build cost is -1, not ${LIMITS.money.allowed}`],
    ["horizon", 2.5, `Horizon is 2.5, not ${LIMITS.horizon.allowed}`],
    ["discountRate", -1, `Discount rate is -1, not ${LIMITS.discountRate.allowed}`],
  ])("skips a row whose %s holds %j, saying why", (key, value, problem) => {
    const values = typedRow(ROI, ENTRY);
    values[specLayout(ROI).position[key]] = value;
    const read = readTable(ROI, headersOf(ROI), [values], 2);
    expect(read.items).toEqual([]);
    expect(read.skipped).toEqual([{ sheet: "AGAP ROI", row: 2, problem }]);
  });
});

describe("the portfolio spec", () => {
  const RESPONSES: AssessmentResponse[] = [
    ...latestTeam("Invoice triage", "2026-01-05"),
    response("old", byLayer([5, 5, 5, 5, 5]), { date: "2025-10-01" }),
    response("partial", [1, 2, 3], { workflow: "Claims" }),
    response("undated", byLayer([4, 4, 4, 4, 4]), { workflow: '=HYPERLINK("x")', date: "" }),
    response("case", byLayer([1, 1, 1, 1, 1]), { workflow: "invoice triage", date: "2026-06-01" }),
  ];
  const ROI_ROWS: RoiEntry[] = [
    ENTRY,
    { ...ENTRY, id: "roi-2", workflow: "Claims", baseline: null },
    { ...ENTRY, id: "roi-3", workflow: "CLAIMS" },
  ];
  const ENTRIES: PortfolioEntry[] = [
    { workflow: "Invoice triage", stage: 2, target: 4 },
    { workflow: "Claims", stage: null, target: 3 },
    { workflow: '=HYPERLINK("x")', stage: 5, target: 5 },
    { workflow: "Onboarding", stage: 1, target: 2 },
  ];
  const context: PortfolioContext = { responses: RESPONSES, roi: ROI_ROWS };
  let evaluated: EvaluatedWorkbook;
  beforeAll(() => {
    const book = new FakeWorkbook();
    placeTable(book, ASSESSMENTS, RESPONSES);
    placeTable(book, ROI, ROI_ROWS);
    placeTable(book, PORTFOLIO, ENTRIES);
    evaluated = evaluateFake(book);
  });

  it("has the version 2 layout, the latest scores live at the end", () => {
    expect(PORTFOLIO.version).toBe(2);
    expect(headersOf(PORTFOLIO)).toEqual([
      "Workflow",
      "Stage",
      "Stage name",
      "Target stage",
      "Target name",
      "Latest assessment",
      "Latest realized value",
      "Band",
      "Weakest layer",
      "ROI status",
      ...LAYERS.map((layer) => `Latest ${layer.short} score`),
    ]);
    expect(rowCells(PORTFOLIO, specLayout(PORTFOLIO), ENTRIES[0], 3).formulas[2]).toBe(
      '=IF(B3="","",CHOOSE(B3,"Experimenting","Assisted","Embedded","Operational","Autonomous"))',
    );
  });

  it("evaluates every derived cell to its cached value", () => {
    expectEvaluatedAsModel(evaluated, PORTFOLIO, ENTRIES, context);
  });

  it("shows each workflow's latest round, its band and weakest layer, and its ROI status", () => {
    const row = (i: number) =>
      ["stageName", "targetName", "latestDate", "band", "weakest", "roiStatus"].map((key) =>
        valueOf(evaluated, PORTFOLIO, i, key),
      );
    expect(row(0)).toEqual([
      "Assisted",
      "Operational",
      dateToSerial("2026-01-05"),
      "Critical",
      "Measurement",
      "defensible",
    ]);
    expect(valueOf(evaluated, PORTFOLIO, 0, "latestRealized")).toBeCloseTo(0.048, 12);
    LATEST.forEach((score, k) =>
      expect(valueOf(evaluated, PORTFOLIO, 0, `latest:${LAYERS[k].id}`)).toBeCloseTo(score, 12),
    );
    // Only a partial response, and an ROI row without a baseline ("CLAIMS" is another workflow).
    expect(row(1)).toEqual(["", "Embedded", NA, NA, NA, "flagged"]);
    // The undated round is the latest when there is no other: its date shows as 0.
    expect(row(2)).toEqual(["Autonomous", "Autonomous", 0, "Material", "Strategy Alignment", "no ROI row"]);
    expect(valueOf(evaluated, PORTFOLIO, 2, "latestRealized")).toBeCloseTo(0.8 ** 5, 12);
    expect(row(3)).toEqual(["Experimenting", "Assisted", NA, NA, NA, "no ROI row"]);
  });

  it("formats and validates the stages", () => {
    const formats = formatsOf(PORTFOLIO);
    expect([formats.workflow, formats.stage, formats.target, formats.latestDate, formats.latestRealized]).toEqual([
      TEXT,
      WHOLE,
      WHOLE,
      ROUND_DATE_FORMAT,
      PERCENT,
    ]);
    const validated = PORTFOLIO.columns.filter((column) => column.kind !== "derived" && column.validation);
    expect(validated.map((column) => [column.key, column.kind !== "derived" && column.validation])).toEqual([
      ["stage", expect.objectContaining({ kind: "whole", min: 1, max: 5 })],
      ["target", expect.objectContaining({ kind: "whole", min: 1, max: 5 })],
    ]);
  });

  it("reads back as entries: stage names or numbers, unplaced workflows kept, bad stages and repeats skipped", () => {
    const row = (workflow: string, stage: unknown, target: unknown) => {
      const values = typedRow(PORTFOLIO, { workflow, stage: null, target: 4 });
      const position = specLayout(PORTFOLIO).position;
      values[position.stage] = stage;
      values[position.target] = target;
      return values;
    };
    const read = readTable(
      PORTFOLIO,
      headersOf(PORTFOLIO),
      [
        row("Claims", 2, 4),
        row("Triage", "", ""),
        row("Onboarding", "embedded", ""),
        row("Support", 7, 4),
        row("Claims", 3, 4),
        row("Refunds", 2, 2.5),
      ],
      2,
    );
    expect(read.items).toEqual([
      { workflow: "Claims", stage: 2, target: 4 },
      { workflow: "Triage", stage: null, target: 4 },
      { workflow: "Onboarding", stage: 3, target: 4 },
    ]);
    expect(read.skipped).toEqual([
      { sheet: "AGAP Portfolio", row: 5, problem: 'Stage is "7", not a stage from 1 to 5' },
      {
        sheet: "AGAP Portfolio",
        row: 6,
        problem: "its ID repeats the one in row 2; clear the ID of the copy to keep it as a new entry",
      },
      { sheet: "AGAP Portfolio", row: 7, problem: 'Target stage is "2.5", not a stage from 1 to 5' },
    ]);
  });
});

describe("structured references", () => {
  it("name another table's column by its header, escaping the characters Excel escapes", () => {
    expect(tableColumn(ASSESSMENTS, "workflow")).toBe("AgapAssessments[Workflow]");
    expect(tableColumn(ROI, "maintain")).toBe("AgapRoi[Maintain cost per period]");
    const spec = { ...SCENARIOS, columns: [{ ...SCENARIOS.columns[0], header: "Cost [#1] 'net'" }] };
    expect(tableColumn(spec, "name")).toBe("AgapScenarios[Cost '['#1'] ''net'']");
    expect(() => tableColumn(ROI, "nope")).toThrow(/AgapRoi has no column "nope"/);
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
      { ...ENTRY, id: "d", workflow: "Undated", baselineDate: "" },
    ];
    expect(baselineNote("Invoice triage", rows)).toBe("Baseline on file (captured 2026-01-10)");
    expect(baselineNote("Claims", rows)).toBe(NO_BASELINE_NOTE);
    expect(baselineNote("Undated", rows)).toBe("Baseline on file");
    expect(baselineNote("Invoice triage", [{ ...ENTRY, baseline: null }])).toBe(NO_BASELINE_NOTE);
  });

  it("read back with owners and statuses as edited, tasks added by hand, and bad statuses skipped", () => {
    const grid: unknown[][] = roadmapCells('=HYPERLINK("x")', "2026-01-05", NO_BASELINE_NOTE).map((r) => [...r]);
    const first = ROADMAP_ROW.firstTask - 1;
    grid[first][ROADMAP_COL.owner] = "Ana";
    grid[first][ROADMAP_COL.status] = "done";
    grid[first + 1][ROADMAP_COL.status] = "Finished";
    grid[first + 2][ROADMAP_COL.status] = "";
    grid.push(["Foundation", "My own task", "", "Ben", "In progress", "", "", ""]);
    const { record, skipped } = readRoadmapSheet("AGAP Roadmap – =HYPERLINK(x)", grid);
    expect(record).toMatchObject({ workflow: '=HYPERLINK("x")', startDate: "2026-01-05" });
    expect(record!.tasks[0]).toEqual({ id: ROADMAP_TASKS[0].id, owner: "Ana", status: "Done", doneDate: "" });
    expect(record!.tasks[1]).toEqual({ id: ROADMAP_TASKS[2].id, owner: "", status: "Not started", doneDate: "" });
    expect(record!.tasks.at(-1)).toEqual({ id: "sheet-row-22", owner: "Ben", status: "In progress", doneDate: "" });
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
