// The machinery of sheet specs. A spec lists a table's columns as data; from it come the header
// row, the formats, the values and formulas of a record's row, the reader (columns found by
// header, so columns moved by hand keep working), the cached values of an .xlsx export and the
// migration from every earlier layout. Pure: no Office.js here.

/** An Excel error as a cached value. */
export type ExcelErrorCode = "#N/A" | "#DIV/0!" | "#VALUE!" | "#NUM!";
export type CachedValue = number | string | { error: ExcelErrorCode };
export const NA: CachedValue = { error: "#N/A" };

/** A value written to an input cell; "" leaves it blank. */
export type CellInput = string | number;

/** Data validation of a column's cells. */
export type ColumnValidation =
  | { kind: "whole"; min: number; max: number; title: string; message: string }
  | { kind: "list"; items: readonly string[]; title: string; message: string };

/** The A1 address of a column in the row a formula is built for. */
export type RowAddress = (key: string) => string;

interface ColumnBase {
  /** Stable key, kept when the header changes. */
  key: string;
  header: string;
  /** Headers this column had in earlier layouts, for the migration. */
  formerHeaders?: readonly string[];
  /** Number format; null keeps the cell's own. */
  format: string | null;
  /** Layout version the column first appeared in; 1 when it was always there. */
  since?: number;
  width?: number;
}

/** A cell people type in, or a value AGAP stores. Text columns are stored as text, never as formulas. */
export interface InputColumn<R> extends ColumnBase {
  kind: "input" | "text";
  value: (record: R) => CellInput;
  validation?: ColumnValidation;
  /** The reader cannot do without it: a table lacking it is unreadable, and cannot be migrated. */
  required?: boolean;
}

/** A cell that is a live formula over the other cells of its row and other AGAP tables. */
export interface DerivedColumn<R, C> extends ColumnBase {
  kind: "derived";
  formula: (at: RowAddress) => string;
  /** What the formula evaluates to, from the model: the cached value of an .xlsx export. */
  cached: (record: R, context: C) => CachedValue;
}

export type ColumnSpec<R, C> = InputColumn<R> | DerivedColumn<R, C>;

/** A read that either gives a value or says why it cannot. */
export type Read<T> = { ok: true; value: T } | { ok: false; problem: string };
export const ok = <T>(value: T): Read<T> => ({ ok: true, value });
export const fail = <T>(problem: string): Read<T> => ({ ok: false, problem });

/** One AGAP table, described as data. `C` is what cached values need besides the record. */
export interface TableSpec<R, C = void> {
  sheet: string;
  table: string;
  /** Raised whenever a column is added, renamed or a formula changes. */
  version: number;
  columns: readonly ColumnSpec<R, C>[];
  /** Key of the column that holds the record's id. */
  idKey: string;
  idOf: (record: R) => string;
  /** Builds a record from a row; `cell` reads a column by key ("" when the table lacks it). Absent for sheets AGAP only writes. */
  parse?: (cell: (key: string) => unknown, row: number) => Read<R>;
  /** Key of a column that, with no id, still tells which hand-typed row a record came from. */
  matchKey?: string;
}

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

export const isBlank = (value: unknown) => value === null || value === undefined || String(value).trim() === "";
export const textOf = (value: unknown) => (isBlank(value) ? "" : String(value).trim());
const headerKey = (value: unknown) => textOf(value).toLowerCase();

/**
 * A text as a formula string literal.
 *
 * @example
 * quoted('say "hi"') //=> '"say ""hi"""'
 */
export const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** Where each column of a spec sits in a real table, found by header. */
export interface Layout {
  /** Zero-based position of each key within the table; -1 when the table lacks the column. */
  position: Record<string, number>;
  /** The table's width (its own columns, including any a person added). */
  width: number;
  /** Sheet column of the table's first column (0 for A). */
  left: number;
}

/**
 * Finds every column of the spec in a header row, by its header or a former one (case and
 * surrounding spaces ignored).
 *
 * @example
 * layoutOf(spec, ["Name", "Workflow"]).position.workflow //=> 1
 */
export function layoutOf<R, C>(spec: TableSpec<R, C>, header: readonly unknown[], left = 0): Layout {
  const names = header.map(headerKey);
  const position: Record<string, number> = {};
  for (const column of spec.columns) {
    const candidates = [column.header, ...(column.formerHeaders ?? [])].map((name) => name.toLowerCase());
    position[column.key] = names.findIndex((name) => candidates.includes(name));
  }
  return { position, width: header.length, left };
}

/** The layout of a table written by this version: every column in spec order from column A. */
export function specLayout<R, C>(spec: TableSpec<R, C>): Layout {
  return layoutOf(
    spec,
    spec.columns.map((column) => column.header),
  );
}

export const headersOf = <R, C>(spec: TableSpec<R, C>) => spec.columns.map((column) => column.header);

/** A column's A1 letter in a layout. */
export function letterOf(layout: Layout, key: string): string {
  const at = layout.position[key];
  if (at === undefined || at < 0) throw new Error(`The table has no column for "${key}".`);
  return columnLetter(layout.left + at);
}

/** The same-row address function for one sheet row (1-based). */
export const rowAddress =
  (layout: Layout, row: number): RowAddress =>
  (key) =>
    `${letterOf(layout, key)}${row}`;

/**
 * The same-row address function in R1C1 form ("RC4": this row, column D), for a row whose number
 * is not known when the formula is written: a row appended while others may append too.
 */
export const rowAddressR1C1 =
  (layout: Layout): RowAddress =>
  (key) => {
    const at = layout.position[key];
    if (at === undefined || at < 0) throw new Error(`The table has no column for "${key}".`);
    return `RC${layout.left + at + 1}`;
  };

/**
 * The cells of some columns in one row: a range when they sit side by side in order, else a
 * list, so a formula still covers every one of them after a person moves a column.
 *
 * @example
 * span(at, ["a", "b", "c"]) //=> "D2:F2" (side by side)
 * span(at, ["a", "b", "c"]) //=> "E2,D2,F2" (a and b swapped by hand)
 */
export function span(at: RowAddress, keys: readonly string[]): string {
  const cells = keys.map(at);
  const column = (address: string) => {
    const r1c1 = /^RC(\d+)$/.exec(address);
    if (r1c1) return Number(r1c1[1]);
    const a1 = /^([A-Z]+)\d+$/.exec(address)!;
    return [...a1[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  };
  const adjacent = cells.every((address, i) => i === 0 || column(address) === column(cells[i - 1]) + 1);
  return adjacent ? `${cells[0]}:${cells[cells.length - 1]}` : cells.join(",");
}

/** What goes into one row of the table, cell by cell in the table's own order. */
export interface RowCells {
  /** Input values; null where a formula goes or where the table has a column AGAP does not know. */
  values: (CellInput | null)[];
  /** Formulas; null where a value goes. */
  formulas: (string | null)[];
  /** Number formats; null keeps the cell's own. */
  formats: (string | null)[];
}

/**
 * The cells of one record's row (sheet row `row`, 1-based) in the table's own column order.
 *
 * @example
 * rowCells(SCENARIOS, specLayout(SCENARIOS), scenario, 2).formulas[8] //=> "=IF(COUNT(D2:H2)<5,NA(),PRODUCT(D2:H2))"
 */
export function rowCells<R, C>(
  spec: TableSpec<R, C>,
  layout: Layout,
  record: R,
  row: number,
  at: RowAddress = rowAddress(layout, row),
): RowCells {
  const cells: RowCells = {
    values: new Array(layout.width).fill(null),
    formulas: new Array(layout.width).fill(null),
    formats: new Array(layout.width).fill(null),
  };
  for (const column of spec.columns) {
    const c = layout.position[column.key];
    if (c < 0) continue;
    cells.formats[c] = column.format;
    if (column.kind === "derived") cells.formulas[c] = column.formula(at);
    else cells.values[c] = column.value(record);
  }
  return cells;
}

/** The formulas of the derived columns in one row, null elsewhere: for rewriting formulas in place. */
export function rowFormulas<R, C>(spec: TableSpec<R, C>, layout: Layout, row: number): (string | null)[] {
  const formulas: (string | null)[] = new Array(layout.width).fill(null);
  const at = rowAddress(layout, row);
  for (const column of spec.columns) {
    const c = layout.position[column.key];
    if (c >= 0 && column.kind === "derived") formulas[c] = column.formula(at);
  }
  return formulas;
}

/** A row that could not be read, with the reason (sheet row numbers, 1-based). */
export interface SkippedRow {
  sheet: string;
  row: number;
  problem: string;
}

export interface TableRead<R> {
  items: R[];
  skipped: SkippedRow[];
  layout: Layout;
}

const inputKeys = <R, C>(spec: TableSpec<R, C>) =>
  spec.columns.filter((column) => column.kind !== "derived").map((column) => column.key);

/**
 * Reads a table's rows by header. A missing required column makes the table unreadable,
 * reported once at its header row; an empty row is not an entry; a repeated id is skipped with
 * the row it repeats.
 */
export function readTable<R, C>(
  spec: TableSpec<R, C>,
  header: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  firstRow: number,
  left = 0,
): TableRead<R> {
  const layout = layoutOf(spec, header, left);
  const parse = spec.parse;
  if (!parse) throw new Error(`The ${spec.table} table is written by AGAP, never read back.`);
  const missing = missingRequired(spec, layout);
  if (missing.length > 0) {
    return {
      items: [],
      layout,
      skipped: [{ sheet: spec.sheet, row: firstRow - 1, problem: missingProblem(spec, missing) }],
    };
  }
  const inputs = inputKeys(spec);
  const result: TableRead<R> = { items: [], skipped: [], layout };
  const seen = new Map<string, number>();
  rows.forEach((values, i) => {
    const cell = (key: string) => {
      const at = layout.position[key];
      return at === undefined || at < 0 ? "" : values[at];
    };
    if (inputs.every((key) => isBlank(cell(key)))) return;
    const row = firstRow + i;
    const parsed = parse(cell, row);
    if (!parsed.ok) {
      result.skipped.push({ sheet: spec.sheet, row, problem: parsed.problem });
      return;
    }
    const id = spec.idOf(parsed.value);
    const first = seen.get(id);
    if (first !== undefined) {
      result.skipped.push({
        sheet: spec.sheet,
        row,
        problem: `its ID repeats the one in row ${first}; clear the ID of the copy to keep it as a new entry`,
      });
      return;
    }
    seen.set(id, row);
    result.items.push(parsed.value);
  });
  return result;
}

function missingRequired<R, C>(spec: TableSpec<R, C>, layout: Layout): string[] {
  return spec.columns
    .filter((column) => column.kind !== "derived" && column.required && layout.position[column.key] < 0)
    .map((column) => column.header);
}

const missingProblem = <R, C>(spec: TableSpec<R, C>, headers: readonly string[]) =>
  `the ${spec.table} table has no ${headers.map((h) => `"${h}"`).join(", ")} column; ` +
  "restore the column headers to read and save its rows";

/**
 * Why a record cannot be saved, or null: a record the table's own reader would not read back is
 * refused, so what is saved can always be read, and a number outside its limits never lands.
 * Both stores check with it.
 *
 * @example
 * recordProblem(ROI, { ...entry, horizon: 2.5 }) //=> 'Not saved to AGAP ROI: Horizon is 2.5, not a whole number of periods, 1 or more.'
 */
export function recordProblem<R, C>(spec: TableSpec<R, C>, record: R): string | null {
  const parse = spec.parse;
  if (!parse) return null;
  // The record's row as readTable would see it, without laying out the table or writing the
  // derived formulas: the stores check every record on every read, and at thousands of
  // records that work was most of the pane's start-up.
  const values = new Map<string, unknown>();
  for (const column of spec.columns) {
    if (column.kind !== "derived") values.set(column.key, column.value(record) ?? "");
  }
  const cell = (key: string) => values.get(key) ?? "";
  if (inputKeys(spec).every((key) => isBlank(cell(key)))) return null;
  const parsed = parse(cell, 2);
  return parsed.ok ? null : `Not saved to ${spec.sheet}: ${parsed.problem}.`;
}

/**
 * Where a record goes: the row with its id; else a hand-typed row it was read from
 * ("sheet-row-N", still without an id, with the same match column); else a new row at the end
 * (or the one empty row of a new table).
 */
export function targetRow<R, C>(
  spec: TableSpec<R, C>,
  layout: Layout,
  rows: readonly (readonly unknown[])[],
  firstRow: number,
  record: R,
): { row: number; add: boolean } {
  const idAt = layout.position[spec.idKey];
  const id = spec.idOf(record);
  const at = rows.findIndex((values) => textOf(values[idAt]) === id);
  if (at >= 0) return { row: firstRow + at, add: false };
  const typed = /^sheet-row-(\d+)$/.exec(id);
  const index = typed ? Number(typed[1]) - firstRow : -1;
  const values = rows[index];
  const matchAt = spec.matchKey ? layout.position[spec.matchKey] : -1;
  if (values && isBlank(values[idAt]) && matchAt >= 0) {
    const column = spec.columns.find((c) => c.key === spec.matchKey) as InputColumn<R>;
    if (textOf(values[matchAt]) === textOf(column.value(record))) return { row: firstRow + index, add: false };
  }
  if (rows.length === 1 && rows[0].every(isBlank)) return { row: firstRow, add: false };
  return { row: firstRow + rows.length, add: true };
}

// ---------------------------------------------------------------------------------------------
// Layout versions and migration
// ---------------------------------------------------------------------------------------------

/** What bringing a table up to the spec's layout takes. */
export interface Migration {
  from: number;
  to: number;
  /** Columns to add at the right end of the table, in spec order. */
  add: string[];
  /** Headers to rename, by position in the table. */
  rename: { index: number; from: string; to: string }[];
  /** True when the derived formulas of every row must be written again. */
  rewriteFormulas: boolean;
}

export type MigrationPlan = { ok: true; migration: Migration | null } | { ok: false; problem: string };

/**
 * Plans the migration of a table written with layout `recorded` (1 when the workbook records
 * none, the layout before versions were kept). Missing derived columns and columns added since
 * are added; headers found under a former name are renamed; formulas are rewritten. A missing
 * required column, or a layout newer than this version knows, stops it with the reason.
 *
 * @example
 * planMigration(ROI, oldHeader, 1) //=> { ok: true, migration: { from: 1, to: 2, add: [...], rename: [...], rewriteFormulas: true } }
 */
export function planMigration<R, C>(
  spec: TableSpec<R, C>,
  header: readonly unknown[],
  recorded: number | null,
): MigrationPlan {
  const from = recorded ?? 1;
  if (from > spec.version) {
    return {
      ok: false,
      problem:
        `The ${spec.table} table was written by a newer version of AGAP (layout ${from}; this version knows ` +
        `up to ${spec.version}). Update AGAP to save into it; nothing was changed.`,
    };
  }
  const layout = layoutOf(spec, header);
  const missing = missingRequired(spec, layout);
  if (missing.length > 0) {
    return { ok: false, problem: `${capitalise(missingProblem(spec, missing))}. Nothing was changed.` };
  }
  const add = spec.columns.filter((column) => layout.position[column.key] < 0).map((column) => column.key);
  const rename = spec.columns
    .filter((column) => layout.position[column.key] >= 0)
    .map((column) => ({
      index: layout.position[column.key],
      from: textOf(header[layout.position[column.key]]),
      to: column.header,
    }))
    .filter((change) => change.from !== change.to);
  if (from === spec.version && add.length === 0 && rename.length === 0) return { ok: true, migration: null };
  return { ok: true, migration: { from, to: spec.version, add, rename, rewriteFormulas: true } };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The header row after a migration: renamed in place, new columns at the end. */
export function migratedHeader<R, C>(
  spec: TableSpec<R, C>,
  header: readonly unknown[],
  migration: Migration,
): string[] {
  const out = header.map(textOf);
  for (const change of migration.rename) out[change.index] = change.to;
  for (const key of migration.add) out.push(spec.columns.find((column) => column.key === key)!.header);
  return out;
}

/** The sheet that records the layout version of each AGAP table (hidden). */
export const LAYOUTS_SHEET = "AGAP Layouts";
export const LAYOUTS_HEADER = ["Table", "Layout version"] as const;
/** Rows of the layouts sheet that are read; far more than AGAP has tables. */
export const LAYOUTS_ROWS = 32;

/**
 * The recorded version of a table in the layouts sheet's cells, or null when not recorded.
 *
 * @example
 * recordedVersion([["Table", "Layout version"], ["AgapRoi", 2]], "AgapRoi") //=> 2
 */
export function recordedVersion(grid: readonly (readonly unknown[])[], table: string): number | null {
  for (const row of grid) {
    if (textOf(row[0]) === table && typeof row[1] === "number" && Number.isInteger(row[1])) return row[1];
  }
  return null;
}

/** The layouts grid with one table's version set (added when missing). */
export function withVersion(grid: readonly (readonly unknown[])[], table: string, version: number): unknown[][] {
  const rows = grid.filter((row) => row.some((value) => !isBlank(value))).map((row) => [row[0], row[1]]);
  if (rows.length === 0 || textOf(rows[0][0]) !== LAYOUTS_HEADER[0]) rows.unshift([...LAYOUTS_HEADER]);
  const at = rows.findIndex((row) => textOf(row[0]) === table);
  if (at >= 0) rows[at] = [table, version];
  else rows.push([table, version]);
  return rows;
}

/** A structured reference to a column of another table, which grows with that table. */
export function tableColumn<R, C>(spec: TableSpec<R, C>, key: string): string {
  const column = spec.columns.find((c) => c.key === key);
  if (!column) throw new Error(`${spec.table} has no column "${key}".`);
  // Inside a structured reference, these characters are escaped with an apostrophe.
  const header = column.header.replace(/(['#[\]@])/g, "'$1");
  return `${spec.table}[${header}]`;
}
