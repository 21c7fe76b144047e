// AGAP custom functions. The JSDoc below is the source of functions.json (generated at build).
// Each function is a thin adapter: the argument module reads the inputs, the model computes.
import { runGrid, runValue } from "./excel";

// The task pane page also hosts this script. In a plain browser (the preview) there is no
// custom-functions runtime, and the generated registration calls need something to call.
if (typeof CustomFunctions === "undefined") {
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { associate: () => undefined };
}

// Parameters are typed `any`: Excel hands over whatever the cells hold (numbers, text, booleans,
// blanks, errors) and the argument module does the reading. The metadata generator reads these
// TypeScript types, and accepts no type aliases.

/**
 * Realized value: the product of the five layer scores, the share of expected value that reaches the business.
 * @customfunction REALIZED
 * @param scores Five layer scores from 0 to 1 in one row or column, or one row of five per profile (N rows spill N results).
 * @returns Realized value from 0 to 1, one per profile.
 */
export function realized(scores: any[][]): any[][] {
  return runGrid("REALIZED", scores);
}

/**
 * Execution gap: 1 minus realized value, the share of expected value that is lost.
 * @customfunction GAP
 * @param scores Five layer scores from 0 to 1 in one row or column, or one row of five per profile.
 * @returns Execution gap from 0 to 1, one per profile.
 */
export function gap(scores: any[][]): any[][] {
  return runGrid("GAP", scores);
}

/**
 * Share of expected value surviving after a stage of the decay curve.
 * @customfunction STAGE
 * @param stage Stage 0 to 5, a stage name such as "Human Trust", or a layer name (after that layer). A range of stages spills.
 * @param scores Optional five layer scores. Without them, the illustrative curve 100, 80, 60, 45, 30, 15 percent is used.
 * @returns Surviving share from 0 to 1.
 */
export function stage(stage: any[][], scores?: any[][]): any[][] {
  return runGrid("STAGE", stage, scores);
}

/**
 * The six-stage decay curve: stage name, surviving share and value lost at each stage, ready to chart.
 * @customfunction CURVE
 * @param scores Optional five layer scores. Without them, the illustrative curve is returned.
 * @param expected_value Optional expected value in money. When given, the lost column is in money.
 * @returns Six rows of stage, surviving share, value lost.
 */
export function curve(scores?: any[][], expected_value?: any): any[][] {
  return runGrid("CURVE", scores, expected_value);
}

/**
 * Measured ROI against a baseline captured before go-live: (benefit - cost) / cost, where cost is the costs paid once plus the costs per period times the periods.
 * @customfunction ROI
 * @param baseline The metric per period before the agent went live. Blank means no baseline, and ROI cannot be proven.
 * @param current The metric per period now.
 * @param value_per_unit Money per unit of the metric, 0 or more.
 * @param costs Costs paid once, such as build, integrate and govern: a number or a range, summed.
 * @param direction Optional. "lower" (default) when less is better, such as hours or cost; "higher" for revenue or quality.
 * @param periods Optional number of periods the improvement is counted over, above 0; default 1.
 * @param per_period_costs Optional costs paid every period, such as maintenance: a number or a range, summed and counted once per period.
 * @returns Measured ROI as a fraction (1 is 100 percent).
 */
export function roi(
  baseline: any,
  current: any,
  value_per_unit: any,
  costs: any[][],
  direction?: any,
  periods?: any,
  per_period_costs?: any[][],
): any {
  return runValue("ROI", baseline, current, value_per_unit, costs, direction, periods, per_period_costs);
}

/**
 * Projected value, the business-case view: expected value times realized share. Not a measured return.
 * @customfunction PROJECTED
 * @param expected_value Expected value in money, 0 or more.
 * @param scores Five layer scores from 0 to 1, or one row of five per profile.
 * @returns Projected value in money, one per profile.
 */
export function projected(expected_value: any, scores: any[][]): any[][] {
  return runGrid("PROJECTED", expected_value, scores);
}

/**
 * Periods until cumulative benefit, less any costs per period, covers the upfront cost, interpolated within the period where it is crossed.
 * @customfunction PAYBACK
 * @param costs Upfront cost: a number or a range, summed.
 * @param benefits Benefit per period in one row or column, first period first.
 * @param per_period_costs Optional costs paid every period, such as maintenance: a number or a range, summed and taken off each period's benefit.
 * @returns Number of periods; #N/A when the cost is never covered.
 */
export function payback(costs: any[][], benefits: any[][], per_period_costs?: any[][]): any {
  return runValue("PAYBACK", costs, benefits, per_period_costs);
}

/**
 * Layer score from the three answers of one layer: their mean divided by 5.
 * @customfunction LAYER
 * @param answers Three answers from 0 to 5 in one row or column, or one row of three per layer.
 * @returns Layer score from 0 to 1.
 */
export function layer(answers: any[][]): any[][] {
  return runGrid("LAYER", answers);
}

/**
 * Five layer scores from the 15 assessment answers, spilled in the input's orientation.
 * @customfunction SCORES
 * @param answers 15 answers from 0 to 5 in statement order, in one row or column, or one row of 15 per respondent.
 * @returns Five layer scores from 0 to 1.
 */
export function scores(answers: any[][]): any[][] {
  return runGrid("SCORES", answers);
}

/**
 * Band of the execution gap: Critical, Severe, Material, Managed or Contained. The limits can be set.
 * @customfunction BAND
 * @param gap_or_scores A gap from 0 to 1 in one cell, or five layer scores (one row of five per profile).
 * @param thresholds Optional four gap limits for Critical, Severe, Material and Managed, falling. Default 0.9, 0.75, 0.5, 0.25.
 * @returns Band name.
 */
export function band(gap_or_scores: any[][], thresholds?: any[][]): any[][] {
  return runGrid("BAND", gap_or_scores, thresholds);
}

/**
 * Name of the lowest-scoring layer, the one that caps realized value. On a tie, the first.
 * @customfunction WEAKEST
 * @param scores Five layer scores from 0 to 1, or one row of five per profile.
 * @param labels Optional five names to return instead of the layer names.
 * @returns Layer name.
 */
export function weakest(scores: any[][], labels?: any[][]): any[][] {
  return runGrid("WEAKEST", scores, labels);
}

/**
 * Realized value after one layer moves by a step (delta), kept within 0 and 1. Despite the name, not the lift: subtract AGAP.REALIZED for that.
 * @customfunction LIFT
 * @param scores Five layer scores from 0 to 1, or one row of five per profile.
 * @param layer Layer 1 to 5, or its name such as "Measurement".
 * @param delta The step: a change to the layer score, from -1 to 1 (0.1 is 10 percentage points, half an answer step on the 0 to 5 scale).
 * @returns Realized value after the step.
 */
export function lift(scores: any[][], layer: any, delta: any): any[][] {
  return runGrid("LIFT", scores, layer, delta);
}

/**
 * Lift of each layer: the change in realized value (0.012 is 1.2 percentage points) when that layer alone moves by a step (delta). Five rows, in layer order.
 * @customfunction SENSITIVITY
 * @param scores Five layer scores from 0 to 1.
 * @param delta Optional step: a change to each layer score, from -1 to 1; default 0.1 (10 percentage points, half an answer step).
 * @returns Five rows of layer name and lift.
 */
export function sensitivity(scores: any[][], delta?: any): any[][] {
  return runGrid("SENSITIVITY", scores, delta);
}

/**
 * Smallest set of layer improvements that reaches a target realized value: every layer below a common level is raised to it.
 * @customfunction PLAN
 * @param scores Five layer scores from 0 to 1, or one row of five per profile.
 * @param target Target realized value, above 0 and at most 1.
 * @returns Five target scores, in the input's orientation.
 */
export function plan(scores: any[][], target: any): any[][] {
  return runGrid("PLAN", scores, target);
}

/**
 * Attribution of change: each layer's share of the change in realized value from one profile to another, its Shapley value (its contribution averaged over every order in which the layers could move). The five shares add up to the change.
 * @customfunction ATTRIBUTION
 * @param before Five layer scores from 0 to 1 in one row or column: the earlier profile, such as the previous round.
 * @param after Five layer scores from 0 to 1 in one row or column: the later profile.
 * @returns Five rows of layer name and share, in layer order.
 */
export function attribution(before: any[][], after: any[][]): any[][] {
  return runGrid("ATTRIBUTION", before, after);
}
