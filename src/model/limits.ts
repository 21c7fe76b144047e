// The limits of every kind of number AGAP reads, declared once as data. The custom functions,
// the task pane's fields and the workbook's table readers all check numbers against these, so
// one number is never accepted in one place and refused in another.
import { ANSWER_MAX, ANSWER_MIN } from "./assessment";
import { LAYER_COUNT } from "./layers";
import { MATURITY_STAGES } from "./maturity";

/** What one kind of number allows. Every limit also requires a finite number. */
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

function limit(min: number, max: number, allowed: string, options: Partial<Limit> = {}): Limit {
  return Object.freeze({ min, max, minExclusive: false, maxExclusive: false, whole: false, allowed, ...options });
}

/** Every kind of number, with its limits. */
export const LIMITS = Object.freeze({
  /** One respondent's answer to an assessment statement. */
  answer: limit(ANSWER_MIN, ANSWER_MAX, "a whole answer from 0 to 5", { whole: true }),
  /**
   * An answer as the formulas take it: fractions are allowed, so that a team's mean answers can
   * be scored and so that a layer score such as 0.5 (a mean of 2.5) can be reached.
   */
  meanAnswer: limit(ANSWER_MIN, ANSWER_MAX, "an answer from 0 to 5"),
  /** A layer score. */
  score: limit(0, 1, "a number from 0 to 1 (0% to 100%)"),
  /** An execution gap. */
  gap: limit(0, 1, "a gap from 0 to 1 (0% to 100%)"),
  /** A change to a layer score. */
  delta: limit(-1, 1, "a change from -1 to 1"),
  /** A target realized value; 0 is refused because every profile already reaches it. */
  target: limit(0, 1, "a target realized value above 0 and at most 1", { minExclusive: true }),
  /** An amount of money: a cost, a value per unit, an expected value. */
  money: limit(0, Infinity, "a number of 0 or more"),
  /** Any finite number: a metric, a benefit. */
  number: limit(-Infinity, Infinity, "a number"),
  /** Periods observed since go-live; fractions count, as 2.5 months observed is meaningful. */
  periods: limit(0, Infinity, "a number of periods above 0", { minExclusive: true }),
  /** Periods a business case covers: NPV and payback count whole periods. */
  horizon: limit(1, Infinity, "a whole number of periods, 1 or more", { whole: true }),
  /** A discount rate per period; at -1 (-100%) or below, discounting divides by 0 or flips sign. */
  discountRate: limit(-1, Infinity, "a rate per period above -1 (-100%), such as 0.01 for 1% a period", {
    minExclusive: true,
  }),
  /** One band threshold: a gap limit. */
  threshold: limit(0, 1, "a gap limit from 0 to 1"),
  /** A stage of the decay curve, 0 (expected value) to 5 (after the last layer). */
  curveStage: limit(0, LAYER_COUNT, "a whole stage number from 0 to 5", { whole: true }),
  /** A layer by its position, 1 to 5. */
  layer: limit(1, LAYER_COUNT, "a whole layer number from 1 to 5", { whole: true }),
  /** A maturity stage of a workflow, 1 (Exploratory) to 5. */
  maturityStage: limit(1, MATURITY_STAGES.length, "a whole stage from 1 to 5", { whole: true }),
});

/** The name of one kind of number. */
export type LimitKind = keyof typeof LIMITS;

/**
 * True when a number is within a limit: finite, whole where required, between min and max.
 *
 * @example
 * withinLimit(LIMITS.periods, 2.5) //=> true
 * withinLimit(LIMITS.horizon, 2.5) //=> false
 * withinLimit(LIMITS.money, Infinity) //=> false
 */
export function withinLimit(limit: Limit, value: number): boolean {
  return (
    value >= limit.min &&
    value <= limit.max &&
    Number.isFinite(value) &&
    !(limit.minExclusive && value === limit.min) &&
    !(limit.maxExclusive && value === limit.max) &&
    !(limit.whole && !Number.isInteger(value))
  );
}

/**
 * Checks a number against a limit: null when it is allowed, otherwise a sentence saying what is
 * wrong. `show` writes the bound in the sentence, e.g. as a percentage for a percent field.
 *
 * @example
 * checkLimit(LIMITS.score, 0.4) //=> null
 * checkLimit(LIMITS.score, 1.2) //=> "Must be at most 1."
 * checkLimit(LIMITS.periods, 0) //=> "Must be above 0."
 * checkLimit(LIMITS.horizon, 2.5) //=> "Enter a whole number."
 * checkLimit(LIMITS.discountRate, -1, (v) => `${v * 100}%`) //=> "Must be above -100%."
 */
export function checkLimit(limit: Limit, value: number, show: (bound: number) => string = String): string | null {
  if (withinLimit(limit, value)) return null;
  if (!Number.isFinite(value)) return "Enter a finite number.";
  if (limit.whole && !Number.isInteger(value)) return "Enter a whole number.";
  if (value <= limit.min) return `Must be ${limit.minExclusive ? "above" : "at least"} ${show(limit.min)}.`;
  return `Must be ${limit.maxExclusive ? "below" : "at most"} ${show(limit.max)}.`;
}
