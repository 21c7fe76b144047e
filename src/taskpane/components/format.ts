// Every figure the pane shows is written here, in the user's locale (see ../locale.ts): the
// separators change, the pattern does not ("32,8%" in de-DE, "1 234,5" in fr-FR).
import { UNDATED } from "../../model";
import { localize } from "../locale";

/**
 * A number with its digits grouped, in the user's locale: `digits` decimals exactly, or when
 * omitted as many as needed up to 2.
 *
 * @example
 * formatNumber(165591.4)   //=> "165,591.4" (en-US); "165.591,4" (de-DE)
 * formatNumber(7635, 2)    //=> "7,635.00"
 * formatNumber(0.125)      //=> "0.13"
 */
export function formatNumber(value: number, digits?: number): string {
  return localize(value, digits);
}

/**
 * An amount of money in whole units, grouped, in the user's locale; the caller names the currency.
 *
 * @example
 * formatMoney(165591.4) //=> "165,591" (en-US); "165.591" (de-DE)
 */
export function formatMoney(value: number): string {
  return localize(value, 0);
}

/**
 * A share as a percentage, with `digits` decimals (one by default).
 *
 * @example
 * formatPercent(0.32768)  //=> "32.8%" (en-US); "32,8%" (de-DE)
 * formatPercent(0.25, 0)  //=> "25%"
 */
export function formatPercent(share: number, digits = 1): string {
  return `${localize(share * 100, digits)}%`;
}

/**
 * A change in share as signed percentage points. The number and "pts" are joined by a no-break
 * space (U+00A0), so that no line ever ends between them, wherever the figure is shown.
 *
 * @example
 * formatPoints(0.012)  //=> "+1.2\u00a0pts" (en-US); "+1,2\u00a0pts" (de-DE)
 * formatPoints(-0.05)  //=> "-5.0\u00a0pts"
 */
export function formatPoints(change: number, digits = 1): string {
  return `${change >= 0 ? "+" : ""}${localize(change * 100, digits)}\u00a0pts`;
}

/**
 * A count with its noun, the count written in the user's locale.
 *
 * @example
 * plural(1, "task")                  //=> "1 task"
 * plural(12000, "response")          //=> "12,000 responses" (en-US); "12.000 responses" (de-DE)
 * plural(2, "person", "people")      //=> "2 people"
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${localize(count, 0)} ${count === 1 ? one : many}`;
}

/**
 * A round in words, for sentences: "round of 2026-04-02", "undated round"; at the start of a
 * sentence or a line, with a capital.
 *
 * @example
 * roundInWords("2026-04-02")    //=> "round of 2026-04-02"
 * roundInWords("", true)        //=> "Undated round"
 */
export function roundInWords(date: string, atStart = false): string {
  const words = date ? `round of ${date}` : `${UNDATED} round`;
  return atStart ? words.charAt(0).toUpperCase() + words.slice(1) : words;
}

/**
 * A saved response in words, for sentences about it: "Ana's response of 2026-04-02",
 * "an anonymous response of 2026-04-02", "Ana's undated response".
 */
export function describeResponse(response: { respondent: string; date: string }): string {
  const who = response.respondent.trim();
  const owner = who ? `${who}'s` : "an anonymous";
  return response.date ? `${owner} response of ${response.date}` : `${owner} undated response`;
}

/** The same, to open a sentence: "An anonymous response of 2026-04-02"; a name is left as typed. */
export const describeResponseAtStart = (response: { respondent: string; date: string }): string =>
  describeResponse(response).replace(/^an /, "An ");
