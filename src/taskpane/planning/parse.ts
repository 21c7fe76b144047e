// Reading numbers typed into the pane's fields, in the user's locale (../locale.ts). Every problem
// becomes a message for the field; what was typed is kept as typed. A reading that another locale
// would make differently ("1.500", "1,500") is accepted with a note saying what was understood.

import type { Limit } from "../../model";
import { localize, numberLocale, type NumberLocale } from "../locale";

export type Parsed = { ok: true; value: number | null; note?: string } | { ok: false; message: string };

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
  /**
   * The field holds points of a layer score (pts), one answer step being 20: "10" or "10 pts" both
   * mean 0.10. "%" is refused, so that a step in points is never read as a percentage.
   */
  points?: boolean;
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
 * A number as it should be put back into a field: every digit it has, no grouping, the locale's
 * decimal separator. parseNumber reads it back as the same number.
 *
 * @example
 * numberText(1500.5) //=> "1500.5" (en-US); "1500,5" (de-DE)
 * numberText(46.7)   //=> "46.7"
 */
export function numberText(value: number, locale: NumberLocale = numberLocale()): string {
  let text = String(value);
  // Beyond 1e21 or below 1e-6 String() writes an exponent, which parseNumber refuses.
  if (/e/i.test(text)) {
    text = new Intl.NumberFormat("en-US", { useGrouping: false, maximumSignificantDigits: 17 }).format(value);
  }
  return text.replace(".", locale.decimal);
}

/**
 * A share as the text of a percent field: 0.07 → "7" (not 7.000000000000001), in the locale.
 *
 * @example
 * percentText(0.07)   //=> "7"
 * percentText(0.125)  //=> "12.5" (en-US); "12,5" (de-DE)
 */
export function percentText(share: number, locale: NumberLocale = numberLocale()): string {
  // 15 significant digits drop the binary noise of × 100 and keep every digit a person typed.
  return numberText(Number((share * 100).toPrecision(15)), locale);
}

// ---------------------------------------------------------------------------------------------
// Numbers in words, for the notes on ambiguous input ("one thousand five hundred").

const ONES = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

function below1000(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const tail = rest < 20 ? ONES[rest] : `${TENS[Math.floor(rest / 10)]}${rest % 10 ? `-${ONES[rest % 10]}` : ""}`;
  if (!hundreds) return tail;
  return rest ? `${ONES[hundreds]} hundred ${tail}` : `${ONES[hundreds]} hundred`;
}

/** "1500", "5" → "one thousand five hundred point five"; whole parts up to 999,999 (the notes need no more). */
function words(whole: string, fraction: string, negative: boolean): string | null {
  const n = Number(whole || "0");
  if (n >= 1_000_000) return null;
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  let text = thousands ? `${below1000(thousands)} thousand${rest ? ` ${below1000(rest)}` : ""}` : below1000(rest);
  const digits = fraction.replace(/0+$/, "");
  if (digits) text += ` point ${[...digits].map((d) => ONES[Number(d)]).join(" ")}`;
  return negative ? `minus ${text}` : text;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Marks that are invisible but may come with pasted numbers (bidi marks, zero-width spaces). */
const INVISIBLE = /[\u200b-\u200f\u2060\u061c\ufeff]/g;

/** ISO 4217 codes: what Intl knows where it can list them, else the common ones. */
const CURRENCY_CODES = new Set(
  (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.("currency") ?? [
    ..."USD EUR GBP JPY CHF CAD AUD NZD CNY HKD SGD INR SEK NOK DKK PLN CZK HUF BRL MXN ZAR KRW TRY RUB ILS AED SAR".split(
      " ",
    ),
  ],
);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A currency symbol (with an optional letter prefix: US$, R$) or a currency code, at either end. */
function stripCurrency(body: string, locale: NumberLocale): { body: string; currency: boolean } {
  const own = locale.currency ? `|${escape(locale.currency)}` : "";
  const symbol = `(?:[A-Za-z]{0,3}\\p{Sc}${own}|[A-Za-z]{3}(?![A-Za-z]))`;
  const lead = new RegExp(`^${symbol}\\s*`, "u").exec(body);
  if (lead && isCurrency(lead[0], locale)) return { body: body.slice(lead[0].length), currency: true };
  const trail = new RegExp(`\\s*(?<![A-Za-z])${symbol.replace("(?![A-Za-z])", "")}$`, "u").exec(body);
  if (trail && isCurrency(trail[0], locale)) return { body: body.slice(0, -trail[0].length), currency: true };
  return { body, currency: false };
}

function isCurrency(found: string, locale: NumberLocale): boolean {
  const text = found.trim();
  if (/\p{Sc}/u.test(text) || text === locale.currency) return true;
  return CURRENCY_CODES.has(text.toUpperCase());
}

type Reading =
  | { ok: true; value: number; whole: string; fraction: string; separators: string }
  | { ok: false; why: "decimals" | "grouped-fraction" | "foreign" | "mixed" | "groups" | "empty" };

/** Spaces of every width are one grouping mark, and so are the two apostrophes. */
const canonical = (s: string) => s.replace(/\s/g, " ").replace(/[\u2019\u02bc]/g, "'");

/**
 * Digits and separators read with one decimal separator and one grouping mark (a space always
 * groups too). Groups must be three digits, after a first group of one to three.
 */
function readWith(body: string, decimal: string, group: string): Reading {
  const pieces = body.split(decimal);
  if (pieces.length > 2) return { ok: false, why: "decimals" };
  const [whole, fraction = ""] = pieces;
  if (!/^\d*$/.test(fraction)) return { ok: false, why: /^[\d ,.']*$/.test(fraction) ? "grouped-fraction" : "foreign" };
  if (!/\d/.test(whole + fraction)) return { ok: false, why: "empty" };
  const separators = whole.replace(/\d/g, "");
  if (separators) {
    const mark = separators[0];
    if (mark !== group && mark !== " ") return { ok: false, why: "foreign" };
    if ([...separators].some((s) => s !== mark)) return { ok: false, why: "mixed" };
    if (!new RegExp(`^[1-9]\\d{0,2}(?:${escape(mark)}\\d{3})+$`).test(whole)) return { ok: false, why: "groups" };
  }
  const digits = whole.replace(/\D/g, "");
  return {
    ok: true,
    value: Number(`${digits || "0"}.${fraction || "0"}`),
    whole: digits,
    fraction,
    separators: separators + (pieces.length === 2 ? decimal : ""),
  };
}

const groupName = (group: string) => (group === " " ? "a space" : group ? `“${group}”` : "nothing");

/** Why a text is not a number here, in words that say what to type instead. */
function explain(body: string, why: Exclude<Reading, { ok: true }>["why"], locale: NumberLocale, sign: string) {
  const decimal = locale.decimal;
  const group = canonical(locale.group);
  const grouping =
    group && group !== " "
      ? `digits are grouped with ${groupName(group)} or a space`
      : "digits are grouped with a space";
  const lone = /^([1-9]\d{0,2})([.,])(\d{3})$/.exec(body);
  if (lone && lone[2] !== decimal && lone[2] !== group) {
    // "1.500" where "." is neither separator (fr-FR): it could mean either, so ask.
    const thousands = `${sign}${lone[1]} ${lone[3]}`;
    const decimalText = `${sign}${lone[1]}${decimal}${lone[3].replace(/0+$/, "")}`.replace(/[.,]$/, "");
    return `Here “${decimal}” is the decimal separator and ${grouping}: type ${thousands} for ${words(lone[1] + lone[3], "", false)}, or ${decimalText} for ${words(lone[1], lone[3], false)}.`;
  }
  // Written the other way round ("1,5" in en-US, "1,234.56" in de-DE): say how to write it here.
  const otherDecimal = decimal === "," ? "." : ",";
  const other = readWith(body, otherDecimal, otherDecimal === "." ? "," : ".");
  if (other.ok) {
    return `Here the decimal separator is “${decimal}” and ${grouping}: type ${sign}${numberText(other.value, locale)}.`;
  }
  const example = localize(1234567, undefined, { ...locale, group: group || " " });
  switch (why) {
    case "decimals":
      return `Use the decimal separator “${decimal}” once at most.`;
    case "grouped-fraction":
      return `Group digits only before the decimal separator “${decimal}”.`;
    case "mixed":
      return `Group digits one way only, as in ${example}.`;
    case "groups":
      return `Digits are grouped in threes here, as in ${example}: group them that way, or not at all.`;
    case "foreign": {
      const stranger = [...body].find((c) => !/[\d ]/.test(c) && c !== decimal && c !== group);
      return `Here “${decimal}” is the decimal separator and ${grouping}${stranger ? `; “${stranger}” is neither` : ""}.`;
    }
    default:
      return null;
  }
}

/**
 * Parses a typed number against a rule, in the user's locale (or the one given). Currency symbols
 * and codes are dropped; hexadecimal, binary, octal, exponent and infinite forms are refused by
 * name. A reading another locale would make differently, and a percentage below 1, come with a
 * note saying what was understood.
 *
 * @example
 * parseNumber("45%", { percent: true, min: 0, max: 1 }) //=> { ok: true, value: 0.45 }
 * parseNumber("abc", {}) //=> { ok: false, message: "Enter a number, not “abc”." }
 * parseNumber("1.234,56 €", {}, numberLocaleFor("de-DE")) //=> { ok: true, value: 1234.56 }
 * parseNumber("1,500", {}) //=> { ok: true, value: 1500, note: "Read as one thousand five hundred (1500): …" }
 * parseNumber("0.5", { percent: true }) //=> { ok: true, value: 0.005, note: "Read as 0.5%. For 50%, type 50." }
 * parseNumber("10 pts", { points: true }) //=> { ok: true, value: 0.1 }
 */
export function parseNumber(text: string, rule: NumberRule, locale: NumberLocale = numberLocale()): Parsed {
  const shown = text.trim();
  let body = canonical(text.replace(INVISIBLE, "").replace(/[\u2212\u2012\u2013]/g, "-")).trim();
  if (body === "") return rule.optional ? { ok: true, value: null } : { ok: false, message: "Required." };
  const notNumber: Parsed = { ok: false, message: `Enter a number, not “${shown}”.` };

  // A sign may stand before or after a currency: "-$1,234", "$-1,234", "-1.234 €"; once only.
  let sign = "";
  const takeSign = (): boolean => {
    const match = /^([-+])\s*/.exec(body);
    if (!match) return true;
    if (sign) return false;
    sign = match[1];
    body = body.slice(match[0].length);
    return true;
  };
  takeSign();

  // Typed in hundredths of the value: a percentage, or points of a score.
  const hundredths = Boolean(rule.percent || rule.points);
  const suffix = rule.points ? " pts" : "%";
  const pointsMatch = rule.points ? /^(.*?)\s*(?:pts?|points?)$/i.exec(body) : null;
  const pointsTyped = pointsMatch !== null;
  if (pointsMatch) body = pointsMatch[1];
  const percentMatch = /^(.*?)\s*%$/.exec(body) ?? /^%\s*(.*)$/.exec(body);
  const percentTyped = percentMatch !== null;
  if (percentMatch) body = percentMatch[1];
  const stripped = stripCurrency(body, locale);
  body = stripped.body;
  if (!takeSign()) return notNumber;
  if (sign === "+") sign = "";

  if (percentTyped && rule.points)
    return { ok: false, message: "This is in points of a layer score (pts), not a percentage: type it without “%”." };
  if (percentTyped && !rule.percent)
    return { ok: false, message: "This is not a percentage: type the number without “%”." };
  if (stripped.currency && hundredths)
    return {
      ok: false,
      message: `This is ${rule.points ? "a number of points" : "a percentage"}, not an amount: type it without a currency.`,
    };
  if (percentTyped && stripped.currency) return notNumber;

  // Forms Number() would read but a person means otherwise, or would not type.
  if (/^(infinity|inf|∞)$/i.test(body)) {
    return { ok: false, message: "An infinite amount cannot be used: type a finite number." };
  }
  const based = /^0([xbo])([0-9a-f]+)$/i.exec(body);
  if (based) {
    const [name, radix] = { x: ["hexadecimal", 16], b: ["binary", 2], o: ["octal", 8] }[based[1].toLowerCase()] as [
      string,
      number,
    ];
    const value = parseInt(based[2], radix);
    const meaning = Number.isFinite(value) && !Number.isNaN(value) ? ` (${body} is ${numberText(value, locale)})` : "";
    return { ok: false, message: `“${shown}” is a ${name} number: type it in ordinary digits${meaning}.` };
  }
  const exponent = /^([\d.,' ]*\d[\d.,' ]*)e([-+]?\d+)$/i.exec(body);
  if (exponent) {
    const mantissa = readWith(exponent[1], locale.decimal, canonical(locale.group));
    const full = mantissa.ok ? Number(`${mantissa.whole || "0"}.${mantissa.fraction || "0"}e${exponent[2]}`) : NaN;
    const meaning =
      Number.isFinite(full) && Math.abs(full) < 1e15 && (full === 0 || Math.abs(full) >= 1e-9)
        ? ` (${body} is ${sign}${numberText(full, locale)})`
        : "";
    return { ok: false, message: `“${shown}” is in scientific notation: type the number in full${meaning}.` };
  }
  if (!/^[\d.,' ]+$/.test(body)) return notNumber;

  const reading = readWith(body, locale.decimal, canonical(locale.group));
  if (!reading.ok) {
    const message = explain(body, reading.why, locale, sign);
    return message ? { ok: false, message } : notNumber;
  }
  if (!Number.isFinite(reading.value)) return { ok: false, message: `“${shown}” is too large a number.` };
  const typed = sign === "-" ? -reading.value : reading.value;
  const unit = hundredths ? suffix : "";

  let note: string | undefined;
  // One "." or "," followed by exactly three digits means a thousand in one locale and a decimal
  // in another: say which reading was taken, and how to type the other.
  const lone = /^([1-9]\d{0,2})([.,])(\d{3})$/.exec(body);
  if (lone) {
    const negative = sign === "-";
    // With a currency the thousands reading is the only likely one: money has no third decimal.
    if (lone[2] === canonical(locale.group) && !stripped.currency) {
      const other = Number(`${lone[1]}.${lone[3]}`) * (negative ? -1 : 1);
      note =
        `Read as ${words(lone[1] + lone[3], "", negative)} (${numberText(typed, locale)}${unit}): here “${lone[2]}” groups thousands. ` +
        `For ${words(lone[1], lone[3], negative)}, type ${numberText(other, locale)}.`;
    } else if (lone[2] === locale.decimal) {
      const other = Number(lone[1] + lone[3]) * (negative ? -1 : 1);
      note =
        `Read as ${words(lone[1], lone[3], negative)} (${numberText(typed, locale)}${unit}): here “${lone[2]}” is the decimal separator. ` +
        `For ${words(lone[1] + lone[3], "", negative)}, type ${numberText(other, locale)}.`;
    }
  }
  // "0.5" in a percent field: 0.5% as the field says, though a fraction 0.5 would be 50% (and the
  // same in points).
  if (hundredths && !percentTyped && !pointsTyped && typed !== 0 && Math.abs(typed) < 1) {
    const hundredfold = Number(
      `${reading.whole || "0"}${reading.fraction.padEnd(2, "0").slice(0, 2)}.${reading.fraction.slice(2) || "0"}`,
    );
    const asPercent = numberText(sign === "-" ? -hundredfold : hundredfold, locale);
    note = `Read as ${numberText(typed, locale)}${suffix}. For ${asPercent}${suffix}, type ${asPercent}.`;
  }

  // A percentage is read from its digits (0.07 / 100 would give 0.0007000000000000001).
  const value = hundredths
    ? Number(`${sign === "-" ? "-" : ""}${reading.whole || "0"}.${reading.fraction || "0"}e-2`)
    : typed;
  const show = (v: number) =>
    hundredths ? `${numberText(Math.round(v * 1000) / 10, locale)}${suffix}` : numberText(v, locale);
  const refuse = (message: string): Parsed => ({ ok: false, message: note ? `${message} ${note}` : message });
  if (rule.integer && !Number.isInteger(value)) return refuse("Enter a whole number.");
  if (rule.min !== undefined && (value < rule.min || (rule.minExclusive && value === rule.min))) {
    return refuse(`Must be ${rule.minExclusive ? "above" : "at least"} ${show(rule.min)}.`);
  }
  if (rule.max !== undefined && value > rule.max) return refuse(`Must be at most ${show(rule.max)}.`);
  return note ? { ok: true, value, note } : { ok: true, value };
}
