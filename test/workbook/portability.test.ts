// Stored sheets are read by people without the add-in, in Excel 2016 or another spreadsheet
// application: every stored formula may use only functions those know (no AGAP.*, no dynamic
// arrays), and a spreadsheet engine without the AGAP functions evaluates them with no #NAME?.
import ExcelJS from "exceljs";
import { ExcelPlanningStore } from "../../src/workbook/excel-planning";
import { ExcelStore } from "../../src/workbook/excel-store";
import { addPlanningSheets } from "../../src/workbook/export-planning-xlsx";
import { buildAssessmentWorkbook } from "../../src/workbook/export-xlsx";
import { evaluateFake, evaluateXlsx, type EvaluatedWorkbook } from "../support/workbook-engine";
import { MATURITY, RESPONSES, ROI_ROWS, WORKFLOWS } from "./consistency-fixture";
import { FakeWorkbook } from "./fake-excel";

/** Functions every spreadsheet application of the last decade knows, Excel 2016 included. */
const PORTABLE = new Set([
  "AND",
  "AVERAGE",
  "CHOOSE",
  "COUNT",
  "EXACT",
  "IF",
  "INDEX",
  "INT",
  "MATCH",
  "MAX",
  "MIN",
  "NA",
  "OR",
  "PRODUCT",
  "PV",
  "SUM",
  "SUMPRODUCT",
  "TRIM",
]);

/**
 * The function names a formula calls.
 *
 * @example
 * functionsIn('=IF(A1="x(",AGAP.REALIZED(B1:F1),SUM(C1))') //=> ["IF", "AGAP.REALIZED", "SUM"]
 */
function functionsIn(formula: string): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return [...code.matchAll(/(?<![A-Za-z0-9_.$])(_xlfn\.)?([A-Za-z][A-Za-z0-9_.]*)\(/g)].map((m) => (m[1] ?? "") + m[2]);
}

function checkPortable(workbook: EvaluatedWorkbook): void {
  expect(workbook.formulas.length).toBeGreaterThan(100);
  const outside = new Set<string>();
  for (const { sheet, row, column, formula } of workbook.formulas) {
    for (const name of functionsIn(formula)) if (!PORTABLE.has(name.toUpperCase())) outside.add(`${name} (${sheet})`);
    const value = workbook.value(sheet, row, column);
    expect({ sheet, row, column, formula, value }).not.toMatchObject({ value: { error: "#NAME?" } });
  }
  expect([...outside]).toEqual([]);
}

describe("functionsIn", () => {
  it("finds calls, dotted names and prefixed names, and ignores text in quotes", () => {
    expect(functionsIn('=IF(A1="x(",AGAP.REALIZED(B1:F1),SUM(C1))')).toEqual(["IF", "AGAP.REALIZED", "SUM"]);
    expect(functionsIn("=NPV(P2,_xlfn.SEQUENCE(3,1,1,0))")).toEqual(["NPV", "_xlfn.SEQUENCE"]);
  });
});

describe("the portability check", () => {
  it("fails on an AGAP function and on a dynamic-array function", () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet("Mine");
    sheet.at(0, 0).formula = "=AGAP.REALIZED(B1:F1)";
    sheet.at(1, 0).formula = "=SUM(SEQUENCE(3))";
    for (let i = 0; i < 120; i++) sheet.at(2 + i, 0).formula = "=1+1";
    expect(() => checkPortable(evaluateFake(book))).toThrow();
  });
});

describe("every stored formula is portable", () => {
  it("in the sheets written through Office.js: assessments, summary, reports, ROI, portfolio, scenarios, roadmap, grid, tornado", async () => {
    const book = new FakeWorkbook();
    const store = new ExcelStore({ run: book.run });
    for (const response of RESPONSES) await store.saveResponse(response);
    const planning = new ExcelPlanningStore({ run: book.run });
    for (const entry of ROI_ROWS) await planning.saveRoi(entry);
    for (const record of MATURITY) await planning.saveMaturity(record);
    for (const workflow of WORKFLOWS) await store.insertReport(workflow, RESPONSES);
    await planning.saveScenario({
      id: "s1",
      name: "Fix measurement",
      workflow: "Claims",
      baseLabel: "typed scores",
      baseScores: [0.8, 0.6, 0.5, 0.4, 0.5],
      scores: [0.8, 0.6, 0.5, 0.7, 0.5],
    });
    await planning.createRoadmap("Claims", "2026-05-04");
    await planning.insertGrid([0.8, 0.6, 0.5, 0.4, 0.5], 3, 4, [0.2, 0.4, 0.6]);
    await planning.insertTornado("Lifts", [{ label: "Measurement", down: -0.01, up: 0.01 }]);
    checkPortable(evaluateFake(book));
  });

  it("in the .xlsx export", async () => {
    const bytes = await buildAssessmentWorkbook(RESPONSES, ExcelJS, (workbook) =>
      addPlanningSheets(
        workbook,
        { scenarios: [], roi: ROI_ROWS, maturity: MATURITY, roadmaps: [], skipped: [] },
        RESPONSES,
      ),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes);
    checkPortable(evaluateXlsx(book));
  });
});
