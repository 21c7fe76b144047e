// Layouts that evolve: a table written with an earlier layout is brought up to date on the next
// save (columns added, headers renamed, formulas rewritten) without losing a value; one that
// cannot be migrated is left untouched with the reason; columns moved by hand keep working.
import {
  LAYERS,
  assessAnswers,
  realizedValue,
  roiFigures,
  latestRound,
  type AssessmentResponse,
  type Scenario,
} from "../../src/model";
import ExcelJS from "exceljs";
import { ExcelPlanningStore } from "../../src/workbook/excel-planning";
import { migrateXlsxTable, readSpecSheet, sheetRows, writeSpecTable } from "../../src/workbook/export-xlsx";
import { ExcelStore } from "../../src/workbook/excel-store";
import { ASSESSMENTS } from "../../src/workbook/sheets/assessments";
import { dateToSerial } from "../../src/workbook/sheets/cells";
import { ROI } from "../../src/workbook/sheets/roi";
import { SCENARIOS } from "../../src/workbook/sheets/scenarios";
import {
  LAYOUTS_SHEET,
  headersOf,
  readTable,
  rowCells,
  specLayout,
  type TableSpec,
} from "../../src/workbook/sheets/spec";
import { TableGateway } from "../../src/workbook/table-gateway";
import { evaluateFake, evaluateXlsx } from "../support/workbook-engine";
import { RESPONSES } from "./consistency-fixture";
import { FakeWorkbook } from "./fake-excel";
import { ENTRY } from "./planning-fixtures";

/** The values a table's body holds, by header, as read straight from the fake's cells. */
function bodyByHeader(book: FakeWorkbook, table: string): Record<string, unknown>[] {
  const place = book.table(table)!;
  const headers = Array.from({ length: place.width }, (_, c) => String(place.sheet.peek(place.top, c).value));
  return Array.from({ length: place.bodyRows }, (_, i) =>
    Object.fromEntries(
      headers.map((h, c) => {
        const cell = place.sheet.peek(place.top + 1 + i, place.left + c);
        return [h, cell.formula ?? cell.value];
      }),
    ),
  );
}

/** Writes records into the fake as an earlier version would have: that layout's headers and cells. */
function writeOldTable<R>(
  book: FakeWorkbook,
  spec: TableSpec<R, unknown>,
  headers: readonly string[],
  records: R[],
  context: unknown,
) {
  const layout = specLayout(spec);
  const rows = records.map((record, i) => {
    const cells = rowCells(spec, layout, record, i + 2);
    return headers.map((header) => {
      const c = spec.columns.findIndex((column) => column.header === header || column.formerHeaders?.includes(header));
      if (c < 0) return "";
      const column = spec.columns[c];
      // Derived cells of the old layout held values (or formulas this version no longer writes).
      return column.kind === "derived" ? column.cached(record, context) : cells.values[c];
    });
  });
  return book.addTable(spec.table, spec.sheet, headers, rows);
}

const V1_ASSESSMENT_HEADERS = headersOf(ASSESSMENTS).filter((header) => header !== "Answered");
const V1_ROI_HEADERS = headersOf(ROI)
  .filter((header) => header !== "Latest assessment")
  .map((header) => (header === "Maintain cost per period" ? "Maintain cost" : header));

describe("the assessments table of layout 1 (no Answered column)", () => {
  const old = RESPONSES.slice(0, 6);
  let book: FakeWorkbook;
  beforeEach(() => {
    book = new FakeWorkbook();
    writeOldTable(book, ASSESSMENTS as TableSpec<AssessmentResponse, unknown>, V1_ASSESSMENT_HEADERS, old, undefined);
  });

  it("is migrated on the next save: the column is added, formulas rewritten, every value kept, the version recorded", async () => {
    const before = bodyByHeader(book, "AgapAssessments");
    await new ExcelStore({ run: book.run }).saveResponse(RESPONSES[6]);
    const table = book.table("AgapAssessments")!;
    expect(table.width).toBe(V1_ASSESSMENT_HEADERS.length + 1);
    expect(book.sheet("AGAP Assessments")!.peek(0, table.width - 1).value).toBe("Answered");
    const after = bodyByHeader(book, "AgapAssessments");
    expect(after).toHaveLength(old.length + 1);
    // Every typed value survives; formula cells are rewritten.
    before.forEach((row, i) => {
      for (const column of ASSESSMENTS.columns) {
        if (column.kind === "derived" || column.header === "Answered") continue;
        expect({ i, header: column.header, value: after[i][column.header] }).toEqual({
          i,
          header: column.header,
          value: row[column.header],
        });
      }
      expect(after[i]["Answered"]).toBe(`=COUNT(D${i + 2}:R${i + 2})`);
    });
    const evaluated = evaluateFake(book).rows("AgapAssessments");
    [...old, RESPONSES[6]].forEach((response, i) => {
      const { answered, layerScores, complete } = assessAnswers(response.answers);
      expect(evaluated[i]["Answered"]).toBe(answered);
      const realized = evaluated[i]["Realized value"];
      if (complete) expect(realized).toBeCloseTo(realizedValue(layerScores as number[]), 12);
      else expect(realized).toEqual({ error: "#N/A" });
    });
    const layouts = book.sheet(LAYOUTS_SHEET)!;
    expect(layouts.visibility).toBe("Hidden");
    expect(layouts.row(2, 2)).toEqual(["AgapAssessments", 2]);
    // The next save finds the current layout and migrates nothing.
    const writes = book.writes.length;
    await new ExcelStore({ run: book.run }).saveResponse({ ...RESPONSES[6], respondent: "Eve again" });
    expect(book.writes.slice(writes).some((write) => write.property === "columns.add")).toBe(false);
  });

  it("reads as it is, before any migration", async () => {
    const list = await new ExcelStore({ run: book.run }).listResponses();
    expect(list.skipped).toEqual([]);
    expect(list.responses).toEqual(old);
  });

  it("is left untouched, with the reason, when a column it needs is gone", async () => {
    book.sheet("AGAP Assessments")!.at(0, 0).value = "Process";
    const writes = book.writes.length;
    await expect(new ExcelStore({ run: book.run }).saveResponse(RESPONSES[6])).rejects.toThrow(
      /no "Workflow" column.*Nothing was changed/,
    );
    expect(book.writes.slice(writes)).toEqual([]);
  });

  it("is left untouched when a newer version of AGAP wrote it", async () => {
    const layouts = book.addSheet(LAYOUTS_SHEET);
    layouts.at(0, 0).value = "Table";
    layouts.at(0, 1).value = "Layout version";
    layouts.at(1, 0).value = "AgapAssessments";
    layouts.at(1, 1).value = 9;
    const writes = book.writes.length;
    await expect(new ExcelStore({ run: book.run }).saveResponse(RESPONSES[6])).rejects.toThrow(
      /newer version of AGAP \(layout 9; this version knows up to 2\)/,
    );
    expect(book.writes.slice(writes)).toEqual([]);
  });
});

describe("the ROI table of layout 1 (maintain counted once, latest scores typed in)", () => {
  it("gets the per-period header, live latest scores and live figures, keeping every typed value", async () => {
    const book = new FakeWorkbook();
    for (const response of RESPONSES) await new ExcelStore({ run: book.run }).saveResponse(response);
    const old = [{ ...ENTRY, id: "roi-a", workflow: "Claims" }];
    writeOldTable(book, ROI as TableSpec<typeof ENTRY, unknown>, V1_ROI_HEADERS, old, { responses: RESPONSES });
    // Layout 1 held stale typed scores where version 2 has formulas.
    const roiSheet = book.sheet("AGAP ROI")!;
    const firstLatest = V1_ROI_HEADERS.indexOf(`Latest ${LAYERS[0].short} score`);
    for (let k = 0; k < 5; k++) roiSheet.at(1, firstLatest + k).value = 0.1;

    await new ExcelPlanningStore({ run: book.run }).saveRoi({ ...ENTRY, id: "roi-b", workflow: "Invoice triage" });
    const headers = bodyByHeader(book, "AgapRoi");
    expect(Object.keys(headers[0])).toContain("Maintain cost per period");
    expect(Object.keys(headers[0])).not.toContain("Maintain cost");
    expect(Object.keys(headers[0]).at(-1)).toBe("Latest assessment");
    expect(headers[0]["Maintain cost per period"]).toBe(ENTRY.maintain);
    expect(headers[0]["Baseline value"]).toBe(ENTRY.baseline);

    const evaluated = evaluateFake(book).rows("AgapRoi");
    for (const [i, entry] of [old[0], { ...ENTRY, id: "roi-b", workflow: "Invoice triage" }].entries()) {
      const latest = latestRound(RESPONSES, entry.workflow)!.result!;
      LAYERS.forEach((layer, k) =>
        expect(evaluated[i][`Latest ${layer.short} score`]).toBeCloseTo(latest.layerScores[k], 12),
      );
      const figures = roiFigures(entry, latest.layerScores);
      expect(evaluated[i]["Measured ROI"]).toBeCloseTo(figures.measuredRoi!, 12);
      expect(evaluated[i]["NPV"]).toBeCloseTo(figures.npv!, 8);
      expect(evaluated[i]["Projected value"]).toBeCloseTo(figures.projected!, 8);
    }
    const read = await new ExcelPlanningStore({ run: book.run }).loadPlanning();
    expect(read.roi.map((entry) => entry.maintain)).toEqual([ENTRY.maintain, ENTRY.maintain]);
  });
});

/** Tomorrow's scenarios layout: the name column renamed and a gap column added. */
const SCENARIOS_NEXT: TableSpec<Scenario, void> = {
  ...SCENARIOS,
  version: SCENARIOS.version + 1,
  columns: [
    ...SCENARIOS.columns.map((column) =>
      column.key === "name" ? { ...column, header: "Scenario name", formerHeaders: ["Scenario"] } : column,
    ),
    {
      key: "gap",
      header: "Gap",
      kind: "derived",
      format: "0.0%",
      since: SCENARIOS.version + 1,
      formula: (at) => `=1-${at("realized")}`,
      cached: (s) => 1 - realizedValue(s.scores),
    },
  ],
};

const scenario = (id: string, measurement: number): Scenario => ({
  id,
  name: `Raise measurement to ${measurement}`,
  workflow: "Claims",
  baseLabel: "typed scores",
  baseScores: [0.8, 0.6, 0.5, 0.4, 0.5],
  scores: [0.8, 0.6, 0.5, measurement, 0.5],
});

describe("a spec with one more column and one renamed header", () => {
  it("migrates a table written with today's layout through Office.js, and every value survives", async () => {
    const book = new FakeWorkbook();
    const saved = [scenario("s1", 0.6), scenario("s2", 0.7), scenario("s3", 0.9)];
    for (const s of saved) await new ExcelPlanningStore({ run: book.run }).saveScenario(s);

    await book.run(async (context) => {
      const gateway = new TableGateway(context);
      const [open] = await gateway.open([SCENARIOS_NEXT]);
      gateway.upsert(gateway.writable(open), scenario("s4", 1));
      gateway.flush();
      await context.sync();
    });

    const table = book.table("AgapScenarios")!;
    const header = book.sheet("AGAP Scenarios")!.row(1, table.width);
    expect(header).toEqual(headersOf(SCENARIOS_NEXT));
    const place = book.sheet("AGAP Scenarios")!;
    const body = Array.from({ length: table.bodyRows }, (_, i) => place.row(i + 2, table.width));
    const read = readTable(SCENARIOS_NEXT, header, body, 2);
    expect(read.skipped).toEqual([]);
    expect(read.items).toEqual([...saved, scenario("s4", 1)]);
    const evaluated = evaluateFake(book).rows("AgapScenarios");
    [...saved, scenario("s4", 1)].forEach((s, i) =>
      expect(evaluated[i]["Gap"]).toBeCloseTo(1 - realizedValue(s.scores), 12),
    );
  });
});

describe("columns a person moved by hand", () => {
  it("are found by header for reading and writing, and the formulas follow them", async () => {
    const book = new FakeWorkbook();
    const store = new ExcelStore({ run: book.run });
    for (const response of RESPONSES.slice(0, 3)) await store.saveResponse(response);
    // Swap the Respondent and Date columns, header and cells, as cutting and pasting would.
    const sheet = book.sheet("AGAP Assessments")!;
    const table = book.table("AgapAssessments")!;
    for (let r = 0; r <= table.bodyRows; r++) {
      const a = sheet.at(r, 1);
      const b = sheet.at(r, 2);
      [a.value, b.value, a.format, b.format] = [b.value, a.value, b.format, a.format];
    }
    await store.saveResponse(RESPONSES[4]);
    expect(sheet.peek(table.bodyRows, 1).value).toBe(dateToSerial(RESPONSES[4].date));
    expect(sheet.peek(table.bodyRows, 2).value).toBe(RESPONSES[4].respondent);
    const list = await store.listResponses();
    expect(list.responses).toEqual([...RESPONSES.slice(0, 3), RESPONSES[4]]);
    const evaluated = evaluateFake(book).rows("AgapAssessments");
    const { layerScores } = assessAnswers(RESPONSES[4].answers);
    expect(evaluated[3]["Realized value"]).toBeCloseTo(realizedValue(layerScores as number[]), 12);
  });
});

describe("the same migration through an .xlsx file", () => {
  it("keeps every value of a table written with today's layout, and the new formulas compute", async () => {
    const saved = [scenario("s1", 0.6), scenario("s2", 0.7)];
    const out = new ExcelJS.Workbook();
    writeSpecTable(out, SCENARIOS, saved, undefined);
    // A column a person added by hand survives too.
    out.getWorksheet("AGAP Scenarios")!.getCell("Q1").value = "Notes";
    out.getWorksheet("AGAP Scenarios")!.getCell("Q2").value = "agreed with the sponsor";
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await out.xlsx.writeBuffer());

    expect(migrateXlsxTable(book, SCENARIOS_NEXT, undefined)).toBe(true);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(await book.xlsx.writeBuffer());
    const read = readSpecSheet(again, SCENARIOS_NEXT);
    expect(read.skipped).toEqual([]);
    expect(read.items).toEqual(saved);
    const { header, rows } = sheetRows(again, "AGAP Scenarios");
    expect(header.slice(0, headersOf(SCENARIOS).length + 1)).toEqual([
      ...headersOf(SCENARIOS_NEXT).slice(0, -1),
      "Notes",
    ]);
    expect(header.at(-1)).toBe("Gap");
    expect(rows[0][header.indexOf("Notes")]).toBe("agreed with the sponsor");
    const evaluated = evaluateXlsx(again).rows("AgapScenarios");
    saved.forEach((s, i) => expect(evaluated[i]["Gap"]).toBeCloseTo(1 - realizedValue(s.scores), 12));
    expect(sheetRows(again, LAYOUTS_SHEET).rowsWithHeader).toContainEqual(["AgapScenarios", 2]);
    // Already current: nothing to do.
    expect(migrateXlsxTable(again, SCENARIOS_NEXT, undefined)).toBe(false);
  });

  it("refuses, changing nothing, when a needed column is gone", async () => {
    const out = new ExcelJS.Workbook();
    writeSpecTable(out, SCENARIOS, [scenario("s1", 0.6)], undefined);
    out.getWorksheet("AGAP Scenarios")!.getCell("B1").value = "Process";
    expect(() => migrateXlsxTable(out, SCENARIOS_NEXT, undefined)).toThrow(/no "Workflow" column/);
    expect(out.getWorksheet("AGAP Scenarios")!.getCell("B1").value).toBe("Process");
  });
});
