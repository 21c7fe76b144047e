import { BAND_THRESHOLD_NOTE } from "../../src/model/bands";
import {
  boardReport,
  planToNextBand,
  planToNextBandText,
  roadmapStatus,
  type BoardReportInput,
} from "../../src/model/board-report";
import { decayCurve } from "../../src/model/curve";
import { LAYERS } from "../../src/model/layers";
import { planToTarget } from "../../src/model/plan";
import { portfolio } from "../../src/model/portfolio";
import { LAYER_GUIDANCE } from "../../src/model/recommendations";
import { roiFigures, type RoiEntry } from "../../src/model/roi-tracker";
import { latestRound, latestScores, roundsOf } from "../../src/model/rounds";
import { attribution, statementsMovedMost } from "../../src/model/attribution";
import { expectAllClose } from "./close";
import { respond, type LayerAnswers } from "./respond";
import { ROI_ENTRY } from "./roi-entry";
import { CLAIMS_ROADMAP } from "./roadmap-record";

const claims = (layers: readonly LayerAnswers[], id: string, date: string) =>
  respond(layers, { id, workflow: "Claims", date, respondent: id });

// Claims, 2026-01-15: Ana and Ben both answer [4, 3, 3, 2, 3] → scores [0.8, 0.6, 0.6, 0.4, 0.6].
//   Realized 0.8 × 0.6 × 0.6 × 0.4 × 0.6 = 0.06912; gap 0.93088 → Critical.
// Claims, 2026-04-10: Ana and Ben answer [4, 3, 3, 3, 3] → [0.8, 0.6, 0.6, 0.6, 0.6]; Cy is partial.
//   Realized 0.8 × 0.6⁴ = 0.10368; gap 0.89632 → Severe; weakest Workflow (first of four at 0.6).
//   Only Measurement moved: its share is the whole change, 0.10368 − 0.06912 = 0.03456.
//   Next band limit above 0.10368: 1 − 0.75 = 0.25. Raising the four layers at 0.6 to L with
//   0.8 × L⁴ = 0.25 gives L = (5/16)^(1/4) = 0.747674…, a total of 4 × (L − 0.6) = 0.590696….
const JANUARY = "2026-01-15";
const APRIL = "2026-04-10";
const RESPONSES = [
  claims([4, 3, 3, 2, 3], "jan-ana", JANUARY),
  claims([4, 3, 3, 2, 3], "jan-ben", JANUARY),
  claims([4, 3, 3, 3, 3], "apr-ana", APRIL),
  claims([4, 3, 3, 3, 3], "apr-ben", APRIL),
  claims([4, 3, null, null, null], "apr-cy", APRIL),
  // Other workflows, one of them differing only by case, never count.
  respond([1, 1, 1, 1, 1], { id: "other", workflow: "claims", date: APRIL }),
  respond([5, 5, 5, 5, 5], { id: "other-2", workflow: "Invoices", date: "2026-05-01" }),
];
const APR_SCORES = [0.8, 0.6, 0.6, 0.6, 0.6];
const APR_REALIZED = 0.10368;
const LEVEL = Math.pow(5 / 16, 1 / 4);

// The clean row: benefit (40 − 25) × 60 = 900 a period over 12 periods = 10,800; cost
// 3000 + 1000 + 500 once + 500 × 12 = 10,500; measured ROI (10,800 − 10,500) ÷ 10,500 = 2/70.
const ROI_ROW: RoiEntry = { ...ROI_ENTRY, id: "roi-claims", workflow: "Claims" };

const ROADMAP = CLAIMS_ROADMAP;

const INPUT: BoardReportInput = {
  workflow: "Claims",
  responses: RESPONSES,
  roi: [ROI_ROW, { ...ROI_ENTRY, id: "roi-other" }],
  maturity: [
    { workflow: "Claims", stage: 2, target: 4 },
    { workflow: "Invoices", stage: 5, target: 5 },
  ],
  roadmaps: [{ ...ROADMAP, workflow: "Invoices", sheetName: "Roadmap Invoices" }, ROADMAP],
  today: "2026-02-14",
  // Two complete respondents a round: detail is shown from 2 here (the default, 3, is tested below).
  minGroup: 2,
};

describe("boardReport, against hand computation", () => {
  const report = boardReport(INPUT);

  it("takes the latest round with a team result, counting complete respondents only", () => {
    expect(report.workflow).toBe("Claims");
    expect(report.round).toEqual({ date: APRIL, respondents: 2, partial: 1 });
  });

  it("gives realized value, gap and band with the note on band limits", () => {
    expect(report.result!.realized).toBeCloseTo(APR_REALIZED, 12);
    expect(report.result!.gap).toBeCloseTo(1 - APR_REALIZED, 12);
    expect(report.result!.band).toBe("Severe");
    expect(report.result!.bandNote).toBe(BAND_THRESHOLD_NOTE);
  });

  it("gives the decay curve and the layer means, with the weakest layer and its actions", () => {
    expectAllClose(
      report.curve!.map((p) => p.surviving),
      [1, 0.8, 0.48, 0.288, 0.1728, APR_REALIZED],
      12,
    );
    expectAllClose(
      report.layers!.map((l) => l.score),
      APR_SCORES,
      12,
    );
    expect(report.layers!.map((l) => l.layer.id)).toEqual(LAYERS.map((l) => l.id));
    expect(report.fixFirst!.index).toBe(1);
    expect(report.fixFirst!.layer.id).toBe("workflow");
    expect(report.fixFirst!.actions).toEqual(LAYER_GUIDANCE.workflow.actions);
    // Oversight, Measurement and Adoption are at 0.6 too.
    expect(report.fixFirst!.tiedWith).toEqual([2, 3, 4]);
  });

  it("names no layer to fix first when every team mean is 100%, while the result stands", () => {
    const full = [claims([5, 5, 5, 5, 5], "ana", APRIL), claims([5, 5, 5, 5, 5], "ben", APRIL)];
    const report = boardReport({
      workflow: "Claims",
      responses: full,
      roi: [],
      maturity: [],
      roadmaps: [],
      today: APRIL,
    });
    expect(report.result).toMatchObject({ realized: 1, gap: 0, band: "Contained" });
    expect(report.fixFirst).toBeNull();
  });

  it("plans to the next band limit, raising the lowest layers to a common level", () => {
    const plan = report.plan;
    if (plan.status !== "planned") throw new Error(`expected a plan, got ${plan.status}`);
    expect(plan.from).toBeCloseTo(APR_REALIZED, 12);
    expect(plan.target).toBeCloseTo(0.25, 12);
    expect(plan.level).toBeCloseTo(LEVEL, 10);
    expectAllClose(plan.scores, [0.8, LEVEL, LEVEL, LEVEL, LEVEL], 10);
    expect(plan.realized).toBeCloseTo(0.25, 10);
    expect(plan.totalImprovement).toBeCloseTo(4 * (LEVEL - 0.6), 10);
    expectAllClose(
      report.layers!.map((l) => l.planned!),
      [0.8, LEVEL, LEVEL, LEVEL, LEVEL],
      10,
    );
  });

  it("says what moved since the round before: all of it Measurement, from its three statements", () => {
    const moved = report.moved!;
    expect([moved.fromDate, moved.toDate]).toEqual([JANUARY, APRIL]);
    expect(moved.change).toBeCloseTo(0.03456, 12);
    expectAllClose(
      moved.shares.map((s) => s.share),
      [0, 0, 0, 0.03456, 0],
      12,
    );
    expect([moved.fromRespondents, moved.toRespondents, moved.statementsWithheld]).toEqual([2, 2, null]);
    expect(moved.statements.map((s) => [s.statement.layer, s.change])).toEqual([
      ["measurement", 1],
      ["measurement", 1],
      ["measurement", 1],
    ]);
  });

  it("gives each ROI row of the workflow its measured ROI, and the Portfolio's status", () => {
    expect(report.roi.rows.map((r) => r.entry.id)).toEqual(["roi-claims"]);
    expect(report.roi.rows[0].figures.measuredRoi).toBeCloseTo(300 / 10500, 12);
    expect(report.roi.rows[0].figures.flags).toEqual([]);
    expect(report.roi.status).toBe("defensible");
  });

  it("gives the maturity stage against its target", () => {
    expect(report.maturity.stage?.name).toBe("Assisted");
    expect(report.maturity.target.name).toBe("Operational");
  });

  it("gives where the roadmap stands on the day", () => {
    const roadmap = report.roadmap!;
    expect(roadmap).toMatchObject({
      startDate: "2026-01-05",
      endDate: "2026-04-04",
      day: 41,
      phase: "Workflow Integration",
      total: 15,
      done: 2,
      inProgress: 1,
      blocked: 1,
    });
    expect(roadmap.overdue.map((t) => [t.id, t.dueDate, t.status])).toEqual([
      ["foundation.guardrails", "2026-01-22", "In progress"],
      ["foundation.baseline", "2026-01-28", "Blocked"],
      ["foundation.owner", "2026-02-03", "Not started"],
      ["integration.embed", "2026-02-09", "Not started"],
    ]);
    expect([roadmap.next?.id, roadmap.next?.dueDate]).toEqual(["integration.oversight", "2026-02-15"]);
  });
});

describe("boardReport agrees with the functions the other tabs use", () => {
  const report = boardReport(INPUT);
  const latest = latestRound(RESPONSES, "Claims")!;

  it("Results and Team & history: the same team result", () => {
    const result = latest.result!;
    expect(report.result).toEqual({
      realized: result.realized,
      gap: result.gap,
      band: result.band,
      bandNote: BAND_THRESHOLD_NOTE,
    });
    expect(report.layers!.map((l) => l.score)).toEqual(result.layerScores);
    expect(report.fixFirst!.index).toBe(result.weakest);
    expect(report.curve).toEqual(decayCurve(result.layerScores));
  });

  it("What moved: the last two rounds with a result, as its default", () => {
    const [before, after] = roundsOf(RESPONSES, "Claims").slice(-2);
    expect(report.moved!.shares).toEqual(attribution(before.result!.layerScores, after.result!.layerScores));
    expect(report.moved!.statements).toEqual(statementsMovedMost(before.responses, after.responses));
  });

  it("ROI and Portfolio: the same figures, status, stage and target", () => {
    expect(report.roi.rows[0].figures).toEqual(roiFigures(ROI_ROW, latestScores(RESPONSES, "Claims")));
    const row = portfolio(RESPONSES, INPUT.maturity, INPUT.roi).find((r) => r.workflow === "Claims")!;
    expect(report.roi.status).toBe(row.roiStatus);
    expect(report.maturity.stage?.level).toBe(row.stage);
    expect(report.maturity.target.level).toBe(row.target);
  });

  it("the plan: planToTarget to the next band limit", () => {
    const plan = planToTarget(latest.result!.layerScores, 0.25);
    expect(report.plan).toMatchObject({ status: "planned", scores: (plan as { scores: number[] }).scores });
  });
});

describe("boardReport and the smallest group", () => {
  it("withholds the statements that moved most when a round is below it, keeping the layer shares", () => {
    const { minGroup: _set, ...withDefault } = INPUT;
    const moved = boardReport(withDefault).moved!;
    expect(moved.statements).toEqual([]);
    expect(moved.statementsWithheld).toBe(
      `The statements that moved most are withheld: the ${JANUARY} round has 2 complete respondents and the ${APRIL} ` +
        "round has 2 complete respondents, and they are listed from 3. In so small a group a statement's team mean " +
        "can show how one person answered.",
    );
    expect(moved.shares.map((s) => s.share)).toEqual(boardReport(INPUT).moved!.shares.map((s) => s.share));
  });

  it("judges by the smaller of the two rounds", () => {
    const third = claims([4, 3, 3, 3, 3], "apr-dee", APRIL);
    const moved = boardReport({ ...INPUT, responses: [...RESPONSES, third], minGroup: 3 }).moved!;
    expect([moved.fromRespondents, moved.toRespondents]).toEqual([2, 3]);
    expect(moved.statementsWithheld).toBe(
      `The statements that moved most are withheld: the ${JANUARY} round has 2 complete respondents, and they are ` +
        "listed from 3. In so small a group a statement's team mean can show how one person answered.",
    );
  });
});

describe("boardReport with sections that have no data", () => {
  it("has no moved section with one round", () => {
    const report = boardReport({ ...INPUT, responses: RESPONSES.filter((r) => r.date !== JANUARY) });
    expect(report.moved).toBeNull();
    expect(report.result!.band).toBe("Severe");
  });

  it("says no ROI row, no recorded stage (target Operational) and no roadmap", () => {
    const report = boardReport({ ...INPUT, roi: [], maturity: [], roadmaps: [] });
    expect(report.roi).toEqual({ status: "no ROI row", rows: [] });
    expect(report.maturity.stage).toBeNull();
    expect(report.maturity.target.level).toBe(4);
    expect(report.roadmap).toBeNull();
  });

  it("flags the ROI when a row has no baseline, with no measured ROI", () => {
    const report = boardReport({ ...INPUT, roi: [{ ...ROI_ROW, baseline: null }] });
    expect(report.roi.status).toBe("flagged");
    expect(report.roi.rows[0].figures.measuredRoi).toBeNull();
    expect(report.roi.rows[0].figures.flags.map((f) => f.code)).toEqual(["no-baseline"]);
  });

  it("has no team figures when no response is complete, but keeps the other sections", () => {
    const report = boardReport({ ...INPUT, responses: [claims([4, 3, null, null, null], "only", APRIL)] });
    expect(report.round).toBeNull();
    expect([report.result, report.curve, report.layers, report.fixFirst, report.moved]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(report.plan).toEqual({ status: "no-scores" });
    expect(report.roi.status).toBe("defensible");
    expect(report.roadmap?.done).toBe(2);
  });

  it("keeps an undated round's date empty", () => {
    const report = boardReport({ ...INPUT, responses: [claims([4, 3, 3, 3, 3], "undated", "")] });
    expect(report.round).toEqual({ date: "", respondents: 1, partial: 0 });
  });

  it("refuses a today that is not a calendar date, saying what it needs", () => {
    expect(() => boardReport({ ...INPUT, today: "2026-02-30" })).toThrow(
      'Today must be a calendar date (YYYY-MM-DD), not "2026-02-30".',
    );
  });
});

describe("planToNextBand", () => {
  it("plans from 4.8% to the 10% limit (the planToTarget example)", () => {
    const plan = planToNextBand([0.8, 0.6, 0.5, 0.4, 0.5]);
    if (plan.status !== "planned") throw new Error(plan.status);
    expect(plan.from).toBeCloseTo(0.048, 12);
    expect(plan.target).toBeCloseTo(0.1, 12);
    // L³ × 0.8 × 0.6 = 0.1 → L = (0.1 / 0.48)^(1/3) = 0.59281…
    const level = Math.cbrt(0.1 / 0.48);
    expect(plan.level).toBeCloseTo(level, 10);
    expect(plan.totalImprovement).toBeCloseTo(2 * (level - 0.5) + (level - 0.4), 10);
  });

  it("moves on to the next limit when realized value sits exactly on one", () => {
    // 1 × 1 × 0.5 × 0.5 × 1 = 0.25: exactly on a limit, so the plan aims at the next one, 0.5.
    const plan = planToNextBand([1, 1, 0.5, 0.5, 1]);
    expect(plan.status === "planned" && plan.target).toBeCloseTo(0.5, 12);
  });

  it("has nothing to plan past the last limit, or without every layer's score", () => {
    expect(planToNextBand([1, 1, 1, 1, 0.8])).toMatchObject({ status: "past-last-limit", realized: 0.8 });
    expect(planToNextBand(null)).toEqual({ status: "no-scores" });
    expect(planToNextBand([0.5, null, 0.5, 0.5, 0.5])).toEqual({ status: "no-scores" });
  });

  it("says the plan in words, with the caller's number format", () => {
    const format = { percent: (s: number) => `${(s * 100).toFixed(1)}%`, points: (s: number) => (s * 100).toFixed(1) };
    expect(planToNextBandText(planToNextBand([0.8, 0.6, 0.5, 0.4, 0.5]), format)).toEqual({
      label: "Plan to 10.0%",
      note:
        "Plan to 10.0%, the next band limit: raise every layer below 59.3% up to it, lowest first, " +
        "adding 37.8 percentage points of layer score in all.",
    });
    expect(planToNextBandText({ status: "no-scores" }, format).label).toBe("Plan");
    expect(planToNextBandText(planToNextBand([1, 1, 1, 1, 1]), format).label).toBe("Plan (no change)");
  });
});

describe("roadmapStatus", () => {
  it("counts a task due today as next, not overdue", () => {
    const status = roadmapStatus(ROADMAP, "2026-02-15");
    expect(status.day).toBe(42);
    expect(status.overdue.map((t) => t.id)).not.toContain("integration.oversight");
    expect(status.next?.id).toBe("integration.oversight");
  });

  it("has no phase before the start or after the end, and no next task once all are past", () => {
    expect(roadmapStatus(ROADMAP, "2026-01-01")).toMatchObject({ day: -3, phase: null, overdue: [] });
    const after = roadmapStatus(ROADMAP, "2026-05-01");
    expect(after).toMatchObject({ phase: null, next: null });
    expect(after.overdue).toHaveLength(13);
  });

  it("refuses a roadmap without a valid start date", () => {
    expect(() => roadmapStatus({ ...ROADMAP, startDate: "soon" }, "2026-02-15")).toThrow(
      'The roadmap of “Claims” has no valid start date: "soon".',
    );
  });
});
