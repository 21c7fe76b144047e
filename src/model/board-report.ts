// The one-page board report of one workflow: every figure it holds, taken from the same model
// functions the pane's tabs and the workbook's sheets use, so the page and the tabs always agree.
import { attribution, statementsMovedMost, type LayerShare, type StatementMove } from "./attribution";
import { BAND_THRESHOLD_NOTE, nextBandLimit, type Band } from "./bands";
import { decayCurve, type CurvePoint } from "./curve";
import { LAYERS, realizedValue, type Layer } from "./layers";
import { DEFAULT_TARGET_STAGE, maturityStage, type MaturityStage } from "./maturity";
import { planToTarget, type PlanResult } from "./plan";
import { portfolio, type MaturityRecord, type RoiStatus } from "./portfolio";
import { DEFAULT_MIN_GROUP, movedStatementsWithheld } from "./privacy";
import { LAYER_GUIDANCE } from "./recommendations";
import { ROADMAP_PHASES, parseIsoDate, scheduleRoadmap, type ScheduledTask } from "./roadmap";
import { roiFigures, type RoiEntry, type RoiFigures } from "./roi-tracker";
import { roundsOf } from "./rounds";
import { roadmapDone, type RoadmapRecord, type TaskStatus } from "./scenario";
import type { AssessmentResponse } from "./team";
import { fixFirst, type FixFirst } from "./weakest";

/** The plan to the next band limit above the current realized value. */
export type NextBandPlan =
  /** No layer scores yet: the latest round has no complete response. */
  | { status: "no-scores" }
  /** Realized value is at or past the last band limit: there is no next band to plan for. */
  | { status: "past-last-limit"; scores: number[]; realized: number }
  /** Every layer below `level` raised to it, lowest first, so that realized value reaches `target`. */
  | {
      status: "planned";
      /** The current realized value. */
      from: number;
      /** The next band limit as realized value (1 − the band's gap threshold). */
      target: number;
      /** The planned scores, in layer order. */
      scores: number[];
      /** Realized value of the planned scores: the target, to rounding. */
      realized: number;
      /** The common level the lowest layers are raised to. */
      level: number;
      /** Sum over the layers of planned − current score, a fraction (0.123 is 12.3 points). */
      totalImprovement: number;
    };

/**
 * The weakest-first plan to the next band limit above the current realized value: the smallest
 * total improvement (planToTarget) that lifts realized value to 1 − the next gap threshold.
 * Scores with a null (a layer without a score) give "no-scores".
 *
 * @example
 * planToNextBand([0.8, 0.6, 0.5, 0.4, 0.5])
 * //=> { status: "planned", from: 0.048, target: 0.1, level: 0.5928 (to 4 places), totalImprovement: 0.3784 (to 4 places), … }
 * planToNextBand([1, 1, 1, 1, 0.8]).status //=> "past-last-limit"
 * planToNextBand(null).status //=> "no-scores"
 */
export function planToNextBand(scores: readonly (number | null)[] | null): NextBandPlan {
  if (scores === null || scores.some((score) => score === null)) return { status: "no-scores" };
  const known = scores as number[];
  const realized = realizedValue(known);
  const target = nextBandLimit(realized);
  if (target === null) return { status: "past-last-limit", scores: known.slice(), realized };
  // The target lies above the current value and at most 1, so the plan always has work to do.
  const plan = planToTarget(known, target) as Extract<PlanResult, { status: "planned" }>;
  return {
    status: "planned",
    from: realized,
    target,
    scores: plan.scores,
    realized: plan.realized,
    level: plan.level,
    totalImprovement: plan.totalImprovement,
  };
}

/** How the caller writes a share as a percent ("32.8%") and a change in share as points ("12.3"). */
export interface PlanFormat {
  percent: (share: number) => string;
  /** The number of percentage points, without a unit: 0.123 → "12.3". */
  points: (share: number) => string;
}

/**
 * The plan to the next band in words: a short label and one sentence, so the pane and the
 * workbook say the same thing, each with its own number format.
 *
 * @example
 * planToNextBandText(planToNextBand([0.8, 0.6, 0.5, 0.4, 0.5]), { percent: (s) => `${(s * 100).toFixed(1)}%`, points: (s) => (s * 100).toFixed(1) })
 * //=> { label: "Plan to 10.0%", note: "Plan to 10.0%, the next band limit: raise every layer below 59.3% up to it, lowest first, adding 37.8 percentage points of layer score in all." }
 */
export function planToNextBandText(plan: NextBandPlan, format: PlanFormat): { label: string; note: string } {
  switch (plan.status) {
    case "no-scores":
      return {
        label: "Plan",
        note: "No plan yet: the latest round needs at least one response with all 15 statements answered.",
      };
    case "past-last-limit":
      return {
        label: "Plan (no change)",
        note: "Realized value is already past the last band limit, so there is no next band to plan for.",
      };
    case "planned":
      return {
        label: `Plan to ${format.percent(plan.target)}`,
        note:
          `Plan to ${format.percent(plan.target)}, the next band limit: raise every layer below ` +
          `${format.percent(plan.level)} up to it, lowest first, adding ${format.points(plan.totalImprovement)} ` +
          "percentage points of layer score in all.",
      };
  }
}

/** One layer's team mean in the report. */
export interface BoardLayer {
  layer: Layer;
  /** The team mean of the layer's score over the round's complete responses. */
  score: number;
  /** The planned score of the plan to the next band; null when there is no plan. */
  planned: number | null;
}

/** What moved between the round before the judged round and the judged round. */
export interface BoardMoved {
  fromDate: string;
  toDate: string;
  /** Team realized value after − before. */
  change: number;
  /** Each layer's Shapley share of `change`, in layer order. */
  shares: LayerShare[];
  /** Complete respondents of the earlier and of the later round. */
  fromRespondents: number;
  toRespondents: number;
  /**
   * The statements whose team mean moved most, largest first (at most three); empty when they
   * are withheld, since in a small round a statement's mean can show how one person answered.
   */
  statements: StatementMove[];
  /** Why the statements are withheld (teamDetail of the smaller round), or null when they are shown. */
  statementsWithheld: string | null;
}

/** One ROI row of the workflow with its figures, as the ROI tab computes them. */
export interface BoardRoiRow {
  entry: RoiEntry;
  figures: RoiFigures;
}

/** A roadmap task with its due date and what people filled in. */
export interface BoardTask extends ScheduledTask {
  status: TaskStatus;
  owner: string;
  doneDate: string;
}

/** Where the 90-day roadmap stands on `today`. */
export interface BoardRoadmap {
  startDate: string;
  /** The due date of the last task. */
  endDate: string;
  /** Day of the 90 that `today` is (day 1 is the start date); below 1 before the start, above 90 after the end. */
  day: number;
  /** The phase `today` falls in; null before the start or after the end. */
  phase: string | null;
  total: number;
  done: number;
  inProgress: number;
  blocked: number;
  /** Tasks not done whose due date is before `today`, in due order. */
  overdue: BoardTask[];
  /** The first task not done that is due on or after `today`; null when there is none. */
  next: BoardTask | null;
}

/** Every section of the one-page board report of one workflow. */
export interface BoardReport {
  workflow: string;
  /** The round the workflow is judged by (latestRound); null when no round has a team result. */
  round: {
    /** ISO date, or "" for the undated round. */
    date: string;
    /** Complete respondents: the team means are taken over them. */
    respondents: number;
    /** Responses of the round with fewer than 15 answers, not counted. */
    partial: number;
  } | null;
  /** Realized value, gap and band of the round, with the note every band display carries. */
  result: { realized: number; gap: number; band: Band; bandNote: string } | null;
  /** The decay curve of the team means (decayCurve); null without a team result. */
  curve: CurvePoint[] | null;
  /** The five layers' team means, in layer order; null without a team result. */
  layers: BoardLayer[] | null;
  /**
   * The layer to fix first (fixFirst: the first of equal lowest), the layers tied with it and its
   * actions; null without a team result, and when every layer is at 100% (NOTHING_TO_FIX).
   */
  fixFirst: (FixFirst & { layer: Layer; actions: readonly string[] }) | null;
  plan: NextBandPlan;
  /** Null when the workflow has fewer than two rounds with a team result. */
  moved: BoardMoved | null;
  roi: {
    /** The Portfolio's verdict: no ROI row, defensible (no flag on any row) or flagged. */
    status: RoiStatus;
    rows: BoardRoiRow[];
  };
  maturity: {
    /** The stage recorded for the workflow; null when none is recorded. */
    stage: MaturityStage | null;
    /** The target stage: the recorded one, else the default (Operational). */
    target: MaturityStage;
  };
  /** Null when the workflow has no roadmap. */
  roadmap: BoardRoadmap | null;
}

/** The inputs of the report: the stored lists as they are, and the date to judge the roadmap on. */
export interface BoardReportInput {
  workflow: string;
  responses: readonly AssessmentResponse[];
  roi: readonly RoiEntry[];
  maturity: readonly MaturityRecord[];
  roadmaps: readonly RoadmapRecord[];
  /** Today as an ISO date (YYYY-MM-DD): overdue and next tasks are judged against it. */
  today: string;
  /** The smallest group whose detail is shown (the team's setting); DEFAULT_MIN_GROUP when not given. */
  minGroup?: number;
}

const DAY_MS = 86_400_000;

/**
 * Where a roadmap stands on a date: tasks done, in progress and blocked, the overdue ones (not
 * done, due before the date) and the next one due. A task without a record counts as not started.
 *
 * @example
 * roadmapStatus({ workflow: "Claims", startDate: "2026-01-05", sheetName: "Roadmap", tasks: [] }, "2026-01-20")
 * //=> { day: 16, phase: "Foundation", done: 0, overdue: [the tasks due on days 6 and 12], next: the task due on day 18, … }
 */
export function roadmapStatus(record: RoadmapRecord, today: string): BoardRoadmap {
  const now = parseIsoDate(today);
  if (now === null) throw new RangeError(`Today must be a calendar date (YYYY-MM-DD), not "${today}".`);
  const start = parseIsoDate(record.startDate);
  if (start === null) {
    throw new RangeError(`The roadmap of “${record.workflow}” has no valid start date: "${record.startDate}".`);
  }
  const filled = new Map(record.tasks.map((task) => [task.id, task]));
  const tasks: BoardTask[] = scheduleRoadmap(record.startDate).map((task) => {
    const own = filled.get(task.id);
    return { ...task, status: own?.status ?? "Not started", owner: own?.owner ?? "", doneDate: own?.doneDate ?? "" };
  });
  const open = tasks.filter((task) => task.status !== "Done");
  const day = Math.round((now - start) / DAY_MS) + 1;
  return {
    startDate: record.startDate,
    endDate: tasks[tasks.length - 1].dueDate,
    day,
    phase: ROADMAP_PHASES.find((phase) => day >= phase.firstDay && day <= phase.lastDay)?.name ?? null,
    total: tasks.length,
    done: roadmapDone(record),
    inProgress: tasks.filter((task) => task.status === "In progress").length,
    blocked: tasks.filter((task) => task.status === "Blocked").length,
    overdue: open.filter((task) => task.dueDate < today),
    next: open.find((task) => task.dueDate >= today) ?? null,
  };
}

/**
 * The one-page board report of one workflow. Every figure comes from the functions the tabs use:
 * the judged round and its team result (roundsOf, as latestRound), the decay curve (decayCurve),
 * the weakest layer's actions (LAYER_GUIDANCE), the plan to the next band (planToNextBand), what
 * moved since the round before (attribution, statementsMovedMost), each ROI row's figures
 * (roiFigures) and the Portfolio's ROI status, stage and target (portfolio), and the roadmap
 * (roadmapStatus). Workflow names are matched exactly, case included. Only team means are given;
 * the statements that moved most are withheld when either round is below the smallest group.
 *
 * @example
 * const report = boardReport({ workflow: "Claims", responses, roi: [], maturity: [], roadmaps: [], today: "2026-04-10" });
 * report.result //=> { realized: 0.048, gap: 0.952, band: "Critical", bandNote: "Band limits are AGAP defaults …" }
 * report.fixFirst?.layer.name //=> "Measurement"
 * report.roi.status //=> "no ROI row"
 * report.moved //=> null (one round)
 */
export function boardReport(input: BoardReportInput): BoardReport {
  const { workflow, today } = input;
  if (parseIsoDate(today) === null) throw new RangeError(`Today must be a calendar date (YYYY-MM-DD), not "${today}".`);
  const own = <T extends { workflow: string }>(list: readonly T[]) => list.filter((item) => item.workflow === workflow);
  const responses = own(input.responses);
  const roi = own(input.roi);
  const scored = roundsOf(responses, workflow).filter((round) => round.result !== null);
  // The judged round is the last with a team result, as latestRound has it.
  const judged = scored.at(-1) ?? null;
  const result = judged?.result ?? null;
  const fix = result ? fixFirst(result.layerScores) : null;
  const plan = planToNextBand(result?.layerScores ?? null);
  const planned = plan.status === "planned" ? plan.scores : null;

  const before = scored.length >= 2 ? scored[scored.length - 2] : null;
  let moved: BoardMoved | null = null;
  if (before && judged && before.result && result) {
    const withheld = movedStatementsWithheld(
      { date: before.date, respondents: before.result.respondents },
      { date: judged.date, respondents: result.respondents },
      input.minGroup ?? DEFAULT_MIN_GROUP,
    );
    moved = {
      fromDate: before.date,
      toDate: judged.date,
      change: result.realized - before.result.realized,
      shares: attribution(before.result.layerScores, result.layerScores),
      fromRespondents: before.result.respondents,
      toRespondents: result.respondents,
      statements: withheld === null ? statementsMovedMost(before.responses, judged.responses) : [],
      statementsWithheld: withheld,
    };
  }

  const row = portfolio(responses, own(input.maturity), roi).find((r) => r.workflow === workflow);
  const stage = row?.stage ?? null;
  const roadmap = input.roadmaps.find((r) => r.workflow === workflow) ?? null;

  return {
    workflow,
    round: judged && result ? { date: judged.date, respondents: result.respondents, partial: judged.partial } : null,
    result: result
      ? { realized: result.realized, gap: result.gap, band: result.band, bandNote: BAND_THRESHOLD_NOTE }
      : null,
    curve: result ? decayCurve(result.layerScores) : null,
    layers: result
      ? LAYERS.map((layer, k) => ({ layer, score: result.layerScores[k], planned: planned ? planned[k] : null }))
      : null,
    fixFirst: fix
      ? {
          index: fix.index,
          layer: LAYERS[fix.index],
          tiedWith: fix.tiedWith,
          actions: LAYER_GUIDANCE[LAYERS[fix.index].id].actions,
        }
      : null,
    plan,
    moved,
    roi: {
      status: row?.roiStatus ?? "no ROI row",
      rows: roi.map((entry) => ({ entry, figures: roiFigures(entry, result?.layerScores ?? null) })),
    },
    maturity: {
      stage: stage === null ? null : (maturityStage(stage) ?? null),
      target: maturityStage(row?.target ?? DEFAULT_TARGET_STAGE) ?? maturityStage(DEFAULT_TARGET_STAGE)!,
    },
    roadmap: roadmap ? roadmapStatus(roadmap, today) : null,
  };
}
