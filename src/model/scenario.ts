import { realizedValue } from "./layers";
import { ROADMAP_TASKS } from "./roadmap";

/** A named what-if: five layer scores, and the base it started from. */
export interface Scenario {
  id: string;
  name: string;
  workflow: string;
  /** Where the scenario started: "typed scores" or "assessment of <workflow> on <date>". */
  baseLabel: string;
  /** The scores it started from; realized value is compared against them. */
  baseScores: number[];
  scores: number[];
}

/**
 * Change in realized value of a scenario against its base.
 *
 * @example
 * scenarioChange({ baseScores: [0.5, 1, 1, 1, 1], scores: [0.8, 1, 1, 1, 1] }) //=> 0.30000000000000004
 */
export function scenarioChange(scenario: Pick<Scenario, "baseScores" | "scores">): number {
  return realizedValue(scenario.scores) - realizedValue(scenario.baseScores);
}

/** Status choices of a roadmap task, offered as a list in the workbook. */
export const TASK_STATUSES = ["Not started", "In progress", "Done", "Blocked"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** What people fill in on one roadmap task. */
export interface RoadmapTaskRecord {
  id: string;
  owner: string;
  status: TaskStatus;
  /** ISO date the task was finished; "" until then (or when nobody noted it). */
  doneDate: string;
}

/** A generated 90-day roadmap of one workflow, with what people filled in since. */
export interface RoadmapRecord {
  workflow: string;
  startDate: string;
  sheetName: string;
  tasks: RoadmapTaskRecord[];
}

/**
 * True while any task of the roadmap is not done: the model runs one workflow at a time.
 *
 * @example
 * roadmapIsOpen({ ..., tasks: [{ id: "a", status: "Done", … }, { id: "b", status: "In progress", … }] }) //=> true
 */
export function roadmapIsOpen(record: Pick<RoadmapRecord, "tasks">): boolean {
  return record.tasks.length < ROADMAP_TASKS.length || record.tasks.some((task) => task.status !== "Done");
}

/**
 * How many of the plan's tasks the roadmap records as done. A row whose id is not a task of the
 * plan (typed into the sheet by hand, say) is not counted, nor is a task counted twice.
 *
 * @example
 * roadmapDone({ ..., tasks: [{ id: ROADMAP_TASKS[0].id, status: "Done", … }, { id: "extra", status: "Done", … }] }) //=> 1
 */
export function roadmapDone(record: Pick<RoadmapRecord, "tasks">): number {
  const done = new Set(record.tasks.filter((task) => task.status === "Done").map((task) => task.id));
  return ROADMAP_TASKS.filter((task) => done.has(task.id)).length;
}
