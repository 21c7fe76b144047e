// The limits of every kind of number AGAP reads, declared once as data. The custom functions,
// the task pane's fields and the workbook's table readers all check numbers against these.

/** What one kind of number allows. */
export interface Limit {
  /** Lowest allowed value; -Infinity when there is none. */
  readonly min: number;
  /** Highest allowed value; Infinity when there is none. */
  readonly max: number;
  /** True when min itself is not allowed. */
  readonly minExclusive: boolean;
  /** True when max itself is not allowed. */
  readonly maxExclusive: boolean;
  /** True when only whole numbers are allowed. */
  readonly whole: boolean;
  /** What is allowed, worded to follow "Enter": "a number from 0 to 1 (0% to 100%)". */
  readonly allowed: string;
}

/** Builds a limit; finite values are always required, so a limit never needs to say so. */
function limit(min: number, max: number, allowed: string, options: Partial<Limit> = {}): Limit {
  return { min, max, minExclusive: false, maxExclusive: false, whole: false, allowed, ...options };
}

/** Every kind of number, with its limits. */
export const LIMITS = {
  /** One answer to an assessment statement. */
  answer: limit(0, 5, "a whole answer from 0 to 5", { whole: true }),
  /** A layer score. */
  score: limit(0, 1, "a number from 0 to 1 (0% to 100%)"),
  /** An execution gap. */
  gap: limit(0, 1, "a gap from 0 to 1 (0% to 100%)"),
  /** A change to a layer score. */
  delta: limit(-1, 1, "a change from -1 to 1"),
  /** A target realized value. */
  target: limit(0, 1, "a target realized value above 0 and at most 1", { minExclusive: true }),
  /** An amount of money: a cost, a value per unit, an expected value. */
  money: limit(0, Infinity, "a number of 0 or more"),
  /** Any finite number: a metric, a benefit. */
  number: limit(-Infinity, Infinity, "a number"),
  /** Periods observed since go-live; fractions count (2.5 months observed is meaningful). */
  periods: limit(0, Infinity, "a number of periods above 0", { minExclusive: true }),
  /** Periods a business case covers; NPV and payback count whole periods. */
  horizon: limit(1, Infinity, "a whole number of periods of 1 or more", { whole: true }),
  /** A discount rate per period; above -100%, where discounting stops making sense. */
  discountRate: limit(-1, Infinity, "a rate per period above -1 (-100%), such as 0.01 for 1% a month", {
    minExclusive: true,
  }),
  /** One band threshold: a gap limit. */
  threshold: limit(0, 1, "a gap limit from 0 to 1"),
} satisfies Record<string, Limit>;

export type LimitKind = keyof typeof LIMITS;

/**
 * Checks a number against a limit: null when it is allowed, otherwise a sentence saying what is
 * wrong.
 *
 * @example
 * checkLimit(LIMITS.score, 0.4) //=> null
 * checkLimit(LIMITS.score, 1.2) //=> "Must be at most 1."
 * checkLimit(LIMITS.horizon, 2.5) //=> "Must be a whole number."
 */
export function checkLimit(limit: Limit, value: number): string | null {
  if (!Number.isFinite(value)) return "Must be a finite number.";
  if (limit.whole && !Number.isInteger(value)) return "Must be a whole number.";
  if (value < limit.min || (limit.minExclusive && value === limit.min)) {
    return `Must be ${limit.minExclusive ? "above" : "at least"} ${limit.min}.`;
  }
  if (value > limit.max || (limit.maxExclusive && value === limit.max)) {
    return `Must be ${limit.maxExclusive ? "below" : "at most"} ${limit.max}.`;
  }
  return null;
}
