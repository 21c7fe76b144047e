import fc from "fast-check";
import { BANDS, bandOf, thresholdProblem } from "../../src/model/bands";
import { executionGap, realizedValue } from "../../src/model/layers";
import { planToTarget } from "../../src/model/plan";
import { layerLifts } from "../../src/model/sensitivity";

const RUNS = { numRuns: 1000 };
// fc.double spreads its draws over bit patterns, so most fall below 1e-100 and a product of five
// underflows to 0. The other branches give everyday scores, the ties of 0–5 answers (k / 15), and
// profiles where every layer is high, so that realized values near 1 are drawn too.
const everyday = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000);
const score = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }),
  everyday,
  fc.integer({ min: 0, max: 15 }).map((k) => k / 15),
);
const high = fc.integer({ min: 800_000, max: 1_000_000 }).map((n) => n / 1_000_000);
const scores5 = fc.oneof(fc.tuple(score, score, score, score, score), fc.tuple(high, high, high, high, high));
const permutation = fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 });
const layer = fc.integer({ min: 0, max: 4 });
const unit = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), everyday);
const positiveUpTo1 = fc.oneof(
  fc.double({ min: 0, max: 1, minExcluded: true, noNaN: true }),
  fc.integer({ min: 1, max: 1_000_000 }).map((n) => n / 1_000_000),
);

/** Relative closeness; the absolute floor covers subnormal products, where rounding depends on order. */
const close = (a: number, b: number, relative = 1e-12): boolean =>
  Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b)) + 1e-300;

describe("realizedValue properties", () => {
  it("stays in [0, 1]", () => {
    fc.assert(
      fc.property(scores5, (scores) => {
        const value = realizedValue(scores);
        return value >= 0 && value <= 1;
      }),
      RUNS,
    );
  });

  it("does not change when the layers are reordered", () => {
    fc.assert(
      fc.property(scores5, permutation, (scores, order) =>
        close(realizedValue(scores), realizedValue(order.map((i) => scores[i]))),
      ),
      RUNS,
    );
  });

  it("never falls when any one layer is raised", () => {
    fc.assert(
      fc.property(scores5, layer, unit, (scores, i, share) => {
        const raised = scores.slice();
        raised[i] = scores[i] + share * (1 - scores[i]);
        return realizedValue(raised) >= realizedValue(scores);
      }),
      RUNS,
    );
  });
});

describe("executionGap properties", () => {
  it("is 1 − realized value", () => {
    fc.assert(
      fc.property(scores5, (scores) => executionGap(scores) === 1 - realizedValue(scores)),
      RUNS,
    );
  });
});

describe("layerLifts properties", () => {
  it("gives the lowest layer a lift at least as large as every other layer's", () => {
    fc.assert(
      fc.property(scores5, positiveUpTo1, (scores, delta) => {
        const lifts = layerLifts(scores, delta).map((item) => item.lift);
        const lowest = scores.indexOf(Math.min(...scores));
        return lifts.every((lift) => lifts[lowest] >= lift - 1e-15);
      }),
      RUNS,
    );
  });
});

describe("planToTarget properties", () => {
  it("reaches the target and never lowers a layer", () => {
    fc.assert(
      fc.property(scores5, positiveUpTo1, (scores, target) => {
        const result = planToTarget(scores, target);
        if (result.status === "unreachable") return false;
        return result.realized >= target - 1e-12 && result.scores.every((value, i) => value >= scores[i]);
      }),
      RUNS,
    );
  });

  it("raises layers only up to a common level, leaves those above it alone, and lands on the target", () => {
    fc.assert(
      fc.property(scores5, positiveUpTo1, (scores, target) => {
        const result = planToTarget(scores, target);
        if (result.status === "unreachable") return false;
        if (result.status === "met") return result.scores.every((value, i) => value === scores[i]);
        const { level } = result;
        const shaped = result.scores.every((value, i) =>
          scores[i] >= level ? value === scores[i] : Math.abs(value - level) <= 1e-12,
        );
        // Raising to the level was needed, so the product equals the target rather than overshooting it.
        return shaped && level <= 1 && close(result.realized, target, 1e-9);
      }),
      RUNS,
    );
  });
});

describe("bandOf properties", () => {
  const rank = (gap: number, thresholds?: readonly number[]) => BANDS.indexOf(bandOf(gap, thresholds));

  it("never gives a narrower band to a larger gap", () => {
    fc.assert(
      fc.property(unit, unit, (a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        return rank(large) <= rank(small);
      }),
      RUNS,
    );
  });

  it("never gives a narrower band to a larger gap with user thresholds", () => {
    const thresholds = fc
      .uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 4, maxLength: 4 })
      .map((list) => list.map((n) => n / 1000).sort((x, y) => y - x))
      .filter((list) => thresholdProblem(list) === null);
    fc.assert(
      fc.property(thresholds, unit, unit, (limits, a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        return rank(large, limits) <= rank(small, limits);
      }),
      RUNS,
    );
  });
});
