// The layouts of the planning sheets ("AGAP Scenarios", "AGAP ROI", "AGAP Portfolio" and the
// "AGAP Roadmap – …" sheets), shared by the Excel writer and the file exports. Pure: no Office.js
// here. Computed columns are formulas over cells of the same row, so the sheets stay live; the
// readers take rows back by header name, respect rows typed or edited by hand, and skip a row
// they cannot use with the reason rather than guess a number.
import { ROADMAP_PREFIX, roadmapSheetBase } from "./sheet-names";
import {
  BASELINE_TASK_ID,
  DEFAULT_TARGET_STAGE,
  DIRECTIONS,
  LAYERS,
  LAYER_COUNT,
  MATURITY_STAGES,
  ROADMAP_TASKS,
  TASK_STATUSES,
  assessmentHistory,
  maturityStage,
  parseIsoDate,
  realizedValue,
  roiFigures,
  roiFlags,
  scheduleRoadmap,
  scenarioChange,
  totalCost,
  type AssessmentResponse,
  type Direction,
  type MaturityRecord,
  type PortfolioRow,
  type RoadmapRecord,
  type RoiEntry,
  type RoiNumberField,
  type Scenario,
  type TaskStatus,
} from "../model";
import { columnLetter, dateToSerial, serialToDate } from "./assessment-table";

export { MATURITY_SHEET, ROI_SHEET, SCENARIOS_SHEET } from "./planning-store";

export const SCENARIOS_TABLE = "AgapScenarios";
export const ROI_TABLE = "AgapRoi";
export const PORTFOLIO_TABLE = "AgapPortfolio";
/** Roadmap sheets are found by this prefix; each is named "AGAP Roadmap – <workflow>". */
export { ROADMAP_PREFIX, roadmapSheetBase };

export const PERCENT = "0.0%";
export const CHANGE_PERCENT = "+0.0%;-0.0%;0.0%";
export const DATE_FORMAT = "yyyy-mm-dd";
export const TEXT = "@";
export const MONEY = "#,##0.00";
export const RATE = "0.00%";
export const PERIODS = "0.0";

/** A computed cell's value for cached results: a number, text, or an Excel error. */
export type CachedValue = number | string | { error: "#N/A" | "#DIV/0!" | "#VALUE!" };
const NA: CachedValue = { error: "#N/A" };

/** A row that could not be read, with the reason (sheet row numbers, 1-based). */
export interface SkippedRow {
  sheet: string;
  row: number;
  problem: string;
}

const cell = (column: number, row: number) => `${columnLetter(column)}${row}`;
const span = (first: number, last: number, row: number) => `${cell(first, row)}:${cell(last, row)}`;
const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
const isBlank = (value: unknown) => value === null || value === undefined || String(value).trim() === "";
const text = (value: unknown) => (isBlank(value) ? "" : String(value).trim());

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

export const SCENARIO_HEADERS = [
  "Scenario",
  "Workflow",
  "Started from",
  ...LAYERS.map((layer) => `${layer.short} score`),
  "Realized value",
  "Change vs base",
  ...LAYERS.map((layer) => `Base ${layer.short} score`),
  "Scenario ID",
] as const;

export const SCENARIO_COL = {
  name: 0,
  workflow: 1,
  baseLabel: 2,
  firstScore: 3,
  realized: 3 + LAYER_COUNT,
  change: 4 + LAYER_COUNT,
  firstBaseScore: 5 + LAYER_COUNT,
  id: 5 + 2 * LAYER_COUNT,
} as const;

/** Number formats of a scenario row; null keeps a cell's own. */
const SCENARIO_TEXT_COLUMNS: number[] = [
  SCENARIO_COL.name,
  SCENARIO_COL.workflow,
  SCENARIO_COL.baseLabel,
  SCENARIO_COL.id,
];

export const SCENARIO_FORMATS: (string | null)[] = SCENARIO_HEADERS.map((_, c) => {
  if (SCENARIO_TEXT_COLUMNS.includes(c)) return TEXT;
  if (c === SCENARIO_COL.change) return CHANGE_PERCENT;
  return PERCENT;
});

/**
 * The two computed cells of a scenario row (1-based): realized value, the product of the five
 * scores, and the change against the product of the five base scores. A blank score gives #N/A,
 * never the product of the other four.
 *
 * @example
 * scenarioRowFormulas(2) //=> ["=IF(COUNT(D2:H2)<5,NA(),PRODUCT(D2:H2))", "=IF(COUNT(K2:O2)<5,NA(),I2-PRODUCT(K2:O2))"]
 */
export function scenarioRowFormulas(row: number): [string, string] {
  const scores = span(SCENARIO_COL.firstScore, SCENARIO_COL.firstScore + LAYER_COUNT - 1, row);
  const base = span(SCENARIO_COL.firstBaseScore, SCENARIO_COL.firstBaseScore + LAYER_COUNT - 1, row);
  return [
    `=IF(COUNT(${scores})<${LAYER_COUNT},NA(),PRODUCT(${scores}))`,
    `=IF(COUNT(${base})<${LAYER_COUNT},NA(),${cell(SCENARIO_COL.realized, row)}-PRODUCT(${base}))`,
  ];
}

/** A whole scenario row: inputs as values, null where the formulas go. */
export function scenarioRowValues(scenario: Scenario): (string | number | null)[] {
  const values: (string | number | null)[] = new Array(SCENARIO_HEADERS.length).fill(null);
  values[SCENARIO_COL.name] = scenario.name;
  values[SCENARIO_COL.workflow] = scenario.workflow;
  values[SCENARIO_COL.baseLabel] = scenario.baseLabel;
  for (let k = 0; k < LAYER_COUNT; k++) {
    values[SCENARIO_COL.firstScore + k] = scenario.scores[k] ?? "";
    values[SCENARIO_COL.firstBaseScore + k] = scenario.baseScores[k] ?? "";
  }
  values[SCENARIO_COL.id] = scenario.id;
  return values;
}

const fullProfile = (scores: readonly number[]) =>
  scores.length === LAYER_COUNT && scores.every((s) => typeof s === "number" && Number.isFinite(s));

/** What the two formulas evaluate to, from the model. */
export function scenarioRowResults(scenario: Scenario): [CachedValue, CachedValue] {
  if (!fullProfile(scenario.scores)) return [NA, NA];
  if (!fullProfile(scenario.baseScores)) return [realizedValue(scenario.scores), NA];
  return [realizedValue(scenario.scores), scenarioChange(scenario)];
}

// ---------------------------------------------------------------------------------------------
// ROI tracker
// ---------------------------------------------------------------------------------------------

export const LATEST_SCORE_HEADERS = LAYERS.map((layer) => `Latest ${layer.short} score`);

export const ROI_HEADERS = [
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
  "Maintain cost",
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
  ...LATEST_SCORE_HEADERS,
] as const;

export const ROI_COL = {
  workflow: 0,
  metric: 1,
  unit: 2,
  direction: 3,
  baseline: 4,
  baselineDate: 5,
  goLiveDate: 6,
  current: 7,
  valuePerUnit: 8,
  build: 9,
  integrate: 10,
  govern: 11,
  maintain: 12,
  periods: 13,
  horizon: 14,
  discountRate: 15,
  expectedValue: 16,
  projected: 17,
  measuredRoi: 18,
  npv: 19,
  payback: 20,
  flags: 21,
  id: 22,
  firstLatest: 23,
} as const;

/** Columns typed by people and stored as text. */
export const ROI_TEXT_COLUMNS: number[] = [
  ROI_COL.workflow,
  ROI_COL.metric,
  ROI_COL.unit,
  ROI_COL.direction,
  ROI_COL.id,
];
/** The computed columns, in the order roiRowFormulas gives them. */
export const ROI_FORMULA_COLUMNS: number[] = [
  ROI_COL.projected,
  ROI_COL.measuredRoi,
  ROI_COL.npv,
  ROI_COL.payback,
  ROI_COL.flags,
];

export const ROI_FORMATS: (string | null)[] = ROI_HEADERS.map((_, c) => {
  if (ROI_TEXT_COLUMNS.includes(c)) return TEXT;
  if (c === ROI_COL.baselineDate || c === ROI_COL.goLiveDate) return DATE_FORMAT;
  if ((c >= ROI_COL.valuePerUnit && c <= ROI_COL.maintain) || c === ROI_COL.expectedValue) return MONEY;
  if (c === ROI_COL.projected || c === ROI_COL.npv) return MONEY;
  if (c === ROI_COL.discountRate) return RATE;
  if (c === ROI_COL.measuredRoi || c >= ROI_COL.firstLatest) return PERCENT;
  if (c === ROI_COL.payback) return PERIODS;
  return null;
});

/** The direction list offered in each row's Direction cell. */
export const DIRECTION_LIST = DIRECTIONS.join(",");

/** The flag messages of the model, in the order roiFlags gives them. */
const FLAG_TEXT = {
  noBaseline: "No baseline captured: the return cannot be proven.",
  afterGoLive:
    "Baseline captured after go-live: it may already include the agent's effect, so the ROI is not defensible.",
  noCosts: "No costs entered: ROI is net of build, integrate, govern and maintain.",
  shortBefore: "Only ",
  shortMiddle: " of ",
  shortAfter: " periods observed: the measured ROI covers part of the horizon.",
};

/**
 * The formulas of the computed ROI columns for a sheet row (1-based), in ROI_FORMULA_COLUMNS
 * order: projected value, measured ROI, NPV, payback, flags.
 *
 * - Projected: AGAP.PROJECTED(expected value, the five "Latest … score" cells of the row).
 * - Measured ROI: AGAP.ROI(baseline, current, value per unit, build:maintain, direction, periods).
 * - NPV: Excel's NPV at the discount rate over the horizon (rounded up to whole periods) of the
 *   measured benefit per period, less the total cost paid up front. SEQUENCE(n,1,benefit,0) is
 *   the column of n equal benefits.
 * - Payback: AGAP.PAYBACK(build:maintain, the same column of benefits).
 * - Flags: the model's four flags, as native text.
 *
 * Every AGAP call is guarded by COUNT on the inputs it needs: desktop Excel passes a blank cell to
 * a custom function as 0, which would give a number where there is no baseline.
 *
 * @example
 * roiRowFormulas(2)[2]
 * //=> "=IF(OR(COUNT(E2)=0,COUNT(H2)=0,COUNT(I2)=0,COUNT(J2:M2)=0,COUNT(P2)=0,N(O2)<=0),NA(),NPV(P2,SEQUENCE(ROUNDUP(O2,0),1,…,0))-SUM(J2:M2))"
 */
export function roiRowFormulas(row: number): string[] {
  const at = (column: number) => cell(column, row);
  const [d, e, f, g, h, i] = [
    ROI_COL.direction,
    ROI_COL.baseline,
    ROI_COL.baselineDate,
    ROI_COL.goLiveDate,
    ROI_COL.current,
    ROI_COL.valuePerUnit,
  ].map(at);
  const [n, o, p, q] = [ROI_COL.periods, ROI_COL.horizon, ROI_COL.discountRate, ROI_COL.expectedValue].map(at);
  const costs = span(ROI_COL.build, ROI_COL.maintain, row);
  const latest = span(ROI_COL.firstLatest, ROI_COL.firstLatest + LAYER_COUNT - 1, row);
  const direction = `IF(${d}="","lower",${d})`;
  // The measured improvement per period × value per unit; an unknown direction gives #N/A.
  const benefit = `IF(${d}="higher",${h}-${e},IF(OR(${d}="",${d}="lower"),${e}-${h},NA()))*${i}`;
  const measurable = `COUNT(${e})=0,COUNT(${h})=0,COUNT(${i})=0,COUNT(${costs})=0`;
  const benefits = `SEQUENCE(ROUNDUP(${o},0),1,${benefit},0)`;
  const flags = [
    `IF(COUNT(${e})=0,${quoted(FLAG_TEXT.noBaseline + " ")},` +
      `IF(AND(COUNT(${f})=1,COUNT(${g})=1),IF(${f}>${g},${quoted(FLAG_TEXT.afterGoLive + " ")},""),""))`,
    `IF(COUNT(${costs})=0,${quoted(FLAG_TEXT.noCosts + " ")},"")`,
    `IF(AND(COUNT(${n})=1,COUNT(${o})=1),IF(${n}<${o},${quoted(FLAG_TEXT.shortBefore)}&${n}&` +
      `${quoted(FLAG_TEXT.shortMiddle)}&${o}&${quoted(FLAG_TEXT.shortAfter)},""),"")`,
  ];
  return [
    `=IF(OR(COUNT(${q})=0,COUNT(${latest})<${LAYER_COUNT}),NA(),AGAP.PROJECTED(${q},${latest}))`,
    `=IF(OR(${measurable},COUNT(${n})=0),NA(),AGAP.ROI(${e},${h},${i},${costs},${direction},${n}))`,
    `=IF(OR(${measurable},COUNT(${p})=0,N(${o})<=0),NA(),NPV(${p},${benefits})-SUM(${costs}))`,
    `=IF(OR(${measurable},N(${o})<=0),NA(),AGAP.PAYBACK(${costs},${benefits}))`,
    `=TRIM(${flags.join("&")})`,
  ];
}

/** The flag text of a row: the model's flag messages, one after another. */
export function roiFlagText(entry: RoiEntry): string {
  return roiFlags(entry)
    .map((flag) => flag.message)
    .join(" ");
}

/** A whole ROI row: inputs as values (dates as serials), null where the formulas go. */
export function roiRowValues(entry: RoiEntry, latestScores: readonly number[] | null): (string | number | null)[] {
  const values: (string | number | null)[] = new Array(ROI_HEADERS.length).fill(null);
  const number = (value: number | null) => value ?? "";
  const date = (iso: string) => (iso && parseIsoDate(iso) !== null ? dateToSerial(iso) : iso);
  values[ROI_COL.workflow] = entry.workflow;
  values[ROI_COL.metric] = entry.metric;
  values[ROI_COL.unit] = entry.unit;
  values[ROI_COL.direction] = entry.direction;
  values[ROI_COL.baseline] = number(entry.baseline);
  values[ROI_COL.baselineDate] = date(entry.baselineDate);
  values[ROI_COL.goLiveDate] = date(entry.goLiveDate);
  values[ROI_COL.current] = number(entry.current);
  values[ROI_COL.valuePerUnit] = number(entry.valuePerUnit);
  values[ROI_COL.build] = number(entry.build);
  values[ROI_COL.integrate] = number(entry.integrate);
  values[ROI_COL.govern] = number(entry.govern);
  values[ROI_COL.maintain] = number(entry.maintain);
  values[ROI_COL.periods] = number(entry.periods);
  values[ROI_COL.horizon] = number(entry.horizon);
  values[ROI_COL.discountRate] = number(entry.discountRate);
  values[ROI_COL.expectedValue] = number(entry.expectedValue);
  values[ROI_COL.id] = entry.id;
  for (let k = 0; k < LAYER_COUNT; k++) values[ROI_COL.firstLatest + k] = latestScores?.[k] ?? "";
  return values;
}

/**
 * What the computed ROI columns evaluate to, in ROI_FORMULA_COLUMNS order: the model's figures
 * (roiFigures), and where the model has no number, the error the formula gives.
 */
export function roiRowResults(entry: RoiEntry, latestScores: readonly number[] | null): CachedValue[] {
  const latest = latestScores && fullProfile(latestScores) ? latestScores : null;
  const figures = roiFigures(entry, latest);
  const cost = totalCost(entry);
  const measurable = entry.baseline !== null && entry.current !== null && entry.valuePerUnit !== null && cost !== null;
  const costLines = [entry.build, entry.integrate, entry.govern, entry.maintain];
  const badMoney = (entry.valuePerUnit ?? 0) < 0 || costLines.some((line) => line !== null && line < 0);
  const horizon = entry.horizon !== null && entry.horizon > 0;

  let projected: CachedValue = NA;
  if (entry.expectedValue !== null && latest !== null) {
    projected =
      entry.expectedValue < 0 || latest.some((s) => s < 0 || s > 1) ? { error: "#VALUE!" } : figures.projected!;
  }
  let measured: CachedValue = NA;
  if (measurable && entry.periods !== null) {
    if (badMoney || entry.periods <= 0) measured = { error: "#VALUE!" };
    else measured = figures.measuredRoi ?? { error: "#DIV/0!" };
  }
  const npv: CachedValue = figures.npv ?? NA;
  let payback: CachedValue = NA;
  const badCost = costLines.some((line) => line !== null && line < 0);
  if (measurable && horizon) payback = badCost ? { error: "#VALUE!" } : (figures.payback ?? NA);
  return [projected, measured, npv, payback, roiFlagText(entry)];
}

// ---------------------------------------------------------------------------------------------
// Portfolio (maturity)
// ---------------------------------------------------------------------------------------------

export const PORTFOLIO_HEADERS = [
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
] as const;

export const PORTFOLIO_COL = {
  workflow: 0,
  stage: 1,
  stageName: 2,
  target: 3,
  targetName: 4,
  latestDate: 5,
  latestRealized: 6,
  band: 7,
  weakest: 8,
  roiStatus: 9,
} as const;

export const PORTFOLIO_FORMATS: (string | null)[] = PORTFOLIO_HEADERS.map((_, c) => {
  if (c === PORTFOLIO_COL.workflow) return TEXT;
  if (c === PORTFOLIO_COL.stage || c === PORTFOLIO_COL.target) return "0";
  if (c === PORTFOLIO_COL.latestDate) return DATE_FORMAT;
  if (c === PORTFOLIO_COL.latestRealized) return PERCENT;
  return null;
});

/** Where the band note goes: beside the table, since the band thresholds are ours and can be set. */
export const PORTFOLIO_NOTE_CELL = `${columnLetter(PORTFOLIO_HEADERS.length + 1)}1`;

const stageNameFormula = (stageCell: string) =>
  `=IF(${stageCell}="","",CHOOSE(${stageCell},${MATURITY_STAGES.map((s) => quoted(s.name)).join(",")}))`;

/**
 * The two formulas of a portfolio row (1-based): the names of the stage and of the target stage.
 *
 * @example
 * portfolioRowFormulas(2)[0] //=> '=IF(B2="","",CHOOSE(B2,"Experimenting","Assisted","Embedded","Operational","Autonomous"))'
 */
export function portfolioRowFormulas(row: number): [string, string] {
  return [stageNameFormula(cell(PORTFOLIO_COL.stage, row)), stageNameFormula(cell(PORTFOLIO_COL.target, row))];
}

/** A whole portfolio row as values, null where the formulas go. Dates as serials. */
export function portfolioRowValues(row: PortfolioRow): (string | number | null)[] {
  const values: (string | number | null)[] = new Array(PORTFOLIO_HEADERS.length).fill(null);
  values[PORTFOLIO_COL.workflow] = row.workflow;
  values[PORTFOLIO_COL.stage] = row.stage ?? "";
  values[PORTFOLIO_COL.target] = row.target;
  Object.assign(values, derivedPortfolioValues(row));
  return values;
}

/**
 * The columns computed by the model from the assessments and the ROI tracker (latest assessment
 * to ROI status), as values, keyed by column.
 */
export function derivedPortfolioValues(row: PortfolioRow): Record<number, string | number> {
  return {
    [PORTFOLIO_COL.latestDate]: row.latestDate ? dateToSerial(row.latestDate) : "",
    [PORTFOLIO_COL.latestRealized]: row.latestRealized ?? "",
    [PORTFOLIO_COL.band]: row.band ?? "",
    [PORTFOLIO_COL.weakest]: row.weakest ?? "",
    [PORTFOLIO_COL.roiStatus]: row.roiStatus,
  };
}

/** What the stage name formulas evaluate to. */
export function portfolioRowResults(row: Pick<PortfolioRow, "stage" | "target">): [CachedValue, CachedValue] {
  const name = (stage: number | null): CachedValue =>
    stage === null ? "" : (maturityStage(Math.trunc(stage))?.name ?? { error: "#VALUE!" });
  return [name(row.stage), name(row.target)];
}

// ---------------------------------------------------------------------------------------------
// Roadmap sheets
// ---------------------------------------------------------------------------------------------

export const ROADMAP_HEADERS = ["Phase", "Task", "Due date", "Owner", "Status", "Note", "Task ID"] as const;
export const ROADMAP_COL = { phase: 0, task: 1, due: 2, owner: 3, status: 4, note: 5, id: 6 } as const;
/** Sheet rows (1-based) of the roadmap layout. */
export const ROADMAP_ROW = { title: 1, workflow: 2, start: 3, rule: 4, header: 6, firstTask: 7 } as const;
export const ROADMAP_LAST_ROW = ROADMAP_ROW.firstTask + ROADMAP_TASKS.length - 1;
export const ROADMAP_LAST_COLUMN = columnLetter(ROADMAP_HEADERS.length - 1);
/** The status list offered in each task's Status cell. */
export const STATUS_LIST = TASK_STATUSES.join(",");

export const NO_BASELINE_NOTE = "No baseline in AGAP ROI yet";

/**
 * The note on the baseline task: whether the ROI tracker holds a baseline for the workflow, and
 * the earliest capture date on file.
 *
 * @example
 * baselineNote("Claims", [{ workflow: "Claims", baseline: 40, baselineDate: "2026-01-10", … }]) //=> "Baseline on file (captured 2026-01-10)"
 */
export function baselineNote(workflow: string, roi: readonly RoiEntry[], hasBaseline?: boolean): string {
  const rows = roi.filter((entry) => entry.workflow === workflow && entry.baseline !== null);
  const dates = rows
    .map((entry) => entry.baselineDate)
    .filter((date) => parseIsoDate(date) !== null)
    .sort();
  if (rows.length === 0 && !hasBaseline) return NO_BASELINE_NOTE;
  return dates.length > 0 ? `Baseline on file (captured ${dates[0]})` : "Baseline on file";
}

/** The note of each task: the baseline note, or the tasks it depends on. */
function taskNote(id: string, dependsOn: readonly string[], baseline: string): string {
  if (id === BASELINE_TASK_ID) return baseline;
  if (dependsOn.length === 0) return "";
  const texts = dependsOn.map((dep) => ROADMAP_TASKS.find((t) => t.id === dep)?.text ?? dep);
  return `Depends on: ${texts.join(" / ")}`;
}

export type RoadmapCell = string | number | null;

/**
 * The roadmap sheet from A1 to the last task, as values: title, workflow, start date, a line on
 * the one-workflow rule, then the task table (phase, task, due date as a date serial, owner,
 * status, note, task id). Owners and statuses come from the record when given.
 */
export function roadmapCells(
  workflow: string,
  startDate: string,
  note: string,
  tasks?: readonly RoadmapRecord["tasks"][number][],
): RoadmapCell[][] {
  const width = ROADMAP_HEADERS.length;
  const line = (...values: RoadmapCell[]): RoadmapCell[] => [...values, ...new Array(width - values.length).fill("")];
  const grid: RoadmapCell[][] = [
    line("AGAP 90-day roadmap"),
    line("Workflow", workflow),
    line("Start date", dateToSerial(startDate)),
    line("Run one workflow through the roadmap at a time; the ROI proof needs the baseline from the first phase."),
    line(),
    line(...ROADMAP_HEADERS),
  ];
  for (const item of scheduleRoadmap(startDate)) {
    const saved = tasks?.find((t) => t.id === item.id);
    grid.push([
      item.phaseName,
      item.text,
      dateToSerial(item.dueDate),
      saved?.owner ?? "",
      saved?.status ?? "Not started",
      taskNote(item.id, item.dependsOn, note),
      item.id,
    ]);
  }
  return grid;
}

/** Number formats of the roadmap block, row by row; null keeps the default. */
export function roadmapFormats(): (string | null)[][] {
  const width = ROADMAP_HEADERS.length;
  return Array.from({ length: ROADMAP_LAST_ROW }, (_, r) => {
    const row = r + 1;
    const formats: (string | null)[] = new Array(width).fill(null);
    if (row === ROADMAP_ROW.workflow) formats[1] = TEXT;
    if (row === ROADMAP_ROW.start) formats[1] = DATE_FORMAT;
    if (row >= ROADMAP_ROW.firstTask) {
      formats[ROADMAP_COL.due] = DATE_FORMAT;
      formats[ROADMAP_COL.owner] = TEXT;
      formats[ROADMAP_COL.status] = TEXT;
      formats[ROADMAP_COL.id] = TEXT;
    }
    return formats;
  });
}

// ---------------------------------------------------------------------------------------------
// Readers
// ---------------------------------------------------------------------------------------------

type Read<T> = { ok: true; value: T } | { ok: false; problem: string };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(problem: string): Read<T> => ({ ok: false, problem });

function readOptionalNumber(value: unknown, header: string): Read<number | null> {
  if (isBlank(value)) return ok(null);
  if (typeof value === "number" && Number.isFinite(value)) return ok(value);
  return fail(`${header} is "${String(value)}", not a number`);
}

function readScore(value: unknown, header: string): Read<number> {
  if (isBlank(value)) return fail(`${header} is blank`);
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 1) {
    return fail(`${header} is "${String(value)}", not a score from 0% to 100%`);
  }
  return ok(value);
}

function readDate(value: unknown, header: string): Read<string> {
  if (isBlank(value)) return ok("");
  if (typeof value === "number" && Number.isFinite(value)) return ok(serialToDate(value));
  if (typeof value === "string" && parseIsoDate(value.trim()) !== null) return ok(value.trim());
  return fail(`${header} is "${String(value)}", not a date`);
}

/** The position of each expected header in the table's header row (ignoring case); -1 when missing. */
function headerPositions(header: readonly unknown[], headers: readonly string[]): number[] {
  const names = header.map((name) => text(name).toLowerCase());
  return headers.map((name) => names.indexOf(name.toLowerCase()));
}

export interface TableRead<T> {
  items: T[];
  skipped: SkippedRow[];
}

/**
 * Reads rows of a table by header name, so columns moved or added by hand do not shift values.
 * A missing required column makes the whole table unreadable, reported as one skipped entry at
 * its header row; an empty row is not an entry.
 */
function readTable<T>(
  sheet: string,
  header: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  firstRow: number,
  headers: readonly string[],
  required: readonly number[],
  inputs: readonly number[],
  parse: (ordered: unknown[], row: number) => Read<T>,
  idOf: (item: T, row: number) => string,
): TableRead<T> {
  const source = headerPositions(header, headers);
  const missing = required.filter((c) => source[c] < 0).map((c) => `"${headers[c]}"`);
  if (missing.length > 0) {
    return {
      items: [],
      skipped: [
        {
          sheet,
          row: firstRow - 1,
          problem: `the table has no ${missing.join(", ")} column; restore the column headers to read its rows`,
        },
      ],
    };
  }
  const result: TableRead<T> = { items: [], skipped: [] };
  const seen = new Map<string, number>();
  rows.forEach((values, i) => {
    const ordered = source.map((from) => (from < 0 ? "" : values[from]));
    if (inputs.every((c) => isBlank(ordered[c]))) return;
    const row = firstRow + i;
    const parsed = parse(ordered, row);
    if (!parsed.ok) {
      result.skipped.push({ sheet, row, problem: parsed.problem });
      return;
    }
    const id = idOf(parsed.value, row);
    const first = seen.get(id);
    if (first !== undefined) {
      result.skipped.push({ sheet, row, problem: `it repeats row ${first}; clear the ID of a copy to keep it` });
      return;
    }
    seen.set(id, row);
    result.items.push(parsed.value);
  });
  return result;
}

const range = (first: number, count: number) => Array.from({ length: count }, (_, i) => first + i);

/** Parses one scenario row (values in SCENARIO_HEADERS order). */
export function parseScenarioRow(values: readonly unknown[], row: number): Read<Scenario> {
  const name = text(values[SCENARIO_COL.name]);
  if (!name) return fail("the scenario name is blank");
  const scores: number[] = [];
  const baseScores: number[] = [];
  for (let k = 0; k < LAYER_COUNT; k++) {
    const score = readScore(values[SCENARIO_COL.firstScore + k], SCENARIO_HEADERS[SCENARIO_COL.firstScore + k]);
    if (!score.ok) return score;
    scores.push(score.value);
    const base = readScore(values[SCENARIO_COL.firstBaseScore + k], SCENARIO_HEADERS[SCENARIO_COL.firstBaseScore + k]);
    if (!base.ok) return base;
    baseScores.push(base.value);
  }
  return ok({
    id: text(values[SCENARIO_COL.id]) || `sheet-row-${row}`,
    name,
    workflow: text(values[SCENARIO_COL.workflow]),
    baseLabel: text(values[SCENARIO_COL.baseLabel]),
    baseScores,
    scores,
  });
}

/** Reads the scenarios table (header row values, body values, sheet row of the first body row). */
export function readScenarioRows(
  header: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  firstRow: number,
  sheet = "AGAP Scenarios",
): TableRead<Scenario> {
  const inputs = [
    SCENARIO_COL.name,
    SCENARIO_COL.workflow,
    SCENARIO_COL.baseLabel,
    ...range(SCENARIO_COL.firstScore, LAYER_COUNT),
    ...range(SCENARIO_COL.firstBaseScore, LAYER_COUNT),
  ];
  return readTable(sheet, header, rows, firstRow, SCENARIO_HEADERS, inputs, inputs, parseScenarioRow, (s) => s.id);
}

/** Parses one ROI row (values in ROI_HEADERS order). */
export function parseRoiRow(values: readonly unknown[], row: number): Read<RoiEntry> {
  const workflow = text(values[ROI_COL.workflow]);
  if (!workflow) return fail("the workflow is blank");
  const way = text(values[ROI_COL.direction]).toLowerCase() || "lower";
  if (!DIRECTIONS.includes(way as Direction)) {
    return fail(`Direction is "${String(values[ROI_COL.direction])}"; use "lower" or "higher"`);
  }
  const numbers: Partial<Pick<RoiEntry, RoiNumberField>> = {};
  const numeric: Record<RoiNumberField, number> = {
    baseline: ROI_COL.baseline,
    current: ROI_COL.current,
    valuePerUnit: ROI_COL.valuePerUnit,
    build: ROI_COL.build,
    integrate: ROI_COL.integrate,
    govern: ROI_COL.govern,
    maintain: ROI_COL.maintain,
    periods: ROI_COL.periods,
    horizon: ROI_COL.horizon,
    discountRate: ROI_COL.discountRate,
    expectedValue: ROI_COL.expectedValue,
  };
  for (const key of Object.keys(numeric) as RoiNumberField[]) {
    const read = readOptionalNumber(values[numeric[key]], ROI_HEADERS[numeric[key]]);
    if (!read.ok) return read;
    numbers[key] = read.value;
  }
  const baselineDate = readDate(values[ROI_COL.baselineDate], ROI_HEADERS[ROI_COL.baselineDate]);
  if (!baselineDate.ok) return baselineDate;
  const goLiveDate = readDate(values[ROI_COL.goLiveDate], ROI_HEADERS[ROI_COL.goLiveDate]);
  if (!goLiveDate.ok) return goLiveDate;
  return ok({
    id: text(values[ROI_COL.id]) || `sheet-row-${row}`,
    workflow,
    metric: text(values[ROI_COL.metric]),
    unit: text(values[ROI_COL.unit]),
    direction: way as Direction,
    baselineDate: baselineDate.value,
    goLiveDate: goLiveDate.value,
    ...(numbers as Pick<RoiEntry, RoiNumberField>),
  });
}

/** The columns of the ROI table that people type in. */
export const ROI_INPUT_COLUMNS: number[] = ROI_HEADERS.map((_, c) => c).filter(
  (c) => c < ROI_COL.projected || c === ROI_COL.id,
);

export function readRoiRows(
  header: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  firstRow: number,
  sheet = "AGAP ROI",
): TableRead<RoiEntry> {
  const required = ROI_INPUT_COLUMNS.filter((c) => c !== ROI_COL.id);
  return readTable(sheet, header, rows, firstRow, ROI_HEADERS, required, ROI_INPUT_COLUMNS, parseRoiRow, (e) => e.id);
}

function readStage(value: unknown, header: string): Read<number | null> {
  if (isBlank(value)) return ok(null);
  const stage = maturityStage(typeof value === "number" ? value : String(value));
  if (!stage) return fail(`${header} is "${String(value)}", not a stage from 1 to 5`);
  return ok(stage.level);
}

/**
 * Parses one portfolio row. A row with no stage is a workflow not placed yet: not a maturity
 * record, and not a problem either (value null).
 */
export function parsePortfolioRow(values: readonly unknown[]): Read<MaturityRecord | null> {
  const workflow = text(values[PORTFOLIO_COL.workflow]);
  if (!workflow) return fail("the workflow is blank");
  const stage = readStage(values[PORTFOLIO_COL.stage], PORTFOLIO_HEADERS[PORTFOLIO_COL.stage]);
  if (!stage.ok) return stage;
  const target = readStage(values[PORTFOLIO_COL.target], PORTFOLIO_HEADERS[PORTFOLIO_COL.target]);
  if (!target.ok) return target;
  if (stage.value === null) return ok(null);
  return ok({ workflow, stage: stage.value, target: target.value ?? DEFAULT_TARGET_STAGE });
}

export function readPortfolioRows(
  header: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  firstRow: number,
  sheet = "AGAP Portfolio",
): TableRead<MaturityRecord> {
  const columns = [PORTFOLIO_COL.workflow, PORTFOLIO_COL.stage, PORTFOLIO_COL.target];
  const read = readTable(
    sheet,
    header,
    rows,
    firstRow,
    PORTFOLIO_HEADERS,
    columns,
    columns,
    (values) => parsePortfolioRow(values),
    // A workflow appears once; unplaced rows (no stage) are no record and never clash.
    (record, row) => (record ? `workflow:${record.workflow}` : `unplaced:${row}`),
  );
  return { items: read.items.filter((item): item is MaturityRecord => item !== null), skipped: read.skipped };
}

/** The row index (0-based) in `grid` whose cells hold the label, and the value to its right. */
function labelled(grid: readonly (readonly unknown[])[], label: string, before: number): unknown {
  for (let r = 0; r < before; r++) {
    const c = grid[r].findIndex((value) => text(value).toLowerCase() === label.toLowerCase());
    if (c >= 0) return grid[r][c + 1];
  }
  return undefined;
}

const STATUS_BY_KEY = new Map(TASK_STATUSES.map((status) => [status.toLowerCase(), status]));

/**
 * Reads a roadmap sheet back from its used range (`grid`, whose top row is sheet row `top`,
 * 0-based). The workflow and start date come from their labelled
 * cells, tasks from the rows below the header with "Task ID" and "Status". Tasks typed in by hand
 * without an id are kept with an id from their row; a status outside the list skips the task.
 */
export function readRoadmapSheet(
  sheetName: string,
  grid: readonly (readonly unknown[])[],
  top = 0,
): { record: RoadmapRecord | null; skipped: SkippedRow[] } {
  const skip = (row: number, problem: string) => ({ record: null, skipped: [{ sheet: sheetName, row, problem }] });
  const headerAt = grid.findIndex((values) => {
    const names = values.map((value) => text(value).toLowerCase());
    return names.includes("task id") && names.includes("status");
  });
  if (headerAt < 0) return skip(top + 1, 'the sheet has no task table with "Task ID" and "Status" columns');
  const workflow = text(labelled(grid, "Workflow", headerAt));
  if (!workflow) return skip(top + 1, 'the "Workflow" cell above the tasks is blank');
  const start = readDate(labelled(grid, "Start date", headerAt), "Start date");
  if (!start.ok || !start.value) {
    return skip(top + 1, start.ok ? 'the "Start date" cell above the tasks is blank' : start.problem);
  }
  const source = headerPositions(grid[headerAt], ROADMAP_HEADERS);
  const skipped: SkippedRow[] = [];
  const tasks: RoadmapRecord["tasks"] = [];
  const seen = new Map<string, number>();
  for (let r = headerAt + 1; r < grid.length; r++) {
    const values = source.map((from) => (from < 0 ? "" : grid[r][from]));
    if (values.every(isBlank)) continue;
    const row = top + r + 1;
    const statusText = text(values[ROADMAP_COL.status]);
    const status = statusText ? STATUS_BY_KEY.get(statusText.toLowerCase()) : "Not started";
    if (!status) {
      skipped.push({ sheet: sheetName, row, problem: `Status is "${statusText}"; choose one of ${STATUS_LIST}` });
      continue;
    }
    const id = text(values[ROADMAP_COL.id]) || `sheet-row-${row}`;
    const first = seen.get(id);
    if (first !== undefined) {
      skipped.push({ sheet: sheetName, row, problem: `its Task ID repeats the one in row ${first}` });
      continue;
    }
    seen.set(id, row);
    tasks.push({ id, owner: text(values[ROADMAP_COL.owner]), status: status as TaskStatus });
  }
  return { record: { workflow, startDate: start.value, sheetName, tasks }, skipped };
}

/** The workflow's most recent complete team scores (for the projected view), or null. */
export function latestTeamScores(responses: readonly AssessmentResponse[], workflow: string): number[] | null {
  const latest = assessmentHistory(responses, workflow)
    .filter((point) => point.realized !== null)
    .at(-1);
  return latest ? (latest.layerMeans as number[]) : null;
}
