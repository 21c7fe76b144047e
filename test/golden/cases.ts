// Canonical assessments for the golden table (docs/golden.md). Each case gives either the 15
// answers of the assessment (whole numbers 0-5, three per layer, in statement order) or, when no
// whole-number answers can produce the profile, the five layer scores directly.

/** One canonical assessment. Exactly one of `answers` and `scores` is set. */
export interface GoldenCase {
  /** Short stable id, used as the heading of the case in docs/golden.md. */
  id: string;
  title: string;
  /** Why the case is in the table, in a sentence or two. */
  note: string;
  /** 15 whole answers from 0 to 5, three per layer, in statement order. */
  answers?: readonly number[];
  /** Five layer scores from 0 to 1, for a profile that whole answers cannot reach. */
  scores?: readonly number[];
}

/** Target realized value of the "plan to a target" column. */
export const GOLDEN_TARGET = 0.25;

/** Step of the sensitivity column, in score terms (half an answer point). */
export const GOLDEN_DELTA = 0.1;

export const GOLDEN_CASES: readonly GoldenCase[] = [
  {
    id: "all-5s",
    title: "Every answer 5",
    note: "The ceiling: nothing is lost. Every layer ties, so the first one is reported as weakest; no layer can rise further, so every lift is 0.",
    answers: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
  },
  {
    id: "all-4s",
    title: "Every answer 4",
    note: "The article's first figure: five layers at 0.8 keep about a third of the value (0.8^5 = 0.32768).",
    answers: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4],
  },
  {
    id: "all-3s",
    title: "Every answer 3",
    note: "The article's second figure: five layers at 0.6 keep under a tenth of the value (0.6^5 = 0.07776).",
    answers: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
  },
  {
    id: "article-answers",
    title: "Closest whole answers to the article's example",
    note:
      "The article's example profile is 0.8, 0.6, 0.5, 0.4, 0.5. A score of 0.5 needs three answers summing to 7.5, " +
      "which whole answers cannot reach. Sums of 7 and 8 for the two layers (in either order) come closest to 0.048, " +
      "so Oversight uses 2, 3, 2 (7/15) and Adoption 3, 3, 2 (8/15). The exact profile is the next case.",
    answers: [4, 4, 4, 3, 3, 3, 2, 3, 2, 2, 2, 2, 3, 3, 2],
  },
  {
    id: "article-profile",
    title: "The article's example profile (scores only)",
    note: "The exact scores 0.8, 0.6, 0.5, 0.4, 0.5 from the article: realized 0.048, gap 0.952. Given as scores because whole answers cannot produce 0.5.",
    scores: [0.8, 0.6, 0.5, 0.4, 0.5],
  },
  {
    id: "zero-layer",
    title: "One layer at zero",
    note: "Strong everywhere except Measurement, which scores 0: realized value is 0 however good the rest is. Only the zero layer has a lift.",
    answers: [5, 4, 5, 4, 4, 5, 4, 5, 4, 0, 0, 0, 4, 4, 4],
  },
  {
    id: "tied-weakest",
    title: "Two layers tie for weakest",
    note: "Workflow and Measurement both score 7/15. The first of the tied layers is reported as weakest, and the plan raises both.",
    answers: [4, 4, 4, 2, 3, 2, 4, 4, 3, 3, 2, 2, 5, 4, 4],
  },
  {
    id: "strong-and-weak",
    title: "One very strong layer, one very weak",
    note: "Strategy is perfect, Adoption is nearly absent (2/15). The strong layer cannot make up for the weak one.",
    answers: [5, 5, 5, 3, 3, 3, 3, 4, 3, 3, 3, 4, 1, 0, 1],
  },
  {
    id: "severe",
    title: "Decent answers that still lose most of the value",
    note: "Answers of 3 and 4 throughout; no layer is poor, yet the gap is Severe.",
    answers: [4, 3, 4, 3, 4, 3, 3, 3, 4, 3, 3, 3, 4, 4, 3],
  },
  {
    id: "managed",
    title: "A Managed gap",
    note: "Mostly 4s and 5s: the gap falls between 25% and 50%.",
    answers: [5, 5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 4, 5, 5, 5],
  },
  {
    id: "contained",
    title: "A Contained gap",
    note: "Three perfect layers and two at 14/15: the gap is under 25%.",
    answers: [5, 5, 5, 5, 5, 4, 5, 5, 5, 5, 4, 5, 5, 5, 5],
  },
  {
    id: "band-boundary",
    title: "A gap exactly on a band limit (scores only)",
    note: "Realized value 0.25 gives a gap of exactly 0.75; a gap on a limit belongs to the wider band, so this is Severe. The plan target of 0.25 is already met.",
    scores: [1, 1, 1, 0.5, 0.5],
  },
];

/**
 * One canonical row of the ROI tracker. Build, integrate and govern are paid once; maintain is
 * paid every period. Blank cost lines are null.
 */
export interface GoldenRoiCase {
  id: string;
  title: string;
  /** Why the case is in the table, in a sentence or two. */
  note: string;
  direction: "lower" | "higher";
  baseline: number;
  current: number;
  valuePerUnit: number;
  build: number | null;
  integrate: number | null;
  govern: number | null;
  maintain: number | null;
  /** Periods observed since go-live; fractions allowed. */
  periods: number;
  /** Whole periods of the business case. */
  horizon: number;
  discountRate: number;
}

/** The hours example: 40 hours a month before go-live, 25 after, 60 an hour; 3 000 + 1 000 + 500 paid once. */
const HOURS = {
  direction: "lower",
  baseline: 40,
  current: 25,
  valuePerUnit: 60,
  build: 3000,
  integrate: 1000,
  govern: 500,
} as const;

export const GOLDEN_ROI_CASES: readonly GoldenRoiCase[] = [
  {
    id: "roi-one-off",
    title: "One-off costs only",
    note: "No maintain cost: 900 a month against 4 500 paid once. Over 12 months: ROI (10 800 − 4 500) / 4 500 = 1.4, NPV 12 × 900 − 4 500 = 6 300, payback 4 500 / 900 = 5.",
    ...HOURS,
    maintain: null,
    periods: 12,
    horizon: 12,
    discountRate: 0,
  },
  {
    id: "roi-monthly-maintain",
    title: "A maintain cost every month",
    note: "The same row with 500 a month to maintain. Counted once per month observed: cost 4 500 + 12 × 500 = 10 500, ROI 300 / 10 500 = 1/35; net 400 a month, NPV 4 800 − 4 500 = 300, payback 4 500 / 400 = 11.25.",
    ...HOURS,
    maintain: 500,
    periods: 12,
    horizon: 12,
    discountRate: 0,
  },
  {
    id: "roi-discounted",
    title: "Discounted at 1% a month over two years",
    note: "Net 900 − 150 = 750 a month for 24 months at 1%: NPV 750 × (1 − 1.01^−24) / 0.01 − 4 500, the sheet's -PV(1%, 24, 750) - 4 500. Payback 4 500 / 750 = 6.",
    ...HOURS,
    maintain: 150,
    periods: 12,
    horizon: 24,
    discountRate: 0.01,
  },
  {
    id: "roi-part-month",
    title: "Two and a half months observed",
    note: "Periods observed can be a fraction: benefit 900 × 2.5 = 2 250 against 4 500 + 150 × 2.5 = 4 875. The NPV and payback still cover the 12-month horizon.",
    ...HOURS,
    maintain: 150,
    periods: 2.5,
    horizon: 12,
    discountRate: 0.01,
  },
  {
    id: "roi-maintain-only",
    title: "Only a maintain cost",
    note: "Nothing paid once and 500 a month: ROI (10 800 − 6 000) / 6 000 = 0.8. With no one-off cost there is nothing to pay back, so payback is 0.",
    ...HOURS,
    build: null,
    integrate: null,
    govern: null,
    maintain: 500,
    periods: 12,
    horizon: 12,
    discountRate: 0,
  },
  {
    id: "roi-maintain-exceeds",
    title: "Maintain costs more than the benefit",
    note: "1 000 a month to maintain against 900 of benefit: the net flow is −100, so the NPV falls every month and the cost is never paid back.",
    ...HOURS,
    maintain: 1000,
    periods: 12,
    horizon: 12,
    discountRate: 0,
  },
  {
    id: "roi-beyond-horizon",
    title: "Payback beyond the horizon",
    note: "The monthly-maintain row over a 6-month business case: 11.25 months are needed, so there is no payback within the horizon, and the NPV is negative.",
    ...HOURS,
    maintain: 500,
    periods: 6,
    horizon: 6,
    discountRate: 0,
  },
  {
    id: "roi-higher",
    title: "Higher is better",
    note: "Units went from 100 to 130 a quarter at 10 each: 300 a quarter. 200 paid once and 20 a quarter, three quarters at 5%: ROI (900 − 260) / 260.",
    direction: "higher",
    baseline: 100,
    current: 130,
    valuePerUnit: 10,
    build: 200,
    integrate: null,
    govern: null,
    maintain: 20,
    periods: 3,
    horizon: 3,
    discountRate: 0.05,
  },
];

/** Two profiles of one workflow, for the attribution of the change in realized value between them. */
export interface GoldenAttributionCase {
  id: string;
  title: string;
  /** Why the case is in the table, with its shares worked out by hand where they are short. */
  note: string;
  before: readonly number[];
  after: readonly number[];
}

export const GOLDEN_ATTRIBUTION_CASES: readonly GoldenAttributionCase[] = [
  {
    id: "one-layer",
    title: "Only Measurement moved",
    note: "The article's profile with Measurement raised from 0.4 to 0.6: a layer that moves alone takes the whole change, 0.2 × 0.12 = 0.024, and the others get exactly 0.",
    before: [0.8, 0.6, 0.5, 0.4, 0.5],
    after: [0.8, 0.6, 0.5, 0.6, 0.5],
  },
  {
    id: "two-layers",
    title: "Strategy and Measurement both moved",
    note: "The three that stayed multiply to 0.15. Each moving layer takes its step × the mean of the other's two scores × 0.15: Strategy 0.2 × 0.5 × 0.15 = 0.015, Measurement 0.2 × 0.7 × 0.15 = 0.021; together the change 0.072 − 0.036.",
    before: [0.6, 0.6, 0.5, 0.4, 0.5],
    after: [0.8, 0.6, 0.5, 0.6, 0.5],
  },
  {
    id: "offsetting",
    title: "A gain and a loss that cancel",
    note: "Realized value is 0.5 before and after, yet Strategy rose from 0.5 to 1 and Adoption fell from 1 to 0.5: +0.375 and −0.375 (0.5 × the mean of 1 and 0.5).",
    before: [0.5, 1, 1, 1, 1],
    after: [1, 1, 1, 1, 0.5],
  },
  {
    id: "from-zero",
    title: "Two layers leave 0",
    note: "Realized value stays 0 until both Strategy and Measurement have left 0, so they split the change 0.2: Strategy 0.5 × 0.4 / 2 = 0.1, Measurement 0.4 × 0.5 / 2 = 0.1.",
    before: [0, 1, 1, 0, 1],
    after: [0.5, 1, 1, 0.4, 1],
  },
  {
    id: "every-layer",
    title: "Every answer 3, then every answer 4",
    note: "Five alike moves share the change 0.8^5 − 0.6^5 = 0.24992 equally: 0.049984 each.",
    before: [0.6, 0.6, 0.6, 0.6, 0.6],
    after: [0.8, 0.8, 0.8, 0.8, 0.8],
  },
  {
    id: "mixed",
    title: "Three layers up, one down",
    note: "The article's profile, then Strategy 0.9, Workflow down to 0.4, Oversight 0.7 and Measurement 0.8. Every share is the average over the 120 orders in which the four could move; the tests compute that average directly.",
    before: [0.8, 0.6, 0.5, 0.4, 0.5],
    after: [0.9, 0.4, 0.7, 0.8, 0.5],
  },
];
