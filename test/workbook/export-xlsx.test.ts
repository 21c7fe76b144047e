import * as ExcelJS from "exceljs";
import { LAYERS, STATEMENTS, type AssessmentResponse } from "../../src/model";
import { SUMMARY_SHEET, allRounds, buildAssessmentWorkbook, readAssessmentRows } from "../../src/workbook/export-xlsx";
import { ASSESSMENTS, ASSESSMENTS_SHEET, ASSESSMENTS_TABLE } from "../../src/workbook/sheets/assessments";
import { DATE_FORMAT, PERCENT, ROUND_DATE_FORMAT, WHOLE } from "../../src/workbook/sheets/cells";
import { LAYOUTS_SHEET, NA, headersOf, specLayout, type TableSpec } from "../../src/workbook/sheets/spec";
import { SUMMARY, SUMMARY_TABLE } from "../../src/workbook/sheets/summary";
import { evaluateXlsx, type EvaluatedWorkbook } from "../support/workbook-engine";
import { answersOf, expectEvaluatedAsModel, expectFormulasAndCache, xlsxCell } from "./planning-fixtures";

const HEADERS = headersOf(ASSESSMENTS);
const COL = specLayout(ASSESSMENTS).position;
const SCORE_COLUMNS = LAYERS.map((layer) => COL[`score:${layer.id}`]);

// Layer scores (mean answer / 5): 12/15 = 0.8, 9/15 = 0.6, 7/15 = 0.4667, 6/15 = 0.4, 8/15 = 0.5333.
// Realized = 0.8 × 0.6 × 7/15 × 0.4 × 8/15 = (12·9·7·6·8) / 15^5 = 36288 / 759375 = 0.0477867;
// gap = 0.9522133 → Critical (gap ≥ 0.9); weakest = Measurement (0.4).
const complete: AssessmentResponse = {
  id: "r-ana",
  workflow: "Invoice triage",
  respondent: "Ana",
  date: "2026-01-10",
  answers: answersOf([4, 4, 4, 3, 3, 3, 2, 3, 2, 2, 2, 2, 3, 3, 2]),
};
const HAND = {
  scores: [0.8, 0.6, 7 / 15, 0.4, 8 / 15],
  realized: 36288 / 759375,
  band: "Critical",
  weakest: "Measurement",
};

const allFives: AssessmentResponse = {
  id: "r-ben",
  workflow: "Invoice triage",
  respondent: "Ben",
  date: "2026-01-10",
  answers: answersOf(new Array(15).fill(5)),
};
// Strategy complete (1, 2, 3 → 0.4), Workflow half answered, the rest blank; undated.
const incomplete: AssessmentResponse = {
  id: "r-cy",
  workflow: "Invoice triage",
  respondent: "",
  date: "",
  answers: answersOf([1, 2, 3, 4]),
};
const dangerous: AssessmentResponse = {
  id: "r-danger",
  workflow: '=HYPERLINK("x")',
  respondent: "+1",
  date: "2026-02-03",
  answers: answersOf(new Array(15).fill(3)),
};
const unanswered: AssessmentResponse = { id: "-2", workflow: "@a", respondent: "-2", date: "", answers: {} };
// Differs from "Invoice triage" only in case, on the same date: the model keeps it apart, so must
// the summary. Layer scores 0.2, 0.8, 0.2, 0.8, 0.2.
const lowerCase: AssessmentResponse = {
  id: "r-lower",
  workflow: "invoice triage",
  respondent: "Dee",
  date: "2026-01-10",
  answers: answersOf([0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5, 0, 1, 2]),
};

const RESPONSES = [complete, allFives, incomplete, dangerous, unanswered, lowerCase];
const ROUNDS = allRounds(RESPONSES);
const LAST_ROW = RESPONSES.length + 1;

let bytes: ArrayBuffer;
let book: ExcelJS.Workbook;
let sheet: ExcelJS.Worksheet;
let summary: ExcelJS.Worksheet;

beforeAll(async () => {
  bytes = await buildAssessmentWorkbook(RESPONSES, ExcelJS);
  book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  sheet = book.getWorksheet(ASSESSMENTS_SHEET)!;
  summary = book.getWorksheet(SUMMARY_SHEET)!;
});

const cellAt = xlsxCell;

describe("the .xlsx file, read back with a fresh exceljs workbook", () => {
  it("is an .xlsx (zip) file made by AGAP with the two sheets and the hidden layout versions", () => {
    expect(new Uint8Array(bytes).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    expect(book.creator).toBe("AGAP");
    // The layouts sheet comes last, after every table has noted its version.
    expect(book.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      [ASSESSMENTS_SHEET, "visible"],
      [SUMMARY_SHEET, "visible"],
      [LAYOUTS_SHEET, "hidden"],
    ]);
    const layouts = book.getWorksheet(LAYOUTS_SHEET)!;
    expect([1, 2, 3].map((r) => [cellAt(layouts, r, 0).value, cellAt(layouts, r, 1).value])).toEqual([
      ["Table", "Layout version"],
      [ASSESSMENTS_TABLE, ASSESSMENTS.version],
      [SUMMARY_TABLE, SUMMARY.version],
    ]);
  });

  it("has the headers in a frozen first row, inside the assessments table", () => {
    expect(HEADERS.map((_, i) => cellAt(sheet, 1, i).value)).toEqual([...HEADERS]);
    expect(HEADERS.at(-1)).toBe("Answered");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(summary.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const table = sheet.getTable(ASSESSMENTS_TABLE) as unknown as { table: { tableRef?: string; ref?: string } };
    expect(table).toBeDefined();
    expect(table.table.tableRef ?? table.table.ref).toBe(`A1:AC${LAST_ROW}`);
  });

  it("writes one row per response with the typed-in values", () => {
    RESPONSES.forEach((response, i) => {
      const row = i + 2;
      expect(cellAt(sheet, row, COL.workflow).value).toBe(response.workflow);
      expect(cellAt(sheet, row, COL.respondent).value).toBe(response.respondent || null);
      expect(cellAt(sheet, row, COL.id).value).toBe(response.id);
      STATEMENTS.forEach((statement) =>
        expect(cellAt(sheet, row, COL[`answer:${statement.id}`]).value).toBe(response.answers[statement.id] ?? null),
      );
    });
  });

  it("writes dates as date serials formatted yyyy-mm-dd, which exceljs reads as dates", () => {
    const date = cellAt(sheet, 2, COL.date);
    expect(date.numFmt).toBe(DATE_FORMAT);
    expect(date.value).toEqual(new Date(Date.UTC(2026, 0, 10)));
    expect(cellAt(sheet, 4, COL.date).value).toBeNull();
  });

  it("writes the computed columns as the table's native formulas, caching the model's values", () => {
    expectFormulasAndCache(sheet, ASSESSMENTS, RESPONSES, undefined);
  });

  it("caches the model's values, by hand for the complete response", () => {
    HAND.scores.forEach((score, k) => expect(cellAt(sheet, 2, SCORE_COLUMNS[k]).result).toBeCloseTo(score, 12));
    expect(cellAt(sheet, 2, COL.realized).result).toBeCloseTo(HAND.realized, 12);
    expect(cellAt(sheet, 2, COL.gap).result).toBeCloseTo(1 - HAND.realized, 12);
    expect([cellAt(sheet, 2, COL.band).result, cellAt(sheet, 2, COL.weakest).result]).toEqual([
      HAND.band,
      HAND.weakest,
    ]);
    expect(RESPONSES.map((_, i) => cellAt(sheet, i + 2, COL.answered).result ?? 0)).toEqual([15, 15, 4, 15, 0, 15]);
  });

  it("caches #N/A for an incomplete layer and everything that depends on it", () => {
    const row = 4;
    expect(cellAt(sheet, row, SCORE_COLUMNS[0]).result).toBeCloseTo(0.4, 12);
    for (const column of [...SCORE_COLUMNS.slice(1), COL.realized, COL.gap, COL.band, COL.weakest]) {
      expect(cellAt(sheet, row, column).result).toEqual(NA);
    }
    expect(cellAt(sheet, row, COL.realized).type).toBe(ExcelJS.ValueType.Formula);
  });

  it("keeps names that look like formulas as plain text", () => {
    const cells = [
      cellAt(sheet, 5, COL.workflow),
      cellAt(sheet, 5, COL.respondent),
      cellAt(sheet, 6, COL.workflow),
      cellAt(sheet, 6, COL.respondent),
      cellAt(sheet, 6, COL.id),
      cellAt(summary, 4, 0),
      cellAt(summary, 5, 0),
    ];
    expect(cells.map((cell) => cell.value)).toEqual([
      '=HYPERLINK("x")',
      "+1",
      "@a",
      "-2",
      "-2",
      '=HYPERLINK("x")',
      "@a",
    ]);
    for (const cell of cells) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
  });

  it("formats scores, realized value and gap as percentages, and the count of answers as a whole number", () => {
    const percent = [...SCORE_COLUMNS, COL.realized, COL.gap];
    expect(percent).toEqual([18, 19, 20, 21, 22, 23, 24]);
    for (let row = 2; row <= LAST_ROW; row++) {
      for (const column of percent) expect(cellAt(sheet, row, column).numFmt).toBe(PERCENT);
      expect(cellAt(sheet, row, COL.answered).numFmt).toBe(WHOLE);
    }
  });

  it("validates every answer cell as a whole number from 0 to 5", () => {
    for (let row = 2; row <= LAST_ROW; row++) {
      for (const statement of STATEMENTS) {
        expect(cellAt(sheet, row, COL[`answer:${statement.id}`]).dataValidation).toMatchObject({
          type: "whole",
          operator: "between",
          allowBlank: true,
          formulae: [0, 5],
          showErrorMessage: true,
        });
      }
    }
    expect(cellAt(sheet, 2, COL.workflow).dataValidation).toBeUndefined();
  });

  it("reads back, by header, into the same responses", () => {
    expect(readAssessmentRows(book)).toEqual({ items: RESPONSES, skipped: [] });
  });

  it("summarizes each workflow and round with formulas, caching the model's round results", () => {
    const headers = headersOf(SUMMARY);
    expect(headers.map((_, i) => cellAt(summary, 1, i).value)).toEqual(headers);
    expect(ROUNDS.map((round) => [round.workflow, round.date])).toEqual([
      ["Invoice triage", ""],
      ["Invoice triage", "2026-01-10"],
      ['=HYPERLINK("x")', "2026-02-03"],
      ["@a", ""],
      ["invoice triage", "2026-01-10"],
    ]);
    expect(summary.rowCount).toBe(ROUNDS.length + 1);
    expect(ROUNDS.map((_, i) => cellAt(summary, i + 2, 1).numFmt)).toEqual(ROUNDS.map(() => ROUND_DATE_FORMAT));
    expectFormulasAndCache(summary, SUMMARY, ROUNDS, undefined);
  });

  it("takes a round's means over its complete responses only, never across dates or letter case", () => {
    const at = specLayout(SUMMARY).position;
    const result = (row: number, key: string) => cellAt(summary, row, at[key]).result;
    // Invoice triage on 2026-01-10: Ana and Ben, both complete; the undated partial and the
    // lower-case workflow on the same date stay out.
    const means = [(0.8 + 1) / 2, (0.6 + 1) / 2, (7 / 15 + 1) / 2, (0.4 + 1) / 2, (8 / 15 + 1) / 2];
    means.forEach((mean, k) => expect(result(3, `mean:${LAYERS[k].id}`)).toBeCloseTo(mean, 12));
    expect(result(3, "realized")).toBeCloseTo(
      means.reduce((p, m) => p * m, 1),
      12,
    );
    expect([result(3, "responses"), result(3, "complete")]).toEqual([2, 2]);
    // The undated round holds only the partial response: listed, no team result.
    expect(result(2, "responses")).toBe(1);
    expect([result(2, "mean:strategy"), result(2, "realized"), result(2, "band")]).toEqual([NA, NA, NA]);
    // "@a" has no answers: no layer mean, no realized value.
    expect(["mean:strategy", "mean:adoption", "realized", "gap"].map((key) => result(5, key))).toEqual([
      NA,
      NA,
      NA,
      NA,
    ]);
    // "invoice triage": its own response only.
    [0.2, 0.8, 0.2, 0.8, 0.2].forEach((mean, k) => expect(result(6, `mean:${LAYERS[k].id}`)).toBeCloseTo(mean, 12));
    expect(ROUNDS.map((_, i) => cellAt(summary, i + 2, at.roundId).value)).toEqual([
      "undated Invoice triage",
      "2026-01-10 Invoice triage",
      '2026-02-03 =HYPERLINK("x")',
      "undated @a",
      "2026-01-10 invoice triage",
    ]);
  });
});

describe("the exported formulas in a spreadsheet engine without the AGAP functions (HyperFormula)", () => {
  let evaluated: EvaluatedWorkbook;
  beforeAll(() => {
    evaluated = evaluateXlsx(book);
  });
  afterAll(() => evaluated.engine.destroy());

  it("keeps the typed-in text as text", () => {
    expect(evaluated.value(ASSESSMENTS_SHEET, 5, COL.workflow)).toBe('=HYPERLINK("x")');
    expect(evaluated.value(ASSESSMENTS_SHEET, 5, COL.respondent)).toBe("+1");
  });

  it("computes every assessment formula to the model's value", () => {
    expectEvaluatedAsModel(evaluated, ASSESSMENTS, RESPONSES, undefined);
  });

  it("computes every summary formula to the model's value", () => {
    expectEvaluatedAsModel(evaluated, SUMMARY, ROUNDS, undefined);
  });

  it("stores no formula that needs the add-in", () => {
    const derived = <R>(spec: TableSpec<R, void>) => spec.columns.filter((column) => column.kind === "derived").length;
    // Ten formulas per response (five scores, realized, gap, band, weakest, answered), eleven per round.
    expect([derived(ASSESSMENTS), derived(SUMMARY)]).toEqual([10, 11]);
    expect(evaluated.formulas.length).toBe(RESPONSES.length * 10 + ROUNDS.length * 11);
    for (const { formula } of evaluated.formulas) expect(formula).not.toMatch(/AGAP\.|SEQUENCE/);
  });

  it("gets the weakest layer by the model with an IF chain (first of equal lowest), no engine-specific rewrite", () => {
    const formula = cellAt(sheet, 2, COL.weakest).formula;
    expect(formula).toBe(
      'IF(S2=MIN(S2:W2),"Strategy Alignment",IF(T2=MIN(S2:W2),"Workflow Integration",IF(U2=MIN(S2:W2),"Human Oversight",IF(V2=MIN(S2:W2),"Measurement","Business Adoption"))))',
    );
    expect(evaluated.value(ASSESSMENTS_SHEET, 2, COL.weakest)).toBe(HAND.weakest);
    // All five layers equal: the first of equal lowest, as the model.
    expect(evaluated.value(ASSESSMENTS_SHEET, 3, COL.weakest)).toBe("Strategy Alignment");
  });
});

describe("edge cases", () => {
  it("writes each table with one empty row when there is nothing to export, so references to it resolve", async () => {
    const empty = new ExcelJS.Workbook();
    await empty.xlsx.load(await buildAssessmentWorkbook([], ExcelJS));
    const ws = empty.getWorksheet(ASSESSMENTS_SHEET)!;
    expect(HEADERS.map((_, i) => cellAt(ws, 1, i).value)).toEqual([...HEADERS]);
    const ref = (worksheet: ExcelJS.Worksheet, name: string) => {
      const table = worksheet.getTable(name) as unknown as { table: { tableRef?: string; ref?: string } };
      return table.table.tableRef ?? table.table.ref;
    };
    expect(ws.getTables()).toHaveLength(1);
    expect(ref(ws, ASSESSMENTS_TABLE)).toBe("A1:AC2");
    expect(HEADERS.map((_, i) => cellAt(ws, 2, i).value)).toEqual(HEADERS.map(() => null));
    const summarySheet = empty.getWorksheet(SUMMARY_SHEET)!;
    expect(ref(summarySheet, SUMMARY_TABLE)).toBe("A1:N2");
    expect(readAssessmentRows(empty)).toEqual({ items: [], skipped: [] });
  });

  it.each([
    [{ ...complete, answers: { ...complete.answers, "strategy.sponsor": 7 } }, 'Strategy 2 is "7", not a whole number'],
    [{ ...complete, answers: { ...complete.answers, "adoption.stopped": 2.5 } }, 'Adoption 1 is "2.5", not a whole'],
    [{ ...complete, date: "10/01/2026" }, 'the date is "10/01/2026", not a date'],
    [{ ...complete, workflow: " " }, "the workflow is blank"],
  ])("refuses a response the formulas would read differently from the model", async (bad, message) => {
    const rejected = buildAssessmentWorkbook([bad], ExcelJS);
    await expect(rejected).rejects.toThrow(`The response "r-ana" (workflow "${bad.workflow}") cannot be exported`);
    await expect(buildAssessmentWorkbook([bad], ExcelJS)).rejects.toThrow(message);
  });
});
