// The workbook's culture: how this Excel writes numbers, so that the pane reads and shows them the
// same way. Application.cultureInfo needs ExcelApi 1.11 (the currency symbol 1.17), above the
// manifest's 1.4: without it the pane falls back to the browser's language.
import { supportsExcelApi } from "./api-support";
import type { ExcelRun } from "./excel-store";

export interface WorkbookCulture {
  /** The culture's name, e.g. "de-DE". */
  name: string;
  /** Excel's decimal separator, e.g. ",". */
  decimal: string;
  /** Excel's digit-group separator, e.g. ".". */
  group: string;
  /** The currency symbol, where this Excel says it (ExcelApi 1.17). */
  currency?: string;
}

/**
 * Reads the culture's name and number separators in one sync; null where this Excel lacks
 * ExcelApi 1.11. Excel errors reject the promise.
 *
 * @example
 * await readWorkbookCulture() //=> { name: "de-DE", decimal: ",", group: ".", currency: "€" }
 */
export async function readWorkbookCulture(
  run: ExcelRun = (batch) => Excel.run(batch),
): Promise<WorkbookCulture | null> {
  return run(async (context) => {
    if (!supportsExcelApi("1.11")) return null;
    const culture = context.application.cultureInfo;
    culture.load("name");
    const numbers = culture.numberFormat;
    numbers.load("numberDecimalSeparator, numberGroupSeparator");
    if (supportsExcelApi("1.17")) numbers.load("currencySymbol");
    await context.sync();
    const currency = supportsExcelApi("1.17") ? numbers.currencySymbol : "";
    return {
      name: culture.name,
      decimal: numbers.numberDecimalSeparator,
      group: numbers.numberGroupSeparator,
      ...(currency ? { currency } : {}),
    };
  });
}
