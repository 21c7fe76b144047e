// The planning sheets of the .xlsx export: "AGAP Scenarios", "AGAP ROI", "AGAP Portfolio" and one
// "AGAP Roadmap – <workflow>" sheet per roadmap, with the same tables and formulas as the Excel
// writer and cached values computed by the model. exceljs is handed in by the caller.
import type { CellValue, Workbook, Worksheet } from "exceljs";
import { BAND_THRESHOLD_NOTE, portfolio, type AssessmentResponse } from "../model";
import { MATURITY_SHEET, ROI_SHEET, SCENARIOS_SHEET, type PlanningData } from "./planning-store";
import {
  DIRECTION_LIST,
  PORTFOLIO_COL,
  PORTFOLIO_FORMATS,
  PORTFOLIO_HEADERS,
  PORTFOLIO_NOTE_CELL,
  PORTFOLIO_TABLE,
  ROADMAP_COL,
  ROADMAP_HEADERS,
  ROADMAP_LAST_ROW,
  ROADMAP_PREFIX,
  ROADMAP_ROW,
  ROI_COL,
  ROI_FORMATS,
  ROI_FORMULA_COLUMNS,
  ROI_HEADERS,
  ROI_TABLE,
  SCENARIOS_TABLE,
  SCENARIO_COL,
  SCENARIO_FORMATS,
  SCENARIO_HEADERS,
  STATUS_LIST,
  baselineNote,
  latestTeamScores,
  portfolioRowFormulas,
  portfolioRowResults,
  portfolioRowValues,
  roadmapCells,
  roadmapFormats,
  roiRowFormulas,
  roiRowResults,
  roiRowValues,
  scenarioRowFormulas,
  scenarioRowResults,
  scenarioRowValues,
  type CachedValue,
} from "./planning-tables";
import { safeSheetName } from "./sheet-names";

/** Functions newer than the 2007 file format are stored with Excel's "_xlfn." prefix, or Excel shows #NAME?. */
const FUTURE_FUNCTIONS = ["SEQUENCE"];

/**
 * A formula as the file stores it: without the leading "=", newer functions prefixed.
 *
 * @example
 * fileFormula("=NPV(P2,SEQUENCE(3,1,1,0))") //=> "NPV(P2,_xlfn.SEQUENCE(3,1,1,0))"
 */
export function fileFormula(formula: string): string {
  let out = formula.replace(/^=/, "");
  for (const name of FUTURE_FUNCTIONS) out = out.replace(new RegExp(`(?<![\\w.])${name}\\(`, "g"), `_xlfn.${name}(`);
  return out;
}

const formulaCell = (formula: string, result: CachedValue): CellValue =>
  ({ formula: fileFormula(formula), result }) as CellValue;

/** A table row: values, with formula cells (and their cached results) at their columns. */
function tableRow(
  values: readonly (string | number | null)[],
  columns: readonly number[],
  formulas: readonly string[],
  results: readonly CachedValue[],
): CellValue[] {
  const row: CellValue[] = values.map((value) => (value === "" ? null : value));
  columns.forEach((column, i) => (row[column] = formulaCell(formulas[i], results[i])));
  return row;
}

function addSheet(workbook: Workbook, name: string): Worksheet {
  if (workbook.getWorksheet(name)) throw new Error(`The workbook already has a sheet named "${name}".`);
  return workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
}

/** The table, or (with no rows, which exceljs would write as a damaged table) a header with a filter. */
function writeTable(
  sheet: Worksheet,
  name: string,
  headers: readonly string[],
  formats: readonly (string | null)[],
  rows: CellValue[][],
): void {
  if (rows.length > 0) {
    sheet.addTable({
      name,
      ref: "A1",
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: headers.map((header) => ({ name: header, filterButton: true })),
      rows,
    });
  } else {
    sheet.getRow(1).values = [...headers];
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  }
  sheet.getRow(1).font = { bold: true };
  headers.forEach((header, c) => (sheet.getColumn(c + 1).width = Math.max(12, Math.min(header.length + 4, 30))));
  for (let r = 2; r <= rows.length + 1; r++) {
    formats.forEach((format, c) => {
      if (format !== null) sheet.getRow(r).getCell(c + 1).numFmt = format;
    });
  }
}

function writeScenarios(sheet: Worksheet, data: PlanningData): void {
  const rows = data.scenarios.map((scenario, i) =>
    tableRow(
      scenarioRowValues(scenario),
      [SCENARIO_COL.realized, SCENARIO_COL.change],
      scenarioRowFormulas(i + 2),
      scenarioRowResults(scenario),
    ),
  );
  writeTable(sheet, SCENARIOS_TABLE, SCENARIO_HEADERS, SCENARIO_FORMATS, rows);
}

function writeRoi(sheet: Worksheet, data: PlanningData, responses: readonly AssessmentResponse[]): void {
  const rows = data.roi.map((entry, i) => {
    const latest = latestTeamScores(responses, entry.workflow);
    return tableRow(
      roiRowValues(entry, latest),
      ROI_FORMULA_COLUMNS,
      roiRowFormulas(i + 2),
      roiRowResults(entry, latest),
    );
  });
  writeTable(sheet, ROI_TABLE, ROI_HEADERS, ROI_FORMATS, rows);
  for (let r = 2; r <= rows.length + 1; r++) {
    sheet.getRow(r).getCell(ROI_COL.direction + 1).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${DIRECTION_LIST}"`],
      showErrorMessage: true,
      errorTitle: "Direction",
      error: 'Choose "lower" when less is better (hours, cost) or "higher" when more is better (revenue, quality).',
    };
  }
}

function writePortfolio(sheet: Worksheet, data: PlanningData, responses: readonly AssessmentResponse[]): void {
  const rows = portfolio(responses, data.maturity, data.roi).map((row, i) =>
    tableRow(
      portfolioRowValues(row),
      [PORTFOLIO_COL.stageName, PORTFOLIO_COL.targetName],
      portfolioRowFormulas(i + 2),
      portfolioRowResults(row),
    ),
  );
  writeTable(sheet, PORTFOLIO_TABLE, PORTFOLIO_HEADERS, PORTFOLIO_FORMATS, rows);
  sheet.getCell(PORTFOLIO_NOTE_CELL).value = BAND_THRESHOLD_NOTE;
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
 * Adds the planning sheets to an exceljs workbook: the scenarios, ROI and portfolio tables (native
 * formulas and AGAP functions with the model's values cached) and one sheet per roadmap, with the
 * status list, due dates as dates, and frozen headers.
 *
 * @example
 * addPlanningSheets(workbook, await planningStore.loadPlanning(), responses);
 */
export function addPlanningSheets(workbook: Workbook, data: PlanningData, responses: AssessmentResponse[]): void {
  writeScenarios(addSheet(workbook, SCENARIOS_SHEET), data);
  writeRoi(addSheet(workbook, ROI_SHEET), data, responses);
  writePortfolio(addSheet(workbook, MATURITY_SHEET), data, responses);
  data.roadmaps.forEach((record, i) => {
    const taken = workbook.worksheets.map((sheet) => sheet.name);
    const name = safeSheetName(record.sheetName || `${ROADMAP_PREFIX} – ${record.workflow}`, taken, ROADMAP_PREFIX);
    const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: ROADMAP_ROW.header }] });
    writeRoadmap(sheet, i === 0 ? "AgapRoadmap" : `AgapRoadmap${i + 1}`, record, data);
  });
}
