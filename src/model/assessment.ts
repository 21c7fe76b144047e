import { LAYERS, LAYER_COUNT, type LayerId } from "./layers";

/** Lowest and highest answer to an assessment statement. */
export const ANSWER_MIN = 0;
export const ANSWER_MAX = 5;
/** Statements per layer, and in the whole assessment. */
export const STATEMENTS_PER_LAYER = 3;
export const STATEMENT_COUNT = LAYER_COUNT * STATEMENTS_PER_LAYER;

/** One statement of the assessment, answered from 0 (strongly disagree) to 5 (strongly agree). */
export interface Statement {
  /** Stable id, kept when the wording changes, so stored answers stay attached. */
  id: string;
  layer: LayerId;
  text: string;
  /**
   * Earlier wordings, so a survey form written from one of them still finds its statement on
   * import. A wording is listed here when it changes; it never moves to another statement.
   */
  formerTexts?: readonly string[];
}

/** The 15 statements, three per layer, in layer order. */
export const STATEMENTS: readonly Statement[] = [
  {
    id: "strategy.outcome",
    layer: "strategy",
    text: "We can state, in money or hours, the business result this agent is meant to change.",
  },
  { id: "strategy.sponsor", layer: "strategy", text: "A named executive wants this result and is waiting for it." },
  {
    id: "strategy.missed",
    layer: "strategy",
    text: "If the agent were switched off tomorrow, people would feel the loss within a week.",
  },
  {
    id: "workflow.in-place",
    layer: "workflow",
    text: "The agent runs inside the systems where this work is already done, not in a separate tool.",
  },
  {
    id: "workflow.finishes",
    layer: "workflow",
    text: "The agent can take a task all the way to done, rather than only proposing what to do.",
  },
  {
    id: "workflow.handoffs",
    layer: "workflow",
    text: "Each hand-over between the agent and a person has been designed and written down.",
  },
  {
    id: "oversight.decisions",
    layer: "oversight",
    text: "Everyone knows which decisions the agent may take without asking a person.",
  },
  {
    id: "oversight.escalation",
    layer: "oversight",
    text: "When the agent is unsure, it has a set route for passing the case to a person.",
  },
  {
    id: "oversight.owner",
    layer: "oversight",
    text: "One named person answers for the agent when it makes a mistake.",
  },
  {
    id: "measurement.baseline",
    layer: "measurement",
    text: "We recorded how this work performed before the agent went live.",
  },
  {
    id: "measurement.outcomes",
    layer: "measurement",
    text: "We track what the agent changes in business results, not how often it is used.",
  },
  {
    id: "measurement.one-line",
    layer: "measurement",
    text: "The sponsor can give the agent's return in one sentence, with a figure in it.",
  },
  {
    id: "adoption.stopped",
    layer: "adoption",
    text: "We can point to work we no longer do because the agent does it.",
  },
  {
    id: "adoption.capacity",
    layer: "adoption",
    text: "The time the agent frees up is deliberately put to other use.",
    formerTexts: ["The time the agent frees up has been given a purpose on purpose."],
  },
  {
    id: "adoption.load-bearing",
    layer: "adoption",
    text: "Taking the agent away now would disrupt how the business runs.",
  },
];

/** An answer per statement id; a missing id is unanswered, never 0. */
export type Answers = Readonly<Record<string, number | undefined>>;

/** The statements of one layer, in order. */
export function statementsOf(layer: LayerId): Statement[] {
  return STATEMENTS.filter((statement) => statement.layer === layer);
}

/**
 * A layer score from its answers: the mean of 0–5 answers, divided by 5.
 *
 * @example
 * layerScore([4, 4, 4]) //=> 0.8
 * layerScore([5, 3, 1]) //=> 0.6
 */
export function layerScore(answers: readonly number[]): number {
  let sum = 0;
  for (const answer of answers) sum += answer;
  return sum / answers.length / ANSWER_MAX;
}

/**
 * Five layer scores from 15 answers given in statement order.
 *
 * @example
 * scoresFromAnswerList([4,4,4, 3,3,3, 2,3,2.5, 2,2,2, 2,3,2.5]) //=> [0.8, 0.6, 0.5, 0.4, 0.5]
 */
export function scoresFromAnswerList(answers: readonly number[]): number[] {
  const scores: number[] = [];
  for (let layer = 0; layer < LAYER_COUNT; layer++) {
    scores.push(layerScore(answers.slice(layer * STATEMENTS_PER_LAYER, (layer + 1) * STATEMENTS_PER_LAYER)));
  }
  return scores;
}

/** Progress and layer scores of a possibly unfinished assessment. */
export interface AssessmentProgress {
  answered: number;
  total: number;
  /** A score per layer, or null while any of the layer's statements is unanswered. */
  layerScores: (number | null)[];
  /** True when every statement has an answer. */
  complete: boolean;
}

/**
 * Scores an assessment keyed by statement id. An unanswered statement leaves
 * its layer without a score; it never counts as 0.
 *
 * @example
 * assessAnswers({ "strategy.outcome": 5, "strategy.sponsor": 5, "strategy.missed": 2 })
 * //=> { answered: 3, total: 15, layerScores: [0.8, null, null, null, null], complete: false }
 */
export function assessAnswers(answers: Answers): AssessmentProgress {
  let answered = 0;
  const layerScores = LAYERS.map((layer) => {
    const values = statementsOf(layer.id).map((statement) => answers[statement.id]);
    const given = values.filter((value): value is number => isAnswer(value));
    answered += given.length;
    return given.length === values.length ? layerScore(given) : null;
  });
  return { answered, total: STATEMENT_COUNT, layerScores, complete: answered === STATEMENT_COUNT };
}

/**
 * True for a whole number from 0 to 5.
 *
 * @example
 * isAnswer(3) //=> true
 * isAnswer(2.5) //=> false
 * isAnswer(undefined) //=> false
 */
export function isAnswer(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= ANSWER_MIN && value <= ANSWER_MAX;
}
