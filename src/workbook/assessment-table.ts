// The layout of the "AGAP Assessments" table, shared by the Excel writer and the file exports.
// Pure: no Office.js here. Layer scores, realized value, gap, band and weakest layer are native
// formulas over the answers in the same row, so the sheet stays live without the add-in.
import {
  BANDS,
  DEFAULT_BAND_THRESHOLDS,
  LAYERS,
  STATEMENTS,
  STATEMENTS_PER_LAYER,
  assessAnswers,
  bandOf,
  isAnswer,
  realizedValue,
  weakestLayerIndex,
  type AssessmentResponse,
} from "../model";

export const ASSESSMENTS_SHEET = "AGAP Assessments";
export const ASSESSMENTS_TABLE = "AgapAssessments";

/** Header of each statement's answer column: "Strategy 1" … "Adoption 3". */
export const ANSWER_HEADERS = STATEMENTS.map((statement, i) => {
  const layer = LAYERS.find((l) => l.id === statement.layer)!;
  return `${layer.short} ${(i % STATEMENTS_PER_LAYER) + 1}`;
});
export const SCORE_HEADERS = LAYERS.map((layer) => `${layer.short} score`);

export const HEADERS = [
  "Workflow",
  "Respondent",
  "Date",
  ...ANSWER_HEADERS,
  ...SCORE_HEADERS,
  "Realized value",
  "Gap",
  "Band",
  "Weakest layer",
  "Response ID",
] as const;

/** Zero-based column positions. */
export const COL = {
  workflow: 0,
  respondent: 1,
  date: 2,
  firstAnswer: 3,
  firstScore: 3 + STATEMENTS.length,
  realized: 3 + STATEMENTS.length + LAYERS.length,
  gap: 4 + STATEMENTS.length + LAYERS.length,
  band: 5 + STATEMENTS.length + LAYERS.length,
  weakest: 6 + STATEMENTS.length + LAYERS.length,
  id: 7 + STATEMENTS.length + LAYERS.length,
} as const;

/** Columns typed by people, always stored as text. */
export const TEXT_COLUMNS = [COL.workflow, COL.respondent, COL.id];

/**
 * Excel column letters of a zero-based index.
 *
 * @example
 * columnLetter(0) //=> "A"
 * columnLetter(27) //=> "AB"
 */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const cell = (column: number, row: number) => `${columnLetter(column)}${row}`;

/** The band formula, built from the same thresholds the model uses. */
function bandFormula(gapCell: string): string {
  let formula = `"${BANDS[BANDS.length - 1]}"`;
  for (let i = DEFAULT_BAND_THRESHOLDS.length - 1; i >= 0; i--) {
    formula = `IF(${gapCell}>=${DEFAULT_BAND_THRESHOLDS[i]},"${BANDS[i]}",${formula})`;
  }
  return `=${formula}`;
}

/**
 * The native formulas of the computed columns for a sheet row (1-based, as Excel numbers rows),
 * in column order: five layer scores, realized value, gap, band, weakest layer.
 *
 * @example
 * rowFormulas(2)[0] //=> "=IF(COUNT(D2:F2)<3,NA(),AVERAGE(D2:F2)/5)"
 * rowFormulas(2)[5] //=> "=PRODUCT(S2:W2)"
 */
export function rowFormulas(row: number): string[] {
  const scores = LAYERS.map((_, k) => {
    const first = cell(COL.firstAnswer + k * STATEMENTS_PER_LAYER, row);
    const last = cell(COL.firstAnswer + k * STATEMENTS_PER_LAYER + STATEMENTS_PER_LAYER - 1, row);
    return `=IF(COUNT(${first}:${last})<${STATEMENTS_PER_LAYER},NA(),AVERAGE(${first}:${last})/5)`;
  });
  const scoreRange = `${cell(COL.firstScore, row)}:${cell(COL.firstScore + LAYERS.length - 1, row)}`;
  const names = LAYERS.map((layer) => `"${layer.name}"`).join(",");
  return [
    ...scores,
    `=PRODUCT(${scoreRange})`,
    `=1-${cell(COL.realized, row)}`,
    bandFormula(cell(COL.gap, row)),
    `=INDEX({${names}},MATCH(MIN(${scoreRange}),${scoreRange},0))`,
  ];
}

/** What the computed columns evaluate to, for cached values in exported files. */
export function rowResults(response: AssessmentResponse): (number | string | null)[] {
  const { layerScores } = assessAnswers(response.answers);
  const complete = layerScores.every((score) => score !== null);
  if (!complete) return [...layerScores, null, null, null, null];
  const scores = layerScores as number[];
  const realized = realizedValue(scores);
  return [...scores, realized, 1 - realized, bandOf(1 - realized), LAYERS[weakestLayerIndex(scores)].name];
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * An ISO date as an Excel date serial number.
 *
 * @example
 * dateToSerial("2026-01-01") //=> 46023
 */
export function dateToSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH_UTC) / DAY_MS);
}

/**
 * An Excel date serial number as an ISO date.
 *
 * @example
 * serialToDate(46023) //=> "2026-01-01"
 */
export function serialToDate(serial: number): string {
  return new Date(EXCEL_EPOCH_UTC + Math.round(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** The values of the typed-in columns of one response: workflow, respondent, date, 15 answers. */
export function inputValues(response: AssessmentResponse): (string | number | null)[] {
  return [
    response.workflow,
    response.respondent,
    response.date ? dateToSerial(response.date) : null,
    ...STATEMENTS.map((statement) => response.answers[statement.id] ?? null),
  ];
}

/** A row read back from the sheet, or why it cannot be used. */
export type ParsedRow = { ok: true; response: AssessmentResponse } | { ok: false; row: number; problem: string };

function readDate(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number" && Number.isFinite(value)) return serialToDate(value);
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return value.trim();
  return null;
}

/**
 * Reads one table row (values in HEADERS order) back into a response. Rows typed or edited by
 * hand are respected: a blank answer stays unanswered, and a row without an id gets one from
 * its position. Answers outside 0–5 or dates that cannot be read make the row unusable, with
 * the reason, rather than a wrong number.
 *
 * @example
 * parseRow(["Invoice triage", "Ana", 46023, 4, 4, 4, ...], 2)
 * //=> { ok: true, response: { workflow: "Invoice triage", respondent: "Ana", date: "2026-01-01", ... } }
 */
export function parseRow(values: readonly unknown[], row: number): ParsedRow {
  const workflow = String(values[COL.workflow] ?? "").trim();
  if (!workflow) return { ok: false, row, problem: "the workflow is blank" };
  const date = readDate(values[COL.date]);
  if (date === null) return { ok: false, row, problem: `the date "${String(values[COL.date])}" is not a date` };
  const answers: Record<string, number> = {};
  for (let i = 0; i < STATEMENTS.length; i++) {
    const value = values[COL.firstAnswer + i];
    if (value === null || value === undefined || value === "") continue;
    if (!isAnswer(value)) {
      return { ok: false, row, problem: `${ANSWER_HEADERS[i]} is "${String(value)}", not a whole number from 0 to 5` };
    }
    answers[STATEMENTS[i].id] = value;
  }
  const id = String(values[COL.id] ?? "").trim() || `sheet-row-${row}`;
  return {
    ok: true,
    response: { id, workflow, respondent: String(values[COL.respondent] ?? "").trim(), date, answers },
  };
}
