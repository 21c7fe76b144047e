import { LAYERS } from "../../src/model/layers";
import { DEFAULT_TARGET_STAGE } from "../../src/model/maturity";
import { portfolio, type MaturityRecord } from "../../src/model/portfolio";
import { roiFlags, type RoiEntry } from "../../src/model/roi-tracker";
import { latestRound } from "../../src/model/rounds";
import { workflowNames, type AssessmentResponse } from "../../src/model/team";
import { respond, type LayerAnswers } from "./respond";
import { ROI_ENTRY } from "./roi-entry";

/** The order the Portfolio names cautions in: that of the ROI tab's flags. */
const CAUTION_ORDER = ["no-baseline", "baseline-after-go-live", "no-costs", "short-observation"];

const ROI = ROI_ENTRY;

// Invoice triage
//   2026-01-10: Ana [0.8, 0.6, 0.6, 0.4, 0.6], Ben [0.8, 0.6, 0.4, 0.4, 0.6]
//               means [0.8, 0.6, 0.5, 0.4, 0.6]; realized 0.48 × 0.5 = 0.24; × 0.4 = 0.096; × 0.6 = 0.0576
//   2026-04-02: Ana [0.8, 0.8, 0.8, 0.6, 0.8]; realized 0.8^4 × 0.6 = 0.4096 × 0.6 = 0.24576,
//               gap 0.75424 → Severe (75% to under 90%); weakest Measurement
//   2026-05-01: Cy leaves Adoption blank, so that date has no realized value
const RESPONSES = [
  respond([4, 3, 3, 2, 3], { id: "1", date: "2026-01-10", respondent: "Ana" }),
  respond([4, 3, 2, 2, 3], { id: "2", date: "2026-01-10", respondent: "Ben" }),
  respond([4, 4, 4, 3, 4], { id: "3", date: "2026-04-02", respondent: "Ana" }),
  respond([5, 5, 5, 5, null], { id: "4", date: "2026-05-01", respondent: "Cy" }),
];
const MATURITY: MaturityRecord[] = [
  { workflow: "Claims intake", stage: 2, target: 5 },
  { workflow: "Invoice triage", stage: 3, target: 4 },
];
const ROI_ROWS: RoiEntry[] = [
  { ...ROI, id: "o", workflow: "Onboarding" },
  { ...ROI, id: "i1" },
  { ...ROI, id: "i2", baseline: null },
];

describe("portfolio", () => {
  const rows = portfolio(RESPONSES, MATURITY, ROI_ROWS);
  const row = (workflow: string) => rows.find((r) => r.workflow === workflow)!;

  it("has a row for every workflow seen in responses, maturity or ROI, in first-seen order", () => {
    // responses first, then maturity records, then ROI rows
    expect(rows.map((r) => r.workflow)).toEqual(["Invoice triage", "Claims intake", "Onboarding"]);
  });

  it("takes the latest realized value from the most recent date with complete answers", () => {
    const triage = row("Invoice triage");
    expect(triage.latestDate).toBe("2026-04-02");
    expect(triage.latestRealized).toBeCloseTo(0.24576, 12);
    expect(triage.band).toBe("Severe");
    expect(triage.weakest).toBe("Measurement");
  });

  it("takes stage and target from the maturity record", () => {
    expect(row("Invoice triage")).toMatchObject({ stage: 3, target: 4 });
    expect(row("Claims intake")).toMatchObject({ stage: 2, target: 5 });
  });

  it("defaults the target to stage 4, Operational, when there is no maturity record", () => {
    expect(row("Onboarding")).toMatchObject({ stage: null, target: 4 });
  });

  it("leaves the result empty for a workflow nobody assessed", () => {
    expect(row("Claims intake")).toEqual({
      workflow: "Claims intake",
      stage: 2,
      target: 5,
      latestDate: null,
      latestRealized: null,
      band: null,
      weakest: null,
      roiStatus: "no ROI row",
      roiCautions: [],
    });
  });

  describe("roiStatus", () => {
    it.each([
      ["no ROI row", "no rows", [] as RoiEntry[]],
      ["defensible", "one clean row", [{ ...ROI }]],
      ["defensible", "two clean rows", [{ ...ROI }, { ...ROI, id: "2" }]],
      ["flagged", "no baseline", [{ ...ROI, baseline: null }]],
      ["flagged", "a baseline after go-live on 2026-02-02", [{ ...ROI, baselineDate: "2026-03-01" }]],
      ["flagged", "no costs", [{ ...ROI, build: null, integrate: null, govern: null, maintain: null }]],
      ["flagged", "3 of 12 periods observed", [{ ...ROI, periods: 3 }]],
      ["flagged", "one clean and one flagged row", [{ ...ROI }, { ...ROI, id: "2", baseline: null }]],
      ["no ROI row", "only another workflow's row", [{ ...ROI, workflow: "Onboarding" }]],
    ])("is %s for %s", (status, _label, roi) => {
      const result = portfolio([], [{ workflow: "Invoice triage", stage: 1, target: 4 }], roi);
      expect(result.find((r) => r.workflow === "Invoice triage")!.roiStatus).toBe(status);
    });

    it.each([
      [[] as string[], "no rows", [] as RoiEntry[]],
      [[], "one clean row", [{ ...ROI }]],
      [["no-baseline"], "no baseline", [{ ...ROI, baseline: null }]],
      [["baseline-after-go-live"], "a baseline after go-live", [{ ...ROI, baselineDate: "2026-03-01" }]],
      [
        ["no-costs", "short-observation"],
        "a short observation and, on another row, no costs",
        [
          { ...ROI, periods: 3 },
          { ...ROI, id: "2", build: null, integrate: null, govern: null, maintain: null },
        ],
      ],
      [
        ["short-observation"],
        "the same caution on two rows, once",
        [
          { ...ROI, periods: 3 },
          { ...ROI, id: "2", periods: 5 },
        ],
      ],
    ])("names the cautions %j for %s", (cautions, _label, roi) => {
      const [row] = portfolio([], [{ workflow: "Invoice triage", stage: 1, target: 4 }], roi);
      expect(row.roiCautions).toEqual(cautions);
      expect(row.roiStatus === "flagged").toBe(cautions.length > 0);
    });
  });

  describe("bands and weakest layer", () => {
    // One respondent per case; an answer a on all three statements scores a / 5
    it.each([
      [[5, 5, 5, 5, 5], 1, "Contained"], // gap 0
      [[5, 5, 5, 5, 4], 0.8, "Contained"], // gap 0.2
      [[5, 5, 5, 4, 4], 0.64, "Managed"], // gap 0.36
      [[5, 5, 4, 4, 4], 0.512, "Managed"], // gap 0.488
      [[5, 4, 4, 4, 4], 0.4096, "Material"], // gap 0.5904
      [[4, 4, 4, 4, 4], 0.32768, "Material"], // gap 0.67232
      [[5, 5, 5, 2, 2], 0.16, "Severe"], // gap 0.84
      [[5, 5, 5, 5, 1], 0.2, "Severe"], // gap 0.8
      [[3, 3, 3, 3, 3], 0.07776, "Critical"], // gap 0.92224
      [[5, 5, 5, 5, 0], 0, "Critical"], // gap 1
    ])("answers %j give realized %d, band %s", (answers, realized, band) => {
      const [result] = portfolio([respond(answers as LayerAnswers[], { date: "2026-01-01" })], [], []);
      expect(result.latestRealized).toBeCloseTo(realized, 12);
      expect(result.band).toBe(band);
    });

    it.each([
      [[5, 5, 5, 5, 1], "Business Adoption"],
      [[1, 5, 5, 5, 5], "Strategy Alignment"],
      [[5, 3, 5, 3, 5], "Workflow Integration"], // a tie goes to the first
      [[4, 4, 4, 4, 4], "Strategy Alignment"], // all equal: the first
    ])("answers %j have weakest layer %s", (answers, weakest) => {
      const [result] = portfolio([respond(answers as LayerAnswers[], { date: "2026-01-01" })], [], []);
      expect(result.weakest).toBe(weakest);
    });
  });

  describe("dates", () => {
    it("prefers a dated assessment to an undated one", () => {
      const [result] = portfolio(
        [respond([4, 4, 4, 4, 4], { date: "2026-03-01" }), respond([3, 3, 3, 3, 3], { date: "" })],
        [],
        [],
      );
      expect(result.latestDate).toBe("2026-03-01");
      expect(result.latestRealized).toBeCloseTo(0.32768, 12);
    });

    it("uses undated answers when there is nothing else", () => {
      const [result] = portfolio([respond([3, 3, 3, 3, 3], { date: "" })], [], []);
      expect(result.latestDate).toBe("");
      expect(result.latestRealized).toBeCloseTo(0.07776, 12);
    });

    it("compares dates across years", () => {
      const [result] = portfolio(
        [respond([4, 4, 4, 4, 4], { date: "2025-12-31" }), respond([3, 3, 3, 3, 3], { date: "2026-01-01" })],
        [],
        [],
      );
      expect(result.latestDate).toBe("2026-01-01");
    });
  });

  describe("rounds", () => {
    it("take the latest round's team result, never pooling rounds or counting partial responses", () => {
      // 2026-01-10: 0.6 everywhere. 2026-04-02: Ana 0.8 everywhere; Ben answers four layers at
      // 0.4 and leaves Adoption blank, so he is not counted: realized 0.8^5 = 0.32768. Counting
      // his four layers would give 0.6^4 × 0.8 = 0.10368; pooling both dates 0.7^5 = 0.16807.
      const [result] = portfolio(
        [
          respond([3, 3, 3, 3, 3], { id: "1", date: "2026-01-10" }),
          respond([4, 4, 4, 4, 4], { id: "2", date: "2026-04-02", respondent: "Ana" }),
          respond([2, 2, 2, 2, null], { id: "3", date: "2026-04-02", respondent: "Ben" }),
        ],
        [],
        [],
      );
      expect(result.latestDate).toBe("2026-04-02");
      expect(result.latestRealized).toBeCloseTo(0.32768, 12);
      expect(result.band).toBe("Material");
    });

    it("of names that differ only by case belong to different rows", () => {
      const rows = portfolio(
        [
          respond([4, 4, 4, 4, 4], { workflow: "Claims", date: "2026-01-10" }),
          respond([3, 3, 3, 3, 3], { workflow: "claims", date: "2026-04-02" }),
        ],
        [],
        [],
      );
      expect(rows.map((r) => [r.workflow, r.latestDate])).toEqual([
        ["Claims", "2026-01-10"],
        ["claims", "2026-04-02"],
      ]);
      expect(rows[0].latestRealized).toBeCloseTo(0.32768, 12);
      expect(rows[1].latestRealized).toBeCloseTo(0.07776, 12);
    });
  });

  describe("only incomplete answers", () => {
    it("give no result, band or weakest layer", () => {
      const [result] = portfolio([respond([4, 4, 4, 4, null], { date: "2026-01-01" })], [], []);
      expect(result).toMatchObject({ latestDate: null, latestRealized: null, band: null, weakest: null });
    });
  });

  describe("blank workflow names", () => {
    it("give no row", () => {
      const rows = portfolio(
        [respond([4, 4, 4, 4, 4], { workflow: "" })],
        [{ workflow: "  ", stage: 1, target: 4 }],
        [{ ...ROI, workflow: "" }],
      );
      expect(rows).toEqual([]);
    });
  });

  describe("many workflows", () => {
    // 40 workflows with 5 responses each (one partial, two dates), maturity records for some
    // (one of them twice) and ROI rows for others.
    const WORKFLOWS = Array.from({ length: 40 }, (_, w) => `Workflow ${w + 1}`);
    const many: AssessmentResponse[] = WORKFLOWS.flatMap((workflow, w) =>
      [0, 1, 2, 3, 4].map((j) =>
        respond([1 + ((w + j) % 5), 1 + (w % 5), 3, j === 4 ? null : 4, 2 + (j % 4)], {
          id: `${w}-${j}`,
          workflow,
          date: j < 2 ? "2026-01-10" : "2026-04-02",
        }),
      ),
    );
    const maturity: MaturityRecord[] = [
      ...WORKFLOWS.filter((_, w) => w % 3 === 0).map((workflow, i) => ({ workflow, stage: 1 + (i % 5), target: 5 })),
      { workflow: "Workflow 1", stage: 5, target: 5 },
    ];
    const roi: RoiEntry[] = WORKFLOWS.filter((_, w) => w % 4 === 1).flatMap((workflow, i) => [
      { ...ROI, id: `${i}a`, workflow },
      { ...ROI, id: `${i}b`, workflow, baseline: i % 2 === 0 ? null : ROI.baseline },
    ]);

    it("gives each row what the per-workflow definitions give", () => {
      const expected = workflowNames([...many, ...maturity, ...roi]).map((workflow) => {
        const record = maturity.find((m) => m.workflow === workflow);
        const latest = latestRound(many, workflow);
        const rows = roi.filter((entry) => entry.workflow === workflow);
        return {
          workflow,
          stage: record?.stage ?? null,
          target: record?.target ?? DEFAULT_TARGET_STAGE,
          latestDate: latest?.date ?? null,
          latestRealized: latest?.result?.realized ?? null,
          band: latest?.result?.band ?? null,
          weakest: latest?.result ? LAYERS[latest.result.weakest].name : null,
          roiStatus:
            rows.length === 0
              ? "no ROI row"
              : rows.some((entry) => roiFlags(entry).length > 0)
                ? "flagged"
                : "defensible",
          roiCautions: [...new Set(rows.flatMap((entry) => roiFlags(entry).map((flag) => flag.code)))].sort(
            (a, b) => CAUTION_ORDER.indexOf(a) - CAUTION_ORDER.indexOf(b),
          ),
        };
      });
      expect(portfolio(many, maturity, roi)).toEqual(expected);
    });

    it("reads the responses a few times in all, not once per workflow", () => {
      // Looking each workflow up in the whole list would read every response's workflow 40 times.
      let reads = 0;
      const counted = many.map((response) => {
        const { workflow, ...rest } = response;
        return Object.defineProperty({ ...rest }, "workflow", {
          enumerable: true,
          get: () => {
            reads++;
            return workflow;
          },
        }) as AssessmentResponse;
      });
      expect(portfolio(counted, maturity, roi)).toEqual(portfolio(many, maturity, roi));
      reads = 0;
      portfolio(counted, maturity, roi);
      expect(reads).toBeLessThanOrEqual(4 * many.length);
    });
  });

  describe("nothing at all", () => {
    it("gives no rows", () => {
      expect(portfolio([], [], [])).toEqual([]);
    });
  });
});
