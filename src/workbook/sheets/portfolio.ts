// "AGAP Portfolio": one row per workflow, its maturity stage and target typed in, and its latest
// round (date, layer scores, realized value, band, weakest layer) and ROI status as live formulas
// over the assessments and ROI tables.
import {
  DEFAULT_TARGET_STAGE,
  LAYERS,
  LAYER_COUNT,
  MATURITY_STAGES,
  latestRound,
  maturityStage,
  portfolio,
  type AssessmentResponse,
  type MaturityRecord,
  type PortfolioRow,
  type RoiEntry,
} from "../../model";
import { bandFormula, weakestFormula } from "./assessments";
import { PERCENT, ROUND_DATE_FORMAT, TEXT, WHOLE, dateToSerial } from "./cells";
import { ROI } from "./roi";
import { latestDateFormula, roundScoreFormula } from "./round-formulas";
import {
  NA,
  fail,
  isBlank,
  ok,
  quoted,
  span,
  tableColumn,
  textOf,
  type CachedValue,
  type ColumnSpec,
  type Read,
  type TableSpec,
} from "./spec";

export const PORTFOLIO_SHEET = "AGAP Portfolio";
export const PORTFOLIO_TABLE = "AgapPortfolio";

/** A portfolio row as stored: the workflow, and its stage and target when placed. */
export interface PortfolioEntry {
  workflow: string;
  /** Null for a workflow listed but not placed on a stage yet. */
  stage: number | null;
  target: number;
}

export interface PortfolioContext {
  responses: readonly AssessmentResponse[];
  roi: readonly RoiEntry[];
}

const LATEST_KEYS = LAYERS.map((layer) => `latest:${layer.id}`);
const latestSpan = (at: (key: string) => string) => span(at, LATEST_KEYS);

/** The model's portfolio row of an entry. */
function modelRow(entry: PortfolioEntry, context: PortfolioContext): PortfolioRow {
  const maturity: MaturityRecord[] =
    entry.stage === null ? [] : [{ workflow: entry.workflow, stage: entry.stage, target: entry.target }];
  const own = (list: readonly { workflow: string }[]) => list.filter((item) => item.workflow === entry.workflow);
  return portfolio(own(context.responses) as AssessmentResponse[], maturity, own(context.roi) as RoiEntry[]).find(
    (row) => row.workflow === entry.workflow,
  )!;
}

const stageName = (cell: string) =>
  `=IF(${cell}="","",CHOOSE(${cell},${MATURITY_STAGES.map((s) => quoted(s.name)).join(",")}))`;
const cachedStageName = (stage: number | null): CachedValue =>
  stage === null ? "" : (maturityStage(Math.trunc(stage))?.name ?? { error: "#VALUE!" });

const stageValidation = {
  kind: "whole" as const,
  min: 1,
  max: MATURITY_STAGES.length,
  title: "Stages run from 1 to 5",
  message: `Type a stage number: ${MATURITY_STAGES.map((stage) => `${stage.level} ${stage.name}`).join(", ")}.`,
};

const columns: ColumnSpec<PortfolioEntry, PortfolioContext>[] = [
  {
    key: "workflow",
    header: "Workflow",
    kind: "text",
    format: TEXT,
    required: true,
    width: 28,
    value: (e) => e.workflow,
  },
  {
    key: "stage",
    header: "Stage",
    kind: "input",
    format: WHOLE,
    required: true,
    value: (e) => e.stage ?? "",
    validation: stageValidation,
  },
  {
    key: "stageName",
    header: "Stage name",
    kind: "derived",
    format: null,
    formula: (at) => stageName(at("stage")),
    cached: (e) => cachedStageName(e.stage),
  },
  {
    key: "target",
    header: "Target stage",
    kind: "input",
    format: WHOLE,
    required: true,
    value: (e) => e.target,
    validation: stageValidation,
  },
  {
    key: "targetName",
    header: "Target name",
    kind: "derived",
    format: null,
    formula: (at) => stageName(at("target")),
    cached: (e) => cachedStageName(e.target),
  },
  {
    key: "latestDate",
    header: "Latest assessment",
    kind: "derived",
    format: ROUND_DATE_FORMAT,
    formula: (at) => latestDateFormula(at("workflow")),
    cached: (e, c) => {
      const round = latestRound(c.responses, e.workflow);
      return round ? (round.date ? dateToSerial(round.date) : 0) : NA;
    },
  },
  {
    key: "latestRealized",
    header: "Latest realized value",
    kind: "derived",
    format: PERCENT,
    formula: (at) => `=IF(COUNT(${latestSpan(at)})<${LAYER_COUNT},NA(),PRODUCT(${latestSpan(at)}))`,
    cached: (e, c) => modelRow(e, c).latestRealized ?? NA,
  },
  {
    key: "band",
    header: "Band",
    kind: "derived",
    format: null,
    formula: (at) => `=${bandFormula(`(1-${at("latestRealized")})`)}`,
    cached: (e, c) => modelRow(e, c).band ?? NA,
  },
  {
    key: "weakest",
    header: "Weakest layer",
    kind: "derived",
    format: null,
    width: 22,
    formula: (at) => `=${weakestFormula(at, LATEST_KEYS)}`,
    cached: (e, c) => modelRow(e, c).weakest ?? NA,
  },
  {
    key: "roiStatus",
    header: "ROI status",
    kind: "derived",
    format: null,
    formula: (at) => {
      const rows = `EXACT(${tableColumn(ROI, "workflow")},${at("workflow")})`;
      return (
        `=IF(SUMPRODUCT(${rows}*1)=0,"no ROI row",` +
        `IF(SUMPRODUCT(${rows}*(${tableColumn(ROI, "flags")}<>""))>0,"flagged","defensible"))`
      );
    },
    cached: (e, c) => modelRow(e, c).roiStatus,
  },
  ...LAYERS.map((layer, k): ColumnSpec<PortfolioEntry, PortfolioContext> => ({
    key: LATEST_KEYS[k],
    header: `Latest ${layer.short} score`,
    kind: "derived",
    format: PERCENT,
    since: 2,
    formula: (at) => roundScoreFormula(k, at("workflow"), at("latestDate")),
    cached: (e, c) => latestRound(c.responses, e.workflow)?.result?.layerScores[k] ?? NA,
  })),
];

function readStage(value: unknown, header: string): Read<number | null> {
  if (isBlank(value)) return ok(null);
  const stage = maturityStage(typeof value === "number" ? value : String(value));
  if (!stage) return fail(`${header} is "${String(value)}", not a stage from 1 to 5`);
  return ok(stage.level);
}

function parse(cell: (key: string) => unknown): Read<PortfolioEntry> {
  const workflow = textOf(cell("workflow"));
  if (!workflow) return fail("the workflow is blank");
  const stage = readStage(cell("stage"), "Stage");
  if (!stage.ok) return stage;
  const target = readStage(cell("target"), "Target stage");
  if (!target.ok) return target;
  return ok({ workflow, stage: stage.value, target: target.value ?? DEFAULT_TARGET_STAGE });
}

/** Version 1 stored the latest results as typed values; version 2 makes them live formulas. */
export const PORTFOLIO: TableSpec<PortfolioEntry, PortfolioContext> = {
  sheet: PORTFOLIO_SHEET,
  table: PORTFOLIO_TABLE,
  version: 2,
  columns,
  idKey: "workflow",
  // A workflow appears once.
  idOf: (e) => e.workflow,
  parse,
  matchKey: "workflow",
};

/** Placed workflows only: a row without a stage is listed, not a maturity record. */
export const maturityRecords = (entries: readonly PortfolioEntry[]): MaturityRecord[] =>
  entries.filter((e): e is MaturityRecord => e.stage !== null);
