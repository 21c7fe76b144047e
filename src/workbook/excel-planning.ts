// The planning store inside Excel: scenarios, the ROI tracker and the portfolio live in tables on
// "AGAP Scenarios", "AGAP ROI" and "AGAP Portfolio"; each roadmap is its own sheet; the tornado and
// the two-layer grid are sheets with a native chart or a colour scale. Every write is one
// Excel.run with at most three syncs. Excel errors are never caught here: they reject the promise.
// The planning store inside Excel: scenarios, the ROI tracker and the portfolio live in tables on
// "AGAP Scenarios", "AGAP ROI" and "AGAP Portfolio", read and written through the table gateway;
// each roadmap is its own sheet; the tornado and the two-layer grid are sheets with a native chart
// or a colour scale. Excel errors are never caught here: they reject the promise.
import {
  BAND_THRESHOLD_NOTE,
  DEFAULT_TARGET_STAGE,
  DIRECTIONS,
  LAYERS,
  LAYER_COUNT,
  LIMITS,
  TASK_STATUSES,
  baselineNote,
  parseIsoDate,
  realizedGrid,
  withinLimit,
  workflowNames,
  type AssessmentResponse,
  type MaturityRecord,
  type RoadmapTaskRecord,
  type RoiEntry,
  type Scenario,
} from "../model";
import { TERM_LABELS } from "../model/glossary";
import type { ExcelRun, ExcelStoreOptions } from "./excel-store";
import type { PlanningData, PlanningStore } from "./planning-store";
import { ASSESSMENTS } from "./sheets/assessments";
import { CHANGE_PERCENT, DATE_FORMAT, PERCENT, TEXT, dateToSerial } from "./sheets/cells";
import { PORTFOLIO, maturityRecords, type PortfolioEntry } from "./sheets/portfolio";
import { ROI } from "./sheets/roi";
import {
  ROADMAP_COL,
  ROADMAP_LAST_COLUMN,
  ROADMAP_LAST_ROW,
  ROADMAP_PREFIX,
  ROADMAP_ROW,
  STATUS_LIST,
  readRoadmapSheet,
  taskProblem,
  roadmapCells,
  roadmapFormats,
  roadmapSheetBase,
} from "./sheets/roadmap";
import { SCENARIOS } from "./sheets/scenarios";
import { columnLetter, headersOf, textOf } from "./sheets/spec";
import { safeSheetName } from "./sheet-names";
import { DEGRADED, Limitations, supportsExcelApi } from "./api-support";
import { TableGateway } from "./table-gateway";

export type ExcelPlanningStoreOptions = ExcelStoreOptions;
export { type ExcelRun };

export const TORNADO_SHEET = "AGAP Tornado";
export const GRID_SHEET = "AGAP Grid";
const ROADMAP_TABLE = "AgapRoadmap";
/** Where the band note goes: beside the portfolio table, since the band thresholds are ours and can be set. */
export const PORTFOLIO_NOTE_CELL = `${columnLetter(headersOf(PORTFOLIO).length + 1)}1`;

/** A drop-down list of the items on the range, where this Excel can validate data. */
function setListValidation(
  range: Excel.Range,
  items: string,
  title: string,
  message: string,
  limitations: Limitations,
): void {
  if (!supportsExcelApi("1.8")) {
    limitations.note(DEGRADED.dataValidation);
    return;
  }
  // Setting a rule over an existing one is not reliable; clear first.
  range.dataValidation.clear();
  range.dataValidation.rule = { list: { inCellDropDown: true, source: items } };
  range.dataValidation.errorAlert = { title, message, showAlert: true, style: "Stop" };
}

function checkScores(scores: readonly number[], what: string): void {
  if (scores.length !== LAYER_COUNT || scores.some((s) => typeof s !== "number" || !withinLimit(LIMITS.score, s))) {
    throw new Error(`${what} must be five numbers from 0 to 1, one per layer.`);
  }
}

function checkStage(stage: number, what: string): void {
  if (!withinLimit(LIMITS.maturityStage, stage)) throw new Error(`${what} must be ${LIMITS.maturityStage.allowed}.`);
}

function checkRoi(entry: RoiEntry): void {
  if (!entry.workflow.trim()) throw new Error("Name the workflow of the ROI row before saving it.");
  if (!DIRECTIONS.includes(entry.direction)) throw new Error(`Direction is "${entry.direction}"; use lower or higher.`);
  for (const [label, date] of [
    ["baseline capture date", entry.baselineDate],
    ["go-live date", entry.goLiveDate],
  ] as const) {
    if (date !== "" && parseIsoDate(date) === null) throw new Error(`The ${label} "${date}" is not a YYYY-MM-DD date.`);
  }
}

export class ExcelPlanningStore implements PlanningStore {
  readonly kind = "excel" as const;
  private readonly options: ExcelPlanningStoreOptions;
  private readonly limitations = new Limitations();

  /** Features this Excel lacked in the writes since the last call, each said once. */
  drainLimitations(): string[] {
    return this.limitations.drain();
  }

  /** `run` defaults to Excel.run, read when first used, so the store can be built before Office is ready. */
  constructor(options: ExcelPlanningStoreOptions = {}) {
    this.options = options;
  }

  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.options.run ? this.options.run(batch) : Excel.run(batch);
  }

  /** Reads the three tables and every roadmap sheet in three syncs. */
  async loadPlanning(): Promise<PlanningData> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      const gateway = new TableGateway(context, this.limitations);
      const [scenarios, roi, portfolio] = await gateway.open([SCENARIOS, ROI, PORTFOLIO]);
      const roadmaps = worksheets.items
        .map((sheet) => sheet.name)
        .filter((name) => name.startsWith(ROADMAP_PREFIX))
        .map((name) => ({
          name,
          used: worksheets.getItem(name).getUsedRangeOrNullObject(true).load("values, rowIndex"),
        }));
      if (roadmaps.length > 0) await context.sync();

      const data: PlanningData = { scenarios: [], roi: [], maturity: [], roadmaps: [], skipped: [] };
      const scenarioRead = gateway.read<Scenario>(scenarios);
      const roiRead = gateway.read<RoiEntry>(roi);
      const portfolioRead = gateway.read<PortfolioEntry>(portfolio);
      data.scenarios = scenarioRead.items;
      data.roi = roiRead.items;
      data.maturity = maturityRecords(portfolioRead.items);
      data.skipped.push(...scenarioRead.skipped, ...roiRead.skipped, ...portfolioRead.skipped);
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
      const gateway = new TableGateway(context, this.limitations);
      const [open] = await gateway.open([SCENARIOS]);
      gateway.upsert(gateway.writable(open), scenario);
      gateway.flush();
      await context.sync();
    });
  }

  /** Deletes a row of one of the planning tables by id; rejects when there is none. */
  private async deleteRow(spec: typeof SCENARIOS | typeof ROI, id: string, what: string): Promise<void> {
    await this.run(async (context) => {
      const gateway = new TableGateway(context, this.limitations);
      const [open] = await gateway.open([spec]);
      const target = open.table ? gateway.writable(open) : null;
      if (!target || !gateway.deleteRecord(target, id)) throw new Error(`The ${spec.table} table has no ${what}.`);
      gateway.flush();
      await context.sync();
    });
  }

  deleteScenario(id: string): Promise<void> {
    return this.deleteRow(SCENARIOS, id, `scenario with the id "${id}"`);
  }

  deleteRoi(id: string): Promise<void> {
    return this.deleteRow(ROI, id, `ROI row with the id "${id}"`);
  }

  /** Deletes the roadmap's sheet. */
  async deleteRoadmap(sheetName: string): Promise<void> {
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      await context.sync();
      if (sheet.isNullObject) throw new Error(`The workbook has no roadmap sheet "${sheetName}".`);
      sheet.delete();
      await context.sync();
    });
  }

  /**
   * Writes owners, statuses and done dates into the roadmap's sheet, in the rows of the tasks'
   * ids, columns found by header. A sheet made before done dates were kept gets the column.
   */
  async saveRoadmapTasks(sheetName: string, tasks: readonly RoadmapTaskRecord[]): Promise<void> {
    for (const task of tasks) {
      const problem = taskProblem(task);
      if (problem) throw new Error(`Task "${task.id}": ${problem}.`);
    }
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      await context.sync();
      if (sheet.isNullObject) throw new Error(`The workbook has no roadmap sheet "${sheetName}".`);
      const used = sheet.getUsedRange(true).load("values, rowIndex, columnIndex");
      const table = sheet.tables.getItemAt(0);
      await context.sync();
      const grid = used.values;
      const headerAt = grid.findIndex((values) => values.some((v) => textOf(v).toLowerCase() === "task id"));
      if (headerAt < 0) throw new Error(`The sheet "${sheetName}" has no task table with a "Task ID" column.`);
      const header = grid[headerAt].map((v) => textOf(v).toLowerCase());
      const column = (name: string) => header.indexOf(name.toLowerCase());
      let done = column("Done date");
      if (done < 0) {
        table.columns.add(undefined, undefined, "Done date");
        done = header.length;
      }
      const [owner, status, id] = [column("Owner"), column("Status"), column("Task ID")];
      if (owner < 0 || status < 0) throw new Error(`The sheet "${sheetName}" has no "Owner" or "Status" column.`);
      for (const task of tasks) {
        const r = grid.findIndex((values, i) => i > headerAt && textOf(values[id]) === task.id);
        if (r < 0) throw new Error(`The roadmap "${sheetName}" has no task "${task.id}".`);
        const row = used.rowIndex + r + 1;
        const cell = (c: number) => sheet.getRange(`${columnLetter(used.columnIndex + c)}${row}`);
        for (const [c, value, format] of [
          [owner, task.owner, TEXT],
          [status, task.status, TEXT],
          [done, task.doneDate ? dateToSerial(task.doneDate) : "", DATE_FORMAT],
        ] as const) {
          const target = cell(c);
          target.numberFormat = [[format]];
          target.values = [[value]];
        }
      }
      await context.sync();
    });
  }

  /** Saves the row; its latest scores are live formulas over the assessments table, made if missing. */
  async saveRoi(entry: RoiEntry): Promise<void> {
    checkRoi(entry);
    await this.run(async (context) => {
      const gateway = new TableGateway(context, this.limitations);
      const [open, assessments] = await gateway.open([ROI, ASSESSMENTS]);
      const target = gateway.writable(open);
      gateway.writable(assessments);
      gateway.upsert(target, entry);
      gateway.flush();
      await context.sync();
    });
  }

  /**
   * Adds or updates the workflow's stage and target, and adds a row for every workflow that the
   * assessments or the ROI tracker name and the table does not list yet. Latest results and ROI
   * status are live formulas, so rows already listed need no refresh.
   */
  async saveMaturity(record: MaturityRecord): Promise<void> {
    if (!record.workflow.trim()) throw new Error("Name the workflow before placing it on a stage.");
    checkStage(record.stage, "The stage");
    checkStage(record.target, "The target stage");
    await this.run(async (context) => {
      const gateway = new TableGateway(context, this.limitations);
      const [open, assessments, roi] = await gateway.open([PORTFOLIO, ASSESSMENTS, ROI]);
      const listed = new Set(gateway.read<PortfolioEntry>(open).items.map((entry) => entry.workflow));
      const responses = gateway.read<AssessmentResponse>(assessments).items;
      const roiRows = gateway.read<RoiEntry>(roi).items;
      const target = gateway.writable(open);
      gateway.writable(assessments);
      gateway.writable(roi);
      gateway.upsert(target, { ...record } satisfies PortfolioEntry);
      for (const workflow of workflowNames([...responses, ...roiRows])) {
        if (workflow === record.workflow || listed.has(workflow)) continue;
        gateway.upsert(target, { workflow, stage: null, target: DEFAULT_TARGET_STAGE } satisfies PortfolioEntry);
      }
      const note = target.sheet.getRange(PORTFOLIO_NOTE_CELL);
      note.numberFormat = [[TEXT]];
      note.values = [[BAND_THRESHOLD_NOTE]];
      gateway.flush();
      await context.sync();
    });
  }

  /**
   * Writes the 90-day roadmap of one workflow on a new sheet: the 15 tasks as a table, due dates
   * as dates, owners blank, statuses from a list, the header frozen. The baseline task says
   * whether the ROI tracker holds a baseline for the workflow, and since when.
   */
  async createRoadmap(workflow: string, startDate: string): Promise<string> {
    if (!workflow.trim()) throw new Error("Name the workflow before generating its roadmap.");
    if (parseIsoDate(startDate) === null) throw new Error(`The start date "${startDate}" is not a YYYY-MM-DD date.`);
    return this.run(async (context) => {
      const workbook = context.workbook;
      workbook.worksheets.load("items/name");
      workbook.tables.load("items/name");
      const gateway = new TableGateway(context, this.limitations);
      const [roiTable] = await gateway.open([ROI]);
      const roi = gateway.read<RoiEntry>(roiTable).items;

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
      block.values = roadmapCells(workflow, startDate, baselineNote(workflow, roi));
      const table = sheet.tables.add(
        sheet.getRange(`A${ROADMAP_ROW.header}:${ROADMAP_LAST_COLUMN}${ROADMAP_LAST_ROW}`),
        true,
      );
      table.name = tableName;
      const status = columnLetter(ROADMAP_COL.status);
      setListValidation(
        sheet.getRange(`${status}${ROADMAP_ROW.firstTask}:${status}${ROADMAP_LAST_ROW}`),
        STATUS_LIST,
        "Task status",
        `Choose one of: ${TASK_STATUSES.join(", ")}.`,
        this.limitations,
      );
      const title = sheet.getRange("A1");
      title.format.font.bold = true;
      title.format.font.size = 14;
      if (supportsExcelApi("1.7")) sheet.freezePanes.freezeRows(ROADMAP_ROW.header);
      else this.limitations.note(DEGRADED.freezePanes);
      sheet.getRange(`A${ROADMAP_ROW.header}:${ROADMAP_LAST_COLUMN}${ROADMAP_LAST_ROW}`).format.autofitColumns();
      sheet.activate();
      await context.sync();
      return name;
    });
  }

  /**
   * A tornado of lifts: the table (layer, lift for a step down, lift for a step up) in the order
   * given, and a native clustered bar chart over it with the largest bar on top. The words are the
   * glossary's (TERM_LABELS).
   */
  async insertTornado(title: string, rows: readonly { label: string; down: number; up: number }[]): Promise<string> {
    if (rows.length === 0) throw new Error("There are no lifts to chart.");
    if (rows.some((row) => !Number.isFinite(row.down) || !Number.isFinite(row.up))) {
      throw new Error("Every lift must be a number; check the scores and the step.");
    }
    // The rows come in the model's order (tornadoSwings, largest swing first).
    const sorted = rows;
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
      head.values = [[title], [TERM_LABELS.tornadoNote]];
      sheet.getRange("A1").format.font.bold = true;
      const table = sheet.getRange(`A${headerRow}:C${last}`);
      table.numberFormat = [[TEXT, TEXT, TEXT], ...sorted.map(() => [TEXT, CHANGE_PERCENT, CHANGE_PERCENT])];
      table.values = [
        ["Layer", TERM_LABELS.tornadoDown, TERM_LABELS.tornadoUp],
        ...sorted.map((row) => [row.label, row.down, row.up]),
      ];
      table.format.autofitColumns();

      const chart = sheet.charts.add("BarClustered", table, "Columns");
      chart.title.text = title;
      if (supportsExcelApi("1.8")) {
        // Bar charts draw the first category at the bottom; reversed, the largest lift is on top.
        chart.axes.categoryAxis.reversePlotOrder = true;
        const down = chart.series.getItemAt(0);
        down.overlap = 100;
        down.gapWidth = 40;
      } else {
        this.limitations.note(DEGRADED.chartLayout);
      }
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
      if (supportsExcelApi("1.6")) {
        const scale = body.conditionalFormats.add("ColorScale");
        scale.colorScale.criteria = {
          minimum: { type: "LowestValue", color: "#F8696B" },
          midpoint: { formula: "50", type: "Percentile", color: "#FFEB84" },
          maximum: { type: "HighestValue", color: "#63BE7B" },
        };
      } else {
        this.limitations.note(DEGRADED.colourScale);
      }
      sheet.getRange(`A${headerRow}:${lastColumn}${lastRow}`).format.autofitColumns();
      sheet.activate();
      await context.sync();
      return name;
    });
  }
}
