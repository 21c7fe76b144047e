import { DIRECTIONS, measuredRoi, paybackPeriods, projectedValue } from "../../src/model/roi";

describe("DIRECTIONS", () => {
  it("are lower and higher", () => {
    expect(DIRECTIONS).toEqual(["lower", "higher"]);
  });
});

describe("measuredRoi", () => {
  describe("direction lower (the default)", () => {
    it("counts baseline − current as the improvement", () => {
      // 40 − 25 = 15 per period; × 60 × 12 = 10 800; (10 800 − 5 000) / 5 000 = 1.16
      const result = measuredRoi({ baseline: 40, current: 25, valuePerUnit: 60, cost: 5000, periods: 12 });
      expect(result.improvementPerPeriod).toBeCloseTo(15, 10);
      expect(result.benefit).toBeCloseTo(10800, 8);
      expect(result.cost).toBe(5000);
      expect(result.roi).toBeCloseTo(1.16, 10);
    });

    it("gives the same answer when lower is passed explicitly", () => {
      const inputs = { baseline: 40, current: 25, valuePerUnit: 60, cost: 5000, periods: 12 };
      expect(measuredRoi({ ...inputs, direction: "lower" })).toEqual(measuredRoi(inputs));
    });
  });

  describe("direction higher", () => {
    it("counts current − baseline as the improvement", () => {
      // 130 − 100 = 30; × 10 = 300; (300 − 200) / 200 = 0.5
      const result = measuredRoi({ baseline: 100, current: 130, valuePerUnit: 10, cost: 200, direction: "higher" });
      expect(result.improvementPerPeriod).toBeCloseTo(30, 10);
      expect(result.benefit).toBeCloseTo(300, 10);
      expect(result.roi).toBeCloseTo(0.5, 10);
    });

    it("gives the opposite improvement to lower for the same numbers", () => {
      const inputs = { baseline: 100, current: 130, valuePerUnit: 10, cost: 200 };
      expect(measuredRoi({ ...inputs, direction: "lower" }).improvementPerPeriod).toBeCloseTo(-30, 10);
    });
  });

  describe("periods", () => {
    it("default to 1", () => {
      // 15 × 60 = 900; (900 − 500) / 500 = 0.8
      const result = measuredRoi({ baseline: 40, current: 25, valuePerUnit: 60, cost: 500 });
      expect(result.benefit).toBeCloseTo(900, 10);
      expect(result.roi).toBeCloseTo(0.8, 10);
    });

    it("multiply the benefit", () => {
      // 15 × 60 × 3 = 2 700; (2 700 − 500) / 500 = 4.4
      expect(measuredRoi({ baseline: 40, current: 25, valuePerUnit: 60, cost: 500, periods: 3 }).roi).toBeCloseTo(
        4.4,
        10,
      );
    });
  });

  describe("cost per period", () => {
    it("is counted once for every period", () => {
      // cost 3 000 + 150 × 12 = 4 800; benefit 15 × 60 × 12 = 10 800; (10 800 − 4 800) / 4 800 = 1.25
      const result = measuredRoi({
        baseline: 40,
        current: 25,
        valuePerUnit: 60,
        cost: 3000,
        costPerPeriod: 150,
        periods: 12,
      });
      expect(result.cost).toBeCloseTo(4800, 10);
      expect(result.benefit).toBeCloseTo(10800, 10);
      expect(result.roi).toBeCloseTo(1.25, 12);
    });

    it("counts over fractional periods", () => {
      // cost 3 000 + 150 × 2.5 = 3 375; benefit 900 × 2.5 = 2 250; (2 250 − 3 375) / 3 375 = −1/3
      const result = measuredRoi({
        baseline: 40,
        current: 25,
        valuePerUnit: 60,
        cost: 3000,
        costPerPeriod: 150,
        periods: 2.5,
      });
      expect(result.cost).toBeCloseTo(3375, 10);
      expect(result.roi).toBeCloseTo(-1 / 3, 12);
    });

    it("defaults to 0, so a one-off cost alone gives the same result", () => {
      const inputs = { baseline: 40, current: 25, valuePerUnit: 60, cost: 5000, periods: 12 };
      expect(measuredRoi({ ...inputs, costPerPeriod: 0 })).toEqual(measuredRoi(inputs));
    });

    it("alone makes the ROI defined", () => {
      // cost 0 + 100 × 3 = 300; benefit 900 × 3 = 2 700; (2 700 − 300) / 300 = 8
      const result = measuredRoi({
        baseline: 40,
        current: 25,
        valuePerUnit: 60,
        cost: 0,
        costPerPeriod: 100,
        periods: 3,
      });
      expect(result.roi).toBeCloseTo(8, 12);
    });
  });

  describe("negative improvement", () => {
    it("gives a negative benefit when a lower-is-better metric rose", () => {
      // 20 − 26 = −6; × 50 = −300; (−300 − 100) / 100 = −4
      const result = measuredRoi({ baseline: 20, current: 26, valuePerUnit: 50, cost: 100 });
      expect(result.improvementPerPeriod).toBeCloseTo(-6, 10);
      expect(result.benefit).toBeCloseTo(-300, 10);
      expect(result.roi).toBeCloseTo(-4, 10);
    });

    it("gives a negative benefit when a higher-is-better metric fell", () => {
      // 90 − 100 = −10; × 10 = −100; (−100 − 200) / 200 = −1.5
      expect(
        measuredRoi({ baseline: 100, current: 90, valuePerUnit: 10, cost: 200, direction: "higher" }).roi,
      ).toBeCloseTo(-1.5, 10);
    });
  });

  describe("edge cases", () => {
    it("gives no ROI when costs are 0, but still the benefit", () => {
      const result = measuredRoi({ baseline: 40, current: 25, valuePerUnit: 60, cost: 0 });
      expect(result.roi).toBeNull();
      expect(result.benefit).toBeCloseTo(900, 10);
    });

    it("is 0 at break-even", () => {
      // (10 − 8) × 50 = 100 = cost
      expect(measuredRoi({ baseline: 10, current: 8, valuePerUnit: 50, cost: 100 }).roi).toBeCloseTo(0, 10);
    });

    it("is −1 when nothing improved", () => {
      expect(measuredRoi({ baseline: 10, current: 10, valuePerUnit: 50, cost: 100 }).roi).toBe(-1);
    });
  });
});

describe("projectedValue", () => {
  it("multiplies expected value by the realized share", () => {
    expect(projectedValue(1_000_000, [0.8, 0.6, 0.5, 0.4, 0.5])).toBeCloseTo(48_000, 6); // × 0.048
    expect(projectedValue(250_000, [0.8, 0.8, 0.8, 0.8, 0.8])).toBeCloseTo(81_920, 6); // × 0.32768
  });

  describe("edge cases", () => {
    it("is the whole expected value when every layer is 1", () => {
      expect(projectedValue(500, [1, 1, 1, 1, 1])).toBe(500);
    });

    it("is 0 when a layer is 0 or nothing is expected", () => {
      expect(projectedValue(500, [1, 1, 0, 1, 1])).toBe(0);
      expect(projectedValue(0, [0.8, 0.6, 0.5, 0.4, 0.5])).toBe(0);
    });
  });
});

describe("paybackPeriods", () => {
  it("interpolates within the period where cost is covered", () => {
    // 900 after 3 periods; 100 more of the 4th period's 300: 3 + 1/3
    expect(paybackPeriods(1000, [300, 300, 300, 300])).toBeCloseTo(3 + 1 / 3, 10);
    // 400 covers 100 a quarter of the way through the first period
    expect(paybackPeriods(100, [400])).toBeCloseTo(0.25, 10);
  });

  describe("exactly at a period boundary", () => {
    it("gives a whole number of periods", () => {
      expect(paybackPeriods(600, [300, 300, 300])).toBeCloseTo(2, 10);
      expect(paybackPeriods(300, [300])).toBeCloseTo(1, 10);
    });
  });

  describe("never reached", () => {
    it("is null", () => {
      expect(paybackPeriods(1000, [100, 100])).toBeNull();
      expect(paybackPeriods(1000, [])).toBeNull();
      expect(paybackPeriods(100, [-50, -50])).toBeNull();
    });
  });

  describe("zero cost", () => {
    it("pays back at once", () => {
      expect(paybackPeriods(0, [10])).toBe(0);
      expect(paybackPeriods(0, [])).toBe(0);
    });
  });

  describe("a period with negative or no benefit", () => {
    it("sets the cumulative benefit back", () => {
      // 300, then 200 after the −100; 300 more of the 3rd period's 400: 2 + 0.75
      expect(paybackPeriods(500, [300, -100, 400])).toBeCloseTo(2.75, 10);
    });

    it("counts from below zero after an early loss", () => {
      // −50 after period 1; 150 more of period 2's 200: 1 + 0.75
      expect(paybackPeriods(100, [-50, 200])).toBeCloseTo(1.75, 10);
    });

    it("passes over a period with no benefit", () => {
      // 200, still 200, then 300 more of 600: 2 + 0.5
      expect(paybackPeriods(500, [200, 0, 600])).toBeCloseTo(2.5, 10);
    });
  });
});
