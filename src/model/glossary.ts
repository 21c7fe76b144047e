// The words AGAP uses for scores and for changes to them, each with one meaning. The task pane,
// the sheets, the function descriptions and the function reference (docs/functions.md, which is
// also the help page) take their wording from here; a test holds the reference's glossary to
// this list, word for word.
import { ANSWER_MAX } from "./assessment";

export type GlossaryId = "layer-score" | "realized-value" | "answer-step" | "step" | "percentage-point" | "lift";

/** One term and what it means. */
export interface GlossaryEntry {
  id: GlossaryId;
  /** The term as it starts a glossary line, e.g. "Percentage point". */
  term: string;
  /** Its abbreviation, where it has one: "pts". */
  short?: string;
  /** What it means, in plain sentences. */
  definition: string;
}

/** The glossary, in the order a reader needs it: each term uses only those above it. */
export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: "layer-score",
    term: "Layer score",
    definition:
      "How well one execution layer holds up, from 0 to 1 (0% to 100%). " +
      "From the assessment, it is the mean of the layer's three answers divided by 5.",
  },
  {
    id: "realized-value",
    term: "Realized value",
    definition:
      "The share of an agent's expected value that reaches the business: " +
      "the five layer scores multiplied together, from 0 to 1 (0% to 100%).",
  },
  {
    id: "answer-step",
    term: "Answer step",
    definition:
      "One step on the 0 to 5 answer scale, such as from 3 to 4. " +
      "When the mean of a layer's three answers moves by one answer step, its layer score moves by 0.2 (20 pts).",
  },
  {
    id: "step",
    term: "Step",
    definition:
      "How far a what-if moves one layer score, up or down. The functions take it as a fraction (their delta " +
      "argument), the task pane in pts: a step of 0.1, or 10 pts, takes a score of 40% to 50%. " +
      "One answer step is a step of 0.2.",
  },
  {
    id: "percentage-point",
    term: "Percentage point",
    short: "pts",
    definition:
      "The difference between two percentages, such as two realized values or two layer scores: " +
      "from 4.8% to 6.0% is +1.2 pts. It is not a relative change, which here would be +25%.",
  },
  {
    id: "lift",
    term: "Lift",
    definition:
      "The change in realized value, in pts, when one layer score moves by a step and the other four stay " +
      "as they are. A step up gives a lift of 0 or more; a step down gives a negative lift, a loss. " +
      "AGAP.SENSITIVITY returns lifts, as fractions (0.012 is +1.2 pts). AGAP.LIFT, despite its name, " +
      "returns the realized value after the step, not the lift: subtract AGAP.REALIZED of the same scores to get the lift.",
  },
];

/** The glossary entry for a term. */
export function glossaryEntry(id: GlossaryId): GlossaryEntry {
  const entry = GLOSSARY.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`No glossary entry "${id}".`);
  return entry;
}

/** How a glossary line names its term: "Percentage point (pts)". */
export function glossaryHeading(entry: GlossaryEntry): string {
  return entry.short ? `${entry.term} (${entry.short})` : entry.term;
}

/** One answer step in layer-score terms: a fifth of the score scale, 0.2. */
export const ANSWER_STEP_SCORE = 1 / ANSWER_MAX;

/** Labels built from the glossary's words, for the places that show the same figures. */
export const TERM_LABELS = {
  /** The results table's column of lifts for one answer step up. */
  liftPerAnswerStep: "Lift for +1 answer step",
  /** The tornado's step field in the task pane; its unit is pts. */
  tornadoStep: "Step",
  tornadoStepHint: "Each layer score moves down and up by this many pts; one answer step is 20 pts.",
  /** The tornado table's columns, in the pane and on the sheet. */
  tornadoDown: "Lift, step down",
  tornadoUp: "Lift, step up",
  /** The line under the tornado's title on the sheet. */
  tornadoNote:
    "Lift: the change in realized value, in percentage points, when one layer score moves down or up by the step " +
    "and the other four stay as they are. Largest swing first.",
} as const;

/**
 * The tornado's title, from the step as the user wrote it in pts.
 *
 * @example
 * tornadoTitle("10") //=> "Lift for a step of ±10 pts"
 */
export function tornadoTitle(stepPoints: string): string {
  return `Lift for a step of ±${stepPoints} pts`;
}
