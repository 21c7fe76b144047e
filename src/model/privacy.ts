// Team privacy: below a minimum group size, only the team mean of each layer may be shown, so no
// respondent can be singled out by a minimum, a maximum, a spread or a disagreement flag. An
// anonymous round keeps no names at all: each response carries a label, "Respondent 3".
import { roundLabel, roundsOf } from "./rounds";
import type { AssessmentResponse } from "./team";

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
 * Whether one saved response's own figures may be shown: only where Team & history lists each
 * response's realized value, once its round has the smallest group of complete respondents.
 * Below it, one person's figures would single them out beside the team mean.
 *
 * @example
 * // Ana's round of 2026-04-02 has 2 complete responses.
 * responseFiguresShown(responses, ana, 3) //=> false
 * responseFiguresShown(responses, ana, 2) //=> true
 */
export function responseFiguresShown(
  responses: readonly AssessmentResponse[],
  response: Pick<AssessmentResponse, "workflow" | "date">,
  minGroup: number = DEFAULT_MIN_GROUP,
): boolean {
  const round = roundsOf(responses, response.workflow).find((r) => r.date === response.date);
  return teamDetail(round?.result?.respondents ?? 0, minGroup).shown;
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

// ---------------------------------------------------------------------------------------------
// Anonymous rounds
// ---------------------------------------------------------------------------------------------

/** A round as the withholding rule reads it: its date ("" when undated) and complete respondents. */
export interface RoundSize {
  date: string;
  respondents: number;
}

const people = (n: number) => `${n} complete respondent${n === 1 ? "" : "s"}`;

/**
 * Why the statements whose team mean moved most between two rounds are withheld, or null when both
 * rounds reach the smallest group. In so small a group one statement's mean comes close to one
 * person's answer; each layer's share of the change (a mean over three statements) is kept. The
 * pane's What moved, the board report and the report sheet all say this.
 *
 * @example
 * movedStatementsWithheld({ date: "2026-01-10", respondents: 2 }, { date: "2026-04-02", respondents: 3 }, 3)
 * //=> "The statements that moved most are withheld: the 2026-01-10 round has 2 complete respondents, and they are listed from 3. In so small a group a statement's team mean can show how one person answered."
 * movedStatementsWithheld({ date: "", respondents: 3 }, { date: "2026-04-02", respondents: 4 }, 3) //=> null
 */
export function movedStatementsWithheld(
  from: RoundSize,
  to: RoundSize,
  minGroup: number = DEFAULT_MIN_GROUP,
): string | null {
  const small = [from, to].filter((round) => !teamDetail(round.respondents, minGroup).shown);
  if (small.length === 0) return null;
  const which = small.map((round) => `the ${roundLabel(round.date)} round has ${people(round.respondents)}`);
  return (
    `The statements that moved most are withheld: ${which.join(" and ")}, and they are listed from ${minGroup}. ` +
    "In so small a group a statement's team mean can show how one person answered."
  );
}

/** A round as the team settings name it: one workflow (matched exactly) on one date ("" undated). */
export interface RoundKey {
  workflow: string;
  date: string;
}

/** What a team decides about privacy: the smallest group shown in detail, and its anonymous rounds. */
export interface TeamSettings {
  minGroup: number;
  anonymousRounds: RoundKey[];
}

export const DEFAULT_TEAM_SETTINGS: TeamSettings = { minGroup: DEFAULT_MIN_GROUP, anonymousRounds: [] };

const LABEL = /^Respondent ([1-9]\d*)$/;

/**
 * True for a label given to a response of an anonymous round ("Respondent 3").
 *
 * @example
 * isRespondentLabel("Respondent 3") //=> true
 * isRespondentLabel("Ana") //=> false
 */
export function isRespondentLabel(name: string): boolean {
  return LABEL.test(name);
}

/**
 * The label for the next response of an anonymous round: one above the highest label in use, so
 * it never equals a label the round already has (names that are not labels are ignored).
 *
 * @example
 * nextRespondentLabel([]) //=> "Respondent 1"
 * nextRespondentLabel(["Respondent 1", "Respondent 4", "Ana"]) //=> "Respondent 5"
 */
export function nextRespondentLabel(inUse: readonly string[]): string {
  let highest = 0;
  for (const name of inUse) {
    const match = LABEL.exec(name);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `Respondent ${highest + 1}`;
}

/**
 * The respondent a response of an anonymous round is saved under. A response that already has a
 * label of its own (saved before under the same id, or given one) keeps it while no other
 * response of the round holds it; anything else, a typed name above all, gives way to the next
 * free label. `round`: the saved responses of the same round (the response's own saved version
 * may be among them).
 *
 * @example
 * anonymousRespondent({ id: "n", respondent: "Ana", ... }, [{ id: "a", respondent: "Respondent 1", ... }]) //=> "Respondent 2"
 */
export function anonymousRespondent(
  response: Pick<AssessmentResponse, "id" | "respondent">,
  round: readonly Pick<AssessmentResponse, "id" | "respondent">[],
): string {
  const others = round.filter((r) => r.id !== response.id).map((r) => r.respondent);
  const own = round.find((r) => r.id === response.id)?.respondent;
  for (const candidate of [own, response.respondent]) {
    if (candidate !== undefined && isRespondentLabel(candidate) && !others.includes(candidate)) return candidate;
  }
  return nextRespondentLabel(others);
}

/**
 * The responses of a round that carry a name rather than a label, each with the label it takes
 * when the round becomes anonymous: labels follow the ones in use, in saved order.
 *
 * @example
 * labelNamedResponses([{ respondent: "Ana" }, { respondent: "Respondent 1" }, { respondent: "" }])
 * //=> [{ ...Ana, respondent: "Respondent 2" }, { ...blank, respondent: "Respondent 3" }]
 */
export function labelNamedResponses<T extends Pick<AssessmentResponse, "respondent">>(round: readonly T[]): T[] {
  const inUse = round.map((r) => r.respondent).filter(isRespondentLabel);
  const labelled: T[] = [];
  for (const response of round) {
    if (isRespondentLabel(response.respondent)) continue;
    const label = nextRespondentLabel(inUse);
    inUse.push(label);
    labelled.push({ ...response, respondent: label });
  }
  return labelled;
}

/**
 * True when the team made this round anonymous. The workflow is matched exactly, as everywhere.
 *
 * @example
 * isAnonymousRound({ minGroup: 3, anonymousRounds: [{ workflow: "Claims", date: "2026-04-02" }] }, "Claims", "2026-04-02") //=> true
 */
export function isAnonymousRound(settings: TeamSettings, workflow: string, date: string): boolean {
  return settings.anonymousRounds.some((round) => round.workflow === workflow && round.date === date);
}

/**
 * The settings with one round made anonymous (on) or named again (off); the other rounds kept.
 *
 * @example
 * withAnonymousRound(DEFAULT_TEAM_SETTINGS, "Claims", "", true).anonymousRounds //=> [{ workflow: "Claims", date: "" }]
 */
export function withAnonymousRound(settings: TeamSettings, workflow: string, date: string, on: boolean): TeamSettings {
  const others = settings.anonymousRounds.filter((round) => !(round.workflow === workflow && round.date === date));
  return { ...settings, anonymousRounds: on ? [...others, { workflow, date }] : others };
}

/**
 * Team settings as stored, checked part by part: a part that cannot be used falls back to its
 * default and is named in `problems`, while the parts that can are kept.
 *
 * @example
 * readTeamSettings({ minGroup: 0, anonymousRounds: [] })
 * //=> { settings: { minGroup: 3, anonymousRounds: [] }, problems: ["the smallest group, 0: The smallest group must be a whole number from 1 to 50"] }
 */
export function readTeamSettings(stored: unknown): { settings: TeamSettings; problems: string[] } {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) {
    return {
      settings: { ...DEFAULT_TEAM_SETTINGS },
      problems: [`they are ${JSON.stringify(stored)}, not a set of settings`],
    };
  }
  const problems: string[] = [];
  const fields = stored as Record<string, unknown>;
  let minGroup = DEFAULT_MIN_GROUP;
  if (fields.minGroup !== undefined) {
    const checked = checkMinGroup(fields.minGroup);
    if (checked.ok) minGroup = checked.value;
    else problems.push(`the smallest group, ${JSON.stringify(fields.minGroup)}: ${checked.message.replace(/\.$/, "")}`);
  }
  const anonymousRounds: RoundKey[] = [];
  if (fields.anonymousRounds !== undefined) {
    if (!Array.isArray(fields.anonymousRounds)) {
      problems.push(`the anonymous rounds are ${JSON.stringify(fields.anonymousRounds)}, not a list`);
    } else {
      fields.anonymousRounds.forEach((round: unknown, i) => {
        const r = round as Partial<Record<keyof RoundKey, unknown>> | null;
        if (typeof r === "object" && r !== null && typeof r.workflow === "string" && typeof r.date === "string") {
          anonymousRounds.push({ workflow: r.workflow, date: r.date });
        } else {
          problems.push(`anonymous round ${i + 1} is ${JSON.stringify(round)}, not a workflow and a date`);
        }
      });
    }
  }
  return { settings: { minGroup, anonymousRounds }, problems };
}
