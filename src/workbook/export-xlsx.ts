// The .xlsx export for the task pane outside Excel: the same "AGAP Assessments" table as the
// Excel writer (native formulas plus cached values), and a per-workflow summary. exceljs is
// passed in so the task pane loads it only when the user asks for the file.
import type { CellValue, Workbook, Worksheet } from "exceljs";
import {
  ANSWER_MAX,
  LAYERS,
  STATEMENTS,
  STATEMENTS_PER_LAYER,
  aggregateLayers,
  isAnswer,
  realizedValue,
  workflowNames,
  type AssessmentResponse,
} from "../model";
import {
  ANSWER_HEADERS,
  ASSESSMENTS_SHEET,
  ASSESSMENTS_TABLE,
  COL,
  HEADERS,
  TEXT_COLUMNS,
  columnLetter,
  inputValues,
  parseRow,
  rowFormulas,
  rowResults,
  type ParsedRow,
} from "./assessment-table";

export const SUMMARY_SHEET = "AGAP Summary";
export const SUMMARY_HEADERS = [
  "Workflow",
  "Respondents",
  ...LAYERS.map((layer) => `${layer.short} mean`),
  "Realized value",
  "Gap",
] as const;

export const PERCENT_FORMAT = "0.0%";
export const DATE_FORMAT = "yyyy-mm-dd";
const NA: CellValue = { error: "#N/A" } as CellValue;

/** Zero-based columns of the assessments sheet shown as percentages: layer scores, realized value, gap. */
export const PERCENT_COLUMNS = Array.from({ length: COL.gap - COL.firstScore + 1 }, (_, i) => COL.firstScore + i);

const COLUMN_WIDTHS: Record<number, number> = {
  [COL.workflow]: 28,
  [COL.respondent]: 18,
  [COL.date]: 12,
  [COL.band]: 12,
  [COL.weakest]: 22,
  [COL.id]: 26,
};

const assessmentsRef = `'${ASSESSMENTS_SHEET.replace(/'/g, "''")}'!`;
const dataRange = (column: number, lastRow: number) =>
  `${assessmentsRef}$${columnLetter(column)}$2:$${columnLetter(column)}$${lastRow}`;

/**
 * The summary formulas of one workflow row (1-based), in SUMMARY_HEADERS order after the name,
 * over assessment rows 2…lastDataRow. Rows match the name in column A with EXACT, as the model
 * compares names; AVERAGEIFS criteria would ignore case, expand * and ? and read names such as
 * "+1" or "1/2" as numbers. A respondent counts in a layer's mean only when the layer's score is a
 * number (all three answers given); the mean is taken from the answers, since SUMPRODUCT cannot
 * skip the #N/A of an incomplete layer.
 *
 * @example
 * summaryFormulas(2, 5)[0] //=> "=SUMPRODUCT(--EXACT('AGAP Assessments'!$A$2:$A$5,$A2))"
 * summaryFormulas(2, 5)[6] //=> "=PRODUCT(C2:G2)"
 */
export function summaryFormulas(row: number, lastDataRow: number): string[] {
  const name = `$A${row}`;
  const matches = `EXACT(${dataRange(COL.workflow, lastDataRow)},${name})`;
  const means = LAYERS.map((_, k) => {
    const mask = `${matches}*ISNUMBER(${dataRange(COL.firstScore + k, lastDataRow)})`;
    const sums = Array.from(
      { length: STATEMENTS_PER_LAYER },
      (_, j) => `SUMPRODUCT(${mask},${dataRange(COL.firstAnswer + k * STATEMENTS_PER_LAYER + j, lastDataRow)})`,
    );
    return `=IF(SUMPRODUCT(${mask})=0,NA(),(${sums.join("+")})/(${ANSWER_MAX * STATEMENTS_PER_LAYER}*SUMPRODUCT(${mask})))`;
  });
  const firstMean = columnLetter(2);
  const lastMean = columnLetter(2 + LAYERS.length - 1);
  const realized = columnLetter(2 + LAYERS.length);
  return [
    `=SUMPRODUCT(--${matches})`,
    ...means,
    `=PRODUCT(${firstMean}${row}:${lastMean}${row})`,
    `=1-${realized}${row}`,
  ];
}

/** What the summary formulas of one workflow evaluate to, from the model. */
export function summaryResults(responses: readonly AssessmentResponse[], workflow: string): (number | null)[] {
  const group = responses.filter((response) => response.workflow === workflow);
  const means = aggregateLayers(group).map((aggregate) => aggregate.mean);
  const realized = means.every((mean) => mean !== null) ? realizedValue(means as number[]) : null;
  return [group.length, ...means, realized, realized === null ? null : 1 - realized];
}

/** Stops the export when a stored response would make the formulas disagree with the model. */
function checkResponse(response: AssessmentResponse): void {
  const label = `The response "${response.id}" (workflow "${response.workflow}")`;
  if (response.date !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(response.date)) {
    throw new Error(`${label} has the date "${response.date}", which is not YYYY-MM-DD.`);
  }
  STATEMENTS.forEach((statement, i) => {
    const answer = response.answers[statement.id];
    if (answer !== undefined && !isAnswer(answer)) {
      throw new Error(
        `${label} has ${String(answer)} for ${ANSWER_HEADERS[i]}; answers are whole numbers from 0 to 5.`,
      );
    }
  });
}

const formulaCell = (formula: string, result: number | string | null): CellValue =>
  ({ formula: formula.replace(/^=/, ""), result: result === null ? NA : result }) as CellValue;

/** One table row: typed-in values, then formulas with cached results, then the id. */
function tableRow(response: AssessmentResponse, row: number): CellValue[] {
  const values: CellValue[] = new Array(HEADERS.length).fill(null);
  inputValues(response).forEach((value, i) => (values[i] = value === "" ? null : value));
  values[COL.id] = response.id;
  // Names typed by people stay text: a string value is never read as a formula.
  for (const column of TEXT_COLUMNS) values[column] = values[column] === null ? null : String(values[column]);
  const results = rowResults(response);
  rowFormulas(row).forEach((formula, i) => (values[COL.firstScore + i] = formulaCell(formula, results[i])));
  return values;
}

function writeAssessments(sheet: Worksheet, responses: readonly AssessmentResponse[]): void {
  const rows = responses.map((response, i) => tableRow(response, i + 2));
  if (rows.length > 0) {
    sheet.addTable({
      name: ASSESSMENTS_TABLE,
      ref: "A1",
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: HEADERS.map((name) => ({ name, filterButton: true })),
      rows,
    });
  } else {
    // exceljs writes a table without data rows that Excel reports as damaged; a filter keeps the header usable.
    sheet.getRow(1).values = [...HEADERS];
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: HEADERS.length } };
  }
  HEADERS.forEach((_, i) => (sheet.getColumn(i + 1).width = COLUMN_WIDTHS[i] ?? 14));
  for (let row = 2; row <= rows.length + 1; row++) {
    const cells = sheet.getRow(row);
    cells.getCell(COL.date + 1).numFmt = DATE_FORMAT;
    for (const column of PERCENT_COLUMNS) cells.getCell(column + 1).numFmt = PERCENT_FORMAT;
    for (let i = 0; i < STATEMENTS.length; i++) {
      cells.getCell(COL.firstAnswer + i + 1).dataValidation = {
        type: "whole",
        operator: "between",
        allowBlank: true,
        formulae: [0, 5],
        showErrorMessage: true,
        errorTitle: "Answer from 0 to 5",
        error: "Enter a whole number from 0 (strongly disagree) to 5 (strongly agree), or leave it blank.",
      };
    }
  }
}

function writeSummary(sheet: Worksheet, responses: readonly AssessmentResponse[]): void {
  const header = sheet.getRow(1);
  header.values = [...SUMMARY_HEADERS];
  header.font = { bold: true };
  SUMMARY_HEADERS.forEach((_, i) => (sheet.getColumn(i + 1).width = i === 0 ? 28 : 14));
  const lastDataRow = responses.length + 1;
  workflowNames(responses).forEach((workflow, i) => {
    const row = sheet.getRow(i + 2);
    row.getCell(1).value = workflow;
    const results = summaryResults(responses, workflow);
    summaryFormulas(i + 2, lastDataRow).forEach((formula, j) => {
      const cell = row.getCell(j + 2);
      cell.value = formulaCell(formula, results[j]);
      if (j > 0) cell.numFmt = PERCENT_FORMAT;
    });
  });
}

/**
 * The assessments as an .xlsx file: the "AGAP Assessments" table with native formulas and
 * cached values, and the "AGAP Summary" sheet of team means per workflow.
 *
 * @example
 * const bytes = await buildAssessmentWorkbook(responses, await import("exceljs"));
 * new Blob([bytes], { type: XLSX_MIME });
 */
export async function buildAssessmentWorkbook(
  responses: readonly AssessmentResponse[],
  ExcelJS: typeof import("exceljs"),
  /** Adds further sheets (the planning tools) before the file is written. */
  extend?: (workbook: import("exceljs").Workbook) => void,
): Promise<ArrayBuffer> {
  responses.forEach(checkResponse);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "AGAP";
  // No forced recalculation on open: the cached values (from the same model, and checked against
  // the formulas in tests) stay visible where AGAP.* formulas cannot run without the add-in.
  workbook.calcProperties.fullCalcOnLoad = false;
  const frozen = { views: [{ state: "frozen" as const, ySplit: 1 }] };
  writeAssessments(workbook.addWorksheet(ASSESSMENTS_SHEET, frozen), responses);
  writeSummary(workbook.addWorksheet(SUMMARY_SHEET, frozen), responses);
  extend?.(workbook);
  const bytes: unknown = await workbook.xlsx.writeBuffer();
  if (bytes instanceof ArrayBuffer) return bytes;
  if (ArrayBuffer.isView(bytes)) {
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }
  throw new Error("exceljs returned the file in a form that is neither bytes nor an ArrayBuffer.");
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A cell as parseRow expects it: formulas give their cached result, dates their ISO day. */
function plainValue(value: CellValue): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value !== null && typeof value === "object") {
    if ("result" in value) return plainValue((value.result ?? null) as CellValue);
    if ("richText" in value) return value.richText.map((run) => run.text).join("");
    if ("text" in value) return value.text;
    if ("error" in value) return value.error;
  }
  return value ?? null;
}

/**
 * Reads the "AGAP Assessments" sheet of an .xlsx workbook back into responses, row by row,
 * with parseRow's reason for any row that cannot be used. Fully blank rows are skipped.
 */
export function readAssessmentRows(workbook: Workbook): ParsedRow[] {
  const sheet = workbook.getWorksheet(ASSESSMENTS_SHEET);
  if (!sheet) throw new Error(`The workbook has no "${ASSESSMENTS_SHEET}" sheet.`);
  // Indexed by row and column number, from 1; rows and cells never written are holes.
  const rows = sheet.getSheetValues() as (CellValue[] | undefined)[];
  const parsed: ParsedRow[] = [];
  for (let row = 2; row < rows.length; row++) {
    const values = HEADERS.map((_, i) => plainValue(rows[row]?.[i + 1] ?? null));
    if (values.every((value) => value === null || value === "")) continue;
    parsed.push(parseRow(values, row));
  }
  return parsed;
}
