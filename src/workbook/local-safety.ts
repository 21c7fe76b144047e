// Damaged data in the browser's storage never blanks the pane and is never lost: what can be read
// is used; the stored text that could not be used in full is kept under a quarantine key, so the
// pane can offer it for download before the user discards it.
import type { KeyValueStorage } from "./local-store";
import { StoreFullError, writeItem } from "./local-space";

/** One stored text that could not be read in full, kept as it was. */
export interface DamagedCopy {
  /** The key the text was stored under ("agap.responses", …). */
  key: string;
  text: string;
  /** What was wrong with it, one line each. */
  problems: string[];
}

export const QUARANTINE_KEY = "agap.damaged";

/** A checked value: what can be used, and what could not (empty when the text was sound). */
export interface Checked<T> {
  value: T;
  problems: string[];
}

/**
 * Reads a stored JSON text through a check. When the text is not JSON, or the check finds
 * problems, the text is copied to the quarantine (once) and the usable part is written back, so
 * the next save starts from sound data and nothing typed is lost. `purpose`: "show" when the
 * records are only shown, which goes on without setting the text aside when there is no room.
 *
 * @example
 * readChecked(storage, "agap.responses", checkResponses, []) //=> { value: [good records], problems: ["item 2: …"] }
 */
export function readChecked<T>(
  storage: KeyValueStorage,
  key: string,
  check: (parsed: unknown) => Checked<T>,
  empty: T,
  purpose: "write" | "show" = "write",
): Checked<T> {
  const text = storage.getItem(key);
  if (text === null) return { value: empty, problems: [] };
  let result: Checked<T>;
  try {
    result = check(JSON.parse(text));
  } catch (error) {
    result = { value: empty, problems: [`it is not readable JSON (${(error as Error).message})`] };
  }
  if (result.problems.length > 0) {
    // The copy is kept first, so when either write does not fit the damaged text is still under
    // its own key. A read to show the records goes on with the usable part; a read before a write
    // fails saying the store is full, so that the write never replaces text not set aside.
    try {
      quarantine(storage, { key, text, problems: result.problems });
      writeItem(storage, key, JSON.stringify(result.value));
    } catch (error) {
      if (purpose === "write" || !(error instanceof StoreFullError)) throw error;
    }
  }
  return result;
}

/** Every damaged text kept so far, oldest first. */
export function damagedCopies(storage: KeyValueStorage): DamagedCopy[] {
  const text = storage.getItem(QUARANTINE_KEY);
  if (text === null) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) {
      return parsed.filter(
        (item): item is DamagedCopy =>
          typeof item === "object" &&
          item !== null &&
          typeof item.key === "string" &&
          typeof item.text === "string" &&
          Array.isArray(item.problems),
      );
    }
  } catch {
    // The quarantine itself is damaged: it is offered as one copy below, never dropped.
  }
  return [{ key: QUARANTINE_KEY, text, problems: ["the kept copies of damaged data are themselves damaged"] }];
}

/** Discards the kept copies, after the user has downloaded them or chosen a fresh start. */
export function discardDamaged(storage: KeyValueStorage): void {
  storage.removeItem(QUARANTINE_KEY);
}

function quarantine(storage: KeyValueStorage, copy: DamagedCopy): void {
  const copies = damagedCopies(storage);
  if (copies.some((kept) => kept.key === copy.key && kept.text === copy.text)) return;
  writeItem(storage, QUARANTINE_KEY, JSON.stringify([...copies, copy]));
}

// ---------------------------------------------------------------------------------------------
// Shape checks
// ---------------------------------------------------------------------------------------------

export type Shape = Record<string, "string" | "number" | "number|null" | "object" | "array" | "string?">;

/** Why a value does not have the shape, or null. Keys that reach an object's prototype are refused. */
export function shapeProblem(value: unknown, shape: Shape): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "it is not a record";
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key === "__proto__" || key === "constructor" || key === "prototype") return `it has a "${key}" field`;
  }
  for (const [field, kind] of Object.entries(shape)) {
    const found = record[field];
    const ok =
      kind === "string?"
        ? found === undefined || typeof found === "string"
        : kind === "number|null"
          ? found === null || (typeof found === "number" && Number.isFinite(found))
          : kind === "number"
            ? typeof found === "number" && Number.isFinite(found)
            : kind === "array"
              ? Array.isArray(found)
              : kind === "object"
                ? typeof found === "object" && found !== null && !Array.isArray(found)
                : typeof found === kind;
    if (!ok) return `its "${field}" is ${describe(found)}, not ${kind.replace("?", "")}`;
  }
  return null;
}

const describe = (value: unknown) =>
  value === undefined ? "missing" : value === null ? "null" : Array.isArray(value) ? "a list" : typeof value;

/**
 * Checks a stored list item by item: good items are kept, each bad one is a problem naming its
 * place, and a later item repeating an id is dropped.
 */
export function checkList<T>(
  parsed: unknown,
  what: string,
  itemProblem: (item: unknown) => string | null,
  idOf: (item: T) => string,
): Checked<T[]> {
  if (!Array.isArray(parsed)) return { value: [], problems: [`the ${what} are ${describe(parsed)}, not a list`] };
  const value: T[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  parsed.forEach((item, i) => {
    const problem = itemProblem(item);
    if (problem) {
      problems.push(`${what} item ${i + 1}: ${problem}`);
      return;
    }
    const id = idOf(item as T);
    if (seen.has(id)) {
      problems.push(`${what} item ${i + 1}: it repeats the id "${id}"`);
      return;
    }
    seen.add(id);
    value.push(item as T);
  });
  return { value, problems };
}
