// The complete backup: one JSON file with every record the stores keep (responses, scenarios, ROI
// rows, maturity stages and roadmaps with their tasks) and a format version. Reading one checks
// every record with the same rules the stores apply before saving; merging it plans, record by
// record, what is new, what is already here and what differs, and writes only through the store
// interfaces, so it works the same in the browser and in a workbook. Pure: no DOM here.
import {
  DIRECTIONS,
  LAYERS,
  LAYER_COUNT,
  LIMITS,
  ROADMAP_TASKS,
  ROI_NUMBER_FIELDS,
  STATEMENTS,
  checkLimit,
  parseIsoDate,
  roundLabel,
  type AssessmentResponse,
  type Direction,
  type MaturityRecord,
  type RoadmapRecord,
  type RoadmapTaskRecord,
  type RoiEntry,
  type RoiNumberField,
  type Scenario,
  type TaskStatus,
} from "../model";
import { IMPORT_LIMITS, count } from "./import-limits";
import type { PlanningData, PlanningStore } from "./planning-store";
import { ANSWER_COLUMNS, ASSESSMENTS } from "./sheets/assessments";
import { PORTFOLIO } from "./sheets/portfolio";
import { taskProblem } from "./sheets/roadmap";
import { ROI } from "./sheets/roi";
import { SCENARIOS } from "./sheets/scenarios";
import { recordProblem, type TableSpec } from "./sheets/spec";
import type { AssessmentStore } from "./store";

export const BACKUP_FORMAT = "agap-backup";
/** Raised when a backup's records change shape; a file with a higher version is refused. */
export const BACKUP_VERSION = 1;
/** The JSON export of the responses (export-text.ts); it can be imported as a backup of responses only. */
const RESPONSES_EXPORT_FORMAT = "agap-assessments";

export type RecordKind = "response" | "scenario" | "roi" | "maturity" | "roadmap";
export const RECORD_KINDS: readonly RecordKind[] = ["response", "scenario", "roi", "maturity", "roadmap"];

/** Each kind's record type. */
export interface KindRecord {
  response: AssessmentResponse;
  scenario: Scenario;
  roi: RoiEntry;
  maturity: MaturityRecord;
  roadmap: RoadmapRecord;
}

/** The records of a backup, one list per kind. */
export interface BackupRecords {
  responses: AssessmentResponse[];
  scenarios: Scenario[];
  roi: RoiEntry[];
  maturity: MaturityRecord[];
  roadmaps: RoadmapRecord[];
}

/** The backup file. */
export interface Backup extends BackupRecords {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** What the file is, for a person who opens it. */
  note: string;
}

const LIST_OF: Record<RecordKind, keyof BackupRecords> = {
  response: "responses",
  scenario: "scenarios",
  roi: "roi",
  maturity: "maturity",
  roadmap: "roadmaps",
};

/** A kind's name in a sentence, one and many. */
export const KIND_NAMES: Record<RecordKind, [string, string]> = {
  response: ["response", "responses"],
  scenario: ["scenario", "scenarios"],
  roi: ["ROI row", "ROI rows"],
  maturity: ["maturity stage", "maturity stages"],
  roadmap: ["roadmap", "roadmaps"],
};

/**
 * "1 response", "3 ROI rows".
 *
 * @example
 * countOf("roi", 3) //=> "3 ROI rows"
 */
export const countOf = (kind: RecordKind, n: number) => `${n} ${KIND_NAMES[kind][n === 1 ? 0 : 1]}`;

const ROI_TEXT_FIELDS = ["workflow", "metric", "unit"] as const;
const ROI_DATE_FIELDS = ["baselineDate", "goLiveDate"] as const;
const TASK_IDS = new Set(ROADMAP_TASKS.map((task) => task.id));
const STATEMENT_IDS = new Set(STATEMENTS.map((statement) => statement.id));

// ---------------------------------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------------------------------

/** Answers of the 15 statements in statement order; unanswered ones are left out. */
function statementAnswers(answers: AssessmentResponse["answers"]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const statement of STATEMENTS) {
    const answer = answers[statement.id];
    if (answer !== undefined && answer !== null) out[statement.id] = answer;
  }
  return out;
}

const copyResponse = (r: AssessmentResponse): AssessmentResponse => ({
  id: r.id,
  workflow: r.workflow,
  respondent: r.respondent ?? "",
  date: r.date ?? "",
  answers: statementAnswers(r.answers),
});

const copyScenario = (s: Scenario): Scenario => ({
  id: s.id,
  name: s.name,
  workflow: s.workflow,
  baseLabel: s.baseLabel,
  baseScores: [...s.baseScores],
  scores: [...s.scores],
});

function copyRoi(e: RoiEntry): RoiEntry {
  const numbers = Object.fromEntries(ROI_NUMBER_FIELDS.map((key) => [key, e[key] ?? null])) as Pick<
    RoiEntry,
    RoiNumberField
  >;
  return {
    id: e.id,
    workflow: e.workflow,
    metric: e.metric,
    unit: e.unit,
    direction: e.direction,
    baselineDate: e.baselineDate ?? "",
    goLiveDate: e.goLiveDate ?? "",
    ...numbers,
  };
}

const copyTask = (t: RoadmapTaskRecord): RoadmapTaskRecord => ({
  id: t.id,
  owner: t.owner ?? "",
  status: t.status,
  // Roadmaps kept before done dates were recorded have none.
  doneDate: t.doneDate ?? "",
});

const copyRoadmap = (r: RoadmapRecord): RoadmapRecord => ({
  workflow: r.workflow,
  startDate: r.startDate,
  sheetName: r.sheetName,
  tasks: r.tasks.map(copyTask),
});

/**
 * The backup of everything the stores hold. Deterministic: no timestamp inside, so the same
 * records give the same file (the file name carries the day).
 */
export function buildBackup(
  responses: readonly AssessmentResponse[],
  planning: Pick<PlanningData, "scenarios" | "roi" | "maturity" | "roadmaps">,
): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    note:
      "AGAP backup: every response, scenario, ROI row, maturity stage and roadmap (with task owners, " +
      "statuses and done dates). Import it in AGAP's Team & history tab to restore or merge these records.",
    responses: responses.map(copyResponse),
    scenarios: planning.scenarios.map(copyScenario),
    roi: planning.roi.map(copyRoi),
    maturity: planning.maturity.map((m) => ({ workflow: m.workflow, stage: m.stage, target: m.target })),
    roadmaps: planning.roadmaps.map(copyRoadmap),
  };
}

/** The backup as pretty-printed JSON. */
export const backupJson = (backup: Backup): string => JSON.stringify(backup, null, 2) + "\n";

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** A record of the file that is not imported, and why. */
export interface Rejected {
  kind: RecordKind;
  /** Position in its list in the file, 1-based. */
  index: number;
  label: string;
  reason: string;
}

export type BackupRead =
  | {
      ok: true;
      records: BackupRecords;
      rejected: Rejected[];
      /** "responses" for the JSON export of responses, which holds nothing else. */
      source: "backup" | "responses";
    }
  | { ok: false; problem: string };

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => value !== null && typeof value === "object" && !Array.isArray(value);

/** A field of the file's own, never one inherited from Object.prototype ("constructor", "__proto__"…). */
const own = (object: Raw, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;

/**
 * A value as a message shows it: short, quoted when text.
 *
 * @example
 * shown("abc") //=> '"abc"'
 * shown(undefined) //=> "missing"
 */
function shown(value: unknown): string {
  if (value === undefined) return "missing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** Why a record is refused, thrown by the field readers and caught per record. */
class Refusal extends Error {}

// Characters an .xlsx file cannot hold (XML 1.0 refuses them); a person never types them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

function text(raw: Raw, key: string, what: string, fallback?: string): string {
  const value = own(raw, key);
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== "string") throw new Refusal(`its ${what} is ${shown(value)}, not text`);
  if (CONTROL.test(value)) throw new Refusal(`its ${what} holds a control character, which a workbook cannot store`);
  if (value.length > IMPORT_LIMITS.cellChars) {
    throw new Refusal(
      `its ${what} is ${count(value.length)} characters long; AGAP imports text of up to ` +
        `${count(IMPORT_LIMITS.cellChars)} characters`,
    );
  }
  return value;
}

function id(raw: Raw): string {
  const value = text(raw, "id", "id");
  if (value.trim() === "") throw new Refusal("its id is blank");
  if (value !== value.trim()) throw new Refusal(`its id ${shown(value)} starts or ends with a space`);
  return value;
}

function dateText(raw: Raw, key: string, what: string): string {
  const value = text(raw, key, what, "");
  if (value !== "" && parseIsoDate(value) === null)
    throw new Refusal(`its ${what} ${shown(value)} is not a YYYY-MM-DD date`);
  return value;
}

function numberOrNull(raw: Raw, key: string, what: string): number | null {
  const value = own(raw, key);
  if (value === undefined || value === null) return null;
  if (typeof value !== "number") throw new Refusal(`its ${what} is ${shown(value)}, not a number`);
  return value;
}

function scores(raw: Raw, key: string, what: string): number[] {
  const value = own(raw, key);
  if (!Array.isArray(value) || value.length !== LAYER_COUNT || value.some((s) => typeof s !== "number")) {
    throw new Refusal(`its ${what} are ${shown(value)}, not ${LAYER_COUNT} numbers, one per layer`);
  }
  return [...(value as number[])];
}

/** The store's own check, worded for a list of records not imported. */
function storeCheck<R, C>(spec: TableSpec<R, C>, record: R): void {
  const problem = recordProblem(spec, record);
  if (problem) throw new Refusal(problem.replace(/^Not saved to [^:]+: /, "").replace(/\.$/, ""));
}

const statementName = (statementId: string) => {
  const at = STATEMENTS.findIndex((statement) => statement.id === statementId);
  return at >= 0 ? ANSWER_COLUMNS[at].header : statementId;
};

function readResponse(raw: Raw): AssessmentResponse {
  const response: AssessmentResponse = {
    id: id(raw),
    workflow: text(raw, "workflow", "workflow"),
    respondent: text(raw, "respondent", "respondent", ""),
    date: dateText(raw, "date", "date"),
    answers: {},
  };
  const answers = own(raw, "answers");
  if (!isObject(answers)) throw new Refusal(`its answers are ${shown(answers)}, not answers by statement`);
  const kept: Record<string, number> = {};
  for (const key of Object.keys(answers)) {
    if (!STATEMENT_IDS.has(key)) {
      throw new Refusal(`it answers ${shown(key)}, which is not one of AGAP's ${STATEMENTS.length} statements`);
    }
  }
  for (const statement of STATEMENTS) {
    const value = own(answers, statement.id);
    if (value === undefined || value === null) continue;
    if (typeof value !== "number") {
      throw new Refusal(`its answer to ${statementName(statement.id)} is ${shown(value)}, not a number`);
    }
    kept[statement.id] = value;
  }
  const read = { ...response, answers: kept };
  storeCheck(ASSESSMENTS, read);
  return read;
}

function readScenario(raw: Raw): Scenario {
  const scenario: Scenario = {
    id: id(raw),
    name: text(raw, "name", "name"),
    workflow: text(raw, "workflow", "workflow", ""),
    baseLabel: text(raw, "baseLabel", "starting point", ""),
    baseScores: scores(raw, "baseScores", "base scores"),
    scores: scores(raw, "scores", "scores"),
  };
  storeCheck(SCENARIOS, scenario);
  return scenario;
}

const ROI_NAMES: Record<string, string> = Object.fromEntries(
  ROI.columns.map((column) => [column.key, column.header.charAt(0).toLowerCase() + column.header.slice(1)]),
);

function readRoi(raw: Raw): RoiEntry {
  const direction = own(raw, "direction");
  if (!DIRECTIONS.includes(direction as Direction)) {
    throw new Refusal(`its direction is ${shown(direction)}; use "lower" or "higher"`);
  }
  const entry = {
    id: id(raw),
    direction: direction as Direction,
  } as RoiEntry;
  for (const key of ROI_TEXT_FIELDS) entry[key] = text(raw, key, ROI_NAMES[key]);
  for (const key of ROI_DATE_FIELDS) entry[key] = dateText(raw, key, ROI_NAMES[key]);
  for (const key of ROI_NUMBER_FIELDS) entry[key] = numberOrNull(raw, key, ROI_NAMES[key]);
  if (entry.workflow.trim() === "") throw new Refusal("its workflow is blank");
  storeCheck(ROI, entry);
  return copyRoi(entry);
}

function stage(raw: Raw, key: string, what: string): number {
  const value = own(raw, key);
  if (typeof value !== "number" || checkLimit(LIMITS.maturityStage, value) !== null) {
    throw new Refusal(`its ${what} is ${shown(value)}, not ${LIMITS.maturityStage.allowed}`);
  }
  return value;
}

function readMaturity(raw: Raw): MaturityRecord {
  const record: MaturityRecord = {
    workflow: text(raw, "workflow", "workflow"),
    stage: stage(raw, "stage", "stage"),
    target: stage(raw, "target", "target stage"),
  };
  storeCheck(PORTFOLIO, record);
  return record;
}

/** A roadmap's tasks that can be imported, and the ones that cannot, with why. */
function readRoadmap(raw: Raw): { record: RoadmapRecord; refusedTasks: string[] } {
  const workflow = text(raw, "workflow", "workflow");
  if (workflow.trim() === "") throw new Refusal("its workflow is blank");
  const startDate = dateText(raw, "startDate", "start date");
  if (startDate === "") throw new Refusal("its start date is blank");
  const list = own(raw, "tasks");
  if (!Array.isArray(list)) throw new Refusal(`its tasks are ${shown(list)}, not a list`);
  const tasks: RoadmapTaskRecord[] = [];
  const refusedTasks: string[] = [];
  const seen = new Set<string>();
  list.forEach((item: unknown, i) => {
    try {
      if (!isObject(item)) throw new Refusal(`is ${shown(item)}, not a task`);
      const task: RoadmapTaskRecord = {
        id: text(item, "id", "id"),
        owner: text(item, "owner", "owner", ""),
        status: text(item, "status", "status") as TaskStatus,
        doneDate: text(item, "doneDate", "done date", ""),
      };
      if (!TASK_IDS.has(task.id)) {
        throw new Refusal(`${shown(task.id)} is not one of the ${ROADMAP_TASKS.length} roadmap tasks`);
      }
      if (seen.has(task.id)) throw new Refusal(`${shown(task.id)} appears twice`);
      const problem = taskProblem(task);
      if (problem) throw new Refusal(problem);
      seen.add(task.id);
      tasks.push(task);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      refusedTasks.push(`task ${i + 1}: ${error.message.replace(/^its /, "")}`);
    }
  });
  return { record: { workflow, startDate, sheetName: text(raw, "sheetName", "sheet name", ""), tasks }, refusedTasks };
}

/** The key a record is merged on: its id; the workflow for maturity; workflow and start for a roadmap. */
export function keyOf<K extends RecordKind>(kind: K, record: KindRecord[K]): string {
  switch (kind) {
    case "maturity":
      return (record as MaturityRecord).workflow;
    case "roadmap": {
      const roadmap = record as RoadmapRecord;
      return `${roadmap.workflow}\u0000${roadmap.startDate}`;
    }
    default:
      return (record as { id: string }).id;
  }
}

/**
 * A record as a person recognises it.
 *
 * @example
 * labelOf("response", { respondent: "Ana", workflow: "Claims", date: "2026-04-02", … }) //=> "Ana's response for Claims, 2026-04-02"
 */
export function labelOf<K extends RecordKind>(kind: K, record: KindRecord[K]): string {
  switch (kind) {
    case "response": {
      const r = record as AssessmentResponse;
      return `${r.respondent ? `${r.respondent}'s response` : "An anonymous response"} for ${r.workflow}, ${roundLabel(r.date)}`;
    }
    case "scenario":
      return `Scenario “${(record as Scenario).name}”`;
    case "roi": {
      const e = record as RoiEntry;
      return `ROI row “${e.metric || "no metric"}” of ${e.workflow}`;
    }
    case "maturity":
      return `Maturity stage of ${(record as MaturityRecord).workflow}`;
    default: {
      const r = record as RoadmapRecord;
      return `Roadmap of ${r.workflow} from ${r.startDate}`;
    }
  }
}

/** A label from whatever a refused record holds. */
function rawLabel(kind: RecordKind, raw: unknown, index: number): string {
  const fallback = `${KIND_NAMES[kind][0].charAt(0).toUpperCase()}${KIND_NAMES[kind][0].slice(1)} ${index} of the file`;
  if (!isObject(raw)) return fallback;
  const str = (key: string) => {
    const value = own(raw, key);
    return typeof value === "string" && !CONTROL.test(value) ? value : "";
  };
  const name =
    kind === "scenario" ? str("name") : kind === "roi" ? str("metric") : kind === "response" ? str("respondent") : "";
  const workflow = str("workflow");
  if (!workflow && !name) return fallback;
  return `${fallback} (${[name, workflow].filter(Boolean).join(", ")})`;
}

const READERS: { [K in Exclude<RecordKind, "roadmap">]: (raw: Raw) => KindRecord[K] } = {
  response: readResponse,
  scenario: readScenario,
  roi: readRoi,
  maturity: readMaturity,
};

/** Field names that reach an object's prototype when a program copies them: a backup never holds one. */
export const FORBIDDEN_KEYS: readonly string[] = ["__proto__", "constructor", "prototype"];

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * Why JSON text is refused before it is parsed, or null: nesting deeper than the import limit
 * (JSON.parse and every reader after it would recurse that deep), or a field named "__proto__",
 * "constructor" or "prototype" (with its line). One pass over the text, no recursion, so a file
 * nested 10,000 levels deep gets this message rather than a stack overflow.
 *
 * @example
 * jsonShapeProblem('{"a":'.repeat(10000)) //=> "The file's JSON nests 10,000 levels deep; …"
 */
export function jsonShapeProblem(text: string): string | null {
  let depth = 0;
  let deepest = 0;
  let line = 1;
  const found = new Map<string, number>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const start = i;
      let escaped = false;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) {
          escaped = true;
          i++;
        } else if (d === 34) break;
      }
      let next = i + 1;
      while (next < text.length && isSpace(text.charCodeAt(next))) next++;
      if (text.charCodeAt(next) !== 58) continue;
      // A key: read with its escapes, so "__proto\u005f_" is "__proto__" as JSON.parse reads it.
      let key = text.slice(start + 1, i);
      if (escaped) {
        try {
          key = JSON.parse(text.slice(start, i + 1)) as string;
        } catch {
          continue;
        }
      }
      if (FORBIDDEN_KEYS.includes(key) && !found.has(key)) found.set(key, line);
    } else if (c === 123 || c === 91) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 125 || c === 93) depth--;
    else if (c === 10) line++;
  }
  if (deepest > IMPORT_LIMITS.jsonDepth) {
    return (
      `The file's JSON nests ${count(deepest)} levels deep; an AGAP backup nests 4, and AGAP reads JSON nested up ` +
      `to ${IMPORT_LIMITS.jsonDepth} levels. Nothing was imported.`
    );
  }
  if (found.size > 0) {
    const keys = [...found].map(([key, at]) => `"${key}" (line ${count(at)})`);
    const one = found.size === 1;
    return (
      `The file has a field named ${keys.join(", ")}. AGAP never writes a field of ${one ? "that name" : "those names"}, ` +
      `and a file uses ${one ? "it" : "them"} to reach into the objects a program builds from it, so the file is not ` +
      "read. Nothing was imported."
    );
  }
  return null;
}

/**
 * Reads a backup file's text: the shape first (a refusal names what is wrong and changes
 * nothing), then every record, each checked as the stores check it before saving. Records that
 * fail are listed with the reason; a record whose key repeats an earlier one in the file is too.
 * A file nested deeper than the import limit, or with a field named "__proto__", "constructor"
 * or "prototype", is refused before it is parsed (jsonShapeProblem); fields are only ever read
 * as the file's own besides.
 */
export function parseBackup(fileText: string): BackupRead {
  const body = fileText.charCodeAt(0) === 0xfeff ? fileText.slice(1) : fileText;
  const shape = jsonShapeProblem(body);
  if (shape) return { ok: false, problem: shape };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return {
      ok: false,
      problem: `The file is not valid JSON, so it is not an AGAP backup (${(error as Error).message}). Nothing was imported.`,
    };
  }
  if (!isObject(parsed)) {
    return {
      ok: false,
      problem: `The file holds JSON, but not an AGAP backup: a backup is an object with "format": "${BACKUP_FORMAT}". Nothing was imported.`,
    };
  }
  const format = own(parsed, "format");
  if (format !== BACKUP_FORMAT && format !== RESPONSES_EXPORT_FORMAT) {
    return {
      ok: false,
      problem: `The file is not an AGAP backup: its "format" is ${shown(format)}, where a backup has "${BACKUP_FORMAT}". Nothing was imported.`,
    };
  }
  const version = own(parsed, "version");
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      problem: `The file's "version" is ${shown(version)}, not a format version (a whole number from 1). Nothing was imported.`,
    };
  }
  if (version > BACKUP_VERSION) {
    return {
      ok: false,
      problem:
        `This file was made by a newer version of AGAP (format version ${version}; this version reads version ` +
        `${BACKUP_VERSION}). Update AGAP to import it. Nothing was imported.`,
    };
  }
  const source = format === BACKUP_FORMAT ? "backup" : "responses";
  const kinds: readonly RecordKind[] = source === "backup" ? RECORD_KINDS : ["response"];
  const records: BackupRecords = { responses: [], scenarios: [], roi: [], maturity: [], roadmaps: [] };
  const rejected: Rejected[] = [];
  for (const kind of kinds) {
    const list = own(parsed, LIST_OF[kind]);
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      return {
        ok: false,
        problem: `The backup's "${LIST_OF[kind]}" is ${shown(list)}, not a list of records. Nothing was imported.`,
      };
    }
    const seen = new Map<string, number>();
    for (let i = 0; i < list.length; i++) {
      const raw: unknown = list[i];
      const index = i + 1;
      const refuse = (reason: string) => rejected.push({ kind, index, label: rawLabel(kind, raw, index), reason });
      if (!isObject(raw)) {
        refuse(`it is ${shown(raw)}, not a record`);
        continue;
      }
      let record: KindRecord[typeof kind];
      let refusedTasks: string[] = [];
      try {
        if (kind === "roadmap") ({ record, refusedTasks } = readRoadmap(raw));
        else record = READERS[kind](raw);
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        refuse(error.message);
        continue;
      }
      const key = keyOf(kind, record);
      const first = seen.get(key);
      if (first !== undefined) {
        const what = kind === "maturity" ? "workflow" : kind === "roadmap" ? "workflow and start date" : "id";
        refuse(`its ${what} repeats ${KIND_NAMES[kind][0]} ${first} of the file`);
        continue;
      }
      seen.set(key, index);
      const label = labelOf(kind, record);
      for (const task of refusedTasks) {
        rejected.push({ kind, index, label, reason: `${task}; the roadmap's other tasks are imported` });
      }
      (records[LIST_OF[kind]] as KindRecord[typeof kind][]).push(record);
    }
  }
  return { ok: true, records, rejected, source };
}

// ---------------------------------------------------------------------------------------------
// Merging
// ---------------------------------------------------------------------------------------------

/** One record of the file, set against the record with the same key here ("mine"), if any. */
export type MergeEntry = {
  [K in RecordKind]: {
    kind: K;
    key: string;
    label: string;
    theirs: KindRecord[K];
    mine: KindRecord[K] | null;
    /** What differs, one line each; empty when the two are the same. */
    changes: string[];
  };
}[RecordKind];

export interface MergePlan {
  /** Records with a key not here yet. */
  additions: MergeEntry[];
  /** Same key, different content: the user chooses. */
  conflicts: MergeEntry[];
  /** Same key, same content: nothing to do. */
  unchanged: MergeEntry[];
  rejected: Rejected[];
}

/** What this pane holds now, as the stores give it. */
export interface MineRecords {
  responses: readonly AssessmentResponse[];
  planning: Pick<PlanningData, "scenarios" | "roi" | "maturity" | "roadmaps">;
}

const blank = (value: unknown) => value === undefined || value === null || value === "";
const say = (value: unknown) =>
  blank(value) ? "blank" : typeof value === "string" ? `“${value}”` : String(value as number);

/** "Respondent: mine “Ana”, theirs “Ana B.”", or null when the same. */
function change(what: string, mine: unknown, theirs: unknown): string | null {
  if ((blank(mine) && blank(theirs)) || mine === theirs) return null;
  return `${what}: mine ${say(mine)}, theirs ${say(theirs)}`;
}

const compact = (lines: (string | null)[]) => lines.filter((line): line is string => line !== null);

function responseChanges(mine: AssessmentResponse, theirs: AssessmentResponse): string[] {
  return compact([
    change("Workflow", mine.workflow, theirs.workflow),
    change("Respondent", mine.respondent, theirs.respondent),
    change("Date", mine.date, theirs.date),
    ...STATEMENTS.map((statement, i) =>
      change(ANSWER_COLUMNS[i].header, mine.answers[statement.id], theirs.answers[statement.id]),
    ),
  ]);
}

function scenarioChanges(mine: Scenario, theirs: Scenario): string[] {
  return compact([
    change("Name", mine.name, theirs.name),
    change("Workflow", mine.workflow, theirs.workflow),
    change("Started from", mine.baseLabel, theirs.baseLabel),
    ...LAYERS.map((layer, k) => change(`${layer.short} score`, mine.scores[k], theirs.scores[k])),
    ...LAYERS.map((layer, k) => change(`Base ${layer.short} score`, mine.baseScores[k], theirs.baseScores[k])),
  ]);
}

function roiChanges(mine: RoiEntry, theirs: RoiEntry): string[] {
  const keys = [...ROI_TEXT_FIELDS, "direction", ...ROI_DATE_FIELDS, ...ROI_NUMBER_FIELDS] as const;
  return compact(
    keys.map((key) => {
      const header = ROI.columns.find((column) => column.key === key)!.header;
      return change(header, mine[key], theirs[key]);
    }),
  );
}

const taskText = (taskId: string) => ROADMAP_TASKS.find((task) => task.id === taskId)?.text ?? taskId;

/** The file's tasks that differ from mine (a task mine lacks counts as different). */
function differingTasks(mine: RoadmapRecord, theirs: RoadmapRecord): RoadmapTaskRecord[] {
  return theirs.tasks.filter((task) => {
    const own = mine.tasks.find((t) => t.id === task.id);
    return (
      !own || (own.owner ?? "") !== task.owner || own.status !== task.status || (own.doneDate ?? "") !== task.doneDate
    );
  });
}

function roadmapChanges(mine: RoadmapRecord, theirs: RoadmapRecord): string[] {
  return differingTasks(mine, theirs).map((task) => {
    const own = mine.tasks.find((t) => t.id === task.id);
    const parts = compact([
      change("owner", own?.owner, task.owner),
      change("status", own?.status, task.status),
      change("done date", own?.doneDate, task.doneDate),
    ]);
    return `“${taskText(task.id)}”: ${parts.join("; ")}`;
  });
}

/** What differs between two records of a kind, one line each; empty when they are the same. */
export function recordChanges<K extends RecordKind>(kind: K, mine: KindRecord[K], theirs: KindRecord[K]): string[] {
  const entry = { kind: kind as RecordKind, mine: mine as unknown, theirs: theirs as unknown };
  switch (entry.kind) {
    case "response":
      return responseChanges(entry.mine as AssessmentResponse, entry.theirs as AssessmentResponse);
    case "scenario":
      return scenarioChanges(entry.mine as Scenario, entry.theirs as Scenario);
    case "roi":
      return roiChanges(entry.mine as RoiEntry, entry.theirs as RoiEntry);
    case "maturity": {
      const [mine, theirs] = [entry.mine as MaturityRecord, entry.theirs as MaturityRecord];
      return compact([change("Stage", mine.stage, theirs.stage), change("Target stage", mine.target, theirs.target)]);
    }
    default:
      return roadmapChanges(entry.mine as RoadmapRecord, entry.theirs as RoadmapRecord);
  }
}

/**
 * Sets each record of the file against the one here with the same key: new, unchanged or in
 * conflict (with what differs). Nothing is written.
 */
export function planMerge(records: BackupRecords, mine: MineRecords, rejected: readonly Rejected[] = []): MergePlan {
  const plan: MergePlan = { additions: [], conflicts: [], unchanged: [], rejected: [...rejected] };
  const mineLists: { [K in RecordKind]: readonly KindRecord[K][] } = {
    response: mine.responses,
    scenario: mine.planning.scenarios,
    roi: mine.planning.roi,
    maturity: mine.planning.maturity,
    roadmap: mine.planning.roadmaps,
  };
  for (const kind of RECORD_KINDS) {
    const here = new Map<string, unknown>();
    // The first of equal keys wins, as a store finds it.
    for (const record of mineLists[kind]) {
      const key = keyOf(kind, record);
      if (!here.has(key)) here.set(key, record);
    }
    for (const theirs of records[LIST_OF[kind]] as KindRecord[typeof kind][]) {
      const key = keyOf(kind, theirs);
      const found = here.get(key) ?? null;
      const entry = { kind, key, label: labelOf(kind, theirs), theirs, mine: found, changes: [] } as MergeEntry;
      if (found === null) plan.additions.push(entry);
      else {
        entry.changes = recordChanges(kind, found as KindRecord[typeof kind], theirs);
        (entry.changes.length === 0 ? plan.unchanged : plan.conflicts).push(entry);
      }
    }
  }
  return plan;
}

/** A conflict's identity for the user's choice. */
export const entryId = (entry: Pick<MergeEntry, "kind" | "key">) => `${entry.kind}:${entry.key}`;

export type Choice = "mine" | "theirs";

export interface ImportStores {
  assessments: AssessmentStore;
  planning: PlanningStore;
}

export interface ImportOutcome {
  added: MergeEntry[];
  replaced: MergeEntry[];
  /** Conflicts where mine was kept. */
  kept: MergeEntry[];
  failed: { entry: MergeEntry; reason: string }[];
}

const isDefaultTask = (task: RoadmapTaskRecord) => task.owner === "" && task.status === "Not started" && !task.doneDate;

/** Writes one record through the stores. */
async function write(entry: MergeEntry, stores: ImportStores): Promise<void> {
  switch (entry.kind) {
    case "response":
      return stores.assessments.saveResponse(entry.theirs);
    case "scenario":
      return stores.planning.saveScenario(entry.theirs);
    case "roi":
      return stores.planning.saveRoi(entry.theirs);
    case "maturity":
      return stores.planning.saveMaturity(entry.theirs);
    case "roadmap": {
      if (entry.mine) {
        return stores.planning.saveRoadmapTasks(entry.mine.sheetName, differingTasks(entry.mine, entry.theirs));
      }
      const name = await stores.planning.createRoadmap(entry.theirs.workflow, entry.theirs.startDate);
      const filled = entry.theirs.tasks.filter((task) => !isDefaultTask(task));
      if (filled.length === 0) return;
      try {
        await stores.planning.saveRoadmapTasks(name, filled);
      } catch (error) {
        throw new Error(
          `The roadmap was created as "${name}", but its task owners and statuses were not saved: ${(error as Error).message}`,
        );
      }
    }
  }
}

/**
 * Writes the plan: every addition, and each conflict the user chose "theirs" for, in the order
 * responses, scenarios, ROI rows, maturity, roadmaps (the workbook's ROI and portfolio formulas
 * read the assessments). A failed write is listed and the rest go on.
 */
export async function applyMerge(
  plan: MergePlan,
  choose: (entry: MergeEntry) => Choice,
  stores: ImportStores,
  progress?: (done: number, total: number) => void,
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { added: [], replaced: [], kept: [], failed: [] };
  const writes: { entry: MergeEntry; added: boolean }[] = [];
  for (const kind of RECORD_KINDS) {
    for (const entry of plan.additions) if (entry.kind === kind) writes.push({ entry, added: true });
    for (const entry of plan.conflicts) {
      if (entry.kind !== kind) continue;
      if (choose(entry) === "theirs") writes.push({ entry, added: false });
      else outcome.kept.push(entry);
    }
  }
  for (let i = 0; i < writes.length; i++) {
    progress?.(i, writes.length);
    const { entry, added } = writes[i];
    try {
      await write(entry, stores);
      (added ? outcome.added : outcome.replaced).push(entry);
    } catch (error) {
      outcome.failed.push({ entry, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  progress?.(writes.length, writes.length);
  return outcome;
}

/** Counts of entries by kind, as "2 responses, 1 scenario"; "" when none. */
export function countsOf(entries: readonly { kind: RecordKind }[]): string {
  return RECORD_KINDS.map((kind) => ({ kind, n: entries.filter((entry) => entry.kind === kind).length }))
    .filter(({ n }) => n > 0)
    .map(({ kind, n }) => countOf(kind, n))
    .join(", ");
}
