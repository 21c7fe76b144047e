// Renders the golden table (docs/golden.md) from the canonical cases, using the model only.
// The output is deterministic and already in Prettier's markdown form, so formatting the
// repository never makes the file differ from what this module writes.
import * as path from "path";
import {
  BANDS,
  BAND_THRESHOLD_NOTE,
  LAYERS,
  STATEMENTS_PER_LAYER,
  STATEMENT_COUNT,
  bandOf,
  decayCurve,
  executionGap,
  isAnswer,
  layerLifts,
  planToTarget,
  attributionShares,
  benefitPerPeriod,
  oneOffCost,
  perPeriodCost,
  realizedValue,
  roiFigures,
  scoresFromAnswerList,
  weakestLayerIndex,
  type RoiEntry,
  type RoiFigures,
} from "../src/model";
import {
  GOLDEN_ATTRIBUTION_CASES,
  GOLDEN_CASES,
  GOLDEN_DELTA,
  GOLDEN_ROI_CASES,
  GOLDEN_TARGET,
  type GoldenAttributionCase,
  type GoldenCase,
  type GoldenRoiCase,
} from "../test/golden/cases";

/** Where the golden table lives. */
export const GOLDEN_PATH = path.resolve(__dirname, "..", "docs", "golden.md");

/** What `npm run golden -- --check` says when docs/golden.md differs from the generator. */
export const STALE_MESSAGE = "docs/golden.md is stale: run npm run golden";

/** Compares the file's current text (null when it is missing) with a fresh rendering. */
export function checkGolden(current: string | null, fresh: string = renderGoldenTable()): string | null {
  return current === fresh ? null : STALE_MESSAGE;
}

/** Decimals of every number in the table. */
export const GOLDEN_DECIMALS = 6;

/** Everything the table shows for one case. */
export interface GoldenRow {
  case: GoldenCase;
  scores: number[];
  realized: number;
  gap: number;
  band: (typeof BANDS)[number];
  weakest: number;
  /** Indices of every layer that shares the lowest score. */
  tiedWeakest: number[];
  curve: { name: string; surviving: number; lost: number }[];
  lifts: number[];
  plan:
    | { met: true; scores: number[] }
    | { met: false; scores: number[]; level: number; raised: number; total: number; realized: number };
}

/** A number with a fixed number of decimals; never "-0.000000". */
export function formatNumber(value: number): string {
  const text = value.toFixed(GOLDEN_DECIMALS);
  return /^-0\.0*$/.test(text) ? text.slice(1) : text;
}

function scoresOf(golden: GoldenCase): number[] {
  if ((golden.answers === undefined) === (golden.scores === undefined)) {
    throw new Error(`golden case ${golden.id}: give either answers or scores`);
  }
  if (golden.answers) {
    if (golden.answers.length !== STATEMENT_COUNT || !golden.answers.every(isAnswer)) {
      throw new Error(`golden case ${golden.id}: answers must be ${STATEMENT_COUNT} whole numbers from 0 to 5`);
    }
    return scoresFromAnswerList(golden.answers);
  }
  const scores = golden.scores ?? [];
  if (scores.length !== LAYERS.length || !scores.every((s) => Number.isFinite(s) && s >= 0 && s <= 1)) {
    throw new Error(`golden case ${golden.id}: scores must be ${LAYERS.length} numbers from 0 to 1`);
  }
  return scores.slice();
}

/** Computes one case with the model. */
export function computeGoldenRow(golden: GoldenCase): GoldenRow {
  const scores = scoresOf(golden);
  const realized = realizedValue(scores);
  const gap = executionGap(scores);
  const weakest = weakestLayerIndex(scores);
  const tiedWeakest = scores.flatMap((score, i) => (score === scores[weakest] ? [i] : []));
  const planned = planToTarget(scores, GOLDEN_TARGET);
  let plan: GoldenRow["plan"];
  if (planned.status === "planned") {
    plan = {
      met: false,
      scores: planned.scores,
      level: planned.level,
      raised: planned.scores.filter((value, i) => value > scores[i]).length,
      total: planned.totalImprovement,
      realized: planned.realized,
    };
  } else if (planned.status === "met") {
    plan = { met: true, scores: planned.scores };
  } else {
    throw new Error(`golden case ${golden.id}: the target ${GOLDEN_TARGET} must be reachable`);
  }
  return {
    case: golden,
    scores,
    realized,
    gap,
    band: bandOf(gap),
    weakest,
    tiedWeakest,
    curve: decayCurve(scores).map((point) => ({ name: point.name, surviving: point.surviving, lost: point.lost })),
    lifts: layerLifts(scores, GOLDEN_DELTA).map((item) => item.lift),
    plan,
  };
}

/** A markdown table with every column padded to its widest cell, as Prettier prints it. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((cell, c) => Math.max(3, cell.length, ...rows.map((row) => row[c].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)];
}

function weakestText(row: GoldenRow, long: boolean): string {
  const name = LAYERS[row.weakest].name;
  if (row.tiedWeakest.length === 1) return name;
  if (!long) return `${name} (tie)`;
  const others = row.tiedWeakest.filter((i) => i !== row.weakest).map((i) => LAYERS[i].name);
  return `${name} (tied with ${others.join(", ")}; the first is reported)`;
}

function planText(row: GoldenRow, long: boolean): string {
  const plan = row.plan;
  if (plan.met) return "already met";
  const layers = `${plan.raised} layer${plan.raised === 1 ? "" : "s"}`;
  if (!long) return `raise ${layers} to ${formatNumber(plan.level)}`;
  return (
    `raise ${layers} to ${formatNumber(plan.level)}; total improvement ${formatNumber(plan.total)} ` +
    `in score terms; realized value after the plan ${formatNumber(plan.realized)}`
  );
}

function answersOf(golden: GoldenCase, layer: number): string {
  if (!golden.answers) return "-";
  return golden.answers.slice(layer * STATEMENTS_PER_LAYER, (layer + 1) * STATEMENTS_PER_LAYER).join(" ");
}

function renderCase(row: GoldenRow): string[] {
  const golden = row.case;
  const source = golden.answers
    ? `Answers, three per layer in statement order: ${LAYERS.map((_, i) => answersOf(golden, i)).join(" / ")}.`
    : "Scores given directly: no set of whole-number answers produces this profile.";
  const layerRows = LAYERS.map((layer, i) => [
    layer.name,
    answersOf(golden, i),
    formatNumber(row.scores[i]),
    formatNumber(row.lifts[i]),
    formatNumber(row.plan.scores[i]),
  ]);
  const curveRows = row.curve.map((point, stage) => [
    String(stage),
    point.name,
    formatNumber(point.surviving),
    formatNumber(point.lost),
  ]);
  return [
    `### ${golden.id}: ${golden.title}`,
    "",
    golden.note,
    "",
    source,
    "",
    ...table(["layer", "answers", "score", `lift at +${GOLDEN_DELTA}`, `plan to ${GOLDEN_TARGET}`], layerRows),
    "",
    `- Realized value: ${formatNumber(row.realized)}`,
    `- Execution gap: ${formatNumber(row.gap)}`,
    `- Band: ${row.band}`,
    `- Weakest layer: ${weakestText(row, true)}`,
    `- Plan to ${GOLDEN_TARGET}: ${planText(row, true)}`,
    "",
    "Decay curve:",
    "",
    ...table(["stage", "name", "surviving", "lost"], curveRows),
    "",
  ];
}

/** Everything the ROI table shows for one row. */
export interface GoldenRoiRow {
  case: GoldenRoiCase;
  oneOff: number;
  perPeriod: number;
  benefit: number;
  figures: RoiFigures;
}

/**
 * Computes one ROI case with the model (roiFigures), as the ROI tracker does.
 *
 * @example
 * computeGoldenRoiRow(GOLDEN_ROI_CASES[1]).figures.payback //=> 11.25
 */
export function computeGoldenRoiRow(golden: GoldenRoiCase): GoldenRoiRow {
  const { id, title, note, ...inputs } = golden;
  const entry: RoiEntry = {
    ...inputs,
    id,
    workflow: title,
    metric: note,
    unit: "",
    baselineDate: "",
    goLiveDate: "",
    expectedValue: null,
  };
  const benefit = benefitPerPeriod(entry);
  if (benefit === null) throw new Error(`golden ROI case ${id}: the benefit per period must be known`);
  return {
    case: golden,
    oneOff: oneOffCost(entry),
    perPeriod: perPeriodCost(entry),
    benefit,
    figures: roiFigures(entry, null),
  };
}

function optional(value: number | null): string {
  return value === null ? "none" : formatNumber(value);
}

function renderRoi(cases: readonly GoldenRoiCase[]): string[] {
  const rows = cases.map(computeGoldenRoiRow).map((row) => {
    const c = row.case;
    return [
      c.id,
      c.direction,
      `${c.baseline} → ${c.current}`,
      String(c.valuePerUnit),
      String(row.oneOff),
      String(row.perPeriod),
      String(c.periods),
      String(c.horizon),
      String(c.discountRate),
      formatNumber(row.benefit),
      optional(row.figures.measuredRoi),
      optional(row.figures.npv),
      optional(row.figures.payback),
    ];
  });
  return [
    "## ROI tracker",
    "",
    "Canonical rows of the ROI tracker computed with the model (roiFigures). Build, integrate and govern are paid once; maintain is paid every period.",
    "",
    "- benefit per period b = improvement per period × value per unit (improvement = baseline − current when lower is better, current − baseline when higher is better).",
    "- Measured ROI over n periods observed: cost = one-off + per period × n; ROI = (b × n − cost) / cost.",
    "- NPV over the horizon H at rate r per period: net = b − per period; NPV = net × (1 − (1 + r)^−H) / r − one-off, or net × H − one-off at r = 0 (the sheet's `-PV(r, H, net) - one-off`).",
    "- Payback: 0 without a one-off cost; none when net ≤ 0 or one-off / net > H; otherwise one-off / net.",
    "",
    ...table(
      [
        "case",
        "direction",
        "baseline → current",
        "value per unit",
        "one-off",
        "per period",
        "periods",
        "horizon",
        "rate",
        "benefit per period",
        "measured ROI",
        "NPV",
        "payback",
      ],
      rows,
    ),
    "",
    ...cases.map((c) => `- ${c.id} (${c.title}): ${c.note}`),
    "",
  ];
}

/** Everything the attribution table shows for one pair of profiles. */
export interface GoldenAttributionRow {
  case: GoldenAttributionCase;
  before: number;
  after: number;
  shares: number[];
}

/**
 * Computes one attribution case with the model (attributionShares).
 *
 * @example
 * computeGoldenAttributionRow(GOLDEN_ATTRIBUTION_CASES[0]).shares //=> [0, 0, 0, 0.024, 0] (to rounding)
 */
export function computeGoldenAttributionRow(golden: GoldenAttributionCase): GoldenAttributionRow {
  for (const profile of [golden.before, golden.after]) {
    if (profile.length !== LAYERS.length || !profile.every((s) => Number.isFinite(s) && s >= 0 && s <= 1)) {
      throw new Error(`golden attribution case ${golden.id}: profiles must be ${LAYERS.length} numbers from 0 to 1`);
    }
  }
  return {
    case: golden,
    before: realizedValue(golden.before),
    after: realizedValue(golden.after),
    shares: attributionShares(golden.before, golden.after),
  };
}

function renderAttribution(cases: readonly GoldenAttributionCase[]): string[] {
  const rows = cases
    .map(computeGoldenAttributionRow)
    .map((row) => [
      row.case.id,
      formatNumber(row.before),
      formatNumber(row.after),
      formatNumber(row.after - row.before),
      ...row.shares.map(formatNumber),
    ]);
  const profiles = cases.map(
    (c) => `- ${c.id} (${c.title}): ${c.before.join(", ")} → ${c.after.join(", ")}. ${c.note}`,
  );
  return [
    "## Attribution of change",
    "",
    "Pairs of profiles, before and after, with each layer's share of the change in realized value computed with the model (attributionShares). " +
      "A share is the layer's Shapley value: its contribution averaged over the 120 orders in which the five layers could move from before to after. " +
      "The five shares add up to the change; a layer that did not move gets 0.",
    "",
    ...table(["case", "realized before", "realized after", "change", ...LAYERS.map((layer) => layer.short)], rows),
    "",
    ...profiles,
    "",
  ];
}

/** The whole of docs/golden.md for the given cases (the canonical cases by default). */
export function renderGoldenTable(
  cases: readonly GoldenCase[] = GOLDEN_CASES,
  roiCases: readonly GoldenRoiCase[] = GOLDEN_ROI_CASES,
  attributionCases: readonly GoldenAttributionCase[] = GOLDEN_ATTRIBUTION_CASES,
): string {
  const rows = cases.map(computeGoldenRow);
  const summary = rows.map((row) => [
    row.case.id,
    row.case.answers ? "answers" : "scores",
    ...row.scores.map(formatNumber),
    formatNumber(row.realized),
    formatNumber(row.gap),
    row.band,
    weakestText(row, false),
    planText(row, false),
  ]);
  const lines = [
    "# Golden table",
    "",
    "<!-- Generated by `npm run golden` from test/golden/cases.ts. Do not edit by hand: `npm run golden -- --check` fails when this file is stale. -->",
    "",
    "Canonical assessments, ROI tracker rows and attributions of change computed with the AGAP model, kept as a reference that the tests compare against. " +
      `Every number is rounded to ${GOLDEN_DECIMALS} decimals. Scores, realized value and gap are fractions from 0 to 1.`,
    "",
    "- A layer score is the mean of its three answers divided by 5; realized value is the product of the five scores; the gap is 1 minus realized value.",
    `- Lift at +${GOLDEN_DELTA}: the change in realized value when that layer alone rises by ${GOLDEN_DELTA} (capped at 1).`,
    `- Plan to ${GOLDEN_TARGET}: the smallest total improvement that reaches a realized value of ${GOLDEN_TARGET}. ` +
      "Every layer below a common level is raised to it; the other layers keep their score.",
    `- Bands: ${BAND_THRESHOLD_NOTE}`,
    "",
    "## Summary",
    "",
    ...table(
      [
        "case",
        "input",
        ...LAYERS.map((layer) => layer.short),
        "realized",
        "gap",
        "band",
        "weakest",
        `plan to ${GOLDEN_TARGET}`,
      ],
      summary,
    ),
    "",
    "## Cases",
    "",
    ...rows.flatMap(renderCase),
    ...renderRoi(roiCases),
    ...renderAttribution(attributionCases),
  ];
  return `${lines.join("\n").trimEnd()}\n`;
}
