// The planning store outside Excel: scenarios, ROI rows, maturity records and roadmaps as one
// JSON document in the browser's storage, under a key of our own.
import {
  ROADMAP_TASKS,
  parseIsoDate,
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
import type { KeyValueStorage } from "./local-store";
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

function read(storage: KeyValueStorage): Stored {
  const text = storage.getItem(PLANNING_KEY);
  if (text === null) return EMPTY();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `The saved planning data under "${PLANNING_KEY}" is damaged and could not be read: ${(error as Error).message}`,
    );
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new Error(`The saved planning data under "${PLANNING_KEY}" is not a planning record.`);
  }
  const data = parsed as Partial<Stored>;
  const list = <K extends keyof Stored>(key: K): Stored[K] => {
    const value = data[key];
    if (value === undefined) return [] as Stored[K];
    if (!Array.isArray(value)) {
      throw new Error(`The saved planning data under "${PLANNING_KEY}" has "${key}" that is not a list.`);
    }
    return value as Stored[K];
  };
  return { scenarios: list("scenarios"), roi: list("roi"), maturity: list("maturity"), roadmaps: list("roadmaps") };
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
    this.storage.setItem(PLANNING_KEY, JSON.stringify(data));
  }

  async loadPlanning(): Promise<PlanningData> {
    return { ...read(this.storage), skipped: [] };
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
