import {
  DEFAULT_DELTA,
  layerLifts,
  liftedValue,
  productOfOthers,
  tornado,
  tornadoSwings,
} from "../../src/model/sensitivity";
import { LAYERS } from "../../src/model/layers";
import { expectAllClose } from "./close";

const ARTICLE = [0.8, 0.6, 0.5, 0.4, 0.5];

describe("DEFAULT_DELTA", () => {
  it("is 0.1 in score terms", () => {
    expect(DEFAULT_DELTA).toBe(0.1);
  });
});

describe("productOfOthers", () => {
  it("multiplies every layer but one", () => {
    // 0.8 × 0.6 × 0.5 × 0.5 = 0.12
    expect(productOfOthers(ARTICLE, 3)).toBeCloseTo(0.12, 10);
    // 0.6 × 0.5 × 0.4 × 0.5 = 0.06
    expect(productOfOthers(ARTICLE, 0)).toBeCloseTo(0.06, 10);
  });

  describe("edge cases", () => {
    it("uses the other four when the layer itself is 0, without dividing", () => {
      expect(productOfOthers([0, 0.5, 0.5, 0.5, 0.5], 0)).toBeCloseTo(0.0625, 10); // 0.5^4
    });

    it("is 0 when another layer is 0", () => {
      expect(productOfOthers([0, 0.5, 0.5, 0.5, 0.5], 1)).toBe(0);
    });

    it("is 1 when the others are all 1", () => {
      expect(productOfOthers([0.3, 1, 1, 1, 1], 0)).toBe(1);
    });
  });
});

describe("liftedValue", () => {
  it("gives realized value after moving one layer", () => {
    // Measurement 0.4 → 0.5: 0.5 × 0.12 = 0.06
    expect(liftedValue(ARTICLE, 3, 0.1)).toBeCloseTo(0.06, 10);
    // Strategy 0.8 → 0.9: 0.9 × 0.06 = 0.054
    expect(liftedValue(ARTICLE, 0, 0.1)).toBeCloseTo(0.054, 10);
  });

  it("does not change the input", () => {
    const scores = ARTICLE.slice();
    liftedValue(scores, 2, 0.3);
    expect(scores).toEqual(ARTICLE);
  });

  describe("edge cases", () => {
    it("caps the layer at 1", () => {
      expect(liftedValue([0.95, 1, 1, 1, 1], 0, 0.1)).toBe(1);
      expect(liftedValue([0.7, 0.5, 1, 1, 1], 0, 0.5)).toBeCloseTo(0.5, 10); // 1 × 0.5
    });

    it("floors the layer at 0 for a negative delta", () => {
      expect(liftedValue([0.05, 0.5, 0.5, 0.5, 0.5], 0, -0.1)).toBe(0);
    });

    it("lifts a zero layer by delta × the product of the others", () => {
      expect(liftedValue([0, 0.5, 0.5, 0.5, 0.5], 0, 0.1)).toBeCloseTo(0.00625, 10); // 0.1 × 0.0625
    });

    it("gives realized value for a delta of 0", () => {
      expect(liftedValue(ARTICLE, 4, 0)).toBeCloseTo(0.048, 10);
    });
  });
});

describe("layerLifts", () => {
  it("gives Δ × the product of the other four for each layer", () => {
    // 0.1 × [0.06, 0.08, 0.096, 0.12, 0.096]
    const lifts = layerLifts(ARTICLE, 0.1);
    expectAllClose(
      lifts.map((l) => l.lift),
      [0.006, 0.008, 0.0096, 0.012, 0.0096],
    );
    expect(lifts.map((l) => l.index)).toEqual([0, 1, 2, 3, 4]);
    expect(lifts.map((l) => l.layer)).toEqual([...LAYERS]);
  });

  it("uses a step of 0.1 by default", () => {
    expectAllClose(
      layerLifts(ARTICLE).map((l) => l.lift),
      [0.006, 0.008, 0.0096, 0.012, 0.0096],
    );
  });

  it("scales with delta", () => {
    // 0.05 × [0.06, 0.08, 0.096, 0.12, 0.096]
    expectAllClose(
      layerLifts(ARTICLE, 0.05).map((l) => l.lift),
      [0.003, 0.004, 0.0048, 0.006, 0.0048],
    );
  });

  it("gives the largest lift to the lowest layer", () => {
    const lifts = layerLifts(ARTICLE).map((l) => l.lift);
    expect(lifts.indexOf(Math.max(...lifts))).toBe(3);
  });

  describe("a zero layer", () => {
    it("uses the product of the others and never divides by 0", () => {
      // layer 1: 0.1 × 0.5^4 = 0.00625; the others are multiplied by the 0
      const lifts = layerLifts([0, 0.5, 0.5, 0.5, 0.5]).map((l) => l.lift);
      expect(lifts[0]).toBeCloseTo(0.1 * 0.0625, 12);
      expect(lifts.slice(1)).toEqual([0, 0, 0, 0]);
      expect(lifts.every(Number.isFinite)).toBe(true);
    });

    it("gives 0 everywhere when two layers are 0", () => {
      expect(layerLifts([0, 0, 0.5, 0.5, 0.5]).map((l) => l.lift)).toEqual([0, 0, 0, 0, 0]);
    });
  });

  describe("caps", () => {
    it("gives no lift to layers already at 1", () => {
      expect(layerLifts([1, 1, 1, 1, 1]).map((l) => l.lift)).toEqual([0, 0, 0, 0, 0]);
    });

    it("marks the layers the step cannot move, and only those", () => {
      // Up: layers at 1 cannot rise, a 0.95 can; down: a 0 cannot fall. A 0 lift from a zero
      // elsewhere (0.5 next to a 0) is not at a limit.
      expect(layerLifts([0.95, 0.5, 1, 1, 1]).map((l) => l.atLimit)).toEqual([false, false, true, true, true]);
      expect(layerLifts([0, 0.5, 1, 1, 1], -0.1).map((l) => l.atLimit)).toEqual([true, false, false, false, false]);
      expect(layerLifts([0, 0.5, 0.5, 0.5, 0.5]).map((l) => l.atLimit)).toEqual([false, false, false, false, false]);
    });

    it("counts only the part of the step that fits under 1", () => {
      // layer 1 can rise only 0.05: 0.05 × 0.5 = 0.025; layer 2: 0.1 × 0.95 = 0.095; the rest are at 1
      expectAllClose(
        layerLifts([0.95, 0.5, 1, 1, 1]).map((l) => l.lift),
        [0.025, 0.095, 0, 0, 0],
      );
    });
  });

  describe("a negative delta", () => {
    it("gives the loss from lowering each layer", () => {
      expectAllClose(
        layerLifts(ARTICLE, -0.1).map((l) => l.lift),
        [-0.006, -0.008, -0.0096, -0.012, -0.0096],
      );
    });

    it("counts only the part of the step above 0", () => {
      // layer 1 can fall only 0.05: −0.05 × 0.0625
      expect(layerLifts([0.05, 0.5, 0.5, 0.5, 0.5], -0.1)[0].lift).toBeCloseTo(-0.003125, 12);
    });
  });
});

describe("tornado", () => {
  it("sorts lifts from the largest to the smallest", () => {
    // 0.012 (Measurement), 0.0096 (Oversight, Adoption), 0.008 (Workflow), 0.006 (Strategy)
    const order = tornado(ARTICLE).map((l) => l.index);
    expect(order[0]).toBe(3);
    expect(order.slice(1, 3).sort()).toEqual([2, 4]);
    expect(order.slice(3)).toEqual([1, 0]);
    expect(tornado(ARTICLE)[0].layer.short).toBe("Measurement");
  });

  it("keeps layer order on exact ties", () => {
    expect(tornado([0.5, 0.5, 0.5, 0.5, 0.5]).map((l) => l.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it("sorts by size when the lifts are negative", () => {
    const bars = tornado(ARTICLE, -0.1);
    expect(bars[0].index).toBe(3);
    expect(bars[0].lift).toBeCloseTo(-0.012, 10);
    expect(bars[4].index).toBe(0);
  });

  it("puts a zero layer first, then the others in layer order", () => {
    expect(tornado([0.5, 0, 0.5, 0.5, 0.5]).map((l) => l.index)).toEqual([1, 0, 2, 3, 4]);
  });
});

describe("tornadoSwings", () => {
  // Article profile 0.8, 0.6, 0.5, 0.4, 0.5 with Δ = 0.1: each side moves realized by
  // 0.1 × product of the other four. Measurement: 0.1 × 0.8 × 0.6 × 0.5 × 0.5 = 0.012;
  // Oversight and Adoption: 0.1 × 0.8 × 0.6 × 0.4 × 0.5 = 0.0096; Workflow: 0.1 × 0.8 × 0.5 × 0.4 × 0.5 = 0.008;
  // Strategy: 0.1 × 0.6 × 0.5 × 0.4 × 0.5 = 0.006.
  it("gives both sides per layer, largest swing first, ties in layer order", () => {
    const swings = tornadoSwings([0.8, 0.6, 0.5, 0.4, 0.5], 0.1);
    expect(swings.map((s) => s.index)).toEqual([3, 2, 4, 1, 0]);
    const expected = [0.012, 0.0096, 0.0096, 0.008, 0.006];
    swings.forEach((s, i) => {
      expect(s.up).toBeCloseTo(expected[i], 12);
      expect(s.down).toBeCloseTo(-expected[i], 12);
    });
  });

  it("caps at 1 on the way up: a layer at 0.95 rises by only 0.05", () => {
    // Up: 0.05 × 0.5⁴ = 0.003125; down: −0.1 × 0.5⁴ = −0.00625.
    const swing = tornadoSwings([0.95, 0.5, 0.5, 0.5, 0.5], 0.1).find((s) => s.index === 0)!;
    expect(swing.up).toBeCloseTo(0.003125, 12);
    expect(swing.down).toBeCloseTo(-0.00625, 12);
  });
});
