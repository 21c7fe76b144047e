// The separators the pane reads and writes numbers with: the workbook's culture in Excel, the
// browser's language in the preview, en-US in tests and wherever no language is known.
//
// The locale is held here, set once before the first render (src/taskpane/index.tsx), rather than
// passed down through React: it does not change while the pane runs, and every figure the pane
// shows goes through a few formatting functions called from many components.

/** How numbers are written: the decimal separator, the digit-group separator and where known the currency. */
export interface NumberLocale {
  /** The BCP 47 tag the separators came from (or were checked against), e.g. "de-DE". */
  readonly tag: string;
  /** One character: "." or "," in nearly every culture. */
  readonly decimal: string;
  /** One character, or "" where digits are not grouped; never the decimal separator. */
  readonly group: string;
  /** The workbook's currency symbol, when Excel says it (ExcelApi 1.17). */
  readonly currency?: string;
}

/** The language used when none is known, so that tests and headless runs are deterministic. */
export const DEFAULT_LOCALE_TAG = "en-US";

/**
 * The separators Intl uses for a language, with Latin digits (the pane reads only those). A tag
 * Intl does not know, or none, gives en-US rather than whatever the runtime's default is.
 *
 * @example
 * numberLocaleFor("de-DE") //=> { tag: "de-DE", decimal: ",", group: "." }
 * numberLocaleFor("fr-FR") //=> { tag: "fr-FR", decimal: ",", group: "\u202f" }
 * numberLocaleFor("xx")    //=> { tag: "en-US", decimal: ".", group: "," }
 */
export function numberLocaleFor(tag: string | undefined): NumberLocale {
  let known: string | undefined;
  try {
    known = tag ? Intl.NumberFormat.supportedLocalesOf(tag)[0] : undefined;
  } catch {
    known = undefined; // a malformed tag throws a RangeError
  }
  const use = known ?? DEFAULT_LOCALE_TAG;
  const parts = new Intl.NumberFormat(use, { numberingSystem: "latn", useGrouping: true }).formatToParts(1234567.5);
  return {
    tag: use,
    decimal: parts.find((p) => p.type === "decimal")?.value ?? ".",
    group: parts.find((p) => p.type === "group")?.value ?? "",
  };
}

const isSeparator = (s: string | undefined): s is string => typeof s === "string" && s.length === 1 && !/\d/.test(s);

/**
 * The locale from the workbook's culture: Excel's own separators (they follow the user's
 * settings, not only the language), checked, with the language's where Excel's are unusable.
 *
 * @example
 * numberLocaleFromCulture({ name: "de-DE", decimal: ",", group: "." }) //=> { tag: "de-DE", decimal: ",", group: "." }
 * numberLocaleFromCulture({ name: "en-US", decimal: ",", group: " " }) //=> { tag: "en-US", decimal: ",", group: " " }
 */
export function numberLocaleFromCulture(culture: {
  name?: string;
  decimal?: string;
  group?: string;
  currency?: string;
}): NumberLocale {
  const base = numberLocaleFor(culture.name);
  const decimal = isSeparator(culture.decimal) ? culture.decimal : base.decimal;
  let group = culture.group === "" || isSeparator(culture.group) ? culture.group : base.group;
  // Two meanings for one character would make every number ambiguous: drop the grouping.
  if (group === decimal) group = "";
  const currency = culture.currency?.trim();
  return { tag: base.tag, decimal, group, ...(currency ? { currency } : {}) };
}

/**
 * The browser's language (the preview outside Excel); en-US where there is none.
 *
 * @example
 * browserNumberLocale({ language: "de-DE" }).decimal //=> ","
 */
export function browserNumberLocale(
  nav: { language?: string } | undefined = globalThis.navigator as { language?: string } | undefined,
): NumberLocale {
  return numberLocaleFor(nav?.language || undefined);
}

/**
 * The pane's locale at start-up: the workbook's culture where Excel can say it, else the
 * browser's language (outside Excel, in an Excel without ExcelApi 1.11, or when reading fails).
 *
 * @example
 * await chooseNumberLocale(() => readWorkbookCulture()) //=> { tag: "de-DE", decimal: ",", group: "." }
 * await chooseNumberLocale(undefined, { language: "fr-FR" }) //=> { tag: "fr-FR", decimal: ",", group: "\u202f" }
 */
export async function chooseNumberLocale(
  readCulture?: () => Promise<{ name: string; decimal: string; group: string; currency?: string } | null>,
  nav?: { language?: string },
): Promise<NumberLocale> {
  return (await numberLocaleChoice(readCulture, nav))();
}

/**
 * The same choice as chooseNumberLocale, with the language's separators looked up only when a
 * number is first read or shown. The browser's first Intl formatter loads its locale data, which
 * takes 10–17 ms: too long to spend before the survey appears, which shows no such number.
 *
 * @example
 * setNumberLocale(await numberLocaleChoice(undefined, { language: "de-DE" })); // no Intl call yet
 * numberLocale().decimal //=> "," (looked up here, once)
 */
export async function numberLocaleChoice(
  readCulture?: () => Promise<{ name: string; decimal: string; group: string; currency?: string } | null>,
  nav?: { language?: string },
): Promise<() => NumberLocale> {
  const culture = readCulture ? await readCulture().catch(() => null) : null;
  return () => (culture ? numberLocaleFromCulture(culture) : browserNumberLocale(nav));
}

/** en-US's separators, as numberLocaleFor("en-US") gives them (a test holds the two equal). */
export const DEFAULT_NUMBER_LOCALE: NumberLocale = Object.freeze({ tag: DEFAULT_LOCALE_TAG, decimal: ".", group: "," });

// A locale, or how to find it on first use (see numberLocaleChoice).
let current: NumberLocale | (() => NumberLocale) = DEFAULT_NUMBER_LOCALE;

/**
 * The locale numbers are read and shown in.
 *
 * @example
 * numberLocale().decimal //=> "." (until setNumberLocale is called)
 */
export function numberLocale(): NumberLocale {
  if (typeof current === "function") current = current();
  return current;
}

/**
 * Sets the locale for the whole pane, or how to find it on first use; call before the first
 * render (and in tests, reset after).
 *
 * @example
 * setNumberLocale(numberLocaleFor("de-DE"));
 */
export function setNumberLocale(locale: NumberLocale | (() => NumberLocale)): void {
  current = locale;
}

/**
 * Writes a number with toFixed's rounding (what the pane has always shown, and what its tests
 * compute), its digits grouped in threes, and the locale's separators. One pattern for every
 * locale (a minus sign, "%" right after the number) keeps the pane's wording the same everywhere,
 * and follows Excel's separators even when they differ from the language's. `digits` decimals
 * exactly, or when omitted as many as needed up to 2.
 *
 * @example
 * localize(1234.5, 2, numberLocaleFor("de-DE")) //=> "1.234,50"
 * localize(0.125) //=> "0.13"
 * localize(-0, 1) //=> "0.0"
 */
export function localize(value: number, digits?: number, locale: NumberLocale = numberLocale()): string {
  // -0 is written "0", as toFixed writes it.
  const v = value === 0 ? 0 : value;
  let fixed = Math.abs(v) < 1e21 ? v.toFixed(digits ?? 2) : v.toLocaleString("en-US", { useGrouping: false });
  if (digits === undefined && fixed.includes(".")) fixed = fixed.replace(/\.?0+$/, "");
  const [whole, fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, locale.group);
  return fraction === undefined ? grouped : `${grouped}${locale.decimal}${fraction}`;
}
