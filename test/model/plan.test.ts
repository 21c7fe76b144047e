import { planToTarget, type PlanResult } from "../../src/model/plan";
import { expectAllClose } from "./close";

type Planned = Extract<PlanResult, { status: "planned" }>;

/** The plan, failing the test unless it is a planned change. */
function planned(scores: readonly number[], target: number): Planned {
  const result = planToTarget(scores, target);
  expect(result.status).toBe("planned");
  return result as Planned;
}

// Sorted: 0.4, 0.5, 0.6, 0.8, 0.9; product 0.0864. Given out of order on purpose.
const SPREAD = [0.9, 0.4, 0.8, 0.5, 0.6];

describe("planToTarget", () => {
  it("raises the article's three lowest layers to (0.1 / 0.48)^(1/3) to reach 0.1", () => {
    // Two layers cannot do it: √(0.1 / (0.8 × 0.6 × 0.5)) ≈ 0.645 is above the next score, 0.5.
    // Three: L³ × 0.8 × 0.6 = 0.1, so L = ∛(0.1 / 0.48) ≈ 0.5928, between 0.5 and 0.6.
    const level = Math.cbrt(0.1 / 0.48);
    const plan = planned([0.8, 0.6, 0.5, 0.4, 0.5], 0.1);
    expect(plan.level).toBeCloseTo(level, 10);
    expectAllClose(plan.scores, [0.8, 0.6, level, level, level]);
    expect(plan.realized).toBeCloseTo(0.1, 10);
    // (L − 0.5) + (L − 0.4) + (L − 0.5)
    expect(plan.totalImprovement).toBeCloseTo(3 * level - 1.4, 10);
    expect(plan.target).toBe(0.1);
  });

  describe("how many layers are raised", () => {
    it("raises one layer when that is enough", () => {
      // 0.45 × 0.5 × 0.6 × 0.8 × 0.9 = 0.45 × 0.216 = 0.0972
      const plan = planned(SPREAD, 0.0972);
      expect(plan.level).toBeCloseTo(0.45, 10);
      expectAllClose(plan.scores, [0.9, 0.45, 0.8, 0.5, 0.6]);
      expect(plan.totalImprovement).toBeCloseTo(0.05, 10);
      expect(plan.realized).toBeCloseTo(0.0972, 10);
    });

    it("raises two layers", () => {
      // 0.55² × 0.6 × 0.8 × 0.9 = 0.3025 × 0.432 = 0.13068
      const plan = planned(SPREAD, 0.13068);
      expect(plan.level).toBeCloseTo(0.55, 10);
      expectAllClose(plan.scores, [0.9, 0.55, 0.8, 0.55, 0.6]);
      expect(plan.totalImprovement).toBeCloseTo(0.2, 10); // 0.15 + 0.05
    });

    it("raises three layers", () => {
      // 0.7³ × 0.8 × 0.9 = 0.343 × 0.72 = 0.24696
      const plan = planned(SPREAD, 0.24696);
      expect(plan.level).toBeCloseTo(0.7, 10);
      expectAllClose(plan.scores, [0.9, 0.7, 0.8, 0.7, 0.7]);
      expect(plan.totalImprovement).toBeCloseTo(0.6, 10); // 0.3 + 0.2 + 0.1
    });

    it("raises four layers", () => {
      // 0.85⁴ × 0.9 = 0.52200625 × 0.9 = 0.469805625
      const plan = planned(SPREAD, 0.469805625);
      expect(plan.level).toBeCloseTo(0.85, 10);
      expectAllClose(plan.scores, [0.9, 0.85, 0.85, 0.85, 0.85]);
      expect(plan.totalImprovement).toBeCloseTo(1.1, 10); // 0.45 + 0.35 + 0.25 + 0.05
    });

    it("raises all five layers", () => {
      // 0.95⁵ = 0.7737809375
      const plan = planned(SPREAD, 0.7737809375);
      expect(plan.level).toBeCloseTo(0.95, 10);
      expectAllClose(plan.scores, [0.95, 0.95, 0.95, 0.95, 0.95]);
      expect(plan.totalImprovement).toBeCloseTo(1.55, 10); // 0.05 + 0.55 + 0.15 + 0.45 + 0.35
    });

    it("raises every layer to 1 for a target of 1", () => {
      const plan = planned(SPREAD, 1);
      expect(plan.scores).toEqual([1, 1, 1, 1, 1]);
      expect(plan.realized).toBe(1);
      expect(plan.totalImprovement).toBeCloseTo(1.8, 10); // 0.1 + 0.6 + 0.2 + 0.5 + 0.4
    });

    it("leaves layers above the level exactly as they were", () => {
      const plan = planned(SPREAD, 0.24696);
      expect(plan.scores[0]).toBe(0.9);
      expect(plan.scores[2]).toBe(0.8);
    });
  });

  describe("a level that lands exactly on an existing score", () => {
    it("raises the lowest layer to the next one", () => {
      // 0.5 × 0.5 × 0.6 × 0.8 × 0.9 = 0.25 × 0.432 = 0.108
      const plan = planned([0.4, 0.5, 0.6, 0.8, 0.9], 0.108);
      expect(plan.level).toBeCloseTo(0.5, 10);
      expectAllClose(plan.scores, [0.5, 0.5, 0.6, 0.8, 0.9]);
    });

    it("still raises only the lowest layer when rounding blurs the boundary", () => {
      // 0.7 × 0.7 × 0.8 × 0.8 × 0.9 = 0.49 × 0.64 × 0.9 = 0.28224: raise 0.5 to 0.7, a total of 0.2
      const plan = planned([0.5, 0.7, 0.8, 0.8, 0.9], 0.28224);
      expect(plan.level).toBeCloseTo(0.7, 10);
      expectAllClose(plan.scores, [0.7, 0.7, 0.8, 0.8, 0.9]);
      expect(plan.totalImprovement).toBeCloseTo(0.2, 10);
    });
  });

  describe("a layer at 0", () => {
    it("raises the zero layer alone when that is enough", () => {
      // L × 0.5⁴ = 0.01, so L = 0.01 / 0.0625 = 0.16
      const plan = planned([0, 0.5, 0.5, 0.5, 0.5], 0.01);
      expect(plan.level).toBeCloseTo(0.16, 10);
      expectAllClose(plan.scores, [0.16, 0.5, 0.5, 0.5, 0.5]);
      expect(plan.realized).toBeCloseTo(0.01, 10);
    });

    it("raises every layer when the zero layer would have to pass the others", () => {
      // 0.1 / 0.0625 = 1.6 > 0.5, and likewise for 2–4 layers; so L⁵ = 0.1
      const level = Math.pow(0.1, 1 / 5);
      const plan = planned([0, 0.5, 0.5, 0.5, 0.5], 0.1);
      expect(plan.level).toBeCloseTo(level, 10);
      expectAllClose(plan.scores, [level, level, level, level, level]);
    });

    it("raises two zero layers together", () => {
      // L² × 0.5 × 0.5 × 1 = 0.01, so L = √0.04 = 0.2
      const plan = planned([0, 0.5, 0, 1, 0.5], 0.01);
      expect(plan.level).toBeCloseTo(0.2, 10);
      expectAllClose(plan.scores, [0.2, 0.5, 0.2, 1, 0.5]);
    });

    it("raises all-zero scores to the fifth root of the target", () => {
      const level = Math.pow(0.1, 1 / 5);
      const plan = planned([0, 0, 0, 0, 0], 0.1);
      expectAllClose(plan.scores, [level, level, level, level, level]);
      expect(plan.totalImprovement).toBeCloseTo(5 * level, 10);
      expect(plan.realized).toBeCloseTo(0.1, 10);
    });
  });

  describe("a target already met", () => {
    it("changes nothing", () => {
      const result = planToTarget([0.9, 0.9, 0.9, 0.9, 0.9], 0.5);
      expect(result.status).toBe("met");
      if (result.status !== "met") return;
      expect(result.scores).toEqual([0.9, 0.9, 0.9, 0.9, 0.9]);
      expect(result.realized).toBeCloseTo(0.59049, 10); // 0.9⁵
    });

    it("counts a target equal to the current value as met", () => {
      expect(planToTarget([0.5, 0.5, 1, 1, 1], 0.25).status).toBe("met"); // 0.5 × 0.5
      expect(planToTarget([1, 1, 1, 1, 1], 1).status).toBe("met");
    });

    it("counts a target of 0 as met, even with a zero layer", () => {
      expect(planToTarget([0, 0.5, 0.5, 0.5, 0.5], 0).status).toBe("met");
    });

    it("returns a copy of the scores", () => {
      const scores = [0.9, 0.9, 0.9, 0.9, 0.9];
      const result = planToTarget(scores, 0.5);
      if (result.status !== "met") throw new Error("expected met");
      expect(result.scores).not.toBe(scores);
    });
  });

  describe("a target above 1", () => {
    it("is unreachable", () => {
      expect(planToTarget([0.9, 0.9, 0.9, 0.9, 0.9], 1.2)).toEqual({ status: "unreachable", target: 1.2 });
      expect(planToTarget([1, 1, 1, 1, 1], 1.0001).status).toBe("unreachable");
    });
  });

  it("does not change the input", () => {
    const scores = SPREAD.slice();
    planToTarget(scores, 0.5);
    expect(scores).toEqual(SPREAD);
  });
});
