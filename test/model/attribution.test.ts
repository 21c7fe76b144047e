import fc from "fast-check";
import { attribution, attributionShares, statementMeans, statementsMovedMost } from "../../src/model/attribution";
import { realizedValue } from "../../src/model/layers";
import { expectAllClose } from "./close";
import { respond } from "./respond";

const RUNS = { numRuns: 1000 };
// Everyday scores, the scores of whole 0–5 answers (k / 15, so ties and zeros are common), and
// fc.double's spread, which also draws tiny and subnormal scores.
const everyday = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000);
const score = fc.oneof(
  everyday,
  fc.integer({ min: 0, max: 15 }).map((k) => k / 15),
  fc.double({ min: 0, max: 1, noNaN: true }),
);
const scores5 = fc.tuple(score, score, score, score, score);
const layer = fc.integer({ min: 0, max: 4 });
/** A later profile: each layer moved (to any score) or kept, so that unmoved layers are common. */
const pair = fc
  .tuple(scores5, scores5, fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()))
  .map(([before, moved, keep]) => ({ before, after: before.map((b, i) => (keep[i] ? b : moved[i])) }));

/** Every permutation of 0..n−1. */
function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) =>
    Array.from({ length: n }, (_, at) => [...p.slice(0, at), n - 1, ...p.slice(at)]),
  );
}
const ORDERS = permutations(5);

/** The definition itself: each layer's contribution averaged over the 120 orders of moving. */
function byOrders(before: readonly number[], after: readonly number[]): number[] {
  const totals = [0, 0, 0, 0, 0];
  for (const order of ORDERS) {
    const current = before.slice();
    for (const i of order) {
      const was = realizedValue(current);
      current[i] = after[i];
      totals[i] += realizedValue(current) - was;
    }
  }
  return totals.map((total) => total / ORDERS.length);
}

describe("attribution by hand", () => {
  it("has 120 orders to average over", () => {
    expect(ORDERS).toHaveLength(120);
    expect(new Set(ORDERS.map((o) => o.join(""))).size).toBe(120);
  });

  it("one layer moving takes the whole change: Measurement 0.4 → 0.6 of the article's profile", () => {
    // 0.8 × 0.6 × 0.5 × 0.5 = 0.12 for the other four; 0.2 × 0.12 = 0.024 = 0.072 − 0.048.
    const shares = attributionShares([0.8, 0.6, 0.5, 0.4, 0.5], [0.8, 0.6, 0.5, 0.6, 0.5]);
    expectAllClose(shares, [0, 0, 0, 0.024, 0], 14);
  });

  it("two layers: each takes its step times the mean of the other's before and after, times the rest", () => {
    // Strategy 0.6 → 0.8 and Measurement 0.4 → 0.6; the other three multiply to 0.6 × 0.5 × 0.5 = 0.15.
    // Strategy: 0.2 × (0.4 + 0.6) / 2 × 0.15 = 0.015; Measurement: 0.2 × (0.6 + 0.8) / 2 × 0.15 = 0.021.
    // Realized 0.036 → 0.072: a change of 0.036 = 0.015 + 0.021.
    const shares = attributionShares([0.6, 0.6, 0.5, 0.4, 0.5], [0.8, 0.6, 0.5, 0.6, 0.5]);
    expectAllClose(shares, [0.015, 0, 0, 0.021, 0], 14);
    expect(attribution([0.6, 0.6, 0.5, 0.4, 0.5], [0.8, 0.6, 0.5, 0.6, 0.5]).map((s) => s.layer.short)).toEqual([
      "Strategy",
      "Workflow",
      "Oversight",
      "Measurement",
      "Adoption",
    ]);
  });

  it("one up and one down by the same amount: equal and opposite shares, no net change", () => {
    // Strategy 0.5 → 1: 0.5 × (1 + 0.5) / 2 = 0.375; Adoption 1 → 0.5: −0.375. Realized 0.5 both times.
    expectAllClose(attributionShares([0.5, 1, 1, 1, 1], [1, 1, 1, 1, 0.5]), [0.375, 0, 0, 0, -0.375], 14);
  });

  it("three layers alike share equally; two unlike layers split by the mean of the other's scores", () => {
    // Strategy, Workflow and Oversight each move from 0.5 to 1; the others stay at 1. The three
    // moves are alike, so each takes a third of the change (1 − 0.125) / 3 = 0.291666…
    expectAllClose(
      attributionShares([0.5, 0.5, 0.5, 1, 1], [1, 1, 1, 1, 1]),
      [0.875 / 3, 0.875 / 3, 0.875 / 3, 0, 0],
      14,
    );
    // Unequal: Strategy 0 → 1, Workflow 0.5 → 1, others at 1. Strategy: 1 × (0.5 + 1) / 2 = 0.75;
    // Workflow: 0.5 × (0 + 1) / 2 = 0.25. Realized 0 → 1.
    expectAllClose(attributionShares([0, 0.5, 1, 1, 1], [1, 1, 1, 1, 1]), [0.75, 0.25, 0, 0, 0], 14);
  });

  it("every layer moves: each share is the average over the 120 orders", () => {
    const before = [0.6, 0.6, 0.6, 0.6, 0.6];
    const after = [0.8, 0.8, 0.8, 0.8, 0.8];
    // By symmetry each layer gets a fifth of 0.32768 − 0.07776 = 0.24992.
    expectAllClose(attributionShares(before, after), new Array(5).fill(0.24992 / 5), 14);
    const b = [0.8, 0.6, 0.5, 0.4, 0.5];
    const a = [0.9, 0.4, 0.7, 0.8, 0.5];
    expectAllClose(attributionShares(b, a), byOrders(b, a), 14);
  });

  it("scores of 0 need no special case", () => {
    // Measurement 0 → 0.5 while Oversight stays at 0: nothing can change, every share is 0.
    expect(attributionShares([1, 1, 0, 0, 1], [1, 1, 0, 0.5, 1])).toEqual([0, 0, 0, 0, 0]);
    // Strategy 0 → 0.5 alone: the whole change 0.5 × 0.4 = 0.2.
    expectAllClose(attributionShares([0, 1, 1, 0.4, 1], [0.5, 1, 1, 0.4, 1]), [0.2, 0, 0, 0, 0], 14);
    // Strategy and Measurement both from 0: realized stays 0 until both have moved, so they split it.
    expectAllClose(attributionShares([0, 1, 1, 0, 1], [0.5, 1, 1, 0.4, 1]), [0.1, 0, 0, 0.1, 0], 14);
  });

  it("unchanged profiles give five exact zeros, never -0", () => {
    for (const shares of [
      attributionShares([0.8, 0.6, 0.5, 0.4, 0.5], [0.8, 0.6, 0.5, 0.4, 0.5]),
      attributionShares([0.5, 1, 0, 1, 1], [0.4, 1, 0, 1, 1]),
    ]) {
      for (const share of shares) expect(Object.is(share, 0)).toBe(true);
    }
  });
});

describe("attribution properties", () => {
  it("agrees with the average over all 120 orders", () => {
    fc.assert(
      fc.property(pair, ({ before, after }) => {
        const shares = attributionShares(before, after);
        const oracle = byOrders(before, after);
        return shares.every((share, i) => Math.abs(share - oracle[i]) <= 1e-14);
      }),
      RUNS,
    );
  });

  it("the shares sum to REALIZED(after) − REALIZED(before), to 1e-12", () => {
    fc.assert(
      fc.property(pair, ({ before, after }) => {
        const sum = attributionShares(before, after).reduce((total, share) => total + share, 0);
        return Math.abs(sum - (realizedValue(after) - realizedValue(before))) <= 1e-12;
      }),
      RUNS,
    );
  });

  it("swapping before and after negates every share exactly", () => {
    fc.assert(
      fc.property(pair, ({ before, after }) => {
        const forward = attributionShares(before, after);
        const back = attributionShares(after, before);
        return forward.every((share, i) => back[i] === -share);
      }),
      RUNS,
    );
  });

  it("a layer that did not move gets exactly 0", () => {
    fc.assert(
      fc.property(pair, layer, ({ before, after }, kept) => {
        const moved = after.slice();
        moved[kept] = before[kept];
        return Object.is(attributionShares(before, moved)[kept], 0);
      }),
      RUNS,
    );
  });

  it("two layers that moved identically from identical scores get equal shares", () => {
    fc.assert(
      fc.property(pair, layer, layer, ({ before, after }, i, j) => {
        fc.pre(i !== j);
        const b = before.slice();
        const a = after.slice();
        b[j] = b[i];
        a[j] = a[i];
        const shares = attributionShares(b, a);
        return shares[i] === shares[j];
      }),
      RUNS,
    );
  });

  it("a single moving layer takes the whole change", () => {
    fc.assert(
      fc.property(scores5, layer, score, (before, moving, to) => {
        const after = before.slice();
        after[moving] = to;
        const shares = attributionShares(before, after);
        const change = realizedValue(after) - realizedValue(before);
        return (
          Math.abs(shares[moving] - change) <= 1e-15 && shares.every((share, i) => i === moving || Object.is(share, 0))
        );
      }),
      RUNS,
    );
  });
});

describe("team means per statement, and the statements that moved most", () => {
  // January: Ana answers 4 throughout, Ben 3; Dee leaves Adoption blank (partial, not counted).
  // April: Ana and Ben answer as before except Strategy's first statement (5 and 5), Measurement's
  // first (4 and 5) and third (5 and 3), and Adoption's first (1 and 3).
  const january = [
    respond([4, 4, 4, 4, 4], { id: "a1", respondent: "Ana" }),
    respond([3, 3, 3, 3, 3], { id: "b1", respondent: "Ben" }),
    respond([0, 0, 0, 0, null], { id: "d1", respondent: "Dee" }),
  ];
  const april = [
    respond([[5, 4, 4], 4, 4, [4, 4, 5], [1, 4, 4]], { id: "a2", respondent: "Ana" }),
    respond([[5, 3, 3], 3, 3, [5, 3, 3], [3, 3, 3]], { id: "b2", respondent: "Ben" }),
  ];

  it("means over complete responses only: 3.5 everywhere in January, the partial response left out", () => {
    expect(statementMeans(january)).toEqual(new Array(15).fill(3.5));
    // Strategy 1: (5 + 5) / 2 = 5; Measurement 1: (4 + 5) / 2 = 4.5; Measurement 3: (5 + 3) / 2 = 4;
    // Adoption 1: (1 + 3) / 2 = 2; the rest (4 + 3) / 2 = 3.5.
    const means = statementMeans(april)!;
    expect([means[0], means[9], means[11], means[12]]).toEqual([5, 4.5, 4, 2]);
    expect(means.filter((_, i) => ![0, 9, 11, 12].includes(i))).toEqual(new Array(11).fill(3.5));
    expect(statementMeans([january[2]])).toBeNull();
    expect(statementMeans([])).toBeNull();
  });

  it("the three that moved most, largest first, up or down; an equal move keeps statement order", () => {
    // +1.5 (Strategy 1), −1.5 (Adoption 1), +1 (Measurement 1); Measurement 3 (+0.5) is fourth.
    const moved = statementsMovedMost(january, april);
    expect(moved.map((m) => [m.statement.id, m.before, m.after, m.change])).toEqual([
      ["strategy.outcome", 3.5, 5, 1.5],
      ["adoption.stopped", 3.5, 2, -1.5],
      ["measurement.baseline", 3.5, 4.5, 1],
    ]);
    expect(statementsMovedMost(january, april, 5).map((m) => m.statement.id)).toEqual([
      "strategy.outcome",
      "adoption.stopped",
      "measurement.baseline",
      "measurement.one-line",
    ]);
  });

  it("nothing moved, or a round without a complete response: no statements", () => {
    expect(statementsMovedMost(january, january)).toEqual([]);
    expect(statementsMovedMost([january[2]], april)).toEqual([]);
    expect(statementsMovedMost(january, [])).toEqual([]);
  });
});
