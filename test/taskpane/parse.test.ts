import { LIMITS } from "../../src/model";
import { parseNumber, ruleFromLimit } from "../../src/taskpane/planning/parse";
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { brightness, chooseTheme, loadFluentTheme } from "../../src/taskpane/theme";

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
    ["1e999", {}, "Enter a number, not “1e999”."],
  ])("refuses %j with a message", (text, rule, message) => {
    expect(parseNumber(text, rule)).toEqual({ ok: false, message });
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
  ] as const)("gives the %s theme", async (name, theme) => {
    await expect(loadFluentTheme(name)).resolves.toBe(theme);
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
