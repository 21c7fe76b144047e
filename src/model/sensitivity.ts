import { LAYERS, realizedValue, type Layer } from "./layers";

/** Default step for sensitivity: 0.1 of layer score (10 percentage points, half an answer step). See glossary.ts. */
export const DEFAULT_DELTA = 0.1;

/**
 * The product of every layer score except one. It is what one more unit of that
 * layer is worth; computed directly, never by dividing by the layer's own score.
 *
 * @example
 * productOfOthers([0.8, 0.6, 0.5, 0.4, 0.5], 3) //=> 0.12
 * productOfOthers([0, 0.5, 0.5, 0.5, 0.5], 0) //=> 0.0625
 */
export function productOfOthers(scores: readonly number[], layer: number): number {
  let product = 1;
  for (let i = 0; i < scores.length; i++) if (i !== layer) product *= scores[i];
  return product;
}

/**
 * Realized value after moving one layer by delta; the layer stays within [0, 1].
 *
 * @example
 * liftedValue([0.8, 0.6, 0.5, 0.4, 0.5], 3, 0.1) //=> 0.06
 * liftedValue([0.95, 1, 1, 1, 1], 0, 0.1) //=> 1
 */
export function liftedValue(scores: readonly number[], layer: number, delta: number): number {
  const raised = scores.slice();
  raised[layer] = Math.min(1, Math.max(0, raised[layer] + delta));
  return realizedValue(raised);
}

/** The lift of one layer: the change in realized value when it alone moves by a step. */
export interface LayerLift {
  layer: Layer;
  index: number;
  /** Change in realized value (a fraction: 0.012 is +1.2 pts) when this layer moves by delta (within [0, 1]). */
  lift: number;
  /** The layer is already at the limit the step moves towards (100% up, 0% down), so it cannot move. */
  atLimit: boolean;
}

/**
 * The lift of each layer for a step of delta, in layer order.
 * Lift = (new score − old score) × product of the other four.
 *
 * @example
 * layerLifts([0.8, 0.6, 0.5, 0.4, 0.5]).map((l) => l.lift)
 * //=> [0.006, 0.008, 0.0096, 0.012, 0.0096] (to rounding)
 */
export function layerLifts(scores: readonly number[], delta: number = DEFAULT_DELTA): LayerLift[] {
  return LAYERS.map((layer, index) => {
    const moved = Math.min(1, Math.max(0, scores[index] + delta)) - scores[index];
    return { layer, index, lift: moved * productOfOthers(scores, index), atLimit: moved === 0 && delta !== 0 };
  });
}

/**
 * Lifts sorted from the largest effect to the smallest (by size), for a tornado chart.
 * Ties keep layer order.
 *
 * @example
 * tornado([0.8, 0.6, 0.5, 0.4, 0.5])[0].layer.short //=> "Measurement"
 */
export function tornado(scores: readonly number[], delta: number = DEFAULT_DELTA): LayerLift[] {
  return layerLifts(scores, delta).sort((a, b) => Math.abs(b.lift) - Math.abs(a.lift) || a.index - b.index);
}

/** One bar of a two-sided tornado: the lifts for a step down (−delta) and a step up (+delta). */
export interface TornadoSwing {
  layer: Layer;
  index: number;
  down: number;
  up: number;
}

/**
 * Both sides of the tornado for a step of ±delta, largest total swing first; ties keep layer order.
 *
 * @example
 * tornadoSwings([0.8, 0.6, 0.5, 0.4, 0.5], 0.1)[0] //=> { layer: Measurement, index: 3, down: -0.012, up: 0.012 } (to rounding)
 */
export function tornadoSwings(scores: readonly number[], delta: number = DEFAULT_DELTA): TornadoSwing[] {
  const down = layerLifts(scores, -delta);
  return layerLifts(scores, delta)
    .map((up, i) => ({ layer: up.layer, index: i, down: down[i].lift, up: up.lift }))
    .sort((a, b) => Math.abs(b.up) + Math.abs(b.down) - (Math.abs(a.up) + Math.abs(a.down)) || a.index - b.index);
}
