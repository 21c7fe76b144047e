// Team privacy: below a minimum group size, only the team mean of each layer may be shown, so no
// respondent can be singled out by a minimum, a maximum, a spread or a disagreement flag.

/** The smallest group whose detail is shown, unless the team sets another. */
export const DEFAULT_MIN_GROUP = 3;
/** The range a team may choose from: 1 shows detail always; 50 is more than any team needs. */
export const MIN_GROUP_LIMITS = { min: 1, max: 50 } as const;

/** Whether a round's detail (min, max, spreads, disagreement) may be shown, and if not, why. */
export type TeamDetail = { shown: true } | { shown: false; reason: string };

/**
 * Whether the detail of a round with the given number of complete respondents may be shown.
 *
 * @example
 * teamDetail(2, 3) //=> { shown: false, reason: "Only the team mean is shown: this round has 2 complete respondents, and detail appears from 3." }
 * teamDetail(3, 3) //=> { shown: true }
 */
export function teamDetail(completeRespondents: number, minGroup: number = DEFAULT_MIN_GROUP): TeamDetail {
  if (completeRespondents >= minGroup) return { shown: true };
  const who = completeRespondents === 1 ? "1 complete respondent" : `${completeRespondents} complete respondents`;
  return {
    shown: false,
    reason:
      `Only the team mean is shown: this round has ${who}, and detail appears from ${minGroup}. ` +
      "Lowest and highest scores, spreads and disagreements could single someone out.",
  };
}

/**
 * The minimum group size as typed or stored, checked: a whole number within the limits, else a
 * message that says what is accepted.
 *
 * @example
 * checkMinGroup(5) //=> { ok: true, value: 5 }
 * checkMinGroup(0.5) //=> { ok: false, message: "The smallest group must be a whole number from 1 to 50." }
 */
export function checkMinGroup(value: unknown): { ok: true; value: number } | { ok: false; message: string } {
  if (
    typeof value === "number" &&
    Number.isInteger(value) &&
    value >= MIN_GROUP_LIMITS.min &&
    value <= MIN_GROUP_LIMITS.max
  ) {
    return { ok: true, value };
  }
  return {
    ok: false,
    message: `The smallest group must be a whole number from ${MIN_GROUP_LIMITS.min} to ${MIN_GROUP_LIMITS.max}.`,
  };
}
