// The AGAP custom functions inside HyperFormula, for formula-level tests only (HyperFormula is
// GPLv3 and never part of the add-in). A thin adapter: cells in, CORES, results out.
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  DetailedCellError,
  type CellValue as EngineValue,
  type ConfigParams,
  type FunctionArgument,
  type ImplementedFunctions,
  type RawCellContent,
  type Sheets,
} from "hyperformula";
import { CORES, type FunctionId } from "../../src/functions/core";
import {
  FormulaError,
  asFormulaError,
  type ErrorCode,
  type ResultGrid,
  type ResultValue,
} from "../../src/functions/values";

// HyperFormula does not export its AST and state types; take them from its plugin methods.
type Ast = Parameters<AgapPlugin["argumentSize"]>[0];
type State = Parameters<AgapPlugin["argumentSize"]>[1];
interface CallAst {
  procedureName: string;
  args: Ast[];
}

/** A result size: width (columns) × height (rows). */
interface Size {
  width: number;
  height: number;
}
const ONE: Size = { width: 1, height: 1 };

/** Profiles in a range laid out as rows of `width` values (a single column is one profile). */
function profiles(arg: Size | undefined, width: number): number {
  if (!arg) return 1;
  return arg.width === width ? arg.height : 1;
}

/** Wide results (one row of `width` per profile, or one column for a column input). */
function wide(arg: Size | undefined, inputWidth: number, outputWidth: number): Size {
  if (!arg) return ONE;
  if (arg.width === inputWidth) return { width: outputWidth, height: arg.height };
  if (arg.width === 1 && arg.height === inputWidth) return { width: 1, height: outputWidth };
  return ONE;
}

interface FunctionSpec {
  params: string[];
  /** Parameters from this index on are optional. */
  optionalFrom?: number;
  /** Size of the spilled result from the sizes of the argument ranges; absent for single values. */
  size?: (args: (Size | undefined)[]) => Size;
}

/**
 * Parameters and spill sizes of the 15 functions, from the sizes of the argument ranges as
 * HyperFormula predicts them (a range, an array literal, a nested call). A result that turns out
 * smaller is padded with blanks; one that turns out larger is a #SPILL! with a message.
 */
export const FUNCTIONS: Record<FunctionId, FunctionSpec> = {
  REALIZED: { params: ["scores"], size: ([s]) => ({ width: 1, height: profiles(s, 5) }) },
  GAP: { params: ["scores"], size: ([s]) => ({ width: 1, height: profiles(s, 5) }) },
  STAGE: {
    params: ["stage", "scores"],
    optionalFrom: 1,
    size: ([stage, scores]) => {
      const n = profiles(scores, 5);
      return n > 1 ? { width: 1, height: n } : (stage ?? ONE);
    },
  },
  CURVE: { params: ["scores", "expected_value"], optionalFrom: 0, size: () => ({ width: 3, height: 6 }) },
  ROI: {
    params: ["baseline", "current", "value_per_unit", "costs", "direction", "periods", "per_period_costs"],
    optionalFrom: 4,
  },
  PROJECTED: { params: ["expected_value", "scores"], size: ([, s]) => ({ width: 1, height: profiles(s, 5) }) },
  PAYBACK: { params: ["costs", "benefits", "per_period_costs"], optionalFrom: 2 },
  LAYER: { params: ["answers"], size: ([a]) => ({ width: 1, height: profiles(a, 3) }) },
  SCORES: { params: ["answers"], size: ([a]) => wide(a, 15, 5) },
  BAND: {
    params: ["gap_or_scores", "thresholds"],
    optionalFrom: 1,
    size: ([g]) => ({ width: 1, height: g && g.width * g.height > 1 ? profiles(g, 5) : 1 }),
  },
  WEAKEST: { params: ["scores", "labels"], optionalFrom: 1, size: ([s]) => ({ width: 1, height: profiles(s, 5) }) },
  LIFT: { params: ["scores", "layer", "delta"], size: ([s]) => ({ width: 1, height: profiles(s, 5) }) },
  SENSITIVITY: { params: ["scores", "delta"], optionalFrom: 1, size: () => ({ width: 2, height: 5 }) },
  PLAN: { params: ["scores", "target"], size: ([s]) => wide(s, 5, 5) },
  ATTRIBUTION: { params: ["before", "after"], size: () => ({ width: 2, height: 5 }) },
};

export const FUNCTION_IDS = Object.keys(FUNCTIONS) as FunctionId[];

/** Excel code ↔ HyperFormula error type. Codes HyperFormula lacks (#NULL!, #CALC! …) become #ERROR!. */
const TO_TYPE: Partial<Record<ErrorCode, ErrorType>> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#REF!": ErrorType.REF,
  "#NAME?": ErrorType.NAME,
  "#SPILL!": ErrorType.SPILL,
};
const TO_CODE: Partial<Record<ErrorType, ErrorCode>> = Object.fromEntries(
  Object.entries(TO_TYPE).map(([code, type]) => [type, code]),
);

/** An error HyperFormula has and Excel has not (#CYCLE!, #LIC!, #ERROR!) reaches the core as #UNKNOWN!. */
export function toFormulaError(error: CellError): FormulaError {
  return new FormulaError(TO_CODE[error.type] ?? "#UNKNOWN!", error.message || undefined);
}

export function toCellError(error: FormulaError): CellError {
  const type = TO_TYPE[error.code];
  if (type) return new CellError(type, error.message);
  return new CellError(ErrorType.ERROR, error.message ?? error.code);
}

class AgapPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = Object.fromEntries(
    FUNCTION_IDS.map((id) => {
      const { params, optionalFrom, size } = FUNCTIONS[id];
      const parameters: FunctionArgument[] = params.map((_, i) => ({
        argumentType: FunctionArgumentType.ANY,
        ...(optionalFrom !== undefined && i >= optionalFrom ? { optionalArg: true } : {}),
      }));
      return [`AGAP.${id}`, { method: "call", parameters, ...(size ? { sizeOfResultArrayMethod: "size" } : {}) }];
    }),
  );

  /** Evaluates one call. Errors in arguments reach the core: HyperFormula's runFunction would return them itself. */
  call(ast: CallAst, state: State) {
    const id = idOf(ast);
    const metadata = this.metadata(ast.procedureName);
    const evaluated = this.evaluateArguments(ast.args, state, metadata);
    const parameters = this.buildMetadataForEachArgumentValue(evaluated.length, metadata);
    if (!this.isNumberOfArgumentValuesValid(parameters, evaluated.length)) {
      return new CellError(
        ErrorType.NA,
        `AGAP.${id} takes ${FUNCTIONS[id].params.join(", ")}; got ${evaluated.length} arguments.`,
      );
    }
    const args = evaluated.map(([value, , syntacticallyEmpty]) =>
      syntacticallyEmpty ? null : this.toRaw(value, state),
    );
    while (args.length < parameters.length) args.push(null);
    const core = CORES[id] as (...a: unknown[]) => ResultGrid | ResultValue;
    const result = core(...args);
    if (!Array.isArray(result)) return toScalar(result);
    return this.toSpill(result, ast, state);
  }

  /** The size HyperFormula reserves for the spill: derived from the argument ranges, nothing evaluated. */
  size(ast: CallAst, state: State): ArraySize {
    const { width, height } = this.predict(ast, state);
    return new ArraySize(width, height);
  }

  /** HyperFormula's own size prediction for one argument (a range, an array, a nested call). */
  argumentSize(
    ast: Parameters<FunctionPlugin["arraySizeForAst"]>[0],
    state: Parameters<FunctionPlugin["arraySizeForAst"]>[1],
  ): ArraySize {
    return this.arraySizeForAst(ast, state);
  }

  private predict(ast: CallAst, state: State): Size {
    const rule = FUNCTIONS[idOf(ast)].size;
    if (!rule) return ONE;
    const sizes = ast.args.map((arg) => {
      if ((arg as { type: string }).type === "EMPTY") return undefined;
      const { width, height } = this.argumentSize(arg, state);
      return { width, height };
    });
    return rule(sizes);
  }

  private toRaw(value: unknown, state: State): unknown {
    // Plain numbers and text need no conversion: the fast path keeps big ranges cheap.
    if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
    if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map((cell) => this.toRaw(cell, state)));
    if (value === EmptyValue) return null;
    if (value instanceof CellError) return toFormulaError(value);
    // Unwraps HyperFormula's rich numbers (percent, currency, dates) to plain numbers.
    return this.coerceToType(value as never, { argumentType: FunctionArgumentType.ANY }, state);
  }

  /**
   * A grid as the spill HyperFormula reserved. A smaller grid (a whole-argument error) is padded
   * with blanks: HyperFormula would copy a lone error into every reserved cell, Excel shows it once.
   */
  private toSpill(grid: ResultGrid, ast: CallAst, state: State) {
    const reserved = this.predict(ast, state);
    if (reserved.width === 1 && reserved.height === 1 && grid.length === 1 && grid[0].length === 1) {
      return toScalar(grid[0][0]);
    }
    if (grid.length > reserved.height || grid.some((row) => row.length > reserved.width)) {
      return new CellError(
        ErrorType.SPILL,
        `AGAP.${idOf(ast)}: the result is ${grid.length} × ${grid[0].length} cells but ${reserved.height} × ${reserved.width} were reserved.`,
      );
    }
    const cells = Array.from({ length: reserved.height }, (_, r) =>
      Array.from({ length: reserved.width }, (_, c) => {
        const value = grid[r]?.[c];
        return value === undefined ? EmptyValue : toScalar(value);
      }),
    );
    return SimpleRangeValue.onlyValues(cells);
  }
}

function idOf(ast: CallAst): FunctionId {
  return ast.procedureName.replace(/^AGAP\./, "") as FunctionId;
}

function toScalar(value: ResultValue): number | string | CellError {
  return value instanceof FormulaError ? toCellError(value) : value;
}

let registered = false;

/** Registers the AGAP plugin once, with translations so that dotted names parse. */
export function registerAgap(): void {
  if (registered) return;
  const names = Object.fromEntries(FUNCTION_IDS.map((id) => [`AGAP.${id}`, `AGAP.${id}`]));
  HyperFormula.registerFunctionPlugin(AgapPlugin, { enGB: names });
  registered = true;
}

/** A HyperFormula engine (GPLv3 licence key) with the AGAP functions. */
export function createAgapEngine(sheets: Sheets, config: Partial<ConfigParams> = {}): HyperFormula {
  registerAgap();
  return HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", ...config });
}

/** Column letters of a zero-based column index: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A1 address of a zero-based cell. */
export function a1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/**
 * A raw cell (as the argument module takes it) as cell content: an error value becomes its
 * literal (#DIV/0!, #N/A …), which HyperFormula reads as that error with no message.
 */
export function toContent(cell: unknown): RawCellContent {
  if (cell === null || cell === undefined) return null;
  const error = asFormulaError(cell);
  if (error) return error.code;
  return cell as RawCellContent;
}

/** An engine value as a plain value; errors as {code, message}. */
export type Plain = number | string | boolean | null | { code: string; message: string };

export function plain(value: EngineValue): Plain {
  if (value instanceof DetailedCellError) return { code: value.value, message: value.message };
  return value;
}

/** One sheet filled from A1 addresses (a block of rows starts at its address), read back by address. */
export function book(cells: Record<string, RawCellContent | RawCellContent[][]>, config: Partial<ConfigParams> = {}) {
  const hf = createAgapEngine({ Sheet1: [] }, config);
  const at = (ref: string) => {
    const address = hf.simpleCellAddressFromString(ref, 0);
    if (!address) throw new Error(`Not an address: ${ref}`);
    return address;
  };
  hf.batch(() => {
    for (const [ref, content] of Object.entries(cells))
      hf.setCellContents(at(ref), Array.isArray(content) ? content : [[content]]);
  });
  return {
    hf,
    /** The value of one cell. */
    value: (ref: string): Plain => plain(hf.getCellValue(at(ref))),
    /** The values of a block of `rows` × `columns` cells from its top-left address. */
    block: (ref: string, rows: number, columns: number): Plain[][] => {
      const start = at(ref);
      const end = { ...start, row: start.row + rows - 1, col: start.col + columns - 1 };
      return hf.getRangeValues({ start, end }).map((row) => row.map(plain));
    },
  };
}
