import { realizedValue } from "./layers";

/** The answer to "what is the smallest total improvement that reaches this target?" */
export type PlanResult =
  | { status: "unreachable"; target: number }
  | { status: "met"; target: number; scores: number[]; realized: number }
  | { status: "planned"; target: number; scores: number[]; realized: number; level: number; totalImprovement: number };

/**
 * Plans the smallest total improvement that lifts realized value to a target.
 * Every layer below a common level L is raised to L, with L chosen so that the
 * product equals the target; layers already above L keep their score. Raising the
 * lowest layers first is optimal because each point is worth most on the lowest layer.
 *
 * @example
 * planToTarget([0.8, 0.6, 0.5, 0.4, 0.5], 0.1)
 * //=> { status: "planned", scores: [0.8, 0.6, 0.5928, 0.5928, 0.5928], level: 0.5928 (to 4 places), ... }
 * planToTarget([0.9, 0.9, 0.9, 0.9, 0.9], 0.5).status //=> "met"
 * planToTarget([0.9, 0.9, 0.9, 0.9, 0.9], 1.2).status //=> "unreachable"
 */
export function planToTarget(scores: readonly number[], target: number): PlanResult {
  if (target > 1) return { status: "unreachable", target };
  const current = realizedValue(scores);
  if (current >= target) return { status: "met", target, scores: scores.slice(), realized: current };

  // Raise the k lowest layers to a common level: L^k × (product of the rest) = target.
  const sorted = scores.slice().sort((a, b) => a - b);
  let level = 1;
  for (let k = 1; k <= sorted.length; k++) {
    let rest = 1;
    for (let j = k; j < sorted.length; j++) rest *= sorted[j];
    if (rest <= 0) continue;
    const candidate = Math.pow(target / rest, 1 / k);
    const ceiling = k < sorted.length ? sorted[k] : 1;
    // The first k whose level stays under the next score is the answer; the lower bound then
    // holds by construction, and is not tested because rounding can blur it at a tie.
    if (candidate <= ceiling) {
      level = candidate;
      break;
    }
  }
  const planned = scores.map((score) => Math.min(1, Math.max(score, level)));
  const totalImprovement = planned.reduce((sum, value, i) => sum + (value - scores[i]), 0);
  return { status: "planned", target, scores: planned, realized: realizedValue(planned), level, totalImprovement };
}
