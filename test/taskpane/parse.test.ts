import fs from "fs";
import path from "path";
import fc from "fast-check";
import { LIMITS } from "../../src/model";
import { localize, numberLocaleFor, type NumberLocale } from "../../src/taskpane/locale";
import { numberText, parseNumber, ruleFromLimit, type NumberRule } from "../../src/taskpane/planning/parse";
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { brightness, chooseTheme, loadFluentTheme, paneLightTheme } from "../../src/taskpane/theme";

describe("parseNumber", () => {
  it.each([
    ["45", { percent: true, min: 0, max: 1 }, 0.45],
    ["45%", { percent: true, min: 0, max: 1 }, 0.45],
    [" 1,250.5 ", {}, 1250.5],
    ["0", { min: 0 }, 0],
    ["-3", {}, -3],
    ["", { optional: true }, null],
    ["12", { integer: true, min: 1 }, 12],
  ])("reads %j as %p", (text, rule, value) => {
    expect(parseNumber(text, rule)).toEqual({ ok: true, value });
  });

  it.each([
    ["abc", {}, "Enter a number, not “abc”."],
    ["", {}, "Required."],
    ["-1", { min: 0 }, "Must be at least 0."],
    ["0", { min: 0, minExclusive: true, percent: true }, "Must be above 0%."],
    ["120", { max: 1, percent: true }, "Must be at most 100%."],
    ["2.5", { integer: true }, "Enter a whole number."],
    ["1e999", {}, "“1e999” is in scientific notation: type the number in full."],
  ])("refuses %j with a message", (text, rule, message) => {
    expect(parseNumber(text, rule)).toEqual({ ok: false, message });
  });
});

describe("parseNumber: points of a layer score (pts)", () => {
  const POINTS: NumberRule = { points: true, min: 0, max: 1, minExclusive: true };

  it.each([
    ["10", 0.1],
    ["10 pts", 0.1],
    ["10pts", 0.1],
    ["20 points", 0.2],
    ["1 pt", 0.01],
    ["7", 0.07], // read from its digits: not 0.07000000000000001
  ])("reads %j as %p", (text, value) => {
    expect(parseNumber(text, POINTS)).toEqual({ ok: true, value });
  });

  it.each([
    ["10%", "This is in points of a layer score (pts), not a percentage: type it without “%”."],
    ["0", "Must be above 0 pts."],
    ["0 pts", "Must be above 0 pts."],
    ["120", "Must be at most 100 pts."],
    ["$10", "This is a number of points, not an amount: type it without a currency."],
    ["1e1 pts", "“1e1 pts” is in scientific notation: type the number in full (1e1 is 10)."],
    ["pts", "Enter a number, not “pts”."],
  ])("refuses %j: %s", (text, message) => {
    expect(parseNumber(text, POINTS)).toEqual({ ok: false, message });
  });

  it("says how it read a step below one point, in pts, in the user's locale", () => {
    expect(parseNumber("0.5", POINTS)).toEqual({
      ok: true,
      value: 0.005,
      note: "Read as 0.5 pts. For 50 pts, type 50.",
    });
    expect(parseNumber("0,5", POINTS, DE)).toEqual({
      ok: true,
      value: 0.005,
      note: "Read as 0,5 pts. For 50 pts, type 50.",
    });
    // Typed with its unit, the reading is what was meant: no note.
    expect(parseNumber("0.5 pts", POINTS)).toEqual({ ok: true, value: 0.005 });
  });

  it("reads a step the same as the same digits in a percent field, apart from the unit it accepts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (hundredths) => {
        const text = numberText(hundredths / 100, US);
        const points = parseNumber(text, { points: true });
        const percent = parseNumber(text, { percent: true });
        expect(points.ok && percent.ok && points.value === percent.value).toBe(true);
      }),
    );
  });
});

const DE = numberLocaleFor("de-DE");
const US = numberLocaleFor("en-US");
const FR = numberLocaleFor("fr-FR");
const CH = numberLocaleFor("de-CH");
const PERCENT: NumberRule = { percent: true, min: 0, max: 1 };

describe("numberLocaleFor: the separators Intl gives a language", () => {
  it.each([
    ["de-DE", ",", "."],
    ["en-US", ".", ","],
    ["fr-FR", ",", "\u202f"], // narrow no-break space
    ["de-CH", ".", "'"],
    ["sv-SE", ",", "\u00a0"],
  ])("%s: decimal %j, group %j", (tag, decimal, group) => {
    expect(numberLocaleFor(tag)).toEqual({ tag, decimal, group });
  });

  it("falls back to en-US for no language, an unknown one or a malformed tag", () => {
    for (const tag of [undefined, "", "xx-YY", "not a tag!"]) expect(numberLocaleFor(tag)).toEqual(US);
    expect(US).toEqual({ tag: "en-US", decimal: ".", group: "," });
  });
});

describe("parseNumber in the user's locale", () => {
  it.each([
    // de-DE: "." groups thousands, "," is the decimal separator.
    [DE, "1.500", 1500],
    [DE, "0,8", 0.8],
    [DE, "1.234,56 €", 1234.56],
    [DE, "1.234.567,5", 1234567.5],
    [DE, "1500", 1500],
    [DE, "-2,5", -2.5],
    [DE, "EUR 20.000", 20000],
    // en-US: "," groups thousands, "." is the decimal separator.
    [US, "1,500", 1500],
    [US, "1.5", 1.5],
    [US, "$1,234.56", 1234.56],
    [US, "€20,000", 20000],
    [US, "20 000 €", 20000],
    [US, "USD 1,000", 1000],
    [US, "US$ 1,000.5", 1000.5],
    [US, "-$1,234", -1234],
    [US, "$-1,234", -1234],
    [US, "\u22125", -5], // a typographic minus sign
    [US, ".5", 0.5],
    [US, "1\u200e", 1], // a bidi mark pasted with the number
    // fr-FR groups with a narrow no-break space; an ordinary space or a no-break space is the same mark.
    [FR, "1\u202f234,5", 1234.5],
    [FR, "1 234,5", 1234.5],
    [FR, "1\u00a0234\u00a0567", 1234567],
    [FR, "20 000 €", 20000],
    // de-CH groups with an apostrophe, typed straight or curly.
    [CH, "1'234.5", 1234.5],
    [CH, "1\u2019234.5", 1234.5],
  ] as const)("%#: %j reads %j as %p", (locale, text, value) => {
    expect(parseNumber(text, {}, locale)).toMatchObject({ ok: true, value });
  });

  it("reads 1.234,56 € in de-DE as 1234.56 with no note: both separators are there", () => {
    expect(parseNumber("1.234,56 €", {}, DE)).toEqual({ ok: true, value: 1234.56 });
    expect(parseNumber("$1,234.56", {}, US)).toEqual({ ok: true, value: 1234.56 });
  });

  it("says how a lone separator before three digits was read, and how to type the other reading", () => {
    expect(parseNumber("1.500", {}, DE)).toEqual({
      ok: true,
      value: 1500,
      note: "Read as one thousand five hundred (1500): here “.” groups thousands. For one point five, type 1,5.",
    });
    expect(parseNumber("1,500", {}, US)).toEqual({
      ok: true,
      value: 1500,
      note: "Read as one thousand five hundred (1500): here “,” groups thousands. For one point five, type 1.5.",
    });
    // The same text is a decimal where the separator is the decimal one.
    expect(parseNumber("1.500", {}, US)).toEqual({
      ok: true,
      value: 1.5,
      note: "Read as one point five (1.5): here “.” is the decimal separator. For one thousand five hundred, type 1500.",
    });
    expect(parseNumber("1,500", {}, DE)).toEqual({
      ok: true,
      value: 1.5,
      note: "Read as one point five (1,5): here “,” is the decimal separator. For one thousand five hundred, type 1500.",
    });
    expect(parseNumber("-123,456", {}, US)).toEqual({
      ok: true,
      value: -123456,
      note:
        "Read as minus one hundred twenty-three thousand four hundred fifty-six (-123456): here “,” groups thousands. " +
        "For minus one hundred twenty-three point four five six, type -123.456.",
    });
  });

  it("gives no note where the reading is clear: a currency (money has no third decimal), a space, both separators", () => {
    for (const text of ["€20,000", "$1,500", "1 500", "1,500.00", "1500", "0.500"]) {
      expect(parseNumber(text, {}, US)).not.toHaveProperty("note");
    }
  });

  it("asks, where the separator is neither of the locale's (“.” in fr-FR)", () => {
    expect(parseNumber("1.500", {}, FR)).toEqual({
      ok: false,
      message:
        "Here “,” is the decimal separator and digits are grouped with a space: type 1 500 for one thousand five hundred, or 1,5 for one point five.",
    });
  });

  it.each([
    [US, "0x32", "“0x32” is a hexadecimal number: type it in ordinary digits (0x32 is 50)."],
    [US, "0X1F", "“0X1F” is a hexadecimal number: type it in ordinary digits (0X1F is 31)."],
    [US, "0b101", "“0b101” is a binary number: type it in ordinary digits (0b101 is 5)."],
    [US, "0o17", "“0o17” is a octal number: type it in ordinary digits (0o17 is 15)."],
    [US, "1e1", "“1e1” is in scientific notation: type the number in full (1e1 is 10)."],
    [US, "2.5E-3", "“2.5E-3” is in scientific notation: type the number in full (2.5E-3 is 0.0025)."],
    [DE, "2,5e3", "“2,5e3” is in scientific notation: type the number in full (2,5e3 is 2500)."],
    [US, "Infinity", "An infinite amount cannot be used: type a finite number."],
    [US, "-Infinity", "An infinite amount cannot be used: type a finite number."],
    [US, "∞", "An infinite amount cannot be used: type a finite number."],
    [US, "NaN", "Enter a number, not “NaN”."],
    [US, "--5", "Enter a number, not “--5”."],
    [US, "1_000", "Enter a number, not “1_000”."],
    [US, "12 hours", "Enter a number, not “12 hours”."],
    [US, "1" + "0".repeat(400), `“1${"0".repeat(400)}” is too large a number.`],
  ] as const)("%#: refuses %j by name", (locale, text, message) => {
    expect(parseNumber(text, {}, locale)).toEqual({ ok: false, message });
  });

  it("refuses hex and exponent forms in a percent field rather than reading 0x32 as 50% or 1e1 as 10%", () => {
    expect(parseNumber("0x32", PERCENT, US)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/hexadecimal/),
    });
    expect(parseNumber("1e1", PERCENT, US)).toMatchObject({ ok: false, message: expect.stringMatching(/scientific/) });
  });

  it.each([
    // Digit groups in the wrong places.
    [US, "12,34,567", "Digits are grouped in threes here, as in 1,234,567: group them that way, or not at all."],
    [DE, "1.23.456", "Digits are grouped in threes here, as in 1.234.567: group them that way, or not at all."],
    [FR, "12 34", "Digits are grouped in threes here, as in 1 234 567: group them that way, or not at all."],
    [US, "1,234 567", "Group digits one way only, as in 1,234,567."],
    [US, "1.23,4", "Group digits only before the decimal separator “.”."],
    [US, "1'234", "Here “.” is the decimal separator and digits are grouped with “,” or a space; “'” is neither."],
    // Written with the other convention: what to type here. (Before, "2,5" met “Write decimals with a point”.)
    [US, "1,5", "Here the decimal separator is “.” and digits are grouped with “,” or a space: type 1.5."],
    [US, "1,2345", "Here the decimal separator is “.” and digits are grouped with “,” or a space: type 1.2345."],
    [US, "1.234,56", "Here the decimal separator is “.” and digits are grouped with “,” or a space: type 1234.56."],
    [US, "1.234.567", "Here the decimal separator is “.” and digits are grouped with “,” or a space: type 1234567."],
    [DE, "1.5", "Here the decimal separator is “,” and digits are grouped with “.” or a space: type 1,5."],
    [DE, "1,234.56", "Here the decimal separator is “,” and digits are grouped with “.” or a space: type 1234,56."],
    [FR, "1.5", "Here the decimal separator is “,” and digits are grouped with a space: type 1,5."],
  ] as const)("%#: refuses %j with what to type", (locale, text, message) => {
    expect(parseNumber(text, {}, locale)).toEqual({ ok: false, message });
  });

  it("refuses a currency in a percent field and “%” in a field that is not a percentage", () => {
    expect(parseNumber("$5", PERCENT, US)).toEqual({
      ok: false,
      message: "This is a percentage, not an amount: type it without a currency.",
    });
    expect(parseNumber("5%", {}, US)).toEqual({
      ok: false,
      message: "This is not a percentage: type the number without “%”.",
    });
  });
});

describe("percent fields", () => {
  it.each([
    ["25", 0.25],
    ["25%", 0.25],
    ["25 %", 0.25],
    ["%25", 0.25],
    ["100", 1],
    ["0", 0],
  ])("%j → %p, with no note", (text, value) => {
    expect(parseNumber(text, PERCENT, US)).toEqual({ ok: true, value });
  });

  it("reads 0.5 as 0.5%, as the field says, and says how to type 50%", () => {
    expect(parseNumber("0.5", PERCENT, US)).toEqual({
      ok: true,
      value: 0.005,
      note: "Read as 0.5%. For 50%, type 50.",
    });
    expect(parseNumber("0,8", PERCENT, DE)).toEqual({
      ok: true,
      value: 0.008,
      note: "Read as 0,8%. For 80%, type 80.",
    });
    // 0.07 × 100 is 7.000000000000001 in floating point; the note shifts the digits instead.
    expect(parseNumber("0.07", PERCENT, US)).toEqual({
      ok: true,
      value: 0.0007,
      note: "Read as 0.07%. For 7%, type 7.",
    });
    expect(parseNumber("0.125", PERCENT, US)).toMatchObject({ note: "Read as 0.125%. For 12.5%, type 12.5." });
    // Typed with "%", it is not ambiguous.
    expect(parseNumber("0.5%", PERCENT, US)).toEqual({ ok: true, value: 0.005 });
  });

  it("adds the reading to a range error, where the reading is what put the value out of range", () => {
    expect(parseNumber("1,500", PERCENT, US)).toEqual({
      ok: false,
      message:
        "Must be at most 100%. Read as one thousand five hundred (1500%): here “,” groups thousands. For one point five, type 1.5.",
    });
    expect(parseNumber("150", PERCENT, DE)).toEqual({ ok: false, message: "Must be at most 100%." });
    expect(parseNumber("-0,5", { percent: true, min: -1, minExclusive: true }, DE)).toEqual({
      ok: true,
      value: -0.005,
      note: "Read as -0,5%. For -50%, type -50.",
    });
  });
});

describe("round trips: what the pane writes, it reads back", () => {
  const LOCALES: NumberLocale[] = ["en-US", "de-DE", "fr-FR", "de-CH", "sv-SE", "es-ES", "pt-BR", "en-IN"].map(
    numberLocaleFor,
  );
  const locales = fc.constantFrom(...LOCALES);

  it("a grouped figure with 0 to 4 decimals reads back as the rounded number, in every locale", () => {
    fc.assert(
      fc.property(
        locales,
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        (locale, value, digits) => {
          const text = localize(value, digits, locale);
          const parsed = parseNumber(text, {}, locale);
          // toFixed is the rounding the pane has always shown; Intl rounds the same way.
          const expected = Number(value.toFixed(digits));
          return parsed.ok && parsed.value !== null && parsed.value === expected;
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("numberText (the text put back into a field) reads back as exactly the same number, in every locale", () => {
    fc.assert(
      fc.property(locales, fc.double({ noNaN: true, noDefaultInfinity: true }), (locale, value) => {
        const parsed = parseNumber(numberText(value, locale), {}, locale);
        // -0 is written "0".
        return parsed.ok && parsed.value === (value === 0 ? 0 : value);
      }),
      { numRuns: 2000 },
    );
  });

  it("in en-US, localize writes what toFixed wrote before, with thousands grouped", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e15, max: 1e15, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        (value, digits) => {
          const fixed = (value === 0 ? 0 : value).toFixed(digits);
          return localize(value, digits, US).replace(/,/g, "") === fixed;
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("anything typed either reads as a finite number or gets a message, never a silent NaN", () => {
    const char = fc.constantFrom(..."0123456789.,'  %-+$€exXbB".split(""));
    fc.assert(
      fc.property(locales, fc.array(char, { maxLength: 12 }), (locale, chars) => {
        const parsed = parseNumber(chars.join(""), { optional: true }, locale);
        return parsed.ok ? parsed.value === null || Number.isFinite(parsed.value) : parsed.message.length > 0;
      }),
      { numRuns: 2000 },
    );
  });
});

describe("chooseTheme", () => {
  it.each([
    [{ forcedColors: true, prefersDark: false, officeTheme: { isDarkTheme: false } }, "high-contrast"],
    [{ forcedColors: false, prefersDark: false, officeTheme: { isDarkTheme: true } }, "dark"],
    [{ forcedColors: false, prefersDark: true, officeTheme: { isDarkTheme: false } }, "light"],
    [{ forcedColors: false, prefersDark: false, officeTheme: { bodyBackgroundColor: "#262626" } }, "dark"],
    [{ forcedColors: false, prefersDark: true, officeTheme: { bodyBackgroundColor: "#FFFFFF" } }, "light"],
    [{ forcedColors: false, prefersDark: true }, "dark"],
    [{ forcedColors: false, prefersDark: false }, "light"],
  ] as const)("%j → %s", (options, theme) => {
    expect(chooseTheme(options)).toBe(theme);
  });

  it("reads brightness of #rrggbb and refuses anything else", () => {
    expect(brightness("#000000")).toBe(0);
    expect(brightness("#ffffff")).toBeCloseTo(255, 10);
    expect(brightness("white")).toBeNull();
  });
});

describe("loadFluentTheme", () => {
  it.each([
    ["light", webLightTheme],
    ["dark", webDarkTheme],
    ["high-contrast", teamsHighContrastTheme],
  ] as const)("gives Fluent's %s theme with the pane's font stacks", async (name, theme) => {
    const loaded = await loadFluentTheme(name);
    expect(loaded).toEqual({
      ...theme,
      fontFamilyBase: "'Segoe UI', system-ui, sans-serif",
      fontFamilyNumeric: "Bahnschrift, 'Segoe UI', system-ui, sans-serif",
    });
    // Fluent's own stacks differ by theme, and the web ones name a web font the pane never loads.
    expect(theme.fontFamilyBase).not.toBe(loaded.fontFamilyBase);
    expect(Object.values(loaded).join()).not.toContain("Segoe UI Web");
    // Every other token is Fluent's.
    expect(loaded.colorNeutralForeground1).toBe(theme.colorNeutralForeground1);
    expect(loaded.fontFamilyMonospace).toBe(theme.fontFamilyMonospace);
  });
});

describe("ruleFromLimit", () => {
  it("takes the model's limits, so a field accepts what the workbook's reader accepts", () => {
    expect(parseNumber("2.5", ruleFromLimit(LIMITS.periods))).toEqual({ ok: true, value: 2.5 });
    expect(parseNumber("0", ruleFromLimit(LIMITS.periods))).toEqual({ ok: false, message: "Must be above 0." });
    expect(parseNumber("2.5", ruleFromLimit(LIMITS.horizon))).toEqual({ ok: false, message: "Enter a whole number." });
    expect(parseNumber("", ruleFromLimit(LIMITS.money, { optional: true }))).toEqual({ ok: true, value: null });
    expect(parseNumber("-100", ruleFromLimit(LIMITS.discountRate, { percent: true }))).toEqual({
      ok: false,
      message: "Must be above -100%.",
    });
    expect(parseNumber("12", ruleFromLimit(LIMITS.discountRate, { percent: true }))).toEqual({ ok: true, value: 0.12 });
  });
});

describe("the start-up failure message", () => {
  it("is drawn in the themes' font, though no theme is applied yet", () => {
    const css = fs.readFileSync(path.join(__dirname, "../../src/taskpane/taskpane.css"), "utf8");
    const stack = /\.startup-failure\s*{[^}]*font-family:\s*([^;]+);/.exec(css)?.[1];
    expect(stack?.replace(/"/g, "'")).toBe(paneLightTheme.fontFamilyBase);
  });
});
