// Reading numbers typed into the pane's fields. Every problem becomes a message for the field;
// what was typed is kept as typed.

import type { Limit } from "../../model";

export type Parsed = { ok: true; value: number | null } | { ok: false; message: string };

export interface NumberRule {
  min?: number;
  max?: number;
  /** True when min itself is not allowed. */
  minExclusive?: boolean;
  integer?: boolean;
  /** Blank allowed (value null). */
  optional?: boolean;
  /** The field holds a percentage: "45" or "45%" both mean 0.45. */
  percent?: boolean;
}

/**
 * A field's rule from the model's limits, so the pane accepts exactly what the functions and the
 * workbook's readers accept.
 *
 * @example
 * ruleFromLimit(LIMITS.horizon, { optional: true }) //=> { min: 1, integer: true, optional: true }
 */
export function ruleFromLimit(limit: Limit, options: Pick<NumberRule, "optional" | "percent"> = {}): NumberRule {
  return {
    ...(Number.isFinite(limit.min) ? { min: limit.min, minExclusive: limit.minExclusive } : {}),
    ...(Number.isFinite(limit.max) ? { max: limit.max } : {}),
    ...(limit.whole ? { integer: true } : {}),
    ...options,
  };
}

/**
 * Parses a typed number against a rule.
 *
 * @example
 * parseNumber("45%", { percent: true, min: 0, max: 1 }) //=> { ok: true, value: 0.45 }
 * parseNumber("abc", {}) //=> { ok: false, message: "Enter a number, not “abc”." }
 */
export function parseNumber(text: string, rule: NumberRule): Parsed {
  const typed = text.trim();
  if (typed === "") return rule.optional ? { ok: true, value: null } : { ok: false, message: "Required." };
  // Commas only as thousands separators (1,250.5); "2,5" is refused rather than read as 25.
  if (typed.includes(",") && !/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?%?$/.test(typed)) {
    return { ok: false, message: "Write decimals with a point (2.5), not a comma." };
  }
  const trimmed = typed.replace(/,/g, "");
  const number = Number(trimmed.endsWith("%") ? trimmed.slice(0, -1) : trimmed);
  if (!Number.isFinite(number)) return { ok: false, message: `Enter a number, not “${text.trim()}”.` };
  const value = rule.percent ? number / 100 : number;
  const show = (v: number) => (rule.percent ? `${Math.round(v * 1000) / 10}%` : String(v));
  if (rule.integer && !Number.isInteger(value)) return { ok: false, message: "Enter a whole number." };
  if (rule.min !== undefined && (value < rule.min || (rule.minExclusive && value === rule.min))) {
    return { ok: false, message: `Must be ${rule.minExclusive ? "above" : "at least"} ${show(rule.min)}.` };
  }
  if (rule.max !== undefined && value > rule.max) return { ok: false, message: `Must be at most ${show(rule.max)}.` };
  return { ok: true, value };
}
