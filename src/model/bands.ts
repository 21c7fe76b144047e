/** Band names, from the widest gap to the narrowest. */
export const BANDS = ["Critical", "Severe", "Material", "Managed", "Contained"] as const;
export type Band = (typeof BANDS)[number];

/**
 * Our default thresholds: the lowest gap of Critical, Severe, Material and Managed.
 * A gap under the last one is Contained. The article publishes no thresholds;
 * users may set their own.
 */
export const DEFAULT_BAND_THRESHOLDS: readonly number[] = [0.9, 0.75, 0.5, 0.25];

/** Sentence that every band display carries. */
export const BAND_THRESHOLD_NOTE =
  "Band limits are AGAP defaults (gap of 90%, 75%, 50% and 25%); in Excel, AGAP.BAND takes your own as its second argument.";

/**
 * Checks user thresholds: four numbers in [0, 1], strictly decreasing.
 * Returns null when they are valid, or the reason when not.
 *
 * @example
 * thresholdProblem([0.9, 0.75, 0.5, 0.25]) //=> null
 * thresholdProblem([0.5, 0.75, 0.9, 0.25]) //=> "must fall from Critical to Managed"
 */
export function thresholdProblem(thresholds: readonly number[]): string | null {
  if (thresholds.length !== BANDS.length - 1) return `must be ${BANDS.length - 1} numbers`;
  if (thresholds.some((t) => !Number.isFinite(t) || t < 0 || t > 1)) return "must each be between 0 and 1";
  for (let i = 1; i < thresholds.length; i++) {
    if (!(thresholds[i] < thresholds[i - 1])) return "must fall from Critical to Managed";
  }
  return null;
}

/**
 * The band of an execution gap. A gap at a threshold belongs to the wider band.
 *
 * @example
 * bandOf(0.952) //=> "Critical"
 * bandOf(0.75) //=> "Severe"
 * bandOf(0.1) //=> "Contained"
 * bandOf(0.6, [0.8, 0.6, 0.4, 0.2]) //=> "Severe"
 */
export function bandOf(gap: number, thresholds: readonly number[] = DEFAULT_BAND_THRESHOLDS): Band {
  for (let i = 0; i < thresholds.length; i++) {
    if (gap >= thresholds[i] - 1e-12) return BANDS[i];
  }
  return BANDS[BANDS.length - 1];
}

/**
 * The next band limit above a realized value, as a realized value (1 − the gap limit): where the
 * board report's plan and the Scenarios tab's target start. Null past the last limit.
 *
 * @example
 * nextBandLimit(0.048) //=> 0.1 (1 − 0.9, to the last bit)
 * nextBandLimit(0.298) //=> 0.5
 * nextBandLimit(0.8)   //=> null
 */
export function nextBandLimit(realized: number): number | null {
  const limits = DEFAULT_BAND_THRESHOLDS.map((gap) => 1 - gap).sort((a, b) => a - b);
  return limits.find((limit) => limit > realized + 1e-12) ?? null;
}
