// The pure core of each custom function: raw arguments in, values or error values out.
// Adapters (Excel in functions.ts, the formula engine in tests) call these and nothing else.
import {
  LAYERS,
  LAYER_COUNT,
  realizedValue,
  survivingAfter,
  decayCurve,
  layerScore,
  scoresFromAnswerList,
  bandOf,
  weakestLayerIndex,
  liftedValue,
  layerLifts,
  planToTarget,
  measuredRoi,
  projectedValue,
  paybackPeriods,
  DEFAULT_DELTA,
  attribution,
} from "../model";
import {
  LAYOUT,
  SPEC,
  mapRows,
  readCosts,
  readDirection,
  readLabels,
  readLayer,
  readNumber,
  readOptionalScalar,
  readScalar,
  readSeries,
  readSingle,
  readStage,
  readThresholds,
  toGrid,
  type Rows,
} from "./args";
import { messages } from "./messages";
import { FormulaError, type ResultGrid, type ResultValue } from "./values";

const failed = (error: FormulaError): ResultGrid => [[error]];

/** One result per profile, spilled down. */
function perProfile(rows: Rows<ResultValue> | FormulaError): ResultGrid {
  if (rows instanceof FormulaError) return failed(rows);
  return rows.results.map((result) => [result]);
}

/** Several results per profile, laid out in the input's orientation; a bad row is an error across its width. */
function widePerProfile(rows: Rows<number[]> | FormulaError, width: number): ResultGrid {
  if (rows instanceof FormulaError) return failed(rows);
  if (rows.orientation === "column") {
    const only = rows.results[0];
    return only instanceof FormulaError ? failed(only) : only.map((value) => [value]);
  }
  return rows.results.map((result) => (result instanceof FormulaError ? new Array(width).fill(result) : result));
}

/** The single profile of a function that takes one; N profiles are refused with `refusal`. */
function oneProfile(value: unknown, arg = "scores", refusal = messages.onlyOneProfile): number[] | FormulaError {
  const rows = mapRows(value, arg, LAYOUT.scores, (row) => row.slice());
  if (rows instanceof FormulaError) return rows;
  if (rows.results.length !== 1) return new FormulaError("#VALUE!", refusal(arg, rows.results.length));
  return rows.results[0];
}

export function realizedCore(scores: unknown): ResultGrid {
  return perProfile(mapRows(scores, "scores", LAYOUT.scores, realizedValue));
}

export function gapCore(scores: unknown): ResultGrid {
  return perProfile(mapRows(scores, "scores", LAYOUT.scores, (row) => 1 - realizedValue(row)));
}

export function stageCore(stage: unknown, scores?: unknown): ResultGrid {
  const stages = toGrid(stage);
  if (stages.length === 0 || stages[0].length === 0)
    return failed(new FormulaError("#VALUE!", messages.empty("stage")));
  if (scores === null || scores === undefined) {
    return stages.map((row) =>
      row.map((key) => {
        const index = readStage(key);
        return index instanceof FormulaError ? index : survivingAfter(index);
      }),
    );
  }
  const profiles = mapRows(scores, "scores", LAYOUT.scores, (row) => row.slice());
  if (profiles instanceof FormulaError) return failed(profiles);
  if (profiles.results.length === 1) {
    const profile = profiles.results[0];
    return stages.map((row) =>
      row.map((key) => {
        if (profile instanceof FormulaError) return profile;
        const index = readStage(key);
        return index instanceof FormulaError ? index : survivingAfter(index, profile);
      }),
    );
  }
  // Many profiles: one stage, one result per profile.
  const single = readSingle(stage, "stage");
  if (single instanceof FormulaError)
    return failed(new FormulaError("#VALUE!", messages.onlyOneProfile("scores", profiles.results.length)));
  const index = readStage(single);
  if (index instanceof FormulaError) return failed(index);
  return profiles.results.map((profile) => [
    profile instanceof FormulaError ? profile : survivingAfter(index, profile),
  ]);
}

export function curveCore(scores?: unknown, expectedValue?: unknown): ResultGrid {
  let profile: number[] | undefined;
  if (scores !== null && scores !== undefined) {
    const read = oneProfile(scores);
    if (read instanceof FormulaError) return failed(read);
    profile = read;
  }
  let scale = 1;
  if (expectedValue !== null && expectedValue !== undefined) {
    const read = readOptionalScalar(expectedValue, "expected_value", SPEC.money, 1);
    if (read instanceof FormulaError) return failed(read);
    scale = read;
  }
  return decayCurve(profile).map((point) => [point.name, point.surviving, point.lost * scale]);
}

/**
 * AGAP.ROI: (benefit − cost) ÷ cost, with cost = costs + per-period costs × periods.
 *
 * @example
 * roiCore(40, 25, 60, 3000, null, 12, 150) //=> 1.25
 * roiCore(40, 25, 60, 0, null, 12) //=> FormulaError { code: "#DIV/0!", … }
 */
export function roiCore(
  baseline: unknown,
  current: unknown,
  valuePerUnit: unknown,
  costs: unknown,
  direction?: unknown,
  periods?: unknown,
  perPeriodCosts?: unknown,
): ResultValue {
  const base = readSingle(baseline, "baseline");
  if (base instanceof FormulaError) return base;
  if (base === null || base === undefined || base === "") return new FormulaError("#N/A", messages.noBaseline());
  const baselineValue = readNumber(base, "baseline", SPEC.number);
  if (baselineValue instanceof FormulaError) return baselineValue;
  const now = readSingle(current, "current");
  if (now instanceof FormulaError) return now;
  if (now === null || now === undefined || now === "") return new FormulaError("#N/A", messages.noCurrent());
  const currentValue = readNumber(now, "current", SPEC.number);
  if (currentValue instanceof FormulaError) return currentValue;
  const unitValue = readScalar(valuePerUnit, "value_per_unit", SPEC.money);
  if (unitValue instanceof FormulaError) return unitValue;
  const cost = readCosts(costs, perPeriodCosts);
  if (cost instanceof FormulaError) return cost;
  const way = readDirection(direction);
  if (way instanceof FormulaError) return way;
  const count = readOptionalScalar(periods, "periods", SPEC.periods, 1);
  if (count instanceof FormulaError) return count;
  const { roi } = measuredRoi({
    baseline: baselineValue,
    current: currentValue,
    valuePerUnit: unitValue,
    cost: cost.oneOff,
    costPerPeriod: cost.perPeriod,
    direction: way,
    periods: count,
  });
  return roi === null ? new FormulaError("#DIV/0!", messages.zeroCost()) : roi;
}

export function projectedCore(expectedValue: unknown, scores: unknown): ResultGrid {
  const expected = readScalar(expectedValue, "expected_value", SPEC.money);
  if (expected instanceof FormulaError) return failed(expected);
  return perProfile(mapRows(scores, "scores", LAYOUT.scores, (row) => projectedValue(expected, row)));
}

/**
 * AGAP.PAYBACK: periods until the benefits, less any per-period costs, cover the upfront costs.
 *
 * @example
 * paybackCore(3000, [[900, 900, 900, 900, 900]], 150) //=> 4
 * paybackCore(3000, [[900, 900, 900]], 150) //=> FormulaError { code: "#N/A", message: "benefits: not paid back. …" }
 */
export function paybackCore(costs: unknown, benefits: unknown, perPeriodCosts?: unknown): ResultValue {
  const cost = readCosts(costs, perPeriodCosts);
  if (cost instanceof FormulaError) return cost;
  const series = readSeries(benefits, "benefits");
  if (series instanceof FormulaError) return series;
  const nets = cost.perPeriod === 0 ? series : series.map((benefit) => benefit - cost.perPeriod);
  const periods = paybackPeriods(cost.oneOff, nets);
  return periods === null
    ? new FormulaError("#N/A", messages.notPaidBack(series.length, cost.perPeriod !== 0))
    : periods;
}

export function layerCore(answers: unknown): ResultGrid {
  return perProfile(mapRows(answers, "answers", LAYOUT.layerAnswers, layerScore));
}

export function scoresCore(answers: unknown): ResultGrid {
  return widePerProfile(mapRows(answers, "answers", LAYOUT.allAnswers, scoresFromAnswerList), LAYER_COUNT);
}

export function bandCore(gapOrScores: unknown, thresholds?: unknown): ResultGrid {
  const limits = readThresholds(thresholds);
  if (limits instanceof FormulaError) return failed(limits);
  const grid = toGrid(gapOrScores);
  if (grid.length === 1 && grid[0].length === 1) {
    const gap = readNumber(grid[0][0], "gap_or_scores", SPEC.gap, "the gap");
    return [[gap instanceof FormulaError ? gap : bandOf(gap, limits)]];
  }
  return perProfile(
    mapRows(gapOrScores, "gap_or_scores", LAYOUT.scores, (row) => bandOf(1 - realizedValue(row), limits)),
  );
}

export function weakestCore(scores: unknown, labels?: unknown): ResultGrid {
  const names = readLabels(labels);
  if (names instanceof FormulaError) return failed(names);
  const layerNames = names ?? LAYERS.map((layer) => layer.name);
  return perProfile(mapRows(scores, "scores", LAYOUT.scores, (row) => layerNames[weakestLayerIndex(row)]));
}

export function liftCore(scores: unknown, layer: unknown, delta: unknown): ResultGrid {
  const index = readLayer(layer);
  if (index instanceof FormulaError) return failed(index);
  const step = readScalar(delta, "delta", SPEC.delta);
  if (step instanceof FormulaError) return failed(step);
  return perProfile(mapRows(scores, "scores", LAYOUT.scores, (row) => liftedValue(row, index, step)));
}

export function sensitivityCore(scores: unknown, delta?: unknown): ResultGrid {
  const profile = oneProfile(scores);
  if (profile instanceof FormulaError) return failed(profile);
  const step = readOptionalScalar(delta, "delta", SPEC.delta, DEFAULT_DELTA);
  if (step instanceof FormulaError) return failed(step);
  return layerLifts(profile, step).map((item) => [item.layer.name, item.lift]);
}

export function planCore(scores: unknown, target: unknown): ResultGrid {
  const wanted = readSingle(target, "target");
  if (wanted instanceof FormulaError) return failed(wanted);
  if (typeof wanted === "number" && wanted > 1)
    return failed(new FormulaError("#VALUE!", messages.targetUnreachable(wanted)));
  const goal = readScalar(wanted, "target", SPEC.target);
  if (goal instanceof FormulaError) return failed(goal);
  return widePerProfile(
    mapRows(scores, "scores", LAYOUT.scores, (row) => {
      const plan = planToTarget(row, goal);
      return plan.status === "unreachable" ? row.slice() : plan.scores;
    }),
    LAYER_COUNT,
  );
}

/**
 * AGAP.ATTRIBUTION: each layer's share of the change in realized value from one profile to
 * another, five rows of layer name and share.
 *
 * @example
 * attributionCore([[0.6, 0.6, 0.5, 0.4, 0.5]], [[0.8, 0.6, 0.5, 0.6, 0.5]])
 * //=> [["Strategy Alignment", 0.015], ["Workflow Integration", 0], ["Human Oversight", 0], ["Measurement", 0.021], ["Business Adoption", 0]]
 */
export function attributionCore(before: unknown, after: unknown): ResultGrid {
  const from = oneProfile(before, "before", messages.oneProfileEach);
  if (from instanceof FormulaError) return failed(from);
  const to = oneProfile(after, "after", messages.oneProfileEach);
  if (to instanceof FormulaError) return failed(to);
  return attribution(from, to).map((item) => [item.layer.name, item.share]);
}

/** The core of every function, by its metadata id. */
export const CORES = {
  REALIZED: realizedCore,
  GAP: gapCore,
  STAGE: stageCore,
  CURVE: curveCore,
  ROI: roiCore,
  PROJECTED: projectedCore,
  PAYBACK: paybackCore,
  LAYER: layerCore,
  SCORES: scoresCore,
  BAND: bandCore,
  WEAKEST: weakestCore,
  LIFT: liftCore,
  SENSITIVITY: sensitivityCore,
  PLAN: planCore,
  ATTRIBUTION: attributionCore,
} as const;

export type FunctionId = keyof typeof CORES;
