import {
  netPresentValue,
  roiFigures,
  roiFlags,
  totalCost,
  type RoiEntry,
  type RoiFlagCode,
} from "../../src/model/roi-tracker";
import { ROI_ENTRY } from "./roi-entry";

const ARTICLE = [0.8, 0.6, 0.5, 0.4, 0.5];

const ENTRY = ROI_ENTRY;

const NO_COSTS = { build: null, integrate: null, govern: null, maintain: null };

describe("totalCost", () => {
  it.each([
    ["all four lines", { build: 3000, integrate: 1000, govern: 500, maintain: 500 }, 5000], // 3000 + 1000 + 500 + 500
    ["two lines", { build: 3000, integrate: null, govern: 500, maintain: null }, 3500], // 3000 + 500
    ["one line", { build: null, integrate: null, govern: null, maintain: 250 }, 250],
    ["a zero line alone", { build: 0, integrate: null, govern: null, maintain: null }, 0],
    ["zero lines", { build: 0, integrate: 0, govern: 0, maintain: 0 }, 0],
    ["fractions", { build: 0.1, integrate: 0.2, govern: null, maintain: null }, 0.3],
  ])("sums the present lines: %s", (_label, lines, expected) => {
    expect(totalCost(lines)).toBeCloseTo(expected, 10);
  });

  describe("no line entered", () => {
    it("is null, not 0", () => {
      expect(totalCost(NO_COSTS)).toBeNull();
    });
  });
});

describe("roiFlags", () => {
  const cases: [string, Partial<RoiEntry>, RoiFlagCode[]][] = [
    ["a clean row", {}, []],
    ["no baseline", { baseline: null }, ["no-baseline"]],
    [
      "a baseline date after go-live",
      { baselineDate: "2026-02-03", goLiveDate: "2026-02-02" },
      ["baseline-after-go-live"],
    ],
    [
      "a baseline a year after go-live",
      { baselineDate: "2027-01-01", goLiveDate: "2026-12-31" },
      ["baseline-after-go-live"],
    ],
    ["a baseline on the go-live day", { baselineDate: "2026-02-02", goLiveDate: "2026-02-02" }, []],
    ["a baseline the day before go-live", { baselineDate: "2026-02-01", goLiveDate: "2026-02-02" }, []],
    ["no costs (all four null)", NO_COSTS, ["no-costs"]],
    ["one zero cost line, the rest blank", { ...NO_COSTS, govern: 0 }, []],
    ["all four costs zero", { build: 0, integrate: 0, govern: 0, maintain: 0 }, []],
    ["fewer periods observed than the horizon", { periods: 6, horizon: 12 }, ["short-observation"]],
    ["as many periods as the horizon", { periods: 12, horizon: 12 }, []],
    ["more periods than the horizon", { periods: 18, horizon: 12 }, []],
    ["no periods", { periods: null, horizon: 12 }, []],
    ["no horizon", { periods: 6, horizon: null }, []],
    ["no baseline date", { baselineDate: "" }, []],
    ["no go-live date", { goLiveDate: "" }, []],
    ["no baseline and no costs", { baseline: null, ...NO_COSTS }, ["no-baseline", "no-costs"]],
    [
      "no baseline, no costs and a short observation",
      { baseline: null, ...NO_COSTS, periods: 3 },
      ["no-baseline", "no-costs", "short-observation"],
    ],
    [
      "a late baseline and a short observation",
      { baselineDate: "2026-03-01", periods: 2 },
      ["baseline-after-go-live", "short-observation"],
    ],
  ];

  it.each(cases)("%s", (_label, change, codes) => {
    expect(roiFlags({ ...ENTRY, ...change }).map((flag) => flag.code)).toEqual(codes);
  });

  it("explains every flag in a sentence", () => {
    const flags = roiFlags({ ...ENTRY, baseline: null, ...NO_COSTS, periods: 3 });
    for (const flag of flags) expect(flag.message.trim().length).toBeGreaterThan(20);
  });

  it("says how many periods were observed out of the horizon", () => {
    const [flag] = roiFlags({ ...ENTRY, periods: 6, horizon: 12 });
    expect(flag.message).toContain("6 of 12");
  });

  describe("no baseline with dates in the wrong order", () => {
    it("flags only the missing baseline", () => {
      const entry = { ...ENTRY, baseline: null, baselineDate: "2026-03-01", goLiveDate: "2026-02-01" };
      expect(roiFlags(entry).map((flag) => flag.code)).toEqual(["no-baseline"]);
    });
  });
});

describe("netPresentValue (Excel's NPV: the first flow is discounted one period)", () => {
  it("discounts each flow by one more period", () => {
    // −100/1.1 + 60/1.21 + 60/1.331 = (−100 × 1.21 + 60 × 1.1 + 60) / 1.331 = (−121 + 66 + 60) / 1.331
    //   = 5 / 1.331 = 5000 / 1331 = 3.756574004507889…
    expect(netPresentValue(0.1, [-100, 60, 60])).toBeCloseTo(3.756574004507889, 12);
  });

  it.each([
    [0.1, [110], 100], // 110 / 1.1
    [0.1, [121], 110], // one flow, one period: 121 / 1.1
    [0.1, [0, 121], 100], // 121 / 1.21
    [0.05, [0, 0, 115.7625], 100], // 1.05^3 = 1.157625
    [0.5, [150, 225], 200], // 150 / 1.5 + 225 / 2.25 = 100 + 100
    [0.01, [101, 102.01], 200], // 101 / 1.01 + 102.01 / 1.0201 = 100 + 100
  ])("at rate %d of %j is %d", (rate, flows, expected) => {
    expect(netPresentValue(rate, flows)).toBeCloseTo(expected, 10);
  });

  describe("rate 0", () => {
    it.each([
      [[-100, 60, 60], 20], // −100 + 60 + 60
      [[900, 900, 900], 2700],
      [[-5, 2.5], -2.5],
    ])("is the plain sum of %j", (flows, expected) => {
      expect(netPresentValue(0, flows)).toBeCloseTo(expected, 12);
    });
  });

  describe("no flows", () => {
    it("is 0", () => {
      expect(netPresentValue(0.1, [])).toBe(0);
    });
  });
});

describe("roiFigures", () => {
  describe("measured ROI", () => {
    it("reproduces the hand example", () => {
      // cost 3000 + 1000 + 500 + 500 = 5000; improvement 40 − 25 = 15 per period;
      // benefit 15 × 60 × 12 = 10 800; ROI (10 800 − 5 000) / 5 000 = 1.16
      expect(roiFigures(ENTRY, null).measuredRoi).toBeCloseTo(1.16, 10);
    });

    it("counts current − baseline when higher is better", () => {
      // 130 − 100 = 30 per period × 10 × 1 = 300; cost 200; (300 − 200) / 200 = 0.5
      const entry = {
        ...ENTRY,
        direction: "higher" as const,
        baseline: 100,
        current: 130,
        valuePerUnit: 10,
        ...NO_COSTS,
        build: 200,
        periods: 1,
        horizon: 3,
      };
      const figures = roiFigures(entry, null);
      expect(figures.measuredRoi).toBeCloseTo(0.5, 10);
      // NPV at 0%: −200 + 3 × 300 = 700; payback 200 / 300 = 2/3 of a period
      expect(figures.npv).toBeCloseTo(700, 10);
      expect(figures.payback).toBeCloseTo(2 / 3, 10);
    });

    it("is negative when the metric went the wrong way", () => {
      // lower is better but 40 → 45: −5 × 60 × 12 = −3 600; (−3 600 − 5 000) / 5 000 = −1.72
      expect(roiFigures({ ...ENTRY, current: 45 }, null).measuredRoi).toBeCloseTo(-1.72, 10);
    });

    it("covers the observed periods, not the horizon", () => {
      // 15 × 60 × 6 = 5 400; (5 400 − 5 000) / 5 000 = 0.08
      expect(roiFigures({ ...ENTRY, periods: 6 }, null).measuredRoi).toBeCloseTo(0.08, 10);
    });
  });

  describe("without a baseline", () => {
    it("gives no measured ROI, NPV or payback: never a number", () => {
      const figures = roiFigures({ ...ENTRY, baseline: null }, ARTICLE);
      expect(figures.measuredRoi).toBeNull();
      expect(figures.npv).toBeNull();
      expect(figures.payback).toBeNull();
      expect(figures.flags.map((flag) => flag.code)).toContain("no-baseline");
    });

    it("still gives the projected value, which needs no baseline", () => {
      // 100 000 × 0.048
      expect(roiFigures({ ...ENTRY, baseline: null }, ARTICLE).projected).toBeCloseTo(4800, 8);
    });
  });

  describe("other missing inputs", () => {
    it.each([
      ["no current value", { current: null }],
      ["no value per unit", { valuePerUnit: null }],
      ["no costs", NO_COSTS],
    ])("%s: measured ROI, NPV and payback are null", (_label, change) => {
      const figures = roiFigures({ ...ENTRY, ...change }, null);
      expect(figures.measuredRoi).toBeNull();
      expect(figures.npv).toBeNull();
      expect(figures.payback).toBeNull();
    });

    it("no periods: no measured ROI, but NPV and payback over the horizon", () => {
      const figures = roiFigures({ ...ENTRY, periods: null }, null);
      expect(figures.measuredRoi).toBeNull();
      expect(figures.npv).toBeCloseTo(5800, 8); // −5 000 + 12 × 900
      expect(figures.payback).toBeCloseTo(50 / 9, 10); // 5 000 / 900
    });

    it("zero periods: no measured ROI", () => {
      expect(roiFigures({ ...ENTRY, periods: 0 }, null).measuredRoi).toBeNull();
    });

    it("no horizon: no NPV and no payback", () => {
      const figures = roiFigures({ ...ENTRY, horizon: null }, null);
      expect(figures.measuredRoi).toBeCloseTo(1.16, 10);
      expect(figures.npv).toBeNull();
      expect(figures.payback).toBeNull();
    });

    it("no discount rate: no NPV, but a payback", () => {
      const figures = roiFigures({ ...ENTRY, discountRate: null }, null);
      expect(figures.npv).toBeNull();
      expect(figures.payback).toBeCloseTo(50 / 9, 10);
    });
  });

  describe("NPV over the horizon", () => {
    it("is −cost + the benefit per period summed at rate 0", () => {
      // −5 000 + 12 × (15 × 60) = −5 000 + 10 800 = 5 800
      expect(roiFigures(ENTRY, null).npv).toBeCloseTo(5800, 8);
    });

    it("discounts each period's benefit: −cost + Σ b / (1 + r)^t", () => {
      // cost 1 000, b = 900, r = 0.1, 2 periods:
      // −1 000 + 900 / 1.1 + 900 / 1.21 = −1 000 + (990 + 900) / 1.21 = −1 000 + 1 890 / 1.21
      //   = −1 000 + 1 561.98347107438… = 561.98347107438…
      const entry = { ...ENTRY, ...NO_COSTS, build: 1000, horizon: 2, discountRate: 0.1 };
      expect(roiFigures(entry, null).npv).toBeCloseTo(561.98347107438, 8);
    });

    it("is negative when the horizon is too short to recover the cost", () => {
      // −5 000 + 900 × (1/1.1 + 1/1.21 + 1/1.331) = −5 000 + 900 × (1.21 + 1.1 + 1) / 1.331
      //   = −5 000 + 2 979 / 1.331 = −5 000 + 2 238.166791886… = −2 761.833208114…
      const entry = { ...ENTRY, horizon: 3, discountRate: 0.1 };
      expect(roiFigures(entry, null).npv).toBeCloseTo(-2761.833208114, 6);
    });
  });

  describe("payback", () => {
    it("is cost ÷ benefit per period, interpolated, when covered in the horizon", () => {
      // 5 000 / 900 = 5.5…: five periods give 4 500, the sixth covers 500 of its 900
      expect(roiFigures(ENTRY, null).payback).toBeCloseTo(5 + 500 / 900, 10);
    });

    it("is a whole number when the cost is covered exactly at a period's end", () => {
      // cost 4 500 = 5 × 900
      const entry = { ...ENTRY, ...NO_COSTS, build: 4500, horizon: 5 };
      expect(roiFigures(entry, null).payback).toBeCloseTo(5, 10);
    });

    it("is null when never covered within the horizon", () => {
      // 5 periods × 900 = 4 500 < 5 000
      expect(roiFigures({ ...ENTRY, horizon: 5 }, null).payback).toBeNull();
    });

    it("is null when the metric went the wrong way", () => {
      expect(roiFigures({ ...ENTRY, current: 45 }, null).payback).toBeNull();
    });
  });

  describe("projected value", () => {
    it("is the expected value × the product of the latest scores", () => {
      // 100 000 × 0.8 × 0.6 × 0.5 × 0.4 × 0.5 = 100 000 × 0.048 = 4 800
      expect(roiFigures(ENTRY, ARTICLE).projected).toBeCloseTo(4800, 8);
      // 100 000 × 0.8^5 = 32 768
      expect(roiFigures(ENTRY, [0.8, 0.8, 0.8, 0.8, 0.8]).projected).toBeCloseTo(32768, 8);
    });

    it("is null without scores", () => {
      expect(roiFigures(ENTRY, null).projected).toBeNull();
    });

    it("is null without an expected value", () => {
      expect(roiFigures({ ...ENTRY, expectedValue: null }, ARTICLE).projected).toBeNull();
    });
  });

  describe("measured and projected are kept apart", () => {
    it("projected does not change when the current value changes", () => {
      const before = roiFigures(ENTRY, ARTICLE);
      const after = roiFigures({ ...ENTRY, current: 10 }, ARTICLE);
      expect(after.measuredRoi).not.toBeCloseTo(before.measuredRoi!, 6);
      expect(after.projected).toBe(before.projected);
    });

    it("measured ROI, NPV and payback do not change when the scores change", () => {
      const low = roiFigures(ENTRY, ARTICLE);
      const high = roiFigures(ENTRY, [1, 1, 1, 1, 1]);
      expect(high.projected).not.toBe(low.projected);
      expect(high.measuredRoi).toBe(low.measuredRoi);
      expect(high.npv).toBe(low.npv);
      expect(high.payback).toBe(low.payback);
    });

    it("measured ROI does not change with the expected value", () => {
      expect(roiFigures({ ...ENTRY, expectedValue: 1 }, ARTICLE).measuredRoi).toBe(
        roiFigures(ENTRY, ARTICLE).measuredRoi,
      );
    });
  });

  describe("costs of zero", () => {
    it("give no ROI (it would divide by 0), a payback of 0 and an NPV of the benefits", () => {
      const figures = roiFigures({ ...ENTRY, build: 0, integrate: 0, govern: 0, maintain: 0 }, null);
      expect(figures.measuredRoi).toBeNull();
      expect(figures.payback).toBe(0);
      expect(figures.npv).toBeCloseTo(10800, 8); // 12 × 900
    });
  });

  it("carries the row's flags", () => {
    const entry = { ...ENTRY, periods: 6 };
    expect(roiFigures(entry, null).flags).toEqual(roiFlags(entry));
  });
});
