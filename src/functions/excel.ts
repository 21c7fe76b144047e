// The Excel side of the custom functions: results and errors converted to what Excel expects.
import { CORES, type FunctionId } from "./core";
import { messages } from "./messages";
import { FormulaError, type ResultGrid, type ResultValue } from "./values";

/** Codes Excel accepts as a custom-function result; any other code is reported as #N/A. */
const RESULT_CODES = new Set(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!"]);

/** Excel's error object for an error value. Messages show only for #VALUE! and #N/A. */
export function toExcelError(error: FormulaError): CustomFunctions.Error {
  if (RESULT_CODES.has(error.code)) {
    return new CustomFunctions.Error(error.code as CustomFunctions.ErrorCode, error.message);
  }
  return new CustomFunctions.Error(
    CustomFunctions.ErrorCode.notAvailable,
    error.message ?? `Input holds ${error.code}.`,
  );
}

type ExcelValue = number | string | CustomFunctions.Error;

/** Converts a grid of results in place (the grid is always freshly built by a core). */
export function toExcelGrid(grid: ResultGrid): ExcelValue[][] {
  for (const row of grid) {
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (value instanceof FormulaError) (row as ExcelValue[])[c] = toExcelError(value);
    }
  }
  return grid as ExcelValue[][];
}

export function toExcelValue(value: ResultValue): ExcelValue {
  return value instanceof FormulaError ? toExcelError(value) : value;
}

/**
 * Runs a core for Excel. An exception inside a core is a defect; it still reaches the user,
 * as a #VALUE! with its message in the cell, instead of an unhandled rejection.
 */
export function runGrid<K extends FunctionId>(id: K, ...args: Parameters<(typeof CORES)[K]>): ExcelValue[][] {
  try {
    return toExcelGrid((CORES[id] as (...a: unknown[]) => ResultGrid)(...args));
  } catch (error) {
    return [[toExcelError(new FormulaError("#VALUE!", messages.internal(error)))]];
  }
}

export function runValue<K extends FunctionId>(id: K, ...args: Parameters<(typeof CORES)[K]>): ExcelValue {
  try {
    return toExcelValue((CORES[id] as (...a: unknown[]) => ResultValue)(...args));
  } catch (error) {
    return toExcelError(new FormulaError("#VALUE!", messages.internal(error)));
  }
}
