import { LIMITS, checkLimit, withinLimit, type Limit, type LimitKind } from "../../src/model/limits";
import { roiFigures } from "../../src/model/roi-tracker";
import { LAYOUT, SPEC, readLayer, readNumber, readStage } from "../../src/functions/args";
import { liftCore, planCore, roiCore } from "../../src/functions/core";
import { FormulaError } from "../../src/functions/values";
import { ROI_ENTRY } from "./roi-entry";

/** Numbers every limit is tried with: bounds, just inside and outside them, fractions, non-finite. */
const PROBES = [
  -Infinity,
  -1e12,
  -6,
  -1.5,
  -1.0000001,
  -1,
  -0.9999999,
  -0.5,
  -0.1,
  -0,
  0,
  1e-9,
  0.1,
  0.5,
  0.9999999,
  1,
  1.0000001,
  1.5,
  2,
  2.5,
  4.9999999,
  5,
  5.0000001,
  6,
  12,
  12.5,
  1e12,
  Number.MAX_VALUE,
  Infinity,
  NaN,
];

describe("LIMITS", () => {
  // What each kind allows, written out by hand: editing a limit means editing this table too.
  const EXPECTED: Record<LimitKind, { allowed: number[]; refused: number[] }> = {
    answer: { allowed: [0, 1, 3, 5], refused: [-1, 2.5, 4.9999999, 5.0000001, 6, NaN] },
    meanAnswer: { allowed: [0, 2.5, 4.9999999, 5], refused: [-0.1, 5.0000001, 6, Infinity] },
    score: { allowed: [0, 0.5, 1], refused: [-0.1, 1.0000001, 80, NaN] },
    gap: { allowed: [0, 0.952, 1], refused: [-0.1, 1.5] },
    delta: { allowed: [-1, -0.1, 0, 0.1, 1], refused: [-1.0000001, 1.5] },
    target: { allowed: [1e-9, 0.25, 1], refused: [0, -0.1, 1.0000001] },
    money: { allowed: [0, 0.01, 1e12, Number.MAX_VALUE], refused: [-0.01, -1e12, Infinity, NaN] },
    number: { allowed: [-Number.MAX_VALUE, -40, 0, 2.5, Number.MAX_VALUE], refused: [-Infinity, Infinity, NaN] },
    periods: { allowed: [1e-9, 0.5, 1, 2.5, 12], refused: [0, -0, -1, Infinity] },
    horizon: { allowed: [1, 2, 12, 360], refused: [0, 0.5, 2.5, 12.5, -1, Infinity] },
    discountRate: { allowed: [-0.9999999, -0.5, 0, 0.01, 0.1, 2], refused: [-1, -1.5, Infinity, NaN] },
    threshold: { allowed: [0, 0.25, 1], refused: [-0.1, 1.5] },
    curveStage: { allowed: [0, 3, 5], refused: [-1, 2.5, 6] },
    layer: { allowed: [1, 3, 5], refused: [0, 2.5, 6] },
    maturityStage: { allowed: [1, 3, 5], refused: [0, 1.5, 6] },
  };

  it("lists exactly the kinds the table above describes", () => {
    expect(Object.keys(LIMITS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(Object.keys(EXPECTED) as LimitKind[])("%s", (kind) => {
    const limit: Limit = LIMITS[kind];

    it.each(EXPECTED[kind].allowed)("allows %d", (value) => {
      expect(withinLimit(limit, value)).toBe(true);
      expect(checkLimit(limit, value)).toBeNull();
    });

    it.each(EXPECTED[kind].refused)("refuses %d", (value) => {
      expect(withinLimit(limit, value)).toBe(false);
      expect(checkLimit(limit, value)).toMatch(/^(Must be|Enter) .+\.$/);
    });

    it("says in words what is allowed, and has sensible bounds", () => {
      expect(limit.allowed).toMatch(/^(a|an) /);
      expect(limit.min).toBeLessThan(limit.max);
      expect(Object.isFrozen(limit)).toBe(true);
    });

    it("is whole exactly when its wording says so", () => {
      expect(limit.whole).toBe(/\bwhole\b/.test(limit.allowed));
    });
  });

  it("cannot be changed at run time", () => {
    expect(Object.isFrozen(LIMITS)).toBe(true);
  });
});

describe("checkLimit", () => {
  it.each([
    ["a score above 1", LIMITS.score, 1.2, "Must be at most 1."],
    ["a negative score", LIMITS.score, -0.2, "Must be at least 0."],
    ["money below 0", LIMITS.money, -5, "Must be at least 0."],
    ["a target of 0", LIMITS.target, 0, "Must be above 0."],
    ["periods of 0", LIMITS.periods, 0, "Must be above 0."],
    ["negative periods", LIMITS.periods, -2, "Must be above 0."],
    ["a fractional horizon", LIMITS.horizon, 2.5, "Enter a whole number."],
    ["a horizon of 0", LIMITS.horizon, 0, "Must be at least 1."],
    ["a fractional answer", LIMITS.answer, 2.5, "Enter a whole number."],
    ["an answer of 6", LIMITS.answer, 6, "Must be at most 5."],
    ["a rate of −100%", LIMITS.discountRate, -1, "Must be above -1."],
    ["a delta below −1", LIMITS.delta, -1.5, "Must be at least -1."],
    ["an infinite amount", LIMITS.money, Infinity, "Enter a finite number."],
    ["not a number", LIMITS.number, NaN, "Enter a finite number."],
  ])("%s: %s", (_label, limit, value, sentence) => {
    expect(checkLimit(limit, value)).toBe(sentence);
  });

  it("writes the bound as the caller shows numbers, e.g. as a percentage", () => {
    const percent = (v: number) => `${Math.round(v * 1000) / 10}%`;
    expect(checkLimit(LIMITS.discountRate, -1.2, percent)).toBe("Must be above -100%.");
    expect(checkLimit(LIMITS.score, 1.5, percent)).toBe("Must be at most 100%.");
    expect(checkLimit(LIMITS.target, 0, percent)).toBe("Must be above 0%.");
  });

  it("returns null exactly where withinLimit is true, for every limit and probe", () => {
    for (const limit of Object.values(LIMITS)) {
      for (const value of PROBES)
        expect([value, checkLimit(limit, value) === null]).toEqual([value, withinLimit(limit, value)]);
    }
  });

  it("honours an exclusive maximum", () => {
    const below: Limit = { ...LIMITS.score, maxExclusive: true };
    expect(checkLimit(below, 1)).toBe("Must be below 1.");
    expect(checkLimit(below, 0.999)).toBeNull();
  });
});

describe("the custom functions read numbers with the same limits", () => {
  // Which limit each kind of argument uses. A SPEC entry written by hand, or one that points at
  // another limit, fails here.
  const USES: Record<keyof typeof SPEC, LimitKind> = {
    score: "score",
    answer: "meanAnswer",
    gap: "gap",
    delta: "delta",
    target: "target",
    money: "money",
    number: "number",
    periods: "periods",
    threshold: "threshold",
  };

  it.each(Object.entries(USES))("SPEC.%s is LIMITS.%s itself", (spec, kind) => {
    expect(SPEC[spec as keyof typeof SPEC]).toBe(LIMITS[kind as LimitKind]);
  });

  it("every SPEC entry is listed above", () => {
    expect(Object.keys(SPEC).sort()).toEqual(Object.keys(USES).sort());
  });

  it("score and answer ranges use the score and answer limits", () => {
    expect(LAYOUT.scores.spec).toBe(LIMITS.score);
    expect(LAYOUT.layerAnswers.spec).toBe(LIMITS.meanAnswer);
    expect(LAYOUT.allAnswers.spec).toBe(LIMITS.meanAnswer);
  });

  it.each(Object.entries(USES))(
    "readNumber with SPEC.%s accepts exactly what LIMITS.%s allows, and says what is allowed",
    (spec, kind) => {
      const limit = LIMITS[kind as LimitKind];
      for (const value of PROBES) {
        const read = readNumber(value, "arg", SPEC[spec as keyof typeof SPEC]);
        if (withinLimit(limit, value)) {
          expect([value, read]).toEqual([value, value]);
        } else {
          expect(read).toBeInstanceOf(FormulaError);
          const error = read as FormulaError;
          expect([value, error.code]).toEqual([value, Number.isFinite(value) ? "#VALUE!" : "#NUM!"]);
          if (Number.isFinite(value)) expect(error.message).toContain(`Enter ${limit.allowed}.`);
        }
      }
    },
  );

  it("a stage number is read with LIMITS.curveStage", () => {
    for (const value of PROBES) {
      const read = readStage(value);
      expect([value, typeof read === "number"]).toEqual([value, withinLimit(LIMITS.curveStage, value)]);
    }
    expect((readStage(2.5) as FormulaError).message).toContain(LIMITS.curveStage.allowed);
  });

  it("a layer number is read with LIMITS.layer", () => {
    for (const value of PROBES) {
      const read = readLayer(value);
      expect([value, typeof read === "number"]).toEqual([value, withinLimit(LIMITS.layer, value)]);
    }
    expect((readLayer(2.5) as FormulaError).message).toContain(LIMITS.layer.allowed);
  });

  it("AGAP.ROI's periods, AGAP.LIFT's delta and AGAP.PLAN's target follow their limits", () => {
    const scores = [[0.8, 0.6, 0.5, 0.4, 0.5]];
    for (const value of PROBES.filter(Number.isFinite)) {
      const roi = roiCore(40, 25, 60, 5000, "lower", value);
      expect([value, typeof roi === "number"]).toEqual([value, withinLimit(LIMITS.periods, value)]);
      const lift = liftCore(scores, 4, value)[0][0];
      expect([value, typeof lift === "number"]).toEqual([value, withinLimit(LIMITS.delta, value)]);
      const plan = planCore(scores, value)[0][0];
      expect([value, typeof plan === "number"]).toEqual([value, withinLimit(LIMITS.target, value)]);
    }
  });
});

describe("the ROI tracker uses the same limits", () => {
  it("gives a measured ROI exactly for periods within LIMITS.periods", () => {
    for (const periods of PROBES) {
      const figures = roiFigures({ ...ROI_ENTRY, periods }, null);
      expect([periods, figures.measuredRoi !== null]).toEqual([periods, withinLimit(LIMITS.periods, periods)]);
    }
  });

  it("gives NPV and payback exactly for a horizon within LIMITS.horizon", () => {
    // Horizons so long that 1.01^horizon overflows give no NPV either; they are left out here.
    for (const horizon of PROBES.filter((periods) => !(periods > 1e6))) {
      const figures = roiFigures({ ...ROI_ENTRY, horizon, discountRate: 0.01 }, null);
      // The payback of the fixture is 11.25 periods: a horizon shorter than that has none.
      const covered = withinLimit(LIMITS.horizon, horizon) && horizon >= 11.25;
      expect([horizon, figures.npv !== null, figures.payback !== null]).toEqual([
        horizon,
        withinLimit(LIMITS.horizon, horizon),
        covered,
      ]);
    }
  });

  it("gives an NPV exactly for a discount rate within LIMITS.discountRate", () => {
    // Rates so large that (1 + rate)^12 overflows give no NPV either; they are left out here.
    for (const discountRate of PROBES.filter((rate) => !(rate > 1e12))) {
      const figures = roiFigures({ ...ROI_ENTRY, discountRate }, null);
      expect([discountRate, figures.npv !== null]).toEqual([
        discountRate,
        withinLimit(LIMITS.discountRate, discountRate),
      ]);
    }
  });
});
