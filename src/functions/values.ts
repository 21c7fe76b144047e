// Cell values as every adapter hands them to the argument module, and results as it gets them back.

/** Excel error codes that can arrive in a cell or be returned. */
export type ErrorCode =
  | "#VALUE!"
  | "#N/A"
  | "#DIV/0!"
  | "#NUM!"
  | "#NULL!"
  | "#NAME?"
  | "#REF!"
  | "#CALC!"
  | "#SPILL!"
  | "#GETTING_DATA"
  | "#BUSY!"
  | "#CONNECT!"
  | "#BLOCKED!"
  | "#FIELD!"
  | "#UNKNOWN!";

/** An error value, in a cell or as a result. Excel shows the message for #VALUE! and #N/A only. */
export class FormulaError {
  constructor(
    readonly code: ErrorCode,
    readonly message?: string,
  ) {}
}

export type CellValue = number | string | boolean | null | FormulaError;
export type Grid = CellValue[][];
export type ResultValue = number | string | FormulaError;
export type ResultGrid = ResultValue[][];

export function isFormulaError(value: unknown): value is FormulaError {
  return value instanceof FormulaError;
}

const ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  "#VALUE!",
  "#N/A",
  "#DIV/0!",
  "#NUM!",
  "#NULL!",
  "#NAME?",
  "#REF!",
  "#CALC!",
  "#SPILL!",
  "#GETTING_DATA",
  "#BUSY!",
  "#CONNECT!",
  "#BLOCKED!",
  "#FIELD!",
  "#UNKNOWN!",
]);

/**
 * Reads an error object from any host (ours, Excel's CustomFunctions.Error, or a plain
 * `{code, message}`) as a FormulaError; undefined when the value is not an error.
 */
export function asFormulaError(value: unknown): FormulaError | undefined {
  if (value instanceof FormulaError) return value;
  if (typeof value === "object" && value !== null && "code" in value) {
    const { code, message } = value as { code: unknown; message?: unknown };
    if (typeof code === "string" && ERROR_CODES.has(code)) {
      return new FormulaError(code as ErrorCode, typeof message === "string" && message ? message : undefined);
    }
  }
  return undefined;
}
