/** A share as a percentage with one decimal: 0.32768 → "32.8%". */
export function formatPercent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** A change in share as signed percentage points: 0.012 → "+1.2 pts". */
export function formatPoints(change: number, digits = 1): string {
  const points = (change * 100).toFixed(digits);
  return `${change >= 0 ? "+" : ""}${points} pts`;
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
