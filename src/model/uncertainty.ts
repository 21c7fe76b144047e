import { aggregateLayers, type AssessmentResponse } from "./team";
import { realizedValue } from "./layers";

/**
 * A small seeded random number generator (mulberry32): the same seed gives the same sequence,
 * so a resampled result can be repeated exactly.
 *
 * @example
 * const next = seededRandom(42); next() //=> 0.6011037519201636
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The p-th percentile (0–100) of sorted values, interpolated linearly (as Excel's PERCENTILE.INC).
 *
 * @example
 * percentile([1, 2, 3, 4, 5], 10) //=> 1.4
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError("No values to take a percentile of.");
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export interface Uncertainty {
  p10: number;
  p50: number;
  p90: number;
  runs: number;
  seed: number;
  respondents: number;
}

export const DEFAULT_RESAMPLE_RUNS = 2000;
export const DEFAULT_SEED = 20261124;

/**
 * P10, P50 and P90 of the team's realized value, by resampling respondents with replacement
 * (a bootstrap): each run draws as many respondents as there are, takes the mean layer scores
 * and multiplies them. Needs at least two respondents with every layer answered.
 *
 * @example
 * resampleRealized(responses, { runs: 2000, seed: 7 }) //=> { p10: 0.061, p50: 0.083, p90: 0.11, runs: 2000, seed: 7, respondents: 4 }
 */
export function resampleRealized(
  responses: readonly AssessmentResponse[],
  options: { runs?: number; seed?: number } = {},
): Uncertainty | null {
  const runs = options.runs ?? DEFAULT_RESAMPLE_RUNS;
  const seed = options.seed ?? DEFAULT_SEED;
  const complete = responses.filter((response) => aggregateLayers([response]).every((layer) => layer.mean !== null));
  if (complete.length < 2) return null;
  const perRespondent = complete.map((response) => aggregateLayers([response]).map((layer) => layer.mean as number));
  const random = seededRandom(seed);
  const results: number[] = new Array(runs);
  for (let run = 0; run < runs; run++) {
    const sums = [0, 0, 0, 0, 0];
    for (let draw = 0; draw < perRespondent.length; draw++) {
      const picked = perRespondent[Math.floor(random() * perRespondent.length)];
      for (let k = 0; k < sums.length; k++) sums[k] += picked[k];
    }
    results[run] = realizedValue(sums.map((sum) => sum / perRespondent.length));
  }
  results.sort((a, b) => a - b);
  return {
    p10: percentile(results, 10),
    p50: percentile(results, 50),
    p90: percentile(results, 90),
    runs,
    seed,
    respondents: perRespondent.length,
  };
}
