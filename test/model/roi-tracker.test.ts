import {
  benefitPerPeriod,
  levelNpv,
  levelPayback,
  netPresentValue,
  oneOffCost,
  perPeriodCost,
  roiFigures,
  roiFlagText,
  roiFlags,
  totalCost,
  type RoiEntry,
  type RoiFlagCode,
} from "../../src/model/roi-tracker";
import { paybackPeriods } from "../../src/model/roi";
import { book } from "../support/hyperformula-agap";
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

  it("writes the periods through the writer it is given, and every other flag as it is", () => {
    const [late, short] = roiFlags({ ...ENTRY, baselineDate: "2026-03-01", periods: 0.8, horizon: 12 });
    const german = (value: number) => String(value).replace(".", ",");
    expect(roiFlagText(short, german)).toBe(
      "Only 0,8 of 12 periods observed: the measured ROI covers part of the horizon.",
    );
    expect(roiFlagText(short)).toBe(short.message);
    expect(short.message).toContain("0.8 of 12");
    expect(roiFlagText(late, german)).toBe(late.message);
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

/** Relative difference, for numbers compared with a closed form or with the spreadsheet. */
function relative(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(1, Math.abs(expected));
}

describe("oneOffCost and perPeriodCost", () => {
  it.each([
    ["all four lines", { build: 3000, integrate: 1000, govern: 500, maintain: 500 }, 4500, 500], // 3000 + 1000 + 500
    ["one-off lines only", { build: 3000, integrate: null, govern: 500, maintain: null }, 3500, 0],
    ["maintain only", { build: null, integrate: null, govern: null, maintain: 250 }, 0, 250],
    ["nothing entered", { build: null, integrate: null, govern: null, maintain: null }, 0, 0],
    ["fractions", { build: 0.1, integrate: 0.2, govern: null, maintain: 0.5 }, 0.3, 0.5],
  ])("%s: build + integrate + govern once, maintain per period", (_label, lines, once, each) => {
    expect(oneOffCost(lines)).toBeCloseTo(once, 12);
    expect(perPeriodCost(lines)).toBeCloseTo(each, 12);
  });
});

describe("benefitPerPeriod", () => {
  it.each([
    ["lower is better", { direction: "lower" as const, baseline: 40, current: 25, valuePerUnit: 60 }, 900], // 15 × 60
    ["higher is better", { direction: "higher" as const, baseline: 100, current: 130, valuePerUnit: 10 }, 300], // 30 × 10
    ["the wrong way", { direction: "lower" as const, baseline: 40, current: 45, valuePerUnit: 60 }, -300], // −5 × 60
  ])("%s", (_label, entry, expected) => {
    expect(benefitPerPeriod(entry)).toBeCloseTo(expected, 10);
  });

  it.each(["baseline", "current", "valuePerUnit"] as const)("is null without %s", (field) => {
    const entry = { direction: "lower" as const, baseline: 40, current: 25, valuePerUnit: 60, [field]: null };
    expect(benefitPerPeriod(entry)).toBeNull();
  });
});

describe("levelNpv", () => {
  it("discounts the same net flow each period and takes off the one-off cost", () => {
    // 900 / 1.1 + 900 / 1.21 − 1 000 = 1 890 / 1.21 − 1 000 = 561.98347107438…
    expect(levelNpv(0.1, 2, 900, 1000)).toBeCloseTo(561.98347107438, 8);
    // 400 × (1.21 + 1.1 + 1) / 1.331 − 4 500 = 1 324 / 1.331 − 4 500 = −3 505.259203606311…
    expect(levelNpv(0.1, 3, 400, 4500)).toBeCloseTo(-3505.259203606311, 8);
    // A negative rate above −1: 400 / 0.5 + 400 / 0.25 − 4 500 = 800 + 1 600 − 4 500 = −2 100
    expect(levelNpv(-0.5, 2, 400, 4500)).toBeCloseTo(-2100, 9);
  });

  it("at rate 0 is net × horizon − one-off", () => {
    expect(levelNpv(0, 12, 400, 4500)).toBe(300); // 4 800 − 4 500
    expect(levelNpv(0, 1, -100, 0)).toBe(-100);
  });

  it("is Excel's NPV of the horizon's flows, less the one-off cost", () => {
    for (const rate of [-0.2, 0.001, 0.01, 0.05, 0.1, 0.5]) {
      for (const horizon of [1, 2, 7, 12, 36]) {
        const flows = new Array(horizon).fill(400);
        // Compared before the one-off cost: near break-even the difference would magnify rounding.
        expect(relative(levelNpv(rate, horizon, 400, 0)!, netPresentValue(rate, flows))).toBeLessThan(1e-12);
        expect(levelNpv(rate, horizon, 400, 4500)).toBe(levelNpv(rate, horizon, 400, 0)! - 4500);
      }
    }
  });

  it("agrees with the sheet's -PV(rate, horizon, net) - oneOff to 1e-12", () => {
    const cases: [number, number, number, number][] = [
      [0.01, 12, 400, 4500],
      [0.0123, 36, 123.456, 3000],
      [0.1, 3, 400, 4500],
      [0.5, 2, 900, 1000],
      [-0.2, 5, 250, 100],
      [0.02, 60, -75, 0],
      [0, 12, 400, 4500],
    ];
    const cells = Object.fromEntries(
      cases.map(([r, h, net, once], i) => [`A${i + 1}`, `=-PV(${r},${h},${net})-${once}`]),
    );
    // Without smart rounding the engine returns the full double, as Excel computes it.
    const sheet = book(cells, { smartRounding: false });
    cases.forEach(([r, h, net, once], i) => {
      const fromSheet = sheet.value(`A${i + 1}`) as number;
      expect(typeof fromSheet).toBe("number");
      expect(relative(levelNpv(r, h, net, once)!, fromSheet)).toBeLessThanOrEqual(1e-12);
    });
  });

  it.each([
    ["a fractional horizon", 0.1, 2.5],
    ["a horizon of 0", 0.1, 0],
    ["a negative horizon", 0.1, -3],
    ["a rate of −1", -1, 12],
    ["a rate below −1", -1.5, 12],
    ["a rate that is not a number", NaN, 12],
    ["a rate so large that (1 + rate)^horizon overflows", Number.MAX_VALUE, 12],
  ])("is null for %s", (_label, rate, horizon) => {
    expect(levelNpv(rate, horizon, 400, 4500)).toBeNull();
  });
});

describe("levelPayback", () => {
  it("is one-off ÷ net when that is within the horizon", () => {
    expect(levelPayback(4500, 400, 12)).toBeCloseTo(11.25, 12); // 4 500 / 400
    expect(levelPayback(3000, 750, 4)).toBe(4); // exactly at the horizon
  });

  it("agrees with the period-by-period payback of the same flows", () => {
    for (const [once, net, horizon] of [
      [4500, 400, 12],
      [1000, 300, 4],
      [200, 300, 3],
    ]) {
      const flows = new Array(horizon).fill(net);
      expect(relative(levelPayback(once, net, horizon)!, paybackPeriods(once, flows)!)).toBeLessThan(1e-12);
    }
  });

  it("is 0 without a one-off cost, whatever the net flow", () => {
    expect(levelPayback(0, 400, 12)).toBe(0);
    expect(levelPayback(0, -50, 12)).toBe(0);
  });

  it.each([
    ["a net flow of 0", 4500, 0, 12],
    ["a negative net flow", 4500, -100, 12],
    ["longer than the horizon", 4500, 400, 11], // 11.25 > 11
    ["a fractional horizon", 4500, 400, 12.5],
    ["a horizon of 0", 0, 400, 0],
  ])("is null for %s", (_label, once, net, horizon) => {
    expect(levelPayback(once, net, horizon)).toBeNull();
  });
});

describe("roiFigures", () => {
  // The fixture: benefit 15 × 60 = 900 per period; one-off 3 000 + 1 000 + 500 = 4 500;
  // maintain 500 per period; 12 periods observed, horizon 12, rate 0.
  describe("measured ROI", () => {
    it("counts maintain once per period observed", () => {
      // cost 4 500 + 500 × 12 = 10 500; benefit 900 × 12 = 10 800; (10 800 − 10 500) / 10 500 = 1/35
      expect(roiFigures(ENTRY, null).measuredRoi).toBeCloseTo(1 / 35, 12);
    });

    it("is what it was before when there is no maintain cost", () => {
      // cost 3 000 + 1 000 + 500 = 4 500; (10 800 − 4 500) / 4 500 = 1.4
      expect(roiFigures({ ...ENTRY, maintain: null }, null).measuredRoi).toBeCloseTo(1.4, 12);
      expect(roiFigures({ ...ENTRY, maintain: 0 }, null).measuredRoi).toBeCloseTo(1.4, 12);
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
      // lower is better but 40 → 45: −5 × 60 × 12 = −3 600; (−3 600 − 10 500) / 10 500 = −47/35
      expect(roiFigures({ ...ENTRY, current: 45 }, null).measuredRoi).toBeCloseTo(-47 / 35, 12);
    });

    it("covers the observed periods, not the horizon", () => {
      // 900 × 6 = 5 400; cost 4 500 + 500 × 6 = 7 500; (5 400 − 7 500) / 7 500 = −0.28
      expect(roiFigures({ ...ENTRY, periods: 6 }, null).measuredRoi).toBeCloseTo(-0.28, 12);
    });

    it("takes a fractional number of periods observed", () => {
      // 900 × 2.5 = 2 250; cost 4 500 + 500 × 2.5 = 5 750; (2 250 − 5 750) / 5 750 = −14/23
      expect(roiFigures({ ...ENTRY, periods: 2.5 }, null).measuredRoi).toBeCloseTo(-14 / 23, 12);
    });

    it("counts a maintain cost entered alone", () => {
      // cost 0 + 500 × 12 = 6 000; (10 800 − 6 000) / 6 000 = 0.8
      const figures = roiFigures({ ...ENTRY, ...NO_COSTS, maintain: 500 }, null);
      expect(figures.measuredRoi).toBeCloseTo(0.8, 12);
      expect(figures.flags.map((flag) => flag.code)).not.toContain("no-costs");
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
      expect(figures.npv).toBeCloseTo(300, 9); // 12 × (900 − 500) − 4 500
      expect(figures.payback).toBeCloseTo(11.25, 12); // 4 500 / 400
    });

    it.each([0, -1])("periods of %d: no measured ROI", (periods) => {
      expect(roiFigures({ ...ENTRY, periods }, null).measuredRoi).toBeNull();
    });

    it("no horizon: no NPV and no payback", () => {
      const figures = roiFigures({ ...ENTRY, horizon: null }, null);
      expect(figures.measuredRoi).toBeCloseTo(1 / 35, 12);
      expect(figures.npv).toBeNull();
      expect(figures.payback).toBeNull();
    });

    it.each([12.5, 0, -12])("a horizon of %d, not a whole number of 1 or more: no NPV and no payback", (horizon) => {
      const figures = roiFigures({ ...ENTRY, horizon }, null);
      expect(figures.npv).toBeNull();
      expect(figures.payback).toBeNull();
    });

    it("no discount rate: no NPV, but a payback", () => {
      const figures = roiFigures({ ...ENTRY, discountRate: null }, null);
      expect(figures.npv).toBeNull();
      expect(figures.payback).toBeCloseTo(11.25, 12);
    });

    it.each([-1, -2])("a discount rate of %d: no NPV, but a payback", (discountRate) => {
      const figures = roiFigures({ ...ENTRY, discountRate }, null);
      expect(figures.npv).toBeNull();
      expect(figures.payback).toBeCloseTo(11.25, 12);
    });
  });

  describe("NPV over the horizon", () => {
    it("is −one-off + (benefit − maintain) per period, summed at rate 0", () => {
      // −4 500 + 12 × (900 − 500) = −4 500 + 4 800 = 300
      expect(roiFigures(ENTRY, null).npv).toBeCloseTo(300, 9);
    });

    it("discounts each period's net flow: −one-off + Σ (b − maintain) / (1 + r)^t", () => {
      // one-off 1 000, b = 900, no maintain, r = 0.1, 2 periods:
      // −1 000 + 900 / 1.1 + 900 / 1.21 = −1 000 + 1 890 / 1.21 = 561.98347107438…
      const entry = { ...ENTRY, ...NO_COSTS, build: 1000, horizon: 2, discountRate: 0.1 };
      expect(roiFigures(entry, null).npv).toBeCloseTo(561.98347107438, 8);
      // With maintain 100: net 800; −1 000 + 800 × 2.1 / 1.21 = −1 000 + 1 388.4297520661157 = 388.4297520661157
      expect(roiFigures({ ...entry, maintain: 100 }, null).npv).toBeCloseTo(388.4297520661157, 8);
    });

    it("is negative when the horizon is too short to recover the one-off cost", () => {
      // −4 500 + 400 × (1/1.1 + 1/1.21 + 1/1.331) = −4 500 + 1 324 / 1.331 = −3 505.259203606311…
      const entry = { ...ENTRY, horizon: 3, discountRate: 0.1 };
      expect(roiFigures(entry, null).npv).toBeCloseTo(-3505.259203606311, 8);
    });

    it("falls every period when maintain exceeds the benefit", () => {
      // net 900 − 1 000 = −100; −4 500 + 12 × −100 = −5 700
      expect(roiFigures({ ...ENTRY, maintain: 1000 }, null).npv).toBeCloseTo(-5700, 9);
    });
  });

  describe("payback", () => {
    it("is one-off ÷ (benefit − maintain) when covered in the horizon", () => {
      // 4 500 / (900 − 500) = 11.25
      expect(roiFigures(ENTRY, null).payback).toBeCloseTo(11.25, 12);
    });

    it("is a whole number when the cost is covered exactly at a period's end", () => {
      // one-off 4 500 = 5 × 900, no maintain
      const entry = { ...ENTRY, ...NO_COSTS, build: 4500, horizon: 5 };
      expect(roiFigures(entry, null).payback).toBeCloseTo(5, 12);
    });

    it("is null when not covered within the horizon", () => {
      // 11.25 periods needed, 11 in the horizon
      expect(roiFigures({ ...ENTRY, horizon: 11 }, null).payback).toBeNull();
    });

    it("is null when the metric went the wrong way", () => {
      expect(roiFigures({ ...ENTRY, current: 45 }, null).payback).toBeNull();
    });

    it("is null when maintain eats the whole benefit", () => {
      expect(roiFigures({ ...ENTRY, maintain: 900 }, null).payback).toBeNull(); // net 0
      expect(roiFigures({ ...ENTRY, maintain: 1000 }, null).payback).toBeNull(); // net −100
    });

    it("is 0 when only maintain is entered: there is nothing to pay back", () => {
      expect(roiFigures({ ...ENTRY, ...NO_COSTS, maintain: 500 }, null).payback).toBe(0);
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

  it("matches the closed forms on a grid of rows, to 1e-12", () => {
    for (const maintain of [null, 0, 120, 500, 950])
      for (const periods of [0.5, 2.5, 12])
        for (const horizon of [1, 6, 12, 24])
          for (const discountRate of [0, 0.01, 0.1]) {
            const entry = { ...ENTRY, maintain, periods, horizon, discountRate };
            const once = 4500;
            const each = maintain ?? 0;
            const net = 900 - each;
            const figures = roiFigures(entry, null);
            const cost = once + each * periods;
            expect(relative(figures.measuredRoi!, (900 * periods - cost) / cost)).toBeLessThanOrEqual(1e-12);
            const annuity = discountRate === 0 ? horizon : (1 - (1 + discountRate) ** -horizon) / discountRate;
            expect(relative(figures.npv!, net * annuity - once)).toBeLessThanOrEqual(1e-12);
            const payback = net <= 0 || once / net > horizon ? null : once / net;
            if (payback === null) expect(figures.payback).toBeNull();
            else expect(relative(figures.payback!, payback)).toBeLessThanOrEqual(1e-12);
          }
  });

  it("carries the row's flags", () => {
    const entry = { ...ENTRY, periods: 6 };
    expect(roiFigures(entry, null).flags).toEqual(roiFlags(entry));
  });
});
