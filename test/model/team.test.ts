import { STATEMENTS } from "../../src/model/assessment";
import { LAYERS } from "../../src/model/layers";
import {
  DIVERGENCE_THRESHOLD,
  aggregateLayers,
  divergentStatements,
  workflowNames,
  type AssessmentResponse,
} from "../../src/model/team";
import { expectAllClose } from "./close";
import { respond } from "./respond";

/** A response with answers to single statements only. */
const answering = (answers: Record<string, number>, id: string): AssessmentResponse => ({
  id,
  workflow: "Invoice triage",
  respondent: id,
  date: "",
  answers,
});

describe("aggregateLayers", () => {
  it("gives mean, min and max per layer, in layer order", () => {
    // Strategy 0.8 and 0.6; Workflow 0.6 and 1.0; Oversight (5+3+1)/15 = 0.6 and 0.2;
    // Measurement 0.4 and 0.4; Adoption 0 and 1
    const result = aggregateLayers([
      respond([4, 3, [5, 3, 1], 2, 0], { id: "a" }),
      respond([3, 5, 1, 2, 5], { id: "b" }),
    ]);
    expect(result.map((aggregate) => aggregate.layer)).toEqual([...LAYERS]);
    expect(result.map((aggregate) => aggregate.count)).toEqual([2, 2, 2, 2, 2]);
    expectAllClose(
      result.map((aggregate) => aggregate.mean!),
      [0.7, 0.8, 0.4, 0.4, 0.5], // (0.8 + 0.6) / 2, (0.6 + 1) / 2, (0.6 + 0.2) / 2, 0.4, (0 + 1) / 2
    );
    expectAllClose(
      result.map((aggregate) => aggregate.min!),
      [0.6, 0.6, 0.2, 0.4, 0],
    );
    expectAllClose(
      result.map((aggregate) => aggregate.max!),
      [0.8, 1, 0.6, 0.4, 1],
    );
  });

  it("averages three respondents", () => {
    // Strategy 1.0, 0.6, 0.2: mean 1.8 / 3 = 0.6
    const result = aggregateLayers([respond([5, 5, 5, 5, 5]), respond([3, 3, 3, 3, 3]), respond([1, 1, 1, 1, 1])]);
    expect(result[0].mean).toBeCloseTo(0.6, 12);
    expect(result[0].min).toBeCloseTo(0.2, 12);
    expect(result[0].max).toBeCloseTo(1, 12);
    expect(result[0].count).toBe(3);
  });

  describe("incomplete layers", () => {
    it("leave the respondent out of that layer, never counting it as 0", () => {
      // b has answered two of Workflow's three statements and none of Adoption's
      const result = aggregateLayers([
        respond([4, 4, 4, 4, 4], { id: "a" }),
        respond([2, [5, 5, undefined], 2, 2, null], { id: "b" }),
      ]);
      // Strategy has both: (0.8 + 0.4) / 2 = 0.6
      expect(result[0].count).toBe(2);
      expect(result[0].mean).toBeCloseTo(0.6, 12);
      // Workflow and Adoption have only a: 0.8; counting b as 0 would give 0.4
      for (const index of [1, 4]) {
        expect(result[index].count).toBe(1);
        expect(result[index].mean).toBeCloseTo(0.8, 12);
        expect(result[index].min).toBeCloseTo(0.8, 12);
        expect(result[index].max).toBeCloseTo(0.8, 12);
      }
    });

    it("give null, not 0, for a layer nobody completed", () => {
      const result = aggregateLayers([respond([4, 4, null, 4, 4]), respond([3, 3, [1, undefined, 1], 3, 3])]);
      expect(result[2]).toEqual({ layer: LAYERS[2], count: 0, mean: null, min: null, max: null });
    });

    it("do not count an answer that is not a whole number from 0 to 5", () => {
      // 2.5 and 6 are not answers, so b's Strategy is incomplete
      const result = aggregateLayers([respond([4, 4, 4, 4, 4], { id: "a" }), respond([[2.5, 6, 3], 4, 4, 4, 4])]);
      expect(result[0].count).toBe(1);
      expect(result[0].mean).toBeCloseTo(0.8, 12);
    });
  });

  describe("no responses", () => {
    it("give five empty layers", () => {
      expect(aggregateLayers([])).toEqual(
        LAYERS.map((layer) => ({ layer, count: 0, mean: null, min: null, max: null })),
      );
    });
  });
});

describe("divergentStatements", () => {
  const OUTCOME = "strategy.outcome";

  it("uses a threshold of 3 points", () => {
    expect(DIVERGENCE_THRESHOLD).toBe(3);
  });

  it.each([
    [[1, 4], true, 3], // exactly 3 apart: flagged
    [[2, 5], true, 3],
    [[0, 5], true, 5],
    [[1, 3], false, 2], // 2 apart: not flagged
    [[3, 5], false, 2],
    [[4, 4], false, 0],
    [[2, 5, 3], true, 3], // three people: min 2, max 5
    [[2, 4, 3], false, 2],
  ])("answers %j: flagged %s (spread %d)", (values, flagged, spread) => {
    const responses = values.map((value, i) => answering({ [OUTCOME]: value }, `r${i}`));
    const result = divergentStatements(responses);
    if (flagged) {
      expect(result).toHaveLength(1);
      expect(result[0].statement.id).toBe(OUTCOME);
      expect(result[0].min).toBe(Math.min(...values));
      expect(result[0].max).toBe(Math.max(...values));
      expect(result[0].spread).toBe(spread);
    } else {
      expect(result).toEqual([]);
    }
  });

  it("lists flagged statements in statement order", () => {
    const last = STATEMENTS[14].id;
    const responses = [
      answering({ [last]: 0, [OUTCOME]: 1, "workflow.finishes": 2 }, "a"),
      answering({ [last]: 5, [OUTCOME]: 5, "workflow.finishes": 3 }, "b"),
    ];
    expect(divergentStatements(responses).map((d) => d.statement.id)).toEqual([OUTCOME, last]);
  });

  it("takes a custom threshold", () => {
    const responses = [answering({ [OUTCOME]: 1 }, "a"), answering({ [OUTCOME]: 3 }, "b")];
    expect(divergentStatements(responses, 2)).toHaveLength(1);
    expect(divergentStatements(responses, 3)).toHaveLength(0);
  });

  describe("too few answers", () => {
    it("does not flag a statement only one person answered", () => {
      const responses = [answering({ [OUTCOME]: 0 }, "a"), answering({ "strategy.sponsor": 5 }, "b")];
      expect(divergentStatements(responses)).toEqual([]);
    });

    it("flags nothing without responses", () => {
      expect(divergentStatements([])).toEqual([]);
    });
  });
});

describe("workflowNames", () => {
  it("dedupes in first-seen order", () => {
    expect(workflowNames([{ workflow: "B" }, { workflow: "A" }, { workflow: "B" }, { workflow: "C" }])).toEqual([
      "B",
      "A",
      "C",
    ]);
  });

  describe("blank names", () => {
    it("are dropped, including white space only", () => {
      expect(workflowNames([{ workflow: "" }, { workflow: "A" }, { workflow: "   " }, { workflow: "\t" }])).toEqual([
        "A",
      ]);
    });
  });

  describe("names that differ in case or spacing", () => {
    it("are kept apart, as names are compared exactly", () => {
      expect(workflowNames([{ workflow: "Claims" }, { workflow: "claims" }])).toEqual(["Claims", "claims"]);
    });
  });

  describe("no responses", () => {
    it("give no names", () => {
      expect(workflowNames([])).toEqual([]);
    });
  });
});
