// "AGAP Summary": one row per workflow and round, every figure a live formula over the assessments
// table, so rows added later count and the numbers follow edits.
import { LAYERS, roundLabel, type AssessmentRound } from "../../model";
import { bandFormula, weakestFormula } from "./assessments";
import { PERCENT, ROUND_DATE_FORMAT, TEXT, WHOLE, dateToSerial } from "./cells";
import { roundCompleteFormula, roundResponsesFormula, roundScoreFormula } from "./round-formulas";
import { NA, span, type CachedValue, type ColumnSpec, type TableSpec } from "./spec";

export const SUMMARY_SHEET = "AGAP Summary";
export const SUMMARY_TABLE = "AgapSummary";

const MEAN_KEYS = LAYERS.map((layer) => `mean:${layer.id}`);
const result = (value: (round: NonNullable<AssessmentRound["result"]>) => CachedValue) => (round: AssessmentRound) =>
  round.result ? value(round.result) : NA;

const columns: ColumnSpec<AssessmentRound, void>[] = [
  { key: "workflow", header: "Workflow", kind: "text", format: TEXT, width: 28, value: (round) => round.workflow },
  {
    key: "date",
    header: "Round date",
    kind: "input",
    format: ROUND_DATE_FORMAT,
    width: 12,
    // 0 stands for the undated round; blank date cells in the assessments table equal it.
    value: (round) => (round.date ? dateToSerial(round.date) : 0),
  },
  {
    key: "responses",
    header: "Responses",
    kind: "derived",
    format: WHOLE,
    formula: (at) => roundResponsesFormula(at("workflow"), at("date")),
    cached: (round) => round.responses.length,
  },
  {
    key: "complete",
    header: "Complete",
    kind: "derived",
    format: WHOLE,
    formula: (at) => roundCompleteFormula(at("workflow"), at("date")),
    cached: (round) => round.result?.respondents ?? 0,
  },
  ...LAYERS.map((layer, k): ColumnSpec<AssessmentRound, void> => ({
    key: MEAN_KEYS[k],
    header: `${layer.short} mean`,
    kind: "derived",
    format: PERCENT,
    formula: (at) => roundScoreFormula(k, at("workflow"), at("date")),
    cached: result((r) => r.layerScores[k]),
  })),
  {
    key: "realized",
    header: "Realized value",
    kind: "derived",
    format: PERCENT,
    formula: (at) => `=PRODUCT(${span(at, MEAN_KEYS)})`,
    cached: result((r) => r.realized),
  },
  {
    key: "gap",
    header: "Gap",
    kind: "derived",
    format: PERCENT,
    formula: (at) => `=1-${at("realized")}`,
    cached: result((r) => r.gap),
  },
  {
    key: "band",
    header: "Band",
    kind: "derived",
    format: null,
    formula: (at) => `=${bandFormula(at("gap"))}`,
    cached: result((r) => r.band),
  },
  {
    key: "weakest",
    header: "Weakest layer",
    kind: "derived",
    format: null,
    width: 22,
    formula: (at) => `=${weakestFormula(at, MEAN_KEYS)}`,
    cached: result((r) => LAYERS[r.weakest].name),
  },
  { key: "roundId", header: "Round ID", kind: "text", format: TEXT, width: 30, value: (round) => roundId(round) },
];

/**
 * The id of a round's summary row: its date (or "undated") and the workflow.
 *
 * @example
 * roundId({ workflow: "Claims", date: "2026-04-02" }) //=> "2026-04-02 Claims"
 */
export const roundId = (round: Pick<AssessmentRound, "workflow" | "date">) =>
  `${roundLabel(round.date)} ${round.workflow}`;

export const SUMMARY: TableSpec<AssessmentRound, void> = {
  sheet: SUMMARY_SHEET,
  table: SUMMARY_TABLE,
  version: 1,
  columns,
  idKey: "roundId",
  idOf: roundId,
};
