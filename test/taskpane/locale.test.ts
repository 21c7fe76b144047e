// The pane's figures in the user's locale: the default is en-US, whatever the machine's language,
// and a locale set at start-up changes the separators and nothing else.
import {
  DEFAULT_NUMBER_LOCALE,
  browserNumberLocale,
  chooseNumberLocale,
  numberLocale,
  numberLocaleChoice,
  numberLocaleFor,
  numberLocaleFromCulture,
  setNumberLocale,
} from "../../src/taskpane/locale";
import {
  formatMoney,
  formatNumber,
  formatPercent,
  formatPoints,
  plural,
  roundInWords,
} from "../../src/taskpane/components/format";
import { numberText, parseNumber, percentText } from "../../src/taskpane/planning/parse";
import { scoreText } from "../../src/taskpane/planning/useScoreEditor";

afterEach(() => setNumberLocale(numberLocaleFor("en-US")));

describe("the default locale", () => {
  it("is en-US until the pane sets one, so tests and headless runs read and write the same", () => {
    expect(numberLocale()).toEqual({ tag: "en-US", decimal: ".", group: "," });
    expect(parseNumber("1,234.5", {})).toEqual({ ok: true, value: 1234.5 });
  });

  it("is en-US for a browser with no language", () => {
    expect(browserNumberLocale({})).toEqual({ tag: "en-US", decimal: ".", group: "," });
    expect(browserNumberLocale({ language: "" })).toEqual({ tag: "en-US", decimal: ".", group: "," });
    expect(browserNumberLocale(undefined)).toEqual(numberLocaleFor(globalThis.navigator?.language));
    expect(browserNumberLocale({ language: "de-DE" })).toEqual({ tag: "de-DE", decimal: ",", group: "." });
  });
});

describe("the locale chosen at start-up", () => {
  it("holds en-US's separators as Intl gives them, before any is chosen", () => {
    expect(DEFAULT_NUMBER_LOCALE).toEqual(numberLocaleFor("en-US"));
  });

  it("looks up the browser's language only when a number is first read or shown, and once", async () => {
    let reads = 0;
    const nav = {
      get language() {
        reads += 1;
        return "de-DE";
      },
    };
    setNumberLocale(await numberLocaleChoice(undefined, nav));
    expect(reads).toBe(0);
    expect(numberLocale()).toEqual({ tag: "de-DE", decimal: ",", group: "." });
    expect(formatNumber(1500.25, 2)).toBe("1.500,25");
    expect(reads).toBe(1);
  });

  it("gives the same locale as chooseNumberLocale, from the workbook's culture or the browser", async () => {
    const culture = async () => ({ name: "de-CH", decimal: ".", group: "'" });
    expect((await numberLocaleChoice(culture))()).toEqual(await chooseNumberLocale(culture));
    expect((await numberLocaleChoice(culture))()).toEqual({ tag: "de-CH", decimal: ".", group: "'" });
    const failing = async () => Promise.reject(new Error("no culture"));
    expect((await numberLocaleChoice(failing, { language: "fr-FR" }))()).toEqual(
      await chooseNumberLocale(undefined, { language: "fr-FR" }),
    );
  });
});

describe("numberLocaleFromCulture", () => {
  it("takes Excel's separators and currency, checked against the culture's language", () => {
    expect(numberLocaleFromCulture({ name: "de-DE", decimal: ",", group: ".", currency: "€" })).toEqual({
      tag: "de-DE",
      decimal: ",",
      group: ".",
      currency: "€",
    });
    // Two characters, a digit or the decimal separator again cannot separate: the language's instead, or none.
    expect(numberLocaleFromCulture({ name: "fr-FR", decimal: ",,", group: "5" })).toEqual({
      tag: "fr-FR",
      decimal: ",",
      group: "\u202f",
    });
    expect(numberLocaleFromCulture({ name: "en-US", decimal: ".", group: "." })).toEqual({
      tag: "en-US",
      decimal: ".",
      group: "",
    });
    // No grouping is allowed: then only a space groups digits.
    const none = numberLocaleFromCulture({ name: "en-US", decimal: ".", group: "" });
    expect(parseNumber("1 500", {}, none)).toEqual({ ok: true, value: 1500 });
    expect(parseNumber("1,500", {}, none)).toMatchObject({ ok: false });
  });
});

describe("format.ts in the user's locale", () => {
  it("in en-US (the default) writes what the pane always wrote, with thousands grouped", () => {
    expect(formatPercent(0.32768)).toBe("32.8%");
    expect(formatPercent(0.25, 0)).toBe("25%");
    expect(formatPercent(12.345)).toBe("1,234.5%");
    expect(formatPoints(0.012)).toBe("+1.2\u00a0pts");
    expect(formatPoints(-0.05, 2)).toBe("-5.00\u00a0pts");
    expect(formatPoints(0)).toBe("+0.0\u00a0pts");
    expect(formatPoints(-0.0001)).toBe("-0.0\u00a0pts"); // as toFixed wrote it
    expect(formatNumber(165591.4)).toBe("165,591.4");
    expect(formatNumber(7635, 2)).toBe("7,635.00");
    expect(formatNumber(0.125)).toBe("0.13");
    expect(formatNumber(-0)).toBe("0");
    expect(formatMoney(165591.4)).toBe("165,591");
    expect(formatMoney(-1234567.5)).toBe("-1,234,568");
    expect(plural(1, "task")).toBe("1 task");
    expect(plural(0, "task")).toBe("0 tasks");
    expect(plural(12000, "response")).toBe("12,000 responses");
    expect(plural(2, "person", "people")).toBe("2 people");
    expect(roundInWords("2026-04-02")).toBe("round of 2026-04-02");
    expect(roundInWords("2026-04-02", true)).toBe("Round of 2026-04-02");
    expect(roundInWords("")).toBe("undated round");
    expect(roundInWords("", true)).toBe("Undated round");
  });

  it("in de-DE writes a decimal comma and groups with a point", () => {
    setNumberLocale(numberLocaleFor("de-DE"));
    expect(formatPercent(0.32768)).toBe("32,8%");
    expect(formatPoints(0.012)).toBe("+1,2\u00a0pts");
    expect(plural(12000, "response")).toBe("12.000 responses");
    expect(formatNumber(165591.4)).toBe("165.591,4");
    expect(formatNumber(1500)).toBe("1.500");
    expect(formatMoney(5166.82)).toBe("5.167");
  });

  it("in fr-FR groups with a narrow no-break space, which the fields read back", () => {
    setNumberLocale(numberLocaleFor("fr-FR"));
    expect(formatNumber(1234567.5)).toBe("1\u202f234\u202f567,5");
    expect(parseNumber(formatNumber(1234567.5), {})).toEqual({ ok: true, value: 1234567.5 });
  });
});

describe("texts put back into fields", () => {
  it("carry every digit, no grouping and the locale's decimal separator", () => {
    expect(numberText(1500.5)).toBe("1500.5");
    expect(numberText(1e21)).toBe("1000000000000000000000");
    expect(numberText(1.5e-7)).toBe("0.00000015");
    expect(percentText(0.07)).toBe("7");
    expect(percentText(0.125)).toBe("12.5");
    expect(scoreText(7 / 15)).toBe("46.7");
    setNumberLocale(numberLocaleFor("de-DE"));
    expect(numberText(1500.5)).toBe("1500,5");
    expect(percentText(-0.005)).toBe("-0,5");
    expect(scoreText(7 / 15)).toBe("46,7");
    // What a field is given back reads as the same number, with no note.
    expect(parseNumber(scoreText(7 / 15), { percent: true })).toEqual({ ok: true, value: 0.467 });
  });
});
