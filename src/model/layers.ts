/** The five execution layers, always in this order. */
export const LAYERS = [
  { id: "strategy", name: "Strategy Alignment", short: "Strategy" },
  { id: "workflow", name: "Workflow Integration", short: "Workflow" },
  { id: "oversight", name: "Human Oversight", short: "Oversight" },
  { id: "measurement", name: "Measurement", short: "Measurement" },
  { id: "adoption", name: "Business Adoption", short: "Adoption" },
] as const;

export type LayerId = (typeof LAYERS)[number]["id"];
export type Layer = (typeof LAYERS)[number];

/** Number of execution layers. */
export const LAYER_COUNT = LAYERS.length;

/** Five layer scores in layer order, each in [0, 1]. */
export type LayerScores = readonly [number, number, number, number, number];

/**
 * Realized value: the product of the five layer scores.
 *
 * @example
 * realizedValue([0.8, 0.6, 0.5, 0.4, 0.5]) //=> 0.048
 */
export function realizedValue(scores: readonly number[]): number {
  let product = 1;
  for (const score of scores) product *= score;
  return product;
}

/**
 * Execution gap: the share of expected value that is lost, 1 − realized value.
 *
 * @example
 * executionGap([0.8, 0.6, 0.5, 0.4, 0.5]) //=> 0.952
 */
export function executionGap(scores: readonly number[]): number {
  return 1 - realizedValue(scores);
}

/**
 * Finds a layer by its position (1–5), id, full name or short label, ignoring case.
 * Returns the zero-based index, or -1 when nothing matches.
 *
 * @example
 * layerIndexOf("human oversight") //=> 2
 * layerIndexOf("Adoption") //=> 4
 * layerIndexOf(2) //=> 1
 */
export function layerIndexOf(key: string | number): number {
  if (typeof key === "number") {
    return Number.isInteger(key) && key >= 1 && key <= LAYER_COUNT ? key - 1 : -1;
  }
  const wanted = normalizeName(key);
  return LAYERS.findIndex(
    (layer) =>
      normalizeName(layer.id) === wanted ||
      normalizeName(layer.name) === wanted ||
      normalizeName(layer.short) === wanted,
  );
}

/** Lower-case, trimmed, with runs of white space folded to one space. */
export function normalizeName(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ");
}
