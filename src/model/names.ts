// Names a reader could not tell apart. The model matches workflow names exactly (case
// included); these helpers only find the near misses, so the pane can offer the name in use.

/**
 * A name as a reader sees it: no case, no spaces around it, one space between words.
 *
 * @example
 * nameKey("  Invoice   Triage ") //=> "invoice triage"
 */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLocaleLowerCase();
}

/**
 * The existing name that differs from `name` only by case or spacing, or undefined when `name`
 * is new or is exactly one of them.
 *
 * @example
 * nearName("claims ", ["Claims", "Invoice triage"]) //=> "Claims"
 * nearName("Claims", ["Claims"]) //=> undefined
 */
export function nearName(name: string, names: readonly string[]): string | undefined {
  const typed = name.trim();
  if (typed === "" || names.includes(typed)) return undefined;
  const key = nameKey(typed);
  return names.find((existing) => nameKey(existing) === key);
}
