import { OfficeMockObject } from "office-addin-mock";
import {
  BAND_THRESHOLD_NOTE,
  CURVE_STAGES,
  LAYERS,
  LAYER_GUIDANCE,
  STATEMENTS,
  planToTarget,
  type AssessmentResponse,
} from "../../src/model";
import {
  ASSESSMENTS_SHEET,
  ASSESSMENTS_TABLE,
  COL,
  HEADERS,
  columnLetter,
  dateToSerial,
  inputValues,
  rowFormulas,
} from "../../src/workbook/assessment-table";
import { ExcelStore, type DraftSettings } from "../../src/workbook/excel-store";
import { DRAFT_KEY, type Draft } from "../../src/workbook/store";

// ---------------------------------------------------------------------------------------------
// A fake workbook behind office-addin-mock proxies. Each Office.js object the store asks for is
// an OfficeMockObject, so reading a property before load + sync gives the mock's error string.
// Methods that return a new proxy per call (getRange, getItemOrNullObject, charts.add…) build
// one over the fake state; writes go through a Proxy that applies them to the cells and logs
// them in order, the way Excel would run the queued commands.
// ---------------------------------------------------------------------------------------------

const NOT_LOADED = "Error, property was not loaded";
const MOCK_STATES = new Set([NOT_LOADED, "Error, context.sync() was not called"]);
const PROTECTED_MESSAGE = "The cell or chart you're trying to change is on a protected sheet.";

type Cell = { value: unknown; formula?: string; format: string };
type Write = { sheet: string; target: string; property: string; value: unknown };
type Validation = { address: string; cleared: boolean; rule?: unknown; errorAlert?: unknown };
type FakeChart = { type: string; source: string; seriesBy: string; title?: string; position?: string[] };
type FakeTable = { name: string; sheet: FakeSheet; top: number; left: number; width: number; bodyRows: number };
type Box = { top: number; left: number; bottom: number; right: number };
// The mock objects are shaped at run time; the store sees them through the Excel types.
type Mock = any;

function parseAddress(address: string): Box {
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

class FakeSheet {
  readonly cells = new Map<string, Cell>();
  frozenRows = 0;
  protected = false;
  readonly validations: Validation[] = [];
  readonly charts: FakeChart[] = [];
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
  /** The shown values of one sheet row (1-based), columns A to the last header. */
  row(row: number): unknown[] {
    return HEADERS.map((_, c) => this.peek(row - 1, c).value);
  }
  isEmpty(): boolean {
    return [...this.cells.values()].every((cell) => cell.value === "" && !cell.formula);
  }
  validationAt(address: string): Validation | undefined {
    return this.validations.filter((validation) => validation.address === address).pop();
  }
}

class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly writes: Write[] = [];
  syncs = 0;
  active?: string;
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
  addTable(rows: unknown[][], options: { headerRow?: number; header?: readonly string[]; sheet?: string } = {}) {
    const { headerRow = 1, header = HEADERS, sheet: sheetName = ASSESSMENTS_SHEET } = options;
    const sheet = this.sheet(sheetName) ?? this.addSheet(sheetName);
    [header, ...rows].forEach((values, r) =>
      values.forEach((value, c) => (sheet.at(headerRow - 1 + r, c).value = value ?? "")),
    );
    const table = {
      name: ASSESSMENTS_TABLE,
      sheet,
      top: headerRow - 1,
      left: 0,
      width: header.length,
      bodyRows: Math.max(1, rows.length),
    };
    this.tables.push(table);
    return table;
  }

  /** The batch runner handed to the store; context.sync is wrapped to count the round trips. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = this.context();
    const sync = context.sync.bind(context);
    context.sync = async () => {
      this.syncs += 1;
      await sync();
    };
    return batch(context as Excel.RequestContext);
  };

  private context(): Mock {
    this.mocks = [];
    const context: Mock = new OfficeMockObject({
      workbook: {
        worksheets: {
          getItemOrNullObject: (name: string) => this.sheetProxy(this.sheet(name)),
          add: (name: string) => this.sheetProxy(this.createSheet(name)),
        },
        tables: {
          getItemOrNullObject: (name: string) => this.tableProxy(this.table(name)),
        },
      },
      sync: () => this.syncAll(),
    });
    // Collections load their items by navigation ("items/name"), which the mock cannot express.
    const worksheets = context.workbook.worksheets;
    let items: unknown = NOT_LOADED;
    worksheets.load = () => {
      const snapshot = this.sheets.map((sheet) => ({ name: sheet.name }));
      this.afterSync.push(() => (items = snapshot));
      return worksheets;
    };
    Object.defineProperty(worksheets, "items", { get: () => items });
    return context;
  }

  private async syncAll(): Promise<void> {
    const error = this.pending;
    this.pending = undefined;
    if (error) throw error;
    for (const mock of this.mocks) await mock.sync();
    for (const done of this.afterSync.splice(0)) done();
  }

  /** Logs a write and applies it; a protected sheet makes the next sync fail, as Excel does. */
  private write(sheet: FakeSheet | undefined, target: string, property: string, value: unknown, apply: () => void) {
    const write = { sheet: sheet?.name ?? "", target, property, value };
    const thrown = this.throwOnWrite?.(write);
    if (thrown) throw thrown;
    this.writes.push(write);
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
      getRange: (address: string) => this.rangeProxy(sheet, address),
      getUsedRangeOrNullObject: () => {
        if (sheet.isEmpty()) return this.nullObject();
        const used = [...sheet.cells.keys()].map((key) => key.split(",").map(Number));
        const bottom = Math.max(...used.map(([r]) => r));
        const right = Math.max(...used.map(([, c]) => c));
        return this.rangeProxy(sheet, `A1:${columnLetter(right)}${bottom + 1}`);
      },
      tables: { add: (source: object, hasHeaders: boolean) => this.createTable(source, hasHeaders) },
      freezePanes: {
        freezeRows: (count: number) =>
          this.write(sheet, sheet.name, "freezePanes.freezeRows", count, () => (sheet.frozenRows = count)),
      },
      charts: {
        add: (type: string, source: object, seriesBy: string) => this.chartProxy(sheet, type, source, seriesBy),
      },
      activate: () => this.write(sheet, sheet.name, "activate", true, () => (this.active = sheet.name)),
    });
    this.nullFlag(mock, false);
    return this.track(mock, sheet, sheet.name);
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
      numberFormat: grid((cell) => cell.format),
      format: {
        columnWidth: 48,
        font: { bold: false, size: 11 },
        autofitColumns: () => this.write(sheet, address, "format.autofitColumns", true, () => undefined),
      },
      dataValidation: {
        clear: () =>
          this.write(sheet, address, "dataValidation.clear", true, () =>
            sheet.validations.push({ address, cleared: true }),
          ),
      },
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
      rows: {
        add: (index?: number, values?: unknown) => {
          if (index !== undefined && index !== null && index !== -1)
            throw new Error("fake workbook: add at the end only");
          this.write(sheet, table.name, "rows.add", values ?? null, () => (table.bodyRows += 1));
        },
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
    const chart: FakeChart = { type, source: where.address, seriesBy };
    this.write(sheet, "charts", "charts.add", chart, () => sheet.charts.push(chart));
    const mock = new OfficeMockObject({
      name: `Chart ${sheet.charts.length}`,
      title: { text: "" },
      setPosition: (start: string, end: string) =>
        this.write(sheet, `chart ${type}`, "setPosition", [start, end], () => (chart.position = [start, end])),
    });
    return this.track(mock, sheet, `chart ${type}`, (path, value) => {
      if (path === "title.text") chart.title = String(value);
    });
  }
}

// ---------------------------------------------------------------------------------------------

const ANSWER_LIST = [4, 4, 4, 3, 3, 3, 2, 3, 2, 2, 2, 2, 2, 3, 2]; // a finished assessment

function response(id: string, overrides: Partial<AssessmentResponse> = {}, list = ANSWER_LIST): AssessmentResponse {
  const answers: Record<string, number> = {};
  list.forEach((answer, i) => (answers[STATEMENTS[i].id] = answer));
  return { id, workflow: "Invoice triage", respondent: "Ana", date: "2026-01-05", answers, ...overrides };
}

/** A row as someone would type it: inputs, no formulas, and an id. */
function typedRow(r: AssessmentResponse): unknown[] {
  const row: unknown[] = HEADERS.map(() => "");
  inputValues(r).forEach((value, c) => (row[c] = value ?? ""));
  row[COL.id] = r.id;
  return row;
}

const rowRange = (first: number, last: number, row: number) =>
  `${columnLetter(first)}${row}:${columnLetter(last)}${row}`;

/** Checks everything the store writes into one table row. */
function expectRowWritten(sheet: FakeSheet, row: number, r: AssessmentResponse) {
  const inputs = inputValues(r).map((value) => value ?? "");
  expect(sheet.row(row).slice(0, COL.firstScore)).toEqual(inputs);
  expect(sheet.cell(`${columnLetter(COL.id)}${row}`).value).toBe(r.id);
  const formulas = HEADERS.map((_, c) => sheet.peek(row - 1, c).formula).slice(COL.firstScore, COL.id);
  expect(formulas).toEqual(rowFormulas(row));
  for (const c of [COL.workflow, COL.respondent, COL.id]) {
    expect(sheet.peek(row - 1, c).format).toBe("@");
    expect(sheet.peek(row - 1, c).formula).toBeUndefined();
  }
  expect(sheet.peek(row - 1, COL.date).format).toBe("yyyy-mm-dd");
  for (let c = COL.firstScore; c <= COL.gap; c++) expect(sheet.peek(row - 1, c).format).toBe("0.0%");
  const validation = sheet.validationAt(rowRange(COL.firstAnswer, COL.firstScore - 1, row));
  expect(validation).toMatchObject({
    cleared: true,
    rule: { wholeNumber: { formula1: 0, formula2: 5, operator: "Between" } },
    errorAlert: { showAlert: true, style: "Stop" },
  });
  expect((validation?.errorAlert as { message: string }).message).toMatch(/whole number from 0 .* to 5/);
}

describe("ExcelStore.saveResponse", () => {
  it("creates the sheet and the table when they are missing, in at most 3 syncs", async () => {
    const book = new FakeWorkbook();
    const r = response("r-1");
    await new ExcelStore({ run: book.run }).saveResponse(r);

    const sheet = book.sheet(ASSESSMENTS_SHEET)!;
    expect(sheet).toBeDefined();
    expect(book.table(ASSESSMENTS_TABLE)).toMatchObject({ sheet, top: 0, left: 0, width: HEADERS.length, bodyRows: 1 });
    expect(sheet.row(1)).toEqual([...HEADERS]);
    expect(sheet.frozenRows).toBe(1);
    expectRowWritten(sheet, 2, r);
    expect(book.syncs).toBe(2);
  });

  it.each(['=HYPERLINK("x")', "+1", "-2", "@a", "=1+1"])(
    "stores the names %p as text, formatted as text before they are written",
    async (name) => {
      const book = new FakeWorkbook();
      await new ExcelStore({ run: book.run }).saveResponse(response("r-1", { workflow: name, respondent: name }));
      const sheet = book.sheet(ASSESSMENTS_SHEET)!;
      for (const address of ["A2", "B2"]) {
        expect(sheet.cell(address)).toEqual({ value: name, format: "@" });
      }
      const formatAt = book.writes.findIndex((w) => w.property === "numberFormat" && w.target.startsWith("A2:"));
      const valuesAt = book.writes.findIndex((w) => w.property === "values" && w.target.startsWith("A2:"));
      expect(formatAt).toBeGreaterThanOrEqual(0);
      expect(formatAt).toBeLessThan(valuesAt);
    },
  );

  it("updates the row with the same id in place", async () => {
    const book = new FakeWorkbook();
    const rows = [response("a"), response("b", { respondent: "Ben" }), response("c")];
    book.addTable(rows.map(typedRow));
    const changed = response(
      "b",
      { respondent: "Ben", date: "2026-02-01" },
      [5, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1],
    );

    await new ExcelStore({ run: book.run }).saveResponse(changed);

    const sheet = book.sheet(ASSESSMENTS_SHEET)!;
    expectRowWritten(sheet, 3, changed);
    expect(book.table(ASSESSMENTS_TABLE)!.bodyRows).toBe(3);
    expect(book.writes.some((w) => w.property === "rows.add")).toBe(false);
    expect(sheet.row(2)).toEqual(typedRow(rows[0]));
    expect(sheet.row(4)).toEqual(typedRow(rows[2]));
    expect(book.syncs).toBe(3);
  });

  it("clears answers that were removed, rather than leaving the old ones", async () => {
    const book = new FakeWorkbook();
    book.addTable([typedRow(response("a"))]);
    const partial = response("a", { date: "" });
    partial.answers = { [STATEMENTS[0].id]: 1 };
    await new ExcelStore({ run: book.run }).saveResponse(partial);
    const values = book.sheet(ASSESSMENTS_SHEET)!.row(2);
    expect(values.slice(COL.firstAnswer + 1, COL.firstScore)).toEqual(Array(STATEMENTS.length - 1).fill(""));
    expect(values[COL.date]).toBe("");
    expect(values[COL.firstAnswer]).toBe(1);
  });

  it("adds a row at the end of a table that starts lower on the sheet, with formulas for that row", async () => {
    const book = new FakeWorkbook();
    book.addTable([typedRow(response("a")), typedRow(response("b"))], { headerRow: 5 });
    const added = response("new");
    await new ExcelStore({ run: book.run }).saveResponse(added);

    expect(book.writes.filter((w) => w.property === "rows.add")).toHaveLength(1);
    expect(book.table(ASSESSMENTS_TABLE)!.bodyRows).toBe(3);
    expectRowWritten(book.sheet(ASSESSMENTS_SHEET)!, 8, added);
    expect(book.syncs).toBe(3);
  });

  it("fills the empty row of a table that has no data yet", async () => {
    const book = new FakeWorkbook();
    book.addTable([]);
    await new ExcelStore({ run: book.run }).saveResponse(response("first"));
    expect(book.writes.some((w) => w.property === "rows.add")).toBe(false);
    expectRowWritten(book.sheet(ASSESSMENTS_SHEET)!, 2, response("first"));
  });

  it("updates a row typed by hand, read back with an id from its position, and gives it that id", async () => {
    const book = new FakeWorkbook();
    const typed = typedRow(response("x"));
    typed[COL.id] = "";
    book.addTable([typedRow(response("a")), typed]);
    const store = new ExcelStore({ run: book.run });
    const { responses } = await store.listResponses();
    expect(responses[1].id).toBe("sheet-row-3");

    const edited = { ...responses[1], respondent: "Chris" };
    await store.saveResponse(edited);
    expect(book.table(ASSESSMENTS_TABLE)!.bodyRows).toBe(2);
    expectRowWritten(book.sheet(ASSESSMENTS_SHEET)!, 3, edited);
  });

  it("creates the table on an empty sheet of that name, in 3 syncs", async () => {
    const book = new FakeWorkbook();
    book.addSheet(ASSESSMENTS_SHEET);
    await new ExcelStore({ run: book.run }).saveResponse(response("r-1"));
    expect(book.sheets).toHaveLength(1);
    expectRowWritten(book.sheet(ASSESSMENTS_SHEET)!, 2, response("r-1"));
    expect(book.syncs).toBe(3);
  });

  it("refuses to write a new table over content left on a sheet of that name", async () => {
    const book = new FakeWorkbook();
    book.addSheet(ASSESSMENTS_SHEET).at(1, 0).value = "old notes";
    await expect(new ExcelStore({ run: book.run }).saveResponse(response("r-1"))).rejects.toThrow(
      /has content but no AgapAssessments table/,
    );
    expect(book.writes).toEqual([]);
  });

  it("refuses to save into a table whose columns were moved", async () => {
    const book = new FakeWorkbook();
    const header = [...HEADERS];
    [header[3], header[4]] = [header[4], header[3]];
    book.addTable([typedRow(response("a"))], { header });
    await expect(new ExcelStore({ run: book.run }).saveResponse(response("b"))).rejects.toThrow(
      /Column D .* should be "Strategy 1" but is "Strategy 2"/,
    );
    expect(book.writes).toEqual([]);
  });

  it("rejects with Excel's message when the sheet is protected, and writes nothing", async () => {
    const book = new FakeWorkbook();
    book.addTable([typedRow(response("a"))]).sheet.protected = true;
    const before = book.sheet(ASSESSMENTS_SHEET)!.row(2);
    await expect(new ExcelStore({ run: book.run }).saveResponse(response("a", { respondent: "Zoe" }))).rejects.toThrow(
      PROTECTED_MESSAGE,
    );
    expect(book.sheet(ASSESSMENTS_SHEET)!.row(2)).toEqual(before);
  });

  it("rejects with the message of a write that throws", async () => {
    const book = new FakeWorkbook();
    book.throwOnWrite = (write) => (write.property === "values" ? new Error("Write failed: busy") : undefined);
    await expect(new ExcelStore({ run: book.run }).saveResponse(response("a"))).rejects.toThrow("Write failed: busy");
  });
});

describe("ExcelStore.listResponses", () => {
  it("gives an empty list when there is no table, after one sync", async () => {
    const book = new FakeWorkbook();
    await expect(new ExcelStore({ run: book.run }).listResponses()).resolves.toEqual({ responses: [], skipped: [] });
    expect(book.syncs).toBe(1);
  });

  it("reads back what it saved", async () => {
    const book = new FakeWorkbook();
    const store = new ExcelStore({ run: book.run });
    const saved = [response("a"), response("b", { respondent: "", date: "", workflow: '=HYPERLINK("x")' })];
    for (const r of saved) await store.saveResponse(r);
    await expect(store.listResponses()).resolves.toEqual({ responses: saved, skipped: [] });
  });

  it("reads 1,000 rows in at most 3 syncs", async () => {
    const book = new FakeWorkbook();
    const rows = Array.from({ length: 1000 }, (_, i) => response(`r-${i}`, { respondent: `P${i}` }));
    book.addTable(rows.map(typedRow));
    const { responses, skipped } = await new ExcelStore({ run: book.run }).listResponses();
    expect(responses).toHaveLength(1000);
    expect(responses[999]).toEqual(rows[999]);
    expect(skipped).toEqual([]);
    expect(book.syncs).toBe(2);
  });

  it("respects rows typed by hand: no id, a date typed as text, blank answers, an empty row", async () => {
    const book = new FakeWorkbook();
    const typed = typedRow(response("ignored"));
    typed[COL.id] = "";
    typed[COL.date] = "2026-03-04";
    typed[COL.firstAnswer] = "";
    book.addTable([typedRow(response("a")), HEADERS.map(() => ""), typed], { headerRow: 3 });

    const { responses, skipped } = await new ExcelStore({ run: book.run }).listResponses();
    expect(skipped).toEqual([]);
    expect(responses.map((r) => r.id)).toEqual(["a", "sheet-row-6"]);
    expect(responses[1].date).toBe("2026-03-04");
    expect(responses[1].answers[STATEMENTS[0].id]).toBeUndefined();
    expect(responses[1].answers[STATEMENTS[1].id]).toBe(4);
  });

  it.each([
    ["an answer of 7", COL.firstAnswer, 7, /Strategy 1 is "7", not a whole number from 0 to 5/],
    ["a text answer", COL.firstAnswer + 4, "four", /Workflow 2 is "four"/],
    ["a half point", COL.firstAnswer + 14, 2.5, /Adoption 3 is "2.5"/],
    ["a date that is not a date", COL.date, "next week", /the date "next week" is not a date/],
    ["a blank workflow", COL.workflow, "", /the workflow is blank/],
  ])("skips a row with %s, with the reason, and reads the others", async (_, column, value, reason) => {
    const book = new FakeWorkbook();
    const bad = typedRow(response("bad"));
    bad[column] = value;
    book.addTable([typedRow(response("a")), bad, typedRow(response("c"))]);
    const { responses, skipped } = await new ExcelStore({ run: book.run }).listResponses();
    expect(responses.map((r) => r.id)).toEqual(["a", "c"]);
    expect(skipped).toEqual([{ row: 3, problem: expect.stringMatching(reason) }]);
  });

  it("finds the columns by name when someone moved them or added one", async () => {
    const book = new FakeWorkbook();
    const header = ["Notes", ...HEADERS].reverse();
    const r = response("a");
    book.addTable([["my note", ...typedRow(r)].reverse()], { header });
    await expect(new ExcelStore({ run: book.run }).listResponses()).resolves.toEqual({ responses: [r], skipped: [] });
  });

  it("rejects, naming the column, when an answer column is missing", async () => {
    const book = new FakeWorkbook();
    book.addTable([typedRow(response("a")).slice(0, 10)], { header: HEADERS.slice(0, 10) });
    await expect(new ExcelStore({ run: book.run }).listResponses()).rejects.toThrow(
      /has no "Oversight 2", "Oversight 3", "Measurement 1", .*"Adoption 3" column/,
    );
  });

  it("skips a copied row that repeats an id", async () => {
    const book = new FakeWorkbook();
    book.addTable([typedRow(response("a")), typedRow(response("a"))]);
    const { responses, skipped } = await new ExcelStore({ run: book.run }).listResponses();
    expect(responses).toHaveLength(1);
    expect(skipped).toEqual([{ row: 3, problem: expect.stringMatching(/repeats the one in row 2/) }]);
  });
});

/** Office.context.document.settings, in memory; `saved` is what a save would keep in the file. */
class FakeSettings implements DraftSettings {
  readonly values = new Map<string, unknown>();
  saved = new Map<string, unknown>();
  saves = 0;
  failWith?: { name: string; message: string; code: number };
  get(name: string) {
    return this.values.has(name) ? this.values.get(name) : null;
  }
  set(name: string, value: unknown) {
    this.values.set(name, value);
  }
  remove(name: string) {
    this.values.delete(name);
  }
  saveAsync(callback: (result: Office.AsyncResult<void>) => void) {
    this.saves += 1;
    const failed = this.failWith;
    if (!failed) this.saved = new Map(this.values);
    setTimeout(() =>
      callback({
        status: failed ? Office.AsyncResultStatus.Failed : Office.AsyncResultStatus.Succeeded,
        error: failed,
      } as unknown as Office.AsyncResult<void>),
    );
  }
}

const draft: Draft = {
  workflow: "=cmd",
  respondent: "Ana",
  date: "2026-01-05",
  answers: { [STATEMENTS[0].id]: 3 },
  responseId: "r-1",
};

describe("ExcelStore drafts", () => {
  const globals = globalThis as { Office?: unknown; Excel?: unknown };
  beforeEach(() => {
    // The real values of Office.AsyncResultStatus, which the store compares against.
    globals.Office = { AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" } };
  });
  afterEach(() => {
    delete globals.Office;
    delete globals.Excel;
  });

  it("round-trips a draft as JSON in the document settings and saves them", async () => {
    const settings = new FakeSettings();
    const store = new ExcelStore({ settings });
    await expect(store.loadDraft()).resolves.toBeNull();
    await store.saveDraft(draft);
    expect(JSON.parse(settings.saved.get(DRAFT_KEY) as string)).toEqual(draft);
    await expect(store.loadDraft()).resolves.toEqual(draft);
    await store.saveDraft(null);
    expect(settings.saved.has(DRAFT_KEY)).toBe(false);
    expect(settings.saves).toBe(2);
    await expect(store.loadDraft()).resolves.toBeNull();
  });

  it("rejects with the error of a failed save", async () => {
    const settings = new FakeSettings();
    settings.failWith = { name: "Settings", message: "The settings could not be saved.", code: 5001 };
    await expect(new ExcelStore({ settings }).saveDraft(draft)).rejects.toThrow("The settings could not be saved.");
  });

  it("rejects, saying so, when the stored draft is damaged", async () => {
    const settings = new FakeSettings();
    settings.set(DRAFT_KEY, "{not json");
    await expect(new ExcelStore({ settings }).loadDraft()).rejects.toThrow(/draft saved in this workbook is damaged/);
  });

  it("uses Excel.run and the document settings of the Office globals when given nothing", async () => {
    const settings = new FakeSettings();
    const book = new FakeWorkbook();
    const store = new ExcelStore(); // built before the globals exist, as before Office.onReady
    const office = new OfficeMockObject({ context: { document: {} } });
    office.context.document.settings = settings;
    office.AsyncResultStatus = { Succeeded: "succeeded", Failed: "failed" };
    globals.Office = office;
    globals.Excel = new OfficeMockObject({ run: book.run });

    await store.saveDraft(draft);
    expect(settings.saved.has(DRAFT_KEY)).toBe(true);
    await store.saveResponse(response("r-1"));
    expect(book.sheet(ASSESSMENTS_SHEET)?.row(2)[COL.id]).toBe("r-1");
  });
});

describe("ExcelStore.insertReport", () => {
  // Layer scores 0.8, 0.6, 0.5, 0.4, 0.5: realized 0.048, in the Critical band.
  const A = [4, 4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 2, 3, 2, 2];
  const B = [4, 4, 4, 3, 3, 3, 2, 3, 3, 2, 2, 2, 2, 3, 3];
  const team = [response("a", {}, A), response("b", { respondent: "Ben" }, B)];

  async function report(book: FakeWorkbook, workflow = "Invoice triage", responses = team) {
    book.addTable(responses.map(typedRow));
    const name = await new ExcelStore({ run: book.run }).insertReport(workflow, responses);
    return { name, sheet: book.sheet(name)! };
  }

  it("writes a live report sheet with two native charts, in at most 4 syncs", async () => {
    const book = new FakeWorkbook();
    const { name, sheet } = await report(book);

    expect(name).toBe("AGAP Report – Invoice triage");
    expect(book.active).toBe(name);
    expect(book.syncs).toBe(2);
    expect(sheet.cell("B2")).toEqual({ value: "Invoice triage", format: "@" });

    const criteria = `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE($B$2,"~","~~"),"*","~*"),"?","~?")`;
    expect(sheet.cell("B3").formula).toBe(`=COUNTIFS(AgapAssessments[Workflow],${criteria})`);
    LAYERS.forEach((layer, k) => {
      const column = `AgapAssessments[${layer.short} score]`;
      expect(sheet.cell(`A${7 + k}`).value).toBe(layer.name);
      expect(sheet.cell(`B${7 + k}`).formula).toBe(
        `=AVERAGEIFS(${column},AgapAssessments[Workflow],${criteria},${column},">=0")`,
      );
    });
    expect(sheet.cell("B12").formula).toBe("=PRODUCT(B7:B11)");
    expect(sheet.cell("B13").formula).toBe("=1-B12");
    // The same IF chain as the table's band column, pointed at the report's gap cell.
    expect(sheet.cell("B14").formula).toBe(
      rowFormulas(9)[7]
        .split(`${columnLetter(COL.gap)}9`)
        .join("B13"),
    );
    expect(sheet.cell("B15").formula).toBe("=INDEX($A$7:$A$11,MATCH(MIN(B7:B11),B7:B11,0))");
    for (const address of ["B7", "B11", "B12", "B13", "C7", "B18", "B23"])
      expect(sheet.cell(address).format).toBe("0.0%");

    // The decay curve: stage names, then the product of the first k layer scores.
    expect(CURVE_STAGES.map((_, k) => sheet.cell(`A${18 + k}`).value)).toEqual([...CURVE_STAGES]);
    expect(sheet.cell("B18").value).toBe(1);
    expect([1, 2, 3, 4, 5].map((k) => sheet.cell(`B${18 + k}`).formula)).toEqual(
      [7, 8, 9, 10, 11].map((last) => `=PRODUCT($B$7:$B$${last})`),
    );

    // Mean scores 0.8, 0.6, 0.5, 0.4, 0.5 (realized 4.8%): the plan goes to the next band limit, 10%.
    const plan = planToTarget([0.8, 0.6, 0.5, 0.4, 0.5], 0.1);
    expect(plan.status).toBe("planned");
    expect(sheet.cell("C6").value).toBe("Plan to 10%");
    const planned = [7, 8, 9, 10, 11].map((row) => sheet.cell(`C${row}`).value as number);
    planned.forEach((value, k) => expect(value).toBeCloseTo((plan as { scores: number[] }).scores[k], 12));
    expect(sheet.cell("C12").formula).toBe("=PRODUCT(C7:C11)");
    expect(sheet.cell("A25").value).toMatch(/^Plan to 10%, the next band limit/);

    expect(sheet.charts).toEqual([
      expect.objectContaining({ type: "Line", source: "A17:B23", seriesBy: "Columns", title: expect.any(String) }),
      expect.objectContaining({ type: "ColumnClustered", source: "A6:C11", seriesBy: "Columns" }),
    ]);
    expect(sheet.charts.every((chart) => chart.position?.length === 2)).toBe(true);

    expect(sheet.cell("B27").formula).toBe("=B14");
    expect(sheet.cell("A28").value).toBe(BAND_THRESHOLD_NOTE);
    expect(sheet.cell("B30").formula).toBe("=B15");
    for (let a = 0; a < 3; a++) {
      const formula = sheet.cell(`A${32 + a}`).formula!;
      expect(formula.startsWith("=CHOOSE(MATCH($B$15,$A$7:$A$11,0),")).toBe(true);
      for (const layer of LAYERS) expect(formula).toContain(LAYER_GUIDANCE[layer.id].actions[a]);
    }
  });

  it("keeps a workflow name that looks like a formula as text", async () => {
    const book = new FakeWorkbook();
    const name = '=HYPERLINK("x")';
    const own = team.map((r) => ({ ...r, workflow: name }));
    const { sheet } = await report(book, name, own);
    expect(sheet.cell("B2")).toEqual({ value: name, format: "@" });
    expect(sheet.name).toBe('AGAP Report – =HYPERLINK("x")');
  });

  it("gives the sheet a name that fits in 31 characters and clashes with none (ignoring case)", async () => {
    const book = new FakeWorkbook();
    book.addSheet("agap report – invoice triage");
    const first = await report(book);
    expect(first.name).toBe("AGAP Report – Invoice triag (2)"); // 31 characters, suffix included

    const long = "Accounts payable: vendor [EU] onboarding?";
    const own = team.map((r) => ({ ...r, workflow: long }));
    const name = await new ExcelStore({ run: book.run }).insertReport(long, own);
    expect(name).toBe("AGAP Report – Accounts payable-");
    expect(name.length).toBeLessThanOrEqual(31);
    const again = await new ExcelStore({ run: book.run }).insertReport(long, own);
    expect(again).toBe("AGAP Report – Accounts paya (2)");
  });

  it("plans to the next band limit above the current realized value", async () => {
    const book = new FakeWorkbook();
    const all4 = Array(15).fill(4); // 0.8 on every layer: realized 32.8%, so the next limit is 50%
    const { sheet } = await report(book, "Invoice triage", [response("a", {}, all4)]);
    expect(sheet.cell("C6").value).toBe("Plan to 50%");
    const plan = planToTarget([0.8, 0.8, 0.8, 0.8, 0.8], 0.5) as { scores: number[] };
    expect(sheet.cell("C7").value).toBeCloseTo(plan.scores[0], 12);
  });

  it("writes no plan numbers when a layer has no finished answers", async () => {
    const book = new FakeWorkbook();
    const partial = response("a");
    partial.answers = { ...partial.answers, [STATEMENTS[14].id]: undefined };
    const { sheet } = await report(book, "Invoice triage", [partial]);
    expect(sheet.cell("C11").value).toBe("");
    expect(sheet.cell("C12").formula).toBeUndefined();
    expect(sheet.cell("A25").value).toMatch(/^No plan yet/);
  });

  it("rejects when there is no assessments table or no response for the workflow", async () => {
    const book = new FakeWorkbook();
    const store = new ExcelStore({ run: book.run });
    await expect(store.insertReport("Invoice triage", team)).rejects.toThrow(/does not have/);
    await expect(store.insertReport("Other", team)).rejects.toThrow(/no saved responses for "Other"/);
    expect(book.writes).toEqual([]);
  });

  it("rejects with Excel's message when the new sheet cannot be written", async () => {
    const book = new FakeWorkbook();
    book.throwOnWrite = (write) => (write.property === "charts.add" ? new Error("Chart limit reached") : undefined);
    await expect(report(book)).rejects.toThrow("Chart limit reached");
  });
});

describe("dates in the table", () => {
  it("writes dates as serial numbers that the date format shows as ISO dates", async () => {
    const book = new FakeWorkbook();
    await new ExcelStore({ run: book.run }).saveResponse(response("a"));
    expect(book.sheet(ASSESSMENTS_SHEET)!.cell("C2")).toEqual({
      value: dateToSerial("2026-01-05"),
      format: "yyyy-mm-dd",
    });
  });
});
