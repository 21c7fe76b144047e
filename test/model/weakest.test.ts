import { weakestLayerIndex } from "../../src/model/weakest";

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
