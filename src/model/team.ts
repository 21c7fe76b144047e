import { type Answers, STATEMENTS, assessAnswers, isAnswer, type Statement } from "./assessment";
import { LAYERS, type Layer } from "./layers";

/** One respondent's answers for one workflow on one date. */
export interface AssessmentResponse {
  /** Stable id; rows typed by hand into the workbook get one derived from their position. */
  id: string;
  workflow: string;
  /** Optional; "" when not given. */
  respondent: string;
  /** ISO date (YYYY-MM-DD), or "" when not given. */
  date: string;
  answers: Answers;
}

/** Spread of one layer's scores across respondents. */
export interface LayerAggregate {
  layer: Layer;
  /** Respondents who answered all three statements of the layer. */
  count: number;
  mean: number | null;
  min: number | null;
  max: number | null;
}

/**
 * Mean, lowest and highest score per layer across respondents. A respondent who has not
 * answered a layer completely is left out of that layer, never counted as 0.
 *
 * @example
 * aggregateLayers([r1, r2])[0] //=> { layer: Strategy Alignment, count: 2, mean: 0.7, min: 0.6, max: 0.8 }
 */
export function aggregateLayers(responses: readonly AssessmentResponse[]): LayerAggregate[] {
  const scored = responses.map((response) => assessAnswers(response.answers).layerScores);
  return LAYERS.map((layer, index) => {
    const values = scored.map((scores) => scores[index]).filter((value): value is number => value !== null);
    if (values.length === 0) return { layer, count: 0, mean: null, min: null, max: null };
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    return { layer, count: values.length, mean, min: Math.min(...values), max: Math.max(...values) };
  });
}

/** A statement on which respondents disagree. */
export interface Divergence {
  statement: Statement;
  min: number;
  max: number;
  spread: number;
}

/** Answers that differ by this many points or more are flagged for discussion. */
export const DIVERGENCE_THRESHOLD = 3;

/**
 * Statements whose answers differ by at least the threshold (3 points by default).
 *
 * @example
 * divergentStatements([{ ..., answers: { "strategy.outcome": 1 } }, { ..., answers: { "strategy.outcome": 4 } }])
 * //=> [{ statement: strategy.outcome, min: 1, max: 4, spread: 3 }]
 */
export function divergentStatements(
  responses: readonly AssessmentResponse[],
  threshold: number = DIVERGENCE_THRESHOLD,
): Divergence[] {
  const flagged: Divergence[] = [];
  for (const statement of STATEMENTS) {
    const values = responses
      .map((response) => response.answers[statement.id])
      .filter((value): value is number => isAnswer(value));
    if (values.length < 2) continue;
    const min = Math.min(...values);
    const max = Math.max(...values);
    if (max - min >= threshold) flagged.push({ statement, min, max, spread: max - min });
  }
  return flagged;
}

/**
 * Workflow names in first-seen order, without duplicates (names compared exactly).
 *
 * @example
 * workflowNames([{ workflow: "B" }, { workflow: "A" }, { workflow: "B" }]) //=> ["B", "A"]
 */
export function workflowNames(responses: readonly Pick<AssessmentResponse, "workflow">[]): string[] {
  return [...new Set(responses.map((response) => response.workflow).filter((name) => name.trim() !== ""))];
}
