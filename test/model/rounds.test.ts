import fc from "fast-check";
import { STATEMENTS, statementsOf, type Answers } from "../../src/model/assessment";
import { bandOf } from "../../src/model/bands";
import { LAYERS } from "../../src/model/layers";
import {
  isCompleteResponse,
  latestRound,
  latestScores,
  responsesByWorkflow,
  roundDivergence,
  roundLabel,
  roundsOf,
  teamResult,
} from "../../src/model/rounds";
import { divergentStatements, type AssessmentResponse } from "../../src/model/team";
import { weakestLayerIndex } from "../../src/model/weakest";
import { respond, type LayerAnswers } from "./respond";

const TOLERANCE = 1e-12;

/** Every value within 1e-12 of the hand-computed one, reporting the index that differs. */
function expectWithin(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  const off = actual.findIndex((value, i) => !(Math.abs(value - expected[i]) <= TOLERANCE));
  if (off >= 0) expect({ index: off, value: actual[off] }).toEqual({ index: off, value: expected[off] });
}

const claims = (layers: readonly LayerAnswers[], id: string, date: string, respondent = id) =>
  respond(layers, { id, workflow: "Claims", date, respondent });

// Claims, 2026-01-15: three complete respondents and one partial one.
//   Ana [4,4,4,4,4] → [0.8, 0.8, 0.8, 0.8, 0.8]
//   Ben [3,3,3,3,3] → [0.6, 0.6, 0.6, 0.6, 0.6]
//   Cy  [5,2,4,3,1] → [1.0, 0.4, 0.8, 0.6, 0.2]
//   Dee answers Strategy to Measurement (12 of 15) and leaves Adoption blank: listed, not counted.
//   Means: Strategy 2.4/3 = 0.8; Workflow 1.8/3 = 0.6; Oversight 2.2/3 = 11/15; Measurement 2/3;
//          Adoption 1.6/3 = 8/15.
//   Realized (4/5)(3/5)(11/15)(2/3)(8/15) = 2112/16875 = 0.125155…; gap 0.874844… → Severe;
//   weakest Adoption (8/15 = 0.533 is below 0.6).
const JANUARY = "2026-01-15";
const JAN_SCORES = [0.8, 0.6, 11 / 15, 2 / 3, 8 / 15];
const JAN_REALIZED = 2112 / 16875;
// Claims, 2026-04-10: two complete respondents.
//   Ana [5,4,4,3,4] → [1.0, 0.8, 0.8, 0.6, 0.8]
//   Ben [4,4,3,3,4] → [0.8, 0.8, 0.6, 0.6, 0.8]
//   Means [0.9, 0.8, 0.7, 0.6, 0.8]; realized 0.9 × 0.8 × 0.7 × 0.6 × 0.8 = 0.24192;
//   gap 0.75808 → Severe; weakest Measurement.
// Pooling both dates would give Strategy (0.8 + 0.6 + 1 + 1 + 0.8) / 5 = 0.84, which is neither.
const APRIL = "2026-04-10";
const APR_SCORES = [0.9, 0.8, 0.7, 0.6, 0.8];
const APR_REALIZED = 0.24192;

const RESPONSES: AssessmentResponse[] = [
  claims([4, 4, 4, 4, 4], "j-ana", JANUARY, "Ana"),
  claims([5, 4, 4, 3, 4], "a-ana", APRIL, "Ana"),
  claims([3, 3, 3, 3, 3], "j-ben", JANUARY, "Ben"),
  claims([3, 3, 3, 3, null], "j-dee", JANUARY, "Dee"),
  respond([1, 1, 1, 1, 1], { id: "other", workflow: "Onboarding", date: APRIL }),
  claims([5, 2, 4, 3, 1], "j-cy", JANUARY, "Cy"),
  claims([4, 4, 3, 3, 4], "a-ben", APRIL, "Ben"),
];

describe("roundLabel", () => {
  it("names a round by its date, and the round saved without one as undated", () => {
    expect(roundLabel("2026-04-02")).toBe("2026-04-02");
    expect(roundLabel("")).toBe("undated");
  });
});

describe("isCompleteResponse", () => {
  it("is true only when all 15 statements have an answer from 0 to 5", () => {
    expect(isCompleteResponse(respond([0, 0, 0, 0, 0]))).toBe(true);
    expect(isCompleteResponse(respond([5, 5, 5, 5, 5]))).toBe(true);
    expect(isCompleteResponse(respond([4, 4, 4, 4, [4, 4, undefined]]))).toBe(false); // 14 of 15
    expect(isCompleteResponse(respond([4, 4, 4, 4, null]))).toBe(false); // 12 of 15
    expect(isCompleteResponse({ answers: {} })).toBe(false);
  });

  it("does not count an answer that is not a whole number from 0 to 5", () => {
    expect(isCompleteResponse(respond([4, 4, 4, 4, [4, 4, 6]]))).toBe(false);
    expect(isCompleteResponse(respond([4, 4, 4, 4, [4, 4, 2.5]]))).toBe(false);
    expect(isCompleteResponse(respond([4, 4, 4, 4, [4, 4, -1]]))).toBe(false);
  });
});

describe("teamResult", () => {
  it("averages each layer over the complete responses, then multiplies the means", () => {
    const result = teamResult(RESPONSES.filter((r) => r.date === JANUARY && r.workflow === "Claims"))!;
    expect(result.respondents).toBe(3);
    expectWithin(result.layerScores, JAN_SCORES);
    expectWithin([result.realized, result.gap], [JAN_REALIZED, 1 - JAN_REALIZED]);
    expect(result.band).toBe("Severe");
    expect(result.weakest).toBe(4);
  });

  it("is not the mean of each person's own realized value", () => {
    // Ana 0.8^5 = 0.32768 and Ben 0.6^5 = 0.07776: the mean of products is 0.20272, but the
    // product of the means is 0.7^5 = 0.16807.
    const result = teamResult([respond([4, 4, 4, 4, 4], { id: "a" }), respond([3, 3, 3, 3, 3], { id: "b" })])!;
    expectWithin([result.realized], [0.16807]);
  });

  it("leaves a partial response out entirely, including the layers it did answer", () => {
    // Counting Dee's complete Strategy (0.6) would give (0.8 + 0.6 + 0.6) / 3 = 2/3.
    const result = teamResult([respond([4, 4, 4, 4, 4], { id: "a" }), respond([3, 3, 3, 3, null], { id: "d" })])!;
    expect(result.respondents).toBe(1);
    expectWithin(result.layerScores, [0.8, 0.8, 0.8, 0.8, 0.8]);
  });

  it("is null without a complete response", () => {
    expect(teamResult([])).toBeNull();
    expect(teamResult([respond([4, 4, 4, 4, null]), respond([4, 4, 4, 4, [4, 4, undefined]])])).toBeNull();
  });

  it("takes the first of equal lowest layers as the weakest", () => {
    expect(teamResult([respond([5, 3, 5, 3, 5])])!.weakest).toBe(1);
  });
});

describe("roundsOf", () => {
  const rounds = roundsOf(RESPONSES, "Claims");

  it("gives one round per date, oldest first, each with its own team result (never pooled)", () => {
    expect(rounds.map((round) => round.date)).toEqual([JANUARY, APRIL]);
    const [january, april] = rounds;
    expect(january.result!.respondents).toBe(3);
    expectWithin(january.result!.layerScores, JAN_SCORES);
    expectWithin([january.result!.realized], [JAN_REALIZED]);
    expect(april.result!.respondents).toBe(2);
    expectWithin(april.result!.layerScores, APR_SCORES);
    expectWithin([april.result!.realized, april.result!.gap], [APR_REALIZED, 1 - APR_REALIZED]);
    expect(april.result!.band).toBe("Severe");
    expect(april.result!.weakest).toBe(3);
    expect(rounds.every((round) => round.workflow === "Claims")).toBe(true);
  });

  it("lists every response of the round in saved order, partial ones too, and counts the partial ones", () => {
    const [january, april] = rounds;
    expect(january.responses.map((r) => r.id)).toEqual(["j-ana", "j-ben", "j-dee", "j-cy"]);
    expect(january.partial).toBe(1);
    expect(april.responses.map((r) => r.id)).toEqual(["a-ana", "a-ben"]);
    expect(april.partial).toBe(0);
  });

  it("keeps a round with no complete response, with a null result", () => {
    const withJune = [...RESPONSES, claims([2, 2, 2, null, null], "june", "2026-06-01")];
    const june = roundsOf(withJune, "Claims").at(-1)!;
    expect(june).toMatchObject({ date: "2026-06-01", partial: 1, result: null });
    expect(june.responses.map((r) => r.id)).toEqual(["june"]);
  });

  describe("undated responses", () => {
    it("form the round “”, before every dated round", () => {
      const undated = [
        claims([4, 4, 4, 4, 4], "dated", "2026-01-01"),
        claims([3, 3, 3, 3, 3], "undated", ""),
        claims([2, 2, 2, 2, 2], "early", "2025-12-31"),
      ];
      expect(roundsOf(undated, "Claims").map((round) => round.date)).toEqual(["", "2025-12-31", "2026-01-01"]);
    });
  });

  describe("workflow names that differ only by case", () => {
    it("are different workflows", () => {
      const mixed = [
        respond([4, 4, 4, 4, 4], { id: "upper", workflow: "Claims", date: JANUARY }),
        respond([2, 2, 2, 2, 2], { id: "lower", workflow: "claims", date: JANUARY }),
      ];
      const upper = roundsOf(mixed, "Claims");
      const lower = roundsOf(mixed, "claims");
      expect(upper.map((round) => round.responses.map((r) => r.id))).toEqual([["upper"]]);
      expect(lower.map((round) => round.responses.map((r) => r.id))).toEqual([["lower"]]);
      expectWithin(upper[0].result!.layerScores, [0.8, 0.8, 0.8, 0.8, 0.8]);
      expectWithin(lower[0].result!.layerScores, [0.4, 0.4, 0.4, 0.4, 0.4]);
      expect(roundsOf(mixed, "CLAIMS")).toEqual([]);
    });
  });

  it("gives no rounds for a workflow nobody assessed", () => {
    expect(roundsOf(RESPONSES, "Payroll")).toEqual([]);
    expect(roundsOf([], "Claims")).toEqual([]);
  });
});

describe("latestRound", () => {
  it("is the most recent round with a team result", () => {
    const latest = latestRound(RESPONSES, "Claims")!;
    expect(latest.date).toBe(APRIL);
    expectWithin([latest.result!.realized], [APR_REALIZED]);
  });

  it("skips a later round that has no complete response", () => {
    const withJune = [...RESPONSES, claims([5, 5, 5, 5, null], "june", "2026-06-01")];
    expect(roundsOf(withJune, "Claims").map((round) => round.date)).toEqual([JANUARY, APRIL, "2026-06-01"]);
    expect(latestRound(withJune, "Claims")!.date).toBe(APRIL);
  });

  it("counts an undated round as older than every dated one", () => {
    const responses = [claims([3, 3, 3, 3, 3], "undated", ""), claims([4, 4, 4, 4, 4], "dated", "2020-01-01")];
    expect(latestRound(responses, "Claims")!.date).toBe("2020-01-01");
  });

  it("takes the undated round when it is the only one with a result", () => {
    const responses = [claims([3, 3, 3, 3, 3], "undated", ""), claims([4, 4, 4, 4, null], "dated", "2026-01-01")];
    const latest = latestRound(responses, "Claims")!;
    expect(latest.date).toBe("");
    expectWithin([latest.result!.realized], [0.07776]); // 0.6^5
  });

  it("compares dates across years", () => {
    const responses = [claims([4, 4, 4, 4, 4], "a", "2025-12-31"), claims([3, 3, 3, 3, 3], "b", "2026-01-01")];
    expect(latestRound(responses, "Claims")!.date).toBe("2026-01-01");
  });

  it("is null without a complete response, or for another workflow's name in another case", () => {
    expect(latestRound([], "Claims")).toBeNull();
    expect(latestRound([claims([4, 4, 4, 4, null], "p", JANUARY)], "Claims")).toBeNull();
    expect(latestRound(RESPONSES, "claims")).toBeNull();
  });
});

describe("latestScores", () => {
  it("gives the latest round's layer scores, or null", () => {
    expectWithin(latestScores(RESPONSES, "Claims")!, APR_SCORES);
    expect(latestScores(RESPONSES, "Payroll")).toBeNull();
  });
});

describe("roundDivergence", () => {
  const OWNER = "oversight.owner";
  // A complete response: 3 everywhere but the owner statement.
  const answering = (value: number, id: string, date: string): AssessmentResponse => ({
    id,
    workflow: "Claims",
    respondent: id,
    date,
    answers: { ...Object.fromEntries(STATEMENTS.map((s) => [s.id, 3])), [OWNER]: value },
  });

  it("flags statements 3 or more points apart within the round", () => {
    // January's Adoption answers: Ana 4, Ben 3, Cy 1: spread 3 on each of the three statements.
    // Strategy 4, 3, 5 and Dee's 3 (spread 2) and the other layers stay under 3; Dee left Adoption blank.
    const [january, april] = roundsOf(RESPONSES, "Claims");
    const flags = roundDivergence(january);
    expect(flags.map((flag) => flag.statement.id)).toEqual(statementsOf("adoption").map((s) => s.id));
    expect(flags.map((flag) => [flag.min, flag.max, flag.spread])).toEqual([
      [1, 4, 3],
      [1, 4, 3],
      [1, 4, 3],
    ]);
    expect(roundDivergence(april)).toEqual([]);
  });

  it("does not flag a spread that exists only across two dates", () => {
    // January: 1 and 1; April: 4 and 4. Across dates 1 to 4 is 3 points, but that is change.
    const responses = [
      answering(1, "a1", JANUARY),
      answering(1, "b1", JANUARY),
      answering(4, "a2", APRIL),
      answering(4, "b2", APRIL),
    ];
    expect(divergentStatements(responses).map((flag) => flag.statement.id)).toEqual([OWNER]);
    for (const round of roundsOf(responses, "Claims")) expect(roundDivergence(round)).toEqual([]);
  });

  it("flags the round that does disagree, and only that one", () => {
    const responses = [
      answering(1, "a1", JANUARY),
      answering(4, "b1", JANUARY),
      answering(3, "a2", APRIL),
      answering(3, "b2", APRIL),
    ];
    const [january, april] = roundsOf(responses, "Claims");
    expect(roundDivergence(january).map((flag) => [flag.statement.id, flag.spread])).toEqual([[OWNER, 3]]);
    expect(roundDivergence(april)).toEqual([]);
  });

  it("never flags a statement because of a partial response, which the team result leaves out too", () => {
    const complete = answering(5, "ben", JANUARY);
    const partial: AssessmentResponse = { ...answering(0, "cy", JANUARY), answers: { [OWNER]: 0 } };
    const [round] = roundsOf([complete, partial], "Claims");
    expect(round.result!.respondents).toBe(1);
    expect(roundDivergence(round)).toEqual([]);
    expect(divergentStatements(round.responses).map((flag) => flag.statement.id)).toEqual([OWNER]);
  });

  it("takes a custom threshold", () => {
    const [round] = roundsOf([answering(1, "a", JANUARY), answering(3, "b", JANUARY)], "Claims");
    expect(roundDivergence(round)).toEqual([]);
    expect(roundDivergence(round, 2).map((flag) => flag.spread)).toEqual([2]);
  });
});

describe("round properties", () => {
  const RUNS = { numRuns: 1000 };
  const DATES = ["", "2025-12-31", "2026-01-15", "2026-04-10"];
  const WORKFLOWS = ["Claims", "claims", "Onboarding"];
  // Half the responses answer all 15 statements; the rest may leave one blank or hold a value
  // that is not an answer (6, 2.5, -1), so rounds mix complete and partial responses.
  const someAnswer = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0, max: 5 }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom(6, 2.5, -1) },
  );
  const toAnswers = (values: readonly (number | undefined)[]): Answers => {
    const answers: Record<string, number> = {};
    STATEMENTS.forEach((statement, i) => {
      if (values[i] !== undefined) answers[statement.id] = values[i];
    });
    return answers;
  };
  const answersArb = fc.oneof(
    fc.tuple(...STATEMENTS.map(() => fc.integer({ min: 0, max: 5 }))).map(toAnswers),
    fc.tuple(...STATEMENTS.map(() => someAnswer)).map(toAnswers),
  );
  const responseArb = fc.record({
    workflow: fc.constantFrom(...WORKFLOWS),
    date: fc.constantFrom(...DATES),
    answers: answersArb,
  });
  const responsesArb = fc
    .array(responseArb, { maxLength: 12 })
    .map((list) => list.map((r, i): AssessmentResponse => ({ ...r, id: `r${i}`, respondent: `p${i}` })));
  /** A response with at least one of the 15 statements left without a valid answer. */
  const partialArb = fc
    .tuple(answersArb, fc.integer({ min: 0, max: STATEMENTS.length - 1 }), fc.constantFrom(undefined, 6, 0.5))
    .map(([answers, hole, bad]) => {
      const copy: Record<string, number | undefined> = { ...answers };
      if (bad === undefined) delete copy[STATEMENTS[hole].id];
      else copy[STATEMENTS[hole].id] = bad;
      return copy as Answers;
    });

  /** Complete, checked here without the model: 15 whole answers from 0 to 5. */
  const complete = (answers: Answers) =>
    STATEMENTS.every((s) => {
      const v = answers[s.id];
      return typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 5;
    });
  /** A layer's score from the raw answers: the sum of its three answers over 15. */
  const layerScoresOf = (answers: Answers) =>
    LAYERS.map((layer) => statementsOf(layer.id).reduce((sum, s) => sum + answers[s.id]!, 0) / 15);

  it("a round's team result is the mean of its complete respondents' layer scores", () => {
    fc.assert(
      fc.property(responsesArb, fc.constantFrom(...WORKFLOWS), (responses, workflow) => {
        const rounds = roundsOf(responses, workflow);
        const mine = responses.filter((r) => r.workflow === workflow);
        expect(rounds.map((round) => round.responses.length).reduce((a, b) => a + b, 0)).toBe(mine.length);
        for (const round of rounds) {
          const group = mine.filter((r) => r.date === round.date);
          expect(round.responses).toEqual(group);
          const scored = group.filter((r) => complete(r.answers)).map((r) => layerScoresOf(r.answers));
          expect(round.partial).toBe(group.length - scored.length);
          if (scored.length === 0) {
            expect(round.result).toBeNull();
            continue;
          }
          const means = LAYERS.map((_, k) => scored.reduce((sum, s) => sum + s[k], 0) / scored.length);
          const product = means.reduce((p, m) => p * m, 1);
          const result = round.result!;
          expect(result.respondents).toBe(scored.length);
          expectWithin(result.layerScores, means);
          expectWithin([result.realized, result.gap], [product, 1 - product]);
          expect(result.band).toBe(bandOf(result.gap));
          expect(result.weakest).toBe(weakestLayerIndex(result.layerScores));
          expect(result.layerScores[result.weakest]).toBe(Math.min(...result.layerScores));
        }
      }),
      RUNS,
    );
  });

  it("adding a partial response never changes a team result", () => {
    fc.assert(
      fc.property(
        responsesArb,
        partialArb,
        fc.constantFrom(...WORKFLOWS),
        fc.constantFrom(...DATES),
        fc.nat(),
        (responses, answers, workflow, date, at) => {
          expect(isCompleteResponse({ answers })).toBe(false);
          const partial: AssessmentResponse = { id: "partial", workflow, respondent: "late", date, answers };
          const position = at % (responses.length + 1);
          const more = [...responses.slice(0, position), partial, ...responses.slice(position)];
          expect(teamResult(more)).toEqual(teamResult(responses));
          const before = roundsOf(responses, workflow);
          const after = roundsOf(more, workflow);
          for (const round of after) {
            const was = before.find((r) => r.date === round.date);
            expect(round.result).toEqual(was?.result ?? null);
            expect(round.partial).toBe((was?.partial ?? 0) + (round.date === date ? 1 : 0));
          }
          expect(latestRound(more, workflow)?.date).toBe(latestRound(responses, workflow)?.date);
        },
      ),
      RUNS,
    );
  });

  it("a workflow's group from responsesByWorkflow gives the same rounds as the whole list", () => {
    fc.assert(
      fc.property(responsesArb, (responses) => {
        const groups = responsesByWorkflow(responses);
        expect([...groups.keys()].sort()).toEqual([...new Set(responses.map((r) => r.workflow))].sort());
        for (const workflow of WORKFLOWS) {
          const group = groups.get(workflow) ?? [];
          expect(group).toEqual(responses.filter((r) => r.workflow === workflow));
          expect(roundsOf(group, workflow)).toEqual(roundsOf(responses, workflow));
          expect(latestRound(group, workflow)).toEqual(latestRound(responses, workflow));
        }
      }),
      RUNS,
    );
  });

  it("latestRound's date is the latest date among the rounds with a result (undated oldest)", () => {
    fc.assert(
      fc.property(responsesArb, fc.constantFrom(...WORKFLOWS), (responses, workflow) => {
        // Worked out from the raw responses, without roundsOf: ISO dates sort as text, "" first.
        const dates = responses.filter((r) => r.workflow === workflow && complete(r.answers)).map((r) => r.date);
        const latest = latestRound(responses, workflow);
        if (dates.length === 0) {
          expect(latest).toBeNull();
          return;
        }
        const max = dates.reduce((a, b) => (b > a ? b : a));
        expect(latest!.date).toBe(max);
        expect(latest!.result).not.toBeNull();
        expect(latestScores(responses, workflow)).toEqual(latest!.result!.layerScores);
      }),
      RUNS,
    );
  });
});
