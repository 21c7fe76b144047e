// The store inside Excel: responses live in the "AGAP Assessments" table, drafts in the document
// settings, and reports are sheets of native formulas and charts. This is the only module that
// calls Excel.run. Excel errors are never caught here: they reject the returned promise.
import {
  ANSWER_MAX,
  ANSWER_MIN,
  BANDS,
  BAND_THRESHOLD_NOTE,
  CURVE_STAGES,
  DEFAULT_BAND_THRESHOLDS,
  LAYERS,
  LAYER_GUIDANCE,
  aggregateLayers,
  planToTarget,
  realizedValue,
  type AssessmentResponse,
  type PlanResult,
} from "../model";
import {
  ASSESSMENTS_SHEET,
  ASSESSMENTS_TABLE,
  COL,
  HEADERS,
  TEXT_COLUMNS,
  columnLetter,
  inputValues,
  parseRow,
  rowFormulas,
} from "./assessment-table";
import { safeSheetName } from "./sheet-names";
import { DRAFT_KEY, type AssessmentStore, type Draft, type ResponseList } from "./store";

/** Runs a batch against the workbook; `Excel.run` in Excel, a mock in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The part of `Office.context.document.settings` the store uses. */
export interface DraftSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback: (result: Office.AsyncResult<void>) => void): void;
}

export interface ExcelStoreOptions {
  run?: ExcelRun;
  settings?: DraftSettings;
}

const LAST_COLUMN = columnLetter(HEADERS.length - 1);
/** The first data row when the store creates the table at A1. */
const FIRST_DATA_ROW = 2;
const PERCENT = "0.0%";
const DATE_FORMAT = "yyyy-mm-dd";
const TEXT = "@";

const ANSWER_RULE: Excel.DataValidationRule = {
  wholeNumber: { formula1: ANSWER_MIN, formula2: ANSWER_MAX, operator: "Between" },
};
const ANSWER_ALERT: Excel.DataValidationErrorAlert = {
  title: "Answers run from 0 to 5",
  message: "Type a whole number from 0 (strongly disagree) to 5 (strongly agree), or leave the cell empty.",
  showAlert: true,
  style: "Stop",
};

const isBlank = (value: unknown) => value === null || value === undefined || String(value).trim() === "";
const range = (first: number, last: number, row: number, lastRow = row) =>
  `${columnLetter(first)}${row}:${columnLetter(last)}${lastRow}`;

/** Number formats of a table row: text for typed names, a date, percentages; null keeps a cell's own. */
const ROW_FORMATS: (string | null)[] = HEADERS.map((_, c) => {
  if (TEXT_COLUMNS.includes(c)) return TEXT;
  if (c === COL.date) return DATE_FORMAT;
  if (c >= COL.firstScore && c <= COL.gap) return PERCENT;
  return null;
});

/** Formats and answer validation for table rows `first`–`last` (sheet row numbers). */
function formatRows(sheet: Excel.Worksheet, first: number, last: number): void {
  const rows = sheet.getRange(range(0, HEADERS.length - 1, first, last));
  rows.numberFormat = Array.from({ length: last - first + 1 }, () => ROW_FORMATS.slice());
  const answers = sheet.getRange(range(COL.firstAnswer, COL.firstScore - 1, first, last));
  // Setting a rule over an existing one is not reliable; clear first.
  answers.dataValidation.clear();
  answers.dataValidation.rule = ANSWER_RULE;
  answers.dataValidation.errorAlert = ANSWER_ALERT;
}

/** Writes one response at a sheet row. Call formatRows first, so names land in text cells. */
function writeRow(sheet: Excel.Worksheet, row: number, response: AssessmentResponse): void {
  // "" clears a cell; null would leave an earlier answer in place.
  const inputs = inputValues(response).map((value) => value ?? "");
  sheet.getRange(range(0, COL.firstScore - 1, row)).values = [inputs];
  sheet.getRange(range(COL.firstScore, COL.weakest, row)).formulas = [rowFormulas(row)];
  sheet.getRange(`${columnLetter(COL.id)}${row}`).values = [[response.id]];
}

function createTable(sheet: Excel.Worksheet): void {
  const table = sheet.tables.add(sheet.getRange(`A1:${LAST_COLUMN}${FIRST_DATA_ROW}`), true);
  table.name = ASSESSMENTS_TABLE;
  table.getHeaderRowRange().values = [HEADERS.slice()];
  sheet.freezePanes.freezeRows(1);
}

/** The saved rows' formulas point at fixed columns, so a moved or renamed column stops the save. */
function checkLayout(header: readonly unknown[], columnIndex: number): void {
  if (columnIndex !== 0) {
    throw new Error(`The ${ASSESSMENTS_TABLE} table must start in column A, where its formulas expect it.`);
  }
  for (let c = 0; c < HEADERS.length; c++) {
    const found = String(header[c] ?? "").trim();
    if (found.toLowerCase() !== HEADERS[c].toLowerCase()) {
      throw new Error(
        `Column ${columnLetter(c)} of the ${ASSESSMENTS_TABLE} table should be "${HEADERS[c]}" but is "${found}". ` +
          "Put the columns back in their original order, then save again.",
      );
    }
  }
}

/** Where a response goes: the row with its id, else a new row at the end of the table. */
function targetRow(
  rows: readonly (readonly unknown[])[],
  firstRow: number,
  response: AssessmentResponse,
): { row: number; add: boolean } {
  const at = rows.findIndex((values) => String(values[COL.id] ?? "").trim() === response.id);
  if (at >= 0) return { row: firstRow + at, add: false };
  // Rows typed by hand were read back with an id from their position; update that row if it still matches.
  const typed = /^sheet-row-(\d+)$/.exec(response.id);
  const index = typed ? Number(typed[1]) - firstRow : -1;
  const values = rows[index];
  if (values && isBlank(values[COL.id]) && String(values[COL.workflow] ?? "").trim() === response.workflow.trim()) {
    return { row: firstRow + index, add: false };
  }
  // A table with no data still has one empty row.
  if (rows.length === 1 && rows[0].every(isBlank)) return { row: firstRow, add: false };
  return { row: firstRow + rows.length, add: true };
}

/** The columns parseRow needs; Response ID may be missing from tables built by hand. */
const INPUT_COLUMNS = HEADERS.map((_, c) => c).filter((c) => c < COL.firstScore || c === COL.id);

/** Reads table rows by header name, so a column moved or added by hand does not shift the answers. */
function readRows(header: readonly unknown[], rows: readonly (readonly unknown[])[], firstRow: number): ResponseList {
  const names = header.map((name) =>
    String(name ?? "")
      .trim()
      .toLowerCase(),
  );
  const source = HEADERS.map((name) => names.indexOf(name.toLowerCase()));
  const missing = INPUT_COLUMNS.filter((c) => c !== COL.id && source[c] < 0).map((c) => `"${HEADERS[c]}"`);
  if (missing.length > 0) {
    throw new Error(
      `The ${ASSESSMENTS_TABLE} table has no ${missing.join(", ")} column, so its rows cannot be read. ` +
        "Restore the column headers, then try again.",
    );
  }
  const result: ResponseList = { responses: [], skipped: [] };
  const seen = new Map<string, number>();
  rows.forEach((values, i) => {
    const ordered = source.map((from) => (from < 0 ? "" : values[from]));
    if (INPUT_COLUMNS.every((c) => isBlank(ordered[c]))) return; // an empty row, not an answer
    const row = firstRow + i;
    const parsed = parseRow(ordered, row);
    if (!parsed.ok) {
      result.skipped.push({ row: parsed.row, problem: parsed.problem });
      return;
    }
    const first = seen.get(parsed.response.id);
    if (first !== undefined) {
      result.skipped.push({
        row,
        problem: `its Response ID repeats the one in row ${first}; clear the ID of the copy to keep it as a new response`,
      });
      return;
    }
    seen.set(parsed.response.id, row);
    result.responses.push(parsed.response);
  });
  return result;
}

const percentText = (share: number) => `${Number((share * 100).toFixed(1))}%`;
const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** The band formula of a gap cell: the same IF chain as the assessments table. */
function bandFormula(gapCell: string): string {
  let formula = quoted(BANDS[BANDS.length - 1]);
  for (let i = DEFAULT_BAND_THRESHOLDS.length - 1; i >= 0; i--) {
    formula = `IF(${gapCell}>=${DEFAULT_BAND_THRESHOLDS[i]},${quoted(BANDS[i])},${formula})`;
  }
  return `=${formula}`;
}

/** The weakest-first plan to the next band limit above the current realized value. */
function reportPlan(means: readonly (number | null)[]): { label: string; scores: (number | "")[]; note: string } {
  if (means.some((mean) => mean === null)) {
    return {
      label: "Plan",
      scores: means.map(() => ""),
      note: "No plan yet: every layer needs at least one respondent who answered all three of its statements.",
    };
  }
  const scores = means as number[];
  const realized = realizedValue(scores);
  const limits = DEFAULT_BAND_THRESHOLDS.map((gap) => 1 - gap).sort((a, b) => a - b);
  const target = limits.find((limit) => limit > realized + 1e-12);
  if (target === undefined) {
    return {
      label: "Plan (no change)",
      scores,
      note: "Realized value is already past the last band limit, so there is no next band to plan for.",
    };
  }
  // The target lies above the current value and at most 1, so the plan always has work to do.
  const plan = planToTarget(scores, target) as Extract<PlanResult, { status: "planned" }>;
  return {
    label: `Plan to ${percentText(target)}`,
    scores: plan.scores,
    note:
      `Plan to ${percentText(target)}, the next band limit: raise every layer below ${percentText(plan.level)} ` +
      `up to it, lowest first, adding ${(plan.totalImprovement * 100).toFixed(1)} points of layer score in all. ` +
      "The plan keeps the scores of the moment it was made; the scores beside it stay live.",
  };
}

type ReportCell = { value: string | number } | { formula: string } | null;

/** Sheet rows of the report (1-based). */
const REPORT = {
  title: 1,
  workflow: 2,
  responses: 3,
  source: 4,
  layerHead: 6,
  firstLayer: 7,
  realized: 12,
  gap: 13,
  band: 14,
  weakest: 15,
  curveHead: 17,
  firstStage: 18,
  planNote: 25,
  bandLabel: 27,
  bandNote: 28,
  weakestLabel: 30,
  actionsHead: 31,
  firstAction: 32,
} as const;
const REPORT_ROWS = REPORT.firstAction + 2;

/** The report grid (columns A–C): labels and plan as values, everything else as live formulas. */
function reportCells(workflow: string, responses: readonly AssessmentResponse[]): ReportCell[][] {
  const grid: ReportCell[][] = Array.from({ length: REPORT_ROWS }, () => [null, null, null]);
  const put = (row: number, column: number, cell: ReportCell) => (grid[row - 1][column] = cell);
  const table = (column: number) => `${ASSESSMENTS_TABLE}[${HEADERS[column]}]`;
  // "=" plus the escaped name makes the criteria match the name exactly, even "<5", "=x" or "a*b".
  const criteria = `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE($B$${REPORT.workflow},"~","~~"),"*","~*"),"?","~?")`;
  const first = REPORT.firstLayer;
  const last = first + LAYERS.length - 1;
  const scores = `B${first}:B${last}`;
  const plan = reportPlan(aggregateLayers(responses).map((aggregate) => aggregate.mean));

  put(REPORT.title, 0, { value: "AGAP execution gap report" });
  put(REPORT.workflow, 0, { value: "Workflow" });
  put(REPORT.workflow, 1, { value: workflow });
  put(REPORT.responses, 0, { value: "Responses" });
  put(REPORT.responses, 1, { formula: `=COUNTIFS(${table(COL.workflow)},${criteria})` });
  put(REPORT.source, 0, {
    value: `Scores are the mean per layer of this workflow's rows in the ${ASSESSMENTS_TABLE} table, and update with it.`,
  });

  put(REPORT.layerHead, 0, { value: "Layer" });
  put(REPORT.layerHead, 1, { value: "Score" });
  put(REPORT.layerHead, 2, { value: plan.label });
  LAYERS.forEach((layer, k) => {
    const column = table(COL.firstScore + k);
    put(first + k, 0, { value: layer.name });
    // ">=0" leaves out the #N/A of a layer a respondent did not finish, as the model does.
    put(first + k, 1, { formula: `=AVERAGEIFS(${column},${table(COL.workflow)},${criteria},${column},">=0")` });
    put(first + k, 2, { value: plan.scores[k] });
  });
  put(REPORT.realized, 0, { value: "Realized value" });
  put(REPORT.realized, 1, { formula: `=PRODUCT(${scores})` });
  if (plan.scores.every((score) => score !== "")) put(REPORT.realized, 2, { formula: `=PRODUCT(C${first}:C${last})` });
  put(REPORT.gap, 0, { value: "Execution gap" });
  put(REPORT.gap, 1, { formula: `=1-B${REPORT.realized}` });
  if (plan.scores.every((score) => score !== "")) put(REPORT.gap, 2, { formula: `=1-C${REPORT.realized}` });
  put(REPORT.band, 0, { value: "Band" });
  put(REPORT.band, 1, { formula: bandFormula(`B${REPORT.gap}`) });
  put(REPORT.weakest, 0, { value: "Weakest layer" });
  put(REPORT.weakest, 1, { formula: `=INDEX($A$${first}:$A$${last},MATCH(MIN(${scores}),${scores},0))` });

  put(REPORT.curveHead, 0, { value: "Stage" });
  put(REPORT.curveHead, 1, { value: "Surviving share" });
  CURVE_STAGES.forEach((stage, k) => {
    put(REPORT.firstStage + k, 0, { value: stage });
    put(REPORT.firstStage + k, 1, k === 0 ? { value: 1 } : { formula: `=PRODUCT($B$${first}:$B$${first + k - 1})` });
  });
  put(REPORT.planNote, 0, { value: plan.note });

  put(REPORT.bandLabel, 0, { value: "Band" });
  put(REPORT.bandLabel, 1, { formula: `=B${REPORT.band}` });
  put(REPORT.bandNote, 0, { value: BAND_THRESHOLD_NOTE });
  put(REPORT.weakestLabel, 0, { value: "Weakest layer" });
  put(REPORT.weakestLabel, 1, { formula: `=B${REPORT.weakest}` });
  put(REPORT.actionsHead, 0, { value: "What we recommend for the weakest layer" });
  for (let a = 0; a < 3; a++) {
    const options = LAYERS.map((layer) => quoted(LAYER_GUIDANCE[layer.id].actions[a] ?? "")).join(",");
    put(REPORT.firstAction + a, 0, {
      formula: `=CHOOSE(MATCH($B$${REPORT.weakest},$A$${first}:$A$${last},0),${options})`,
    });
  }
  return grid;
}

/** Number formats of the report grid; null keeps the default. */
function reportFormats(): (string | null)[][] {
  const formats: (string | null)[][] = Array.from({ length: REPORT_ROWS }, () => [null, null, null]);
  formats[REPORT.workflow - 1][1] = TEXT;
  for (let row = REPORT.firstLayer; row <= REPORT.gap; row++) formats[row - 1] = [null, PERCENT, PERCENT];
  for (let k = 0; k < CURVE_STAGES.length; k++) formats[REPORT.firstStage + k - 1][1] = PERCENT;
  return formats;
}

export class ExcelStore implements AssessmentStore {
  readonly kind = "excel" as const;
  private readonly options: ExcelStoreOptions;

  /** Both default to the Office globals, read when first used, so the store can be built before Office is ready. */
  constructor(options: ExcelStoreOptions = {}) {
    this.options = options;
  }

  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.options.run ? this.options.run(batch) : Excel.run(batch);
  }

  private get settings(): DraftSettings {
    return this.options.settings ?? Office.context.document.settings;
  }

  async listResponses(): Promise<ResponseList> {
    return this.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(ASSESSMENTS_TABLE);
      await context.sync();
      if (table.isNullObject) return { responses: [], skipped: [] };
      const header = table.getHeaderRowRange().load("values");
      const body = table.getDataBodyRange().load("values, rowIndex");
      await context.sync();
      return readRows(header.values[0], body.values, body.rowIndex + 1);
    });
  }

  async saveResponse(response: AssessmentResponse): Promise<void> {
    await this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const existingSheet = worksheets.getItemOrNullObject(ASSESSMENTS_SHEET);
      const table = context.workbook.tables.getItemOrNullObject(ASSESSMENTS_TABLE);
      await context.sync();

      if (table.isNullObject) {
        let sheet: Excel.Worksheet;
        if (existingSheet.isNullObject) {
          sheet = worksheets.add(ASSESSMENTS_SHEET);
        } else {
          // Never write a new table over content someone left on the sheet.
          const used = existingSheet.getUsedRangeOrNullObject(true);
          await context.sync();
          if (!used.isNullObject) {
            throw new Error(
              `The "${ASSESSMENTS_SHEET}" sheet has content but no ${ASSESSMENTS_TABLE} table. ` +
                `Rename that sheet, or make its data a table named ${ASSESSMENTS_TABLE}, then save again.`,
            );
          }
          sheet = existingSheet;
        }
        createTable(sheet);
        formatRows(sheet, FIRST_DATA_ROW, FIRST_DATA_ROW);
        writeRow(sheet, FIRST_DATA_ROW, response);
        await context.sync();
        return;
      }

      const header = table.getHeaderRowRange().load("values, columnIndex");
      const body = table.getDataBodyRange().load("values, rowIndex");
      const sheet = table.worksheet;
      await context.sync();
      checkLayout(header.values[0], header.columnIndex);
      const target = targetRow(body.values, body.rowIndex + 1, response);
      if (target.add) table.rows.add();
      formatRows(sheet, target.row, target.row);
      writeRow(sheet, target.row, response);
      await context.sync();
    });
  }

  async loadDraft(): Promise<Draft | null> {
    const stored = this.settings.get(DRAFT_KEY);
    if (stored === null || stored === undefined) return null;
    if (typeof stored !== "string") return stored as Draft;
    try {
      return JSON.parse(stored) as Draft;
    } catch (error) {
      throw new Error(`The draft saved in this workbook is damaged and could not be read: ${(error as Error).message}`);
    }
  }

  async saveDraft(draft: Draft | null): Promise<void> {
    const settings = this.settings;
    if (draft === null) settings.remove(DRAFT_KEY);
    else settings.set(DRAFT_KEY, JSON.stringify(draft));
    await new Promise<void>((resolve, reject) => {
      settings.saveAsync((result) => {
        if (result.status === Office.AsyncResultStatus.Failed) {
          reject(Object.assign(new Error(result.error.message), { code: result.error.code }));
        } else {
          resolve();
        }
      });
    });
  }

  async insertReport(workflow: string, responses: readonly AssessmentResponse[]): Promise<string> {
    const own = responses.filter((response) => response.workflow === workflow);
    if (own.length === 0) throw new Error(`There are no saved responses for "${workflow}" to report on yet.`);
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      const table = context.workbook.tables.getItemOrNullObject(ASSESSMENTS_TABLE);
      await context.sync();
      if (table.isNullObject) {
        throw new Error(`The report reads the ${ASSESSMENTS_TABLE} table, which this workbook does not have.`);
      }

      const name = safeSheetName(
        `AGAP Report – ${workflow}`,
        worksheets.items.map((sheet) => sheet.name),
      );
      const sheet = worksheets.add(name);
      const block = sheet.getRange(`A1:C${REPORT_ROWS}`);
      const cells = reportCells(workflow, own);
      // Formats first, so the workflow name is stored as text even when it starts with "=".
      block.numberFormat = reportFormats();
      block.values = cells.map((row) => row.map((cell) => (cell && "value" in cell ? cell.value : null)));
      block.formulas = cells.map((row) => row.map((cell) => (cell && "formula" in cell ? cell.formula : null)));
      const title = sheet.getRange("A1");
      title.format.font.bold = true;
      title.format.font.size = 14;
      sheet.getRange(`A${REPORT.layerHead}:C${REPORT.weakest}`).format.autofitColumns();

      const last = REPORT.firstLayer + LAYERS.length - 1;
      const curve = sheet.charts.add(
        "Line",
        sheet.getRange(`A${REPORT.curveHead}:B${REPORT.firstStage + CURVE_STAGES.length - 1}`),
        "Columns",
      );
      curve.title.text = "Share of expected value that survives each stage";
      curve.setPosition("E1", "L15");
      const layers = sheet.charts.add("ColumnClustered", sheet.getRange(`A${REPORT.layerHead}:C${last}`), "Columns");
      layers.title.text = "Layer scores now and in the plan";
      layers.setPosition("E16", "L30");

      sheet.activate();
      await context.sync();
      return name;
    });
  }
}
