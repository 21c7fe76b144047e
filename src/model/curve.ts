import { LAYERS, LAYER_COUNT, normalizeName } from "./layers";

/** The six stages of the decay curve: the expected value, then one stage after each layer. */
export const CURVE_STAGES = [
  "Expected Value",
  "Agent Capability",
  "Workflow Adoption",
  "Human Trust",
  "Measurement Visibility",
  "Business Impact",
] as const;

/** The article's illustrative curve: the share surviving at each stage. */
export const ILLUSTRATIVE_CURVE: readonly number[] = [1, 0.8, 0.6, 0.45, 0.3, 0.15];

/** One point of the decay curve. */
export interface CurvePoint {
  /** 0 for the expected value, k for the stage after layer k. */
  stage: number;
  name: string;
  /** Share of the expected value that survives this stage. */
  surviving: number;
  /** Share lost at this stage: the surviving share before it minus the share after it. */
  lost: number;
}

/**
 * The share of expected value that survives after a stage (0–5).
 * Without scores, the article's illustrative curve is used; with scores,
 * stage k is the product of the first k layer scores.
 *
 * @example
 * survivingAfter(3) //=> 0.45
 * survivingAfter(2, [0.9, 0.5, 1, 1, 1]) //=> 0.45
 * survivingAfter(0, [0.2, 0.2, 0.2, 0.2, 0.2]) //=> 1
 */
export function survivingAfter(stage: number, scores?: readonly number[]): number {
  if (!scores) return ILLUSTRATIVE_CURVE[stage];
  let surviving = 1;
  for (let k = 0; k < stage; k++) surviving *= scores[k];
  return surviving;
}

/**
 * The surviving share after each stage (0 to 5) of a possibly unfinished assessment: null from
 * the first layer without a score on, since the curve cannot go on past a gap.
 *
 * @example
 * survivingShares([0.5, 0.8, null, 1, 1]) //=> [1, 0.5, 0.4, null, null, null]
 */
export function survivingShares(layerScores: readonly (number | null)[]): (number | null)[] {
  const shares: (number | null)[] = [1];
  for (let k = 0; k < LAYER_COUNT; k++) {
    const before = shares[k];
    const score = layerScores[k];
    shares.push(before === null || score === null || score === undefined ? null : before * score);
  }
  return shares;
}

/**
 * The whole six-stage decay curve, with the share lost at each stage.
 *
 * @example
 * decayCurve().map((p) => p.surviving) //=> [1, 0.8, 0.6, 0.45, 0.3, 0.15]
 * decayCurve([0.5, 1, 1, 1, 1])[1] //=> { stage: 1, name: "Agent Capability", surviving: 0.5, lost: 0.5 }
 */
export function decayCurve(scores?: readonly number[]): CurvePoint[] {
  const points: CurvePoint[] = [];
  for (let stage = 0; stage <= LAYER_COUNT; stage++) {
    const surviving = survivingAfter(stage, scores);
    const before = stage === 0 ? 1 : points[stage - 1].surviving;
    points.push({ stage, name: CURVE_STAGES[stage], surviving, lost: stage === 0 ? 0 : before - surviving });
  }
  return points;
}

/**
 * Reads a stage given as a number 0–5, a curve stage name, or a layer name or label
 * (layer k means "after layer k"), ignoring case. Returns -1 when nothing matches.
 *
 * @example
 * stageIndexOf("human trust") //=> 3
 * stageIndexOf("Measurement") //=> 4
 * stageIndexOf(5) //=> 5
 * stageIndexOf("Nowhere") //=> -1
 */
export function stageIndexOf(key: string | number): number {
  if (typeof key === "number") return Number.isInteger(key) && key >= 0 && key <= LAYER_COUNT ? key : -1;
  const wanted = normalizeName(key);
  const byStage = CURVE_STAGES.findIndex((name) => normalizeName(name) === wanted);
  if (byStage >= 0) return byStage;
  const byLayer = LAYERS.findIndex(
    (layer) => normalizeName(layer.name) === wanted || normalizeName(layer.short) === wanted || layer.id === wanted,
  );
  return byLayer >= 0 ? byLayer + 1 : -1;
}
