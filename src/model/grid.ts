import { LAYER_COUNT, realizedValue } from "./layers";

/** Realized value over a grid of two layers' scores, the other three held where they are. */
export interface RealizedGrid {
  rowLayer: number;
  columnLayer: number;
  /** Scores tried for the row layer (down) and the column layer (across). */
  steps: number[];
  /** values[i][j]: realized value with the row layer at steps[i] and the column layer at steps[j]. */
  values: number[][];
}

/** 0%, 10%, … 100%. */
export const DEFAULT_GRID_STEPS: readonly number[] = Array.from({ length: 11 }, (_, i) => i / 10);

/**
 * Realized value for every pair of scores of two layers: a two-way what-if table, computed at once.
 *
 * @example
 * realizedGrid([0.8, 0.6, 0.5, 0.4, 0.5], 3, 4, [0.4, 1]).values
 * //=> [[0.048, 0.096], [0.12, 0.24]]
 */
export function realizedGrid(
  scores: readonly number[],
  rowLayer: number,
  columnLayer: number,
  steps: readonly number[] = DEFAULT_GRID_STEPS,
): RealizedGrid {
  if (rowLayer === columnLayer) throw new RangeError("Pick two different layers for the grid.");
  if (![rowLayer, columnLayer].every((l) => Number.isInteger(l) && l >= 0 && l < LAYER_COUNT)) {
    throw new RangeError("Layers are numbered 0 to 4.");
  }
  const values = steps.map((rowScore) =>
    steps.map((columnScore) => {
      const trial = scores.slice();
      trial[rowLayer] = rowScore;
      trial[columnLayer] = columnScore;
      return realizedValue(trial);
    }),
  );
  return { rowLayer, columnLayer, steps: steps.slice(), values };
}
