/** A share as a percentage with one decimal: 0.32768 → "32.8%". */
export function formatPercent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** A change in share as signed percentage points: 0.012 → "+1.2 pts". */
export function formatPoints(change: number, digits = 1): string {
  const points = (change * 100).toFixed(digits);
  return `${change >= 0 ? "+" : ""}${points} pts`;
}
