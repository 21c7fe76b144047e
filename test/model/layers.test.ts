import { LAYERS, LAYER_COUNT, executionGap, layerIndexOf, normalizeName, realizedValue } from "../../src/model/layers";

describe("LAYERS", () => {
  it("lists the five layers in the spec's order, with their short labels", () => {
    expect(LAYER_COUNT).toBe(5);
    expect(LAYERS.map((layer) => [layer.name, layer.short])).toEqual([
      ["Strategy Alignment", "Strategy"],
      ["Workflow Integration", "Workflow"],
      ["Human Oversight", "Oversight"],
      ["Measurement", "Measurement"],
      ["Business Adoption", "Adoption"],
    ]);
  });

  it("gives every layer a unique id", () => {
    expect(new Set(LAYERS.map((layer) => layer.id)).size).toBe(5);
  });
});

describe("realizedValue", () => {
  it("gives 0.32768 for 0.8 on every layer (0.8^5)", () => {
    expect(realizedValue([0.8, 0.8, 0.8, 0.8, 0.8])).toBeCloseTo(0.32768, 10);
  });

  it("gives 0.07776 for 0.6 on every layer (0.6^5)", () => {
    expect(realizedValue([0.6, 0.6, 0.6, 0.6, 0.6])).toBeCloseTo(0.07776, 10);
  });

  it("gives 0.048 for the article's profile 0.8, 0.6, 0.5, 0.4, 0.5", () => {
    // 0.8 × 0.6 = 0.48; × 0.5 = 0.24; × 0.4 = 0.096; × 0.5 = 0.048
    expect(realizedValue([0.8, 0.6, 0.5, 0.4, 0.5])).toBeCloseTo(0.048, 10);
  });

  it("multiplies rather than averages", () => {
    // 0.9 × 0.9 × 0.5 × 1 × 1 = 0.405 (the mean would be 0.86)
    expect(realizedValue([0.9, 0.9, 0.5, 1, 1])).toBeCloseTo(0.405, 10);
  });

  describe("edge cases", () => {
    it("is exactly 1 when every layer is 1", () => {
      expect(realizedValue([1, 1, 1, 1, 1])).toBe(1);
    });

    it("is 0 when any one layer is 0", () => {
      for (let i = 0; i < 5; i++) {
        const scores = [0.9, 0.9, 0.9, 0.9, 0.9];
        scores[i] = 0;
        expect(realizedValue(scores)).toBe(0);
      }
    });

    it("is 0 when every layer is 0", () => {
      expect(realizedValue([0, 0, 0, 0, 0])).toBe(0);
    });

    it("equals the one layer below 1 when the others are perfect", () => {
      expect(realizedValue([1, 1, 1, 1, 0.3])).toBeCloseTo(0.3, 10);
    });
  });
});

describe("executionGap", () => {
  it("gives 0.952 for the article's profile", () => {
    // 1 − 0.048
    expect(executionGap([0.8, 0.6, 0.5, 0.4, 0.5])).toBeCloseTo(0.952, 10);
  });

  it("gives 0.67232 for 0.8 on every layer and 0.92224 for 0.6", () => {
    // 1 − 0.32768; 1 − 0.07776
    expect(executionGap([0.8, 0.8, 0.8, 0.8, 0.8])).toBeCloseTo(0.67232, 10);
    expect(executionGap([0.6, 0.6, 0.6, 0.6, 0.6])).toBeCloseTo(0.92224, 10);
  });

  describe("edge cases", () => {
    it("is 0 when every layer is 1", () => {
      expect(executionGap([1, 1, 1, 1, 1])).toBe(0);
    });

    it("is 1 when a layer is 0", () => {
      expect(executionGap([1, 1, 0, 1, 1])).toBe(1);
    });
  });
});

describe("layerIndexOf", () => {
  it("reads positions 1–5 as zero-based indexes", () => {
    expect([1, 2, 3, 4, 5].map(layerIndexOf)).toEqual([0, 1, 2, 3, 4]);
  });

  it("finds full names", () => {
    expect(
      ["Strategy Alignment", "Workflow Integration", "Human Oversight", "Measurement", "Business Adoption"].map(
        layerIndexOf,
      ),
    ).toEqual([0, 1, 2, 3, 4]);
  });

  it("finds short labels and ids", () => {
    expect(["Strategy", "Workflow", "Oversight", "Measurement", "Adoption"].map(layerIndexOf)).toEqual([0, 1, 2, 3, 4]);
    expect(["strategy", "workflow", "oversight", "measurement", "adoption"].map(layerIndexOf)).toEqual([0, 1, 2, 3, 4]);
  });

  describe("loose spelling", () => {
    it("ignores case", () => {
      expect(layerIndexOf("human oversight")).toBe(2);
      expect(layerIndexOf("BUSINESS ADOPTION")).toBe(4);
      expect(layerIndexOf("wOrKfLoW")).toBe(1);
    });

    it("ignores leading, trailing and repeated white space", () => {
      expect(layerIndexOf("  Human   Oversight ")).toBe(2);
      expect(layerIndexOf("Workflow\tIntegration")).toBe(1);
      expect(layerIndexOf(" strategy ")).toBe(0);
    });
  });

  describe("unknown keys", () => {
    it("returns -1 for names that are not layers", () => {
      expect(layerIndexOf("Trust")).toBe(-1);
      expect(layerIndexOf("")).toBe(-1);
      expect(layerIndexOf("Strategy Alignments")).toBe(-1);
      // A decay-curve stage name is not a layer name.
      expect(layerIndexOf("Human Trust")).toBe(-1);
    });

    it("returns -1 for positions outside 1–5 or not whole", () => {
      expect(layerIndexOf(0)).toBe(-1);
      expect(layerIndexOf(6)).toBe(-1);
      expect(layerIndexOf(-1)).toBe(-1);
      expect(layerIndexOf(2.5)).toBe(-1);
      expect(layerIndexOf(NaN)).toBe(-1);
    });
  });
});

describe("normalizeName", () => {
  it("lower-cases, trims and folds runs of white space", () => {
    expect(normalizeName("  Human \t\n Oversight  ")).toBe("human oversight");
  });

  it("leaves an already normal name alone", () => {
    expect(normalizeName("measurement")).toBe("measurement");
  });
});
