// Which Excel API requirement sets this Excel supports, and what AGAP tells the user when a feature
// is missing. Reads nothing but Office.context.requirements.isSetSupported.
//
// The guard convention, which the requirement-set audit (scripts/requirement-sets.ts, run by
// test/build/requirement-sets-src.test.ts) recognises. An Office.js member that needs more than the
// manifest's <Requirements> is used only lexically inside one of:
//
//   if (supportsExcelApi("1.8")) { range.dataValidation.rule = … }       // and `else` of `if (!…)`
//   if (!supportsExcelApi("1.8")) return DEGRADED.dataValidation;          // guards what follows
//   supportsExcelApi("1.7") ? sheet.freezePanes.freezeRows(1) : undefined  // also `… && …`
//   withExcelApi("1.6", () => addColourScale(range), () => notes.push(DEGRADED.colourScale))
//
// supportsApi("CustomFunctionsRuntime", "1.3") and withApi(set, version, …) do the same for other
// sets. The versions must be string literals, so that the audit can read them; a guard for a lower
// version than the member needs does not count.

/** True when this Excel supports the requirement set at the version or later. */
export function supportsApi(set: string, version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  // Outside Office (the browser preview, tests without a host) nothing is supported.
  return typeof requirements?.isSetSupported === "function" ? requirements.isSetSupported(set, version) : false;
}

/** True when this Excel supports ExcelApi at the version or later. */
export function supportsExcelApi(version: string): boolean {
  return supportsApi("ExcelApi", version);
}

/** Runs `run` where the set is supported at the version, otherwise `otherwise`. */
export function withApi<T>(set: string, version: string, run: () => T, otherwise: () => T): T {
  return supportsApi(set, version) ? run() : otherwise();
}

/** withApi for ExcelApi. */
export function withExcelApi<T>(version: string, run: () => T, otherwise: () => T): T {
  return withApi("ExcelApi", version, run, otherwise);
}

/**
 * What the pane says when this Excel lacks a feature: each names what is missing and what is kept.
 * The set each needs is in docs/deploy.md ("Features and Excel API requirement sets").
 */
export const DEGRADED = {
  /** ExcelApi 1.8: Range.dataValidation */
  dataValidation: "This Excel cannot add data validation; the rows are saved without it.",
  /** ExcelApi 1.7: Worksheet.freezePanes */
  freezePanes: "This Excel cannot freeze the header row; the sheet is written without it.",
  /** ExcelApi 1.6: Range.conditionalFormats */
  colourScale: "This Excel cannot add a colour scale; the grid is written without colours.",
  /** ExcelApi 1.7 and 1.8: ChartAxis.reversePlotOrder, ChartSeries.gapWidth and overlap */
  chartLayout: "This Excel cannot set the chart's axis order and bar spacing; the chart keeps Excel's defaults.",
  /** ExcelApi 1.2: RangeFormat.autofitColumns */
  autofit: "This Excel cannot fit the columns to their contents; widen them by hand if needed.",
  /** ExcelApi 1.2: setting Worksheet.visibility */
  hideSheet: "This Excel cannot hide the sheet where AGAP records its table layouts; leave that sheet unchanged.",
  /** ExcelApi 1.9: Worksheet.pageLayout */
  printLayout:
    "This Excel cannot set the report's print area and page layout; the sheet is written without them, " +
    "so choose one page, portrait, before printing it.",
} as const;

export type DegradedFeature = keyof typeof DEGRADED;

/**
 * The limitations met while writing, each said once: the stores collect them, and the pane shows
 * them after the write that met them.
 */
export class Limitations {
  private readonly pending = new Set<string>();

  note(message: string): void {
    this.pending.add(message);
  }

  /** The limitations noted since the last call, in the order first met. */
  drain(): string[] {
    const messages = [...this.pending];
    this.pending.clear();
    return messages;
  }
}
