import fc from "fast-check";
import {
  DEFAULT_RESAMPLE_RUNS,
  DEFAULT_SEED,
  percentile,
  resampleRealized,
  seededRandom,
} from "../../src/model/uncertainty";
import { respond, type LayerAnswers } from "./respond";

const draw = (seed: number, count: number): number[] => {
  const next = seededRandom(seed);
  return Array.from({ length: count }, () => next());
};

describe("seededRandom", () => {
  it("gives the same sequence for the same seed", () => {
    expect(draw(42, 50)).toEqual(draw(42, 50));
    expect(draw(DEFAULT_SEED, 50)).toEqual(draw(DEFAULT_SEED, 50));
  });

  it("gives different sequences for different seeds", () => {
    expect(draw(1, 10)).not.toEqual(draw(2, 10));
    expect(draw(42, 10)).not.toEqual(draw(43, 10));
  });

  it("keeps every value in [0, 1)", () => {
    const values = draw(7, 10_000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it("does not repeat one value", () => {
    expect(new Set(draw(7, 1000)).size).toBeGreaterThan(990);
  });

  it("spreads values over the whole interval", () => {
    // 10 000 draws in ten buckets of width 0.1: 1 000 expected in each; a wide margin of ±300
    const counts = new Array(10).fill(0);
    for (const v of draw(20261124, 10_000)) counts[Math.floor(v * 10)] += 1;
    for (const count of counts) {
      expect(count).toBeGreaterThan(700);
      expect(count).toBeLessThan(1300);
    }
  });

  describe("seeds", () => {
    it("accept 0", () => {
      const values = draw(0, 20);
      expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    });

    it("are taken modulo 2^32", () => {
      // −1 >>> 0 is 2^32 − 1, and 2^32 + 5 >>> 0 is 5
      expect(draw(-1, 10)).toEqual(draw(2 ** 32 - 1, 10));
      expect(draw(2 ** 32 + 5, 10)).toEqual(draw(5, 10));
    });
  });
});

describe("percentile (as Excel's PERCENTILE.INC)", () => {
  // rank = p / 100 × (n − 1), interpolated between the values either side
  it.each([
    [[1, 2, 3, 4, 5], 10, 1.4], // rank 0.4: 1 + 0.4 × (2 − 1)
    [[1, 2, 3, 4, 5], 50, 3], // rank 2
    [[1, 2, 3, 4, 5], 90, 4.6], // rank 3.6: 4 + 0.6 × (5 − 4)
    [[1, 2, 3, 4, 5], 25, 2], // rank 1
    [[1, 2, 3, 4, 5], 0, 1], // the minimum
    [[1, 2, 3, 4, 5], 100, 5], // the maximum
    [[1, 2, 3, 4], 50, 2.5], // rank 1.5: 2 + 0.5 × (3 − 2), as MEDIAN
    [[10, 20], 75, 17.5], // rank 0.75: 10 + 0.75 × 10
    [[15, 20, 35, 40, 50], 40, 29], // rank 1.6: 20 + 0.6 × (35 − 20)
    [[0.1, 0.2, 0.4], 10, 0.12], // rank 0.2: 0.1 + 0.2 × 0.1
  ])("of %j at %d is %d", (values, p, expected) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 12);
  });

  describe("a single value", () => {
    it.each([0, 10, 50, 90, 100])("is that value at %d", (p) => {
      expect(percentile([7], p)).toBe(7);
    });
  });

  describe("repeated values", () => {
    it("give that value everywhere", () => {
      expect(percentile([3, 3, 3, 3], 10)).toBe(3);
      expect(percentile([3, 3, 3, 3], 90)).toBe(3);
    });
  });

  describe("no values", () => {
    it("throws a RangeError", () => {
      expect(() => percentile([], 50)).toThrow(RangeError);
    });
  });
});

/** A respondent who gives the same answer everywhere: every layer scores answer ÷ 5. */
const uniform = (answer: number, id: string) => respond([answer, answer, answer, answer, answer], { id });

describe("resampleRealized", () => {
  // Four respondents with varied scores (each layer's three answers shown)
  const TEAM = [
    respond([4, 3, [2, 3, 3], 2, 3], { id: "a" }),
    respond([5, 4, 3, [1, 2, 3], 2], { id: "b" }),
    respond([3, [3, 3, 4], 4, 2, 4], { id: "c" }),
    respond([4, 2, 3, 3, [2, 3, 4]], { id: "d" }),
  ];

  it("states its seed, runs and respondents", () => {
    const result = resampleRealized(TEAM, { runs: 500, seed: 7 });
    expect(result).not.toBeNull();
    expect(result!.seed).toBe(7);
    expect(result!.runs).toBe(500);
    expect(result!.respondents).toBe(4);
  });

  it("uses the default seed and runs when none are given", () => {
    const result = resampleRealized(TEAM)!;
    expect(result.seed).toBe(DEFAULT_SEED);
    expect(result.runs).toBe(DEFAULT_RESAMPLE_RUNS);
    expect(result).toEqual(resampleRealized(TEAM, { runs: DEFAULT_RESAMPLE_RUNS, seed: DEFAULT_SEED }));
  });

  it("is repeatable with a fixed seed", () => {
    expect(resampleRealized(TEAM, { runs: 1000, seed: 99 })).toEqual(resampleRealized(TEAM, { runs: 1000, seed: 99 }));
  });

  it("keeps p10 ≤ p50 ≤ p90", () => {
    const { p10, p50, p90 } = resampleRealized(TEAM, { runs: 1000, seed: 3 })!;
    expect(p10).toBeLessThanOrEqual(p50);
    expect(p50).toBeLessThanOrEqual(p90);
  });

  it("stays within the product of layer minima and the product of layer maxima", () => {
    // Per-layer scores of a, b, c, d (answers summed ÷ 15):
    //   Strategy    0.8, 1.0, 0.6, 0.8           → min 0.6, max 1.0
    //   Workflow    0.6, 0.8, 10/15, 0.4         → min 0.4, max 0.8
    //   Oversight   8/15, 0.6, 0.8, 0.6          → min 8/15, max 0.8
    //   Measurement 0.4, 6/15 = 0.4, 0.4, 0.6    → min 0.4, max 0.6
    //   Adoption    0.6, 0.4, 0.8, 9/15 = 0.6    → min 0.4, max 0.8
    // Every resampled mean of a layer lies between its minimum and maximum.
    const lower = 0.6 * 0.4 * (8 / 15) * 0.4 * 0.4; // 0.24 × 8/15 = 0.128; × 0.4 × 0.4 = 0.02048
    const upper = 1.0 * 0.8 * 0.8 * 0.6 * 0.8; // 0.64 × 0.6 = 0.384; × 0.8 = 0.3072
    const { p10, p90 } = resampleRealized(TEAM, { runs: 1000, seed: 11 })!;
    expect(p10).toBeGreaterThanOrEqual(lower - 1e-12);
    expect(p90).toBeLessThanOrEqual(upper + 1e-12);
  });

  it("finds the three possible results of two respondents", () => {
    // A answers 4 everywhere (0.8 per layer), B answers 2 (0.4). A resample of two is AA, AB or BB,
    // with probabilities 1/4, 1/2, 1/4, and realized values:
    //   AA: 0.8^5 = 0.32768;  AB: 0.6^5 = 0.07776;  BB: 0.4^5 = 0.01024.
    // Over 2 000 runs about 500 are BB, so the value at rank 0.1 × 1 999 = 199.9 is BB; about
    // 1 000 are AB, so rank 999.5 is AB; about 500 are AA, so rank 1 799.1 is AA.
    const result = resampleRealized([uniform(4, "A"), uniform(2, "B")], { runs: 2000, seed: 5 })!;
    expect(result.respondents).toBe(2);
    expect(result.p10).toBeCloseTo(0.01024, 12);
    expect(result.p50).toBeCloseTo(0.07776, 12);
    expect(result.p90).toBeCloseTo(0.32768, 12);
  });

  describe("identical respondents", () => {
    it("give p10 = p50 = p90 = their realized value", () => {
      // 0.6 on every layer: 0.6^5 = 0.07776
      const result = resampleRealized([uniform(3, "a"), uniform(3, "b"), uniform(3, "c")], { runs: 300, seed: 1 })!;
      expect(result.p10).toBeCloseTo(0.07776, 12);
      expect(result.p50).toBeCloseTo(0.07776, 12);
      expect(result.p90).toBeCloseTo(0.07776, 12);
    });

    it("give the same answer when the layers differ but the people agree", () => {
      // Scores 0.8, 0.6, (3 + 2 + 3) / 15 = 8/15, 0.4, 0.6
      // Realized: 0.48 × 8/15 = 0.256; × 0.4 = 0.1024; × 0.6 = 0.06144
      const profile: LayerAnswers[] = [4, 3, [3, 2, 3], 2, 3];
      const result = resampleRealized([respond(profile, { id: "x" }), respond(profile, { id: "y" })], {
        runs: 200,
        seed: 2,
      })!;
      expect(result.p10).toBeCloseTo(0.06144, 12);
      expect(result.p90).toBeCloseTo(0.06144, 12);
    });
  });

  describe("too few complete respondents", () => {
    it("returns null for nobody", () => {
      expect(resampleRealized([])).toBeNull();
    });

    it("returns null for one respondent", () => {
      expect(resampleRealized([uniform(4, "a")])).toBeNull();
    });

    it("returns null for one complete and one incomplete respondent", () => {
      const incomplete = respond([4, 4, 4, 4, [4, 4, undefined]], { id: "b" });
      expect(resampleRealized([uniform(4, "a"), incomplete])).toBeNull();
    });

    it("leaves incomplete respondents out of the count", () => {
      const incomplete = respond([4, null, 4, 4, 4], { id: "c" });
      // Only a and b count; both 0.6 on every layer, so 0.6^5 = 0.07776
      const result = resampleRealized([uniform(3, "a"), incomplete, uniform(3, "b")], { runs: 200, seed: 4 })!;
      expect(result.respondents).toBe(2);
      expect(result.p50).toBeCloseTo(0.07776, 12);
    });
  });

  describe("properties", () => {
    const answer = fc.integer({ min: 0, max: 5 });
    const respondent = fc.array(answer, { minLength: 15, maxLength: 15 });
    const team = fc.array(respondent, { minLength: 2, maxLength: 6 });

    it("keeps p10 ≤ p50 ≤ p90 within [product of layer minima, product of layer maxima]", () => {
      fc.assert(
        fc.property(team, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (lists, seed) => {
          const responses = lists.map((list, r) =>
            respond(
              [0, 1, 2, 3, 4].map((k) => [list[3 * k], list[3 * k + 1], list[3 * k + 2]] as const),
              { id: `r${r}` },
            ),
          );
          // Layer score of a respondent: the three answers summed ÷ 15
          const layerScores = lists.map((list) =>
            [0, 1, 2, 3, 4].map((k) => (list[3 * k] + list[3 * k + 1] + list[3 * k + 2]) / 15),
          );
          let lower = 1;
          let upper = 1;
          for (let k = 0; k < 5; k++) {
            const column = layerScores.map((scores) => scores[k]);
            lower *= Math.min(...column);
            upper *= Math.max(...column);
          }
          const result = resampleRealized(responses, { runs: 200, seed });
          if (result === null) return false;
          const slack = 1e-12;
          return (
            result.respondents === lists.length &&
            result.p10 <= result.p50 &&
            result.p50 <= result.p90 &&
            result.p10 >= lower - slack &&
            result.p90 <= upper + slack
          );
        }),
        { numRuns: 200 },
      );
    });
  });
});
