// "AGAP Assessments": one row per response. Layer scores, realized value, gap, band, weakest layer
// and the count of answers are native formulas over the answers in the same row.
import {
  ANSWER_MAX,
  ANSWER_MIN,
  BANDS,
  DEFAULT_BAND_THRESHOLDS,
  LAYERS,
  LIMITS,
  STATEMENTS,
  STATEMENTS_PER_LAYER,
  STATEMENT_COUNT,
  assessAnswers,
  bandOf,
  checkLimit,
  realizedValue,
  weakestLayerIndex,
  type AssessmentResponse,
} from "../../model";
import { DATE_FORMAT, PERCENT, TEXT, WHOLE, readDateCell, storedDate } from "./cells";
import {
  NA,
  fail,
  isBlank,
  ok,
  quoted,
  span,
  textOf,
  type CachedValue,
  type ColumnSpec,
  type RowAddress,
  type TableSpec,
} from "./spec";

export const ASSESSMENTS_SHEET = "AGAP Assessments";
export const ASSESSMENTS_TABLE = "AgapAssessments";

/** Key and header of each statement's answer column: "Strategy 1" … "Adoption 3". */
export const ANSWER_COLUMNS = STATEMENTS.map((statement, i) => {
  const layer = LAYERS.find((l) => l.id === statement.layer)!;
  return { key: `answer:${statement.id}`, header: `${layer.short} ${(i % STATEMENTS_PER_LAYER) + 1}` };
});
export const SCORE_KEYS = LAYERS.map((layer) => `score:${layer.id}`);
const ANSWER_KEYS = ANSWER_COLUMNS.map((column) => column.key);

/**
 * The band of a gap cell: an IF chain over the model's default thresholds.
 *
 * @example
 * bandFormula("V2") //=> 'IF(V2>=0.9,"Critical",IF(V2>=0.75,"Severe",…))'
 */
export function bandFormula(gapCell: string): string {
  let formula = quoted(BANDS[BANDS.length - 1]);
  for (let i = DEFAULT_BAND_THRESHOLDS.length - 1; i >= 0; i--) {
    formula = `IF(${gapCell}>=${DEFAULT_BAND_THRESHOLDS[i]},${quoted(BANDS[i])},${formula})`;
  }
  return formula;
}

/**
 * The weakest layer's name from the five score cells in layer order: the first of equal lowest,
 * as the model. An IF chain, not MATCH, so the cells need not sit side by side.
 *
 * @example
 * weakestFormula(at, keys) //=> 'IF(S2=MIN(S2:W2),"Strategy Alignment",IF(T2=MIN(S2:W2),…,"Business Adoption"))'
 */
export function weakestFormula(at: RowAddress, keys: readonly string[]): string {
  const lowest = `MIN(${span(at, keys)})`;
  let formula = quoted(LAYERS[LAYERS.length - 1].name);
  for (let k = LAYERS.length - 2; k >= 0; k--)
    formula = `IF(${at(keys[k])}=${lowest},${quoted(LAYERS[k].name)},${formula})`;
  return formula;
}

/** Results of the response's row, from the model. */
function rowResult(response: AssessmentResponse) {
  const { layerScores } = assessAnswers(response.answers);
  const complete = layerScores.every((score) => score !== null);
  return { layerScores, realized: complete ? realizedValue(layerScores as number[]) : null };
}

const cachedScore = (k: number) => (response: AssessmentResponse) => rowResult(response).layerScores[k] ?? NA;
const whenComplete =
  (value: (realized: number, scores: number[]) => CachedValue) =>
  (response: AssessmentResponse): CachedValue => {
    const { layerScores, realized } = rowResult(response);
    return realized === null ? NA : value(realized, layerScores as number[]);
  };

const scores = (at: RowAddress) => span(at, SCORE_KEYS);

const columns: ColumnSpec<AssessmentResponse, void>[] = [
  {
    key: "workflow",
    header: "Workflow",
    kind: "text",
    format: TEXT,
    width: 28,
    required: true,
    value: (r) => r.workflow,
  },
  { key: "respondent", header: "Respondent", kind: "text", format: TEXT, width: 18, value: (r) => r.respondent },
  {
    key: "date",
    header: "Date",
    kind: "input",
    format: DATE_FORMAT,
    width: 12,
    required: true,
    value: (r) => storedDate(r.date),
  },
  ...ANSWER_COLUMNS.map(({ key, header }, i): ColumnSpec<AssessmentResponse, void> => ({
    key,
    header,
    kind: "input",
    format: null,
    required: true,
    value: (r) => r.answers[STATEMENTS[i].id] ?? "",
    validation: {
      kind: "whole",
      min: ANSWER_MIN,
      max: ANSWER_MAX,
      title: "Answers run from 0 to 5",
      message: "Type a whole number from 0 (strongly disagree) to 5 (strongly agree), or leave the cell empty.",
    },
  })),
  ...LAYERS.map((layer, k): ColumnSpec<AssessmentResponse, void> => ({
    key: SCORE_KEYS[k],
    header: `${layer.short} score`,
    kind: "derived",
    format: PERCENT,
    formula: (at) => {
      const answers = span(at, ANSWER_KEYS.slice(k * STATEMENTS_PER_LAYER, (k + 1) * STATEMENTS_PER_LAYER));
      // A layer with an unanswered statement has no score; PRODUCT must never skip it.
      return `=IF(COUNT(${answers})<${STATEMENTS_PER_LAYER},NA(),AVERAGE(${answers})/${ANSWER_MAX})`;
    },
    cached: cachedScore(k),
  })),
  {
    key: "realized",
    header: "Realized value",
    kind: "derived",
    format: PERCENT,
    formula: (at) => `=PRODUCT(${scores(at)})`,
    cached: whenComplete((realized) => realized),
  },
  {
    key: "gap",
    header: "Gap",
    kind: "derived",
    format: PERCENT,
    formula: (at) => `=1-${at("realized")}`,
    cached: whenComplete((realized) => 1 - realized),
  },
  {
    key: "band",
    header: "Band",
    kind: "derived",
    format: null,
    width: 12,
    formula: (at) => `=${bandFormula(at("gap"))}`,
    cached: whenComplete((realized) => bandOf(1 - realized)),
  },
  {
    key: "weakest",
    header: "Weakest layer",
    kind: "derived",
    format: null,
    width: 22,
    formula: (at) => `=${weakestFormula(at, SCORE_KEYS)}`,
    cached: whenComplete((_, layerScores) => LAYERS[weakestLayerIndex(layerScores)].name),
  },
  { key: "id", header: "Response ID", kind: "text", format: TEXT, width: 26, value: (r) => r.id },
  {
    key: "answered",
    header: "Answered",
    kind: "derived",
    format: WHOLE,
    since: 2,
    // Only rows with every statement answered count in a round's team result.
    formula: (at) => `=COUNT(${span(at, ANSWER_KEYS)})`,
    cached: (r) => assessAnswers(r.answers).answered,
  },
];

function parse(cell: (key: string) => unknown, row: number) {
  const workflow = textOf(cell("workflow"));
  if (!workflow) return fail<AssessmentResponse>("the workflow is blank");
  const date = readDateCell(cell("date"), "the date");
  if (!date.ok) return date;
  const answers: Record<string, number> = {};
  for (let i = 0; i < STATEMENTS.length; i++) {
    const value = cell(ANSWER_COLUMNS[i].key);
    if (isBlank(value)) continue;
    if (typeof value !== "number" || checkLimit(LIMITS.answer, value) !== null) {
      return fail<AssessmentResponse>(
        `${ANSWER_COLUMNS[i].header} is "${String(value)}", not a whole number from 0 to 5`,
      );
    }
    answers[STATEMENTS[i].id] = value;
  }
  return ok<AssessmentResponse>({
    id: textOf(cell("id")) || `sheet-row-${row}`,
    workflow,
    respondent: textOf(cell("respondent")),
    date: date.value,
    answers,
  });
}

/** Version 1 had no "Answered" column; version 2 adds it, for round results over complete rows. */
export const ASSESSMENTS: TableSpec<AssessmentResponse, void> = {
  sheet: ASSESSMENTS_SHEET,
  table: ASSESSMENTS_TABLE,
  version: 2,
  columns,
  idKey: "id",
  idOf: (r) => r.id,
  parse,
  matchKey: "workflow",
};

/** Statements answered in full: the value the "Answered" column holds for a complete response. */
export const COMPLETE_COUNT = STATEMENT_COUNT;
