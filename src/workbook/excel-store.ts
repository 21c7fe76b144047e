// The store inside Excel: responses live in the "AGAP Assessments" table, drafts in the document
// settings, and reports are sheets of native formulas and charts. This is the only module that
// calls Excel.run. Excel errors are never caught here: they reject the returned promise.
import {
  BAND_THRESHOLD_NOTE,
  CURVE_STAGES,
  DEFAULT_BAND_THRESHOLDS,
  LAYERS,
  LAYER_GUIDANCE,
  latestRound,
  roundsOf,
  planToTarget,
  realizedValue,
  type AssessmentResponse,
  type PlanResult,
} from "../model";
import { ASSESSMENTS, ASSESSMENTS_TABLE, bandFormula } from "./sheets/assessments";
import { SUMMARY, roundId } from "./sheets/summary";
import { PERCENT, ROUND_DATE_FORMAT, TEXT } from "./sheets/cells";
import { latestDateFormula, roundCompleteFormula, roundScoreFormula } from "./sheets/round-formulas";
import { quoted } from "./sheets/spec";
import { safeSheetName } from "./sheet-names";
import { DRAFT_KEY, type AssessmentStore, type Draft, type ResponseList } from "./store";
import { Limitations } from "./api-support";
import { TableGateway } from "./table-gateway";

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

const percentText = (share: number) => `${Number((share * 100).toFixed(1))}%`;

/** The weakest-first plan to the next band limit above the current realized value. */
function reportPlan(means: readonly (number | null)[]): { label: string; scores: (number | "")[]; note: string } {
  if (means.some((mean) => mean === null)) {
    return {
      label: "Plan",
      scores: means.map(() => ""),
      note: "No plan yet: the latest round needs at least one response with all 15 statements answered.",
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
      `up to it, lowest first, adding ${(plan.totalImprovement * 100).toFixed(1)} percentage points of layer score in all. ` +
      "The plan keeps the scores of the moment it was made; the scores beside it stay live.",
  };
}

type ReportCell = { value: string | number } | { formula: string } | null;

/** Sheet rows of the report (1-based). */
const REPORT = {
  title: 1,
  workflow: 2,
  round: 3,
  responses: 4,
  source: 5,
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

/**
 * The report grid (columns A–C) on the workflow's latest round: labels and plan as values,
 * everything else live formulas over the assessments table, with the workflow matched exactly.
 */
export function reportCells(workflow: string, responses: readonly AssessmentResponse[]): ReportCell[][] {
  const grid: ReportCell[][] = Array.from({ length: REPORT_ROWS }, () => [null, null, null]);
  const put = (row: number, column: number, cell: ReportCell) => (grid[row - 1][column] = cell);
  const name = `$B$${REPORT.workflow}`;
  const date = `$B$${REPORT.round}`;
  const first = REPORT.firstLayer;
  const last = first + LAYERS.length - 1;
  const scores = `B${first}:B${last}`;
  const plan = reportPlan(latestRound(responses, workflow)?.result?.layerScores ?? LAYERS.map(() => null));

  put(REPORT.title, 0, { value: "AGAP execution gap report" });
  put(REPORT.workflow, 0, { value: "Workflow" });
  put(REPORT.workflow, 1, { value: workflow });
  put(REPORT.round, 0, { value: "Latest round" });
  put(REPORT.round, 1, { formula: latestDateFormula(name) });
  put(REPORT.responses, 0, { value: "Complete responses" });
  put(REPORT.responses, 1, { formula: roundCompleteFormula(name, date) });
  put(REPORT.source, 0, {
    value:
      `Scores are the team means of the latest round: this workflow's complete rows on that date in the ` +
      `${ASSESSMENTS_TABLE} table. They update with it.`,
  });

  put(REPORT.layerHead, 0, { value: "Layer" });
  put(REPORT.layerHead, 1, { value: "Score" });
  put(REPORT.layerHead, 2, { value: plan.label });
  LAYERS.forEach((layer, k) => {
    put(first + k, 0, { value: layer.name });
    put(first + k, 1, { formula: roundScoreFormula(k, name, date) });
    put(first + k, 2, { value: plan.scores[k] });
  });
  put(REPORT.realized, 0, { value: "Realized value" });
  put(REPORT.realized, 1, { formula: `=PRODUCT(${scores})` });
  if (plan.scores.every((score) => score !== "")) put(REPORT.realized, 2, { formula: `=PRODUCT(C${first}:C${last})` });
  put(REPORT.gap, 0, { value: "Execution gap" });
  put(REPORT.gap, 1, { formula: `=1-B${REPORT.realized}` });
  if (plan.scores.every((score) => score !== "")) put(REPORT.gap, 2, { formula: `=1-C${REPORT.realized}` });
  put(REPORT.band, 0, { value: "Band" });
  put(REPORT.band, 1, { formula: `=${bandFormula(`B${REPORT.gap}`)}` });
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
  formats[REPORT.round - 1][1] = ROUND_DATE_FORMAT;
  for (let row = REPORT.firstLayer; row <= REPORT.gap; row++) formats[row - 1] = [null, PERCENT, PERCENT];
  for (let k = 0; k < CURVE_STAGES.length; k++) formats[REPORT.firstStage + k - 1][1] = PERCENT;
  return formats;
}

export class ExcelStore implements AssessmentStore {
  readonly kind = "excel" as const;
  private readonly options: ExcelStoreOptions;
  private readonly limitations = new Limitations();

  /** Features this Excel lacked in the writes since the last call, each said once. */
  drainLimitations(): string[] {
    return this.limitations.drain();
  }

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
      const gateway = new TableGateway(context, this.limitations);
      const [table] = await gateway.open([ASSESSMENTS]);
      const read = gateway.read<AssessmentResponse>(table);
      return { responses: read.items, skipped: read.skipped.map(({ row, problem }) => ({ row, problem })) };
    });
  }

  /** Saves the response's row, and makes sure its round has a row on the summary sheet. */
  async saveResponse(response: AssessmentResponse): Promise<void> {
    await this.run(async (context) => {
      const gateway = new TableGateway(context, this.limitations);
      const [open, summary] = await gateway.open([ASSESSMENTS, SUMMARY]);
      const target = gateway.writable(open);
      const rounds = gateway.writable(summary);
      gateway.upsert(target, response);
      const round = roundsOf([response], response.workflow)[0];
      if (!rounds.rows.some((values) => String(values[rounds.layout.position.roundId] ?? "") === roundId(round))) {
        gateway.upsert(rounds, round);
      }
      gateway.flush();
      await context.sync();
    });
  }

  async deleteResponse(id: string): Promise<void> {
    await this.run(async (context) => {
      const gateway = new TableGateway(context, this.limitations);
      const [open] = await gateway.open([ASSESSMENTS]);
      const target = open.table ? gateway.writable(open) : null;
      if (!target || !gateway.deleteRecord(target, id)) {
        throw new Error(`The ${ASSESSMENTS_TABLE} table has no response with the id "${id}".`);
      }
      gateway.flush();
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
      const gateway = new TableGateway(context, this.limitations);
      const [open] = await gateway.open([ASSESSMENTS]);
      if (!open.table) {
        throw new Error(`The report reads the ${ASSESSMENTS_TABLE} table, which this workbook does not have.`);
      }
      // The report's formulas need the current layout (the "Answered" column).
      gateway.writable(open);
      gateway.flush();

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
