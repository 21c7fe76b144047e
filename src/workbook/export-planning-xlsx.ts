// The planning sheets of the .xlsx export: "AGAP Scenarios", "AGAP ROI", "AGAP Portfolio" from
// their specs, and one "AGAP Roadmap – <workflow>" sheet per roadmap. exceljs is handed in.
import type { Workbook, Worksheet } from "exceljs";
import {
  BAND_THRESHOLD_NOTE,
  DEFAULT_TARGET_STAGE,
  baselineNote,
  workflowNames,
  type AssessmentResponse,
} from "../model";
import { writeLayouts, writeSpecTable } from "./export-xlsx";
import type { PlanningData } from "./planning-store";
import { PORTFOLIO, type PortfolioEntry } from "./sheets/portfolio";
import { ROI } from "./sheets/roi";
import {
  ROADMAP_COL,
  ROADMAP_HEADERS,
  ROADMAP_LAST_ROW,
  ROADMAP_PREFIX,
  ROADMAP_ROW,
  STATUS_LIST,
  roadmapCells,
  roadmapFormats,
} from "./sheets/roadmap";
import { SCENARIOS } from "./sheets/scenarios";
import { columnLetter, headersOf } from "./sheets/spec";
import { safeSheetName } from "./sheet-names";

/** Where the band note goes: beside the portfolio table. */
const PORTFOLIO_NOTE_CELL = `${columnLetter(headersOf(PORTFOLIO).length + 1)}1`;

/** The portfolio's rows: every placed workflow, then every other workflow the records name. */
export function portfolioEntries(data: PlanningData, responses: readonly AssessmentResponse[]): PortfolioEntry[] {
  const placed = new Map(data.maturity.map((record) => [record.workflow, record]));
  return workflowNames([...responses, ...data.maturity, ...data.roi]).map(
    (workflow) => placed.get(workflow) ?? { workflow, stage: null, target: DEFAULT_TARGET_STAGE },
  );
}

function writeRoadmap(
  sheet: Worksheet,
  tableName: string,
  record: PlanningData["roadmaps"][number],
  data: PlanningData,
) {
  const grid = roadmapCells(record.workflow, record.startDate, baselineNote(record.workflow, data.roi), record.tasks);
  const formats = roadmapFormats();
  for (let r = 1; r < ROADMAP_ROW.header; r++) {
    grid[r - 1].forEach((value, c) => {
      if (value !== "" && value !== null) sheet.getRow(r).getCell(c + 1).value = value;
    });
  }
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.addTable({
    name: tableName,
    ref: `A${ROADMAP_ROW.header}`,
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: ROADMAP_HEADERS.map((name) => ({ name, filterButton: true })),
    rows: grid.slice(ROADMAP_ROW.firstTask - 1).map((row) => row.map((value) => (value === "" ? null : value))),
  });
  formats.forEach((row, r) =>
    row.forEach((format, c) => {
      if (format !== null) sheet.getRow(r + 1).getCell(c + 1).numFmt = format;
    }),
  );
  for (let r = ROADMAP_ROW.firstTask; r <= ROADMAP_LAST_ROW; r++) {
    sheet.getRow(r).getCell(ROADMAP_COL.status + 1).dataValidation = {
      type: "list",
      allowBlank: false,
      formulae: [`"${STATUS_LIST}"`],
      showErrorMessage: true,
      errorTitle: "Task status",
      error: `Choose one of: ${STATUS_LIST.split(",").join(", ")}.`,
    };
  }
  const widths = [22, 70, 12, 18, 14, 50, 26];
  widths.forEach((width, c) => (sheet.getColumn(c + 1).width = width));
}

/**
 * Adds the planning sheets to an exceljs workbook that already holds the assessments: the
 * scenarios, ROI and portfolio tables (portable formulas, the model's values cached) and one
 * sheet per roadmap.
 *
 * @example
 * addPlanningSheets(workbook, await planningStore.loadPlanning(), responses);
 */
export function addPlanningSheets(
  workbook: Workbook,
  data: PlanningData,
  responses: readonly AssessmentResponse[],
): void {
  writeSpecTable(workbook, SCENARIOS, data.scenarios, undefined);
  writeSpecTable(workbook, ROI, data.roi, { responses });
  const portfolio = writeSpecTable(workbook, PORTFOLIO, portfolioEntries(data, responses), {
    responses,
    roi: data.roi,
  });
  portfolio.getCell(PORTFOLIO_NOTE_CELL).value = BAND_THRESHOLD_NOTE;
  data.roadmaps.forEach((record, i) => {
    const taken = workbook.worksheets.map((sheet) => sheet.name);
    const name = safeSheetName(record.sheetName || `${ROADMAP_PREFIX} – ${record.workflow}`, taken, ROADMAP_PREFIX);
    const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: ROADMAP_ROW.header }] });
    writeRoadmap(sheet, i === 0 ? "AgapRoadmap" : `AgapRoadmap${i + 1}`, record, data);
  });
  writeLayouts(workbook);
}
