import * as ExcelJS from "exceljs";
import { DetailedCellError, type RawCellContent } from "hyperformula";
import {
  BAND_THRESHOLD_NOTE,
  BASELINE_TASK_ID,
  ROADMAP_TASKS,
  STATEMENTS,
  type AssessmentResponse,
  type RoiEntry,
  type Scenario,
} from "../../src/model";
import { dateToSerial } from "../../src/workbook/assessment-table";
import { addPlanningSheets, fileFormula } from "../../src/workbook/export-planning-xlsx";
import type { PlanningData } from "../../src/workbook/planning-store";
import {
  PORTFOLIO_COL,
  PORTFOLIO_HEADERS,
  ROADMAP_COL,
  ROADMAP_HEADERS,
  ROADMAP_ROW,
  ROI_COL,
  ROI_FORMULA_COLUMNS,
  ROI_HEADERS,
  SCENARIO_COL,
  SCENARIO_HEADERS,
  portfolioRowFormulas,
  roiRowFormulas,
  scenarioRowFormulas,
} from "../../src/workbook/planning-tables";
import { createAgapEngine } from "../support/hyperformula-agap";
import { ENTRY, LATEST } from "./planning-fixtures";

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
const ZERO: RoiEntry = { ...ENTRY, id: "roi-4", build: 0, integrate: 0, govern: 0, maintain: 0, horizon: 2.5 };

// Answers 12/15, 9/15, 7/15+…: layer scores 0.8, 0.6, 0.5, 0.4, 0.5 (realized 0.048) on 2026-01-05.
const ANSWERS = [4, 4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 2, 3, 2, 2];
const B_ANSWERS = [4, 4, 4, 3, 3, 3, 2, 3, 3, 2, 2, 2, 2, 3, 3];
const answers = (list: number[]) => Object.fromEntries(list.map((a, i) => [STATEMENTS[i].id, a]));
const RESPONSES: AssessmentResponse[] = [
  { id: "a", workflow: "Invoice triage", respondent: "Ana", date: "2026-01-05", answers: answers(ANSWERS) },
  { id: "b", workflow: "Invoice triage", respondent: "Ben", date: "2026-01-05", answers: answers(B_ANSWERS) },
];

const SCENARIOS: Scenario[] = [
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
  scenarios: SCENARIOS,
  roi: [ENTRY, LATE, BLANK, ZERO],
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
      })),
    },
  ],
  skipped: [],
};

let book: ExcelJS.Workbook;
const sheet = (name: string) => book.getWorksheet(name)!;
const at = (name: string, row: number, column: number) =>
  sheet(name)
    .getRow(row)
    .getCell(column + 1);

beforeAll(async () => {
  const out = new ExcelJS.Workbook();
  addPlanningSheets(out, DATA, RESPONSES);
  const bytes = await out.xlsx.writeBuffer();
  book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as ArrayBuffer);
});

/** A read-back sheet as HyperFormula content: values, dates as serials, formulas without "_xlfn.". */
function engineFor(name: string) {
  const rows = sheet(name).getSheetValues() as (ExcelJS.CellValue[] | undefined)[];
  const content: RawCellContent[][] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    content.push(
      Array.from({ length: Math.max(row.length - 1, 0) }, (_, c) => {
        const value = row[c + 1];
        if (value === null || value === undefined) return null;
        if (value instanceof Date) return dateToSerial(value.toISOString().slice(0, 10));
        if (typeof value === "object" && "formula" in value) return `=${String(value.formula).replace(/_xlfn\./g, "")}`;
        return value as RawCellContent;
      }),
    );
  }
  const hf = createAgapEngine({ Sheet1: content }, { smartRounding: false });
  return (row: number, column: number) => {
    const value = hf.getCellValue({ sheet: 0, row: row - 1, col: column });
    return value instanceof DetailedCellError ? { error: value.value } : value;
  };
}

function expectAgree(name: string, row: number, columns: readonly number[]) {
  const value = engineFor(name);
  for (const column of columns) {
    const cached = at(name, row, column).result;
    const evaluated = value(row, column);
    if (typeof cached === "number") expect(evaluated).toBeCloseTo(cached, 9);
    else expect(evaluated).toEqual(cached ?? "");
  }
}

describe("addPlanningSheets", () => {
  it("adds the scenarios, ROI and portfolio tables and one sheet per roadmap", () => {
    expect(book.worksheets.map((ws) => ws.name)).toEqual([
      "AGAP Scenarios",
      "AGAP ROI",
      "AGAP Portfolio",
      "AGAP Roadmap – Invoice triage",
    ]);
    expect(SCENARIO_HEADERS.map((_, c) => at("AGAP Scenarios", 1, c).value)).toEqual([...SCENARIO_HEADERS]);
    expect(ROI_HEADERS.map((_, c) => at("AGAP ROI", 1, c).value)).toEqual([...ROI_HEADERS]);
    expect(PORTFOLIO_HEADERS.map((_, c) => at("AGAP Portfolio", 1, c).value)).toEqual([...PORTFOLIO_HEADERS]);
    expect(sheet("AGAP ROI").views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  it("writes the ROI formulas, with SEQUENCE prefixed as Excel stores it", () => {
    ROI_FORMULA_COLUMNS.forEach((column, i) =>
      expect(at("AGAP ROI", 3, column).formula).toBe(fileFormula(roiRowFormulas(3)[i])),
    );
    expect(at("AGAP ROI", 2, ROI_COL.npv).formula).toContain("NPV(P2,_xlfn.SEQUENCE(ROUNDUP(O2,0),1,");
    expect(at("AGAP ROI", 2, ROI_COL.measuredRoi).formula).toMatch(/AGAP\.ROI\(E2,H2,I2,J2:M2,/);
    expect(fileFormula("=SEQUENCE(2)+XSEQUENCE(1)+_xlfn.SEQUENCE(3)")).toBe(
      "_xlfn.SEQUENCE(2)+XSEQUENCE(1)+_xlfn.SEQUENCE(3)",
    );
  });

  it("caches the model's ROI figures, by hand: ROI 1.16, NPV, payback, projected", () => {
    const cell = (column: number) => at("AGAP ROI", 2, column).result as number;
    // (15 h × 60 × 12 − 5,000) / 5,000
    expect(cell(ROI_COL.measuredRoi)).toBeCloseTo((15 * 60 * 12 - 5000) / 5000, 12);
    expect(cell(ROI_COL.measuredRoi)).toBeCloseTo(1.16, 12);
    let pv = 0;
    for (let t = 1; t <= 12; t++) pv += 900 / 1.01 ** t;
    expect(cell(ROI_COL.npv)).toBeCloseTo(pv - 5000, 9);
    expect(cell(ROI_COL.payback)).toBeCloseTo(5000 / 900, 12);
    expect(cell(ROI_COL.projected)).toBeCloseTo(1_000_000 * 0.048, 6);
    // An empty text result is not kept in the file (exceljs drops it); Excel recalculates it on open.
    expect(at("AGAP ROI", 2, ROI_COL.flags).result ?? "").toBe("");
    expect(LATEST.map((_, k) => at("AGAP ROI", 2, ROI_COL.firstLatest + k).value)).toEqual(
      LATEST.map((s) => expect.closeTo(s, 12)),
    );
  });

  it("caches the flags, #N/A without a baseline and #DIV/0! for a zero cost", () => {
    expect(at("AGAP ROI", 3, ROI_COL.flags).result).toBe(
      "Baseline captured after go-live: it may already include the agent's effect, so the ROI is not defensible. " +
        "Only 6 of 12 periods observed: the measured ROI covers part of the horizon.",
    );
    for (const column of [ROI_COL.projected, ROI_COL.measuredRoi, ROI_COL.npv, ROI_COL.payback]) {
      expect(at("AGAP ROI", 4, column).result).toEqual({ error: "#N/A" });
    }
    expect(at("AGAP ROI", 4, ROI_COL.flags).result).toBe(
      "No baseline captured: the return cannot be proven. No costs entered: ROI is net of build, integrate, govern and maintain.",
    );
    expect(at("AGAP ROI", 5, ROI_COL.measuredRoi).result).toEqual({ error: "#DIV/0!" });
    expect(at("AGAP ROI", 5, ROI_COL.payback).result).toBe(0);
  });

  it("has formulas that HyperFormula evaluates to the cached values, AGAP functions included", () => {
    for (let row = 2; row <= 5; row++) expectAgree("AGAP ROI", row, ROI_FORMULA_COLUMNS);
    for (let row = 2; row <= 3; row++) expectAgree("AGAP Scenarios", row, [SCENARIO_COL.realized, SCENARIO_COL.change]);
    for (let row = 2; row <= 4; row++) {
      expectAgree("AGAP Portfolio", row, [PORTFOLIO_COL.stageName, PORTFOLIO_COL.targetName]);
    }
  });

  it("writes scenarios with PRODUCT formulas and the change against the stored base", () => {
    expect(at("AGAP Scenarios", 2, SCENARIO_COL.realized).formula).toBe(scenarioRowFormulas(2)[0].slice(1));
    expect(at("AGAP Scenarios", 2, SCENARIO_COL.change).formula).toBe(scenarioRowFormulas(2)[1].slice(1));
    expect(at("AGAP Scenarios", 2, SCENARIO_COL.realized).result).toBeCloseTo(0.084, 12);
    expect(at("AGAP Scenarios", 2, SCENARIO_COL.change).result).toBeCloseTo(0.036, 12);
    expect(at("AGAP Scenarios", 3, SCENARIO_COL.change).result).toBeCloseTo(1 - 0.048, 12);
    expect(at("AGAP Scenarios", 2, SCENARIO_COL.realized).numFmt).toBe("0.0%");
  });

  it("keeps names that look like formulas as text", () => {
    const cells = [at("AGAP ROI", 3, ROI_COL.workflow), at("AGAP ROI", 3, ROI_COL.metric), at("AGAP Scenarios", 3, 0)];
    expect(cells.map((c) => c.value)).toEqual(['=HYPERLINK("x")', "+1", "@all"]);
    for (const c of cells) {
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.formula).toBeUndefined();
    }
  });

  it("writes dates as dates, and the direction list", () => {
    expect(at("AGAP ROI", 2, ROI_COL.baselineDate).value).toEqual(new Date(Date.UTC(2026, 0, 10)));
    expect(at("AGAP ROI", 2, ROI_COL.baselineDate).numFmt).toBe("yyyy-mm-dd");
    expect(at("AGAP ROI", 2, ROI_COL.direction).dataValidation).toMatchObject({
      type: "list",
      formulae: ['"lower,higher"'],
    });
  });

  it("lists every workflow in the portfolio, with stage names, results, band and ROI status", () => {
    const width = PORTFOLIO_HEADERS.length;
    const row = (r: number) =>
      Array.from({ length: width }, (_, c) => {
        const cell = at("AGAP Portfolio", r, c);
        return cell.formula ? (cell.result ?? "") : cell.value;
      });
    const triage = row(2);
    expect(triage.slice(0, 5)).toEqual(["Invoice triage", 2, "Assisted", 4, "Operational"]);
    expect(triage[PORTFOLIO_COL.latestDate]).toEqual(new Date(Date.UTC(2026, 0, 5)));
    expect(triage[PORTFOLIO_COL.latestRealized]).toBeCloseTo(0.048, 12);
    expect(triage.slice(PORTFOLIO_COL.band)).toEqual(["Critical", "Measurement", "defensible"]);
    expect(at("AGAP Portfolio", 2, PORTFOLIO_COL.stageName).formula).toBe(portfolioRowFormulas(2)[0].slice(1));
    expect(row(3).slice(0, 5)).toEqual(['=HYPERLINK("x")', null, "", 4, "Operational"]);
    expect(row(3)[PORTFOLIO_COL.roiStatus]).toBe("flagged");
    expect(row(4)[PORTFOLIO_COL.workflow]).toBe("Claims");
    expect(sheet("AGAP Portfolio").getCell("L1").value).toBe(BAND_THRESHOLD_NOTE);
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

  it("writes header-only sheets when there is nothing to list", async () => {
    const out = new ExcelJS.Workbook();
    addPlanningSheets(out, { scenarios: [], roi: [], maturity: [], roadmaps: [], skipped: [] }, []);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await out.xlsx.writeBuffer()) as ArrayBuffer);
    expect(back.worksheets.map((ws) => ws.name)).toEqual(["AGAP Scenarios", "AGAP ROI", "AGAP Portfolio"]);
    expect(back.getWorksheet("AGAP ROI")!.getRow(1).getCell(1).value).toBe("Workflow");
    expect(back.getWorksheet("AGAP ROI")!.rowCount).toBe(1);
  });

  it("refuses to add a sheet the workbook already has", () => {
    const out = new ExcelJS.Workbook();
    out.addWorksheet("AGAP ROI");
    expect(() => addPlanningSheets(out, DATA, RESPONSES)).toThrow(/already has a sheet named "AGAP ROI"/);
  });
});
