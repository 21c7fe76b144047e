// The "AGAP Roadmap – <workflow>" sheets: a title block, then the 15 tasks of the 90-day roadmap
// as a table. Owners and statuses are typed in the sheet and read back by header.
import {
  BASELINE_TASK_ID,
  ROADMAP_TASKS,
  TASK_STATUSES,
  scheduleRoadmap,
  type RoadmapRecord,
  type RoadmapTaskRecord,
  type TaskStatus,
} from "../../model";
import { ROADMAP_PREFIX, roadmapSheetBase } from "../sheet-names";
import { DATE_FORMAT, TEXT, dateToSerial, readDateCell } from "./cells";
import { columnLetter, isBlank, textOf, type SkippedRow } from "./spec";

export { ROADMAP_PREFIX, roadmapSheetBase };

const text = textOf;
const readDate = readDateCell;

/** The position of each expected header in a header row (ignoring case); -1 when missing. */
function headerPositions(header: readonly unknown[], headers: readonly string[]): number[] {
  const names = header.map((name) => text(name).toLowerCase());
  return headers.map((name) => names.indexOf(name.toLowerCase()));
}

export const ROADMAP_HEADERS = [
  "Phase",
  "Task",
  "Due date",
  "Owner",
  "Status",
  "Done date",
  "Note",
  "Task ID",
] as const;
export const ROADMAP_COL = { phase: 0, task: 1, due: 2, owner: 3, status: 4, done: 5, note: 6, id: 7 } as const;
/** Sheet rows (1-based) of the roadmap layout. */
export const ROADMAP_ROW = { title: 1, workflow: 2, start: 3, rule: 4, header: 6, firstTask: 7 } as const;
export const ROADMAP_LAST_ROW = ROADMAP_ROW.firstTask + ROADMAP_TASKS.length - 1;
export const ROADMAP_LAST_COLUMN = columnLetter(ROADMAP_HEADERS.length - 1);
/** The status list offered in each task's Status cell. */
export const STATUS_LIST = TASK_STATUSES.join(",");

/** The note of each task: the baseline note, or the tasks it depends on. */
function taskNote(id: string, dependsOn: readonly string[], baseline: string): string {
  if (id === BASELINE_TASK_ID) return baseline;
  if (dependsOn.length === 0) return "";
  const texts = dependsOn.map((dep) => ROADMAP_TASKS.find((t) => t.id === dep)?.text ?? dep);
  return `Depends on: ${texts.join(" / ")}`;
}

export type RoadmapCell = string | number | null;

/**
 * The roadmap sheet from A1 to the last task, as values: title, workflow, start date, a line on
 * the one-workflow rule, then the task table (phase, task, due date as a date serial, owner,
 * status, note, task id). Owners and statuses come from the record when given.
 */
export function roadmapCells(
  workflow: string,
  startDate: string,
  note: string,
  tasks?: readonly RoadmapRecord["tasks"][number][],
): RoadmapCell[][] {
  const width = ROADMAP_HEADERS.length;
  const line = (...values: RoadmapCell[]): RoadmapCell[] => [...values, ...new Array(width - values.length).fill("")];
  const grid: RoadmapCell[][] = [
    line("AGAP 90-day roadmap"),
    line("Workflow", workflow),
    line("Start date", dateToSerial(startDate)),
    line("Run one workflow through the roadmap at a time; the ROI proof needs the baseline from the first phase."),
    line(),
    line(...ROADMAP_HEADERS),
  ];
  for (const item of scheduleRoadmap(startDate)) {
    const saved = tasks?.find((t) => t.id === item.id);
    grid.push([
      item.phaseName,
      item.text,
      dateToSerial(item.dueDate),
      saved?.owner ?? "",
      saved?.status ?? "Not started",
      saved?.doneDate ? dateToSerial(saved.doneDate) : "",
      taskNote(item.id, item.dependsOn, note),
      item.id,
    ]);
  }
  return grid;
}

/** Number formats of the roadmap block, row by row; null keeps the default. */
export function roadmapFormats(): (string | null)[][] {
  const width = ROADMAP_HEADERS.length;
  return Array.from({ length: ROADMAP_LAST_ROW }, (_, r) => {
    const row = r + 1;
    const formats: (string | null)[] = new Array(width).fill(null);
    if (row === ROADMAP_ROW.workflow) formats[1] = TEXT;
    if (row === ROADMAP_ROW.start) formats[1] = DATE_FORMAT;
    if (row >= ROADMAP_ROW.firstTask) {
      formats[ROADMAP_COL.due] = DATE_FORMAT;
      formats[ROADMAP_COL.done] = DATE_FORMAT;
      formats[ROADMAP_COL.owner] = TEXT;
      formats[ROADMAP_COL.status] = TEXT;
      formats[ROADMAP_COL.id] = TEXT;
    }
    return formats;
  });
}

/** The row index (0-based) in `grid` whose cells hold the label, and the value to its right. */
function labelled(grid: readonly (readonly unknown[])[], label: string, before: number): unknown {
  for (let r = 0; r < before; r++) {
    const c = grid[r].findIndex((value) => text(value).toLowerCase() === label.toLowerCase());
    if (c >= 0) return grid[r][c + 1];
  }
  return undefined;
}

const STATUS_BY_KEY = new Map(TASK_STATUSES.map((status) => [status.toLowerCase(), status]));

/**
 * Reads a roadmap sheet back from its used range (`grid`, whose top row is sheet row `top`,
 * 0-based). The workflow and start date come from their labelled
 * cells, tasks from the rows below the header with "Task ID" and "Status". Tasks typed in by hand
 * without an id are kept with an id from their row; a status outside the list skips the task.
 */
export function readRoadmapSheet(
  sheetName: string,
  grid: readonly (readonly unknown[])[],
  top = 0,
): { record: RoadmapRecord | null; skipped: SkippedRow[] } {
  const skip = (row: number, problem: string) => ({ record: null, skipped: [{ sheet: sheetName, row, problem }] });
  const headerAt = grid.findIndex((values) => {
    const names = values.map((value) => text(value).toLowerCase());
    return names.includes("task id") && names.includes("status");
  });
  if (headerAt < 0) return skip(top + 1, 'the sheet has no task table with "Task ID" and "Status" columns');
  const workflow = text(labelled(grid, "Workflow", headerAt));
  if (!workflow) return skip(top + 1, 'the "Workflow" cell above the tasks is blank');
  const start = readDate(labelled(grid, "Start date", headerAt), "Start date");
  if (!start.ok || !start.value) {
    return skip(top + 1, start.ok ? 'the "Start date" cell above the tasks is blank' : start.problem);
  }
  const source = headerPositions(grid[headerAt], ROADMAP_HEADERS);
  const skipped: SkippedRow[] = [];
  const tasks: RoadmapRecord["tasks"] = [];
  const seen = new Map<string, number>();
  for (let r = headerAt + 1; r < grid.length; r++) {
    const values = source.map((from) => (from < 0 ? "" : grid[r][from]));
    if (values.every(isBlank)) continue;
    const row = top + r + 1;
    const statusText = text(values[ROADMAP_COL.status]);
    const status = statusText ? STATUS_BY_KEY.get(statusText.toLowerCase()) : "Not started";
    if (!status) {
      skipped.push({ sheet: sheetName, row, problem: `Status is "${statusText}"; choose one of ${STATUS_LIST}` });
      continue;
    }
    const id = text(values[ROADMAP_COL.id]) || `sheet-row-${row}`;
    const first = seen.get(id);
    if (first !== undefined) {
      skipped.push({ sheet: sheetName, row, problem: `its Task ID repeats the one in row ${first}` });
      continue;
    }
    seen.set(id, row);
    const done = readDate(values[ROADMAP_COL.done], "Done date");
    if (!done.ok) {
      skipped.push({ sheet: sheetName, row, problem: done.problem });
      continue;
    }
    tasks.push({ id, owner: text(values[ROADMAP_COL.owner]), status: status as TaskStatus, doneDate: done.value });
  }
  return { record: { workflow, startDate: start.value, sheetName, tasks }, skipped };
}

/**
 * Why a task edit cannot be saved, or null: the same rules the sheet's reader applies.
 *
 * @example
 * taskProblem({ id: "a", owner: "", status: "Later", doneDate: "" }) //=> 'Status is "Later"; choose one of Not started,In progress,Done,Blocked'
 */
export function taskProblem(task: RoadmapTaskRecord): string | null {
  if (!STATUS_BY_KEY.has(task.status.toLowerCase())) return `Status is "${task.status}"; choose one of ${STATUS_LIST}`;
  const done = readDate(task.doneDate, "Done date");
  return done.ok ? null : done.problem;
}
