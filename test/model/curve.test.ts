import {
  CURVE_STAGES,
  ILLUSTRATIVE_CURVE,
  decayCurve,
  stageIndexOf,
  survivingAfter,
  survivingShares,
} from "../../src/model/curve";
import { realizedValue } from "../../src/model/layers";
import { expectAllClose } from "./close";

const ARTICLE = [0.8, 0.6, 0.5, 0.4, 0.5];

describe("CURVE_STAGES", () => {
  it("names the six stages of the article's curve in order", () => {
    expect(CURVE_STAGES).toEqual([
      "Expected Value",
      "Agent Capability",
      "Workflow Adoption",
      "Human Trust",
      "Measurement Visibility",
      "Business Impact",
    ]);
  });
});

describe("ILLUSTRATIVE_CURVE", () => {
  it("holds the article's 100/80/60/45/30/15 percent", () => {
    expectAllClose(ILLUSTRATIVE_CURVE, [1, 0.8, 0.6, 0.45, 0.3, 0.15]);
  });
});

describe("survivingAfter", () => {
  describe("without scores", () => {
    it("follows the article's curve at stages 0 to 5", () => {
      expectAllClose(
        [0, 1, 2, 3, 4, 5].map((stage) => survivingAfter(stage)),
        [1, 0.8, 0.6, 0.45, 0.3, 0.15],
      );
    });
  });

  describe("with scores", () => {
    it("is the product of the first k layers", () => {
      // 1; 0.8; 0.8×0.6 = 0.48; ×0.5 = 0.24; ×0.4 = 0.096; ×0.5 = 0.048
      expectAllClose(
        [0, 1, 2, 3, 4, 5].map((stage) => survivingAfter(stage, ARTICLE)),
        [1, 0.8, 0.48, 0.24, 0.096, 0.048],
      );
    });

    it("equals the realized value after the last stage", () => {
      expect(survivingAfter(5, [0.9, 0.7, 0.6, 0.8, 0.5])).toBeCloseTo(0.1512, 10); // 0.63 × 0.6 × 0.8 × 0.5
      expect(survivingAfter(5, [0.9, 0.7, 0.6, 0.8, 0.5])).toBeCloseTo(realizedValue([0.9, 0.7, 0.6, 0.8, 0.5]), 12);
    });

    it("uses the scores, not the illustrative curve", () => {
      expect(survivingAfter(2, [0.9, 0.5, 1, 1, 1])).toBeCloseTo(0.45, 10); // 0.9 × 0.5
      expect(survivingAfter(1, [0.3, 1, 1, 1, 1])).toBeCloseTo(0.3, 10);
    });
  });

  describe("edge cases", () => {
    it("is 1 at stage 0 whatever the scores, even all zeros", () => {
      expect(survivingAfter(0, [0, 0, 0, 0, 0])).toBe(1);
      expect(survivingAfter(0, [0.2, 0.2, 0.2, 0.2, 0.2])).toBe(1);
    });

    it("drops to 0 at the first zero layer and stays there", () => {
      // 1; 0.9; 0.9 × 0.5 = 0.45; then × 0
      expectAllClose(
        [0, 1, 2, 3, 4, 5].map((stage) => survivingAfter(stage, [0.9, 0.5, 0, 1, 1])),
        [1, 0.9, 0.45, 0, 0, 0],
      );
    });

    it("stays at 1 when every layer is 1", () => {
      expect([0, 1, 2, 3, 4, 5].map((stage) => survivingAfter(stage, [1, 1, 1, 1, 1]))).toEqual([1, 1, 1, 1, 1, 1]);
    });
  });
});

describe("decayCurve", () => {
  describe("without scores", () => {
    it("gives the article's curve with stage numbers and names", () => {
      const curve = decayCurve();
      expect(curve.map((point) => point.stage)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(curve.map((point) => point.name)).toEqual([...CURVE_STAGES]);
      expectAllClose(
        curve.map((point) => point.surviving),
        [1, 0.8, 0.6, 0.45, 0.3, 0.15],
      );
    });

    it("loses 0, 20, 20, 15, 15 and 15 percent at the six stages", () => {
      // 1−0.8, 0.8−0.6, 0.6−0.45, 0.45−0.3, 0.3−0.15
      expectAllClose(
        decayCurve().map((point) => point.lost),
        [0, 0.2, 0.2, 0.15, 0.15, 0.15],
      );
    });

    it("loses 85 percent in all, the article's gap", () => {
      const lost = decayCurve().reduce((sum, point) => sum + point.lost, 0);
      expect(lost).toBeCloseTo(0.85, 10);
    });
  });

  describe("with scores", () => {
    it("gives the article's profile stage by stage", () => {
      const curve = decayCurve(ARTICLE);
      expectAllClose(
        curve.map((point) => point.surviving),
        [1, 0.8, 0.48, 0.24, 0.096, 0.048],
      );
      // 1−0.8 = 0.2; 0.8−0.48 = 0.32; 0.48−0.24 = 0.24; 0.24−0.096 = 0.144; 0.096−0.048 = 0.048
      expectAllClose(
        curve.map((point) => point.lost),
        [0, 0.2, 0.32, 0.24, 0.144, 0.048],
      );
    });

    it("loses the execution gap in all", () => {
      const lost = decayCurve(ARTICLE).reduce((sum, point) => sum + point.lost, 0);
      expect(lost).toBeCloseTo(0.952, 10);
    });
  });

  describe("edge cases", () => {
    it("loses nothing when every layer is 1", () => {
      expect(decayCurve([1, 1, 1, 1, 1]).map((point) => point.lost)).toEqual([0, 0, 0, 0, 0, 0]);
    });

    it("loses everything at the first stage when the first layer is 0", () => {
      const curve = decayCurve([0, 0.5, 0.5, 0.5, 0.5]);
      expect(curve.map((point) => point.surviving)).toEqual([1, 0, 0, 0, 0, 0]);
      expect(curve.map((point) => point.lost)).toEqual([0, 1, 0, 0, 0, 0]);
    });

    it("matches the documented single-layer example", () => {
      expect(decayCurve([0.5, 1, 1, 1, 1])[1]).toEqual({
        stage: 1,
        name: "Agent Capability",
        surviving: 0.5,
        lost: 0.5,
      });
    });
  });
});

describe("stageIndexOf", () => {
  it("reads numbers 0 to 5 as stages", () => {
    expect([0, 1, 2, 3, 4, 5].map(stageIndexOf)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("finds every curve stage name", () => {
    expect(CURVE_STAGES.map((name) => stageIndexOf(name))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("reads a layer name, short label or id as the stage after that layer", () => {
    expect(
      ["Strategy Alignment", "Workflow Integration", "Human Oversight", "Measurement", "Business Adoption"].map(
        stageIndexOf,
      ),
    ).toEqual([1, 2, 3, 4, 5]);
    expect(["Strategy", "Workflow", "Oversight", "Adoption"].map(stageIndexOf)).toEqual([1, 2, 3, 5]);
    expect(["strategy", "workflow", "oversight", "measurement", "adoption"].map(stageIndexOf)).toEqual([1, 2, 3, 4, 5]);
  });

  describe("loose spelling", () => {
    it("ignores case and extra spaces", () => {
      expect(stageIndexOf("human trust")).toBe(3);
      expect(stageIndexOf("  BUSINESS   impact ")).toBe(5);
      expect(stageIndexOf(" human\toversight")).toBe(3);
      expect(stageIndexOf("MEASUREMENT visibility")).toBe(4);
    });
  });

  describe("unknown keys", () => {
    it("returns -1 for unknown names", () => {
      expect(stageIndexOf("Nowhere")).toBe(-1);
      expect(stageIndexOf("")).toBe(-1);
      expect(stageIndexOf("Human")).toBe(-1);
    });

    it("returns -1 for numbers outside 0–5 or not whole", () => {
      expect(stageIndexOf(-1)).toBe(-1);
      expect(stageIndexOf(6)).toBe(-1);
      expect(stageIndexOf(2.5)).toBe(-1);
      expect(stageIndexOf(NaN)).toBe(-1);
    });
  });
});

describe("survivingShares", () => {
  it("multiplies the scores in layer order and stops at the first layer without a score", () => {
    const shares = survivingShares([0.5, 0.8, null, 1, 1]);
    expect(shares.slice(0, 3)).toEqual([1, 0.5, 0.5 * 0.8]);
    expect(shares.slice(3)).toEqual([null, null, null]);
  });

  it("matches survivingAfter at every stage of a complete profile", () => {
    const scores = [0.8, 0.6, 0.5, 0.4, 0.5];
    survivingShares(scores).forEach((share, stage) => expect(share).toBeCloseTo(survivingAfter(stage, scores), 15));
  });
});
