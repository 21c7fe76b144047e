import { OfficeMockObject } from "office-addin-mock";
import {
  BAND_THRESHOLD_NOTE,
  CURVE_STAGES,
  LAYERS,
  LAYER_GUIDANCE,
  NOTHING_TO_FIX,
  STATEMENTS,
  fixFirst,
  latestRound,
  planToTarget,
  roundsOf,
  type AssessmentResponse,
} from "../../src/model";
import { ExcelStore, type DraftSettings } from "../../src/workbook/excel-store";
import { ASSESSMENTS, ASSESSMENTS_SHEET, ASSESSMENTS_TABLE, bandFormula } from "../../src/workbook/sheets/assessments";
import { DATE_FORMAT, PERCENT, TEXT, WHOLE, dateToSerial } from "../../src/workbook/sheets/cells";
import { latestDateFormula, roundCompleteFormula, roundScoreFormula } from "../../src/workbook/sheets/round-formulas";
import { reportRow } from "../../src/workbook/sheets/report";
import {
  LAYOUTS_SHEET,
  NA,
  columnLetter,
  headersOf,
  layoutOf,
  rowCells,
  specLayout,
  type Layout,
} from "../../src/workbook/sheets/spec";
import { SUMMARY, SUMMARY_SHEET, SUMMARY_TABLE } from "../../src/workbook/sheets/summary";
import { DRAFT_KEY, type Draft } from "../../src/workbook/store";
import { evaluateFake } from "../support/workbook-engine";
import { FakeSheet, FakeWorkbook, PROTECTED_MESSAGE } from "./fake-excel";
import {
  LATEST,
  LATEST_ANSWERS,
  answersOf,
  expectRowAsModel,
  placeTable,
  recordLayouts,
  recordedLayouts,
  typedRow as specRow,
} from "./planning-fixtures";

// The fake workbook behind office-addin-mock proxies is shared with the planning tests.
//
// Sync counts: every save opens its tables through the table gateway in two syncs (first which
// tables and sheets exist, then their cells and the recorded layout versions), then sends all of
// its writes in one more: 3 in all, whether the table is new or not. A read is the two syncs of
// the opening.

const HEADERS = headersOf(ASSESSMENTS);
const WIDTH = HEADERS.length;
const COL = specLayout(ASSESSMENTS).position;
const answerAt = (i: number) => COL[`answer:${STATEMENTS[i].id}`];

/** The assessments table as a person typed it: header row, then rows of values, no formulas. */
function addAssessments(
  book: FakeWorkbook,
  rows: unknown[][],
  options: { headerRow?: number; header?: readonly string[]; sheet?: string } = {},
) {
  const { headerRow, header = HEADERS, sheet = ASSESSMENTS_SHEET } = options;
  return book.addTable(ASSESSMENTS_TABLE, sheet, header, rows, { headerRow });
}

/** A workbook saved by this version: the tables as AGAP wrote them and their layout versions. */
function savedBook(responses: readonly AssessmentResponse[] = [], headerRow = 1) {
  const book = new FakeWorkbook();
  placeTable(book, ASSESSMENTS, responses, headerRow);
  recordLayouts(book, [ASSESSMENTS]);
  return book;
}

/** The shown values of one assessments row (1-based), across all the table's columns. */
const rowOf = (sheet: FakeSheet, row: number) => sheet.row(row, WIDTH);

/** The input cells of one row (values AGAP or a person typed), in spec order. */
const inputsOf = (sheet: FakeSheet, row: number, layout: Layout = specLayout(ASSESSMENTS)) =>
  ASSESSMENTS.columns
    .filter((column) => column.kind !== "derived")
    .map((column) => sheet.peek(row - 1, layout.left + layout.position[column.key]).value);

// ---------------------------------------------------------------------------------------------

const ANSWER_LIST = [4, 4, 4, 3, 3, 3, 2, 3, 2, 2, 2, 2, 2, 3, 2]; // a finished assessment

function response(id: string, overrides: Partial<AssessmentResponse> = {}, list = ANSWER_LIST): AssessmentResponse {
  return {
    id,
    workflow: "Invoice triage",
    respondent: "Ana",
    date: "2026-01-05",
    answers: answersOf(list),
    ...overrides,
  };
}

/** A row as someone would type it: inputs, no formulas, and an id. */
const typedRow = (r: AssessmentResponse) => specRow(ASSESSMENTS, r);
const typedInputs = (r: AssessmentResponse) =>
  ASSESSMENTS.columns.filter((column) => column.kind !== "derived").map((column) => typedRow(r)[COL[column.key]]);

/**
 * Checks everything the store writes into one table row, in a table laid out as `layout`: the
 * inputs, the formulas, the number formats, the validation of the answers, and that every
 * formula evaluates (without the AGAP functions) to the model's value.
 */
function expectRowWritten(book: FakeWorkbook, row: number, r: AssessmentResponse, layout = specLayout(ASSESSMENTS)) {
  const sheet = book.table(ASSESSMENTS_TABLE)!.sheet;
  const cells = rowCells(ASSESSMENTS, layout, r, row);
  const at = (key: string) => sheet.peek(row - 1, layout.left + layout.position[key]);
  for (const column of ASSESSMENTS.columns) {
    const cell = at(column.key);
    if (column.kind === "derived") {
      expect({ key: column.key, formula: cell.formula }).toEqual({
        key: column.key,
        formula: cells.formulas[layout.position[column.key]],
      });
    } else {
      expect({ key: column.key, value: cell.value }).toEqual({ key: column.key, value: column.value(r) });
      expect(cell.formula).toBeUndefined();
    }
  }
  for (const key of ["workflow", "respondent", "id"]) expect(at(key).format).toBe(TEXT);
  expect(at("date").format).toBe(DATE_FORMAT);
  for (const key of [...LAYERS.map((layer) => `score:${layer.id}`), "realized", "gap"]) {
    expect(at(key).format).toBe(PERCENT);
  }
  expect(at("answered").format).toBe(WHOLE);
  // The answer columns, wherever they stand, are one run of cells with the same rule.
  const answers = STATEMENTS.map((statement) => layout.position[`answer:${statement.id}`]);
  const first = columnLetter(layout.left + Math.min(...answers));
  const last = columnLetter(layout.left + Math.max(...answers));
  const validation = sheet.validationAt(`${first}${row}:${last}${row}`);
  expect(validation).toMatchObject({
    cleared: true,
    rule: { wholeNumber: { formula1: 0, formula2: 5, operator: "Between" } },
    errorAlert: { showAlert: true, style: "Stop" },
  });
  expect((validation?.errorAlert as { message: string }).message).toMatch(/whole number from 0 .* to 5/);
  expectRowAsModel(evaluateFake(book), ASSESSMENTS, layout, row, r, undefined);
}

describe("ExcelStore.saveResponse", () => {
  it("creates the table, its round's summary row and the layout record when they are missing, in 3 syncs", async () => {
    const book = new FakeWorkbook();
    const r = response("r-1");
    await new ExcelStore({ run: book.run }).saveResponse(r);

    const sheet = book.sheet(ASSESSMENTS_SHEET)!;
    expect(book.table(ASSESSMENTS_TABLE)).toMatchObject({ sheet, top: 0, left: 0, width: WIDTH, bodyRows: 1 });
    expect(rowOf(sheet, 1)).toEqual([...HEADERS]);
    expect(sheet.frozenRows).toBe(1);
    expectRowWritten(book, 2, r);
    expect(book.sheets.map((s) => [s.name, s.visibility])).toEqual([
      [ASSESSMENTS_SHEET, "Visible"],
      [SUMMARY_SHEET, "Visible"],
      [LAYOUTS_SHEET, "Hidden"],
    ]);
    expect(recordedLayouts(book)).toEqual([
      ["Table", "Layout version"],
      [ASSESSMENTS_TABLE, ASSESSMENTS.version],
      [SUMMARY_TABLE, SUMMARY.version],
    ]);
    const summary = book.sheet(SUMMARY_SHEET)!;
    const round = roundsOf([r], r.workflow)[0];
    expect(book.table(SUMMARY_TABLE)).toMatchObject({ sheet: summary, top: 0, bodyRows: 1 });
    expect(summary.row(1, headersOf(SUMMARY).length)).toEqual(headersOf(SUMMARY));
    expect(summary.cell("A2")).toEqual({ value: "Invoice triage", format: TEXT });
    expect(summary.cell("B2").value).toBe(dateToSerial("2026-01-05"));
    expect(summary.cell("N2")).toEqual({ value: "2026-01-05 Invoice triage", format: TEXT });
    expectRowAsModel(evaluateFake(book), SUMMARY, specLayout(SUMMARY), 2, round, undefined);
    expect(book.syncs).toBe(3);
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
      expect(book.sheet(SUMMARY_SHEET)!.cell("A2")).toEqual({ value: name, format: "@" });
      for (const where of [ASSESSMENTS_SHEET, SUMMARY_SHEET]) {
        const writes = book.writes.filter((w) => w.sheet === where && w.target.startsWith("A2:"));
        const formatAt = writes.findIndex((w) => w.property === "numberFormat");
        const valuesAt = writes.findIndex((w) => w.property === "values");
        expect(formatAt).toBeGreaterThanOrEqual(0);
        expect(formatAt).toBeLessThan(valuesAt);
      }
    },
  );

  it("updates the row with the same id in place, leaving the other rows as they were", async () => {
    const rows = [response("a"), response("b", { respondent: "Ben" }), response("c")];
    const book = savedBook(rows);
    const sheet = book.sheet(ASSESSMENTS_SHEET)!;
    const before = [sheet.formulas(2, WIDTH), sheet.formulas(4, WIDTH)];
    const changed = response(
      "b",
      { respondent: "Ben", date: "2026-02-01" },
      [5, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1],
    );

    await new ExcelStore({ run: book.run }).saveResponse(changed);

    expectRowWritten(book, 3, changed);
    expect(book.table(ASSESSMENTS_TABLE)!.bodyRows).toBe(3);
    expect(book.writes.some((w) => w.property === "rows.add" && w.target === ASSESSMENTS_TABLE)).toBe(false);
    expect([sheet.formulas(2, WIDTH), sheet.formulas(4, WIDTH)]).toEqual(before);
    expect(book.syncs).toBe(3);
  });

  it("clears answers that were removed, rather than leaving the old ones", async () => {
    const book = savedBook([response("a")]);
    const partial = response("a", { date: "" });
    partial.answers = { [STATEMENTS[0].id]: 1 };
    await new ExcelStore({ run: book.run }).saveResponse(partial);
    const values = rowOf(book.sheet(ASSESSMENTS_SHEET)!, 2);
    expect(STATEMENTS.slice(1).map((_, i) => values[answerAt(i + 1)])).toEqual(Array(STATEMENTS.length - 1).fill(""));
    expect(values[COL.date]).toBe("");
    expect(values[answerAt(0)]).toBe(1);
    expectRowWritten(book, 2, partial);
  });

  it("adds a row at the end of a table that starts lower on the sheet, with formulas for that row", async () => {
    const book = savedBook([response("a"), response("b")], 5);
    const added = response("new");
    await new ExcelStore({ run: book.run }).saveResponse(added);

    expect(book.writes.filter((w) => w.property === "rows.add" && w.target === ASSESSMENTS_TABLE)).toHaveLength(1);
    expect(book.table(ASSESSMENTS_TABLE)!.bodyRows).toBe(3);
    expectRowWritten(book, 8, added);
    expect(book.sheet(ASSESSMENTS_SHEET)!.cell("S8").formula).toBe("=IF(COUNT(D8:F8)<3,NA(),AVERAGE(D8:F8)/5)");
    expect(book.syncs).toBe(3);
  });

  it("fills the empty row of a table that has no data yet", async () => {
    const book = savedBook([]);
    await new ExcelStore({ run: book.run }).saveResponse(response("first"));
    expect(book.writes.some((w) => w.property === "rows.add")).toBe(false);
    expect(book.table(ASSESSMENTS_TABLE)!.bodyRows).toBe(1);
    expectRowWritten(book, 2, response("first"));
  });

  it("updates a row typed by hand, read back with an id from its position, and gives it that id", async () => {
    const book = new FakeWorkbook();
    const typed = typedRow(response("x"));
    typed[COL.id] = "";
    addAssessments(book, [typedRow(response("a")), typed]);
    recordLayouts(book, [ASSESSMENTS]);
    const store = new ExcelStore({ run: book.run });
    const { responses } = await store.listResponses();
    expect(responses[1].id).toBe("sheet-row-3");

    const edited = { ...responses[1], respondent: "Chris" };
    await store.saveResponse(edited);
    expect(book.table(ASSESSMENTS_TABLE)!.bodyRows).toBe(2);
    expectRowWritten(book, 3, edited);
    expect(book.sheet(ASSESSMENTS_SHEET)!.cell(`${columnLetter(COL.id)}3`).value).toBe("sheet-row-3");
  });

  it("writes AGAP's formulas into every row of a table typed by hand without a recorded layout", async () => {
    const book = new FakeWorkbook();
    const rows = [response("a"), response("b", { respondent: "Ben", date: "" })];
    addAssessments(book, rows.map(typedRow));
    await new ExcelStore({ run: book.run }).saveResponse(response("c"));
    const evaluated = evaluateFake(book);
    rows.forEach((r, i) => expectRowAsModel(evaluated, ASSESSMENTS, specLayout(ASSESSMENTS), i + 2, r, undefined));
    expectRowWritten(book, 4, response("c"));
    expect(recordedLayouts(book)).toContainEqual([ASSESSMENTS_TABLE, ASSESSMENTS.version]);
    expect(book.syncs).toBe(3);
  });

  it("creates the table on an empty sheet of that name, in 3 syncs", async () => {
    const book = new FakeWorkbook();
    book.addSheet(ASSESSMENTS_SHEET);
    await new ExcelStore({ run: book.run }).saveResponse(response("r-1"));
    // No second assessments sheet: only the summary and the hidden layouts sheet are added.
    expect(book.sheets.map((s) => s.name)).toEqual([ASSESSMENTS_SHEET, SUMMARY_SHEET, LAYOUTS_SHEET]);
    expectRowWritten(book, 2, response("r-1"));
    expect(book.syncs).toBe(3);
  });

  it("refuses to write a new table over content left on a sheet of that name", async () => {
    const book = new FakeWorkbook();
    book.addSheet(ASSESSMENTS_SHEET).at(1, 0).value = "old notes";
    await expect(new ExcelStore({ run: book.run }).saveResponse(response("r-1"))).rejects.toThrow(
      /has content but no AgapAssessments table/,
    );
    expect(book.writes).toEqual([]);
    expect(book.syncs).toBe(2);
  });

  it("refuses, before its writing sync, when the summary sheet has content but no table", async () => {
    const book = savedBook([response("a")]);
    book.addSheet(SUMMARY_SHEET).at(0, 0).value = "my summary";
    const before = book.sheet(ASSESSMENTS_SHEET)!.formulas(2, WIDTH);
    await expect(new ExcelStore({ run: book.run }).saveResponse(response("a", { respondent: "Zoe" }))).rejects.toThrow(
      /"AGAP Summary" sheet has content but no AgapSummary table/,
    );
    // The assessments table is current, so nothing was queued for it; no third sync sends anything.
    expect(book.writes).toEqual([]);
    expect(book.syncs).toBe(2);
    expect(book.sheet(ASSESSMENTS_SHEET)!.formulas(2, WIDTH)).toEqual(before);
  });

  it("finds columns moved or added by hand by their headers, and writes each value and formula into its own", async () => {
    // "Respondent" moved to the far right, and a column of the person's own added at the left.
    const header = ["Notes", ...HEADERS.filter((h) => h !== "Respondent"), "Respondent"];
    const layout = layoutOf(ASSESSMENTS, header);
    const asTyped = (r: AssessmentResponse, note: string) => {
      const values = typedRow(r);
      return header.map((name, c) => (c === 0 ? note : values[HEADERS.indexOf(name)]));
    };
    const book = new FakeWorkbook();
    addAssessments(book, [asTyped(response("a"), "my note")], { header });
    recordLayouts(book, [ASSESSMENTS]);
    const store = new ExcelStore({ run: book.run });

    await store.saveResponse(response("b", { respondent: "Ben" }));
    await store.saveResponse(response("a", { respondent: "Zoe" }, [5, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1]));

    const sheet = book.sheet(ASSESSMENTS_SHEET)!;
    expect(sheet.row(1, header.length)).toEqual(header);
    expectRowWritten(book, 3, response("b", { respondent: "Ben" }), layout);
    expectRowWritten(
      book,
      2,
      response("a", { respondent: "Zoe" }, [5, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1]),
      layout,
    );
    expect(sheet.cell("A2").value).toBe("my note");
    expect(sheet.cell("A3").value).toBe("");
    expect(sheet.cell(`${columnLetter(header.length - 1)}2`).value).toBe("Zoe");
    expect(inputsOf(sheet, 3, layout)).toEqual(typedInputs(response("b", { respondent: "Ben" })));
    await expect(store.listResponses()).resolves.toEqual({
      responses: [
        response("a", { respondent: "Zoe" }, [5, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1]),
        response("b", { respondent: "Ben" }),
      ],
      skipped: [],
    });
  });

  it("writes a table whose Strategy 1 and Strategy 2 columns were swapped by hand, each under its own header", async () => {
    // Earlier layouts refused this table; columns are now found by header.
    const header = [...HEADERS];
    [header[3], header[4]] = [header[4], header[3]];
    const layout = layoutOf(ASSESSMENTS, header);
    const swapped = (r: AssessmentResponse) => {
      const values = typedRow(r);
      [values[3], values[4]] = [values[4], values[3]];
      return values;
    };
    const book = new FakeWorkbook();
    addAssessments(book, [swapped(response("a"))], { header });
    recordLayouts(book, [ASSESSMENTS]);
    const added = response("b", { respondent: "Ben" }, [5, 1, 3, 3, 3, 3, 2, 3, 2, 2, 2, 2, 2, 3, 2]);
    await new ExcelStore({ run: book.run }).saveResponse(added);
    const sheet = book.sheet(ASSESSMENTS_SHEET)!;
    expect([sheet.cell("D3").value, sheet.cell("E3").value]).toEqual([1, 5]);
    expectRowWritten(book, 3, added, layout);
  });

  it("rejects with Excel's message when the sheet is protected, and writes nothing", async () => {
    const book = savedBook([response("a")]);
    book.table(ASSESSMENTS_TABLE)!.sheet.protected = true;
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

describe("ExcelStore.saveResponse and the summary sheet", () => {
  it("gives each round one summary row, whose live formulas follow every response of the round", async () => {
    const book = new FakeWorkbook();
    const store = new ExcelStore({ run: book.run });
    const team = LATEST_ANSWERS.map((list, i) => response(`t-${i}`, { respondent: ["Ana", "Ben"][i] }, [...list]));
    const partial = response("p", { respondent: "Cy" }, [1, 2, 3]);
    const later = response("later", { date: "2026-04-01" }, Array(15).fill(5));
    const undated = response("u", { date: "" }, Array(15).fill(4));
    const other = response("o", { workflow: "invoice triage" });
    const saved = [...team, partial, later, undated, other];
    for (const r of saved) await store.saveResponse(r);

    const summary = book.sheet(SUMMARY_SHEET)!;
    const ids = [2, 3, 4, 5].map((row) => summary.cell(`N${row}`).value);
    expect(ids).toEqual([
      "2026-01-05 Invoice triage",
      "2026-04-01 Invoice triage",
      "undated Invoice triage",
      "2026-01-05 invoice triage",
    ]);
    expect(book.table(SUMMARY_TABLE)!.bodyRows).toBe(4);
    const rounds = [...roundsOf(saved, "Invoice triage"), ...roundsOf(saved, "invoice triage")];
    const evaluated = evaluateFake(book);
    ids.forEach((id, i) => {
      const round = rounds.find((r) => `${r.date || "undated"} ${r.workflow}` === id)!;
      expectRowAsModel(evaluated, SUMMARY, specLayout(SUMMARY), i + 2, round, undefined);
    });
    // The first round: Ana and Ben complete, Cy partial and left out of the means.
    expect(evaluated.value(SUMMARY_SHEET, 2, 2)).toBe(3);
    expect(evaluated.value(SUMMARY_SHEET, 2, 3)).toBe(2);
    LATEST.forEach((score, k) => expect(evaluated.value(SUMMARY_SHEET, 2, 4 + k)).toBeCloseTo(score, 12));
    // The undated round's date is 0, shown as "undated"; it matches the blank dates.
    expect(summary.cell("B4").value).toBe(0);
    expect(evaluated.value(SUMMARY_SHEET, 4, 9)).toBeCloseTo(0.8 ** 5, 12);
  });
});

describe("ExcelStore.listResponses", () => {
  it("gives an empty list when there is no table, after the 2 syncs of opening", async () => {
    const book = new FakeWorkbook();
    await expect(new ExcelStore({ run: book.run }).listResponses()).resolves.toEqual({ responses: [], skipped: [] });
    expect(book.syncs).toBe(2);
    expect(book.writes).toEqual([]);
  });

  it("reads back what it saved", async () => {
    const book = new FakeWorkbook();
    const store = new ExcelStore({ run: book.run });
    const saved = [response("a"), response("b", { respondent: "", date: "", workflow: '=HYPERLINK("x")' })];
    for (const r of saved) await store.saveResponse(r);
    await expect(store.listResponses()).resolves.toEqual({ responses: saved, skipped: [] });
  });

  it("reads 1,000 rows in 2 syncs", async () => {
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
    typed[answerAt(0)] = "";
    addAssessments(book, [typedRow(response("a")), HEADERS.map(() => ""), typed], { headerRow: 3 });

    const { responses, skipped } = await new ExcelStore({ run: book.run }).listResponses();
    expect(skipped).toEqual([]);
    expect(responses.map((r) => r.id)).toEqual(["a", "sheet-row-6"]);
    expect(responses[1].date).toBe("2026-03-04");
    expect(responses[1].answers[STATEMENTS[0].id]).toBeUndefined();
    expect(responses[1].answers[STATEMENTS[1].id]).toBe(4);
  });

  it.each([
    ["an answer of 7", answerAt(0), 7, 'Strategy 1 is "7", not a whole number from 0 to 5'],
    ["a text answer", answerAt(4), "four", 'Workflow 2 is "four", not a whole number from 0 to 5'],
    ["a half point", answerAt(14), 2.5, 'Adoption 3 is "2.5", not a whole number from 0 to 5'],
    ["a date that is not a date", COL.date, "next week", 'the date is "next week", not a date'],
    ["a blank workflow", COL.workflow, "", "the workflow is blank"],
  ])("skips a row with %s, with the reason, and reads the others", async (_, column, value, problem) => {
    const book = new FakeWorkbook();
    const bad = typedRow(response("bad"));
    bad[column] = value;
    addAssessments(book, [typedRow(response("a")), bad, typedRow(response("c"))]);
    const { responses, skipped } = await new ExcelStore({ run: book.run }).listResponses();
    expect(responses.map((r) => r.id)).toEqual(["a", "c"]);
    expect(skipped).toEqual([{ row: 3, problem }]);
  });

  it("finds the columns by name when someone moved them or added one", async () => {
    const book = new FakeWorkbook();
    const header = ["Notes", ...HEADERS].reverse();
    const r = response("a");
    addAssessments(book, [["my note", ...typedRow(r)].reverse()], { header });
    await expect(new ExcelStore({ run: book.run }).listResponses()).resolves.toEqual({ responses: [r], skipped: [] });
  });

  it("reports a table missing an answer column once, at its header row, naming the columns", async () => {
    const book = new FakeWorkbook();
    addAssessments(book, [typedRow(response("a")).slice(0, 10)], { header: HEADERS.slice(0, 10) });
    const { responses, skipped } = await new ExcelStore({ run: book.run }).listResponses();
    expect(responses).toEqual([]);
    expect(skipped).toEqual([
      {
        row: 1,
        problem: expect.stringMatching(
          /^the AgapAssessments table has no "Oversight 2", "Oversight 3", "Measurement 1", .*"Adoption 3" column; restore the column headers/,
        ),
      },
    ]);
  });

  it("skips a copied row that repeats an id", async () => {
    const book = new FakeWorkbook();
    addAssessments(book, [typedRow(response("a")), typedRow(response("a"))]);
    const { responses, skipped } = await new ExcelStore({ run: book.run }).listResponses();
    expect(responses).toHaveLength(1);
    expect(skipped).toEqual([
      { row: 3, problem: "its ID repeats the one in row 2; clear the ID of the copy to keep it as a new entry" },
    ]);
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
  const team = LATEST_ANSWERS.map((list, i) => response(["a", "b"][i], { respondent: ["Ana", "Ben"][i] }, [...list]));
  /** A cell of the report by column letter and row key. */
  const at = (column: string, key: string) => `${column}${reportRow(key)}`;
  const layerRows = LAYERS.map((_, k) => reportRow(`layer:${k}`));
  const [firstLayer, lastLayer] = [layerRows[0], layerRows[4]];

  async function report(book: FakeWorkbook, workflow = "Invoice triage", responses = team) {
    placeTable(book, ASSESSMENTS, responses);
    recordLayouts(book, [ASSESSMENTS]);
    const name = await new ExcelStore({ run: book.run }).insertReport(workflow, responses, { today: "2026-02-01" });
    return { name, sheet: book.sheet(name)! };
  }

  it("writes a live report sheet on the latest round with two native charts, in 3 syncs", async () => {
    const book = new FakeWorkbook();
    const { name, sheet } = await report(book);

    expect(name).toBe("AGAP Report – Invoice triage");
    expect(book.active).toBe(name);
    // The sheet names are loaded with the gateway's first sync; 2 to open the table, 1 to write.
    expect(book.syncs).toBe(3);
    expect(sheet.cell(at("B", "workflow"))).toEqual({ value: "Invoice triage", format: "@" });

    // The latest round, its complete responses and its means: the workflow matched exactly.
    const [workflowCell, dateCell] = [`$B$${reportRow("workflow")}`, `$B$${reportRow("round")}`];
    expect(sheet.cell(at("B", "round")).formula).toBe(latestDateFormula(workflowCell));
    expect(sheet.cell(at("B", "responses")).formula).toBe(roundCompleteFormula(workflowCell, dateCell));
    expect(sheet.cell(at("B", "round")).formula).toContain(`EXACT(AgapAssessments[Workflow],${workflowCell})`);
    LAYERS.forEach((layer, k) => {
      expect(sheet.cell(`A${layerRows[k]}`).value).toBe(layer.name);
      expect(sheet.cell(`B${layerRows[k]}`).formula).toBe(roundScoreFormula(k, workflowCell, dateCell));
    });
    expect(sheet.cell(at("B", "realized")).formula).toBe(`=PRODUCT($B$${firstLayer}:$B$${lastLayer})`);
    expect(sheet.cell(at("B", "gap")).formula).toBe(`=1-$B$${reportRow("realized")}`);
    // The same IF chain as the table's band column, pointed at the report's gap cell.
    expect(sheet.cell(at("B", "band")).formula).toBe(`=${bandFormula(`$B$${reportRow("gap")}`)}`);
    expect(sheet.cell(at("B", "weakest")).formula).toBe(
      `=INDEX($A$${firstLayer}:$A$${lastLayer},MATCH(MIN($B$${firstLayer}:$B$${lastLayer}),$B$${firstLayer}:$B$${lastLayer},0))`,
    );
    for (const address of [`B${firstLayer}`, `B${lastLayer}`, at("B", "realized"), at("B", "gap"), `C${firstLayer}`])
      expect(sheet.cell(address).format).toBe("0.0%");
    for (let k = 0; k < CURVE_STAGES.length; k++) expect(sheet.cell(at("B", `stage:${k}`)).format).toBe("0.0%");
    expect(sheet.cell(at("B", "round")).format).toBe('yyyy-mm-dd;;"undated"');
    expect(sheet.cell(at("B", "insertedOn"))).toEqual({ value: dateToSerial("2026-02-01"), format: "yyyy-mm-dd" });

    // The decay curve: stage names, then the product of the first k layer scores.
    expect(CURVE_STAGES.map((_, k) => sheet.cell(at("A", `stage:${k}`)).value)).toEqual([...CURVE_STAGES]);
    expect(sheet.cell(at("B", "stage:0")).value).toBe(1);
    expect([1, 2, 3, 4, 5].map((k) => sheet.cell(at("B", `stage:${k}`)).formula)).toEqual(
      layerRows.map((last) => `=PRODUCT($B$${firstLayer}:$B$${last})`),
    );

    // Mean scores 0.8, 0.6, 0.5, 0.4, 0.5 (realized 4.8%): the plan goes to the next band limit, 10%.
    const plan = planToTarget(LATEST, 0.1);
    expect(plan.status).toBe("planned");
    expect(sheet.cell(at("C", "layerHead")).value).toBe("Plan to 10%");
    const planned = layerRows.map((row) => sheet.cell(`C${row}`).value as number);
    planned.forEach((value, k) => expect(value).toBeCloseTo((plan as { scores: number[] }).scores[k], 12));
    expect(sheet.cell(at("C", "realized")).formula).toBe(`=PRODUCT($C$${firstLayer}:$C$${lastLayer})`);
    expect(sheet.cell(at("A", "planNote")).value).toMatch(/^Plan to 10%, the next band limit/);
    expect(sheet.cell(at("A", "planNote")).value).toContain("values as of 2026-02-01");

    const curveHead = reportRow("curveHead");
    expect(sheet.charts).toEqual([
      expect.objectContaining({
        type: "Line",
        source: `A${curveHead}:B${curveHead + CURVE_STAGES.length}`,
        seriesBy: "Columns",
        title: expect.any(String),
      }),
      expect.objectContaining({
        type: "ColumnClustered",
        source: `A${reportRow("layerHead")}:C${lastLayer}`,
        seriesBy: "Columns",
      }),
    ]);
    expect(sheet.charts.every((chart) => chart.position?.length === 2)).toBe(true);

    expect(sheet.cell(at("A", "bandNote")).value).toBe(BAND_THRESHOLD_NOTE);
    for (let a = 0; a < 3; a++) {
      const formula = sheet.cell(at("A", `action:${a}`)).formula!;
      const allFull = `MIN($B$${firstLayer}:$B$${lastLayer})>=1`;
      const nothing = a === 0 ? `"${NOTHING_TO_FIX}"` : '""';
      expect(
        formula.startsWith(
          `=IF(${allFull},${nothing},CHOOSE(MATCH($B$${reportRow("weakest")},$A$${firstLayer}:$A$${lastLayer},0),`,
        ),
      ).toBe(true);
      for (const layer of LAYERS) expect(formula).toContain(LAYER_GUIDANCE[layer.id].actions[a]);
    }
  });

  it("evaluates, without the AGAP functions, to the model's latest round", async () => {
    const book = new FakeWorkbook();
    const { name } = await report(book);
    const evaluated = evaluateFake(book);
    const value = (column: string, key: string) => evaluated.value(name, reportRow(key), column.charCodeAt(0) - 65);
    const round = latestRound(team, "Invoice triage")!;
    expect(value("B", "round")).toBe(dateToSerial(round.date));
    expect(value("B", "responses")).toBe(2);
    round.result!.layerScores.forEach((score, k) => expect(value("B", `layer:${k}`)).toBeCloseTo(score, 12));
    LATEST.forEach((score, k) => expect(value("B", `layer:${k}`)).toBeCloseTo(score, 12));
    expect(value("B", "realized")).toBeCloseTo(0.048, 12);
    expect(value("B", "gap")).toBeCloseTo(0.952, 12);
    expect([value("B", "band"), value("B", "weakest")]).toEqual(["Critical", "Measurement"]);
    // The weakest layer is marked beside its score, and only it.
    expect(LAYERS.map((_, k) => value("D", `layer:${k}`))).toEqual(["", "", "", "weakest", ""]);
    [1, 0.8, 0.48, 0.24, 0.096, 0.048].forEach((share, k) => expect(value("B", `stage:${k}`)).toBeCloseTo(share, 12));
    expect([0, 1, 2].map((a) => value("A", `action:${a}`))).toEqual(LAYER_GUIDANCE.measurement.actions.slice(0, 3));
    expect(value("C", "realized")).toBeCloseTo(0.1, 12);
  });

  it("with every layer at 100% names no layer to fix first, as the model does; with a tie, the first", async () => {
    const book = new FakeWorkbook();
    const full = [response("a", {}, Array(15).fill(5)), response("b", {}, Array(15).fill(5))];
    const { name } = await report(book, "Invoice triage", full);
    const evaluated = evaluateFake(book);
    const value = (column: string, key: string) => evaluated.value(name, reportRow(key), column.charCodeAt(0) - 65);
    expect(fixFirst(latestRound(full, "Invoice triage")!.result!.layerScores)).toBeNull();
    expect(LAYERS.map((_, k) => value("D", `layer:${k}`))).toEqual(["", "", "", "", ""]);
    expect([0, 1, 2].map((a) => value("A", `action:${a}`))).toEqual([NOTHING_TO_FIX, "", ""]);

    // Threes in Workflow and Measurement, fives elsewhere: the two tie at 60%, Workflow comes first.
    const tied = [response("c", {}, [5, 5, 5, 3, 3, 3, 5, 5, 5, 3, 3, 3, 5, 5, 5])];
    const again = new FakeWorkbook();
    const second = await report(again, "Invoice triage", tied);
    const read = evaluateFake(again);
    const at2 = (column: string, key: string) => read.value(second.name, reportRow(key), column.charCodeAt(0) - 65);
    expect(fixFirst(latestRound(tied, "Invoice triage")!.result!.layerScores)).toEqual({ index: 1, tiedWith: [3] });
    expect(LAYERS.map((_, k) => at2("D", `layer:${k}`))).toEqual(["", "weakest", "", "", ""]);
    expect([0, 1, 2].map((a) => at2("A", `action:${a}`))).toEqual(LAYER_GUIDANCE.workflow.actions.slice(0, 3));
  });

  it("reports on the latest round with a result: the newest date's complete responses, this workflow only", async () => {
    const book = new FakeWorkbook();
    const responses = [
      response("old", { date: "2025-10-01" }, Array(15).fill(5)),
      response("undated", { date: "" }, Array(15).fill(5)),
      ...team,
      response("partial", { date: "2026-03-01" }, [5, 5, 5]),
      response("case", { workflow: "invoice triage", date: "2026-06-01" }, Array(15).fill(1)),
    ];
    const { name, sheet } = await report(book, "Invoice triage", responses);
    const evaluated = evaluateFake(book);
    expect(evaluated.value(name, reportRow("round"), 1)).toBe(dateToSerial("2026-01-05"));
    expect(evaluated.value(name, reportRow("responses"), 1)).toBe(2);
    LATEST.forEach((score, k) => expect(evaluated.value(name, layerRows[k], 1)).toBeCloseTo(score, 12));
    expect(sheet.cell(at("C", "layerHead")).value).toBe("Plan to 10%");
  });

  it("keeps a workflow name that looks like a formula as text", async () => {
    const book = new FakeWorkbook();
    const name = '=HYPERLINK("x")';
    const own = team.map((r) => ({ ...r, workflow: name }));
    const { sheet } = await report(book, name, own);
    expect(sheet.cell(at("B", "workflow"))).toEqual({ value: name, format: "@" });
    expect(sheet.name).toBe('AGAP Report – =HYPERLINK("x")');
    expect(evaluateFake(book).value(sheet.name, reportRow("responses"), 1)).toBe(2);
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
    expect(sheet.cell(at("C", "layerHead")).value).toBe("Plan to 50%");
    const plan = planToTarget([0.8, 0.8, 0.8, 0.8, 0.8], 0.5) as { scores: number[] };
    expect(sheet.cell(`C${firstLayer}`).value).toBeCloseTo(plan.scores[0], 12);
  });

  it("writes no plan numbers, and #N/A scores, when no response is complete", async () => {
    const book = new FakeWorkbook();
    const partial = response("a");
    partial.answers = { ...partial.answers, [STATEMENTS[14].id]: undefined } as Record<string, number>;
    const { name, sheet } = await report(book, "Invoice triage", [partial]);
    expect(sheet.cell(`C${lastLayer}`).value).toBe("");
    expect(sheet.cell(at("C", "realized")).formula).toBeUndefined();
    expect(sheet.cell(at("A", "planNote")).value).toMatch(/^No plan yet/);
    const evaluated = evaluateFake(book);
    expect(evaluated.value(name, reportRow("round"), 1)).toEqual(NA);
    expect(evaluated.value(name, firstLayer, 1)).toEqual(NA);
    expect(evaluated.value(name, reportRow("realized"), 1)).toEqual(NA);
  });

  it("rejects when there is no assessments table or no response for the workflow", async () => {
    const book = new FakeWorkbook();
    const store = new ExcelStore({ run: book.run });
    await expect(store.insertReport("Invoice triage", team)).rejects.toThrow(
      "The report reads the AgapAssessments table, which this workbook does not have.",
    );
    await expect(store.insertReport("Other", team)).rejects.toThrow(/no saved responses for "Other"/);
    expect(book.writes).toEqual([]);
  });

  it("refuses a minimum group or a date it cannot use, with the reason, before writing anything", async () => {
    const book = new FakeWorkbook();
    placeTable(book, ASSESSMENTS, team);
    const store = new ExcelStore({ run: book.run });
    const writes = book.writes.length;
    await expect(store.insertReport("Invoice triage", team, { minGroup: 0 })).rejects.toThrow(
      "The report was not inserted: The smallest group must be a whole number from 1 to 50.",
    );
    await expect(store.insertReport("Invoice triage", team, { today: "2026-02-30" })).rejects.toThrow(
      'The report was not inserted: "2026-02-30" is not a date.',
    );
    expect(book.writes.length).toBe(writes);
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
