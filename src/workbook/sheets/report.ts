// "AGAP Report – <workflow>": the one-page report of one workflow, described as data. Each row is
// listed in order with its cells; figures are live formulas over the AgapAssessments table, with
// the workflow matched exactly. What the workbook cannot compute (the plan, the statements that
// moved most, the planning status from other tables) is written as values from the model's board
// report, and every such block says so, with the day it was inserted.
import {
  BAND_THRESHOLD_NOTE,
  CURVE_STAGES,
  LAYERS,
  LAYER_GUIDANCE,
  NOTHING_TO_FIX,
  MIN_GROUP_LIMITS,
  boardReport,
  planToNextBandText,
  teamDetail,
  type AssessmentResponse,
  type BoardReport,
  type MaturityRecord,
  type RoadmapRecord,
  type RoiEntry,
  type StatementMove,
} from "../../model";
import { ASSESSMENTS_TABLE, bandFormula } from "./assessments";
import { CHANGE_PERCENT, DATE_FORMAT, PERCENT, ROUND_DATE_FORMAT, TEXT, WHOLE, dateToSerial } from "./cells";
import {
  latestDateFormula,
  previousDateFormula,
  roundCompleteFormula,
  roundLayerExtremeFormula,
  roundScoreFormula,
} from "./round-formulas";
import { columnLetter, quoted } from "./spec";

/** A cell of the report: a value, a formula, or nothing. */
export type ReportCell = { value: string | number } | { formula: string } | null;

/**
 * How a row looks: a title, a section heading, column headings, a note across A–E (wrapped), a
 * statement wrapped in column A, or a thin space between sections.
 */
export type ReportRowStyle = "title" | "heading" | "columns" | "note" | "statement" | "space";

/** The columns the report's cells use (A–E); the charts sit to their right. */
export const REPORT_WIDTH = 5;
/** Column widths in points, A to L: labels, four figures, a margin, then the charts. */
export const REPORT_COLUMN_WIDTHS = [200, 58, 58, 58, 58, 12, 50, 50, 50, 50, 50, 50] as const;
/** About how many characters of a note fit on one line across A–E (432 points). */
const NOTE_LINE = 78;
/** About how many characters of a statement fit on one line of column A (200 points). */
const STATEMENT_LINE = 36;
/** Text of the previous-round cell when there is nothing to compare with. */
export const NO_EARLIER_ROUND = "no earlier round";
/** How far the sum of the shares may be from the change and still add up (rounding): 1e-12, written out. */
const TOLERANCE = "0.000000000001";
/** Statements listed under "moved most". */
const MOVED_STATEMENTS = 3;

/** The planning records the status rows are taken from. */
export interface ReportPlanning {
  roi: readonly RoiEntry[];
  maturity: readonly MaturityRecord[];
  roadmaps: readonly RoadmapRecord[];
}

export interface ReportInput {
  workflow: string;
  /** Saved responses; only the workflow's own are read. */
  responses: readonly AssessmentResponse[];
  /** The smallest group whose detail (lowest and highest scores) is shown. */
  minGroup: number;
  /** The day the report is inserted (YYYY-MM-DD): the values on the sheet are as of it. */
  insertedOn: string;
  /** The ROI rows, maturity records and roadmaps; null when they were not read. */
  planning: ReportPlanning | null;
  /**
   * The workbook's decimal separator (Application.cultureInfo), for the numbers written inside the
   * sheet's sentences, which no number format reaches; "." when absent.
   */
  decimal?: string;
}

/** The plan's column, as values: what it is called, its five scores, and a sentence about it. */
interface ReportPlan {
  label: string;
  scores: (number | "")[];
  note: string;
}

/**
 * A share in hundredths as the sheet's sentences write it, one decimal at most and no trailing
 * zero, with the workbook's decimal separator: 10, 12.5 (12,5 in a de-DE workbook).
 */
const hundredthsText = (share: number, decimal: string) =>
  String(Number((share * 100).toFixed(1))).replace(".", decimal);

/** The model's plan to the next band limit, as the plan column and its sentence. */
function reportPlan(board: BoardReport, decimal: string): ReportPlan {
  const { label, note } = planToNextBandText(board.plan, {
    percent: (share) => `${hundredthsText(share, decimal)}%`,
    points: (share) => (share * 100).toFixed(1).replace(".", decimal),
  });
  const scores = board.plan.status === "no-scores" ? LAYERS.map((): "" => "") : board.plan.scores;
  return { label, scores, note };
}

/** What a row's cells are built from: the input, what the model says of it, and where rows are. */
interface ReportContext {
  input: ReportInput;
  /** The model's board report of the workflow, as of the insert day. */
  board: BoardReport;
  plan: ReportPlan;
  /** The statements that moved most since the previous round; null without a previous round. */
  moved: StatementMove[] | null;
  /** Why the statements that moved most are not listed (a round below the smallest group), or null. */
  movedWithheld: string | null;
  /** The sheet row (1-based) of a row key. */
  row: (key: string) => number;
  /** An absolute A1 address: column letter and row key. */
  at: (column: string, key: string) => string;
}

interface ReportRow {
  key: string;
  cells?: (context: ReportContext) => ReportCell[];
  formats?: (string | null)[];
  style?: ReportRowStyle;
  /** Lines of text a note or statement row needs, for its height. */
  lines?: (context: ReportContext) => number;
  /** What the row holds, in docs/sheets.md, where the sample report's own cells would mislead. */
  doc?: readonly string[];
}

const value = (text: string | number): ReportCell => ({ value: text });
const formula = (text: string): ReportCell => ({ formula: text });
const blank = (key: string): ReportRow => ({ key, style: "space" });
const linesOf = (text: string, perLine: number) => Math.max(1, Math.ceil(text.length / perLine));
const layerKey = (k: number) => `layer:${k}`;
const movedKey = (k: number) => `moved:${k}`;
const spreadKey = (k: number) => `spread:${k}`;
const valuesAsOf = (context: ReportContext) => `values as of ${context.input.insertedOn}, not live`;

/** The workflow and latest-round cells every formula refers to. */
const WORKFLOW = (c: ReportContext) => c.at("B", "workflow");
const LATEST = (c: ReportContext) => c.at("B", "round");
const COMPLETE = (c: ReportContext) => c.at("B", "responses");
const MIN_GROUP = (c: ReportContext) => c.at("B", "minGroup");

/**
 * Layer i's Shapley share of the change in the product of five scores, from cells holding the
 * before (b) and after (a) scores: (a_i − b_i) × Σ over subsets S of the other four layers of
 * |S|! (4 − |S|)! / 5! × Π a over S × Π b over the rest. The weights by |S| are 1/5, 1/20, 1/30,
 * 1/20, 1/5. Plain arithmetic, so every spreadsheet computes it; a layer that did not move gets 0.
 */
export function shapleyShareFormula(i: number, before: readonly string[], after: readonly string[]): string {
  const others = before.map((_, j) => j).filter((j) => j !== i);
  const bySize: string[][] = [[], [], [], [], []];
  for (let mask = 0; mask < 1 << others.length; mask++) {
    const factors = others.map((j, bit) => (mask & (1 << bit) ? after[j] : before[j]));
    bySize[others.filter((_, bit) => mask & (1 << bit)).length].push(factors.join("*"));
  }
  const sum = (size: number) => bySize[size].join("+");
  return `(${after[i]}-${before[i]})*((${sum(0)}+${sum(4)})/5+(${sum(1)}+${sum(3)})/20+(${sum(2)})/30)`;
}

/**
 * A model sentence with live numbers: each marker number in the text becomes a reference to its
 * cell, joined with &, so the wording stays the model's and the numbers follow the sheet.
 */
function liveText(text: string, cells: Record<number, string>): string {
  const markers = Object.keys(cells);
  const parts = text.split(new RegExp(`\\b(${markers.join("|")})\\b`));
  return parts.map((part, n) => (n % 2 === 1 ? cells[Number(part)] : quoted(part))).join("&");
}

/** The privacy rule in words, live: empty when detail is shown, else the model's reason. */
function withheldReasonFormula(context: ReportContext): string {
  // Marker numbers no team reaches, replaced by the cells that hold the real ones.
  const COUNT_MARK = 876_543_219;
  const MIN_MARK = 987_654_321;
  const plural = teamDetail(COUNT_MARK, MIN_MARK);
  const single = teamDetail(1, MIN_MARK);
  if (plural.shown || single.shown) throw new Error("The privacy rule shows detail to a group below its minimum.");
  const count = COMPLETE(context);
  const minGroup = MIN_GROUP(context);
  return (
    `=IF(${count}>=${minGroup},"Lowest and highest score among the latest round's complete respondents.",` +
    `IF(${count}=1,${liveText(single.reason, { [MIN_MARK]: minGroup })},` +
    `${liveText(plural.reason, { [COUNT_MARK]: count, [MIN_MARK]: minGroup })}))`
  );
}

const layerRange = (context: ReportContext, column: string, first: string, last: string) =>
  `$${column}$${context.row(first)}:$${column}$${context.row(last)}`;

/** True in Excel when all five team scores are at 100%: then no layer is to be fixed first (fixFirst). */
const allFull = (c: ReportContext) => `MIN(${layerRange(c, "B", layerKey(0), layerKey(4))})>=1`;

/** The rows of the report, top to bottom. Thin empty rows separate the sections. */
const ROWS: readonly ReportRow[] = [
  { key: "title", style: "title", cells: () => [value("AGAP execution gap report")] },
  {
    key: "workflow",
    formats: [null, TEXT],
    cells: (c) => [value("Workflow"), value(c.input.workflow)],
  },
  {
    key: "round",
    formats: [null, ROUND_DATE_FORMAT],
    cells: (c) => [value("Latest round"), formula(latestDateFormula(WORKFLOW(c)))],
  },
  {
    key: "responses",
    formats: [null, WHOLE],
    cells: (c) => [value("Complete responses"), formula(roundCompleteFormula(WORKFLOW(c), LATEST(c)))],
  },
  {
    key: "insertedOn",
    formats: [null, DATE_FORMAT],
    cells: (c) => [value("Inserted on"), value(dateToSerial(c.input.insertedOn))],
  },
  {
    key: "source",
    style: "note",
    lines: (c) => linesOf(sourceNote(c), NOTE_LINE),
    cells: (c) => [value(sourceNote(c))],
  },
  blank("afterSource"),
  {
    key: "layerHead",
    style: "columns",
    cells: (c) => [value("Layer"), value("Score"), value(c.plan.label), value("")],
  },
  ...LAYERS.map((layer, k): ReportRow => ({
    key: layerKey(k),
    formats: [null, PERCENT, PERCENT],
    cells: (c) => [
      value(layer.name),
      formula(roundScoreFormula(k, WORKFLOW(c), LATEST(c))),
      value(c.plan.scores[k]),
      // Only once all five scores are numbers is there a weakest layer to mark, and none when all
      // five are at 100% (fixFirst).
      formula(
        `=IF(COUNT(${layerRange(c, "B", layerKey(0), layerKey(4))})<${LAYERS.length},"",` +
          `IF(${allFull(c)},"",IF($A${c.row(layerKey(k))}=${c.at("B", "weakest")},"weakest","")))`,
      ),
    ],
  })),
  {
    key: "realized",
    formats: [null, PERCENT, PERCENT],
    cells: (c) => [
      value("Realized value"),
      formula(`=PRODUCT(${layerRange(c, "B", layerKey(0), layerKey(4))})`),
      hasPlan(c) ? formula(`=PRODUCT(${layerRange(c, "C", layerKey(0), layerKey(4))})`) : null,
    ],
  },
  {
    key: "gap",
    formats: [null, PERCENT, PERCENT],
    cells: (c) => [
      value("Execution gap"),
      formula(`=1-${c.at("B", "realized")}`),
      hasPlan(c) ? formula(`=1-${c.at("C", "realized")}`) : null,
    ],
  },
  {
    key: "band",
    cells: (c) => [value("Band"), formula(`=${bandFormula(c.at("B", "gap"))}`)],
  },
  { key: "bandNote", style: "note", cells: () => [value(BAND_THRESHOLD_NOTE)] },
  {
    key: "weakest",
    cells: (c) => {
      const scores = layerRange(c, "B", layerKey(0), layerKey(4));
      const names = layerRange(c, "A", layerKey(0), layerKey(4));
      return [value("Weakest layer"), formula(`=INDEX(${names},MATCH(MIN(${scores}),${scores},0))`)];
    },
  },
  {
    key: "planNote",
    style: "note",
    doc: ["The plan to the next band limit, in words (value)"],
    lines: (c) => linesOf(planNote(c), NOTE_LINE),
    cells: (c) => [value(planNote(c))],
  },
  blank("afterScores"),
  { key: "actionsHead", style: "heading", cells: () => [value("What we recommend for the weakest layer")] },
  ...[0, 1, 2].map((a): ReportRow => ({
    key: `action:${a}`,
    style: "note",
    lines: () =>
      Math.max(
        ...LAYERS.map((layer) => linesOf(LAYER_GUIDANCE[layer.id].actions[a] ?? "", NOTE_LINE)),
        linesOf(a === 0 ? NOTHING_TO_FIX : "", NOTE_LINE),
      ),
    cells: (c) => {
      const options = LAYERS.map((layer) => quoted(LAYER_GUIDANCE[layer.id].actions[a] ?? "")).join(",");
      const names = layerRange(c, "A", layerKey(0), layerKey(4));
      // With every layer at 100% there is nothing to fix first: the model's sentence, once.
      const nothing = quoted(a === 0 ? NOTHING_TO_FIX : "");
      return [formula(`=IF(${allFull(c)},${nothing},CHOOSE(MATCH(${c.at("B", "weakest")},${names},0),${options}))`)];
    },
  })),
  blank("afterActions"),
  { key: "curveHead", style: "columns", cells: () => [value("Stage"), value("Surviving share")] },
  ...CURVE_STAGES.map((stage, k): ReportRow => ({
    key: `stage:${k}`,
    formats: [null, PERCENT],
    cells: (c) => [
      value(stage),
      k === 0 ? value(1) : formula(`=PRODUCT(${layerRange(c, "B", layerKey(0), layerKey(k - 1))})`),
    ],
  })),
  blank("afterCurve"),
  { key: "movedHead", style: "heading", cells: () => [value("What moved since the previous round")] },
  {
    key: "previousRound",
    formats: [null, ROUND_DATE_FORMAT],
    cells: (c) => [value("Previous round"), formula(previousDateFormula(WORKFLOW(c), LATEST(c), NO_EARLIER_ROUND))],
  },
  {
    key: "movedColumns",
    style: "columns",
    cells: () => [value("Layer"), value("Before"), value("After"), value("Share of change")],
  },
  ...LAYERS.map((layer, k): ReportRow => ({
    key: movedKey(k),
    formats: [null, PERCENT, PERCENT, CHANGE_PERCENT],
    cells: (c) => {
      const previous = c.at("B", "previousRound");
      const score = roundScoreFormula(k, WORKFLOW(c), previous).slice(1);
      const before = LAYERS.map((_, j) => c.at("B", movedKey(j)));
      const after = LAYERS.map((_, j) => c.at("C", movedKey(j)));
      const all = `${c.at("B", movedKey(0))}:${c.at("C", movedKey(4))}`;
      return [
        value(layer.name),
        formula(`=IF(COUNT(${previous})=1,${score},"")`),
        formula(`=${c.at("B", layerKey(k))}`),
        formula(`=IF(COUNT(${all})<${2 * LAYERS.length},"",${shapleyShareFormula(k, before, after)})`),
      ];
    },
  })),
  {
    key: "movedRealized",
    formats: [null, PERCENT, PERCENT, CHANGE_PERCENT],
    cells: (c) => {
      const before = layerRange(c, "B", movedKey(0), movedKey(4));
      const after = layerRange(c, "C", movedKey(0), movedKey(4));
      const shares = layerRange(c, "D", movedKey(0), movedKey(4));
      return [
        value("Realized value, and the sum of the shares"),
        formula(`=IF(COUNT(${before})<${LAYERS.length},"",PRODUCT(${before}))`),
        formula(`=IF(COUNT(${after})<${LAYERS.length},"",PRODUCT(${after}))`),
        formula(`=IF(COUNT(${shares})<${LAYERS.length},"",SUM(${shares}))`),
      ];
    },
  },
  {
    key: "movedChange",
    formats: [null, null, null, CHANGE_PERCENT],
    cells: (c) => {
      const [before, after] = [c.at("B", "movedRealized"), c.at("C", "movedRealized")];
      return [
        value("Change in realized value"),
        null,
        null,
        formula(`=IF(COUNT(${before},${after})<2,"",${after}-${before})`),
      ];
    },
  },
  {
    key: "movedCheck",
    cells: (c) => {
      const [sum, change] = [c.at("D", "movedRealized"), c.at("D", "movedChange")];
      return [
        value("Check: the shares add up to the change"),
        null,
        null,
        formula(
          `=IF(COUNT(${sum},${change})<2,"",IF(AND(${sum}-${change}<=${TOLERANCE},${change}-${sum}<=${TOLERANCE}),"yes","no"))`,
        ),
      ];
    },
  },
  {
    key: "movedNote",
    style: "note",
    lines: () => linesOf(MOVED_NOTE, NOTE_LINE),
    cells: (c) => [
      formula(
        `=IF(COUNT(${c.at("B", "previousRound")})=1,${quoted(MOVED_NOTE)},` +
          `${quoted("No earlier round with a complete response: there is nothing to compare with yet.")})`,
      ),
    ],
  },
  blank("afterMoved"),
  {
    key: "statementsHead",
    style: "heading",
    cells: (c) => [value(`Statements whose team mean moved most (${valuesAsOf(c)})`)],
  },
  {
    key: "statementColumns",
    style: "columns",
    cells: () => [value("Statement"), value("Before"), value("After"), value("Change")],
  },
  ...Array.from({ length: MOVED_STATEMENTS }, (_, n): ReportRow => ({
    key: `statement:${n}`,
    style: "statement",
    doc: ["A statement that moved, or why none is listed (value)", "value", "value", "value"],
    formats: [null, "0.00", "0.00", "+0.00;-0.00;0.00"],
    lines: (c) => (c.moved?.[n] ? linesOf(c.moved[n].statement.text, STATEMENT_LINE) : 1),
    cells: (c) => {
      const move = c.moved?.[n];
      if (move) return [value(move.statement.text), value(move.before), value(move.after), value(move.change)];
      if (n > 0) return [];
      if (c.movedWithheld !== null) return [value("Withheld: see the note below.")];
      return [value(c.moved === null ? "No earlier round to compare with." : "No statement's team mean moved.")];
    },
  })),
  {
    key: "statementsNote",
    style: "note",
    doc: ["What the figures are, or why the statements are withheld (value)"],
    lines: (c) => linesOf(statementsNote(c), NOTE_LINE),
    cells: (c) => [value(statementsNote(c))],
  },
  blank("afterStatements"),
  { key: "spreadHead", style: "heading", cells: () => [value("Team spread in the latest round")] },
  {
    key: "minGroup",
    formats: [null, WHOLE],
    cells: (c) => [value("Smallest group whose detail is shown"), value(c.input.minGroup)],
  },
  { key: "spreadColumns", style: "columns", cells: () => [value("Layer"), value("Lowest"), value("Highest")] },
  ...LAYERS.map((layer, k): ReportRow => ({
    key: spreadKey(k),
    formats: [null, PERCENT, PERCENT],
    cells: (c) => {
      const shown = `${COMPLETE(c)}>=${MIN_GROUP(c)}`;
      const extreme = (which: "min" | "max") =>
        formula(`=IF(${shown},${roundLayerExtremeFormula(which, k, WORKFLOW(c), LATEST(c)).slice(1)},"")`);
      return [value(layer.name), extreme("min"), extreme("max")];
    },
  })),
  {
    key: "spreadReason",
    style: "note",
    lines: () => linesOf(withheldSample(), NOTE_LINE),
    cells: (c) => [formula(withheldReasonFormula(c))],
  },
  blank("afterSpread"),
  { key: "statusHead", style: "heading", cells: (c) => [value(`Planning status (${valuesAsOf(c)})`)] },
  { key: "roiStatus", cells: (c) => [value("ROI status"), value(roiText(c))] },
  { key: "maturity", cells: (c) => [value("Maturity stage against target"), value(maturityText(c))] },
  { key: "roadmap", cells: (c) => [value("90-day roadmap"), value(roadmapText(c))] },
  {
    key: "roadmapNote",
    style: "note",
    doc: ["The roadmap's tasks done, in progress, blocked and overdue, and the next one (value)"],
    lines: (c) => linesOf(roadmapNote(c), NOTE_LINE),
    cells: (c) => [value(roadmapNote(c))],
  },
];

const NOT_READ = "not read for this report";
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

function roiText(context: ReportContext): string {
  if (context.input.planning === null) return NOT_READ;
  const { status, rows } = context.board.roi;
  return rows.length === 0 ? status : `${status} (${plural(rows.length, "ROI row")})`;
}

function maturityText(context: ReportContext): string {
  if (context.input.planning === null) return NOT_READ;
  const { stage, target } = context.board.maturity;
  const targetText = `target ${target.level} ${target.name}`;
  if (stage === null) return `no stage recorded; ${targetText}`;
  const toGo = target.level - stage.level;
  const distance = toGo > 0 ? `${plural(toGo, "stage")} to go` : "target reached";
  return `${stage.level} ${stage.name}; ${targetText} (${distance})`;
}

function roadmapText(context: ReportContext): string {
  if (context.input.planning === null) return NOT_READ;
  const roadmap = context.board.roadmap;
  if (roadmap === null) return "no roadmap";
  if (roadmap.day < 1) return `starts on ${roadmap.startDate}`;
  if (roadmap.phase === null) return `its 90 days ended on ${roadmap.endDate}`;
  return `day ${roadmap.day} of 90, ${roadmap.phase} phase`;
}

function roadmapNote(context: ReportContext): string {
  const roadmap = context.board.roadmap;
  if (roadmap === null) return "";
  const counts =
    `${roadmap.done} of ${plural(roadmap.total, "task")} done, ${roadmap.inProgress} in progress, ` +
    `${roadmap.blocked} blocked, ${roadmap.overdue.length} overdue.`;
  const next = roadmap.next ? ` Next: ${roadmap.next.text} (due ${roadmap.next.dueDate}).` : "";
  return counts + next;
}

const MOVED_NOTE =
  "Each share is the layer's Shapley value: its effect on realized value averaged over every order in " +
  "which the five layers could have moved. The shares add up to the change; a layer that did not move gets 0.";

function sourceNote(context: ReportContext): string {
  return (
    `Figures are live team means of the latest round over the ${ASSESSMENTS_TABLE} table; blocks marked ` +
    `"values as of" keep those of ${context.input.insertedOn}, the day the report was inserted.`
  );
}

function statementsNote(context: ReportContext): string {
  return context.movedWithheld ?? "Mean answers from 0 to 5 over each round's complete responses.";
}

function planNote(context: ReportContext): string {
  return hasPlan(context)
    ? `${context.plan.note} The plan column holds values as of ${context.input.insertedOn}; the scores beside it stay live.`
    : context.plan.note;
}

/** The longest form of the withheld-detail reason, for the height of its row. */
function withheldSample(): string {
  const detail = teamDetail(MIN_GROUP_LIMITS.max - 1, MIN_GROUP_LIMITS.max);
  return detail.shown ? "" : detail.reason;
}

const hasPlan = (context: ReportContext) => context.plan.scores.every((score) => score !== "");

/** The sheet row (1-based) of each row key. */
export const REPORT_ROW: Readonly<Record<string, number>> = Object.fromEntries(ROWS.map((row, i) => [row.key, i + 1]));
/** Rows the report fills. */
export const REPORT_ROWS = ROWS.length;

/** The sheet row of a row key; throws for a key the report does not have. */
export function reportRow(key: string): number {
  const row = REPORT_ROW[key];
  if (row === undefined) throw new Error(`The report has no row "${key}".`);
  return row;
}

/** A native chart of the report, placed beside the rows it shows, inside the print area. */
export interface ReportChart {
  type: "Line" | "ColumnClustered";
  source: string;
  title: string;
  /** Top-left and bottom-right cells. */
  position: [string, string];
}

export const REPORT_CHARTS: readonly ReportChart[] = [
  {
    type: "Line",
    source: `A${reportRow("curveHead")}:B${reportRow(`stage:${CURVE_STAGES.length - 1}`)}`,
    title: "Share of expected value that survives each stage",
    position: ["G2", "L21"],
  },
  {
    type: "ColumnClustered",
    source: `A${reportRow("layerHead")}:C${reportRow(layerKey(LAYERS.length - 1))}`,
    title: "Layer scores now and in the plan",
    position: ["G23", "L42"],
  },
];

/** Everything that prints: the rows, and the charts to their right. */
export const REPORT_PRINT_AREA = `A1:${columnLetter(REPORT_COLUMN_WIDTHS.length - 1)}${REPORT_ROWS}`;

function contextOf(input: ReportInput): ReportContext {
  const board = boardReport({
    workflow: input.workflow,
    responses: input.responses,
    roi: input.planning?.roi ?? [],
    maturity: input.planning?.maturity ?? [],
    roadmaps: input.planning?.roadmaps ?? [],
    today: input.insertedOn,
    minGroup: input.minGroup,
  });
  // The board report withholds the statements below the smallest group, with the reason.
  const withheld = board.moved?.statementsWithheld ?? null;
  return {
    input,
    board,
    plan: reportPlan(board, input.decimal ?? "."),
    moved: board.moved && withheld === null ? board.moved.statements.slice(0, MOVED_STATEMENTS) : null,
    movedWithheld: withheld,
    row: reportRow,
    at: (column, key) => `$${column}$${reportRow(key)}`,
  };
}

/** The report's cells, REPORT_ROWS × REPORT_WIDTH, in sheet order. */
export function reportCells(input: ReportInput): ReportCell[][] {
  const context = contextOf(input);
  return ROWS.map((row) => {
    const cells = row.cells?.(context) ?? [];
    return Array.from({ length: REPORT_WIDTH }, (_, c) => cells[c] ?? null);
  });
}

/** Number formats of the report's cells; null keeps the default. */
export function reportFormats(): (string | null)[][] {
  return ROWS.map((row) => Array.from({ length: REPORT_WIDTH }, (_, c) => row.formats?.[c] ?? null));
}

/** How each styled row looks, with the lines of text it needs (for notes and statements). */
export function reportStyles(input: ReportInput): { row: number; style: ReportRowStyle; lines: number }[] {
  const context = contextOf(input);
  return ROWS.flatMap((row, i) =>
    row.style ? [{ row: i + 1, style: row.style, lines: row.lines?.(context) ?? 1 }] : [],
  );
}

/** The day the documentation's sample report is inserted on; the text says "the insert day". */
const DOC_DAY = "2026-01-01";

/**
 * The report sheet's section of docs/sheets.md: every row in order with its label, and for each
 * of columns B–E whether it holds a live formula or a value written on the insert day.
 */
export function reportDocLines(): string[] {
  const input: ReportInput = { workflow: "Claims", responses: [], minGroup: 3, insertedOn: DOC_DAY, planning: null };
  const cells = reportCells(input);
  const kind = (cell: ReportCell) => (cell === null ? "" : "formula" in cell ? "live" : "value");
  const text = (cell: ReportCell) => {
    if (cell === null) return "";
    if ("formula" in cell) return "(live text)";
    if (typeof cell.value === "number") return "value";
    const shown = String(cell.value).replace(DOC_DAY, "the insert day").replace(/\|/g, "\\|");
    return shown.length > 70 ? `${shown.slice(0, 69)}…` : shown;
  };
  const lines = [
    "## AGAP Report – <workflow>",
    "",
    "Written by **Insert report sheet** for one workflow; not a table, and never read back. Column A holds",
    "the labels; **live** cells are formulas over the `AgapAssessments` table (the workflow matched with",
    "`EXACT`), so they follow rows added or edited later; **value** cells were written on the insert day",
    "(the plan, the statements that moved most and the planning status say so on the sheet). The team",
    "spread is withheld while the latest round has fewer complete respondents than the smallest group",
    "in B of its row, which a person may change. Two charts (the decay curve and the layer scores) sit",
    `in ${REPORT_CHARTS.map((chart) => chart.position.join(":")).join(" and ")}; the print area is`,
    `${REPORT_PRINT_AREA}, one portrait page wide and tall (ExcelApi 1.9).`,
    "",
    "| Row | Key | A | B | C | D | E |",
    "|---|---|---|---|---|---|---|",
  ];
  ROWS.forEach((row, i) => {
    const [a, ...rest] = cells[i];
    const shown = row.doc ?? [text(a), ...rest.map((cell) => (row.style === "columns" ? text(cell) : kind(cell)))];
    const columns = Array.from({ length: REPORT_WIDTH }, (_, c) => shown[c] ?? "");
    lines.push(`| ${i + 1} | ${row.key} | ${columns.join(" | ")} |`);
  });
  lines.push("");
  return lines;
}
