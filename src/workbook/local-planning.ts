// The planning store outside Excel: scenarios, ROI rows, maturity records and roadmaps as one
// JSON document in the browser's storage, under a key of our own.
import {
  LIMITS,
  ROADMAP_TASKS,
  ROI_NUMBER_FIELDS,
  parseIsoDate,
  withinLimit,
  type MaturityRecord,
  type RoadmapRecord,
  type RoadmapTaskRecord,
  type RoiEntry,
  type Scenario,
} from "../model";
import { ASSESSMENTS_SHEET } from "./sheets/assessments";
import { ROI } from "./sheets/roi";
import { SCENARIOS } from "./sheets/scenarios";
import { taskProblem } from "./sheets/roadmap";
import { recordProblem } from "./sheets/spec";
import { checkList, readChecked, shapeProblem, type Checked, type Shape } from "./local-safety";
import type { KeyValueStorage } from "./local-store";
import { writeItem } from "./local-space";
import {
  MATURITY_SHEET,
  PLANNING_KEY,
  ROI_SHEET,
  SCENARIOS_SHEET,
  type PlanningData,
  type PlanningStore,
} from "./planning-store";
import { ROADMAP_PREFIX, roadmapSheetBase, safeSheetName } from "./sheet-names";

type Stored = Omit<PlanningData, "skipped">;

const EMPTY = (): Stored => ({ scenarios: [], roi: [], maturity: [], roadmaps: [] });

/** A stored scenario or ROI row: the right fields, and what the workbook's reader accepts. */
function specProblem<R>(spec: typeof SCENARIOS | typeof ROI, shape: Shape) {
  return (item: unknown): string | null => {
    const problem = shapeProblem(item, shape) ?? recordProblem(spec as never, item as R);
    return problem ? problem.replace(/^Not saved to [^:]+: /, "") : null;
  };
}

const SCENARIO_SHAPE: Shape = {
  id: "string",
  name: "string",
  workflow: "string",
  baseLabel: "string",
  baseScores: "array",
  scores: "array",
};
const ROI_SHAPE: Shape = {
  id: "string",
  workflow: "string",
  metric: "string",
  unit: "string",
  direction: "string",
  baselineDate: "string",
  goLiveDate: "string",
  ...Object.fromEntries(ROI_NUMBER_FIELDS.map((key) => [key, "number|null" as const])),
};

function maturityProblem(item: unknown): string | null {
  const shape = shapeProblem(item, { workflow: "string", stage: "number", target: "number" });
  if (shape) return shape;
  const record = item as MaturityRecord;
  if (!withinLimit(LIMITS.maturityStage, record.stage) || !withinLimit(LIMITS.maturityStage, record.target)) {
    return `its stages are ${record.stage} and ${record.target}, not ${LIMITS.maturityStage.allowed}`;
  }
  return null;
}

function roadmapProblem(item: unknown): string | null {
  const shape = shapeProblem(item, { workflow: "string", startDate: "string", sheetName: "string", tasks: "array" });
  if (shape) return shape;
  const record = item as RoadmapRecord;
  if (parseIsoDate(record.startDate) === null) return `its start date "${record.startDate}" is not a date`;
  for (const task of record.tasks) {
    const problem =
      shapeProblem(task, { id: "string", owner: "string", status: "string", doneDate: "string?" }) ??
      taskProblem({ ...task, doneDate: task.doneDate ?? "" });
    if (problem) return `task "${(task as { id?: unknown }).id}": ${problem}`;
  }
  return null;
}

/** Reads the planning record; damaged parts are kept aside (see local-safety) and listed with why. */
export function checkPlanning(parsed: unknown): Checked<Stored> {
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { value: EMPTY(), problems: ["the planning data is not a record"] };
  }
  const data = parsed as Record<keyof Stored, unknown>;
  const part = <T>(key: keyof Stored, problem: (item: unknown) => string | null, idOf: (item: T) => string) =>
    data[key] === undefined ? { value: [] as T[], problems: [] } : checkList<T>(data[key], key, problem, idOf);
  const scenarios = part<Scenario>("scenarios", specProblem<Scenario>(SCENARIOS, SCENARIO_SHAPE), (s) => s.id);
  const roi = part<RoiEntry>("roi", specProblem<RoiEntry>(ROI, ROI_SHAPE), (e) => e.id);
  const maturity = part<MaturityRecord>("maturity", maturityProblem, (m) => m.workflow);
  const roadmaps = part<RoadmapRecord>("roadmaps", roadmapProblem, (r) => r.sheetName);
  // Roadmaps kept before done dates were recorded read as not done.
  const withDates = roadmaps.value.map((r) => ({
    ...r,
    tasks: r.tasks.map((t) => ({ ...t, doneDate: t.doneDate ?? "" })),
  }));
  return {
    value: { scenarios: scenarios.value, roi: roi.value, maturity: maturity.value, roadmaps: withDates },
    problems: [...scenarios.problems, ...roi.problems, ...maturity.problems, ...roadmaps.problems],
  };
}

function read(storage: KeyValueStorage): Stored {
  return readChecked(storage, PLANNING_KEY, checkPlanning, EMPTY()).value;
}

/** The same check as the Excel store: what the workbook's reader would refuse is not saved. */
function refuse(problem: string | null): void {
  if (problem) throw new Error(problem);
}

/** The list without the item that matches; throws when none does, so a delete never passes silently. */
function without<T>(items: T[], match: (item: T) => boolean, what: string): T[] {
  const kept = items.filter((item) => !match(item));
  if (kept.length === items.length) throw new Error(`There is no ${what}.`);
  return kept;
}

/** Replaces the item with the same key, or adds it at the end. */
function upsert<T>(items: T[], item: T, same: (a: T, b: T) => boolean): void {
  const at = items.findIndex((existing) => same(existing, item));
  if (at >= 0) items[at] = item;
  else items.push(item);
}

export class LocalPlanningStore implements PlanningStore {
  readonly kind = "local" as const;

  constructor(private readonly storage: KeyValueStorage) {}

  private update(change: (data: Stored) => void): void {
    const data = read(this.storage);
    change(data);
    // One whole value replaces the old one; a write that does not fit leaves the old one as it was.
    writeItem(this.storage, PLANNING_KEY, JSON.stringify(data));
  }

  async loadPlanning(): Promise<PlanningData> {
    const { value, problems } = readChecked(this.storage, PLANNING_KEY, checkPlanning, EMPTY(), "show");
    return { ...value, skipped: problems.map((problem, i) => ({ sheet: "this browser", row: i + 1, problem })) };
  }

  async saveScenario(scenario: Scenario): Promise<void> {
    refuse(recordProblem(SCENARIOS, scenario));
    this.update((data) => upsert(data.scenarios, scenario, (a, b) => a.id === b.id));
  }

  /** The latest scores live with the assessments; the export reads them from there. */
  async saveRoi(entry: RoiEntry): Promise<void> {
    refuse(recordProblem(ROI, entry));
    this.update((data) => upsert(data.roi, entry, (a, b) => a.id === b.id));
  }

  async deleteScenario(id: string): Promise<void> {
    this.update(
      (data) => (data.scenarios = without(data.scenarios, (s) => s.id === id, `scenario with the id "${id}"`)),
    );
  }

  async deleteRoi(id: string): Promise<void> {
    this.update((data) => (data.roi = without(data.roi, (e) => e.id === id, `ROI row with the id "${id}"`)));
  }

  async deleteRoadmap(sheetName: string): Promise<void> {
    this.update(
      (data) => (data.roadmaps = without(data.roadmaps, (r) => r.sheetName === sheetName, `roadmap "${sheetName}"`)),
    );
  }

  async saveRoadmapTasks(sheetName: string, tasks: readonly RoadmapTaskRecord[]): Promise<void> {
    for (const task of tasks) refuse(taskProblem(task));
    this.update((data) => {
      const roadmap = data.roadmaps.find((r) => r.sheetName === sheetName);
      if (!roadmap) throw new Error(`There is no roadmap "${sheetName}".`);
      for (const task of tasks) {
        const at = roadmap.tasks.findIndex((t) => t.id === task.id);
        if (at < 0) throw new Error(`The roadmap "${sheetName}" has no task "${task.id}".`);
        roadmap.tasks[at] = { ...task };
      }
    });
  }

  async saveMaturity(record: MaturityRecord): Promise<void> {
    this.update((data) => upsert(data.maturity, record, (a, b) => a.workflow === b.workflow));
  }

  /**
   * Records a new roadmap with every task "Not started" and no owner, under the name its sheet
   * gets in an exported workbook: unique among the roadmaps and the other AGAP sheets.
   */
  async createRoadmap(workflow: string, startDate: string): Promise<string> {
    if (!workflow.trim()) throw new Error("Name the workflow before generating its roadmap.");
    if (parseIsoDate(startDate) === null) throw new Error(`The start date "${startDate}" is not a YYYY-MM-DD date.`);
    let sheetName = "";
    this.update((data) => {
      const taken = [
        ASSESSMENTS_SHEET,
        SCENARIOS_SHEET,
        ROI_SHEET,
        MATURITY_SHEET,
        ...data.roadmaps.map((roadmap) => roadmap.sheetName),
      ];
      sheetName = safeSheetName(roadmapSheetBase(workflow), taken, ROADMAP_PREFIX);
      const record: RoadmapRecord = {
        workflow,
        startDate,
        sheetName,
        tasks: ROADMAP_TASKS.map((task) => ({ id: task.id, owner: "", status: "Not started", doneDate: "" })),
      };
      data.roadmaps.push(record);
    });
    return sheetName;
  }
}
