// The one module that reads and checks custom-function arguments. Each adapter (Excel, the
// formula engine in tests) hands raw values here; the limits of each kind are declared as data.
import { LAYERS, LAYER_COUNT } from "../model/layers";
import { STATEMENTS_PER_LAYER, STATEMENT_COUNT } from "../model/assessment";
import { stageIndexOf } from "../model/curve";
import { layerIndexOf } from "../model/layers";
import { thresholdProblem } from "../model/bands";
import { DIRECTIONS, type Direction } from "../model/roi";
import { LIMITS, withinLimit, type Limit } from "../model/limits";
import { allowed, messages } from "./messages";
import { FormulaError, asFormulaError } from "./values";

/** Limits of one kind of number: the model's, so that the functions, the pane and the tables agree. */
export type NumberSpec = Limit;

/** The limits each kind of argument is read with, every one taken from LIMITS. */
export const SPEC = {
  score: LIMITS.score,
  // Formulas take fractional answers: a team's mean answers, or a mean of 2.5 for a score of 0.5.
  answer: LIMITS.meanAnswer,
  gap: LIMITS.gap,
  delta: LIMITS.delta,
  target: LIMITS.target,
  money: LIMITS.money,
  number: LIMITS.number,
  periods: LIMITS.periods,
  threshold: LIMITS.threshold,
} satisfies Record<string, NumberSpec>;

/** How a row of values (a profile of scores, or a set of answers) is laid out. */
export interface RowLayout {
  /** Values per row: 5 scores, 3 answers of a layer, 15 answers. */
  width: number;
  spec: NumberSpec;
  /** Names position i of a row in messages. */
  where: (position: number) => string;
  /** Wording of the expected shape. */
  expected: string;
}

export const LAYOUT = {
  scores: {
    width: LAYER_COUNT,
    spec: SPEC.score,
    where: (i: number) => `${LAYERS[i].name} (score ${i + 1})`,
    expected: "5 scores in one row or column, or one row of 5 per profile",
  },
  layerAnswers: {
    width: STATEMENTS_PER_LAYER,
    spec: SPEC.answer,
    where: (i: number) => `answer ${i + 1}`,
    expected: "the 3 answers of a layer in one row or column, or one row of 3 per layer",
  },
  allAnswers: {
    width: STATEMENT_COUNT,
    spec: SPEC.answer,
    where: (i: number) => `answer ${i + 1} (${LAYERS[Math.floor(i / STATEMENTS_PER_LAYER)].short})`,
    expected: "15 answers in one row or column, or one row of 15 per respondent",
  },
} satisfies Record<string, RowLayout>;

/** A grid as the argument module sees it: rows of raw cell values. */
type RawGrid = readonly (readonly unknown[])[];

/** Lays a raw argument out as a grid: a scalar becomes 1 × 1, a missing argument a blank cell. */
export function toGrid(value: unknown): RawGrid {
  if (Array.isArray(value)) return Array.isArray(value[0]) || value.length === 0 ? (value as RawGrid) : [value];
  return [[value === undefined ? null : value]];
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/**
 * Reads one cell as a number within its limits. Error values pass through with their code;
 * a blank gives #N/A, text and booleans #VALUE!, numbers outside the limits #VALUE!.
 */
export function readNumber(
  value: unknown,
  arg: string,
  spec: NumberSpec,
  where: string = "the value",
  row?: number,
): number | FormulaError {
  if (typeof value === "number") {
    if (withinLimit(spec, value)) return value;
    if (!Number.isFinite(value)) return new FormulaError("#NUM!", messages.notFinite(arg, where, row));
    return new FormulaError("#VALUE!", messages.outOfRange(arg, where, value, spec.allowed, row));
  }
  if (isBlank(value)) return new FormulaError("#N/A", messages.blank(arg, where, spec.allowed, row));
  if (typeof value === "string")
    return new FormulaError("#VALUE!", messages.text(arg, where, value, spec.allowed, row));
  if (typeof value === "boolean")
    return new FormulaError("#VALUE!", messages.boolean(arg, where, value, spec.allowed, row));
  const error = asFormulaError(value);
  if (error) return new FormulaError(error.code, error.message ?? messages.upstreamError(arg, where, error.code, row));
  return new FormulaError("#VALUE!", messages.text(arg, where, String(value), spec.allowed, row));
}

/** Rows read from a range, with their layout so that results can follow the input's orientation. */
export interface Rows<T> {
  orientation: "row" | "column" | "rows";
  /** One entry per row: the value computed from it, or that row's error. */
  results: (T | FormulaError)[];
}

/**
 * Reads a range of rows of numbers (1 × w, w × 1, or N × w) and maps each valid row through
 * `compute`. A bad cell gives an error for its row only; a wrong shape, an empty range or an
 * all-blank range gives one error for the whole argument.
 */
export function mapRows<T>(
  value: unknown,
  arg: string,
  layout: RowLayout,
  compute: (row: number[]) => T,
): Rows<T> | FormulaError {
  const grid = toGrid(value);
  const rows = grid.length;
  const columns = rows === 0 ? 0 : grid[0].length;
  if (rows === 0 || columns === 0) return new FormulaError("#VALUE!", messages.empty(arg));
  const { width, spec } = layout;
  if (columns !== width && !(rows === width && columns === 1)) {
    return new FormulaError("#VALUE!", messages.shape(arg, layout.expected, rows, columns));
  }
  if (isBlank(grid[0][0]) && grid.every((r) => r.every(isBlank))) {
    return new FormulaError("#N/A", messages.allBlank(arg, spec.allowed));
  }
  if (columns === 1 && width > 1) {
    const column = grid.map((r) => r[0]);
    return { orientation: "column", results: [readRow(column, arg, layout, undefined, compute)] };
  }
  const results: (T | FormulaError)[] = new Array(rows);
  const rowLabel = rows > 1;
  for (let r = 0; r < rows; r++) results[r] = readRow(grid[r], arg, layout, rowLabel ? r : undefined, compute);
  return { orientation: rows === 1 ? "row" : "rows", results };
}

function readRow<T>(
  cells: readonly unknown[],
  arg: string,
  layout: RowLayout,
  row: number | undefined,
  compute: (row: number[]) => T,
): T | FormulaError {
  const { spec } = layout;
  const { min, max } = spec;
  // Fast path: a number within limits needs no further reading. Where the limit is only a finite
  // range (scores, answers), two comparisons say so; they decide a million rows' speed.
  const range = Number.isFinite(min) && Number.isFinite(max) && !spec.minExclusive && !spec.maxExclusive && !spec.whole;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell === "number" && (range ? cell >= min && cell <= max : withinLimit(spec, cell))) continue;
    const read = readNumber(cell, arg, spec, layout.where(i), row);
    if (read instanceof FormulaError) return read;
  }
  return compute(cells as number[]);
}

/** Reads an argument that must be a single value (a 1 × 1 range is accepted). */
export function readSingle(value: unknown, arg: string): unknown {
  const grid = toGrid(value);
  if (grid.length === 0 || grid[0].length === 0) return new FormulaError("#VALUE!", messages.empty(arg));
  if (grid.length !== 1 || grid[0].length !== 1) {
    return new FormulaError("#VALUE!", messages.singleValue(arg, grid.length, grid[0].length));
  }
  const cell = grid[0][0];
  const error = asFormulaError(cell);
  return error
    ? new FormulaError(error.code, error.message ?? messages.upstreamError(arg, "the value", error.code))
    : cell;
}

/** Reads a required single number. */
export function readScalar(value: unknown, arg: string, spec: NumberSpec): number | FormulaError {
  const single = readSingle(value, arg);
  if (single instanceof FormulaError) return single;
  if (isBlank(single)) return new FormulaError("#N/A", messages.missing(arg, spec.allowed));
  return readNumber(single, arg, spec);
}

/** Reads an optional single number; a missing argument or a blank cell gives the default. */
export function readOptionalScalar(
  value: unknown,
  arg: string,
  spec: NumberSpec,
  fallback: number,
): number | FormulaError {
  const single = readSingle(value, arg);
  if (single instanceof FormulaError) return single;
  return isBlank(single) ? fallback : readNumber(single, arg, spec);
}

/** Cells of a one-row or one-column range, in order; a 2-D block is refused. */
function readLine(value: unknown, arg: string, expected: string): readonly unknown[] | FormulaError {
  const grid = toGrid(value);
  if (grid.length === 0 || grid[0].length === 0) return new FormulaError("#VALUE!", messages.empty(arg));
  if (grid.length === 1) return grid[0];
  if (grid[0].length === 1) return grid.map((r) => r[0]);
  return new FormulaError("#VALUE!", messages.shape(arg, expected, grid.length, grid[0].length));
}

/** Costs as read: their sum, and how many cells held a cost (0 means none was entered). */
interface CostSum {
  total: number;
  entered: number;
}

/**
 * Sums costs: a number or a range of numbers of 0 or more. Blank cells are skipped, as SUM skips
 * them; a missing argument is no cost at all.
 */
function sumCosts(value: unknown, arg: string): CostSum | FormulaError {
  const grid = toGrid(value);
  let total = 0;
  let entered = 0;
  for (let r = 0; r < grid.length; r++) {
    for (let c = 0; c < grid[r].length; c++) {
      const cell = grid[r][c];
      if (isBlank(cell)) continue;
      const read = readNumber(cell, arg, SPEC.money, `cost ${r * grid[r].length + c + 1}`);
      if (read instanceof FormulaError) return read;
      total += read;
      entered++;
    }
  }
  return { total, entered };
}

/** Costs paid once and costs paid every period, each summed. */
export interface Costs {
  oneOff: number;
  perPeriod: number;
}

/**
 * Reads the costs paid once (`costs`) and the optional costs paid every period
 * (`per_period_costs`), each a number or a range, summed. Costs per period alone are costs
 * entered (one-off costs then count 0); with neither, no costs were entered (#N/A).
 *
 * @example
 * readCosts([[3000, null, 500]], 150) //=> { oneOff: 3500, perPeriod: 150 }
 * readCosts([[null, null]]) //=> FormulaError { code: "#N/A", message: "costs: no costs entered. …" }
 */
export function readCosts(costs: unknown, perPeriodCosts?: unknown): Costs | FormulaError {
  const oneOff = sumCosts(costs, "costs");
  if (oneOff instanceof FormulaError) return oneOff;
  const perPeriod = sumCosts(perPeriodCosts, "per_period_costs");
  if (perPeriod instanceof FormulaError) return perPeriod;
  if (oneOff.entered === 0 && perPeriod.entered === 0) return new FormulaError("#N/A", messages.noCosts("costs"));
  return { oneOff: oneOff.total, perPeriod: perPeriod.total };
}

/**
 * Reads a series of per-period numbers from one row or column. Trailing blanks are ignored
 * (a range drawn longer than the data); a blank before the last value gives #N/A.
 */
export function readSeries(value: unknown, arg: string): number[] | FormulaError {
  const cells = readLine(value, arg, "one row or column of values, one per period");
  if (cells instanceof FormulaError) return cells;
  let last = cells.length - 1;
  while (last >= 0 && isBlank(cells[last])) last--;
  if (last < 0) return new FormulaError("#N/A", messages.allBlank(arg, allowed.benefit));
  const series: number[] = [];
  for (let i = 0; i <= last; i++) {
    if (isBlank(cells[i])) return new FormulaError("#N/A", messages.gapInBenefits(i + 1));
    const read = readNumber(cells[i], arg, SPEC.number, `period ${i + 1}`);
    if (read instanceof FormulaError) return read;
    series.push(read);
  }
  return series;
}

/**
 * Reads a whole number that could also have been given by name. Out of range, the message offers
 * the name (`wording`); a fraction in range gets the limit's own wording, which asks for a whole number.
 */
function readPosition(value: unknown, arg: string, limit: Limit, wording: string): number | FormulaError {
  const read = readNumber(value, arg, { ...limit, whole: false, allowed: wording });
  if (read instanceof FormulaError || withinLimit(limit, read)) return read;
  return new FormulaError("#VALUE!", messages.outOfRange(arg, "the value", read, limit.allowed));
}

/** Reads one stage key: 0–5, or a stage or layer name. */
export function readStage(value: unknown): number | FormulaError {
  if (typeof value === "string" && !isBlank(value)) {
    const index = stageIndexOf(value);
    return index >= 0 ? index : new FormulaError("#VALUE!", messages.unknownStage(value));
  }
  return readPosition(value, "stage", LIMITS.curveStage, allowed.stage);
}

/** Reads a layer: 1–5 or a layer name, id or short label. Returns the zero-based index. */
export function readLayer(value: unknown): number | FormulaError {
  const single = readSingle(value, "layer");
  if (single instanceof FormulaError) return single;
  if (typeof single === "string" && !isBlank(single)) {
    const index = layerIndexOf(single);
    return index >= 0 ? index : new FormulaError("#VALUE!", messages.unknownLayer(single));
  }
  if (isBlank(single)) return new FormulaError("#N/A", messages.missing("layer", allowed.layer));
  const read = readPosition(single, "layer", LIMITS.layer, allowed.layer);
  return read instanceof FormulaError ? read : read - 1;
}

/** Reads the optional direction of improvement; "lower" when missing. */
export function readDirection(value: unknown): Direction | FormulaError {
  const single = readSingle(value, "direction");
  if (single instanceof FormulaError) return single;
  if (isBlank(single)) return "lower";
  if (typeof single === "boolean") {
    return new FormulaError("#VALUE!", messages.boolean("direction", "the value", single, allowed.direction));
  }
  if (typeof single !== "string") return new FormulaError("#VALUE!", messages.unknownDirection(String(single)));
  const wanted = single.trim().toLowerCase();
  return DIRECTIONS.find((d) => d === wanted) ?? new FormulaError("#VALUE!", messages.unknownDirection(single));
}

/** Reads optional band thresholds: four gap limits, falling; undefined when missing. */
export function readThresholds(value: unknown): number[] | undefined | FormulaError {
  if (value === null || value === undefined) return undefined;
  const cells = readLine(value, "thresholds", "4 gap limits in one row or column");
  if (cells instanceof FormulaError) return cells;
  if (cells.every(isBlank)) return undefined;
  const limits: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    const read = readNumber(cells[i], "thresholds", SPEC.threshold, `limit ${i + 1}`);
    if (read instanceof FormulaError) return read;
    limits.push(read);
  }
  const problem = thresholdProblem(limits);
  return problem ? new FormulaError("#VALUE!", messages.thresholds(problem)) : limits;
}

/** Reads optional layer labels: five texts; undefined when missing. */
export function readLabels(value: unknown): string[] | undefined | FormulaError {
  if (value === null || value === undefined) return undefined;
  const cells = readLine(value, "labels", "5 labels in one row or column");
  if (cells instanceof FormulaError) return cells;
  if (cells.every(isBlank)) return undefined;
  if (cells.length !== LAYER_COUNT) return new FormulaError("#VALUE!", messages.labels(cells.length));
  const labels: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    const error = asFormulaError(cell);
    if (error)
      return new FormulaError(
        error.code,
        error.message ?? messages.upstreamError("labels", `label ${i + 1}`, error.code),
      );
    if (isBlank(cell)) return new FormulaError("#N/A", messages.blankLabel(i + 1));
    labels.push(String(cell));
  }
  return labels;
}
