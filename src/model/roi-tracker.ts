import { measuredRoi, projectedValue, type Direction } from "./roi";
import { parseIsoDate } from "./roadmap";
import { LIMITS, withinLimit } from "./limits";

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
  /** One-off costs: build, integrate and govern, each paid once. */
  build: number | null;
  integrate: number | null;
  govern: number | null;
  /** Cost per period: maintaining the agent, paid every period it runs. */
  maintain: number | null;
  /** Periods observed since go-live, over which the improvement is measured; fractions allowed. */
  periods: number | null;
  /** Whole periods the business case covers, for NPV and payback. */
  horizon: number | null;
  /** Discount rate per period, e.g. 0.01 for 1% a month; above -1. */
  discountRate: number | null;
  /** The business case's expected value in money, for the projected (not measured) view. */
  expectedValue: number | null;
}

/** The fields of an ROI entry that hold a number (or null until known). */
export type RoiNumberField = {
  [K in keyof RoiEntry]: RoiEntry[K] extends number | null ? K : never;
}[keyof RoiEntry];

/** Every number field of an ROI entry, in form order; the record type below fails to compile if one is missing. */
export const ROI_NUMBER_FIELDS: readonly RoiNumberField[] = Object.keys({
  baseline: true,
  current: true,
  valuePerUnit: true,
  build: true,
  integrate: true,
  govern: true,
  maintain: true,
  periods: true,
  horizon: true,
  discountRate: true,
  expectedValue: true,
} satisfies Record<RoiNumberField, true>) as RoiNumberField[];

export type RoiFlagCode = "no-baseline" | "baseline-after-go-live" | "no-costs" | "short-observation";

/** Each flag in a few words, in the order roiFlags raises them, for places too narrow for its sentence. */
export const ROI_FLAG_SHORT: Readonly<Record<RoiFlagCode, string>> = {
  "no-baseline": "no baseline",
  "baseline-after-go-live": "baseline after go-live",
  "no-costs": "no costs",
  "short-observation": "part of horizon observed",
};

export interface RoiFlag {
  code: RoiFlagCode;
  /** The flag in words, numbers written plainly ("0.8"); see roiFlagText for the user's locale. */
  message: string;
  /** For "short-observation": the periods observed and the horizon, for writing in a locale. */
  observed?: { periods: number; horizon: number };
}

/**
 * Whether any cost was entered: the four lines summed as they stand, null when none is entered
 * (the no-costs flag). It adds one period's maintain to the one-off costs, so it is not the cost
 * of an ROI; the figures use oneOffCost and perPeriodCost.
 *
 * @example
 * totalCost({ build: 3000, integrate: 1000, govern: null, maintain: 150 }) //=> 4150
 * totalCost({ build: null, integrate: null, govern: null, maintain: null }) //=> null
 */
export function totalCost(entry: Pick<RoiEntry, "build" | "integrate" | "govern" | "maintain">): number | null {
  const lines = [entry.build, entry.integrate, entry.govern, entry.maintain].filter((v): v is number => v !== null);
  return lines.length === 0 ? null : lines.reduce((sum, v) => sum + v, 0);
}

/**
 * Costs paid once: build + integrate + govern, a blank line counting 0.
 *
 * @example
 * oneOffCost({ build: 3000, integrate: 1000, govern: null }) //=> 4000
 */
export function oneOffCost(entry: Pick<RoiEntry, "build" | "integrate" | "govern">): number {
  return (entry.build ?? 0) + (entry.integrate ?? 0) + (entry.govern ?? 0);
}

/**
 * Cost paid every period: maintain, 0 when blank.
 *
 * @example
 * perPeriodCost({ maintain: 150 }) //=> 150
 * perPeriodCost({ maintain: null }) //=> 0
 */
export function perPeriodCost(entry: Pick<RoiEntry, "maintain">): number {
  return entry.maintain ?? 0;
}

/**
 * Measured benefit per period: the improvement (baseline − current when lower is better,
 * current − baseline when higher is better) × value per unit. Null until all three are known.
 *
 * @example
 * benefitPerPeriod({ direction: "lower", baseline: 40, current: 25, valuePerUnit: 60 }) //=> 900
 * benefitPerPeriod({ direction: "higher", baseline: 40, current: null, valuePerUnit: 60 }) //=> null
 */
export function benefitPerPeriod(
  entry: Pick<RoiEntry, "direction" | "baseline" | "current" | "valuePerUnit">,
): number | null {
  const { baseline, current, valuePerUnit } = entry;
  if (baseline === null || current === null || valuePerUnit === null) return null;
  return (entry.direction === "higher" ? current - baseline : baseline - current) * valuePerUnit;
}

/**
 * The words of each flag. The short-observation flag is built from three parts around the two
 * counts, so the workbook's flag formula can put the same sentence together from its cells.
 */
export const ROI_FLAG_TEXT = {
  noBaseline: "No baseline captured: the return cannot be proven.",
  afterGoLive:
    "Baseline captured after go-live: it may already include the agent's effect, so the ROI is not defensible.",
  noCosts: "No costs entered: ROI is net of build, integrate, govern and maintain.",
  shortBefore: "Only ",
  shortMiddle: " of ",
  shortAfter: " periods observed: the measured ROI covers part of the horizon.",
} as const;

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
    flags.push({ code: "no-baseline", message: ROI_FLAG_TEXT.noBaseline });
  } else if (entry.baselineDate && entry.goLiveDate) {
    const captured = parseIsoDate(entry.baselineDate);
    const live = parseIsoDate(entry.goLiveDate);
    if (captured !== null && live !== null && captured > live) {
      flags.push({ code: "baseline-after-go-live", message: ROI_FLAG_TEXT.afterGoLive });
    }
  }
  if (totalCost(entry) === null) {
    flags.push({ code: "no-costs", message: ROI_FLAG_TEXT.noCosts });
  }
  if (entry.periods !== null && entry.horizon !== null && entry.periods < entry.horizon) {
    const observed = { periods: entry.periods, horizon: entry.horizon };
    flags.push({ code: "short-observation", message: shortObservationText(observed, String), observed });
  }
  return flags;
}

function shortObservationText(observed: { periods: number; horizon: number }, write: (value: number) => string) {
  const { shortBefore, shortMiddle, shortAfter } = ROI_FLAG_TEXT;
  return `${shortBefore}${write(observed.periods)}${shortMiddle}${write(observed.horizon)}${shortAfter}`;
}

/**
 * A flag in words, its numbers written by `write`: the pane passes its locale's writer, so that a
 * German pane says "Only 0,8 of 12 periods observed", as the sheet's formula does in German Excel.
 *
 * @example
 * const [flag] = roiFlags({ ...entry, periods: 0.8, horizon: 12 });
 * roiFlagText(flag, (n) => String(n).replace(".", ","))
 * //=> "Only 0,8 of 12 periods observed: the measured ROI covers part of the horizon."
 */
export function roiFlagText(flag: RoiFlag, write: (value: number) => string = String): string {
  return flag.observed ? shortObservationText(flag.observed, write) : flag.message;
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

/**
 * NPV of a one-off cost paid now and the same net flow at the end of each of `horizon` periods:
 * net × (1 − (1 + rate)^−horizon) ÷ rate − oneOff, or net × horizon − oneOff at rate 0. This is
 * the sheet's `-PV(rate, horizon, net) - oneOff`. Null when the horizon is not a whole number of
 * 1 or more, the rate is -1 or less, or the rate is so large that the result overflows.
 *
 * @example
 * levelNpv(0.1, 2, 900, 1000) //=> 561.9834710743812
 * levelNpv(0, 12, 750, 3000) //=> 6000
 * levelNpv(0.1, 2.5, 900, 1000) //=> null
 */
export function levelNpv(rate: number, horizon: number, net: number, oneOff: number): number | null {
  if (!withinLimit(LIMITS.horizon, horizon) || !withinLimit(LIMITS.discountRate, rate)) return null;
  if (rate === 0) return net * horizon - oneOff;
  // Computed in the order of the spreadsheet's PV, so that the sheet and the model agree to the last digits.
  const growth = Math.pow(1 + rate, horizon);
  const npv = -(((1 - growth) * net) / rate / growth) - oneOff;
  // An absurd rate overflows (1 + rate)^horizon; no number is better than NaN.
  return Number.isFinite(npv) ? npv : null;
}

/**
 * Periods until the same net flow each period covers a one-off cost: oneOff ÷ net. 0 when there
 * is no one-off cost; null when the net flow is 0 or less, when it takes longer than the horizon,
 * or when the horizon is not a whole number of 1 or more.
 *
 * @example
 * levelPayback(3000, 750, 12) //=> 4
 * levelPayback(3000, 750, 3) //=> null
 * levelPayback(0, -50, 12) //=> 0
 */
export function levelPayback(oneOff: number, net: number, horizon: number): number | null {
  if (!withinLimit(LIMITS.horizon, horizon)) return null;
  if (oneOff <= 0) return 0;
  if (net <= 0) return null;
  const periods = oneOff / net;
  return periods > horizon ? null : periods;
}

/** The figures of one ROI row. Measured and projected are kept apart, and measured needs a baseline. */
export interface RoiFigures {
  flags: RoiFlag[];
  /**
   * Measured ROI over the observed periods: (benefit per period × periods − cost) ÷ cost, where
   * cost = one-off costs + maintain × periods. Null without a baseline, current value, value per
   * unit, any cost or periods above 0, and when the cost is 0.
   */
  measuredRoi: number | null;
  /** NPV over the horizon: −one-off costs now, then benefit − maintain each period (levelNpv). */
  npv: number | null;
  /** Periods until benefit − maintain each period covers the one-off costs (levelPayback). */
  payback: number | null;
  /** Expected value × realized share of the workflow's latest scores: the business-case view. */
  projected: number | null;
}

/**
 * Computes the row's figures; each is null where its inputs are missing, never a made-up number.
 * Maintain is a cost per period: it is counted once for every period observed (measured ROI)
 * and taken off the benefit of every period (NPV, payback).
 *
 * @example
 * const row = { ...entry, baseline: 40, current: 25, valuePerUnit: 60, build: 2000, integrate: 500, govern: 500, maintain: 150, periods: 12, horizon: 12, discountRate: 0 };
 * roiFigures(row, null)
 * //=> { flags: [], measuredRoi: 1.25, npv: 6000, payback: 4, projected: null }
 */
export function roiFigures(entry: RoiEntry, latestScores: readonly number[] | null): RoiFigures {
  const flags = roiFlags(entry);
  const benefit = benefitPerPeriod(entry);
  let measured: number | null = null;
  let npv: number | null = null;
  let payback: number | null = null;
  if (benefit !== null && totalCost(entry) !== null) {
    const oneOff = oneOffCost(entry);
    const perPeriod = perPeriodCost(entry);
    if (entry.periods !== null && withinLimit(LIMITS.periods, entry.periods)) {
      measured = measuredRoi({
        baseline: entry.baseline!,
        current: entry.current!,
        valuePerUnit: entry.valuePerUnit!,
        direction: entry.direction,
        cost: oneOff,
        costPerPeriod: perPeriod,
        periods: entry.periods,
      }).roi;
    }
    const net = benefit - perPeriod;
    if (entry.horizon !== null) {
      payback = levelPayback(oneOff, net, entry.horizon);
      if (entry.discountRate !== null) npv = levelNpv(entry.discountRate, entry.horizon, net, oneOff);
    }
  }
  const projected =
    entry.expectedValue !== null && latestScores !== null ? projectedValue(entry.expectedValue, latestScores) : null;
  return { flags, measuredRoi: measured, npv, payback, projected };
}
