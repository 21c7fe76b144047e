// Attribution of change: which layer moved realized value between two profiles, and by how much.
// Each layer's share is its Shapley value in the product of the five scores.
import { STATEMENTS, type Statement } from "./assessment";
import { LAYERS, type Layer } from "./layers";
import { isCompleteResponse } from "./rounds";
import type { AssessmentResponse } from "./team";

/** One layer's share of the change in realized value. */
export interface LayerShare {
  layer: Layer;
  index: number;
  /** The layer's share of REALIZED(after) − REALIZED(before), a fraction: 0.012 is +1.2 pts. */
  share: number;
}

/** A layer's score before and after, as one factor of the polynomial below. */
type Move = readonly [before: number, after: number];

const byMove = (x: Move, y: Move) => x[0] - y[0] || x[1] - y[1];

/**
 * Σ over subsets S of `others` of w(|S|) × Π(after of S) × Π(before of the rest), with the
 * Shapley weights w(k) = k! (4 − k)! / 5!: 1/5, 1/20, 1/30, 1/20, 1/5.
 *
 * The sums by subset size are the coefficients of Π (before_j + after_j · x), built factor by
 * factor. The factors are taken in sorted order, so that layers with the same move get results
 * equal to the last bit; the weights are symmetric, and the sum pairs sizes k and 4 − k.
 */
function weightedSubsetSum(others: Move[]): number {
  others.sort(byMove);
  let coefficients = [1];
  for (const [before, after] of others) {
    const next = new Array<number>(coefficients.length + 1).fill(0);
    for (let k = 0; k < coefficients.length; k++) {
      next[k] += coefficients[k] * before;
      next[k + 1] += coefficients[k] * after;
    }
    coefficients = next;
  }
  const [e0, e1, e2, e3, e4] = coefficients;
  return (e0 + e4) / 5 + (e1 + e3) / 20 + e2 / 30;
}

/** The shares in one fixed direction, before → after. */
function shapley(before: readonly number[], after: readonly number[]): number[] {
  return LAYERS.map((_, i) => {
    if (before[i] === after[i]) return 0;
    const others: Move[] = [];
    for (let j = 0; j < LAYERS.length; j++) if (j !== i) others.push([before[j], after[j]]);
    return (after[i] - before[i]) * weightedSubsetSum(others);
  });
}

/** True when `before` comes first in layer order, comparing before then after score of each layer. */
function isCanonical(before: readonly number[], after: readonly number[]): boolean {
  for (let i = 0; i < LAYERS.length; i++) {
    if (before[i] !== after[i]) return before[i] < after[i];
  }
  return true;
}

/**
 * Each layer's share of the change in realized value from `before` to `after`: its Shapley value
 * in the product of the five scores. That is its contribution (realized value with it at its
 * after score, minus realized value with it at its before score) averaged over all 120 orders in
 * which the five layers could move from before to after.
 *
 * - The five shares sum to REALIZED(after) − REALIZED(before), to rounding.
 * - A layer whose score did not move gets exactly 0; swapping before and after negates every share.
 * - Scores of 0 need no special case: nothing is divided.
 *
 * Both scores are five numbers in [0, 1], in layer order.
 *
 * @example
 * attributionShares([0.6, 0.6, 0.5, 0.4, 0.5], [0.8, 0.6, 0.5, 0.6, 0.5])
 * //=> [0.015, 0, 0, 0.021, 0] (to rounding): 0.072 − 0.036 = 0.036 in all
 * attributionShares([0.5, 1, 1, 1, 1], [1, 1, 1, 1, 0.5]) //=> [0.375, 0, 0, 0, -0.375]
 */
export function attributionShares(before: readonly number[], after: readonly number[]): number[] {
  // One direction is computed and the other negated, so that swapping negates every share exactly.
  const shares = isCanonical(before, after) ? shapley(before, after) : shapley(after, before).map((s) => -s);
  return shares.map((share) => (share === 0 ? 0 : share));
}

/**
 * The shares of attributionShares with their layers, in layer order.
 *
 * @example
 * attribution([0.6, 0.6, 0.5, 0.4, 0.5], [0.8, 0.6, 0.5, 0.6, 0.5]).map((s) => [s.layer.short, s.share])
 * //=> [["Strategy", 0.015], ["Workflow", 0], ["Oversight", 0], ["Measurement", 0.021], ["Adoption", 0]]
 */
export function attribution(before: readonly number[], after: readonly number[]): LayerShare[] {
  const shares = attributionShares(before, after);
  return LAYERS.map((layer, index) => ({ layer, index, share: shares[index] }));
}

/**
 * The team's mean answer to each of the 15 statements, in statement order, over the complete
 * responses only (those that answered all 15, as in the team result); null when none is complete.
 *
 * @example
 * statementMeans([allFours, allTwos]) //=> [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]
 */
export function statementMeans(responses: readonly AssessmentResponse[]): number[] | null {
  const complete = responses.filter(isCompleteResponse);
  if (complete.length === 0) return null;
  return STATEMENTS.map(
    (statement) =>
      complete.reduce((sum, response) => sum + (response.answers[statement.id] as number), 0) / complete.length,
  );
}

/** How far the team's mean answer to one statement moved between two rounds. */
export interface StatementMove {
  statement: Statement;
  /** Mean answer (0 to 5) over the earlier round's complete responses. */
  before: number;
  /** Mean answer over the later round's complete responses. */
  after: number;
  /** after − before, in answer steps. */
  change: number;
}

/** Changes closer than this are equal, so that rounding does not decide between two statements. */
const SAME_CHANGE = 1e-9;

/**
 * The statements whose team mean answer moved most between two rounds, largest move first (up
 * or down); equal moves keep statement order. Statements that did not move are left out, so
 * fewer than `count` can come back; none when either round has no complete response.
 *
 * @example
 * statementsMovedMost(january, april).map((m) => [m.statement.id, m.change])
 * //=> [["strategy.outcome", 1.5], ["adoption.stopped", -1.5], ["measurement.baseline", 1]]
 */
export function statementsMovedMost(
  before: readonly AssessmentResponse[],
  after: readonly AssessmentResponse[],
  count = 3,
): StatementMove[] {
  const from = statementMeans(before);
  const to = statementMeans(after);
  if (from === null || to === null) return [];
  return STATEMENTS.map((statement, i) => ({ statement, before: from[i], after: to[i], change: to[i] - from[i] }))
    .filter((move) => Math.abs(move.change) > SAME_CHANGE)
    .map((move, order) => ({ move, order }))
    .sort((a, b) => {
      const larger = Math.abs(b.move.change) - Math.abs(a.move.change);
      return Math.abs(larger) > SAME_CHANGE ? larger : a.order - b.order;
    })
    .slice(0, count)
    .map(({ move }) => move);
}
