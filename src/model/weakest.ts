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
