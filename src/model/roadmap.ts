import type { RoiEntry } from "./roi-tracker";
/** A phase of the 90-day roadmap. */
export interface RoadmapPhase {
  id: "foundation" | "integration" | "governance";
  name: string;
  firstDay: number;
  lastDay: number;
}

/** One task of the roadmap. */
export interface RoadmapTask {
  id: string;
  phase: RoadmapPhase["id"];
  text: string;
  /** Day of the 90 by which the task is due (day 1 is the start date). */
  dueDay: number;
  /** Ids of the tasks this one cannot be done without. */
  dependsOn: readonly string[];
}

export const ROADMAP_PHASES: readonly RoadmapPhase[] = [
  { id: "foundation", name: "Foundation", firstDay: 1, lastDay: 30 },
  { id: "integration", name: "Workflow Integration", firstDay: 31, lastDay: 60 },
  { id: "governance", name: "Governance & Scale", firstDay: 61, lastDay: 90 },
];

/** Id of the baseline task: the ROI proof in phase 3 depends on it. */
export const BASELINE_TASK_ID = "foundation.baseline";
export const ROI_PROOF_TASK_ID = "governance.prove-roi";

const task = (
  id: string,
  phase: RoadmapPhase["id"],
  dueDay: number,
  text: string,
  dependsOn: string[] = [],
): RoadmapTask => ({
  id,
  phase,
  text,
  dueDay,
  dependsOn,
});

/** The 15 tasks, five per phase, each due on a fixed day of the 90. */
export const ROADMAP_TASKS: readonly RoadmapTask[] = [
  task(
    "foundation.outcome",
    "foundation",
    6,
    "Put a money or hours figure on the outcome this workflow should change.",
  ),
  task("foundation.workflow", "foundation", 12, "Choose one workflow that runs often and matters to the business."),
  task("foundation.guardrails", "foundation", 18, "Agree the agent's guardrails, permissions and data access."),
  task(BASELINE_TASK_ID, "foundation", 24, "Measure the workflow as it runs today, before the agent goes live."),
  task("foundation.owner", "foundation", 30, "Name the one business owner who answers for the result."),
  task("integration.embed", "integration", 36, "Put the agent inside the tools the team already works in.", [
    "foundation.workflow",
  ]),
  task("integration.oversight", "integration", 42, "Design when people review, approve or take over from the agent.", [
    "foundation.guardrails",
  ]),
  task("integration.instrument", "integration", 48, "Log every agent action so its work can be seen and counted."),
  task("integration.trust", "integration", 54, "Show the team a record of the agent's reliability, mistakes included."),
  task("integration.tune", "integration", 60, "Tune the agent against the baseline figures.", [BASELINE_TASK_ID]),
  task(ROI_PROOF_TASK_ID, "governance", 66, "Show the return against the baseline captured in the first phase.", [
    BASELINE_TASK_ID,
  ]),
  task(
    "governance.rights",
    "governance",
    72,
    "Write down decision rights and governance rules and have them approved.",
  ),
  task("governance.operating-model", "governance", 78, "Document how people and the agent run this workflow together."),
  task("governance.next", "governance", 84, "Pick the next neighbouring workflow, once this one is proven.", [
    ROI_PROOF_TASK_ID,
  ]),
  task("governance.target-stage", "governance", 90, "Agree the maturity stage this workflow should reach and by when."),
];

const DAY_MS = 86_400_000;

/**
 * Parses an ISO calendar date (YYYY-MM-DD) into a UTC time, or null when it is not a real date.
 *
 * @example
 * parseIsoDate("2024-02-29") //=> 1709164800000
 * parseIsoDate("2023-02-29") //=> null
 */
export function parseIsoDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? time : null;
}

/**
 * A moment's calendar date where the user is (their time zone), as YYYY-MM-DD: what "today" means
 * for due dates and done dates.
 *
 * @example
 * localIsoDate(new Date(2026, 1, 14, 23, 30)) //=> "2026-02-14"
 */
export function localIsoDate(moment: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${moment.getFullYear()}-${two(moment.getMonth() + 1)}-${two(moment.getDate())}`;
}

/**
 * The calendar date of a roadmap day; day 1 is the start date.
 *
 * @example
 * roadmapDate("2024-02-01", 30) //=> "2024-03-01"
 * roadmapDate("2023-02-01", 30) //=> "2023-03-02"
 */
export function roadmapDate(startDate: string, day: number): string {
  const start = parseIsoDate(startDate);
  if (start === null) throw new RangeError(`Not a calendar date: ${startDate}`);
  return new Date(start + (day - 1) * DAY_MS).toISOString().slice(0, 10);
}

/** A task with its due date. */
export interface ScheduledTask extends RoadmapTask {
  phaseName: string;
  dueDate: string;
}

/**
 * The 15 tasks with due dates, counted from the start date.
 *
 * @example
 * scheduleRoadmap("2026-01-05").at(-1)?.dueDate //=> "2026-04-04"
 */
export function scheduleRoadmap(startDate: string): ScheduledTask[] {
  return ROADMAP_TASKS.map((item) => ({
    ...item,
    phaseName: ROADMAP_PHASES.find((phase) => phase.id === item.phase)!.name,
    dueDate: roadmapDate(startDate, item.dueDay),
  }));
}

export const NO_BASELINE_NOTE = "No baseline in AGAP ROI yet";

/**
 * The note on the baseline task: whether the ROI tracker holds a baseline for the workflow, and
 * the earliest capture date on file.
 *
 * @example
 * baselineNote("Claims", [{ workflow: "Claims", baseline: 40, baselineDate: "2026-01-10", … }]) //=> "Baseline on file (captured 2026-01-10)"
 */
export function baselineNote(
  workflow: string,
  roi: readonly Pick<RoiEntry, "workflow" | "baseline" | "baselineDate">[],
): string {
  const rows = roi.filter((entry) => entry.workflow === workflow && entry.baseline !== null);
  const dates = rows
    .map((entry) => entry.baselineDate)
    .filter((date) => parseIsoDate(date) !== null)
    .sort();
  if (rows.length === 0) return NO_BASELINE_NOTE;
  return dates.length > 0 ? `Baseline on file (captured ${dates[0]})` : "Baseline on file";
}
