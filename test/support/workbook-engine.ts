// Evaluates whole AGAP workbooks in HyperFormula, as a spreadsheet without the add-in would:
// the fake Office.js workbook, or an .xlsx read back with exceljs. No AGAP function is
// registered, so a stored formula that calls one gives #NAME?. HyperFormula has no structured
// references, so "Table[Column]" is rewritten to the A1 range of that table's body first.
import type ExcelJS from "exceljs";
import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import { columnLetter } from "../../src/workbook/sheets/spec";
import type { FakeWorkbook } from "../workbook/fake-excel";

/** Where a table sits: the header row (0-based), first column (0-based), headers, body rows. */
export interface TablePlace {
  name: string;
  sheet: string;
  top: number;
  left: number;
  headers: string[];
  bodyRows: number;
}

const sheetRef = (name: string) => `'${name.replace(/'/g, "''")}'`;

/**
 * Rewrites every structured reference "Table[Header]" (apostrophe-escaped headers included) to
 * the absolute A1 range of that column's body.
 *
 * @example
 * resolveStructuredRefs("=SUM(T[Cost])", [{ name: "T", sheet: "S", top: 0, left: 0, headers: ["Cost"], bodyRows: 3 }])
 * //=> "=SUM('S'!$A$2:$A$4)"
 */
export function resolveStructuredRefs(formula: string, tables: readonly TablePlace[]): string {
  return formula.replace(/([A-Za-z_][A-Za-z0-9_.]*)\[((?:'.|[^\]'])*)\]/g, (_whole, table: string, column: string) => {
    const place = tables.find((t) => t.name.toLowerCase() === table.toLowerCase());
    if (!place) throw new Error(`The formula ${formula} refers to a table ${table} the workbook does not have.`);
    const header = column.replace(/'(.)/g, "$1");
    const at = place.headers.findIndex((h) => h.toLowerCase() === header.toLowerCase());
    if (at < 0) throw new Error(`The table ${table} has no column "${header}" (formula ${formula}).`);
    const letter = columnLetter(place.left + at);
    const first = place.top + 2;
    const last = place.top + 1 + Math.max(place.bodyRows, 1);
    return `${sheetRef(place.sheet)}!$${letter}$${first}:$${letter}$${last}`;
  });
}

/** A cell as HyperFormula content: formulas with tables resolved, text kept as text. */
function content(value: unknown, formula: string | undefined, tables: readonly TablePlace[]): RawCellContent {
  if (formula) return resolveStructuredRefs(formula.startsWith("=") ? formula : `=${formula}`, tables);
  if (value === "" || value === null || value === undefined) return null;
  // A leading apostrophe keeps text as text, as Excel keeps a string cell ("1/2" is not a date).
  if (typeof value === "string") return `'${value}`;
  return value as RawCellContent;
}

export type Evaluated = number | string | boolean | null | { error: string };

export interface EvaluatedWorkbook {
  engine: HyperFormula;
  /** A cell's value by sheet name and A1 row/column (row 1-based, column 0-based). */
  value(sheet: string, row: number, column: number): Evaluated;
  /** Every formula stored in the workbook, as written (before tables are resolved). */
  formulas: { sheet: string; row: number; column: number; formula: string }[];
  tables: readonly TablePlace[];
  /** The evaluated body rows of a table, each keyed by header. */
  rows(table: string): Record<string, Evaluated>[];
}

function build(
  sheets: Record<string, { cells: Map<string, { value: unknown; formula?: string }> }>,
  tables: readonly TablePlace[],
): EvaluatedWorkbook {
  const formulas: EvaluatedWorkbook["formulas"] = [];
  const data: Record<string, RawCellContent[][]> = {};
  for (const [name, sheet] of Object.entries(sheets)) {
    const keys = [...sheet.cells.keys()].map((key) => key.split(",").map(Number));
    const rows = keys.length === 0 ? 0 : Math.max(...keys.map(([r]) => r)) + 1;
    const columns = keys.length === 0 ? 0 : Math.max(...keys.map(([, c]) => c)) + 1;
    data[name] = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (__, c) => {
        const cell = sheet.cells.get(`${r},${c}`);
        if (!cell) return null;
        if (cell.formula) formulas.push({ sheet: name, row: r + 1, column: c, formula: cell.formula });
        return content(cell.value, cell.formula, tables);
      }),
    );
  }
  const engine = HyperFormula.buildFromSheets(data, {
    licenseKey: "gpl-v3",
    useArrayArithmetic: true,
    smartRounding: false,
  });
  const value = (sheet: string, row: number, column: number): Evaluated => {
    const id = engine.getSheetId(sheet);
    if (id === undefined) throw new Error(`No sheet named ${sheet}.`);
    const found = engine.getCellValue({ sheet: id, row: row - 1, col: column });
    if (found instanceof DetailedCellError) return { error: found.value };
    return found as Evaluated;
  };
  return {
    engine,
    formulas,
    tables,
    value,
    rows(name) {
      const place = tables.find((t) => t.name === name);
      if (!place) throw new Error(`No table named ${name}.`);
      return Array.from({ length: place.bodyRows }, (_, i) =>
        Object.fromEntries(place.headers.map((h, c) => [h, value(place.sheet, place.top + 2 + i, place.left + c)])),
      );
    },
  };
}

/** Evaluates every sheet of the fake Office.js workbook. */
export function evaluateFake(book: FakeWorkbook): EvaluatedWorkbook {
  const tables: TablePlace[] = book.tables.map((table) => ({
    name: table.name,
    sheet: table.sheet.name,
    top: table.top,
    left: table.left,
    headers: Array.from({ length: table.width }, (_, c) => String(table.sheet.peek(table.top, table.left + c).value)),
    bodyRows: table.bodyRows,
  }));
  return build(Object.fromEntries(book.sheets.map((sheet) => [sheet.name, sheet])), tables);
}

/** Evaluates every sheet of an .xlsx workbook read back with exceljs (tables are found by their refs). */
export function evaluateXlsx(book: ExcelJS.Workbook): EvaluatedWorkbook {
  const sheets: Record<string, { cells: Map<string, { value: unknown; formula?: string }> }> = {};
  const tables: TablePlace[] = [];
  book.eachSheet((sheet) => {
    const cells = new Map<string, { value: unknown; formula?: string }>();
    sheet.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const value = cell.value as ExcelJS.CellValue;
        if (value !== null && typeof value === "object" && "formula" in value) {
          cells.set(`${r - 1},${c - 1}`, { value: undefined, formula: `=${value.formula}` });
        } else if (value instanceof Date) {
          cells.set(`${r - 1},${c - 1}`, { value: Math.round(value.getTime() / 86_400_000 + 25_569) });
        } else {
          cells.set(`${r - 1},${c - 1}`, { value });
        }
      });
    });
    sheets[sheet.name] = { cells };
    // exceljs keeps the tables it read under the sheet's tables map, each with its range.
    const own = (sheet as unknown as { tables: Record<string, { table: { tableRef: string; name: string } }> }).tables;
    for (const { table } of Object.values(own ?? {})) {
      const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(table.tableRef);
      if (!match) continue;
      const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const top = Number(match[2]) - 1;
      const left = col(match[1]);
      const right = col(match[3]);
      const headers = Array.from({ length: right - left + 1 }, (_, c) =>
        String(cells.get(`${top},${left + c}`)?.value ?? ""),
      );
      tables.push({ name: table.name, sheet: sheet.name, top, left, headers, bodyRows: Number(match[4]) - 1 - top });
    }
  });
  return build(sheets, tables);
}
