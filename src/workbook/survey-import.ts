// Responses from survey tools (Microsoft Forms, Google Forms, a spreadsheet typed by hand): one
// row per respondent, read from a grid of cells. Columns are matched to the 15 statements (by
// statement number, id or text), to the respondent, the date and the workflow; the user can change
// every match. Each row becomes a response, or is refused with every reason it has. Text from the
// file stays text. Pure: no DOM here. Rows saved into an anonymous round lose their names at the
// store's door (guardAnonymity in team-settings.ts), whichever path saves them.
import {
  ANSWER_MAX,
  ANSWER_MIN,
  STATEMENTS,
  isAnswer,
  isRespondentLabel,
  parseIsoDate,
  type AssessmentResponse,
} from "../model";
import { recordChanges } from "./backup";
import { ANSWER_COLUMNS, ASSESSMENTS } from "./sheets/assessments";
import { serialToDate } from "./sheets/cells";
import { columnLetter, recordProblem } from "./sheets/spec";
import type { AssessmentStore } from "./store";

/** One cell as a file gives it: text, a number (from .xlsx), or nothing. */
export type SurveyCell = string | number | null;
export type SurveyGrid = readonly (readonly SurveyCell[])[];

/** A column of the file, as the user sees it in the mapping. */
export interface SurveyColumn {
  /** Zero-based position. */
  index: number;
  /** Spreadsheet letter: A, B, … */
  letter: string;
  /** The text in the header row; "" when that cell is empty. */
  header: string;
}

export type WorkflowSource = { kind: "column"; column: number } | { kind: "fixed"; name: string };
/** The date of every row from a column, or one date for the whole file ("" saves them undated). */
export type DateSource = { kind: "column"; column: number } | { kind: "fixed"; date: string };
/** How a date such as 3/2/2026 reads: month first (2 March) or day first (3 February). */
export type DateOrder = "mdy" | "dmy";

export interface SurveyMapping {
  /** Zero-based row of the grid that holds the column names; data starts below it. */
  headerRow: number;
  /** The column of each statement, in statement order; null when the file has none. */
  statements: (number | null)[];
  respondent: number | null;
  workflow: WorkflowSource;
  date: DateSource;
  dateOrder: DateOrder;
}

/** A row that becomes a response; `row` is the file's row number (1-based). */
export interface SurveyRow {
  row: number;
  response: AssessmentResponse;
}

/** A row that does not, with every reason. */
export interface RefusedRow {
  row: number;
  reasons: string[];
}

export interface SurveyRead {
  rows: SurveyRow[];
  rejected: RefusedRow[];
  /** The distinct dates of the rows read, sorted; each date is a round of its own. */
  dates: string[];
}

type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

// ---------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------

// Control characters never belong in a name; tabs and line breaks inside a cell become spaces.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]+/g;

/**
 * A cell as text: trimmed, control characters and line breaks turned into spaces. Never markup,
 * never a formula: the stores keep it as text.
 *
 * @example
 * cellText("  Ana\r\nB. ") //=> "Ana B."
 */
export function cellText(cell: SurveyCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  return String(cell).replace(CONTROL, " ").replace(/\s+/g, " ").trim();
}

const isBlankCell = (cell: SurveyCell | undefined) => cellText(cell) === "";

/** How a value appears in a message: quoted text, at most 40 characters. */
function quote(cell: SurveyCell): string {
  const text = cellText(cell);
  return `“${text.length > 40 ? `${text.slice(0, 39)}…` : text}”`;
}

/** Lowercase words and digits only, accents dropped: for comparing headers. */
export function normalHeader(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const SCALE_LABELS: readonly [string, number][] = [
  ["strongly disagree", ANSWER_MIN],
  ["strongly agree", ANSWER_MAX],
];
const RANGE = `${ANSWER_MIN} to ${ANSWER_MAX}`;

function numberAnswer(value: number, shown: string): Read<number> {
  if (isAnswer(value)) return { ok: true, value };
  if (!Number.isFinite(value)) return { ok: false, problem: `${shown} is not an answer from ${RANGE}` };
  if (!Number.isInteger(value)) return { ok: false, problem: `${shown} is not a whole answer from ${RANGE}` };
  return { ok: false, problem: `${shown} is outside ${RANGE}` };
}

/**
 * One answer: a whole number from 0 to 5, or the scale's end labels ("strongly disagree" is 0,
 * "strongly agree" 5), alone or with their number ("0 · strongly disagree", "5 - Strongly agree").
 * A choice that starts with its number ("4 – agree") is that number. Blank is unanswered (null).
 *
 * @example
 * parseAnswer("5 · strongly agree") //=> { ok: true, value: 5 }
 * parseAnswer("6") //=> { ok: false, problem: "“6” is outside 0 to 5" }
 * parseAnswer("Agree") //=> { ok: false, problem: "“Agree” is text, not an answer from 0 to 5" }
 */
export function parseAnswer(cell: SurveyCell): Read<number | null> {
  if (isBlankCell(cell)) return { ok: true, value: null };
  if (typeof cell === "number") return numberAnswer(cell, String(cell));
  const text = cellText(cell);
  if (/^[+-]?\d+(?:[.,]\d+)?$/.test(text)) return numberAnswer(Number(text.replace(",", ".")), quote(text));
  const words = text
    .toLowerCase()
    .replace(/[·•\-–—:=()[\]|/,.]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  for (const [label, value] of SCALE_LABELS) {
    const match = new RegExp(`^(?:(\\d+) )?${label}(?: (\\d+))?$`).exec(words);
    if (!match) continue;
    const stated = match[1] ?? match[2];
    if (stated !== undefined && Number(stated) !== value) {
      return { ok: false, problem: `${quote(text)} says both ${stated} and “${label}” (${value})` };
    }
    return { ok: true, value };
  }
  const numbered = /^(\d+)\s*[-–—·•:=.)]\s*\S/.exec(text);
  if (numbered) return numberAnswer(Number(numbered[1]), quote(text));
  return { ok: false, problem: `${quote(text)} is text, not an answer from ${RANGE}` };
}

const SLASHED = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?=$|[\s,T])/;

/**
 * The order of slashed dates in a column: day first when some first part is over 12, month
 * first when some second part is; null when no date tells.
 *
 * @example
 * detectDateOrder(["3/2/2026", "25/2/2026"]) //=> "dmy"
 */
export function detectDateOrder(cells: readonly SurveyCell[]): DateOrder | null {
  for (const cell of cells) {
    const match = SLASHED.exec(cellText(cell));
    if (!match) continue;
    if (Number(match[1]) > 12) return "dmy";
    if (Number(match[3]) > 12) return "mdy";
  }
  return null;
}

/** The order a column's dates most likely follow: detected, else day first for dotted dates, else month first. */
function likelyOrder(cells: readonly SurveyCell[]): DateOrder {
  return (
    detectDateOrder(cells) ?? (cells.some((cell) => /^\d{1,2}\.\d{1,2}\.\d{2,4}/.test(cellText(cell))) ? "dmy" : "mdy")
  );
}

function isoOf(year: number, month: number, day: number): string | null {
  const iso = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return parseIsoDate(iso) === null ? null : iso;
}

/**
 * A date cell as an ISO date; the time of day, if any, is dropped. Reads 2026-03-02, 2026/03/02
 * (Google Forms), 3/2/2026 or 02.03.2026 (in the given order), 2-digit years as 20xx, Excel date
 * serials, and .xlsx dates (given as "2026-03-02 14:05:00"). Blank is "" (undated).
 *
 * @example
 * parseSurveyDate("2026/03/02 2:05:31 PM GMT+1", "mdy") //=> { ok: true, value: "2026-03-02" }
 * parseSurveyDate("3/2/26 14:05", "dmy") //=> { ok: true, value: "2026-02-03" }
 */
export function parseSurveyDate(cell: SurveyCell, order: DateOrder): Read<string> {
  if (isBlankCell(cell)) return { ok: true, value: "" };
  const notDate: Read<string> = {
    ok: false,
    problem: `${quote(cell)} is not a date AGAP can read (such as 2026-03-02, 3/2/2026 or 2026/03/02)`,
  };
  if (typeof cell === "number") {
    // Excel date serials from 1927 to 2173; a small number is an answer typed in the wrong column.
    if (cell >= 10_000 && cell < 100_000) return { ok: true, value: serialToDate(Math.floor(cell)) };
    return notDate;
  }
  const text = cellText(cell);
  let iso: string | null = null;
  const yearFirst = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?=$|[\sT,])/.exec(text);
  const slashed = SLASHED.exec(text);
  if (yearFirst) iso = isoOf(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]));
  else if (slashed) {
    const [first, second] = [Number(slashed[1]), Number(slashed[3])];
    const year = slashed[4].length === 2 ? 2000 + Number(slashed[4]) : Number(slashed[4]);
    iso = order === "mdy" ? isoOf(year, first, second) : isoOf(year, second, first);
  }
  return iso === null ? notDate : { ok: true, value: iso };
}

// ---------------------------------------------------------------------------------------------
// Columns
// ---------------------------------------------------------------------------------------------

/** The columns of the grid with their names in the header row. */
export function columnsOf(grid: SurveyGrid, headerRow: number): SurveyColumn[] {
  const width = grid.reduce((most, row) => Math.max(most, row.length), 0);
  return Array.from({ length: width }, (_, index) => ({
    index,
    letter: columnLetter(index),
    header: cellText(grid[headerRow]?.[index]),
  }));
}

const STATEMENT_KEYS = STATEMENTS.map((statement, i) => ({
  id: normalHeader(statement.id),
  column: normalHeader(ANSWER_COLUMNS[i].header),
  text: normalHeader(statement.text),
  // A form written from an earlier wording matches as well as one written from today's.
  formerTexts: (statement.formerTexts ?? []).map(normalHeader),
  words: new Set(
    normalHeader(statement.text)
      .split(" ")
      .filter((word) => word.length > 2),
  ),
}));

/**
 * How well a header names a statement, 0 when it does not: its id or AGAP's column name
 * ("Strategy 1") 100; the statement's text within it 90 (numbering or a grid question's name
 * around it); a header cut short that starts the text 80; nearly the same words 60–70; a bare
 * statement number ("Q3", "3.") 50, or a bare one ("3") where `bareNumbers` allows it.
 */
function statementScore(header: string, k: number, bareNumbers: boolean): number {
  const h = normalHeader(header);
  if (!h) return 0;
  const key = STATEMENT_KEYS[k];
  if (h === key.id || h === key.column) return 100;
  if (h.includes(key.text) || key.formerTexts.some((text) => h.includes(text))) return 90;
  if (h.length >= 25 && [key.text, ...key.formerTexts].some((text) => text.startsWith(h))) return 80;
  const words = h.split(" ").filter((word) => word.length > 2);
  if (words.length > 0 && key.words.size > 0) {
    const found = [...key.words].filter((word) => words.includes(word)).length / key.words.size;
    const relevant = words.filter((word) => key.words.has(word)).length / words.length;
    if (found >= 0.8 && relevant >= 0.5) return 60 + 10 * found;
  }
  const number = /^(q|question|statement|s|item|no)?\s*(\d{1,2})$/.exec(h);
  if (number && Number(number[2]) === k + 1 && (number[1] !== undefined || bareNumbers || /\.\s*$/.test(header))) {
    return 50;
  }
  return 0;
}

/**
 * Headers that name the workflow, the respondent and the date: exact names in the order
 * preferred, then any header holding one of the words.
 */
const ROLE_HEADERS: Record<"workflow" | "respondent" | "date", { names: readonly string[]; words: RegExp }> = {
  workflow: { names: ["workflow", "workflow name", "agent workflow", "process", "agent"], words: /\bworkflow\b/ },
  respondent: {
    names: ["respondent", "name", "full name", "your name", "respondent name", "email", "email address", "e mail"],
    words: /\b(?:name|email|respondent)\b/,
  },
  date: {
    names: [
      "date",
      "assessment date",
      "completion time",
      "timestamp",
      "end time",
      "submitted",
      "submitted at",
      "submission date",
      "date submitted",
      "start time",
    ],
    words: /\b(?:date|timestamp|submitted)\b/,
  },
};

function roleColumn(
  columns: readonly SurveyColumn[],
  role: (typeof ROLE_HEADERS)[keyof typeof ROLE_HEADERS],
  taken: ReadonlySet<number>,
): number | null {
  const free = columns.filter((column) => !taken.has(column.index));
  for (const name of role.names) {
    const found = free.find((column) => normalHeader(column.header) === name);
    if (found) return found.index;
  }
  return free.find((column) => role.words.test(normalHeader(column.header)))?.index ?? null;
}

/** The statement each column names best, each statement and column used once. */
function matchStatements(columns: readonly SurveyColumn[], bareNumbers = true): (number | null)[] {
  const pairs: { k: number; column: number; score: number }[] = [];
  for (const column of columns) {
    for (let k = 0; k < STATEMENTS.length; k++) {
      const score = statementScore(column.header, k, bareNumbers);
      if (score > 0) pairs.push({ k, column: column.index, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.column - b.column);
  const statements: (number | null)[] = STATEMENTS.map(() => null);
  const used = new Set<number>();
  for (const pair of pairs) {
    if (statements[pair.k] !== null || used.has(pair.column)) continue;
    statements[pair.k] = pair.column;
    used.add(pair.column);
  }
  return statements;
}

/** How much a row looks like the header row: statements it names count most. */
function headerScore(row: readonly SurveyCell[], bareNumbers: boolean): number {
  const columns = row.map((cell, index) => ({ index, letter: "", header: cellText(cell) }));
  const statements = matchStatements(columns, bareNumbers).filter((column) => column !== null).length;
  const roles = Object.values(ROLE_HEADERS).filter((role) => roleColumn(columns, role, new Set()) !== null).length;
  return statements * 3 + roles;
}

/**
 * The row holding the column names: among the first 20, the one naming the most statements and
 * roles; when none names any, the first row with as many filled cells as any. A bare number
 * ("3") names a statement only up to that first full row: below it, "1, 2, 4" is a row of answers.
 *
 * @example
 * findHeaderRow([["Survey export"], [], ["Timestamp", "We can state, in money…", …], …]) //=> 2
 */
export function findHeaderRow(grid: SurveyGrid): number {
  const top = grid.slice(0, 20);
  const filled = top.map((row) => row.filter((cell) => !isBlankCell(cell)).length);
  const firstFull = Math.max(0, filled.indexOf(Math.max(0, ...filled)));
  let best = { row: -1, score: 0 };
  top.forEach((row, r) => {
    const score = headerScore(row, r <= firstFull);
    if (score > best.score) best = { row: r, score };
  });
  return best.row >= 0 ? best.row : firstFull;
}

/**
 * The mapping AGAP proposes for a file: the header row (found, or as given), statements matched
 * to columns, the respondent, workflow and date columns where the headers name them, and the
 * date order the date column shows. Without a workflow column, one workflow for the whole file is
 * asked for; without a date column, one date.
 */
export function guessMapping(grid: SurveyGrid, headerRow: number = findHeaderRow(grid)): SurveyMapping {
  const columns = columnsOf(grid, headerRow);
  const statements = matchStatements(columns);
  const taken = new Set(statements.filter((column): column is number => column !== null));
  const pick = (role: (typeof ROLE_HEADERS)[keyof typeof ROLE_HEADERS]) => {
    const found = roleColumn(columns, role, taken);
    if (found !== null) taken.add(found);
    return found;
  };
  const workflow = pick(ROLE_HEADERS.workflow);
  const date = pick(ROLE_HEADERS.date);
  const respondent = pick(ROLE_HEADERS.respondent);
  const dateCells = date === null ? [] : grid.slice(headerRow + 1).map((row) => row[date] ?? null);
  return {
    headerRow,
    statements,
    respondent,
    workflow: workflow === null ? { kind: "fixed", name: "" } : { kind: "column", column: workflow },
    date: date === null ? { kind: "fixed", date: "" } : { kind: "column", column: date },
    dateOrder: likelyOrder(dateCells),
  };
}

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------

/** A 53-bit hash of a text (cyrb53), for ids that stay the same when the same row comes again. */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The id of a response read from a file row: the same row (every cell, timestamps included)
 * imported into the same workflow gets the same id, so importing a file again adds nothing.
 */
export function surveyResponseId(workflow: string, cells: readonly SurveyCell[]): string {
  const text = JSON.stringify([workflow, cells.map((cell) => (cell === null ? "" : String(cell)))]);
  return `survey-${hash53(text, 1).toString(36)}-${hash53(text, 2).toString(36)}`;
}

const at = (letter: string) => `column ${letter}`;

/** Every row below the header as a response, or refused with every reason. Blank rows are passed over. */
export function readSurvey(grid: SurveyGrid, mapping: SurveyMapping): SurveyRead {
  const result: SurveyRead = { rows: [], rejected: [], dates: [] };
  const seen = new Map<string, number>();
  const mapped = mapping.statements.some((column) => column !== null);
  for (let r = mapping.headerRow + 1; r < grid.length; r++) {
    const cells = grid[r];
    if (cells.every(isBlankCell)) continue;
    const row = r + 1;
    const reasons: string[] = [];

    let workflow: string;
    if (mapping.workflow.kind === "column") {
      workflow = cellText(cells[mapping.workflow.column]);
      if (!workflow) reasons.push(`the workflow (${at(columnLetter(mapping.workflow.column))}) is empty`);
    } else {
      workflow = cellText(mapping.workflow.name);
      if (!workflow) reasons.push("no workflow: choose the workflow column, or type one workflow for the whole file");
    }

    let date = "";
    if (mapping.date.kind === "column") {
      const read = parseSurveyDate(cells[mapping.date.column] ?? null, mapping.dateOrder);
      if (read.ok) date = read.value;
      else reasons.push(`the date (${at(columnLetter(mapping.date.column))}): ${read.problem}`);
    } else {
      date = mapping.date.date.trim();
      if (date && parseIsoDate(date) === null) reasons.push(`the date for the whole file, “${date}”, is not a date`);
    }

    const answers: Record<string, number> = {};
    mapping.statements.forEach((column, k) => {
      if (column === null) return;
      const read = parseAnswer(cells[column] ?? null);
      if (!read.ok) reasons.push(`${ANSWER_COLUMNS[k].header} (${at(columnLetter(column))}): ${read.problem}`);
      else if (read.value !== null) answers[STATEMENTS[k].id] = read.value;
    });
    if (!mapped) reasons.push("no column is matched to a statement");
    else if (reasons.length === 0 && Object.keys(answers).length === 0) {
      reasons.push("it answers no statement: every answer cell is empty");
    }

    const response: AssessmentResponse = {
      id: surveyResponseId(workflow, cells),
      workflow,
      respondent: mapping.respondent === null ? "" : cellText(cells[mapping.respondent]),
      date,
      answers,
    };
    if (reasons.length === 0) {
      const problem = recordProblem(ASSESSMENTS, response);
      if (problem) reasons.push(problem.replace(/^Not saved to [^:]+: /, "").replace(/\.$/, ""));
    }
    const first = seen.get(response.id);
    if (reasons.length === 0 && first !== undefined) reasons.push(`it repeats row ${first} exactly`);
    if (reasons.length > 0) {
      result.rejected.push({ row, reasons });
      continue;
    }
    seen.set(response.id, row);
    result.rows.push({ row, response });
  }
  result.dates = [...new Set(result.rows.map((r) => r.response.date))].sort();
  return result;
}

/** The rows to save, and those already saved by an earlier import (as they are, or changed since). */
export interface SurveyPlan {
  save: SurveyRow[];
  already: SurveyRow[];
  changedSince: SurveyRow[];
}

/**
 * Sets the rows against the saved responses: a row imported before is not saved again. A row
 * imported into an anonymous round was saved under a label instead of the file's name; the
 * label is not a change (the id comes from the file's row, so it is that row).
 */
export function planSurvey(rows: readonly SurveyRow[], saved: readonly AssessmentResponse[]): SurveyPlan {
  const byId = new Map(saved.map((response) => [response.id, response]));
  const plan: SurveyPlan = { save: [], already: [], changedSince: [] };
  for (const row of rows) {
    const mine = byId.get(row.response.id);
    const theirs =
      mine && isRespondentLabel(mine.respondent) ? { ...row.response, respondent: mine.respondent } : row.response;
    if (!mine) plan.save.push(row);
    else if (recordChanges("response", mine, theirs).length === 0) plan.already.push(row);
    else plan.changedSince.push(row);
  }
  return plan;
}

export interface SurveyOutcome {
  saved: SurveyRow[];
  failed: { row: number; reason: string }[];
}

/** Saves the rows one by one through the store; a failed save is listed and the rest go on. */
export async function saveSurveyRows(
  rows: readonly SurveyRow[],
  store: AssessmentStore,
  progress?: (done: number, total: number) => void,
): Promise<SurveyOutcome> {
  const outcome: SurveyOutcome = { saved: [], failed: [] };
  for (let i = 0; i < rows.length; i++) {
    progress?.(i, rows.length);
    try {
      await store.saveResponse(rows[i].response);
      outcome.saved.push(rows[i]);
    } catch (error) {
      outcome.failed.push({ row: rows[i].row, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  progress?.(rows.length, rows.length);
  return outcome;
}
