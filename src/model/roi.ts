import { realizedValue } from "./layers";

/** Which way a metric improves: "lower" for hours, cost or cycle time; "higher" for revenue or quality. */
export type Direction = "lower" | "higher";
export const DIRECTIONS: readonly Direction[] = ["lower", "higher"];

/** Inputs of a measured ROI on one workflow metric. */
export interface RoiInputs {
  /** The metric before the agent went live. */
  baseline: number;
  /** The metric now, per period. */
  current: number;
  /** Money per unit of the metric. */
  valuePerUnit: number;
  /** Costs paid once: build, integrate and govern, summed. */
  cost: number;
  /** Costs paid every period, such as maintenance; default 0. */
  costPerPeriod?: number;
  direction?: Direction;
  /** Periods the improvement is counted over; default 1. */
  periods?: number;
}

/** A measured ROI and the parts it was built from. */
export interface RoiResult {
  improvementPerPeriod: number;
  benefit: number;
  /** Cost over the periods: one-off cost + cost per period × periods. */
  cost: number;
  /** (benefit − cost) ÷ cost; null when cost is 0, where ROI is undefined. */
  roi: number | null;
}

/**
 * Measured ROI against a baseline captured before go-live: (benefit − cost) ÷ cost, where
 * benefit = improvement per period × value per unit × periods and
 * cost = one-off cost + cost per period × periods.
 *
 * @example
 * measuredRoi({ baseline: 40, current: 25, valuePerUnit: 60, cost: 5000, periods: 12 }).roi //=> 1.16
 * measuredRoi({ baseline: 40, current: 25, valuePerUnit: 60, cost: 3000, costPerPeriod: 150, periods: 12 }).roi //=> 1.25
 * measuredRoi({ baseline: 100, current: 90, valuePerUnit: 10, cost: 200, direction: "higher" }).roi //=> -1.5
 */
export function measuredRoi(inputs: RoiInputs): RoiResult {
  const { baseline, current, valuePerUnit, direction = "lower", periods = 1, costPerPeriod = 0 } = inputs;
  const improvementPerPeriod = direction === "lower" ? baseline - current : current - baseline;
  const benefit = improvementPerPeriod * valuePerUnit * periods;
  const cost = inputs.cost + costPerPeriod * periods;
  return { improvementPerPeriod, benefit, cost, roi: cost === 0 ? null : (benefit - cost) / cost };
}

/**
 * Projected value, the business-case view: expected value × realized share.
 * It is not a measured return and is never mixed with one.
 *
 * @example
 * projectedValue(1_000_000, [0.8, 0.6, 0.5, 0.4, 0.5]) //=> 48000
 */
export function projectedValue(expectedValue: number, scores: readonly number[]): number {
  return expectedValue * realizedValue(scores);
}

/**
 * Periods until cumulative benefit covers an upfront cost, interpolated linearly
 * within the period where it is crossed. Null when it is never covered.
 *
 * @example
 * paybackPeriods(1000, [300, 300, 300, 300]) //=> 3.3333333333333335
 * paybackPeriods(0, [10]) //=> 0
 * paybackPeriods(1000, [100, 100]) //=> null
 */
export function paybackPeriods(cost: number, benefits: readonly number[]): number | null {
  if (cost <= 0) return 0;
  let cumulative = 0;
  for (let period = 0; period < benefits.length; period++) {
    const next = cumulative + benefits[period];
    if (next >= cost && benefits[period] > 0) return period + (cost - cumulative) / benefits[period];
    cumulative = next;
  }
  return null;
}
