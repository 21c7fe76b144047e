// A fake workbook behind office-addin-mock proxies, for the Excel stores' tests. Each Office.js
// object a store asks for is an OfficeMockObject, so reading a property before load + sync gives
// the mock's error string. Methods that return a new proxy per call (getRange, getItem…,
// charts.add, conditionalFormats.add…) build one over the fake state; writes go through a Proxy
// that applies them to the cells and logs them in order, the way Excel would run the queued
// commands. Adapted from the fake in excel-store.test.ts, with the collections, charts and
// conditional formats the planning store uses.
//
// What the fake assumes about Excel (docs/excel-checklist.md lists how to check each in Excel):
// - Writes apply in the order queued, at once; a protected sheet fails the next sync.
// - A string typed into a cell becomes a number or a formula unless the cell's format is "@"
//   (text), so names are safe only when the format is set before the value.
// - null in a values or formulas array leaves that cell as it is.
// - tables.rows.add appends after the last row and returns the TableRow; its range is the row
//   actually appended, even when another writer appended first (beforeRowsAdd).
// - formulasR1C1 "RC4" means this row, column D.
// - Deleting a table row moves the rows below it up; the last data row is emptied, not removed.
// - table.columns.add(…, name) appends a column at the right edge with that header.
// - isNullObject is readable after a sync without a load; collections load "items/name".
// - isSetSupported answers for ExcelApi up to excelApi ("1.8" unless a test lowers it).
// - Deleting a sheet deletes its tables; structured references are resolved by the test engine
//   (test/support/workbook-engine.ts), as Excel resolves them.
// - context.application.cultureInfo gives the culture's name, and its numberFormat the decimal
//   and group separators (ExcelApi 1.11) and the currency symbol (1.17), after load + sync. The
//   separators are the ones Excel uses for typed numbers, a user's own separators (File → Options
//   → Advanced) included, so they may differ from the name's language (see culture).
// - Worksheet.pageLayout (ExcelApi 1.9) is there in every office.js, but in an Excel older than
//   1.9 a batch that uses it fails at the next sync with ApiNotFound. Its settings are recorded
//   on the sheet (pageLayout); setPrintArea takes an A1 address; zoom is set as one object.
// - Range.merge(false) merges the range into one cell that keeps the top-left value; the merged
//   ranges are recorded on the sheet (merges).
import { OfficeMockObject } from "office-addin-mock";
import { columnLetter } from "../../src/workbook/sheets/spec";

export const NOT_LOADED = "Error, property was not loaded";
const MOCK_STATES = new Set([NOT_LOADED, "Error, context.sync() was not called"]);
export const PROTECTED_MESSAGE = "The cell or chart you're trying to change is on a protected sheet.";

export type Cell = { value: unknown; formula?: string; format: string };
export type Write = { sheet: string; target: string; property: string; value: unknown };
export type Validation = { address: string; cleared: boolean; rule?: unknown; errorAlert?: unknown };
export type FakeChart = {
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  position?: string[];
  reversePlotOrder?: boolean;
  series: Record<string, unknown>[];
};
export type FakeConditionalFormat = { address: string; type: string; criteria?: unknown };
export type FakeTable = {
  name: string;
  sheet: FakeSheet;
  top: number;
  left: number;
  width: number;
  bodyRows: number;
};
type Box = { top: number; left: number; bottom: number; right: number };
// The mock objects are shaped at run time; the store sees them through the Excel types.
type Mock = any;

export function parseAddress(address: string): Box {
  const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address);
  if (!match) throw new Error(`fake workbook: cannot read the address ${address}`);
  const column = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return {
    top: Number(match[2]) - 1,
    left: column(match[1]),
    bottom: Number(match[4] ?? match[2]) - 1,
    right: column(match[3] ?? match[1]),
  };
}

/** What Excel does with typed input: numbers, formulas (=, +, -, @), or text in a text-formatted cell. */
function typeInto(cell: Cell, input: unknown): void {
  if (input === null) return; // null leaves the cell as it is
  delete cell.formula;
  if (typeof input === "string" && cell.format !== "@") {
    const trimmed = input.trim();
    if (trimmed !== "" && Number.isFinite(Number(trimmed))) {
      cell.value = Number(trimmed);
      return;
    }
    if (/^[=+\-@]/.test(trimmed)) {
      cell.formula = trimmed.startsWith("=") ? trimmed : `=${trimmed}`;
      cell.value = undefined;
      return;
    }
  }
  cell.value = input;
}

export class FakeSheet {
  readonly cells = new Map<string, Cell>();
  frozenRows = 0;
  protected = false;
  visibility = "Visible";
  readonly validations: Validation[] = [];
  readonly charts: FakeChart[] = [];
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  /** Ranges merged with Range.merge, in the order merged. */
  readonly merges: string[] = [];
  /** Page layout settings written (ExcelApi 1.9), by property path below pageLayout. */
  readonly pageLayout: Record<string, unknown> = {};
  constructor(public name: string) {}

  at(row: number, column: number): Cell {
    const key = `${row},${column}`;
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { value: "", format: "General" }));
    return cell;
  }
  peek(row: number, column: number): Cell {
    return this.cells.get(`${row},${column}`) ?? { value: "", format: "General" };
  }
  /** A cell by its A1 address. */
  cell(address: string): Cell {
    const box = parseAddress(address);
    return this.peek(box.top, box.left);
  }
  /** The shown values of one sheet row (1-based), `width` columns from A. */
  row(row: number, width: number): unknown[] {
    return Array.from({ length: width }, (_, c) => this.peek(row - 1, c).value);
  }
  /** The formulas (or values, where there is no formula) of one sheet row (1-based). */
  formulas(row: number, width: number): unknown[] {
    return Array.from({ length: width }, (_, c) => this.peek(row - 1, c).formula ?? this.peek(row - 1, c).value);
  }
  /** The number formats of one sheet row (1-based). */
  formats(row: number, width: number): string[] {
    return Array.from({ length: width }, (_, c) => this.peek(row - 1, c).format);
  }
  isEmpty(): boolean {
    return [...this.cells.values()].every((cell) => cell.value === "" && !cell.formula);
  }
  validationAt(address: string): Validation | undefined {
    return this.validations.filter((validation) => validation.address === address).pop();
  }
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly writes: Write[] = [];
  syncs = 0;
  active?: string;
  /** Runs just before a row is appended: another person's append landing first, under co-authoring. */
  beforeRowsAdd?: (table: FakeTable) => void;
  /** Makes a write fail at once, as an API call that throws. */
  throwOnWrite?: (write: Write) => Error | undefined;
  private pending?: Error;
  private mocks: Mock[] = [];
  private afterSync: (() => void)[] = [];
  private ranges = new WeakMap<object, { sheet: FakeSheet; address: string }>();

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }
  table(name: string): FakeTable | undefined {
    return this.tables.find((table) => table.name.toLowerCase() === name.toLowerCase());
  }
  addSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(name);
    this.sheets.push(sheet);
    return sheet;
  }

  /** A table as a person would have typed it: a header row, then rows of values (sheet row numbers 1-based). */
  addTable(
    name: string,
    sheetName: string,
    header: readonly string[],
    rows: unknown[][],
    options: { headerRow?: number } = {},
  ): FakeTable {
    const { headerRow = 1 } = options;
    const sheet = this.sheet(sheetName) ?? this.addSheet(sheetName);
    [header, ...rows].forEach((values, r) =>
      values.forEach((value, c) => (sheet.at(headerRow - 1 + r, c).value = value ?? "")),
    );
    const table = {
      name,
      sheet,
      top: headerRow - 1,
      left: 0,
      width: header.length,
      bodyRows: Math.max(1, rows.length),
    };
    this.tables.push(table);
    return table;
  }

  /**
   * The newest ExcelApi set this Excel supports. While a batch runs, Office.context.requirements
   * answers isSetSupported as such an Excel would (other sets: supported).
   */
  excelApi = "1.8";

  /**
   * Application.cultureInfo: what this Excel reads and writes numbers with. The separators are
   * Excel's, so a test can set ones that differ from the culture's language.
   */
  culture = { name: "en-US", numberDecimalSeparator: ".", numberGroupSeparator: ",", currencySymbol: "$" };

  /** The batch runner handed to the store; context.sync is wrapped to count the round trips. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = this.context();
    const sync = context.sync.bind(context);
    context.sync = async () => {
      this.syncs += 1;
      await sync();
    };
    const globals = globalThis as { Office?: Record<string, unknown> };
    const before = globals.Office;
    const isSetSupported = (set: string, version = "1.1") => set !== "ExcelApi" || this.hasExcelApi(version);
    globals.Office = { ...(before ?? {}), context: { requirements: { isSetSupported } } };
    try {
      return await batch(context as Excel.RequestContext);
    } finally {
      if (before === undefined) delete globals.Office;
      else globals.Office = before;
    }
  };

  private context(): Mock {
    this.mocks = [];
    const context: Mock = new OfficeMockObject({
      workbook: {
        worksheets: {
          getItemOrNullObject: (name: string) => this.sheetProxy(this.sheet(name)),
          getItem: (name: string) => {
            const sheet = this.sheet(name);
            if (!sheet) throw new Error(`fake workbook: no sheet named ${name}`);
            return this.sheetProxy(sheet);
          },
          add: (name: string) => this.sheetProxy(this.createSheet(name)),
        },
        tables: {
          getItemOrNullObject: (name: string) => this.tableProxy(this.table(name)),
        },
      },
      sync: () => this.syncAll(),
    });
    // Read-only, so not tracked for writes; synced with the other mocks.
    const { name, ...numberFormat } = this.culture;
    context.application = new OfficeMockObject({ cultureInfo: { name, numberFormat } });
    this.mocks.push(context.application);
    // Collections load their items by navigation ("items/name"), which the mock cannot express.
    const worksheets = context.workbook.worksheets;
    let items: unknown = NOT_LOADED;
    worksheets.load = () => {
      const snapshot = this.sheets.map((sheet) => ({ name: sheet.name }));
      this.afterSync.push(() => (items = snapshot));
      return worksheets;
    };
    Object.defineProperty(worksheets, "items", { get: () => items });
    const tables = context.workbook.tables;
    let tableItems: unknown = NOT_LOADED;
    tables.load = () => {
      const snapshot = this.tables.map((table) => ({ name: table.name }));
      this.afterSync.push(() => (tableItems = snapshot));
      return tables;
    };
    Object.defineProperty(tables, "items", { get: () => tableItems });
    return context;
  }

  private async syncAll(): Promise<void> {
    const error = this.pending;
    this.pending = undefined;
    if (error) throw error;
    for (const mock of this.mocks) await mock.sync();
    for (const done of this.afterSync.splice(0)) done();
  }

  /** True when this Excel has the ExcelApi version, as isSetSupported answers while a batch runs. */
  private hasExcelApi(version: string): boolean {
    const [major, minor] = version.split(".").map(Number);
    const [newestMajor, newestMinor] = this.excelApi.split(".").map(Number);
    return major < newestMajor || (major === newestMajor && (minor || 0) <= (newestMinor || 0));
  }

  /** Logs a write and applies it; a protected sheet makes the next sync fail, as Excel does. */
  private write(sheet: FakeSheet | undefined, target: string, property: string, value: unknown, apply: () => void) {
    const write = { sheet: sheet?.name ?? "", target, property, value };
    const thrown = this.throwOnWrite?.(write);
    if (thrown) throw thrown;
    this.writes.push(write);
    if (property.startsWith("pageLayout.") && !this.hasExcelApi("1.9")) {
      this.pending ??= Object.assign(new Error("This Excel does not support Worksheet.pageLayout."), {
        code: "ApiNotFound",
      });
      return;
    }
    if (sheet?.protected) {
      this.pending ??= Object.assign(new Error(PROTECTED_MESSAGE), { code: "AccessDenied" });
      return;
    }
    apply();
  }

  /** isNullObject can be read after a sync, without a load. */
  private nullFlag(mock: Mock, isNull: boolean): void {
    const born = this.syncs;
    Object.defineProperty(mock, "isNullObject", { get: () => (this.syncs > born ? isNull : NOT_LOADED) });
  }

  private track(
    mock: Mock,
    sheet: FakeSheet | undefined,
    target: string,
    apply: (path: string, value: unknown) => void = () => undefined,
    prefix = "",
  ): Mock {
    if (prefix === "") this.mocks.push(mock);
    const children = new Map<string, Mock>();
    return new Proxy(mock, {
      get: (object, property) => {
        const value = Reflect.get(object, property);
        if (typeof property === "string" && value instanceof OfficeMockObject && object._properties?.has(property)) {
          if (!children.has(property)) {
            children.set(property, this.track(value, sheet, target, apply, `${prefix}${property}.`));
          }
          return children.get(property);
        }
        return value;
      },
      set: (object, property, value) => {
        if (typeof property === "string" && !property.startsWith("_") && !MOCK_STATES.has(value)) {
          const path = `${prefix}${property}`;
          this.write(sheet, target, path, value, () => apply(path, value));
        }
        return Reflect.set(object, property, value);
      },
    });
  }

  private nullObject(): Mock {
    const mock = new OfficeMockObject({});
    this.nullFlag(mock, true);
    return this.track(mock, undefined, "null object");
  }

  private createSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(name);
    this.write(undefined, name, "worksheets.add", name, () => {
      const invalid = name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name) || name.trim() === "";
      if (invalid || this.sheet(name)) this.pending ??= new Error(`The name "${name}" cannot be used for a sheet.`);
      else this.sheets.push(sheet);
    });
    return sheet;
  }

  private sheetProxy(sheet: FakeSheet | undefined): Mock {
    if (!sheet) return this.nullObject();
    const mock = new OfficeMockObject({
      name: sheet.name,
      visibility: sheet.visibility,
      getRange: (address: string) => this.rangeProxy(sheet, address),
      getUsedRange: () => {
        if (sheet.isEmpty()) return this.rangeProxy(sheet, "A1");
        const used = [...sheet.cells.entries()]
          .filter(([, cell]) => cell.value !== "" || cell.formula)
          .map(([key]) => key.split(",").map(Number));
        const [top, left] = [Math.min(...used.map(([r]) => r)), Math.min(...used.map(([, c]) => c))];
        const [bottom, right] = [Math.max(...used.map(([r]) => r)), Math.max(...used.map(([, c]) => c))];
        return this.rangeProxy(sheet, `${columnLetter(left)}${top + 1}:${columnLetter(right)}${bottom + 1}`);
      },
      getUsedRangeOrNullObject: () => {
        if (sheet.isEmpty()) return this.nullObject();
        const used = [...sheet.cells.entries()]
          .filter(([, cell]) => cell.value !== "" || cell.formula)
          .map(([key]) => key.split(",").map(Number));
        const [top, left] = [Math.min(...used.map(([r]) => r)), Math.min(...used.map(([, c]) => c))];
        const [bottom, right] = [Math.max(...used.map(([r]) => r)), Math.max(...used.map(([, c]) => c))];
        const proxy = this.rangeProxy(sheet, `${columnLetter(left)}${top + 1}:${columnLetter(right)}${bottom + 1}`);
        this.nullFlag(proxy, false);
        return proxy;
      },
      tables: {
        add: (source: object, hasHeaders: boolean) => this.createTable(source, hasHeaders),
        getItemAt: (index: number) => this.tableProxy(this.tables.filter((t) => t.sheet === sheet)[index]),
      },
      // Deleting a sheet deletes its tables with it.
      delete: () =>
        this.write(sheet, sheet.name, "worksheets.delete", sheet.name, () => {
          this.sheets.splice(this.sheets.indexOf(sheet), 1);
          for (let i = this.tables.length - 1; i >= 0; i--)
            if (this.tables[i].sheet === sheet) this.tables.splice(i, 1);
        }),
      freezePanes: {
        freezeRows: (count: number) =>
          this.write(sheet, sheet.name, "freezePanes.freezeRows", count, () => (sheet.frozenRows = count)),
      },
      charts: {
        add: (type: string, source: object, seriesBy: string) => this.chartProxy(sheet, type, source, seriesBy),
      },
      pageLayout: {
        orientation: "Portrait",
        zoom: { scale: 100 },
        centerHorizontally: false,
        leftMargin: 51,
        rightMargin: 51,
        topMargin: 54,
        bottomMargin: 54,
        headerMargin: 22,
        footerMargin: 22,
        headersFooters: { defaultForAllPages: { centerHeader: "" } },
        setPrintArea: (area: unknown) => {
          if (typeof area !== "string") throw new Error("fake workbook: setPrintArea takes an A1 address here");
          this.write(sheet, sheet.name, "pageLayout.setPrintArea", area, () => (sheet.pageLayout.printArea = area));
        },
      },
      activate: () => this.write(sheet, sheet.name, "activate", true, () => (this.active = sheet.name)),
    });
    this.nullFlag(mock, false);
    return this.track(mock, sheet, sheet.name, (path, value) => {
      if (path === "visibility") sheet.visibility = String(value);
      if (path.startsWith("pageLayout.")) sheet.pageLayout[path.slice("pageLayout.".length)] = value;
    });
  }

  private rangeProxy(sheet: FakeSheet, address: string): Mock {
    const box = parseAddress(address);
    const rows = Array.from({ length: box.bottom - box.top + 1 }, (_, i) => box.top + i);
    const columns = Array.from({ length: box.right - box.left + 1 }, (_, i) => box.left + i);
    const grid = (read: (cell: Cell) => unknown) => rows.map((r) => columns.map((c) => read(sheet.peek(r, c))));
    const mock = new OfficeMockObject({
      address: `'${sheet.name}'!${address}`,
      rowIndex: box.top,
      columnIndex: box.left,
      rowCount: rows.length,
      columnCount: columns.length,
      values: grid((cell) => (cell.formula ? "" : cell.value)),
      formulas: grid((cell) => cell.formula ?? cell.value),
      formulasR1C1: grid((cell) => cell.formula ?? cell.value),
      numberFormat: grid((cell) => cell.format),
      format: {
        columnWidth: 48,
        rowHeight: 15,
        wrapText: false,
        verticalAlignment: "Bottom",
        font: { bold: false, size: 11 },
        autofitColumns: () => this.write(sheet, address, "format.autofitColumns", true, () => undefined),
      },
      dataValidation: {
        clear: () =>
          this.write(sheet, address, "dataValidation.clear", true, () =>
            sheet.validations.push({ address, cleared: true }),
          ),
      },
      conditionalFormats: {
        add: (type: string) => this.conditionalFormatProxy(sheet, address, type),
      },
      merge: (across?: boolean) =>
        this.write(sheet, address, "merge", across ?? false, () => {
          if (across) throw new Error("fake workbook: merge across rows is not modelled");
          sheet.merges.push(address);
        }),
    });
    const each = (value: unknown, property: string, put: (cell: Cell, input: unknown) => void) => {
      if (!Array.isArray(value) || value.length !== rows.length || value.some((row) => row.length !== columns.length)) {
        this.pending ??= new Error(`The ${property} array does not match the size of ${address}.`);
        return;
      }
      rows.forEach((r, i) => columns.forEach((c, j) => put(sheet.at(r, c), value[i][j])));
    };
    const proxy = this.track(mock, sheet, address, (path, value) => {
      if (path === "values") each(value, path, typeInto);
      else if (path === "formulas") {
        each(value, path, (cell, input) => {
          if (typeof input === "string" && input.startsWith("=")) {
            cell.formula = input;
            cell.value = undefined;
          } else typeInto(cell, input);
        });
      } else if (path === "formulasR1C1") {
        // Same-row references ("RC4") become A1 references of the cell's own row.
        if (!Array.isArray(value) || value.length !== rows.length) {
          this.pending ??= new Error(`The ${path} array does not match the size of ${address}.`);
          return;
        }
        rows.forEach((r, i) =>
          columns.forEach((c, j) => {
            const input = (value as unknown[][])[i][j];
            if (typeof input !== "string" || !input.startsWith("=")) return typeInto(sheet.at(r, c), input);
            const cell = sheet.at(r, c);
            cell.formula = input.replace(/\bRC(\d+)\b/g, (_, n: string) => `${columnLetter(Number(n) - 1)}${r + 1}`);
            cell.value = undefined;
          }),
        );
      } else if (path === "numberFormat") {
        each(value, path, (cell, input) => {
          if (input !== null) cell.format = String(input);
        });
      } else if (path === "dataValidation.rule" || path === "dataValidation.errorAlert") {
        const validation = sheet.validationAt(address) ?? { address, cleared: false };
        if (!sheet.validations.includes(validation)) sheet.validations.push(validation);
        if (path === "dataValidation.rule") validation.rule = value;
        else validation.errorAlert = value;
      }
    });
    this.ranges.set(proxy, { sheet, address });
    return proxy;
  }

  private tableProxy(table: FakeTable | undefined): Mock {
    if (!table) return this.nullObject();
    const sheet = table.sheet;
    const rows = (top: number, bottom: number) =>
      `${columnLetter(table.left)}${top + 1}:${columnLetter(table.left + table.width - 1)}${bottom + 1}`;
    const mock = new OfficeMockObject({
      name: table.name,
      getHeaderRowRange: () => this.rangeProxy(sheet, rows(table.top, table.top)),
      getDataBodyRange: () => this.rangeProxy(sheet, rows(table.top + 1, table.top + table.bodyRows)),
      columns: {
        // Excel appends a column at the right edge of the table, with the given header.
        add: (index?: number, _values?: unknown, name?: string) => {
          if (index !== undefined && index !== null && index !== -1)
            throw new Error("fake workbook: add columns at the end only");
          this.write(sheet, table.name, "columns.add", name ?? null, () => {
            const column = table.left + table.width;
            table.width += 1;
            typeInto(sheet.at(table.top, column), name ?? `Column${table.width}`);
          });
        },
      },
      rows: {
        // Returns the TableRow, whose range is the row Excel actually appended.
        add: (index?: number, values?: unknown) => {
          if (index !== undefined && index !== null && index !== -1)
            throw new Error("fake workbook: add at the end only");
          const count = Array.isArray(values) && Array.isArray(values[0]) ? values.length : 1;
          let first = -1;
          this.write(sheet, table.name, "rows.add", values ?? null, () => {
            this.beforeRowsAdd?.(table);
            first = table.top + table.bodyRows + 1;
            table.bodyRows += count;
            if (Array.isArray(values) && Array.isArray(values[0])) {
              (values as unknown[][]).forEach((row, r) =>
                row.forEach((value, c) => typeInto(sheet.at(first + r, table.left + c), value)),
              );
            }
          });
          const rows = () =>
            `${columnLetter(table.left)}${first + 1}:${columnLetter(table.left + table.width - 1)}${first + count}`;
          return new OfficeMockObject({ getRange: () => this.rangeProxy(sheet, rows()) });
        },
        // Deleting a row moves the rows below it up; the last row of a table is emptied, not removed.
        getItemAt: (index: number) =>
          new OfficeMockObject({
            delete: () =>
              this.write(sheet, table.name, "rows.delete", index, () => {
                const top = table.top + 1;
                if (index < 0 || index >= table.bodyRows) {
                  this.pending ??= new Error(`The table ${table.name} has no row ${index}.`);
                  return;
                }
                for (let r = top + index; r < top + table.bodyRows - 1; r++) {
                  for (let c = table.left; c < table.left + table.width; c++) {
                    sheet.cells.set(`${r},${c}`, { ...sheet.peek(r + 1, c) });
                  }
                }
                const last = top + table.bodyRows - 1;
                for (let c = table.left; c < table.left + table.width; c++) sheet.cells.delete(`${last},${c}`);
                if (table.bodyRows > 1) table.bodyRows -= 1;
              }),
          }),
      },
    });
    mock.worksheet = this.sheetProxy(sheet);
    this.nullFlag(mock, false);
    return this.track(mock, sheet, table.name, (path, value) => {
      if (path === "name") table.name = String(value);
    });
  }

  private createTable(source: object, hasHeaders: boolean): Mock {
    const where = this.ranges.get(source);
    if (!where || !hasHeaders) throw new Error("fake workbook: tables.add expects a Range with headers");
    const box = parseAddress(where.address);
    const table: FakeTable = {
      name: `Table${this.tables.length + 1}`,
      sheet: where.sheet,
      top: box.top,
      left: box.left,
      width: box.right - box.left + 1,
      bodyRows: Math.max(1, box.bottom - box.top),
    };
    this.write(where.sheet, where.address, "tables.add", hasHeaders, () => this.tables.push(table));
    return this.tableProxy(table);
  }

  private chartProxy(sheet: FakeSheet, type: string, source: object, seriesBy: string): Mock {
    const where = this.ranges.get(source);
    if (!where) throw new Error("fake workbook: charts.add expects a Range");
    const chart: FakeChart = { type, source: where.address, seriesBy, series: [] };
    this.write(sheet, "charts", "charts.add", chart, () => sheet.charts.push(chart));
    const mock = new OfficeMockObject({
      name: `Chart ${sheet.charts.length}`,
      title: { text: "" },
      axes: { categoryAxis: { reversePlotOrder: false } },
      series: {
        getItemAt: (index: number) => {
          const series = (chart.series[index] ??= {});
          const item = new OfficeMockObject({ overlap: 0, gapWidth: 150, name: "" });
          return this.track(item, sheet, `chart ${type} series ${index}`, (path, value) => (series[path] = value));
        },
      },
      setPosition: (start: string, end: string) =>
        this.write(sheet, `chart ${type}`, "setPosition", [start, end], () => (chart.position = [start, end])),
    });
    return this.track(mock, sheet, `chart ${type}`, (path, value) => {
      if (path === "title.text") chart.title = String(value);
      if (path === "axes.categoryAxis.reversePlotOrder") chart.reversePlotOrder = Boolean(value);
    });
  }

  private conditionalFormatProxy(sheet: FakeSheet, address: string, type: string): Mock {
    const format: FakeConditionalFormat = { address, type };
    this.write(sheet, address, "conditionalFormats.add", type, () => sheet.conditionalFormats.push(format));
    const mock = new OfficeMockObject({ type, colorScale: { criteria: {} } });
    return this.track(mock, sheet, address, (path, value) => {
      if (path === "colorScale.criteria") format.criteria = value;
    });
  }
}
