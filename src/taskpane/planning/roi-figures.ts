// The figures of an ROI row in words: each with its unit (the user's currency, a number of
// periods) and its span, or, when it cannot be computed yet, what it still needs. A period is
// whatever span the baseline is measured over; AGAP does not know its name, so it says "period".
import {
  LIMITS,
  benefitPerPeriod,
  perPeriodCost,
  realizedValue,
  withinLimit,
  type RoiEntry,
  type RoiFigures,
  type RoiNumberField,
} from "../../model";
import { formatMoney, formatNumber, formatPercent } from "../components/format";

/** One figure as the row shows it: the value (or words when there is none) and a line under it. */
export interface FigureText {
  value: string;
  note: string;
  /** True when there is no number to show. */
  missing: boolean;
}

export interface RoiFigureTexts {
  projected: FigureText;
  measured: FigureText;
  npv: FigureText;
  payback: FigureText;
}

/** What the row shows in place of a measured ROI it cannot prove. */
export const NOT_PROVABLE = "not provable yet";
/** What the row shows in place of any other figure it cannot compute yet. */
export const NO_FIGURE = "no figure yet";

/**
 * The unit of every amount, in words. AGAP keeps no currency: amounts are in whatever the user typed
 * them in, which the pane takes to be the workbook's currency when Excel names it (its symbol, as
 * the fields show it), and otherwise calls "your currency".
 *
 * @example
 * currencyWords("€") //=> "in €"
 * currencyWords(undefined) //=> "in your currency"
 */
export function currencyWords(currency: string | undefined): string {
  const symbol = currency?.trim();
  return symbol ? `in ${symbol}` : "in your currency";
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const periodsText = (count: number) => `${formatNumber(count)} ${count === 1 ? "period" : "periods"}`;

/** "a, b and c". */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const needs = (items: readonly string[]) => `Needs ${listed(items)}.`;

/** The inputs every measured figure rests on: the benefit per period and at least one cost. */
function benefitAndCostGaps(entry: RoiEntry): string[] {
  const gaps: string[] = [];
  if (entry.baseline === null) gaps.push("a baseline captured before go-live");
  if (entry.current === null) gaps.push("the value now");
  if (entry.valuePerUnit === null) gaps.push("the money per unit");
  if ([entry.build, entry.integrate, entry.govern, entry.maintain].every((cost) => cost === null)) gaps.push("a cost");
  return gaps;
}

function projectedText(
  entry: RoiEntry,
  figures: RoiFigures,
  latestScores: readonly number[] | null,
  inCurrency: string,
): FigureText {
  if (figures.projected !== null && latestScores !== null) {
    return {
      value: formatMoney(figures.projected),
      note:
        `${inCurrency}, for the expected value's span: expected value × ` +
        `${formatPercent(realizedValue(latestScores))} realized value (latest assessment).`,
      missing: false,
    };
  }
  const gaps: string[] = [];
  if (entry.expectedValue === null) gaps.push("the expected value (business case)");
  if (latestScores === null) gaps.push(`a complete assessment of “${entry.workflow}”, for its realized value`);
  return { value: NO_FIGURE, note: needs(gaps), missing: true };
}

function measuredText(entry: RoiEntry, figures: RoiFigures): FigureText {
  if (figures.measuredRoi !== null && entry.periods !== null) {
    return {
      value: formatPercent(figures.measuredRoi),
      note: `Over the ${periodsText(entry.periods)} observed, against the baseline, net of every cost.`,
      missing: false,
    };
  }
  const gaps = benefitAndCostGaps(entry);
  if (entry.periods === null || !withinLimit(LIMITS.periods, entry.periods)) gaps.push("the periods observed");
  return {
    value: NOT_PROVABLE,
    note: gaps.length > 0 ? needs(gaps) : "The costs add up to 0, so there is nothing to measure a return on.",
    missing: true,
  };
}

function npvText(entry: RoiEntry, figures: RoiFigures, inCurrency: string): FigureText {
  if (figures.npv !== null && entry.horizon !== null && entry.discountRate !== null) {
    return {
      value: formatMoney(figures.npv),
      note: `${inCurrency}, over ${periodsText(entry.horizon)} at ${formatPercent(entry.discountRate)} a period.`,
      missing: false,
    };
  }
  const gaps = benefitAndCostGaps(entry);
  if (entry.horizon === null) gaps.push("the horizon");
  if (entry.discountRate === null) gaps.push("the discount rate");
  return {
    value: NO_FIGURE,
    note: gaps.length > 0 ? needs(gaps) : "The discount rate is too large for a net present value.",
    missing: true,
  };
}

function paybackText(entry: RoiEntry, figures: RoiFigures): FigureText {
  if (figures.payback !== null) {
    return {
      value: `${formatNumber(figures.payback, 1)} ${figures.payback === 1 ? "period" : "periods"}`,
      note: "Until the benefit, less maintain, has covered the one-off costs.",
      missing: false,
    };
  }
  const gaps = benefitAndCostGaps(entry);
  if (entry.horizon === null) gaps.push("the horizon");
  if (gaps.length > 0) return { value: NO_FIGURE, note: needs(gaps), missing: true };
  // Every input is known here, so the benefit is too.
  const net = (benefitPerPeriod(entry) ?? 0) - perPeriodCost(entry);
  return {
    value: NO_FIGURE,
    note:
      net <= 0
        ? "Never: the benefit of a period does not exceed its maintain cost."
        : `Not within the horizon of ${periodsText(entry.horizon!)}.`,
    missing: true,
  };
}

/**
 * The row's four figures in words; amounts are said to be in `currency` (the workbook's symbol)
 * when it is given.
 *
 * @example
 * roiFigureTexts(entry, roiFigures(entry, null), null).projected
 * //=> { value: "no figure yet", note: "Needs a complete assessment of “Claims”, for its realized value.", missing: true }
 */
export function roiFigureTexts(
  entry: RoiEntry,
  figures: RoiFigures,
  latestScores: readonly number[] | null,
  currency?: string,
): RoiFigureTexts {
  const inCurrency = capitalized(currencyWords(currency));
  return {
    projected: projectedText(entry, figures, latestScores, inCurrency),
    measured: measuredText(entry, figures),
    npv: npvText(entry, figures, inCurrency),
    payback: paybackText(entry, figures),
  };
}

/**
 * The unit each ROI field shows after its number: the metric's own unit for the measured values,
 * the workbook's currency symbol for amounts (where Excel says it; otherwise the word "currency",
 * as AGAP keeps no currency of its own), periods for spans, % for the rate.
 *
 * @example
 * fieldUnits("hours", "€").baseline //=> "hours"
 * fieldUnits("", undefined).build //=> "currency"
 */
export function fieldUnits(metricUnit: string, currency: string | undefined): Record<RoiNumberField, string> {
  const measured = metricUnit.trim() || "units";
  const money = currency?.trim() || "currency";
  return {
    baseline: measured,
    current: measured,
    valuePerUnit: money,
    build: money,
    integrate: money,
    govern: money,
    maintain: money,
    periods: "periods",
    horizon: "periods",
    discountRate: "%",
    expectedValue: money,
  };
}
