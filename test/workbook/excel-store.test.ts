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
import { FakeSheet, FakeWorkbook, PROTECTED_MESSAGE } from "./fake-excel";

// The fake workbook behind office-addin-mock proxies is shared with the planning tests.

/** The assessments table, typed in as a person would: header row, then rows of values. */
function addAssessments(
  book: FakeWorkbook,
  rows: unknown[][],
  options: { headerRow?: number; header?: readonly string[]; sheet?: string } = {},
) {
  const { headerRow, header = HEADERS, sheet = ASSESSMENTS_SHEET } = options;
  return book.addTable(ASSESSMENTS_TABLE, sheet, header, rows, { headerRow });
}

/** The shown values of one assessments row (1-based), across all the table's columns. */
const rowOf = (sheet: FakeSheet, row: number) => sheet.row(row, HEADERS.length);

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
  expect(rowOf(sheet, row).slice(0, COL.firstScore)).toEqual(inputs);
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
    expect(rowOf(sheet, 1)).toEqual([...HEADERS]);
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
    addAssessments(book, rows.map(typedRow));
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
    expect(rowOf(sheet, 2)).toEqual(typedRow(rows[0]));
    expect(rowOf(sheet, 4)).toEqual(typedRow(rows[2]));
    expect(book.syncs).toBe(3);
  });

  it("clears answers that were removed, rather than leaving the old ones", async () => {
    const book = new FakeWorkbook();
    addAssessments(book, [typedRow(response("a"))]);
    const partial = response("a", { date: "" });
    partial.answers = { [STATEMENTS[0].id]: 1 };
    await new ExcelStore({ run: book.run }).saveResponse(partial);
    const values = rowOf(book.sheet(ASSESSMENTS_SHEET)!, 2);
    expect(values.slice(COL.firstAnswer + 1, COL.firstScore)).toEqual(Array(STATEMENTS.length - 1).fill(""));
    expect(values[COL.date]).toBe("");
    expect(values[COL.firstAnswer]).toBe(1);
  });

  it("adds a row at the end of a table that starts lower on the sheet, with formulas for that row", async () => {
    const book = new FakeWorkbook();
    addAssessments(book, [typedRow(response("a")), typedRow(response("b"))], { headerRow: 5 });
    const added = response("new");
    await new ExcelStore({ run: book.run }).saveResponse(added);

    expect(book.writes.filter((w) => w.property === "rows.add")).toHaveLength(1);
    expect(book.table(ASSESSMENTS_TABLE)!.bodyRows).toBe(3);
    expectRowWritten(book.sheet(ASSESSMENTS_SHEET)!, 8, added);
    expect(book.syncs).toBe(3);
  });

  it("fills the empty row of a table that has no data yet", async () => {
    const book = new FakeWorkbook();
    addAssessments(book, []);
    await new ExcelStore({ run: book.run }).saveResponse(response("first"));
    expect(book.writes.some((w) => w.property === "rows.add")).toBe(false);
    expectRowWritten(book.sheet(ASSESSMENTS_SHEET)!, 2, response("first"));
  });

  it("updates a row typed by hand, read back with an id from its position, and gives it that id", async () => {
    const book = new FakeWorkbook();
    const typed = typedRow(response("x"));
    typed[COL.id] = "";
    addAssessments(book, [typedRow(response("a")), typed]);
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
    addAssessments(book, [typedRow(response("a"))], { header });
    await expect(new ExcelStore({ run: book.run }).saveResponse(response("b"))).rejects.toThrow(
      /Column D .* should be "Strategy 1" but is "Strategy 2"/,
    );
    expect(book.writes).toEqual([]);
  });

  it("rejects with Excel's message when the sheet is protected, and writes nothing", async () => {
    const book = new FakeWorkbook();
    addAssessments(book, [typedRow(response("a"))]).sheet.protected = true;
    const before = rowOf(book.sheet(ASSESSMENTS_SHEET)!, 2);
    await expect(new ExcelStore({ run: book.run }).saveResponse(response("a", { respondent: "Zoe" }))).rejects.toThrow(
      PROTECTED_MESSAGE,
    );
    expect(rowOf(book.sheet(ASSESSMENTS_SHEET)!, 2)).toEqual(before);
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
    addAssessments(book, rows.map(typedRow));
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
    addAssessments(book, [typedRow(response("a")), HEADERS.map(() => ""), typed], { headerRow: 3 });

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
    addAssessments(book, [typedRow(response("a")), bad, typedRow(response("c"))]);
    const { responses, skipped } = await new ExcelStore({ run: book.run }).listResponses();
    expect(responses.map((r) => r.id)).toEqual(["a", "c"]);
    expect(skipped).toEqual([{ row: 3, problem: expect.stringMatching(reason) }]);
  });

  it("finds the columns by name when someone moved them or added one", async () => {
    const book = new FakeWorkbook();
    const header = ["Notes", ...HEADERS].reverse();
    const r = response("a");
    addAssessments(book, [["my note", ...typedRow(r)].reverse()], { header });
    await expect(new ExcelStore({ run: book.run }).listResponses()).resolves.toEqual({ responses: [r], skipped: [] });
  });

  it("rejects, naming the column, when an answer column is missing", async () => {
    const book = new FakeWorkbook();
    addAssessments(book, [typedRow(response("a")).slice(0, 10)], { header: HEADERS.slice(0, 10) });
    await expect(new ExcelStore({ run: book.run }).listResponses()).rejects.toThrow(
      /has no "Oversight 2", "Oversight 3", "Measurement 1", .*"Adoption 3" column/,
    );
  });

  it("skips a copied row that repeats an id", async () => {
    const book = new FakeWorkbook();
    addAssessments(book, [typedRow(response("a")), typedRow(response("a"))]);
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
    expect(rowOf(book.sheet(ASSESSMENTS_SHEET)!, 2)[COL.id]).toBe("r-1");
  });
});

describe("ExcelStore.insertReport", () => {
  // Layer scores 0.8, 0.6, 0.5, 0.4, 0.5: realized 0.048, in the Critical band.
  const A = [4, 4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 2, 3, 2, 2];
  const B = [4, 4, 4, 3, 3, 3, 2, 3, 3, 2, 2, 2, 2, 3, 3];
  const team = [response("a", {}, A), response("b", { respondent: "Ben" }, B)];

  async function report(book: FakeWorkbook, workflow = "Invoice triage", responses = team) {
    addAssessments(book, responses.map(typedRow));
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
