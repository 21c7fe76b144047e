// CSV and JSON exports of the assessments, for the task pane outside Excel. Both carry the
// computed values from the model, never formulas, and hold the responses only: their file names
// say so, and the complete record of everything is the backup (backup.ts).
import {
  LAYERS,
  STATEMENTS,
  assessAnswers,
  bandOf,
  realizedValue,
  weakestLayerIndex,
  type AssessmentResponse,
  type LayerId,
} from "../model";
import { ASSESSMENTS } from "./sheets/assessments";
import { headersOf, type CachedValue } from "./sheets/spec";

/**
 * A text field made safe for spreadsheets: one that starts with =, +, -, @, tab or CR gets a
 * leading single quote, so a spreadsheet opening the CSV shows it as text, never runs it.
 *
 * @example
 * guardFormula('=HYPERLINK("x")') //=> `'=HYPERLINK("x")`
 * guardFormula("Invoice triage") //=> "Invoice triage"
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** An RFC 4180 field: quoted, with quotes doubled, when it holds a comma, quote or line break. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A cell as the CSV shows it: computed numbers, blank where the sheet shows an error. */
const csvValue = (value: CachedValue | string | number): string =>
  typeof value === "object" ? "" : typeof value === "string" ? guardFormula(value) : String(value);

/** One row in the sheet's column order: ISO dates, computed values from the model. */
function csvRow(response: AssessmentResponse): string[] {
  return ASSESSMENTS.columns.map((column) => {
    if (column.key === "date") return response.date;
    return csvValue(column.kind === "derived" ? column.cached(response) : column.value(response));
  });
}

/**
 * The assessments as RFC 4180 CSV with the sheet's headers, computed values instead of formulas
 * (blank where a layer is incomplete), CRLF line ends and guarded text fields.
 *
 * @example
 * toCsv([]) //=> "Workflow,Respondent,Date,Strategy 1,…,Response ID\r\n"
 */
export function toCsv(responses: readonly AssessmentResponse[]): string {
  const lines = [headersOf(ASSESSMENTS), ...responses.map(csvRow)];
  return lines.map((fields) => fields.map(csvField).join(",") + "\r\n").join("");
}

/** One response in the JSON export. */
export interface JsonResponse {
  id: string;
  workflow: string;
  respondent: string;
  date: string;
  answers: Record<string, number>;
  /** A score per layer id; null while the layer has an unanswered statement. */
  layerScores: Record<LayerId, number | null>;
  realized: number | null;
  gap: number | null;
  band: string | null;
  /** The weakest layer's id. */
  weakest: LayerId | null;
}

/** What the CSV and JSON exports hold, said in the pane next to the buttons and inside the JSON. */
export const RESPONSES_ONLY_NOTE =
  "Responses only, with their computed results. Scenarios, ROI rows, maturity stages and roadmaps are in the " +
  "backup (agap-backup-….json), the one file that holds every record.";

/** The JSON export. Deterministic: no timestamps, so the same data gives the same file. */
export interface JsonExport {
  format: "agap-assessments";
  version: 1;
  /** What the file holds and what it leaves out. */
  note: string;
  layers: { id: LayerId; name: string }[];
  statements: { id: string; layer: LayerId; text: string }[];
  responses: JsonResponse[];
}

function jsonResponse(response: AssessmentResponse): JsonResponse {
  const { layerScores, complete } = assessAnswers(response.answers);
  const realized = complete ? realizedValue(layerScores as number[]) : null;
  // Statement order first; answers under ids the model no longer has are kept, not dropped.
  const answers: Record<string, number> = {};
  for (const statement of STATEMENTS) {
    const answer = response.answers[statement.id];
    if (answer !== undefined) answers[statement.id] = answer;
  }
  for (const [id, answer] of Object.entries(response.answers)) {
    if (answer !== undefined && !(id in answers)) answers[id] = answer;
  }
  return {
    id: response.id,
    workflow: response.workflow,
    respondent: response.respondent,
    date: response.date,
    answers,
    layerScores: Object.fromEntries(LAYERS.map((layer, k) => [layer.id, layerScores[k]])) as Record<
      LayerId,
      number | null
    >,
    realized,
    gap: realized === null ? null : 1 - realized,
    band: realized === null ? null : bandOf(1 - realized),
    weakest: realized === null ? null : LAYERS[weakestLayerIndex(layerScores as number[])].id,
  };
}

/**
 * The assessments as pretty-printed JSON: the statements answered, then each response with
 * its computed layer scores, realized value, gap, band and weakest layer.
 *
 * @example
 * JSON.parse(toJson(responses)).responses[0].realized //=> 0.041813…
 */
export function toJson(responses: readonly AssessmentResponse[]): string {
  const document: JsonExport = {
    format: "agap-assessments",
    version: 1,
    note: RESPONSES_ONLY_NOTE,
    layers: LAYERS.map((layer) => ({ id: layer.id, name: layer.name })),
    statements: STATEMENTS.map((statement) => ({ id: statement.id, layer: statement.layer, text: statement.text })),
    responses: responses.map(jsonResponse),
  };
  return JSON.stringify(document, null, 2) + "\n";
}

/** xlsx: the workbook with every sheet; csv and json: the responses only; backup: every record as JSON. */
export type ExportKind = "xlsx" | "csv" | "json" | "backup";

/** Each file's name says what it holds: the CSV and JSON hold responses only. */
const FILE_NAMES: Record<ExportKind, [stem: string, extension: string]> = {
  xlsx: ["agap-assessments", "xlsx"],
  csv: ["agap-responses-only", "csv"],
  json: ["agap-responses-only", "json"],
  backup: ["agap-backup", "json"],
};

/**
 * The file name of an export made on a given day: a Date (its local day) or an ISO date.
 *
 * @example
 * downloadName("xlsx", new Date(2026, 10, 24)) //=> "agap-assessments-2026-11-24.xlsx"
 * downloadName("csv", "2026-11-24") //=> "agap-responses-only-2026-11-24.csv"
 * downloadName("backup", "2026-11-24") //=> "agap-backup-2026-11-24.json"
 */
export function downloadName(kind: ExportKind, date: Date | string): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  let day: string;
  if (typeof date === "string") {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`The export date "${date}" is not YYYY-MM-DD.`);
    day = date;
  } else {
    if (Number.isNaN(date.getTime())) throw new Error("The export date is not a valid date.");
    day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  }
  const [stem, extension] = FILE_NAMES[kind];
  return `${stem}-${day}.${extension}`;
}
