// Storage for the planning tools (scenarios, ROI tracker, maturity, roadmaps), inside Excel or outside it.
import type { MaturityRecord, RoadmapRecord, RoadmapTaskRecord, RoiEntry, Scenario } from "../model";

export interface PlanningData {
  scenarios: Scenario[];
  roi: RoiEntry[];
  maturity: MaturityRecord[];
  roadmaps: RoadmapRecord[];
  /** Rows of the workbook's tables that could not be read, with the reason. */
  skipped: { sheet: string; row: number; problem: string }[];
}

export interface PlanningStore {
  readonly kind: "excel" | "local";
  loadPlanning(): Promise<PlanningData>;
  /** Adds the scenario, or replaces the one with the same id. */
  saveScenario(scenario: Scenario): Promise<void>;
  /** Deletes the scenario with the id; rejects when there is none. */
  deleteScenario(id: string): Promise<void>;
  /** Adds the ROI row, or replaces the one with the same id. */
  saveRoi(entry: RoiEntry): Promise<void>;
  /** Deletes the ROI row with the id; rejects when there is none. */
  deleteRoi(id: string): Promise<void>;
  saveMaturity(record: MaturityRecord): Promise<void>;
  /** Writes the roadmap (a new sheet in Excel); returns the sheet name. */
  createRoadmap(workflow: string, startDate: string): Promise<string>;
  /** Deletes the roadmap kept under the sheet name (its sheet, in Excel). */
  deleteRoadmap(sheetName: string): Promise<void>;
  /** Sets the owner, status and done date of the given tasks of a roadmap; other tasks keep theirs. */
  saveRoadmapTasks(sheetName: string, tasks: readonly RoadmapTaskRecord[]): Promise<void>;
  /** Excel only: features this Excel lacked in the writes since the last call, each said once. */
  drainLimitations?(): string[];
  /** Excel only: a native tornado chart of the given lifts. */
  insertTornado?(title: string, rows: readonly { label: string; down: number; up: number }[]): Promise<string>;
  /** Excel only: the two-layer grid as one range of live formulas with colour scales. */
  insertGrid?(
    scores: readonly number[],
    rowLayer: number,
    columnLayer: number,
    steps: readonly number[],
  ): Promise<string>;
}

export const PLANNING_KEY = "agap.planning";
export { SCENARIOS_SHEET } from "./sheets/scenarios";
export { ROI_SHEET } from "./sheets/roi";
export { PORTFOLIO_SHEET as MATURITY_SHEET } from "./sheets/portfolio";
