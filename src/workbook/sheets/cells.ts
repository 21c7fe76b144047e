// Cell conventions shared by every sheet spec: number formats, dates as serials, and the readers
// of one cell, whose limits come from the model.
import { UNDATED, checkLimit, parseIsoDate, type Limit } from "../../model";
import { fail, isBlank, ok, textOf, type Read } from "./spec";

export const PERCENT = "0.0%";
export const CHANGE_PERCENT = "+0.0%;-0.0%;0.0%";
export const DATE_FORMAT = "yyyy-mm-dd";
/** A date, or "undated" where the cell holds 0 (a round saved without a date). */
export const ROUND_DATE_FORMAT = `yyyy-mm-dd;;"${UNDATED}"`;
export const TEXT = "@";
export const MONEY = "#,##0.00";
export const RATE = "0.00%";
export const PERIODS = "0.0";
export const WHOLE = "0";

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * An ISO date as an Excel date serial number.
 *
 * @example
 * dateToSerial("2026-01-01") //=> 46023
 */
export function dateToSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH_UTC) / DAY_MS);
}

/**
 * An Excel date serial number as an ISO date.
 *
 * @example
 * serialToDate(46023) //=> "2026-01-01"
 */
export function serialToDate(serial: number): string {
  return new Date(EXCEL_EPOCH_UTC + Math.round(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** A date as it is stored: a serial, or "" when there is none. */
export const storedDate = (iso: string) => (iso && parseIsoDate(iso) !== null ? dateToSerial(iso) : iso);

/** A date cell: "" when blank, an ISO date from a serial or from ISO text. */
export function readDateCell(value: unknown, header: string): Read<string> {
  if (isBlank(value)) return ok("");
  if (typeof value === "number" && Number.isFinite(value)) return ok(serialToDate(value));
  if (typeof value === "string" && parseIsoDate(value.trim()) !== null) return ok(value.trim());
  return fail(`${header} is "${String(value)}", not a date`);
}

/** An optional number cell within a limit of the model; blank is null. */
export function readNumberCell(value: unknown, header: string, limit: Limit): Read<number | null> {
  if (isBlank(value)) return ok(null);
  if (typeof value !== "number" || !Number.isFinite(value))
    return fail(`${header} is "${String(value)}", not a number`);
  return checkLimit(limit, value) === null ? ok(value) : fail(`${header} is ${value}, not ${limit.allowed}`);
}

export { textOf };
