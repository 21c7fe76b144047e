// Assessment rounds: one workflow on one date. Every surface (history, results, scenarios, ROI,
// portfolio, the report and summary sheets) takes a workflow's figures from these definitions.
import { STATEMENT_COUNT, assessAnswers } from "./assessment";
import { bandOf, type Band } from "./bands";
import { LAYERS, realizedValue } from "./layers";
import { DIVERGENCE_THRESHOLD, divergentStatements, type AssessmentResponse, type Divergence } from "./team";
import { weakestLayerIndex } from "./weakest";

/**
 * True when a response answers all 15 statements. Only complete responses count in a team
 * result; a partial one is listed with its round but never moves the team's scores.
 *
 * @example
 * isCompleteResponse({ ...response, answers: {} }) //=> false
 */
export function isCompleteResponse(response: Pick<AssessmentResponse, "answers">): boolean {
  return assessAnswers(response.answers).answered === STATEMENT_COUNT;
}

/** The team result of one round: the mean of each layer's score over the complete respondents. */
export interface TeamResult {
  /** Complete respondents the means are taken over (at least 1). */
  respondents: number;
  layerScores: number[];
  realized: number;
  gap: number;
  band: Band;
  /** Index of the weakest layer (the first of equal lowest). */
  weakest: number;
}

/**
 * The team result of a set of responses, or null when none of them is complete.
 *
 * @example
 * teamResult([allFours, allTwos])!.layerScores //=> [0.6, 0.6, 0.6, 0.6, 0.6]
 */
export function teamResult(responses: readonly AssessmentResponse[]): TeamResult | null {
  const scored = responses
    .map((response) => assessAnswers(response.answers))
    .filter((progress) => progress.complete)
    .map((progress) => progress.layerScores as number[]);
  if (scored.length === 0) return null;
  const layerScores = LAYERS.map((_, k) => scored.reduce((sum, scores) => sum + scores[k], 0) / scored.length);
  const realized = realizedValue(layerScores);
  return {
    respondents: scored.length,
    layerScores,
    realized,
    gap: 1 - realized,
    band: bandOf(1 - realized),
    weakest: weakestLayerIndex(layerScores),
  };
}

/** One workflow assessed on one date ("" for responses saved without a date). */
export interface AssessmentRound {
  workflow: string;
  date: string;
  /** Every response of the round, complete or not, in saved order. */
  responses: AssessmentResponse[];
  /** Responses with fewer than 15 answers. */
  partial: number;
  /** Null until one respondent has answered every statement. */
  result: TeamResult | null;
}

/** The word for the round saved without a date, wherever a round is named by its date. */
export const UNDATED = "undated";

/**
 * A round named by its date, as a label or a column's value: its ISO date, or "undated" for the
 * round saved without one. The pane, the sheets and the backup all name rounds this way.
 *
 * @example
 * roundLabel("2026-04-02") //=> "2026-04-02"
 * roundLabel("")           //=> "undated"
 */
export const roundLabel = (date: string): string => date || UNDATED;

const byDate = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The rounds of one workflow, oldest first; undated responses form the round "" before any
 * dated one. Workflow names are matched exactly, case included.
 *
 * @example
 * roundsOf(responses, "Claims").map((round) => [round.date, round.result?.realized])
 * //=> [["2026-01-10", 0.132], ["2026-04-02", 0.254]]
 */
export function roundsOf(responses: readonly AssessmentResponse[], workflow: string): AssessmentRound[] {
  const groups = new Map<string, AssessmentResponse[]>();
  for (const response of responses) {
    if (response.workflow !== workflow) continue;
    const group = groups.get(response.date) ?? [];
    group.push(response);
    groups.set(response.date, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => byDate(a, b))
    .map(([date, group]) => ({
      workflow,
      date,
      responses: group,
      partial: group.filter((response) => !isCompleteResponse(response)).length,
      result: teamResult(group),
    }));
}

/**
 * Each workflow's responses in saved order, read in one pass. `roundsOf` and `latestRound` read
 * the whole list on every call, so calling them once per workflow costs workflows × responses;
 * given a workflow's own group, they read only that group, with the same result.
 *
 * @example
 * latestRound(responsesByWorkflow(responses).get("Claims") ?? [], "Claims") // the same as latestRound(responses, "Claims")
 */
export function responsesByWorkflow(responses: readonly AssessmentResponse[]): Map<string, AssessmentResponse[]> {
  const groups = new Map<string, AssessmentResponse[]>();
  for (const response of responses) {
    const group = groups.get(response.workflow);
    if (group) group.push(response);
    else groups.set(response.workflow, [response]);
  }
  return groups;
}

/**
 * The round a workflow is judged by: its most recent round with a team result. An undated
 * round counts as older than every dated one.
 *
 * @example
 * latestRound(responses, "Claims")?.date //=> "2026-04-02"
 * latestRound([], "Claims") //=> null
 */
export function latestRound(responses: readonly AssessmentResponse[], workflow: string): AssessmentRound | null {
  return (
    roundsOf(responses, workflow)
      .filter((round) => round.result !== null)
      .at(-1) ?? null
  );
}

/**
 * The layer scores of a workflow's latest round, or null when it has none.
 *
 * @example
 * latestScores(responses, "Claims") //=> [0.8, 0.6, 0.5, 0.4, 0.5]
 */
export function latestScores(responses: readonly AssessmentResponse[], workflow: string): number[] | null {
  return latestRound(responses, workflow)?.result?.layerScores ?? null;
}

/**
 * Statements on which the complete respondents of one round differ by at least the threshold:
 * the same people the team result counts. Answers from other dates never mix in, since a spread
 * between quarters is change, not disagreement; a partial response never raises a flag.
 *
 * @example
 * roundDivergence(round).map((flag) => flag.statement.id) //=> ["oversight.owner"]
 */
export function roundDivergence(round: AssessmentRound, threshold: number = DIVERGENCE_THRESHOLD): Divergence[] {
  return divergentStatements(round.responses.filter(isCompleteResponse), threshold);
}
