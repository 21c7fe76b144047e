import type ExcelJS from "exceljs";
import { STATEMENTS, type AssessmentResponse, type RoiEntry } from "../../src/model";
import { fileFormula } from "../../src/workbook/export-xlsx";
import {
  LAYOUTS_HEADER,
  LAYOUTS_SHEET,
  columnLetter,
  headersOf,
  rowCells,
  specLayout,
  type CachedValue,
  type Layout,
  type TableSpec,
} from "../../src/workbook/sheets/spec";
import type { Evaluated, EvaluatedWorkbook } from "../support/workbook-engine";
import type { FakeTable, FakeWorkbook } from "./fake-excel";
import { ROI_ENTRY } from "../model/roi-entry";

/**
 * A complete ROI row: the model tests' ROI_ENTRY, dated and discounted differently. By hand,
 * with build, integrate and govern paid once (3,000 + 1,000 + 500 = 4,500) and maintain paid
 * every period (500): the improvement is 40 − 25 = 15 h per week, worth 15 × 60 = 900 a week, so
 * the net flow is 900 − 500 = 400 a week. Over 12 weeks observed, the benefit is 10,800 against
 * 4,500 + 500 × 12 = 10,500 of cost: measured ROI = 300 / 10,500 = 1/35. Payback = 4,500 / 400 =
 * 11.25 weeks, within the 12-week horizon. NPV at 1% a week = 400 × (1 − 1.01^−12) / 0.01 − 4,500.
 */
export const ENTRY: RoiEntry = {
  ...ROI_ENTRY,
  metric: "Hours per week",
  unit: "h",
  baselineDate: "2026-01-10",
  goLiveDate: "2026-02-01",
  discountRate: 0.01,
  expectedValue: 1_000_000,
};

/** ENTRY's figures, by hand (see above). */
export const ENTRY_BY_HAND = {
  measuredRoi: (10_800 - 10_500) / 10_500,
  npv: (400 * (1 - 1.01 ** -12)) / 0.01 - 4500,
  payback: 4500 / 400,
  /** Expected value × the realized value of LATEST (0.8 × 0.6 × 0.5 × 0.4 × 0.5 = 0.048). */
  projected: 1_000_000 * 0.048,
};

/** The article's example profile, used as a workflow's latest layer scores. */
export const LATEST = [0.8, 0.6, 0.5, 0.4, 0.5];

/** Answers as the model stores them, from a list in statement order (undefined leaves one blank). */
export const answersOf = (list: readonly (number | undefined)[]): Record<string, number> =>
  Object.fromEntries(
    STATEMENTS.flatMap((statement, i) => (list[i] === undefined ? [] : [[statement.id, list[i] as number]])),
  );

/**
 * Two complete responses whose team means are LATEST: layer sums 12, 9, 7, 6, 7 and 12, 9, 8, 6, 8
 * out of 15, so the means are 24/30 = 0.8, 18/30 = 0.6, 15/30 = 0.5, 12/30 = 0.4, 15/30 = 0.5.
 */
export const LATEST_ANSWERS = [
  [4, 4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 2, 3, 2, 2],
  [4, 4, 4, 3, 3, 3, 2, 3, 3, 2, 2, 2, 2, 3, 3],
] as const;

/** A team of two whose round on `date` has the team result LATEST. */
export function latestTeam(workflow = "Invoice triage", date = "2026-01-05", prefix = "t"): AssessmentResponse[] {
  return LATEST_ANSWERS.map((list, i) => ({
    id: `${prefix}-${i + 1}`,
    workflow,
    respondent: ["Ana", "Ben"][i],
    date,
    answers: answersOf(list),
  }));
}

/**
 * A record's row as a person would type it into a table laid out as the spec: the input cells
 * (dates as serials, blanks as ""), and "" where AGAP writes a formula.
 */
export function typedRow<R, C>(spec: TableSpec<R, C>, record: R): unknown[] {
  return rowCells(spec, specLayout(spec), record, 2).values.map((value) => value ?? "");
}

/** A cell of an exceljs sheet by 1-based row and 0-based column, as the specs count columns. */
export const xlsxCell = (sheet: ExcelJS.Worksheet, row: number, column: number) =>
  sheet.getRow(row).getCell(column + 1);

/**
 * Checks the cached result a formula cell holds in an .xlsx file. exceljs drops a falsy result
 * (0 or "") when a cell is given { formula, result }, so for those the file holds none and Excel
 * computes them on opening; every other result must be there and equal the model's.
 */
export function expectFileResult(cell: ExcelJS.Cell, cached: CachedValue): void {
  const dropped = cached === 0 || cached === "";
  const stored = cell.result as unknown;
  if (stored instanceof Date && Number.isNaN(stored.getTime())) {
    // exceljs reads an error result in a date-formatted cell back as an invalid Date, though the
    // file holds the error itself (t="e"); only an error can come back this way.
    expect({ at: cell.address, cached: typeof cached === "object" && "error" in cached }).toEqual({
      at: cell.address,
      cached: true,
    });
    return;
  }
  // exceljs reads a number in a date-formatted cell back as a Date; the model caches the serial.
  const serial = stored instanceof Date ? Math.round(stored.getTime() / 86_400_000 + 25_569) : stored;
  const result = serial === undefined && dropped ? cached : serial;
  if (typeof cached === "number") {
    expect({ at: cell.address, result: typeof result }).toEqual({ at: cell.address, result: "number" });
    expect(result as number).toBeCloseTo(cached, 12);
  } else {
    expect({ at: cell.address, result }).toEqual({ at: cell.address, result: cached });
  }
}

/**
 * Every derived cell of a spec's sheet (written from A1) holds the spec's formula for its row and
 * caches the spec's value of its record.
 */
export function expectFormulasAndCache<R, C>(
  sheet: ExcelJS.Worksheet,
  spec: TableSpec<R, C>,
  records: readonly R[],
  context: C,
): void {
  const layout = specLayout(spec);
  records.forEach((record, i) => {
    const formulas = rowCells(spec, layout, record, i + 2).formulas;
    spec.columns.forEach((column, c) => {
      if (column.kind !== "derived") return;
      const cell = xlsxCell(sheet, i + 2, c);
      expect({ at: cell.address, formula: cell.formula }).toEqual({
        at: cell.address,
        formula: fileFormula(formulas[c]!),
      });
      expectFileResult(cell, column.cached(record, context));
    });
  });
}

/** A number within 1e-12 of the model's (relative above 1), or the same text or error. */
export function expectSameValue(where: string, value: Evaluated, cached: CachedValue): void {
  if (typeof cached === "number") {
    const close = typeof value === "number" && Math.abs(value - cached) <= 1e-12 * Math.max(1, Math.abs(cached));
    expect({ where, value: close ? cached : value }).toEqual({ where, value: cached });
  } else {
    expect({ where, value }).toEqual({ where, value: cached });
  }
}

/**
 * Every derived cell of one record's row (sheet row `row`, 1-based) in a table laid out as
 * `layout`, evaluated, equals the spec's value of the record.
 */
export function expectRowAsModel<R, C>(
  evaluated: EvaluatedWorkbook,
  spec: TableSpec<R, C>,
  layout: Layout,
  row: number,
  record: R,
  context: C,
): void {
  for (const column of spec.columns) {
    const at = layout.position[column.key];
    if (column.kind !== "derived" || at < 0) continue;
    const where = `${spec.sheet}!${columnLetter(layout.left + at)}${row} (${column.header})`;
    expectSameValue(where, evaluated.value(spec.sheet, row, layout.left + at), column.cached(record, context));
  }
}

/** Every derived cell of a spec's rows (a table at A1), evaluated, equals the spec's value of its record. */
export function expectEvaluatedAsModel<R, C>(
  evaluated: EvaluatedWorkbook,
  spec: TableSpec<R, C>,
  records: readonly R[],
  context: C,
): void {
  const layout = specLayout(spec);
  records.forEach((record, i) => expectRowAsModel(evaluated, spec, layout, i + 2, record, context));
}

// ---------------------------------------------------------------------------------------------
// Tables in the Office.js fake
// ---------------------------------------------------------------------------------------------

/**
 * Puts a spec's table on its sheet as AGAP writes it: the header row at `headerRow`, then one row
 * per record with its input values, formulas and number formats.
 */
export function placeTable<R, C>(
  book: FakeWorkbook,
  spec: TableSpec<R, C>,
  records: readonly R[],
  headerRow = 1,
): FakeTable {
  const layout = specLayout(spec);
  const rows = records.map((record, i) => rowCells(spec, layout, record, headerRow + 1 + i));
  const table = book.addTable(
    spec.table,
    spec.sheet,
    headersOf(spec),
    rows.map((cells) => cells.values.map((value) => value ?? "")),
    { headerRow },
  );
  rows.forEach((cells, i) =>
    cells.formulas.forEach((formula, c) => {
      const cell = table.sheet.at(headerRow + i, c);
      cell.format = cells.formats[c] ?? "General";
      if (formula !== null) {
        cell.formula = formula;
        cell.value = undefined;
      }
    }),
  );
  return table;
}

/**
 * Records the current layout version of the given specs' tables on the layouts sheet, as a
 * workbook written by this version of AGAP holds them.
 */
export function recordLayouts(book: FakeWorkbook, specs: readonly TableSpec<any, any>[]): void {
  const sheet = book.sheet(LAYOUTS_SHEET) ?? book.addSheet(LAYOUTS_SHEET);
  sheet.visibility = "Hidden";
  [[...LAYOUTS_HEADER], ...specs.map((spec) => [spec.table, spec.version])].forEach((values, r) =>
    values.forEach((value, c) => (sheet.at(r, c).value = value)),
  );
}

/** The layout versions recorded on the layouts sheet, row by row. */
export function recordedLayouts(book: FakeWorkbook): unknown[][] {
  const sheet = book.sheet(LAYOUTS_SHEET);
  if (!sheet) return [];
  const rows: unknown[][] = [];
  for (let r = 1; sheet.row(r, 2).some((value) => value !== ""); r++) rows.push(sheet.row(r, 2));
  return rows;
}
