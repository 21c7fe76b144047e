import { fixFirst, tiedText, weakestLayerIndex } from "../../src/model/weakest";

describe("weakestLayerIndex", () => {
  it("finds the lowest layer", () => {
    expect(weakestLayerIndex([0.8, 0.6, 0.5, 0.4, 0.5])).toBe(3); // Measurement
    expect(weakestLayerIndex([0.2, 0.6, 0.5, 0.4, 0.5])).toBe(0);
    expect(weakestLayerIndex([0.9, 0.6, 0.5, 0.4, 0.35])).toBe(4);
  });

  describe("ties", () => {
    it("returns the first of the tied layers", () => {
      expect(weakestLayerIndex([0.5, 0.4, 0.4, 0.9, 1])).toBe(1);
      expect(weakestLayerIndex([0.7, 0.9, 0.3, 0.8, 0.3])).toBe(2);
    });

    it("returns the first layer when all are equal", () => {
      expect(weakestLayerIndex([0.6, 0.6, 0.6, 0.6, 0.6])).toBe(0);
      expect(weakestLayerIndex([1, 1, 1, 1, 1])).toBe(0);
    });
  });

  describe("edge cases", () => {
    it("finds a zero layer, the first when there are several", () => {
      expect(weakestLayerIndex([0.3, 0, 0, 1, 1])).toBe(1);
      expect(weakestLayerIndex([0.3, 0.2, 0.1, 0.4, 0])).toBe(4);
    });

    it("tells apart scores that differ only slightly", () => {
      expect(weakestLayerIndex([0.5, 0.5, 0.5, 0.4999999, 0.5])).toBe(3);
    });
  });
});

describe("fixFirst", () => {
  it("names the weakest layer, with no ties", () => {
    expect(fixFirst([0.8, 0.6, 0.5, 0.4, 0.5])).toEqual({ index: 3, tiedWith: [] });
  });

  it("lists the layers tied with it, in layer order", () => {
    expect(fixFirst([0.6, 0.6, 0.8, 0.6, 1])).toEqual({ index: 0, tiedWith: [1, 3] });
    expect(fixFirst([0.6, 0.6, 0.6, 0.6, 0.6])).toEqual({ index: 0, tiedWith: [1, 2, 3, 4] });
  });

  it("takes means that differ only in the last bit as tied, on either side of the weakest", () => {
    // (0.8 + 0.4) / 2 and (0.4 + 0.8) / 2 are equal; 0.1 + 0.2 and 0.3 differ in the last bit.
    const a = 0.1 + 0.2;
    expect(a).not.toBe(0.3);
    expect(fixFirst([a, 0.9, 0.3, 0.9, 0.9])).toEqual({ index: 2, tiedWith: [0] });
    expect(fixFirst([0.3, 0.9, 0.29999, 0.9, 0.9])).toEqual({ index: 2, tiedWith: [] });
  });

  it("is null when every layer is at full score, and not when one is a step below", () => {
    expect(fixFirst([1, 1, 1, 1, 1])).toBeNull();
    expect(fixFirst([1, 1, 1, 0.8, 1])).toEqual({ index: 3, tiedWith: [] });
    expect(fixFirst([1, 1, 1, 1, 0.9999])).toEqual({ index: 4, tiedWith: [] });
  });

  it("gives tied layers the same gain for the same step, as its description says", () => {
    const scores = [0.6, 0.8, 0.6, 0.9, 0.6];
    const { index, tiedWith } = fixFirst(scores)!;
    const gain = (k: number) => {
      const raised = scores.map((s, i) => (i === k ? s + 0.2 : s));
      return raised.reduce((p, s) => p * s, 1) - scores.reduce((p, s) => p * s, 1);
    };
    for (const k of tiedWith) expect(gain(k)).toBeCloseTo(gain(index), 12);
    expect(gain(1)).toBeLessThan(gain(index));
  });
});

describe("tiedText", () => {
  it("says “either” for two tied layers and “any” for more, naming them in layer order", () => {
    expect(tiedText({ index: 0, tiedWith: [1] }, "60.0%")).toBe(
      "Tied at 60.0% with Workflow Integration: raising either of them by the same step gains the same. " +
        "The first in layer order is shown.",
    );
    expect(tiedText({ index: 0, tiedWith: [1, 3] }, "60.0%")).toBe(
      "Tied at 60.0% with Workflow Integration and Measurement: raising any of them by the same step gains the same. " +
        "The first in layer order is shown.",
    );
  });
});
