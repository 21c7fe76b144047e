import { DEFAULT_TARGET_STAGE, MATURITY_STAGES, maturityStage } from "../../src/model/maturity";

describe("MATURITY_STAGES", () => {
  it("has the five stages in order", () => {
    expect(MATURITY_STAGES.map((stage) => [stage.level, stage.name])).toEqual([
      [1, "Experimenting"],
      [2, "Assisted"],
      [3, "Embedded"],
      [4, "Operational"],
      [5, "Autonomous"],
    ]);
  });

  it("fills in all four descriptive fields for every stage", () => {
    for (const stage of MATURITY_STAGES) {
      for (const field of [stage.characteristics, stage.primaryRisk, stage.signatureKpi, stage.executiveImplication]) {
        expect(typeof field).toBe("string");
        expect(field.trim().length).toBeGreaterThan(10);
      }
    }
  });

  it("does not repeat a description across stages", () => {
    const fields = ["characteristics", "primaryRisk", "signatureKpi", "executiveImplication"] as const;
    for (const field of fields) expect(new Set(MATURITY_STAGES.map((stage) => stage[field])).size).toBe(5);
  });
});

describe("DEFAULT_TARGET_STAGE", () => {
  it("is stage 4, Operational", () => {
    expect(DEFAULT_TARGET_STAGE).toBe(4);
    expect(maturityStage(DEFAULT_TARGET_STAGE)?.name).toBe("Operational");
  });
});

describe("maturityStage", () => {
  it("finds a stage by level", () => {
    expect([1, 2, 3, 4, 5].map((level) => maturityStage(level)?.name)).toEqual([
      "Experimenting",
      "Assisted",
      "Embedded",
      "Operational",
      "Autonomous",
    ]);
  });

  it("finds a stage by name, ignoring case and surrounding spaces", () => {
    expect(maturityStage("operational")?.level).toBe(4);
    expect(maturityStage("  EMBEDDED ")?.level).toBe(3);
    expect(maturityStage("Autonomous")?.level).toBe(5);
  });

  describe("unknown keys", () => {
    it("gives undefined", () => {
      expect(maturityStage(0)).toBeUndefined();
      expect(maturityStage(6)).toBeUndefined();
      expect(maturityStage(4.5)).toBeUndefined();
      expect(maturityStage("Stage 4")).toBeUndefined();
      expect(maturityStage("")).toBeUndefined();
    });
  });
});
