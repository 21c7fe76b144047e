// Worksheet names that Excel accepts. Pure: no Office.js here.

/** Excel's longest worksheet name, in UTF-16 code units. */
export const SHEET_NAME_MAX = 31;

/** Characters Excel refuses in a worksheet name. */
const FORBIDDEN = /[[\]:*?/\\]/g;
// Control characters cannot be typed into a sheet tab either.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;
/** Excel keeps this name for itself, in any letter case. */
const RESERVED = ["History"];

const trimEnds = (name: string) => name.replace(/^[\s']+|[\s']+$/g, "");

/** The longest prefix within `max` UTF-16 units that does not split a character. */
function cut(name: string, max: number): string {
  let out = "";
  for (const char of name) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return trimEnds(out);
}

// Excel compares sheet names without regard to case; folding both ways also catches "ß" and "SS".
const key = (name: string) => name.normalize("NFC").toUpperCase().toLowerCase();

/**
 * A worksheet name that Excel accepts and that no existing sheet uses: forbidden characters
 * (`[ ] : * ? / \`) become "-", apostrophes and spaces at either end are dropped, the name is
 * cut to 31 characters, and a clash (ignoring case) gets " (2)", " (3)"… within those 31.
 *
 * @example
 * safeSheetName("AGAP Report – Claims: triage?", []) //=> "AGAP Report – Claims- triage-"
 * safeSheetName("Report", ["report"]) //=> "Report (2)"
 * safeSheetName("AGAP Report – Accounts payable automation", []) //=> "AGAP Report – Accounts payable"
 * safeSheetName("'''", []) //=> "AGAP Report"
 */
export function safeSheetName(base: string, existingNames: Iterable<string>, fallback = "AGAP Report"): string {
  const clean = (name: string) => trimEnds(name.replace(CONTROL, " ").replace(FORBIDDEN, "-").replace(/\s+/g, " "));
  const name = cut(clean(base), SHEET_NAME_MAX) || cut(clean(fallback), SHEET_NAME_MAX) || "Sheet";
  const taken = new Set([...existingNames, ...RESERVED].map(key));
  if (!taken.has(key(name))) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${cut(name, SHEET_NAME_MAX - suffix.length)}${suffix}`;
    if (!taken.has(key(candidate))) return candidate;
  }
}

/** Roadmap sheets are named after their workflow: "AGAP Roadmap – <workflow>", made safe by `safeSheetName`. */
export const ROADMAP_PREFIX = "AGAP Roadmap";
export const roadmapSheetBase = (workflow: string) => `${ROADMAP_PREFIX} – ${workflow}`;
