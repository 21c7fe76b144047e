import * as ExcelJS from "exceljs";
import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import { STATEMENTS, aggregateLayers, type AssessmentResponse } from "../../src/model";
import {
  ASSESSMENTS_SHEET,
  ASSESSMENTS_TABLE,
  COL,
  HEADERS,
  dateToSerial,
  rowFormulas,
  rowResults,
} from "../../src/workbook/assessment-table";
import {
  DATE_FORMAT,
  PERCENT_COLUMNS,
  PERCENT_FORMAT,
  SUMMARY_HEADERS,
  SUMMARY_SHEET,
  buildAssessmentWorkbook,
  readAssessmentRows,
  summaryFormulas,
  summaryResults,
} from "../../src/workbook/export-xlsx";

const answerList = (list: (number | undefined)[]) =>
  Object.fromEntries(
    STATEMENTS.flatMap((statement, i) => (list[i] === undefined ? [] : [[statement.id, list[i] as number]])),
  );

// Layer scores (mean answer / 5): 12/15 = 0.8, 9/15 = 0.6, 7/15 = 0.4667, 6/15 = 0.4, 8/15 = 0.5333.
// Realized = 0.8 × 0.6 × 7/15 × 0.4 × 8/15 = (12·9·7·6·8) / 15^5 = 36288 / 759375 = 0.0477867;
// gap = 0.9522133 → Critical (gap ≥ 0.9); weakest = Measurement (0.4).
const complete: AssessmentResponse = {
  id: "r-ana",
  workflow: "Invoice triage",
  respondent: "Ana",
  date: "2026-01-10",
  answers: answerList([4, 4, 4, 3, 3, 3, 2, 3, 2, 2, 2, 2, 3, 3, 2]),
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
  answers: answerList(new Array(15).fill(5)),
};
// Strategy complete (1, 2, 3 → 0.4), Workflow half answered, the rest blank.
const incomplete: AssessmentResponse = {
  id: "r-cy",
  workflow: "Invoice triage",
  respondent: "",
  date: "",
  answers: answerList([1, 2, 3, 4]),
};
const dangerous: AssessmentResponse = {
  id: "r-danger",
  workflow: '=HYPERLINK("x")',
  respondent: "+1",
  date: "2026-02-03",
  answers: answerList(new Array(15).fill(3)),
};
const unanswered: AssessmentResponse = { id: "-2", workflow: "@a", respondent: "-2", date: "", answers: {} };
// Differs from "Invoice triage" only in case: the model keeps it apart, so must the summary.
const lowerCase: AssessmentResponse = {
  id: "r-lower",
  workflow: "invoice triage",
  respondent: "Dee",
  date: "2025-12-31",
  answers: answerList([0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5, 0, 1, 2]),
};

const RESPONSES = [complete, allFives, incomplete, dangerous, unanswered, lowerCase];
const WORKFLOWS = ["Invoice triage", '=HYPERLINK("x")', "@a", "invoice triage"];
const LAST_ROW = RESPONSES.length + 1;
const NA = { error: "#N/A" };

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

const cellAt = (ws: ExcelJS.Worksheet, row: number, column: number) => ws.getRow(row).getCell(column + 1);
const expected = (result: number | string | null) => (result === null ? NA : result);

function expectResult(actual: unknown, wanted: number | string | null) {
  if (typeof wanted === "number") expect(actual).toBeCloseTo(wanted, 12);
  else expect(actual).toEqual(expected(wanted));
}

describe("the .xlsx file, read back with a fresh exceljs workbook", () => {
  it("is an .xlsx (zip) file made by AGAP with the two sheets", () => {
    expect(new Uint8Array(bytes).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    expect(book.creator).toBe("AGAP");
    expect(book.worksheets.map((ws) => ws.name)).toEqual([ASSESSMENTS_SHEET, SUMMARY_SHEET]);
  });

  it("has the Excel headers in a frozen first row, inside the assessments table", () => {
    expect(HEADERS.map((_, i) => cellAt(sheet, 1, i).value)).toEqual([...HEADERS]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(summary.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const table = sheet.getTable(ASSESSMENTS_TABLE) as unknown as { table: { tableRef: string; ref: string } };
    expect(table).toBeDefined();
    expect(table.table.tableRef ?? table.table.ref).toBe(`A1:AB${LAST_ROW}`);
  });

  it("writes one row per response with the typed-in values", () => {
    RESPONSES.forEach((response, i) => {
      const row = i + 2;
      expect(cellAt(sheet, row, COL.workflow).value).toBe(response.workflow);
      expect(cellAt(sheet, row, COL.respondent).value).toBe(response.respondent || null);
      expect(cellAt(sheet, row, COL.id).value).toBe(response.id);
      STATEMENTS.forEach((statement, j) =>
        expect(cellAt(sheet, row, COL.firstAnswer + j).value).toBe(response.answers[statement.id] ?? null),
      );
    });
  });

  it("writes dates as date serials formatted yyyy-mm-dd, which exceljs reads as dates", () => {
    const date = cellAt(sheet, 2, COL.date);
    expect(date.numFmt).toBe(DATE_FORMAT);
    expect(date.value).toEqual(new Date(Date.UTC(2026, 0, 10)));
    expect(cellAt(sheet, 4, COL.date).value).toBeNull();
  });

  it("writes the computed columns as the table's native formulas", () => {
    RESPONSES.forEach((_, i) => {
      const row = i + 2;
      rowFormulas(row).forEach((formula, j) =>
        expect(cellAt(sheet, row, COL.firstScore + j).formula).toBe(formula.slice(1)),
      );
    });
  });

  it("caches the model's values, by hand for the complete response", () => {
    const cached = rowResults(complete).map((_, j) => cellAt(sheet, 2, COL.firstScore + j).result);
    HAND.scores.forEach((score, k) => expect(cached[k]).toBeCloseTo(score, 12));
    expect(cached[5]).toBeCloseTo(HAND.realized, 12);
    expect(cached[6]).toBeCloseTo(1 - HAND.realized, 12);
    expect(cached.slice(7)).toEqual([HAND.band, HAND.weakest]);
    RESPONSES.forEach((response, i) =>
      rowResults(response).forEach((result, j) =>
        expectResult(cellAt(sheet, i + 2, COL.firstScore + j).result, result),
      ),
    );
  });

  it("caches #N/A for an incomplete layer and everything that depends on it", () => {
    const row = 4;
    expect(cellAt(sheet, row, COL.firstScore).result).toBeCloseTo(0.4, 12);
    for (let column = COL.firstScore + 1; column <= COL.weakest; column++) {
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
      cellAt(summary, 3, 0),
      cellAt(summary, 4, 0),
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

  it("formats scores, realized value and gap as percentages", () => {
    for (let row = 2; row <= LAST_ROW; row++) {
      for (const column of PERCENT_COLUMNS) expect(cellAt(sheet, row, column).numFmt).toBe(PERCENT_FORMAT);
    }
    expect(PERCENT_COLUMNS).toEqual([18, 19, 20, 21, 22, 23, 24]);
  });

  it("validates every answer cell as a whole number from 0 to 5", () => {
    for (let row = 2; row <= LAST_ROW; row++) {
      for (let j = 0; j < STATEMENTS.length; j++) {
        expect(cellAt(sheet, row, COL.firstAnswer + j).dataValidation).toMatchObject({
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

  it("reads back, through parseRow, into the same responses", () => {
    expect(readAssessmentRows(book)).toEqual(RESPONSES.map((response) => ({ ok: true, response })));
  });

  it("summarizes each workflow with formulas and the team's means from aggregateLayers", () => {
    expect(SUMMARY_HEADERS.map((_, i) => cellAt(summary, 1, i).value)).toEqual([...SUMMARY_HEADERS]);
    expect(WORKFLOWS.map((_, i) => cellAt(summary, i + 2, 0).value)).toEqual(WORKFLOWS);
    expect(summary.rowCount).toBe(WORKFLOWS.length + 1);
    WORKFLOWS.forEach((workflow, i) => {
      const row = i + 2;
      summaryFormulas(row, LAST_ROW).forEach((formula, j) => {
        const cell = cellAt(summary, row, j + 1);
        expect(cell.formula).toBe(formula.slice(1));
        if (j > 0) expect(cell.numFmt).toBe(PERCENT_FORMAT);
      });
      summaryResults(RESPONSES, workflow).forEach((result, j) =>
        expectResult(cellAt(summary, row, j + 1).result, result),
      );
    });
    // Invoice triage: Strategy from all three (0.8, 1, 0.4), the other layers from Ana and Ben only.
    const triage = aggregateLayers([complete, allFives, incomplete]).map((layer) => layer.mean);
    expect(triage[0]).toBeCloseTo((0.8 + 1 + 0.4) / 3, 12);
    expect(triage[3]).toBeCloseTo((0.4 + 1) / 2, 12);
    const means = [2, 3, 4, 5, 6].map((j) => cellAt(summary, 2, j).result);
    expect(cellAt(summary, 2, 1).result).toBe(3);
    triage.forEach((mean, k) => expect(means[k]).toBeCloseTo(mean as number, 12));
    expect(cellAt(summary, 2, 7).result).toBeCloseTo(
      triage.reduce((p, m) => (p as number) * (m as number), 1) as number,
      12,
    );
    // "@a" has no answers: no layer mean, no realized value.
    expect([2, 3, 4, 5, 6, 7, 8].map((j) => cellAt(summary, 4, j).result)).toEqual(new Array(7).fill(NA));
  });
});

describe("the exported formulas in a real spreadsheet engine (HyperFormula)", () => {
  // HyperFormula evaluates INDEX over a one-row array constant with a single index as a row
  // number (#NUM!), where Excel takes it as a position. For the weakest-layer column only, the
  // engine gets the same formula with the row given: INDEX({…},1,MATCH(…)).
  const engineFormula = (formula: string) => formula.replace(/^INDEX\((\{[^}]*\}),MATCH\(/, "INDEX($1,1,MATCH(");

  function engineContent(value: ExcelJS.CellValue): RawCellContent {
    if (value === null || value === undefined) return null;
    if (value instanceof Date) return dateToSerial(value.toISOString().slice(0, 10));
    // A leading apostrophe makes HyperFormula keep the text as text, as Excel does a string cell.
    if (typeof value === "string") return `'${value}`;
    if (typeof value === "number") return value;
    if (typeof value === "object" && "formula" in value && typeof value.formula === "string")
      return `=${engineFormula(value.formula)}`;
    throw new Error(`No engine content for ${JSON.stringify(value)}`);
  }

  const grid = (ws: ExcelJS.Worksheet, width: number) =>
    Array.from({ length: ws.rowCount }, (_, r) =>
      Array.from({ length: width }, (_, c) => engineContent(cellAt(ws, r + 1, c).value)),
    );

  let engine: HyperFormula;
  beforeAll(() => {
    engine = HyperFormula.buildFromSheets(
      { [ASSESSMENTS_SHEET]: grid(sheet, HEADERS.length), [SUMMARY_SHEET]: grid(summary, SUMMARY_HEADERS.length) },
      // Array arithmetic lets EXACT(range, name) inside SUMPRODUCT work as it does in Excel;
      // no smart rounding, so results compare to 12 digits.
      { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false },
    );
  });
  afterAll(() => engine.destroy());

  function expectEngineMatchesCache(ws: ExcelJS.Worksheet, row: number, column: number) {
    const cell = cellAt(ws, row, column);
    const value = engine.getCellValue({ sheet: engine.getSheetId(ws.name)!, row: row - 1, col: column });
    const cached = cell.result as unknown;
    const where = `${ws.name}!${cell.address}`;
    if (typeof cached === "number") {
      expect({ where, value }).toEqual({ where, value: expect.any(Number) });
      expect(value as number).toBeCloseTo(cached, 12);
    } else if (typeof cached === "string") {
      expect({ where, value }).toEqual({ where, value: cached });
    } else {
      expect(value).toBeInstanceOf(DetailedCellError);
      expect({ where, value: (value as DetailedCellError).value }).toEqual({ where, value: "#N/A" });
    }
  }

  it("keeps the typed-in text as text", () => {
    const id = engine.getSheetId(ASSESSMENTS_SHEET)!;
    expect(engine.getCellValue({ sheet: id, row: 4, col: COL.workflow })).toBe('=HYPERLINK("x")');
    expect(engine.getCellValue({ sheet: id, row: 4, col: COL.respondent })).toBe("+1");
  });

  it("computes every assessment formula to its cached value", () => {
    for (let row = 2; row <= LAST_ROW; row++) {
      for (let column = COL.firstScore; column <= COL.weakest; column++) expectEngineMatchesCache(sheet, row, column);
    }
  });

  it("computes every summary formula to its cached value", () => {
    for (let row = 2; row <= WORKFLOWS.length + 1; row++) {
      for (let column = 1; column < SUMMARY_HEADERS.length; column++) expectEngineMatchesCache(summary, row, column);
    }
  });

  it("gets the weakest layer by the model, and needs the row index only for HyperFormula", () => {
    const formula = cellAt(sheet, 2, COL.weakest).formula;
    expect(formula).toMatch(/^INDEX\(\{"Strategy Alignment",.*\},MATCH\(/);
    expect(engineFormula(formula)).not.toBe(formula);
    expect(cellAt(sheet, 2, COL.weakest).result).toBe(HAND.weakest);
  });
});

describe("edge cases", () => {
  it("writes a header-only sheet with a filter, no table, when there is nothing to export", async () => {
    const empty = new ExcelJS.Workbook();
    await empty.xlsx.load(await buildAssessmentWorkbook([], ExcelJS));
    const ws = empty.getWorksheet(ASSESSMENTS_SHEET)!;
    expect(ws.rowCount).toBe(1);
    expect(HEADERS.map((_, i) => cellAt(ws, 1, i).value)).toEqual([...HEADERS]);
    expect(ws.getTables()).toHaveLength(0);
    expect(ws.autoFilter).toBe("A1:AB1");
    expect(empty.getWorksheet(SUMMARY_SHEET)!.rowCount).toBe(1);
  });

  it.each([
    [{ ...complete, answers: { ...complete.answers, "strategy.sponsor": 7 } }, /7 for Strategy 2/],
    [{ ...complete, answers: { ...complete.answers, "adoption.stopped": 2.5 } }, /2\.5 for Adoption 1/],
    [{ ...complete, date: "10/01/2026" }, /date "10\/01\/2026"/],
  ])("refuses a response the formulas would read differently from the model", async (bad, message) => {
    await expect(buildAssessmentWorkbook([bad], ExcelJS)).rejects.toThrow(message);
  });
});
