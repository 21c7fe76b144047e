// The .xlsx export for the task pane outside Excel: every AGAP table written from its sheet spec,
// with the same formulas as the Excel writer and cached values from the model, plus the hidden
// sheet of layout versions. exceljs is passed in so the task pane loads it only when asked.
import type { CellValue, Workbook, Worksheet } from "exceljs";
import { roundsOf, workflowNames, type AssessmentResponse, type AssessmentRound } from "../model";
import { ASSESSMENTS, ASSESSMENTS_SHEET } from "./sheets/assessments";
import { SUMMARY } from "./sheets/summary";
import {
  LAYOUTS_SHEET,
  headersOf,
  isBlank,
  layoutOf,
  migratedHeader,
  planMigration,
  readTable,
  recordedVersion,
  rowCells,
  rowFormulas,
  specLayout,
  textOf,
  withVersion,
  type CachedValue,
  type SkippedRow,
  type TableSpec,
} from "./sheets/spec";

export { SUMMARY_SHEET } from "./sheets/summary";
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * A formula as the file stores it: without the leading "=".
 *
 * @example
 * fileFormula("=PRODUCT(S2:W2)") //=> "PRODUCT(S2:W2)"
 */
export const fileFormula = (formula: string) => formula.replace(/^=/, "");

const formulaCell = (formula: string, result: CachedValue): CellValue =>
  ({ formula: fileFormula(formula), result }) as CellValue;

/** Versions of the tables written so far, per workbook. */
const versions = new WeakMap<Workbook, unknown[][]>();

/**
 * Writes one AGAP table from its spec on a new sheet: the table (with one empty row when there
 * are no records, so other sheets' references to it still resolve), formats, validation, and the
 * cached value of every formula from the model.
 */
export function writeSpecTable<R, C>(
  workbook: Workbook,
  spec: TableSpec<R, C>,
  records: readonly R[],
  context: C,
): Worksheet {
  if (workbook.getWorksheet(spec.sheet)) throw new Error(`The workbook already has a sheet named "${spec.sheet}".`);
  const sheet = workbook.addWorksheet(spec.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  const layout = specLayout(spec);
  const rows: CellValue[][] = records.map((record, i) => {
    const cells = rowCells(spec, layout, record, i + 2);
    return spec.columns.map((column, c) => {
      if (column.kind === "derived") return formulaCell(cells.formulas[c]!, column.cached(record, context));
      const value = cells.values[c];
      if (value === "" || value === null) return null;
      // Text typed by people stays text: a string value is never read as a formula.
      return column.kind === "text" ? String(value) : value;
    });
  });
  sheet.addTable({
    name: spec.table,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: headersOf(spec).map((name) => ({ name, filterButton: true })),
    rows: rows.length > 0 ? rows : [spec.columns.map(() => null)],
  });
  sheet.getRow(1).font = { bold: true };
  spec.columns.forEach((column, c) => {
    sheet.getColumn(c + 1).width = column.width ?? Math.max(12, Math.min(column.header.length + 4, 30));
  });
  for (let r = 2; r <= Math.max(rows.length, 1) + 1; r++) {
    const row = sheet.getRow(r);
    spec.columns.forEach((column, c) => {
      const cell = row.getCell(c + 1);
      if (column.format) cell.numFmt = column.format;
      if (column.kind !== "derived" && column.validation) {
        const rule = column.validation;
        cell.dataValidation =
          rule.kind === "whole"
            ? {
                type: "whole",
                operator: "between",
                allowBlank: true,
                formulae: [rule.min, rule.max],
                showErrorMessage: true,
                errorTitle: rule.title,
                error: rule.message,
              }
            : {
                type: "list",
                allowBlank: true,
                formulae: [`"${rule.items.join(",")}"`],
                showErrorMessage: true,
                errorTitle: rule.title,
                error: rule.message,
              };
      }
    });
  }
  recordVersion(workbook, spec);
  return sheet;
}

/** Notes the table's layout version, for the hidden layouts sheet written last. */
function recordVersion<R, C>(workbook: Workbook, spec: TableSpec<R, C>): void {
  const known =
    versions.get(workbook) ??
    (workbook.getWorksheet(LAYOUTS_SHEET) ? sheetRows(workbook, LAYOUTS_SHEET).rowsWithHeader : []);
  versions.set(workbook, withVersion(known, spec.table, spec.version));
}

/** Writes the hidden layouts sheet, after every other sheet, with the versions noted so far. */
export function writeLayouts(workbook: Workbook): void {
  const grid = versions.get(workbook);
  if (!grid) return;
  const existing = workbook.getWorksheet(LAYOUTS_SHEET);
  if (existing) workbook.removeWorksheet(existing.id);
  const sheet = workbook.addWorksheet(LAYOUTS_SHEET, { state: "hidden" });
  grid.forEach((values, r) => (sheet.getRow(r + 1).values = values as CellValue[]));
}

/** Every round of every workflow, workflows in first-seen order, rounds oldest first. */
export function allRounds(responses: readonly AssessmentResponse[]): AssessmentRound[] {
  return workflowNames(responses).flatMap((workflow) => roundsOf(responses, workflow));
}

/**
 * The assessments as an .xlsx file: the "AGAP Assessments" table and the "AGAP Summary" of every
 * workflow and round, with native formulas and cached values.
 *
 * @example
 * const bytes = await buildAssessmentWorkbook(responses, await import("exceljs"));
 * new Blob([bytes], { type: XLSX_MIME });
 */
export async function buildAssessmentWorkbook(
  responses: readonly AssessmentResponse[],
  ExcelJS: typeof import("exceljs"),
  /** Adds further sheets (the planning tools) before the file is written. */
  extend?: (workbook: Workbook) => void,
): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "AGAP";
  // No forced recalculation on open: the cached values come from the same model, and tests check
  // them against the formulas.
  workbook.calcProperties.fullCalcOnLoad = false;
  checkResponses(responses);
  writeSpecTable(workbook, ASSESSMENTS, responses, undefined);
  writeSpecTable(workbook, SUMMARY, allRounds(responses), undefined);
  extend?.(workbook);
  writeLayouts(workbook);
  const bytes: unknown = await workbook.xlsx.writeBuffer();
  if (bytes instanceof ArrayBuffer) return bytes;
  if (ArrayBuffer.isView(bytes)) {
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }
  throw new Error("exceljs returned the file in a form that is neither bytes nor an ArrayBuffer.");
}

/** Stops the export when a stored response would make the formulas disagree with the model. */
function checkResponses(responses: readonly AssessmentResponse[]): void {
  const layout = specLayout(ASSESSMENTS);
  responses.forEach((response, i) => {
    const cells = rowCells(ASSESSMENTS, layout, response, i + 2);
    const read = readTable(ASSESSMENTS, headersOf(ASSESSMENTS), [cells.values.map((v) => v ?? "")], 2);
    if (read.skipped.length > 0) {
      throw new Error(
        `The response "${response.id}" (workflow "${response.workflow}") cannot be exported: ${read.skipped[0].problem}.`,
      );
    }
  });
}

/** A cell as a reader expects it: formulas give their cached result, dates their serial. */
export function plainValue(value: CellValue): unknown {
  if (value instanceof Date) return Math.round(value.getTime() / 86_400_000 + 25_569);
  if (value !== null && typeof value === "object") {
    if ("result" in value) return plainValue((value.result ?? null) as CellValue);
    if ("richText" in value) return value.richText.map((run) => run.text).join("");
    if ("text" in value) return value.text;
    if ("error" in value) return value.error;
  }
  return value ?? null;
}

/** The header and body of a spec's sheet in an .xlsx workbook (the table starts at A1). */
export function sheetRows(
  workbook: Workbook,
  sheetName: string,
): { header: unknown[]; rows: unknown[][]; rowsWithHeader: unknown[][] } {
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) throw new Error(`The workbook has no "${sheetName}" sheet.`);
  // Indexed by row and column number, from 1; rows and cells never written are holes.
  const grid = sheet.getSheetValues() as (CellValue[] | undefined)[];
  let width = 0;
  // The grid is sparse: a loop visits the holes that map would skip.
  for (let r = 0; r < grid.length; r++) width = Math.max(width, (grid[r]?.length ?? 1) - 1);
  const line = (r: number) => Array.from({ length: width }, (_, c) => plainValue(grid[r]?.[c + 1] ?? null));
  const rows: unknown[][] = [];
  for (let r = 2; r < grid.length; r++) rows.push(line(r));
  return { header: line(1), rows, rowsWithHeader: [line(1), ...rows] };
}

/** Reads a spec's table back from an .xlsx workbook, by header, with the reason for every unreadable row. */
export function readSpecSheet<R, C>(workbook: Workbook, spec: TableSpec<R, C>): { items: R[]; skipped: SkippedRow[] } {
  const { header, rows } = sheetRows(workbook, spec.sheet);
  const read = readTable(spec, header, rows, 2);
  return { items: read.items, skipped: read.skipped };
}

/** Reads the "AGAP Assessments" sheet of an .xlsx workbook back into responses. */
export function readAssessmentRows(workbook: Workbook): { items: AssessmentResponse[]; skipped: SkippedRow[] } {
  return readSpecSheet(workbook, ASSESSMENTS);
}

export { ASSESSMENTS_SHEET };

/**
 * Brings one AGAP table of an .xlsx workbook up to the spec's layout, as the Excel writer does on
 * its next save: headers renamed, missing columns added at the end, every formula rewritten and
 * its cached value recomputed, every typed value (and any column a person added) kept. Returns
 * false when the table is already current; throws with the reason, changing nothing, when it
 * cannot be migrated.
 *
 * @example
 * migrateXlsxTable(workbook, ROI, { responses }) //=> true (a layout-1 ROI table gains "Latest assessment")
 */
export function migrateXlsxTable<R, C>(workbook: Workbook, spec: TableSpec<R, C>, context: C): boolean {
  const layouts = workbook.getWorksheet(LAYOUTS_SHEET);
  const recorded = layouts ? recordedVersion(sheetRows(workbook, LAYOUTS_SHEET).rowsWithHeader, spec.table) : null;
  const { header, rows } = sheetRows(workbook, spec.sheet);
  const plan = planMigration(spec, header, recorded);
  if (!plan.ok) throw new Error(plan.problem);
  if (!plan.migration) return false;
  // Trailing blank headers are cells beside the table, not columns of it; Excel names a blank one ColumnN.
  let width = header.length;
  while (width > 0 && isBlank(header[width - 1])) width--;
  const named = header.slice(0, width).map((name, c) => (isBlank(name) ? `Column${c + 1}` : name));
  const newHeader = migratedHeader(spec, named, plan.migration);
  const layout = layoutOf(spec, newHeader);
  const read = readTable(spec, newHeader, rows, 2);
  const records = new Map<number, R>();
  // Rows are read again under the new layout to compute their cached values.
  read.items.forEach((record) => {
    const id = spec.idOf(record);
    const at = rows.findIndex(
      (values, i) => textOf(values[layout.position[spec.idKey]]) === id || `sheet-row-${i + 2}` === id,
    );
    if (at >= 0) records.set(at, record);
  });
  const body: CellValue[][] = rows
    .filter((values) => values.some((value) => !isBlank(value)))
    .map((values, i) => {
      const out: CellValue[] = newHeader.map((_, c) => (values[c] ?? null) as CellValue);
      const record = records.get(i);
      const formulas = rowFormulas(spec, layout, i + 2);
      spec.columns.forEach((column) => {
        const c = layout.position[column.key];
        if (column.kind !== "derived" || c < 0) return;
        const cached = record === undefined ? { error: "#VALUE!" as const } : column.cached(record, context);
        out[c] = formulaCell(formulas[c]!, cached);
      });
      return out;
    });
  // exceljs cannot widen a table it read, so the sheet is written again (it moves to the end).
  workbook.removeWorksheet(workbook.getWorksheet(spec.sheet)!.id);
  const sheet = workbook.addWorksheet(spec.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addTable({
    name: spec.table,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: newHeader.map((name) => ({ name, filterButton: true })),
    rows: body.length > 0 ? body : [newHeader.map(() => null)],
  });
  sheet.getRow(1).font = { bold: true };
  for (let r = 2; r <= Math.max(body.length, 1) + 1; r++) {
    for (const column of spec.columns) {
      const c = layout.position[column.key];
      if (c >= 0 && column.format) sheet.getRow(r).getCell(c + 1).numFmt = column.format;
    }
  }
  recordVersion(workbook, spec);
  writeLayouts(workbook);
  return true;
}
