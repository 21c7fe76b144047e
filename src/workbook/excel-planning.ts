// The planning store inside Excel: scenarios, the ROI tracker and the portfolio live in tables on
// "AGAP Scenarios", "AGAP ROI" and "AGAP Portfolio"; each roadmap is its own sheet; the tornado and
// the two-layer grid are sheets with a native chart or a colour scale. Every write is one
// Excel.run with at most three syncs. Excel errors are never caught here: they reject the promise.
import {
  BAND_THRESHOLD_NOTE,
  DIRECTIONS,
  LAYERS,
  LAYER_COUNT,
  MATURITY_STAGES,
  TASK_STATUSES,
  parseIsoDate,
  portfolio,
  realizedGrid,
  type AssessmentResponse,
  type MaturityRecord,
  type PortfolioRow,
  type RoiEntry,
  type Scenario,
} from "../model";
import {
  ASSESSMENTS_TABLE,
  COL as ASSESSMENT_COL,
  HEADERS as ASSESSMENT_HEADERS,
  columnLetter,
  parseRow,
} from "./assessment-table";
import type { ExcelRun, ExcelStoreOptions } from "./excel-store";
import { MATURITY_SHEET, ROI_SHEET, SCENARIOS_SHEET, type PlanningData, type PlanningStore } from "./planning-store";
import {
  CHANGE_PERCENT,
  DIRECTION_LIST,
  PERCENT,
  PORTFOLIO_COL,
  PORTFOLIO_FORMATS,
  PORTFOLIO_HEADERS,
  PORTFOLIO_NOTE_CELL,
  PORTFOLIO_TABLE,
  ROADMAP_COL,
  ROADMAP_LAST_COLUMN,
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
  TEXT,
  baselineNote,
  portfolioRowFormulas,
  portfolioRowValues,
  readPortfolioRows,
  readRoadmapSheet,
  readRoiRows,
  readScenarioRows,
  roadmapCells,
  roadmapFormats,
  roadmapSheetBase,
  roiRowFormulas,
  roiRowValues,
  scenarioRowFormulas,
  scenarioRowValues,
  derivedPortfolioValues,
} from "./planning-tables";
import { safeSheetName } from "./sheet-names";

export type ExcelPlanningStoreOptions = ExcelStoreOptions;
export { type ExcelRun };

export const TORNADO_SHEET = "AGAP Tornado";
export const GRID_SHEET = "AGAP Grid";
const ROADMAP_TABLE = "AgapRoadmap";

type Row = (string | number | null)[];
const isBlank = (value: unknown) => value === null || value === undefined || String(value).trim() === "";
const address = (first: number, last: number, row: number, lastRow = row) =>
  `${columnLetter(first)}${row}:${columnLetter(last)}${lastRow}`;

/** One of the three planning tables. */
interface TableSpec {
  sheet: string;
  table: string;
  headers: readonly string[];
  formats: (string | null)[];
  /** Data validation of rows first–last (sheet rows), applied after the formats. */
  validate?: (sheet: Excel.Worksheet, first: number, last: number) => void;
}

const DIRECTION_RULE: Excel.DataValidationRule = { list: { inCellDropDown: true, source: DIRECTION_LIST } };
const STAGE_RULE: Excel.DataValidationRule = { wholeNumber: { formula1: 1, formula2: 5, operator: "Between" } };
const STATUS_RULE: Excel.DataValidationRule = { list: { inCellDropDown: true, source: STATUS_LIST } };

function setValidation(range: Excel.Range, rule: Excel.DataValidationRule, title: string, message: string): void {
  // Setting a rule over an existing one is not reliable; clear first.
  range.dataValidation.clear();
  range.dataValidation.rule = rule;
  range.dataValidation.errorAlert = { title, message, showAlert: true, style: "Stop" };
}

const SCENARIO_SPEC: TableSpec = {
  sheet: SCENARIOS_SHEET,
  table: SCENARIOS_TABLE,
  headers: SCENARIO_HEADERS,
  formats: SCENARIO_FORMATS,
};

const ROI_SPEC: TableSpec = {
  sheet: ROI_SHEET,
  table: ROI_TABLE,
  headers: ROI_HEADERS,
  formats: ROI_FORMATS,
  validate: (sheet, first, last) =>
    setValidation(
      sheet.getRange(address(ROI_COL.direction, ROI_COL.direction, first, last)),
      DIRECTION_RULE,
      "Direction",
      'Choose "lower" when less is better (hours, cost) or "higher" when more is better (revenue, quality).',
    ),
};

const PORTFOLIO_SPEC: TableSpec = {
  sheet: MATURITY_SHEET,
  table: PORTFOLIO_TABLE,
  headers: PORTFOLIO_HEADERS,
  formats: PORTFOLIO_FORMATS,
  validate: (sheet, first, last) => {
    const stages = MATURITY_STAGES.map((stage) => `${stage.level} ${stage.name}`).join(", ");
    for (const column of [PORTFOLIO_COL.stage, PORTFOLIO_COL.target]) {
      setValidation(
        sheet.getRange(address(column, column, first, last)),
        STAGE_RULE,
        "Stages run from 1 to 5",
        `Type a stage number: ${stages}.`,
      );
    }
  },
};

/** Queued in the first sync: the table and its sheet, either of which may be missing. */
interface Lookup {
  spec: TableSpec;
  table: Excel.Table;
  sheet: Excel.Worksheet;
}

function lookUp(context: Excel.RequestContext, spec: TableSpec): Lookup {
  return {
    spec,
    table: context.workbook.tables.getItemOrNullObject(spec.table),
    sheet: context.workbook.worksheets.getItemOrNullObject(spec.sheet),
  };
}

/** Queued in the second sync: the table's cells, or whether its sheet is empty. */
type Reading =
  | { kind: "table"; lookup: Lookup; header: Excel.Range; body: Excel.Range }
  | { kind: "sheet"; lookup: Lookup; used: Excel.Range }
  | { kind: "none"; lookup: Lookup };

function queueRead(lookup: Lookup): Reading {
  if (!lookup.table.isNullObject) {
    return {
      kind: "table",
      lookup,
      header: lookup.table.getHeaderRowRange().load("values, columnIndex"),
      body: lookup.table.getDataBodyRange().load("values, rowIndex"),
    };
  }
  if (!lookup.sheet.isNullObject) return { kind: "sheet", lookup, used: lookup.sheet.getUsedRangeOrNullObject(true) };
  return { kind: "none", lookup };
}

/** A table ready for writing, with the rows it holds (values) and the sheet row of the first. */
interface Writable {
  spec: TableSpec;
  sheet: Excel.Worksheet;
  table: Excel.Table;
  header: unknown[];
  rows: unknown[][];
  firstRow: number;
}

/** The saved rows' formulas point at fixed columns, so a moved or renamed column stops the save. */
function checkLayout(spec: TableSpec, header: readonly unknown[], columnIndex: number): void {
  if (columnIndex !== 0) {
    throw new Error(`The ${spec.table} table must start in column A, where its formulas expect it.`);
  }
  spec.headers.forEach((name, c) => {
    const found = String(header[c] ?? "").trim();
    if (found.toLowerCase() !== name.toLowerCase()) {
      throw new Error(
        `Column ${columnLetter(c)} of the ${spec.table} table should be "${name}" but is "${found}". ` +
          "Put the columns back in their original order, then save again.",
      );
    }
  });
}

/** After the second sync: the existing table (layout checked), or a new one on a new or empty sheet. */
function writable(context: Excel.RequestContext, reading: Reading): Writable {
  const { spec } = reading.lookup;
  if (reading.kind === "table") {
    checkLayout(spec, reading.header.values[0], reading.header.columnIndex);
    return {
      spec,
      sheet: reading.lookup.table.worksheet,
      table: reading.lookup.table,
      header: reading.header.values[0],
      rows: reading.body.values,
      firstRow: reading.body.rowIndex + 1,
    };
  }
  let sheet: Excel.Worksheet;
  if (reading.kind === "sheet") {
    // Never write a new table over content someone left on the sheet.
    if (!reading.used.isNullObject) {
      throw new Error(
        `The "${spec.sheet}" sheet has content but no ${spec.table} table. ` +
          `Rename that sheet, or make its data a table named ${spec.table}, then save again.`,
      );
    }
    sheet = reading.lookup.sheet;
  } else {
    sheet = context.workbook.worksheets.add(spec.sheet);
  }
  const last = columnLetter(spec.headers.length - 1);
  const table = sheet.tables.add(sheet.getRange(`A1:${last}2`), true);
  table.name = spec.table;
  table.getHeaderRowRange().values = [spec.headers.slice()];
  sheet.freezePanes.freezeRows(1);
  sheet.getRange(`A1:${last}1`).format.autofitColumns();
  return { spec, sheet, table, header: spec.headers.slice(), rows: [spec.headers.map(() => "")], firstRow: 2 };
}

/**
 * Where an item goes: the row with its id, else a hand-typed row it was read from ("sheet-row-N",
 * still without an id and with the same name or workflow), else the empty row of a new table, else a new row.
 */
function targetRow(
  target: Writable,
  id: string,
  idColumn: number,
  match: { column: number; value: string },
): { row: number; add: boolean } {
  const { rows, firstRow } = target;
  const at = rows.findIndex((values) => String(values[idColumn] ?? "").trim() === id);
  if (at >= 0) return { row: firstRow + at, add: false };
  const typed = /^sheet-row-(\d+)$/.exec(id);
  const index = typed ? Number(typed[1]) - firstRow : -1;
  const values = rows[index];
  if (values && isBlank(values[idColumn]) && String(values[match.column] ?? "").trim() === match.value.trim()) {
    return { row: firstRow + index, add: false };
  }
  if (rows.length === 1 && rows[0].every(isBlank)) return { row: firstRow, add: false };
  return { row: firstRow + rows.length, add: true };
}

/**
 * Writes whole rows from `first`: number formats first (so typed names land in text cells), then
 * values (null where a formula goes), then formulas (null where a value goes), then validation.
 */
function writeRows(target: Writable, first: number, values: Row[], formulas: (string | null)[][]): void {
  const last = first + values.length - 1;
  const width = target.spec.headers.length;
  const block = target.sheet.getRange(address(0, width - 1, first, last));
  block.numberFormat = values.map(() => target.spec.formats.slice());
  // null leaves a cell as it is: a formula cell here, or a cell a person typed in.
  block.values = values.map((row, i) => row.map((value, c) => (formulas[i][c] !== null ? null : value)));
  block.formulas = formulas;
  target.spec.validate?.(target.sheet, first, last);
}

/** Formulas of one row: the given formulas at their columns, null elsewhere. */
function formulaRow(width: number, columns: readonly number[], formulas: readonly string[]): (string | null)[] {
  const row: (string | null)[] = new Array(width).fill(null);
  columns.forEach((column, i) => (row[column] = formulas[i]));
  return row;
}

/** Reads assessment rows by header name, as the assessments store does; unreadable rows are left out. */
function assessmentResponses(header: readonly unknown[], rows: readonly (readonly unknown[])[], firstRow: number) {
  const names = header.map((name) =>
    String(name ?? "")
      .trim()
      .toLowerCase(),
  );
  const source = ASSESSMENT_HEADERS.map((name) => names.indexOf(name.toLowerCase()));
  const missing = ASSESSMENT_HEADERS.filter((_, c) => c < ASSESSMENT_COL.firstScore && source[c] < 0);
  if (missing.length > 0) {
    throw new Error(
      `The ${ASSESSMENTS_TABLE} table has no ${missing.map((m) => `"${m}"`).join(", ")} column, so the portfolio ` +
        "cannot show the latest results. Restore the column headers, then save again.",
    );
  }
  const responses: AssessmentResponse[] = [];
  rows.forEach((values, i) => {
    const ordered = source.map((from) => (from < 0 ? "" : values[from]));
    if (ordered.every(isBlank)) return;
    const parsed = parseRow(ordered, firstRow + i);
    if (parsed.ok) responses.push(parsed.response);
  });
  return responses;
}

function checkScores(scores: readonly number[], what: string): void {
  if (scores.length !== LAYER_COUNT || scores.some((s) => typeof s !== "number" || !(s >= 0 && s <= 1))) {
    throw new Error(`${what} must be five numbers from 0 to 1, one per layer.`);
  }
}

function checkStage(stage: number, what: string): void {
  if (!Number.isInteger(stage) || stage < 1 || stage > 5) throw new Error(`${what} must be a stage from 1 to 5.`);
}

function checkRoi(entry: RoiEntry, latestScores: readonly number[] | null): void {
  if (!entry.workflow.trim()) throw new Error("Name the workflow of the ROI row before saving it.");
  if (!DIRECTIONS.includes(entry.direction)) throw new Error(`Direction is "${entry.direction}"; use lower or higher.`);
  for (const [label, date] of [
    ["baseline capture date", entry.baselineDate],
    ["go-live date", entry.goLiveDate],
  ] as const) {
    if (date !== "" && parseIsoDate(date) === null) throw new Error(`The ${label} "${date}" is not a YYYY-MM-DD date.`);
  }
  if (latestScores !== null) checkScores(latestScores, "The latest scores");
}

export class ExcelPlanningStore implements PlanningStore {
  readonly kind = "excel" as const;
  private readonly options: ExcelPlanningStoreOptions;

  /** `run` defaults to Excel.run, read when first used, so the store can be built before Office is ready. */
  constructor(options: ExcelPlanningStoreOptions = {}) {
    this.options = options;
  }

  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.options.run ? this.options.run(batch) : Excel.run(batch);
  }

  /** Reads the three tables and every roadmap sheet in two syncs. */
  async loadPlanning(): Promise<PlanningData> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      const tables = [SCENARIO_SPEC, ROI_SPEC, PORTFOLIO_SPEC].map((spec) => lookUp(context, spec));
      await context.sync();

      const reads = tables.map((lookup) =>
        lookup.table.isNullObject
          ? null
          : {
              header: lookup.table.getHeaderRowRange().load("values"),
              body: lookup.table.getDataBodyRange().load("values, rowIndex"),
            },
      );
      const roadmaps = worksheets.items
        .map((sheet) => sheet.name)
        .filter((name) => name.startsWith(ROADMAP_PREFIX))
        .map((name) => ({
          name,
          used: worksheets.getItem(name).getUsedRangeOrNullObject(true).load("values, rowIndex"),
        }));
      await context.sync();

      const data: PlanningData = { scenarios: [], roi: [], maturity: [], roadmaps: [], skipped: [] };
      const [scenarios, roi, maturity] = reads;
      const args = (read: { header: Excel.Range; body: Excel.Range }) =>
        [read.header.values[0], read.body.values, read.body.rowIndex + 1] as const;
      if (scenarios) {
        const read = readScenarioRows(...args(scenarios), SCENARIOS_SHEET);
        data.scenarios = read.items;
        data.skipped.push(...read.skipped);
      }
      if (roi) {
        const read = readRoiRows(...args(roi), ROI_SHEET);
        data.roi = read.items;
        data.skipped.push(...read.skipped);
      }
      if (maturity) {
        const read = readPortfolioRows(...args(maturity), MATURITY_SHEET);
        data.maturity = read.items;
        data.skipped.push(...read.skipped);
      }
      for (const { name, used } of roadmaps) {
        if (used.isNullObject) continue; // an empty sheet that happens to carry the prefix
        const read = readRoadmapSheet(name, used.values, used.rowIndex);
        if (read.record) data.roadmaps.push(read.record);
        data.skipped.push(...read.skipped);
      }
      return data;
    });
  }

  async saveScenario(scenario: Scenario): Promise<void> {
    if (!scenario.name.trim()) throw new Error("Name the scenario before saving it.");
    checkScores(scenario.scores, "The scenario's scores");
    checkScores(scenario.baseScores, "The scenario's base scores");
    await this.run(async (context) => {
      const lookup = lookUp(context, SCENARIO_SPEC);
      await context.sync();
      const reading = queueRead(lookup);
      if (reading.kind !== "none") await context.sync();
      const target = writable(context, reading);
      const { row, add } = targetRow(target, scenario.id, SCENARIO_COL.id, {
        column: SCENARIO_COL.name,
        value: scenario.name,
      });
      if (add) target.table.rows.add();
      const formulas = formulaRow(
        SCENARIO_HEADERS.length,
        [SCENARIO_COL.realized, SCENARIO_COL.change],
        scenarioRowFormulas(row),
      );
      writeRows(target, row, [scenarioRowValues(scenario)], [formulas]);
      await context.sync();
    });
  }

  async saveRoi(entry: RoiEntry, latestScores: readonly number[] | null): Promise<void> {
    checkRoi(entry, latestScores);
    await this.run(async (context) => {
      const lookup = lookUp(context, ROI_SPEC);
      await context.sync();
      const reading = queueRead(lookup);
      if (reading.kind !== "none") await context.sync();
      const target = writable(context, reading);
      const { row, add } = targetRow(target, entry.id, ROI_COL.id, { column: ROI_COL.workflow, value: entry.workflow });
      if (add) target.table.rows.add();
      const formulas = formulaRow(ROI_HEADERS.length, ROI_FORMULA_COLUMNS, roiRowFormulas(row));
      writeRows(target, row, [roiRowValues(entry, latestScores)], [formulas]);
      await context.sync();
    });
  }

  /**
   * Adds or updates the workflow's stage and target, and refreshes the columns the model computes
   * from the assessments and the ROI tracker (latest result, band, weakest layer, ROI status) on
   * every row, adding a row for each workflow the table does not list yet. Rows that cannot be
   * read keep their stage as typed.
   */
  async saveMaturity(record: MaturityRecord): Promise<void> {
    if (!record.workflow.trim()) throw new Error("Name the workflow before placing it on a stage.");
    checkStage(record.stage, "The stage");
    checkStage(record.target, "The target stage");
    await this.run(async (context) => {
      const lookup = lookUp(context, PORTFOLIO_SPEC);
      const assessments = context.workbook.tables.getItemOrNullObject(ASSESSMENTS_TABLE);
      const roiTable = context.workbook.tables.getItemOrNullObject(ROI_TABLE);
      await context.sync();

      const reading = queueRead(lookup);
      const load = (table: Excel.Table) =>
        table.isNullObject
          ? null
          : {
              header: table.getHeaderRowRange().load("values"),
              body: table.getDataBodyRange().load("values, rowIndex"),
            };
      const answers = load(assessments);
      const roiRead = load(roiTable);
      await context.sync();

      const responses = answers
        ? assessmentResponses(answers.header.values[0], answers.body.values, answers.body.rowIndex + 1)
        : [];
      const roi = roiRead
        ? readRoiRows(roiRead.header.values[0], roiRead.body.values, roiRead.body.rowIndex + 1).items
        : [];
      const target = writable(context, reading);
      const existing = readPortfolioRows(target.header, target.rows, target.firstRow).items;
      const maturity = [...existing.filter((m) => m.workflow !== record.workflow), record];
      const rows = portfolio(responses, maturity, roi);
      this.writePortfolio(target, record, rows);
      await context.sync();
    });
  }

  private writePortfolio(target: Writable, record: MaturityRecord, rows: PortfolioRow[]): void {
    const width = PORTFOLIO_HEADERS.length;
    const byWorkflow = new Map(rows.map((row) => [row.workflow, row]));
    const listed = new Set<string>();
    const emptyTable = target.rows.length === 1 && target.rows[0].every(isBlank);
    const kept = emptyTable ? [] : target.rows;

    // Rows already in the table: stage and target stay as typed, except the saved workflow's.
    const values: Row[] = kept.map((existing) => {
      const workflow = String(existing[PORTFOLIO_COL.workflow] ?? "").trim();
      listed.add(workflow);
      const row: Row = new Array(width).fill(null);
      const computed = byWorkflow.get(workflow);
      if (computed) Object.assign(row, derivedPortfolioValues(computed));
      if (workflow === record.workflow) {
        row[PORTFOLIO_COL.stage] = record.stage;
        row[PORTFOLIO_COL.target] = record.target;
      }
      return row;
    });
    // Workflows the table does not list yet, the saved one among them.
    const added = rows.filter((row) => !listed.has(row.workflow));
    for (const row of added) values.push(portfolioRowValues(row));
    if (values.length === 0) return;

    const first = target.firstRow;
    const extra = values.length - Math.max(kept.length, 1);
    if (extra > 0)
      target.table.rows.add(
        undefined,
        Array.from({ length: extra }, () => new Array(width).fill("")),
      );
    const formulas = values.map((_, i) =>
      formulaRow(width, [PORTFOLIO_COL.stageName, PORTFOLIO_COL.targetName], portfolioRowFormulas(first + i)),
    );
    writeRows(target, first, values, formulas);
    const note = target.sheet.getRange(PORTFOLIO_NOTE_CELL);
    note.numberFormat = [[TEXT]];
    note.values = [[BAND_THRESHOLD_NOTE]];
  }

  /**
   * Writes the 90-day roadmap of one workflow on a new sheet: the 15 tasks as a table, due dates
   * as dates, owners blank, statuses from a list, the header frozen. The baseline task says
   * whether the ROI tracker holds a baseline for the workflow, and since when.
   */
  async createRoadmap(workflow: string, startDate: string, hasBaseline: boolean): Promise<string> {
    if (!workflow.trim()) throw new Error("Name the workflow before generating its roadmap.");
    if (parseIsoDate(startDate) === null) throw new Error(`The start date "${startDate}" is not a YYYY-MM-DD date.`);
    return this.run(async (context) => {
      const workbook = context.workbook;
      workbook.worksheets.load("items/name");
      workbook.tables.load("items/name");
      const roiTable = workbook.tables.getItemOrNullObject(ROI_TABLE);
      await context.sync();

      let roi: RoiEntry[] = [];
      if (hasBaseline && !roiTable.isNullObject) {
        const header = roiTable.getHeaderRowRange().load("values");
        const body = roiTable.getDataBodyRange().load("values, rowIndex");
        await context.sync();
        roi = readRoiRows(header.values[0], body.values, body.rowIndex + 1).items;
      }

      const name = safeSheetName(
        roadmapSheetBase(workflow),
        workbook.worksheets.items.map((sheet) => sheet.name),
        ROADMAP_PREFIX,
      );
      const tableNames = new Set(workbook.tables.items.map((table) => table.name.toLowerCase()));
      let tableName = ROADMAP_TABLE;
      for (let n = 2; tableNames.has(tableName.toLowerCase()); n++) tableName = `${ROADMAP_TABLE}${n}`;

      const sheet = workbook.worksheets.add(name);
      const block = sheet.getRange(`A1:${ROADMAP_LAST_COLUMN}${ROADMAP_LAST_ROW}`);
      // Formats first, so the workflow name is stored as text even when it starts with "=".
      block.numberFormat = roadmapFormats();
      block.values = roadmapCells(workflow, startDate, baselineNote(workflow, roi, hasBaseline));
      const table = sheet.tables.add(
        sheet.getRange(`A${ROADMAP_ROW.header}:${ROADMAP_LAST_COLUMN}${ROADMAP_LAST_ROW}`),
        true,
      );
      table.name = tableName;
      const status = columnLetter(ROADMAP_COL.status);
      setValidation(
        sheet.getRange(`${status}${ROADMAP_ROW.firstTask}:${status}${ROADMAP_LAST_ROW}`),
        STATUS_RULE,
        "Task status",
        `Choose one of: ${TASK_STATUSES.join(", ")}.`,
      );
      const title = sheet.getRange("A1");
      title.format.font.bold = true;
      title.format.font.size = 14;
      sheet.freezePanes.freezeRows(ROADMAP_ROW.header);
      sheet.getRange(`A${ROADMAP_ROW.header}:${ROADMAP_LAST_COLUMN}${ROADMAP_LAST_ROW}`).format.autofitColumns();
      sheet.activate();
      await context.sync();
      return name;
    });
  }

  /**
   * A tornado of lifts: the table (layer, lift for −Δ, lift for +Δ), largest effect first, and a
   * native clustered bar chart over it with the largest bar on top.
   */
  async insertTornado(title: string, rows: readonly { label: string; down: number; up: number }[]): Promise<string> {
    if (rows.length === 0) throw new Error("There are no lifts to chart.");
    if (rows.some((row) => !Number.isFinite(row.down) || !Number.isFinite(row.up))) {
      throw new Error("Every lift must be a number; check the scores and the step.");
    }
    const sorted = rows
      .map((row, i) => ({ ...row, i }))
      .sort((a, b) => Math.abs(b.up) + Math.abs(b.down) - (Math.abs(a.up) + Math.abs(a.down)) || a.i - b.i);
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();

      const name = safeSheetName(
        TORNADO_SHEET,
        worksheets.items.map((sheet) => sheet.name),
        TORNADO_SHEET,
      );
      const sheet = worksheets.add(name);
      const headerRow = 4;
      const last = headerRow + sorted.length;
      const head = sheet.getRange("A1:A2");
      head.numberFormat = [[TEXT], [TEXT]];
      head.values = [
        [title],
        ["Change in realized value when one layer moves down or up by the step, the others held; largest first."],
      ];
      sheet.getRange("A1").format.font.bold = true;
      const table = sheet.getRange(`A${headerRow}:C${last}`);
      table.numberFormat = [[TEXT, TEXT, TEXT], ...sorted.map(() => [TEXT, CHANGE_PERCENT, CHANGE_PERCENT])];
      table.values = [["Layer", "Lift for −Δ", "Lift for +Δ"], ...sorted.map((row) => [row.label, row.down, row.up])];
      table.format.autofitColumns();

      const chart = sheet.charts.add("BarClustered", table, "Columns");
      chart.title.text = title;
      // Bar charts draw the first category at the bottom; reversed, the largest lift is on top.
      chart.axes.categoryAxis.reversePlotOrder = true;
      const down = chart.series.getItemAt(0);
      down.overlap = 100;
      down.gapWidth = 40;
      chart.setPosition("E1", "L18");
      sheet.activate();
      await context.sync();
      return name;
    });
  }

  /**
   * The two-layer grid: realized value for every pair of scores of two layers, as one range of
   * live PRODUCT formulas over the row and column headers and the three other layers' scores
   * (labelled cells above the grid), with a three-colour scale and percent format.
   */
  async insertGrid(
    scores: readonly number[],
    rowLayer: number,
    columnLayer: number,
    steps: readonly number[],
  ): Promise<string> {
    checkScores(scores, "The scores");
    if (steps.length === 0 || steps.some((step) => typeof step !== "number" || !(step >= 0 && step <= 1))) {
      throw new Error("The grid steps must be scores from 0 to 1.");
    }
    realizedGrid(scores, rowLayer, columnLayer, steps); // throws on a bad pair of layers
    const fixed = LAYERS.map((layer, index) => ({ layer, index })).filter(
      ({ index }) => index !== rowLayer && index !== columnLayer,
    );
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();

      const name = safeSheetName(
        GRID_SHEET,
        worksheets.items.map((sheet) => sheet.name),
        GRID_SHEET,
      );
      const sheet = worksheets.add(name);
      const down = LAYERS[rowLayer];
      const across = LAYERS[columnLayer];
      const firstFixed = 4;
      const lastFixed = firstFixed + fixed.length - 1;
      const headerRow = lastFixed + 2;
      const firstRow = headerRow + 1;
      const lastRow = headerRow + steps.length;
      const lastColumn = columnLetter(steps.length);

      const head = sheet.getRange(`A1:B${lastFixed}`);
      head.numberFormat = [[TEXT, null], [TEXT, null], [TEXT, TEXT], ...fixed.map(() => [TEXT, PERCENT])];
      head.values = [
        [`Realized value: ${down.name} (down) by ${across.name} (across)`, ""],
        ["The other layers stay at the scores below; change a score and the grid follows.", ""],
        ["Layer held", "Score"],
        ...fixed.map(({ layer, index }) => [layer.name, scores[index]]),
      ];
      sheet.getRange("A1").format.font.bold = true;

      const corner = sheet.getRange(`A${headerRow}`);
      corner.numberFormat = [[TEXT]];
      corner.values = [[`${down.short} ↓ / ${across.short} →`]];
      const across1 = sheet.getRange(`B${headerRow}:${lastColumn}${headerRow}`);
      across1.numberFormat = [steps.map(() => PERCENT)];
      across1.values = [steps.slice()];
      const down1 = sheet.getRange(`A${firstRow}:A${lastRow}`);
      down1.numberFormat = steps.map(() => [PERCENT]);
      down1.values = steps.map((step) => [step]);

      const body = sheet.getRange(`B${firstRow}:${lastColumn}${lastRow}`);
      const held = `$B$${firstFixed}:$B$${lastFixed}`;
      body.numberFormat = steps.map(() => steps.map(() => PERCENT));
      // A blank score gives #N/A, never the product of the others.
      body.formulas = steps.map((_, r) =>
        steps.map((__, c) => {
          const cells = `${held},$A${firstRow + r},${columnLetter(c + 1)}$${headerRow}`;
          return `=IF(COUNT(${cells})<${LAYER_COUNT},NA(),PRODUCT(${cells}))`;
        }),
      );
      const scale = body.conditionalFormats.add("ColorScale");
      scale.colorScale.criteria = {
        minimum: { type: "LowestValue", color: "#F8696B" },
        midpoint: { formula: "50", type: "Percentile", color: "#FFEB84" },
        maximum: { type: "HighestValue", color: "#63BE7B" },
      };
      sheet.getRange(`A${headerRow}:${lastColumn}${lastRow}`).format.autofitColumns();
      sheet.activate();
      await context.sync();
      return name;
    });
  }
}
