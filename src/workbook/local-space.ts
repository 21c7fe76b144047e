// How full the browser's storage is, and what a write that does not fit becomes. The quota and the
// share at which the pane warns are set here, and only here: the check and its message read them.
//
// localStorage has a fixed quota per origin, counted in characters (UTF-16 code units) of every
// key and value: 5 MiB = 5,242,880 characters in Chromium and Edge (measured in the browser
// tests), about 5 MB in Firefox and Safari. navigator.storage.estimate() does not cover
// localStorage (it reports IndexedDB, the Cache API and the like), so AGAP measures its own keys.
// One response takes about 470 characters (a random id, 15 answers), so 10,000 responses take about
// 4.5 MB and the quota holds some 11,000.
import { DRAFT_KEY, RESPONSES_KEY } from "./store";
import { PLANNING_KEY } from "./planning-store";
import type { KeyValueStorage } from "./local-store";

/** The quota AGAP assumes, in characters: Chromium's 5 MiB; Firefox and Safari allow about as much. */
export const STORE_QUOTA_CHARS = 5 * 1024 * 1024;

/**
 * The share of the quota at which the pane warns: 80%, 4 MB, some 8,900 responses. The
 * fifth left is 1 MB, room for some 2,200 more responses, time enough to download the
 * backup and move to a workbook; a team with a few hundred responses never sees the warning.
 */
export const STORE_WARN_SHARE = 0.8;

/** Every key AGAP keeps in the browser's storage; the quarantine's key is given by local-safety. */
const AGAP_KEYS = [RESPONSES_KEY, DRAFT_KEY, PLANNING_KEY, "agap.damaged"];

export interface StoreSpace {
  /** Characters AGAP's keys and values hold. */
  used: number;
  /** The quota assumed, in characters. */
  quota: number;
  /** True at or above the warning share. */
  nearlyFull: boolean;
}

/** What one stored item counts against the quota: its key and its value. */
const charsOf = (key: string, text: string | null): number => (text === null ? 0 : key.length + text.length);

/** How much of the assumed quota AGAP's keys fill. */
export function storeSpace(storage: KeyValueStorage): StoreSpace {
  let used = 0;
  for (const key of AGAP_KEYS) used += charsOf(key, storage.getItem(key));
  return { used, quota: STORE_QUOTA_CHARS, nearlyFull: used >= STORE_WARN_SHARE * STORE_QUOTA_CHARS };
}

const MEGABYTE = 1024 * 1024;

/**
 * A count of characters as megabytes, one decimal: "4.1 MB". A character counts as a byte and a
 * megabyte is 1,048,576 of them, so the quota reads as the 5 MB browsers document.
 */
export const megabytes = (chars: number): string => `${(chars / MEGABYTE).toFixed(1)} MB`;

/** "AGAP's data fills 4.1 MB of about 5 MB this browser allows": the figure both notices give. */
export const spaceFigure = (space: Pick<StoreSpace, "used" | "quota">): string =>
  `AGAP's data fills ${megabytes(space.used)} of about ${megabytes(space.quota).replace(".0 ", " ")} this browser allows`;

/** How a full-store message begins; the pane looks for it among reported errors to offer the ways out. */
export const STORE_FULL_LEAD = "This browser's storage for AGAP is full";

/**
 * A write that did not fit in the browser's storage. Nothing was written: the stored value under
 * that key is what it was before.
 */
export class StoreFullError extends Error {
  constructor(readonly space: StoreSpace) {
    super(
      `${STORE_FULL_LEAD}, so this change was not saved (${spaceFigure(space)}). ` +
        "Everything saved before is kept, and your unsaved answers stay on the form. " +
        "Download the backup to keep a copy, and move to a workbook: export the .xlsx (Team & history), open it " +
        "in Excel and open AGAP in it. Or make room here by deleting records you no longer need, and retry.",
    );
    this.name = "StoreFullError";
  }
}

/** The browser refused a write for lack of space: QuotaExceededError, or its older names and codes. */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return (
    name === "QuotaExceededError" ||
    name === "NS_ERROR_DOM_QUOTA_REACHED" || // Firefox before 2020
    code === 22 || // the legacy QUOTA_EXCEEDED_ERR
    code === 1014 // Firefox's legacy code
  );
}

/**
 * Writes one whole value under its key, never removing it first: when the browser refuses for
 * lack of space, the value stored before stays as it was and a StoreFullError says so.
 */
export function writeItem(storage: KeyValueStorage, key: string, value: string): void {
  try {
    storage.setItem(key, value);
  } catch (error) {
    if (isQuotaError(error)) throw new StoreFullError(storeSpace(storage));
    throw error;
  }
}
