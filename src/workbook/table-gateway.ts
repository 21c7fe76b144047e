// The one way AGAP tables are read and written in Excel: every writer opens its tables here, in
// two syncs, and queues its writes through it. Columns are found by header, so columns moved by
// hand keep working; a table written with an earlier layout is migrated before the first write;
// a table that cannot be migrated stops the save with the reason before anything is written.
import { DEGRADED, Limitations, supportsExcelApi } from "./api-support";
import {
  LAYOUTS_ROWS,
  LAYOUTS_SHEET,
  columnLetter,
  headersOf,
  isBlank,
  layoutOf,
  migratedHeader,
  planMigration,
  readTable,
  recordProblem,
  recordedVersion,
  rowCells,
  rowAddressR1C1,
  rowFormulas,
  specLayout,
  textOf,
  targetRow,
  withVersion,
  type ColumnValidation,
  type Layout,
  type TableRead,
  type TableSpec,
} from "./sheets/spec";

// The specs are generic over their records; the gateway handles any of them.
type AnySpec = TableSpec<any, any>;

/** Queued before the first sync: the table, its sheet and the layouts sheet, any of which may be missing. */
interface Lookup {
  spec: AnySpec;
  table: Excel.Table;
  sheet: Excel.Worksheet;
}

/** A table as read in the second sync. */
export interface OpenTable {
  spec: AnySpec;
  /** Null when the workbook has no such table yet. */
  table: Excel.Table | null;
  sheet: Excel.Worksheet | null;
  header: unknown[];
  rows: unknown[][];
  /** Sheet row (1-based) of the first body row. */
  firstRow: number;
  /** Sheet column (0-based) of the table's first column. */
  left: number;
  /** Whether the sheet of a missing table already holds something (never overwritten). */
  sheetInUse: boolean;
  /** Layout version recorded in the workbook; null when none is. */
  recorded: number | null;
}

/** A table ready for writes: its layout as it stands after any migration. */
export interface WritableTable {
  spec: AnySpec;
  sheet: Excel.Worksheet;
  table: Excel.Table;
  layout: Layout;
  rows: unknown[][];
  firstRow: number;
}

const address = (left: number, width: number, first: number, last: number) =>
  `${columnLetter(left)}${first}:${columnLetter(left + width - 1)}${last}`;

export class TableGateway {
  private layoutsGrid: unknown[][] = [];
  private layoutsSheet: Excel.Worksheet | null = null;
  private versionsChanged = false;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limitations: Limitations = new Limitations(),
  ) {}

  /**
   * Opens the given tables in two syncs: which exist, then their cells and the recorded layout
   * versions. Also loads the names of the worksheets, for writers that add sheets.
   */
  async open(specs: readonly AnySpec[]): Promise<OpenTable[]> {
    const { workbook } = this.context;
    const lookups: Lookup[] = specs.map((spec) => ({
      spec,
      table: workbook.tables.getItemOrNullObject(spec.table),
      sheet: workbook.worksheets.getItemOrNullObject(spec.sheet),
    }));
    const layouts = { sheet: workbook.worksheets.getItemOrNullObject(LAYOUTS_SHEET) };
    await this.context.sync();

    type Reading = { header: Excel.Range; body: Excel.Range } | { used: Excel.Range | null };
    const reads = lookups.map((lookup): Reading => {
      if (!lookup.table.isNullObject) {
        return {
          header: lookup.table.getHeaderRowRange().load("values, columnIndex"),
          body: lookup.table.getDataBodyRange().load("values, rowIndex"),
        };
      }
      return { used: lookup.sheet.isNullObject ? null : lookup.sheet.getUsedRangeOrNullObject(true) };
    });
    const layoutsSheet = layouts.sheet.isNullObject ? null : layouts.sheet;
    const layoutCells = layoutsSheet ? layoutsSheet.getRange(`A1:B${LAYOUTS_ROWS}`).load("values") : null;
    await this.context.sync();

    this.layoutsSheet = layoutsSheet;
    this.layoutsGrid = layoutCells ? layoutCells.values : [];
    return lookups.map((lookup, i) => {
      const read = reads[i];
      if ("body" in read) {
        return {
          spec: lookup.spec,
          table: lookup.table,
          sheet: lookup.table.worksheet,
          header: read.header.values[0],
          rows: read.body.values,
          firstRow: read.body.rowIndex + 1,
          left: read.header.columnIndex,
          sheetInUse: true,
          recorded: recordedVersion(this.layoutsGrid, lookup.spec.table),
        };
      }
      return {
        spec: lookup.spec,
        table: null,
        sheet: lookup.sheet.isNullObject ? null : lookup.sheet,
        header: [],
        rows: [],
        firstRow: 2,
        left: 0,
        sheetInUse: "used" in read && read.used !== null && !read.used.isNullObject,
        recorded: null,
      };
    });
  }

  /** Reads an open table's records by header; a missing table has none. */
  read<R>(open: OpenTable): TableRead<R> {
    if (!open.table) return { items: [], skipped: [], layout: specLayout(open.spec) };
    return readTable(open.spec, open.header, open.rows, open.firstRow, open.left) as TableRead<R>;
  }

  /**
   * Makes an open table writable: creates it (on a new or empty sheet), or migrates it to the
   * spec's layout. Throws, before queuing any write, when it cannot.
   */
  writable(open: OpenTable): WritableTable {
    const { spec } = open;
    if (!open.table) return this.create(open);
    const plan = planMigration(spec, open.header, open.recorded);
    if (!plan.ok) throw new Error(plan.problem);
    if (!plan.migration) {
      return {
        spec,
        sheet: open.sheet!,
        table: open.table,
        layout: layoutOf(spec, open.header, open.left),
        rows: open.rows,
        firstRow: open.firstRow,
      };
    }
    const migration = plan.migration;
    const header = migratedHeader(spec, open.header, migration);
    const table = open.table;
    if (migration.rename.length > 0) {
      const renamed = open.header.map((name) => String(name ?? ""));
      for (const change of migration.rename) renamed[change.index] = change.to;
      table.getHeaderRowRange().values = [renamed];
    }
    for (const key of migration.add) {
      const column = spec.columns.find((c) => c.key === key)!;
      table.columns.add(undefined, undefined, column.header);
    }
    const layout = layoutOf(spec, header, open.left);
    const target: WritableTable = {
      spec,
      sheet: open.sheet!,
      table,
      layout,
      rows: open.rows.map((row) => [...row, ...new Array(migration.add.length).fill("")]),
      firstRow: open.firstRow,
    };
    // Formulas of every existing row are written again; typed values are never touched.
    const rows = target.rows.length;
    const isEmptyTable = rows === 1 && open.rows[0].every(isBlank);
    if (!isEmptyTable && rows > 0) {
      const block = target.sheet.getRange(
        address(open.left, layout.width, target.firstRow, target.firstRow + rows - 1),
      );
      block.numberFormat = target.rows.map(() => formatsOf(spec, layout));
      block.formulas = target.rows.map((_, i) => rowFormulas(spec, layout, target.firstRow + i));
      this.validate(target, target.firstRow, target.firstRow + rows - 1);
    }
    this.recordVersion(spec);
    return target;
  }

  /**
   * Adds the record, or updates the row with its id (or the hand-typed row it came from). Returns
   * the sheet row written.
   */
  upsert<R>(target: WritableTable, record: R): number {
    const problem = recordProblem(target.spec, record);
    if (problem) throw new Error(problem);
    const { row, add } = targetRow(target.spec, target.layout, target.rows, target.firstRow, record);
    if (add) {
      this.append(target, record, row);
    } else {
      this.writeRecords(target, row, [record]);
    }
    // Later upserts in the same batch see this row as taken, under its id.
    target.rows[row - target.firstRow] = rowCells(target.spec, target.layout, record, row).values.map((v) => v ?? "");
    return row;
  }

  /**
   * Appends a record through the row object Excel returns, with same-row formulas in R1C1 form,
   * so the write lands on the new row even when someone else appended rows since the read
   * (Microsoft's advice for tables under co-authoring: add rows with rows.add, never by address).
   */
  private append<R>(target: WritableTable, record: R, expectedRow: number): void {
    const added = target.table.rows.add();
    target.rows.push(new Array(target.layout.width).fill(""));
    const cells = rowCells(target.spec, target.layout, record, expectedRow, rowAddressR1C1(target.layout));
    const range = added.getRange();
    range.numberFormat = [cells.formats];
    range.values = [cells.values];
    range.formulasR1C1 = [cells.formulas];
    this.validate(target, expectedRow, expectedRow);
  }

  /**
   * Deletes the row holding the id (a row typed by hand is found by its "sheet-row-N" id).
   * Returns false when the table has no such row.
   */
  deleteRecord(target: WritableTable, id: string): boolean {
    const idAt = target.layout.position[target.spec.idKey];
    let index = target.rows.findIndex((values) => textOf(values[idAt]) === id);
    const typed = /^sheet-row-(\d+)$/.exec(id);
    if (index < 0 && typed) {
      const at = Number(typed[1]) - target.firstRow;
      if (target.rows[at] && isBlank(target.rows[at][idAt])) index = at;
    }
    if (index < 0) return false;
    target.table.rows.getItemAt(index).delete();
    target.rows.splice(index, 1);
    return true;
  }

  /**
   * Writes whole rows from sheet row `first`: number formats first (so typed names land in text
   * cells), then values (null where a formula goes), then formulas (null where a value goes),
   * then validation.
   */
  writeRecords<R>(target: WritableTable, first: number, records: readonly R[]): void {
    if (records.length === 0) return;
    const last = first + records.length - 1;
    const cells = records.map((record, i) => rowCells(target.spec, target.layout, record, first + i));
    const block = target.sheet.getRange(address(target.layout.left, target.layout.width, first, last));
    block.numberFormat = cells.map((row) => row.formats);
    // null leaves a cell as it is: a formula cell here, or a column a person added.
    block.values = cells.map((row) => row.values);
    block.formulas = cells.map((row) => row.formulas);
    this.validate(target, first, last);
  }

  /** Writes the recorded layout versions, if any changed. Call once, before the last sync. */
  flush(): void {
    if (!this.versionsChanged) return;
    let sheet = this.layoutsSheet;
    if (!sheet) {
      sheet = this.context.workbook.worksheets.add(LAYOUTS_SHEET);
      sheet.visibility = "Hidden";
      this.layoutsSheet = sheet;
    }
    const grid = this.layoutsGrid;
    const padded = Array.from({ length: LAYOUTS_ROWS }, (_, r) => [grid[r]?.[0] ?? "", grid[r]?.[1] ?? ""]);
    sheet.getRange(`A1:B${LAYOUTS_ROWS}`).values = padded as (string | number)[][];
    this.versionsChanged = false;
  }

  private recordVersion(spec: AnySpec): void {
    this.layoutsGrid = withVersion(this.layoutsGrid, spec.table, spec.version);
    this.versionsChanged = true;
  }

  private create(open: OpenTable): WritableTable {
    const { spec } = open;
    let sheet = open.sheet;
    if (sheet && open.sheetInUse) {
      // Never write a new table over content someone left on the sheet.
      throw new Error(
        `The "${spec.sheet}" sheet has content but no ${spec.table} table. ` +
          `Rename that sheet, or make its data a table named ${spec.table}, then save again.`,
      );
    }
    sheet ??= this.context.workbook.worksheets.add(spec.sheet);
    const headers = headersOf(spec);
    const last = columnLetter(headers.length - 1);
    const table = sheet.tables.add(sheet.getRange(`A1:${last}2`), true);
    table.name = spec.table;
    table.getHeaderRowRange().values = [headers];
    if (supportsExcelApi("1.7")) sheet.freezePanes.freezeRows(1);
    else this.limitations.note(DEGRADED.freezePanes);
    sheet.getRange(`A1:${last}1`).format.autofitColumns();
    this.recordVersion(spec);
    return { spec, sheet, table, layout: specLayout(spec), rows: [headers.map(() => "")], firstRow: 2 };
  }

  /** Data validation of rows first–last, one range per run of adjacent columns with the same rule. */
  private validate(target: WritableTable, first: number, last: number): void {
    const validated = target.spec.columns.some((column) => column.kind !== "derived" && column.validation);
    if (!validated) return;
    if (!supportsExcelApi("1.8")) {
      this.limitations.note(DEGRADED.dataValidation);
      return;
    }
    const runs: { from: number; to: number; rule: ColumnValidation }[] = [];
    const byPosition = target.spec.columns
      .filter((column) => column.kind !== "derived" && column.validation && target.layout.position[column.key] >= 0)
      .map((column) => ({
        at: target.layout.position[column.key],
        rule: (column as { validation: ColumnValidation }).validation,
      }))
      .sort((a, b) => a.at - b.at);
    for (const { at, rule } of byPosition) {
      const run = runs.at(-1);
      if (run && run.to === at - 1 && JSON.stringify(run.rule) === JSON.stringify(rule)) run.to = at;
      else runs.push({ from: at, to: at, rule });
    }
    for (const run of runs) {
      const left = target.layout.left;
      const range = target.sheet.getRange(
        `${columnLetter(left + run.from)}${first}:${columnLetter(left + run.to)}${last}`,
      );
      // Setting a rule over an existing one is not reliable; clear first.
      range.dataValidation.clear();
      range.dataValidation.rule =
        run.rule.kind === "whole"
          ? { wholeNumber: { formula1: run.rule.min, formula2: run.rule.max, operator: "Between" } }
          : { list: { inCellDropDown: true, source: run.rule.items.join(",") } };
      range.dataValidation.errorAlert = {
        title: run.rule.title,
        message: run.rule.message,
        showAlert: true,
        style: "Stop",
      };
    }
  }
}

/** The number formats of a row in a layout; null for columns AGAP does not know. */
function formatsOf(spec: AnySpec, layout: Layout): (string | null)[] {
  const formats: (string | null)[] = new Array(layout.width).fill(null);
  for (const column of spec.columns) {
    const at = layout.position[column.key];
    if (at >= 0) formats[at] = column.format;
  }
  return formats;
}
