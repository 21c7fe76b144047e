// An Excel older than a feature's requirement set still saves, skips the feature, and says so.
import { DEGRADED, Limitations, supportsApi, supportsExcelApi } from "../../src/workbook/api-support";
import { ExcelPlanningStore } from "../../src/workbook/excel-planning";
import { ExcelStore } from "../../src/workbook/excel-store";
import { RESPONSES } from "./consistency-fixture";
import { FakeWorkbook } from "./fake-excel";

describe("supportsApi", () => {
  it("is false outside Office, where nothing can be asked", () => {
    expect(supportsExcelApi("1.1")).toBe(false);
    expect(supportsApi("CustomFunctionsRuntime", "1.3")).toBe(false);
  });

  it("asks Office inside Excel", async () => {
    const book = new FakeWorkbook();
    book.excelApi = "1.6";
    const answers = await book.run(async () => [supportsExcelApi("1.6"), supportsExcelApi("1.7")]);
    expect(answers).toEqual([true, false]);
  });
});

describe("Limitations", () => {
  it("says each limitation once, in the order met, and forgets them once drained", () => {
    const limitations = new Limitations();
    limitations.note("b");
    limitations.note("a");
    limitations.note("b");
    expect(limitations.drain()).toEqual(["b", "a"]);
    expect(limitations.drain()).toEqual([]);
  });
});

describe("an Excel with ExcelApi 1.4 only (the manifest's minimum)", () => {
  it("saves responses without data validation or a frozen header, and says what it left out", async () => {
    const book = new FakeWorkbook();
    book.excelApi = "1.4";
    const store = new ExcelStore({ run: book.run });
    for (const response of RESPONSES.slice(0, 3)) await store.saveResponse(response);
    expect(
      book.writes.filter((w) => w.property.startsWith("dataValidation") || w.property.startsWith("freezePanes")),
    ).toEqual([]);
    expect(store.drainLimitations()).toEqual([DEGRADED.freezePanes, DEGRADED.dataValidation]);
    expect(store.drainLimitations()).toEqual([]);
    expect((await store.listResponses()).responses).toEqual(RESPONSES.slice(0, 3));
  });

  it("writes the grid without its colour scale and the tornado with Excel's chart defaults, saying so", async () => {
    const book = new FakeWorkbook();
    book.excelApi = "1.5";
    const planning = new ExcelPlanningStore({ run: book.run });
    await planning.insertGrid([0.8, 0.6, 0.5, 0.4, 0.5], 3, 4, [0.2, 0.6]);
    await planning.insertTornado("Lifts", [{ label: "Measurement", down: -0.01, up: 0.01 }]);
    expect(book.sheets.flatMap((sheet) => sheet.conditionalFormats)).toEqual([]);
    expect(book.sheets.flatMap((sheet) => sheet.charts).map((chart) => chart.reversePlotOrder)).toEqual([undefined]);
    expect(planning.drainLimitations()).toEqual([DEGRADED.colourScale, DEGRADED.chartLayout]);
  });

  it("does all of it where the Excel supports ExcelApi 1.8", async () => {
    const book = new FakeWorkbook();
    const store = new ExcelStore({ run: book.run });
    await store.saveResponse(RESPONSES[0]);
    expect(book.writes.some((w) => w.property === "dataValidation.rule")).toBe(true);
    expect(book.sheet("AGAP Assessments")!.frozenRows).toBe(1);
    expect(store.drainLimitations()).toEqual([]);
  });
});
