import {
  ANSWER_MAX,
  ANSWER_MIN,
  STATEMENTS,
  STATEMENTS_PER_LAYER,
  STATEMENT_COUNT,
  assessAnswers,
  isAnswer,
  layerScore,
  scoresFromAnswerList,
  statementsOf,
  type Answers,
} from "../../src/model/assessment";
import { LAYERS } from "../../src/model/layers";
import { expectAllClose } from "./close";

// The article's three questions per layer, which our statements must reword, not copy.
const ARTICLE_QUESTIONS = [
  "What outcome, in business terms, does this agent move",
  "Who is the executive that wants it",
  "Would we miss it if it disappeared tomorrow",
  "Does the agent live where the work already happens",
  "Can it complete a task, not just suggest one",
  "Are the human hand-offs explicitly designed",
  "What is the agent allowed to decide alone",
  "When and how does it escalate to a human",
  "Who is accountable when it gets something wrong",
  "What was the baseline before the agent",
  "Are we measuring outcomes or just activity",
  "Can the sponsor state the ROI in one sentence",
  "What did we stop doing because of the agent",
  "Where did the freed capacity go",
  "Would removing the agent now actually hurt",
];

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, " ")
    .split(/\s+/)
    .filter(Boolean);

/** Every run of n consecutive words, as text. */
const runs = (text: string, n: number): string[] => {
  const list = words(text);
  return list.slice(0, Math.max(0, list.length - n + 1)).map((_, i) => list.slice(i, i + n).join(" "));
};

/** Answers keyed by statement id, from a list in statement order (undefined = unanswered). */
const keyed = (list: readonly (number | undefined)[]): Answers =>
  Object.fromEntries(STATEMENTS.map((statement, i) => [statement.id, list[i]]));

describe("assessment constants", () => {
  it("uses a 0–5 scale and 3 statements for each of the 5 layers", () => {
    expect([ANSWER_MIN, ANSWER_MAX]).toEqual([0, 5]);
    expect(STATEMENTS_PER_LAYER).toBe(3);
    expect(STATEMENT_COUNT).toBe(15);
  });
});

describe("STATEMENTS", () => {
  it("has 15 statements", () => {
    expect(STATEMENTS).toHaveLength(15);
  });

  it("keeps the stored ids stable", () => {
    // Saved answers are keyed by these ids; renaming one would orphan them.
    expect(STATEMENTS.map((statement) => statement.id)).toEqual([
      "strategy.outcome",
      "strategy.sponsor",
      "strategy.missed",
      "workflow.in-place",
      "workflow.finishes",
      "workflow.handoffs",
      "oversight.decisions",
      "oversight.escalation",
      "oversight.owner",
      "measurement.baseline",
      "measurement.outcomes",
      "measurement.one-line",
      "adoption.stopped",
      "adoption.capacity",
      "adoption.load-bearing",
    ]);
  });

  it("has unique ids", () => {
    expect(new Set(STATEMENTS.map((statement) => statement.id)).size).toBe(15);
  });

  it("has three statements per layer, in layer order", () => {
    expect(STATEMENTS.map((statement) => statement.layer)).toEqual(
      LAYERS.flatMap((layer) => [layer.id, layer.id, layer.id]),
    );
  });

  it("prefixes every id with its layer id", () => {
    for (const statement of STATEMENTS) expect(statement.id.startsWith(`${statement.layer}.`)).toBe(true);
  });

  it("has non-empty, distinct texts", () => {
    for (const statement of STATEMENTS) expect(statement.text.trim().length).toBeGreaterThan(10);
    expect(new Set(STATEMENTS.map((statement) => statement.text)).size).toBe(15);
  });

  describe("wording", () => {
    it("is a statement, not a question", () => {
      for (const statement of STATEMENTS) expect(statement.text.trim().endsWith("?")).toBe(false);
    });

    it("does not equal or contain any of the article's questions", () => {
      for (const statement of STATEMENTS) {
        const ours = words(statement.text).join(" ");
        for (const question of ARTICLE_QUESTIONS) {
          const theirs = words(question).join(" ");
          expect(ours).not.toBe(theirs);
          expect(ours).not.toContain(theirs);
          expect(theirs).not.toContain(ours);
        }
      }
    });

    it("repeats no word of four letters or more within a statement", () => {
      // A repeated word reads as a slip ("given a purpose on purpose") and blurs what is asked.
      const repeats = STATEMENTS.flatMap((statement) => {
        const long = words(statement.text).filter((word) => word.length >= 4);
        const twice = long.filter((word, i) => long.indexOf(word) !== i);
        return twice.map((word) => `${statement.id}: "${word}"`);
      });
      expect(repeats).toEqual([]);
    });

    it("asks whether freed capacity is deliberately redeployed (statement 14)", () => {
      const capacity = STATEMENTS.find((statement) => statement.id === "adoption.capacity");
      expect(capacity?.text).toMatch(/time the agent frees up/i);
      expect(capacity?.text).toMatch(/deliberately/i);
    });

    it("shares no run of five words with any of the article's questions", () => {
      const theirs = new Set(ARTICLE_QUESTIONS.flatMap((question) => runs(question, 5)));
      const shared = STATEMENTS.flatMap((statement) => runs(statement.text, 5)).filter((run) => theirs.has(run));
      expect(shared).toEqual([]);
    });
  });
});

describe("statementsOf", () => {
  it("returns a layer's three statements in order", () => {
    expect(statementsOf("strategy").map((statement) => statement.id)).toEqual([
      "strategy.outcome",
      "strategy.sponsor",
      "strategy.missed",
    ]);
  });

  it("returns three statements of that layer for every layer", () => {
    for (const layer of LAYERS) {
      const list = statementsOf(layer.id);
      expect(list).toHaveLength(3);
      for (const statement of list) expect(statement.layer).toBe(layer.id);
    }
  });
});

describe("layerScore", () => {
  it("divides the mean answer by 5", () => {
    expect(layerScore([4, 4, 4])).toBeCloseTo(0.8, 10); // 4 / 5
    expect(layerScore([5, 3, 1])).toBeCloseTo(0.6, 10); // 9/3 = 3; 3/5
    expect(layerScore([2, 3, 2])).toBeCloseTo(7 / 15, 10); // 7/3 ÷ 5
  });

  describe("edge cases", () => {
    it("is 0 for all zeros and 1 for all fives", () => {
      expect(layerScore([0, 0, 0])).toBe(0);
      expect(layerScore([5, 5, 5])).toBe(1);
    });

    it("takes the mean of however many answers are given", () => {
      expect(layerScore([3])).toBeCloseTo(0.6, 10);
      expect(layerScore([5, 5, 5, 0, 0, 0])).toBeCloseTo(0.5, 10); // 15/6 = 2.5; 2.5/5
    });
  });
});

describe("scoresFromAnswerList", () => {
  it("scores each block of three answers as one layer", () => {
    // sums 12, 9, 6, 6, 15 → ÷ 15 → 0.8, 0.6, 0.4, 0.4, 1
    expectAllClose(scoresFromAnswerList([4, 4, 4, 3, 3, 3, 1, 2, 3, 2, 2, 2, 5, 5, 5]), [0.8, 0.6, 0.4, 0.4, 1]);
  });

  it("reproduces the article's profile from its documented answers", () => {
    // sums 12, 9, 7.5, 6, 7.5 → ÷ 15
    expectAllClose(scoresFromAnswerList([4, 4, 4, 3, 3, 3, 2, 3, 2.5, 2, 2, 2, 2, 3, 2.5]), [0.8, 0.6, 0.5, 0.4, 0.5]);
  });

  it("does not mix answers across layer boundaries", () => {
    // sums 3, 12, 15, 0, 3 → ÷ 15
    expectAllClose(scoresFromAnswerList([0, 1, 2, 3, 4, 5, 5, 5, 5, 0, 0, 0, 1, 1, 1]), [0.2, 0.8, 1, 0, 0.2]);
  });

  describe("edge cases", () => {
    it("gives five zeros for all zeros and five ones for all fives", () => {
      expect(scoresFromAnswerList(new Array(15).fill(0))).toEqual([0, 0, 0, 0, 0]);
      expect(scoresFromAnswerList(new Array(15).fill(5))).toEqual([1, 1, 1, 1, 1]);
    });
  });
});

describe("assessAnswers", () => {
  it("scores a complete assessment like the list version", () => {
    const list = [4, 4, 4, 3, 3, 3, 1, 2, 3, 2, 2, 2, 5, 5, 5];
    const progress = assessAnswers(keyed(list));
    expect(progress.answered).toBe(15);
    expect(progress.total).toBe(15);
    expect(progress.complete).toBe(true);
    expectAllClose(progress.layerScores as number[], [0.8, 0.6, 0.4, 0.4, 1]);
  });

  it("scores a finished layer while the others are still open", () => {
    // (5 + 5 + 2) / 3 = 4; 4 / 5 = 0.8
    const progress = assessAnswers({ "strategy.outcome": 5, "strategy.sponsor": 5, "strategy.missed": 2 });
    expect(progress.answered).toBe(3);
    expect(progress.complete).toBe(false);
    expect(progress.layerScores[0]).toBeCloseTo(0.8, 10);
    expect(progress.layerScores.slice(1)).toEqual([null, null, null, null]);
  });

  describe("unanswered statements", () => {
    it("start with nothing answered and no scores", () => {
      expect(assessAnswers({})).toEqual({
        answered: 0,
        total: 15,
        layerScores: [null, null, null, null, null],
        complete: false,
      });
    });

    it("never count as 0: a layer with a missing answer has no score", () => {
      // As 0 this would be (5 + 5 + 0)/15 = 0.667; averaging only the given ones would be 1.
      const progress = assessAnswers({ "strategy.outcome": 5, "strategy.sponsor": 5 });
      expect(progress.layerScores[0]).toBeNull();
      expect(progress.answered).toBe(2);
    });

    it("treat an explicit undefined as unanswered", () => {
      const progress = assessAnswers({
        "workflow.in-place": 3,
        "workflow.finishes": undefined,
        "workflow.handoffs": 3,
      });
      expect(progress.layerScores[1]).toBeNull();
      expect(progress.answered).toBe(2);
    });

    it("count every answered statement in progress, even in unfinished layers", () => {
      const list = [5, 5, undefined, 1, undefined, undefined, 0, 0, 0, undefined, 4, undefined, 2, 2, 2];
      const progress = assessAnswers(keyed(list));
      expect(progress.answered).toBe(10);
      expect(progress.complete).toBe(false);
      expect(progress.layerScores[0]).toBeNull();
      expect(progress.layerScores[1]).toBeNull();
      expect(progress.layerScores[2]).toBe(0);
      expect(progress.layerScores[3]).toBeNull();
      expect(progress.layerScores[4]).toBeCloseTo(0.4, 10); // 2 / 5
    });

    it("leave an assessment with one gap incomplete", () => {
      const list: (number | undefined)[] = new Array(15).fill(4);
      list[14] = undefined;
      const progress = assessAnswers(keyed(list));
      expect(progress.answered).toBe(14);
      expect(progress.complete).toBe(false);
      expect(progress.layerScores[4]).toBeNull();
      expectAllClose(progress.layerScores.slice(0, 4) as number[], [0.8, 0.8, 0.8, 0.8]);
    });
  });

  describe("edge cases", () => {
    it("counts 0 as a real answer", () => {
      const progress = assessAnswers({ "oversight.decisions": 0, "oversight.escalation": 0, "oversight.owner": 0 });
      expect(progress.answered).toBe(3);
      expect(progress.layerScores[2]).toBe(0);
    });

    it("ignores answers that are not whole numbers from 0 to 5", () => {
      const progress = assessAnswers({
        "measurement.baseline": 7,
        "measurement.outcomes": 2.5,
        "measurement.one-line": -1,
        "adoption.stopped": NaN,
      });
      expect(progress.answered).toBe(0);
      expect(progress.layerScores).toEqual([null, null, null, null, null]);
    });

    it("ignores ids that are not statements", () => {
      const progress = assessAnswers({ "strategy.unknown": 5, outcome: 5 });
      expect(progress.answered).toBe(0);
    });
  });
});

describe("isAnswer", () => {
  it("accepts each whole number from 0 to 5", () => {
    expect([0, 1, 2, 3, 4, 5].every(isAnswer)).toBe(true);
  });

  describe("rejects", () => {
    it("numbers outside 0–5 or not whole", () => {
      expect([-1, 6, 2.5, 0.1, NaN, Infinity, -Infinity].some(isAnswer)).toBe(false);
    });

    it("values that are not numbers", () => {
      expect(["3", null, undefined, true, {}, [3]].some(isAnswer)).toBe(false);
    });
  });
});
