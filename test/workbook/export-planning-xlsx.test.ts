import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  BAND_THRESHOLD_NOTE,
  BASELINE_TASK_ID,
  LAYERS,
  ROADMAP_TASKS,
  type AssessmentResponse,
  type RoiEntry,
  type Scenario,
} from "../../src/model";
import { addPlanningSheets, portfolioEntries } from "../../src/workbook/export-planning-xlsx";
import { buildAssessmentWorkbook, fileFormula } from "../../src/workbook/export-xlsx";
import type { PlanningData } from "../../src/workbook/planning-store";
import { dateToSerial } from "../../src/workbook/sheets/cells";
import { PORTFOLIO } from "../../src/workbook/sheets/portfolio";
import { ROADMAP_COL, ROADMAP_HEADERS, ROADMAP_ROW } from "../../src/workbook/sheets/roadmap";
import { ROI } from "../../src/workbook/sheets/roi";
import { SCENARIOS } from "../../src/workbook/sheets/scenarios";
import { NA, columnLetter, headersOf, specLayout } from "../../src/workbook/sheets/spec";
import { evaluateXlsx, type EvaluatedWorkbook } from "../support/workbook-engine";
import {
  ENTRY,
  ENTRY_BY_HAND,
  LATEST,
  expectEvaluatedAsModel,
  expectFormulasAndCache,
  latestTeam,
  xlsxCell,
} from "./planning-fixtures";

const LATE: RoiEntry = {
  ...ENTRY,
  id: "roi-2",
  workflow: '=HYPERLINK("x")',
  metric: "+1",
  baselineDate: "2026-03-01",
  periods: 6,
};
const BLANK: RoiEntry = {
  ...ENTRY,
  id: "roi-3",
  workflow: "Claims",
  baseline: null,
  baselineDate: "",
  build: null,
  integrate: null,
  govern: null,
  maintain: null,
};
const ZERO: RoiEntry = { ...ENTRY, id: "roi-4", build: 0, integrate: 0, govern: 0, maintain: 0 };
const FRACTION: RoiEntry = { ...ENTRY, id: "roi-5", horizon: 2.5 };
const ROI_ROWS = [ENTRY, LATE, BLANK, ZERO, FRACTION];

// Ana and Ben on 2026-01-05: team means 0.8, 0.6, 0.5, 0.4, 0.5 (realized 0.048).
const RESPONSES: AssessmentResponse[] = latestTeam("Invoice triage", "2026-01-05");

const SCENARIO_ROWS: Scenario[] = [
  {
    id: "s-1",
    name: "Fix measurement",
    workflow: "Invoice triage",
    baseLabel: "assessment of Invoice triage on 2026-01-05",
    baseScores: LATEST,
    scores: [0.8, 0.6, 0.5, 0.7, 0.5],
  },
  { id: "s-2", name: "@all", workflow: "", baseLabel: "typed scores", baseScores: LATEST, scores: [1, 1, 1, 1, 1] },
];

const DATA: PlanningData = {
  scenarios: SCENARIO_ROWS,
  roi: ROI_ROWS,
  maturity: [{ workflow: "Invoice triage", stage: 2, target: 4 }],
  roadmaps: [
    {
      workflow: "Invoice triage",
      startDate: "2024-02-01",
      sheetName: "AGAP Roadmap – Invoice triage",
      tasks: ROADMAP_TASKS.map((t, i) => ({
        id: t.id,
        owner: i === 0 ? "Ana" : "",
        status: i === 0 ? "Done" : "Not started",
        doneDate: i === 0 ? "2024-02-20" : "",
      })),
    },
  ],
  skipped: [],
};
const ENTRIES = portfolioEntries(DATA, RESPONSES);
const ROI_COL = specLayout(ROI).position;
const PORTFOLIO_COL = specLayout(PORTFOLIO).position;
const SCENARIO_COL = specLayout(SCENARIOS).position;

let book: ExcelJS.Workbook;
let evaluated: EvaluatedWorkbook;
const sheet = (name: string) => book.getWorksheet(name)!;
const at = (name: string, row: number, column: number) => xlsxCell(sheet(name), row, column);

beforeAll(async () => {
  // The export as the task pane builds it: the assessments first, then the planning sheets.
  const bytes = await buildAssessmentWorkbook(RESPONSES, ExcelJS, (workbook) =>
    addPlanningSheets(workbook, DATA, RESPONSES),
  );
  book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  evaluated = evaluateXlsx(book);
});
afterAll(() => evaluated.engine.destroy());

describe("addPlanningSheets", () => {
  it("adds the scenarios, ROI and portfolio tables and one sheet per roadmap", () => {
    expect(book.worksheets.map((ws) => ws.name)).toEqual([
      "AGAP Assessments",
      "AGAP Summary",
      "AGAP Scenarios",
      "AGAP ROI",
      "AGAP Portfolio",
      "AGAP Roadmap – Invoice triage",
      "AGAP Layouts",
    ]);
    for (const spec of [SCENARIOS, ROI, PORTFOLIO] as const) {
      const headers = spec.columns.map((column) => column.header);
      expect(headers.map((_, c) => at(spec.sheet, 1, c).value)).toEqual(headers);
      expect(sheet(spec.sheet).getTable(spec.table)).toBeDefined();
    }
    expect(sheet("AGAP ROI").views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    // Every table records its layout version.
    const layouts = sheet("AGAP Layouts");
    expect([4, 5, 6].map((r) => [at("AGAP Layouts", r, 0).value, at("AGAP Layouts", r, 1).value])).toEqual([
      ["AgapScenarios", SCENARIOS.version],
      ["AgapRoi", ROI.version],
      ["AgapPortfolio", PORTFOLIO.version],
    ]);
    expect(layouts.state).toBe("hidden");
  });

  it("writes the ROI, scenario and portfolio formulas from the specs, caching the model's values", () => {
    expectFormulasAndCache(sheet("AGAP Scenarios"), SCENARIOS, SCENARIO_ROWS, undefined);
    expectFormulasAndCache(sheet("AGAP ROI"), ROI, ROI_ROWS, { responses: RESPONSES });
    expectFormulasAndCache(sheet("AGAP Portfolio"), PORTFOLIO, ENTRIES, { responses: RESPONSES, roi: ROI_ROWS });
    expect(fileFormula("=PRODUCT(S2:W2)")).toBe("PRODUCT(S2:W2)");
  });

  it("stores an error result in a date-formatted cell as the error, which exceljs reads back as an invalid date", async () => {
    const out = new ExcelJS.Workbook();
    addPlanningSheets(out, { ...DATA, roadmaps: [] }, []);
    const zip = await JSZip.loadAsync((await out.xlsx.writeBuffer()) as ArrayBuffer);
    // Scenarios, layouts, ROI: the ROI sheet is the third; no workflow has an assessment.
    const xml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    const latest = `${columnLetter(ROI_COL.latestDate)}2`;
    expect(xml).toMatch(new RegExp(`<c r="${latest}" s="\\d+" t="e"><f>[^<]+</f><v>#N/A</v></c>`));
  });

  it("stores portable formulas only: no AGAP function, no dynamic array", () => {
    const planning = evaluated.formulas.filter((f) =>
      ["AGAP ROI", "AGAP Portfolio", "AGAP Scenarios"].includes(f.sheet),
    );
    expect(planning.length).toBeGreaterThan(0);
    for (const { formula } of planning) expect(formula).not.toMatch(/AGAP\.|SEQUENCE|_xlfn/);
    expect(at("AGAP ROI", 2, ROI_COL.npv).formula).toContain("-PV(P2,O2,");
  });

  it("has formulas that HyperFormula, without the AGAP functions, evaluates to the model's values", () => {
    expectEvaluatedAsModel(evaluated, SCENARIOS, SCENARIO_ROWS, undefined);
    expectEvaluatedAsModel(evaluated, ROI, ROI_ROWS, { responses: RESPONSES });
    expectEvaluatedAsModel(evaluated, PORTFOLIO, ENTRIES, { responses: RESPONSES, roi: ROI_ROWS });
  });

  it("caches the model's ROI figures, by hand: ROI 1/35, NPV, payback 11.25, projected 48,000", () => {
    const cell = (column: number) => at("AGAP ROI", 2, column).result as number;
    // (900 × 12 − (4,500 + 500 × 12)) / (4,500 + 500 × 12)
    expect(cell(ROI_COL.measuredRoi)).toBeCloseTo(ENTRY_BY_HAND.measuredRoi, 12);
    let pv = 0;
    for (let t = 1; t <= 12; t++) pv += 400 / 1.01 ** t;
    expect(cell(ROI_COL.npv)).toBeCloseTo(pv - 4500, 9);
    expect(cell(ROI_COL.payback)).toBeCloseTo(11.25, 12);
    expect(cell(ROI_COL.projected)).toBeCloseTo(ENTRY_BY_HAND.projected, 9);
    // An empty text result is not kept in the file (exceljs drops it); Excel computes it on opening.
    expect(at("AGAP ROI", 2, ROI_COL.flags).result ?? "").toBe("");
    expect(LAYERS.map((layer) => at("AGAP ROI", 2, ROI_COL[`latest:${layer.id}`]).result)).toEqual(
      LATEST.map((s) => expect.closeTo(s, 12)),
    );
    expect(at("AGAP ROI", 2, ROI_COL.latestDate).result).toEqual(new Date(Date.UTC(2026, 0, 5)));
    // The engine agrees with the hand figures too.
    expect(evaluated.value("AGAP ROI", 2, ROI_COL.measuredRoi)).toBeCloseTo(1 / 35, 12);
    expect(evaluated.value("AGAP ROI", 2, ROI_COL.payback)).toBeCloseTo(11.25, 12);
  });

  it("caches the flags, #N/A without a baseline, a zero cost or a fractional horizon", () => {
    expect(at("AGAP ROI", 3, ROI_COL.flags).result).toBe(
      "Baseline captured after go-live: it may already include the agent's effect, so the ROI is not defensible. " +
        "Only 6 of 12 periods observed: the measured ROI covers part of the horizon.",
    );
    // 6 weeks observed: 5,400 of benefit against 4,500 + 500 × 6 = 7,500.
    expect(at("AGAP ROI", 3, ROI_COL.measuredRoi).result).toBeCloseTo((5400 - 7500) / 7500, 12);
    // No assessment of this workflow: no projected value.
    expect(at("AGAP ROI", 3, ROI_COL.projected).result).toEqual(NA);
    for (const column of [ROI_COL.projected, ROI_COL.measuredRoi, ROI_COL.npv, ROI_COL.payback]) {
      expect(at("AGAP ROI", 4, column).result).toEqual(NA);
    }
    expect(at("AGAP ROI", 4, ROI_COL.flags).result).toBe(
      "No baseline captured: the return cannot be proven. No costs entered: ROI is net of build, integrate, govern and maintain.",
    );
    // Zero costs: no ROI (it would divide by 0), paid back at once, NPV the discounted benefit.
    expect(at("AGAP ROI", 5, ROI_COL.measuredRoi).result).toEqual(NA);
    expect(evaluated.value("AGAP ROI", 5, ROI_COL.payback)).toBe(0);
    expect(at("AGAP ROI", 5, ROI_COL.npv).result).toBeCloseTo((900 * (1 - 1.01 ** -12)) / 0.01, 9);
    // A horizon of 2.5 periods: NPV and payback count whole periods, so neither is shown.
    expect([at("AGAP ROI", 6, ROI_COL.npv).result, at("AGAP ROI", 6, ROI_COL.payback).result]).toEqual([NA, NA]);
    expect(at("AGAP ROI", 6, ROI_COL.measuredRoi).result).toBeCloseTo(1 / 35, 12);
  });

  it("writes scenarios with PRODUCT formulas and the change against the stored base", () => {
    expect(at("AGAP Scenarios", 2, SCENARIO_COL.realized).formula).toBe("IF(COUNT(D2:H2)<5,NA(),PRODUCT(D2:H2))");
    expect(at("AGAP Scenarios", 2, SCENARIO_COL.change).formula).toBe("IF(COUNT(K2:O2)<5,NA(),I2-PRODUCT(K2:O2))");
    expect(at("AGAP Scenarios", 2, SCENARIO_COL.realized).result).toBeCloseTo(0.084, 12);
    expect(at("AGAP Scenarios", 2, SCENARIO_COL.change).result).toBeCloseTo(0.036, 12);
    expect(at("AGAP Scenarios", 3, SCENARIO_COL.change).result).toBeCloseTo(1 - 0.048, 12);
    expect(at("AGAP Scenarios", 2, SCENARIO_COL.realized).numFmt).toBe("0.0%");
  });

  it("keeps names that look like formulas as text", () => {
    const cells = [
      at("AGAP ROI", 3, ROI_COL.workflow),
      at("AGAP ROI", 3, ROI_COL.metric),
      at("AGAP Scenarios", 3, SCENARIO_COL.name),
      at("AGAP Portfolio", 3, PORTFOLIO_COL.workflow),
    ];
    expect(cells.map((c) => c.value)).toEqual(['=HYPERLINK("x")', "+1", "@all", '=HYPERLINK("x")']);
    for (const c of cells) {
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.formula).toBeUndefined();
    }
    expect(evaluated.value("AGAP Portfolio", 3, PORTFOLIO_COL.workflow)).toBe('=HYPERLINK("x")');
  });

  it("writes dates as dates, and the direction list", () => {
    expect(at("AGAP ROI", 2, ROI_COL.baselineDate).value).toEqual(new Date(Date.UTC(2026, 0, 10)));
    expect(at("AGAP ROI", 2, ROI_COL.baselineDate).numFmt).toBe("yyyy-mm-dd");
    expect(at("AGAP ROI", 2, ROI_COL.direction).dataValidation).toMatchObject({
      type: "list",
      formulae: ['"lower,higher"'],
    });
  });

  it("lists every workflow in the portfolio, with stage names, latest results, band and ROI status", () => {
    const width = headersOf(PORTFOLIO).length;
    const row = (r: number) => Array.from({ length: width }, (_, c) => evaluated.value("AGAP Portfolio", r, c));
    expect(ENTRIES.map((entry) => entry.workflow)).toEqual(["Invoice triage", '=HYPERLINK("x")', "Claims"]);
    const triage = row(2);
    expect(triage.slice(0, 5)).toEqual(["Invoice triage", 2, "Assisted", 4, "Operational"]);
    expect(triage[PORTFOLIO_COL.latestDate]).toBe(dateToSerial("2026-01-05"));
    expect(triage[PORTFOLIO_COL.latestRealized]).toBeCloseTo(0.048, 12);
    expect([PORTFOLIO_COL.band, PORTFOLIO_COL.weakest, PORTFOLIO_COL.roiStatus].map((c) => triage[c])).toEqual([
      "Critical",
      "Measurement",
      "defensible",
    ]);
    expect(at("AGAP Portfolio", 2, PORTFOLIO_COL.stageName).formula).toBe(
      'IF(B2="","",CHOOSE(B2,"Experimenting","Assisted","Embedded","Operational","Autonomous"))',
    );
    expect(at("AGAP Portfolio", 2, PORTFOLIO_COL.latestDate).result).toEqual(new Date(Date.UTC(2026, 0, 5)));
    expect(row(3).slice(0, 5)).toEqual(['=HYPERLINK("x")', null, "", 4, "Operational"]);
    expect(row(3)[PORTFOLIO_COL.latestRealized]).toEqual(NA);
    expect(row(3)[PORTFOLIO_COL.roiStatus]).toBe("flagged");
    expect(row(4)[PORTFOLIO_COL.workflow]).toBe("Claims");
    expect(row(4)[PORTFOLIO_COL.roiStatus]).toBe("flagged");
    // The band note sits one column right of the table.
    expect(sheet("AGAP Portfolio").getCell("Q1").value).toBe(BAND_THRESHOLD_NOTE);
    expect(headersOf(PORTFOLIO)).toHaveLength(15);
  });

  it("writes the roadmap with due dates as dates across the leap day, statuses from a list, owners kept", () => {
    const name = "AGAP Roadmap – Invoice triage";
    expect(sheet(name).views[0]).toMatchObject({ state: "frozen", ySplit: ROADMAP_ROW.header });
    expect(at(name, ROADMAP_ROW.workflow, 1).value).toBe("Invoice triage");
    expect(at(name, ROADMAP_ROW.start, 1).value).toEqual(new Date(Date.UTC(2024, 1, 1)));
    expect(ROADMAP_HEADERS.map((_, c) => at(name, ROADMAP_ROW.header, c).value)).toEqual([...ROADMAP_HEADERS]);
    const first = ROADMAP_ROW.firstTask;
    // Day 30 of a start on 2024-02-01 is 2024-03-01 (2024 is a leap year); day 90 is 2024-04-30.
    expect(at(name, first + 4, ROADMAP_COL.due).value).toEqual(new Date(Date.UTC(2024, 2, 1)));
    expect(at(name, first + 14, ROADMAP_COL.due).value).toEqual(new Date(Date.UTC(2024, 3, 30)));
    expect(at(name, first + 4, ROADMAP_COL.due).numFmt).toBe("yyyy-mm-dd");
    expect(at(name, first, ROADMAP_COL.owner).value).toBe("Ana");
    expect(at(name, first, ROADMAP_COL.status).value).toBe("Done");
    expect(at(name, first + 1, ROADMAP_COL.status).value).toBe("Not started");
    for (let r = first; r < first + 15; r++) {
      expect(at(name, r, ROADMAP_COL.status).dataValidation).toMatchObject({
        type: "list",
        formulae: ['"Not started,In progress,Done,Blocked"'],
      });
    }
    const baselineRow = first + ROADMAP_TASKS.findIndex((t) => t.id === BASELINE_TASK_ID);
    expect(at(name, baselineRow, ROADMAP_COL.note).value).toBe("Baseline on file (captured 2026-01-10)");
  });

  it("writes each table with one empty row when there is nothing to list", async () => {
    const out = new ExcelJS.Workbook();
    addPlanningSheets(out, { scenarios: [], roi: [], maturity: [], roadmaps: [], skipped: [] }, []);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await out.xlsx.writeBuffer()) as ArrayBuffer);
    expect(back.worksheets.map((ws) => ws.name)).toEqual([
      "AGAP Scenarios",
      "AGAP ROI",
      "AGAP Portfolio",
      "AGAP Layouts",
    ]);
    const roi = back.getWorksheet("AGAP ROI")!;
    expect(roi.getRow(1).getCell(1).value).toBe("Workflow");
    const table = roi.getTable("AgapRoi") as unknown as { table: { tableRef?: string; ref?: string } };
    expect(table.table.tableRef ?? table.table.ref).toBe("A1:AC2");
    expect(headersOf(ROI).map((_, c) => xlsxCell(roi, 2, c).value)).toEqual(headersOf(ROI).map(() => null));
  });

  it("refuses to add a sheet the workbook already has", () => {
    const out = new ExcelJS.Workbook();
    out.addWorksheet("AGAP ROI");
    expect(() => addPlanningSheets(out, DATA, RESPONSES)).toThrow(/already has a sheet named "AGAP ROI"/);
  });
});
