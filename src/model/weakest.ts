import { LAYERS } from "./layers";

/**
 * The index of the lowest layer score; on a tie, the first.
 *
 * @example
 * weakestLayerIndex([0.8, 0.6, 0.5, 0.4, 0.5]) //=> 3
 * weakestLayerIndex([0.5, 0.4, 0.4, 0.9, 1]) //=> 1
 */
export function weakestLayerIndex(scores: readonly number[]): number {
  let weakest = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i] < scores[weakest]) weakest = i;
  return weakest;
}

/** What the pane and the report say in place of actions when no layer is below full score. */
export const NOTHING_TO_FIX = "Every layer is at 100%: none holds the others back, so there is no layer to fix first.";

/** The layer to fix first, and the layers tied with it at the same lowest score. */
export interface FixFirst {
  /** The weakest layer (on a tie, the first), as weakestLayerIndex gives it. */
  index: number;
  /** The other layers at the same score, in layer order: raising any of them gains the same. */
  tiedWith: number[];
}

// Layer scores are means of answers; two layers given the same answers get the same float, but a
// team's means may differ in the last bit, so ties and full scores are judged with a tolerance.
const SAME = 1e-12;

/**
 * The layer to fix first: the weakest, with any layers tied with it; null when every layer is at
 * full score, so none holds the others back. Raising tied layers by the same step gains the same,
 * since each multiplies the same product of the others.
 *
 * @example
 * fixFirst([0.8, 0.6, 0.5, 0.4, 0.5]) //=> { index: 3, tiedWith: [] }
 * fixFirst([0.6, 0.6, 0.8, 0.6, 1])   //=> { index: 0, tiedWith: [1, 3] }
 * fixFirst([1, 1, 1, 1, 1])           //=> null
 */
export function fixFirst(scores: readonly number[]): FixFirst | null {
  const index = weakestLayerIndex(scores);
  const lowest = scores[index];
  if (lowest >= 1 - SAME) return null;
  const tiedWith: number[] = [];
  for (let i = 0; i < scores.length; i++) if (i !== index && Math.abs(scores[i] - lowest) <= SAME) tiedWith.push(i);
  return { index, tiedWith };
}

/**
 * The sentence under "Fix first" when other layers tie with the weakest, given its score as the
 * reader's locale writes it.
 *
 * @example
 * tiedText({ index: 0, tiedWith: [1] }, "60.0%")
 * //=> "Tied at 60.0% with Workflow Integration: raising either of them by the same step gains the same. The first in layer order is shown."
 * tiedText({ index: 0, tiedWith: [1, 3] }, "60.0%")
 * //=> "Tied at 60.0% with Workflow Integration and Measurement: raising any of them … The first in layer order is shown."
 */
export function tiedText(fix: FixFirst, score: string): string {
  const names = fix.tiedWith.map((k) => LAYERS[k].name);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return (
    `Tied at ${score} with ${list}: raising ${names.length === 1 ? "either" : "any"} of them by the same step gains the same. ` +
    "The first in layer order is shown."
  );
}
