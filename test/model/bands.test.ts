import {
  BANDS,
  BAND_THRESHOLD_NOTE,
  DEFAULT_BAND_THRESHOLDS,
  bandOf,
  nextBandLimit,
  thresholdProblem,
} from "../../src/model/bands";
import { executionGap } from "../../src/model/layers";

describe("BANDS", () => {
  it("runs from the widest gap to the narrowest", () => {
    expect(BANDS).toEqual(["Critical", "Severe", "Material", "Managed", "Contained"]);
  });
});

describe("DEFAULT_BAND_THRESHOLDS", () => {
  it("are 90%, 75%, 50% and 25%", () => {
    expect(DEFAULT_BAND_THRESHOLDS).toEqual([0.9, 0.75, 0.5, 0.25]);
  });
});

describe("BAND_THRESHOLD_NOTE", () => {
  it("gives the default limits and says where your own are set: AGAP.BAND's second argument", () => {
    for (const percent of ["90%", "75%", "50%", "25%"]) expect(BAND_THRESHOLD_NOTE).toContain(percent);
    expect(BAND_THRESHOLD_NOTE).toContain("AGAP.BAND takes your own as its second argument");
  });
});

describe("bandOf", () => {
  it("bands the article's figures", () => {
    expect(bandOf(executionGap([0.8, 0.6, 0.5, 0.4, 0.5]))).toBe("Critical"); // gap 0.952
    expect(bandOf(0.85)).toBe("Severe"); // the illustrative curve: 15% survives
    expect(bandOf(executionGap([0.8, 0.8, 0.8, 0.8, 0.8]))).toBe("Material"); // gap 0.67232
    expect(bandOf(executionGap([0.6, 0.6, 0.6, 0.6, 0.6]))).toBe("Critical"); // gap 0.92224
  });

  it("places a gap inside each band", () => {
    expect(bandOf(0.95)).toBe("Critical");
    expect(bandOf(0.8)).toBe("Severe");
    expect(bandOf(0.6)).toBe("Material");
    expect(bandOf(0.3)).toBe("Managed");
    expect(bandOf(0.1)).toBe("Contained");
  });

  describe("at the thresholds", () => {
    it("puts a gap equal to a threshold in the wider band", () => {
      expect(bandOf(0.9)).toBe("Critical");
      expect(bandOf(0.75)).toBe("Severe");
      expect(bandOf(0.5)).toBe("Material");
      expect(bandOf(0.25)).toBe("Managed");
    });

    it("puts a gap just under a threshold in the narrower band", () => {
      expect(bandOf(0.8999)).toBe("Severe");
      expect(bandOf(0.7499)).toBe("Material");
      expect(bandOf(0.4999)).toBe("Managed");
      expect(bandOf(0.2499)).toBe("Contained");
    });

    it("bands a computed gap that lands on a threshold", () => {
      expect(bandOf(executionGap([0.5, 0.5, 1, 1, 1]))).toBe("Severe"); // 1 − 0.25
      expect(bandOf(executionGap([0.5, 1, 1, 1, 1]))).toBe("Material"); // 1 − 0.5
    });
  });

  describe("extremes", () => {
    it("is Critical for a gap of 1 and Contained for a gap of 0", () => {
      expect(bandOf(1)).toBe("Critical");
      expect(bandOf(0)).toBe("Contained");
    });
  });

  describe("with user thresholds", () => {
    const mine = [0.8, 0.6, 0.4, 0.2];

    it("uses them instead of the defaults", () => {
      expect(bandOf(0.85, mine)).toBe("Critical");
      expect(bandOf(0.7, mine)).toBe("Severe"); // Material by default
      expect(bandOf(0.45, mine)).toBe("Material"); // Managed by default
      expect(bandOf(0.22, mine)).toBe("Managed"); // Contained by default
      expect(bandOf(0.1, mine)).toBe("Contained");
    });

    it("puts a gap equal to one of them in the wider band", () => {
      expect(bandOf(0.8, mine)).toBe("Critical");
      expect(bandOf(0.6, mine)).toBe("Severe");
      expect(bandOf(0.4, mine)).toBe("Material");
      expect(bandOf(0.2, mine)).toBe("Managed");
      expect(bandOf(0.5999, mine)).toBe("Material");
      expect(bandOf(0.1999, mine)).toBe("Contained");
    });

    it("never gives Contained when the last threshold is 0", () => {
      expect(bandOf(0, [0.9, 0.6, 0.3, 0])).toBe("Managed");
    });
  });
});

describe("thresholdProblem", () => {
  it("accepts the defaults and any four falling numbers in [0, 1]", () => {
    expect(thresholdProblem(DEFAULT_BAND_THRESHOLDS)).toBeNull();
    expect(thresholdProblem([0.8, 0.6, 0.4, 0.2])).toBeNull();
    expect(thresholdProblem([1, 0.5, 0.2, 0])).toBeNull();
  });

  describe("wrong count", () => {
    it("asks for four numbers", () => {
      expect(thresholdProblem([0.9, 0.75, 0.5])).toBe("must be 4 numbers");
      expect(thresholdProblem([0.95, 0.9, 0.75, 0.5, 0.25])).toBe("must be 4 numbers");
      expect(thresholdProblem([])).toBe("must be 4 numbers");
    });
  });

  describe("out of range", () => {
    it("rejects numbers outside [0, 1] and non-finite numbers", () => {
      const message = "must each be between 0 and 1";
      expect(thresholdProblem([1.1, 0.75, 0.5, 0.25])).toBe(message);
      expect(thresholdProblem([0.9, 0.75, 0.5, -0.01])).toBe(message);
      expect(thresholdProblem([0.9, NaN, 0.5, 0.25])).toBe(message);
      expect(thresholdProblem([Infinity, 0.75, 0.5, 0.25])).toBe(message);
    });
  });

  describe("not falling", () => {
    it("rejects rising or repeated thresholds", () => {
      const message = "must fall from Critical to Managed";
      expect(thresholdProblem([0.5, 0.75, 0.9, 0.25])).toBe(message);
      expect(thresholdProblem([0.9, 0.9, 0.5, 0.25])).toBe(message);
      expect(thresholdProblem([0.9, 0.75, 0.5, 0.5])).toBe(message);
    });
  });
});

describe("nextBandLimit", () => {
  it("gives the next realized-value limit above, 1 − each gap limit, and null past the last", () => {
    expect(nextBandLimit(0)).toBeCloseTo(0.1, 12);
    expect(nextBandLimit(0.048)).toBeCloseTo(0.1, 12);
    expect(nextBandLimit(0.1)).toBe(0.25); // on a limit: the next one up
    expect(nextBandLimit(0.298)).toBe(0.5);
    expect(nextBandLimit(0.6)).toBe(0.75);
    expect(nextBandLimit(0.75)).toBeNull();
    expect(nextBandLimit(1)).toBeNull();
  });
});
