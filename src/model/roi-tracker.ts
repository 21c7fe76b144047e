import { measuredRoi, paybackPeriods, projectedValue, type Direction } from "./roi";
import { parseIsoDate } from "./roadmap";

/** One row of the ROI tracker: one metric of one workflow, filled in over time. */
export interface RoiEntry {
  id: string;
  workflow: string;
  metric: string;
  unit: string;
  direction: Direction;
  /** The metric per period before go-live; null until captured. */
  baseline: number | null;
  /** ISO date the baseline was measured; "" until captured. */
  baselineDate: string;
  /** ISO date the agent went live; "" until known. */
  goLiveDate: string;
  /** The metric per period after go-live; null until measured. */
  current: number | null;
  valuePerUnit: number | null;
  build: number | null;
  integrate: number | null;
  govern: number | null;
  maintain: number | null;
  /** Periods observed since go-live, over which the improvement is measured. */
  periods: number | null;
  /** Periods the business case covers, for NPV and payback. */
  horizon: number | null;
  /** Discount rate per period, e.g. 0.01 for 1% a month. */
  discountRate: number | null;
  /** The business case's expected value in money, for the projected (not measured) view. */
  expectedValue: number | null;
}

/** The fields of an ROI entry that hold a number (or null until known). */
export type RoiNumberField = {
  [K in keyof RoiEntry]: RoiEntry[K] extends number | null ? K : never;
}[keyof RoiEntry];

export type RoiFlagCode = "no-baseline" | "baseline-after-go-live" | "no-costs" | "short-observation";

export interface RoiFlag {
  code: RoiFlagCode;
  message: string;
}

/** Total of the four cost lines; null when none is entered. */
export function totalCost(entry: Pick<RoiEntry, "build" | "integrate" | "govern" | "maintain">): number | null {
  const lines = [entry.build, entry.integrate, entry.govern, entry.maintain].filter((v): v is number => v !== null);
  return lines.length === 0 ? null : lines.reduce((sum, v) => sum + v, 0);
}

/**
 * What stands between this row and a defensible ROI.
 *
 * @example
 * roiFlags({ ...entry, baselineDate: "2026-03-01", goLiveDate: "2026-02-01" }).map((f) => f.code)
 * //=> ["baseline-after-go-live"]
 */
export function roiFlags(entry: RoiEntry): RoiFlag[] {
  const flags: RoiFlag[] = [];
  if (entry.baseline === null) {
    flags.push({ code: "no-baseline", message: "No baseline captured: the return cannot be proven." });
  } else if (entry.baselineDate && entry.goLiveDate) {
    const captured = parseIsoDate(entry.baselineDate);
    const live = parseIsoDate(entry.goLiveDate);
    if (captured !== null && live !== null && captured > live) {
      flags.push({
        code: "baseline-after-go-live",
        message:
          "Baseline captured after go-live: it may already include the agent's effect, so the ROI is not defensible.",
      });
    }
  }
  if (totalCost(entry) === null) {
    flags.push({ code: "no-costs", message: "No costs entered: ROI is net of build, integrate, govern and maintain." });
  }
  if (entry.periods !== null && entry.horizon !== null && entry.periods < entry.horizon) {
    flags.push({
      code: "short-observation",
      message: `Only ${entry.periods} of ${entry.horizon} periods observed: the measured ROI covers part of the horizon.`,
    });
  }
  return flags;
}

/**
 * Net present value of cash flows at the end of each period, as Excel's NPV counts them.
 *
 * @example
 * netPresentValue(0.1, [-100, 60, 60]) //=> 3.756574004507897
 */
export function netPresentValue(rate: number, flows: readonly number[]): number {
  return flows.reduce((sum, flow, i) => sum + flow / Math.pow(1 + rate, i + 1), 0);
}

/** The figures of one ROI row. Measured and projected are kept apart, and measured needs a baseline. */
export interface RoiFigures {
  flags: RoiFlag[];
  /** Measured ROI over the observed periods; null without a baseline, current value, value per unit or cost. */
  measuredRoi: number | null;
  /** NPV over the horizon: −cost now, then the measured benefit per period. */
  npv: number | null;
  /** Periods until the measured benefit covers the cost; null when never within the horizon. */
  payback: number | null;
  /** Expected value × realized share of the workflow's latest scores: the business-case view. */
  projected: number | null;
}

/**
 * Computes the row's figures; each is null where its inputs are missing, never a made-up number.
 *
 * @example
 * roiFigures({ ...entry, baseline: 40, current: 25, valuePerUnit: 60, build: 3000, integrate: 1000, govern: 500, maintain: 500, periods: 12, horizon: 12, discountRate: 0 }, null).measuredRoi
 * //=> 1.16
 */
export function roiFigures(entry: RoiEntry, latestScores: readonly number[] | null): RoiFigures {
  const flags = roiFlags(entry);
  const cost = totalCost(entry);
  const measurable = entry.baseline !== null && entry.current !== null && entry.valuePerUnit !== null && cost !== null;
  let measured: number | null = null;
  let npv: number | null = null;
  let payback: number | null = null;
  if (measurable) {
    const base = {
      baseline: entry.baseline!,
      current: entry.current!,
      valuePerUnit: entry.valuePerUnit!,
      direction: entry.direction,
    };
    if (entry.periods !== null && entry.periods > 0)
      measured = measuredRoi({ ...base, cost: cost!, periods: entry.periods }).roi;
    const perPeriod = measuredRoi({ ...base, cost: 0, periods: 1 }).benefit;
    if (entry.horizon !== null && entry.horizon > 0) {
      const benefits = Array.from({ length: Math.ceil(entry.horizon) }, () => perPeriod);
      payback = paybackPeriods(cost!, benefits);
      if (entry.discountRate !== null) npv = netPresentValue(entry.discountRate, benefits) - cost!;
    }
  }
  const projected =
    entry.expectedValue !== null && latestScores !== null ? projectedValue(entry.expectedValue, latestScores) : null;
  return { flags, measuredRoi: measured, npv, payback, projected };
}
