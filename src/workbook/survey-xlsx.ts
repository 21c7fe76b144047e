// The first sheet of an .xlsx file (a Microsoft Forms export, a spreadsheet typed by hand) as a grid
// of survey cells. exceljs is passed in, so the task pane loads it only when a file is chosen.
// A formula cell gives its last computed value, never the formula; rich text and links give their
// text; dates give "YYYY-MM-DD hh:mm:ss" as the sheet shows them.
import type { CellValue, Workbook } from "exceljs";
import {
  IMPORT_LIMITS,
  ImportLimitError,
  cellProblem,
  checkXlsx,
  checkXlsxUnpacked,
  count,
  rowsProblem,
} from "./import-limits";
import { columnLetter } from "./sheets/spec";
import type { SurveyCell, SurveyGrid } from "./survey-import";

const pad = (n: number) => String(n).padStart(2, "0");

/** exceljs gives a date cell as the Date whose UTC fields are the time the sheet shows. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

/** One cell's value as a survey cell. */
export function surveyCell(value: CellValue | undefined): SurveyCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return dateText(value);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: CellValue }).result;
    return result === undefined ? null : surveyCell(result);
  }
  if ("text" in value) {
    const text = (value as { text: unknown }).text;
    return typeof text === "string" ? text : surveyCell(text as CellValue);
  }
  return null;
}

/**
 * The first sheet with anything in it, as a grid of cells. The import limits apply: the zip's
 * declared sizes before anything is unpacked (unpacked size, unpack ratio; a file cut short is
 * refused here too), then rows, columns and the characters of each cell. Past one it throws
 * ImportLimitError naming the limit and the file's figure.
 *
 * @example
 * const { grid, sheet } = await readXlsxGrid(bytes, await import("exceljs"), "Forms.xlsx");
 */
export async function readXlsxGrid(
  data: ArrayBuffer,
  ExcelJS: typeof import("exceljs"),
  fileName: string,
): Promise<{ grid: SurveyGrid; sheet: string }> {
  const bytes = new Uint8Array(data);
  await checkXlsxUnpacked(fileName, bytes, checkXlsx(fileName, bytes));
  const workbook: Workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new Error(
      `The file could not be read as an .xlsx workbook (${(error as Error).message}). Save it as .xlsx or CSV and try again.`,
    );
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0);
  if (!sheet) throw new Error("The workbook has no sheet with anything in it.");
  if (sheet.rowCount > IMPORT_LIMITS.rows) {
    throw new ImportLimitError(rowsProblem(fileName, count(sheet.rowCount)));
  }
  const width = sheet.columnCount;
  if (width > IMPORT_LIMITS.columns) {
    throw new ImportLimitError(
      `The sheet “${sheet.name}” of “${fileName}” has ${count(width)} columns; AGAP imports up to ` +
        `${count(IMPORT_LIMITS.columns)} columns.`,
    );
  }
  const grid: SurveyCell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    // Row values are 1-based: index 0 is always empty.
    const values = sheet.getRow(r).values as CellValue[] | Record<string, CellValue>;
    const cells: SurveyCell[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = surveyCell((values as Record<number, CellValue>)[c]);
      if (typeof cell === "string" && cell.length > IMPORT_LIMITS.cellChars) {
        throw new ImportLimitError(cellProblem(fileName, { row: r, column: columnLetter(c - 1) }, cell.length));
      }
      cells.push(cell);
    }
    grid.push(cells);
  }
  return { grid, sheet: sheet.name };
}
