// The function reference (docs/functions.md) against the code: one section per function, the
// syntax as declared in functions.ts, and every example evaluated through the cores.
//
// Example lines have one fixed form, optionally as a list item:
//   Example: `=AGAP.REALIZED({0.8,0.6,0.5,0.4,0.5})` returns `0.048` — any comment
// Arguments are array constants ({a,b;c,d}), numbers, percentages (25%), "text", TRUE/FALSE,
// error values (#N/A) or left out. The stated result is a value or an array constant of values:
// numbers must match to 1e-9 of the stated value; text exactly; errors by code. A result
// starting with ≈ is rounded: each number must match to the digits written.
import * as fs from "fs";
import * as path from "path";
import { CORES, type FunctionId } from "../../src/functions/core";
import { FormulaError, type ErrorCode } from "../../src/functions/values";

// The help-page builder is plain JavaScript without type declarations.
const { buildHelpHtml } = require("../../scripts/build-help") as { buildHelpHtml: (markdown: string) => string };
import { DEV_URL, withHelpUrls } from "../../scripts/public-url";

const ROOT = path.resolve(__dirname, "..", "..");
const DOC_PATH = path.join(ROOT, "docs", "functions.md");
const DOC = fs.readFileSync(DOC_PATH, "utf8");
const FUNCTIONS_SOURCE = fs.readFileSync(path.join(ROOT, "src", "functions", "functions.ts"), "utf8");
const IDS = Object.keys(CORES) as FunctionId[];

const ERROR_CODES: readonly ErrorCode[] = [
  "#VALUE!",
  "#N/A",
  "#DIV/0!",
  "#NUM!",
  "#NULL!",
  "#NAME?",
  "#REF!",
  "#CALC!",
  "#SPILL!",
];

// ---------------------------------------------------------------------------------------------
// What functions.ts declares: parameters (optional or not, range or single value) and help links.

interface Parameter {
  name: string;
  optional: boolean;
  /** A range parameter: Excel passes even a single value as a 1 × 1 grid. */
  range: boolean;
}

interface Declared {
  parameters: Parameter[];
}

function declaredFunctions(): Map<string, Declared> {
  const declared = new Map<string, Declared>();
  const pattern = /\/\*\*([\s\S]*?)\*\/\s*export function \w+\(([^)]*)\)/g;
  for (const [, jsDoc, parameterList] of FUNCTIONS_SOURCE.matchAll(pattern)) {
    const id = /@customfunction\s+(\w+)/.exec(jsDoc)?.[1];
    if (!id) continue;
    const parameters = parameterList
      .split(",")
      .map((text) => text.trim())
      .filter(Boolean)
      .map((text) => {
        const match = /^(\w+)(\?)?\s*:\s*(.+)$/.exec(text);
        if (!match) throw new Error(`functions.ts: cannot read the parameter "${text}" of ${id}`);
        const type = match[3].trim();
        return { name: match[1], optional: match[2] === "?", range: type === "Range" || type.endsWith("[][]") };
      });
    declared.set(id, { parameters });
  }
  return declared;
}

const DECLARED = declaredFunctions();

// ---------------------------------------------------------------------------------------------
// The document: headings, function sections and example lines.

interface Heading {
  depth: number;
  text: string;
  line: number;
}

interface Section {
  id: string;
  line: number;
  body: string[];
}

/** Headings outside fenced code blocks. */
function headingsOf(markdown: string): Heading[] {
  const headings: Heading[] = [];
  let fenced = false;
  markdown.split("\n").forEach((text, index) => {
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
    const match = !fenced && /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(text);
    if (match) headings.push({ depth: match[1].length, text: match[2], line: index + 1 });
  });
  return headings;
}

/** Heading text as the help-page builder reads it: without markup. */
function plainText(text: string): string {
  return text
    .replace(/<[^>]*>/g, "")
    .replace(/[`*_~]/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .trim();
}

const FUNCTION_HEADING = /^## AGAP\.([A-Z]+)$/;

/** The `## AGAP.X` sections, each up to the next level-1 or level-2 heading. */
function functionSections(markdown: string): Section[] {
  const lines = markdown.split("\n");
  const boundaries = headingsOf(markdown).filter((h) => h.depth <= 2);
  const sections: Section[] = [];
  boundaries.forEach((heading, i) => {
    const match = FUNCTION_HEADING.exec(lines[heading.line - 1]);
    if (!match) return;
    const end = i + 1 < boundaries.length ? boundaries[i + 1].line - 1 : lines.length;
    sections.push({ id: match[1], line: heading.line, body: lines.slice(heading.line, end) });
  });
  return sections;
}

const EXAMPLE_LINE = /^(?:[-*]\s+)?Example: `(=[^`]+)` returns `([^`]+)`(?:\s.*)?$/;

interface Example {
  line: number;
  formula: string;
  expected: string;
  /** The function section the example sits in, if any. */
  section: string | undefined;
}

function examplesOf(markdown: string): { examples: Example[]; malformed: string[] } {
  const examples: Example[] = [];
  const malformed: string[] = [];
  const sections = functionSections(markdown);
  markdown.split("\n").forEach((text, index) => {
    if (!text.includes("Example:")) return;
    const match = EXAMPLE_LINE.exec(text.trim());
    if (!match) {
      malformed.push(`line ${index + 1}: ${text}`);
      return;
    }
    const line = index + 1;
    const section = sections.find((s) => line > s.line && line <= s.line + s.body.length)?.id;
    examples.push({ line, formula: match[1], expected: match[2], section });
  });
  return { examples, malformed };
}

// ---------------------------------------------------------------------------------------------
// A small reader for the formulas of the examples: one AGAP call with constant arguments.

/** Splits at a separator outside quotes and braces. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "{") depth++;
    else if (!quoted && c === "}") depth--;
    else if (!quoted && depth === 0 && c === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (quoted || depth !== 0) throw new Error(`unbalanced quotes or braces in ${text}`);
  parts.push(text.slice(start));
  return parts;
}

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const PERCENT = /^([-+]?(?:\d+\.?\d*|\.\d+))%$/;

type Cell = number | string | boolean | FormulaError;

/** A constant: "text", a number, a percentage, TRUE/FALSE or an error value. */
function parseConstant(token: string): Cell {
  const text = token.trim();
  const quoted = /^"((?:[^"]|"")*)"$/.exec(text);
  if (quoted) return quoted[1].replace(/""/g, '"');
  if (/^(TRUE|FALSE)$/i.test(text)) return text.toUpperCase() === "TRUE";
  if ((ERROR_CODES as readonly string[]).includes(text.toUpperCase()))
    return new FormulaError(text.toUpperCase() as ErrorCode);
  const percent = PERCENT.exec(text);
  if (percent) return Number(percent[1]) / 100;
  if (NUMBER.test(text)) return Number(text);
  throw new Error(`cannot read the constant ${token}`);
}

/** An array constant {a,b;c,d} as rows of cells. */
function parseArray(text: string, cell: (token: string) => Cell): Cell[][] {
  const inner = text.trim().slice(1, -1);
  const rows = splitTopLevel(inner, ";").map((row) => splitTopLevel(row, ",").map(cell));
  if (rows.some((row) => row.length !== rows[0].length)) throw new Error(`rows of unequal length in ${text}`);
  return rows;
}

/** An argument: left out (null), an array constant or a single constant. */
function parseArgument(token: string): Cell[][] | Cell | null {
  const text = token.trim();
  if (text === "") return null;
  if (text.startsWith("{")) {
    if (!text.endsWith("}")) throw new Error(`cannot read the array ${token}`);
    return parseArray(text, parseConstant);
  }
  return parseConstant(text);
}

interface Call {
  id: FunctionId;
  args: unknown[];
}

/** Reads `=AGAP.X(args)` and lays the arguments out as Excel hands them to the function. */
function parseFormula(formula: string): Call {
  const match = /^=AGAP\.([A-Z]+)\((.*)\)$/.exec(formula.trim());
  if (!match) throw new Error(`not a single AGAP call: ${formula}`);
  const id = match[1] as FunctionId;
  const declared = DECLARED.get(id);
  if (!(id in CORES) || !declared) throw new Error(`unknown function AGAP.${match[1]}`);
  const tokens = match[2].trim() === "" ? [] : splitTopLevel(match[2], ",");
  if (tokens.length > declared.parameters.length) throw new Error(`too many arguments for AGAP.${id}`);
  const args = declared.parameters.map((parameter, i) => {
    if (i >= tokens.length) {
      if (!parameter.optional) throw new Error(`AGAP.${id}: the required argument ${parameter.name} is missing`);
      return null;
    }
    const value = parseArgument(tokens[i]);
    if (value === null) return null;
    if (Array.isArray(value)) {
      if (!parameter.range) {
        throw new Error(`AGAP.${id}: ${parameter.name} takes one value; Excel would repeat the function over an array`);
      }
      return value;
    }
    return parameter.range ? [[value]] : value;
  });
  return { id, args };
}

// ---------------------------------------------------------------------------------------------
// The stated results and their comparison with what the cores return.

type Expected =
  | { kind: "number"; value: number; decimals: number }
  | { kind: "text"; value: string }
  | { kind: "error"; code: string };

function decimalsOf(token: string): number {
  const percent = token.endsWith("%");
  const mantissa = token.replace("%", "").split(/[eE]/)[0];
  const exponent = Number(token.replace("%", "").split(/[eE]/)[1] ?? 0);
  const fraction = mantissa.includes(".") ? mantissa.split(".")[1].length : 0;
  return Math.max(0, fraction - exponent + (percent ? 2 : 0));
}

function parseExpectedCell(token: string): Expected {
  const text = token.trim();
  const quoted = /^"((?:[^"]|"")*)"$/.exec(text);
  if (quoted) return { kind: "text", value: quoted[1].replace(/""/g, '"') };
  if ((ERROR_CODES as readonly string[]).includes(text.toUpperCase()))
    return { kind: "error", code: text.toUpperCase() };
  const percent = PERCENT.exec(text);
  if (percent) return { kind: "number", value: Number(percent[1]) / 100, decimals: decimalsOf(text) };
  if (NUMBER.test(text)) return { kind: "number", value: Number(text), decimals: decimalsOf(text) };
  return { kind: "text", value: text };
}

function parseExpected(stated: string): { rounded: boolean; grid: Expected[][] } {
  const rounded = stated.startsWith("≈");
  const text = rounded ? stated.slice(1).trim() : stated.trim();
  if (!text.startsWith("{")) return { rounded, grid: [[parseExpectedCell(text)]] };
  const inner = text.slice(1, -1);
  const grid = splitTopLevel(inner, ";").map((row) => splitTopLevel(row, ",").map(parseExpectedCell));
  return { rounded, grid };
}

function show(value: unknown): string {
  if (value instanceof FormulaError) return `${value.code}${value.message ? ` (${value.message})` : ""}`;
  return JSON.stringify(value);
}

/** Differences between a result and the stated value; empty when they agree. */
function compare(actual: unknown, stated: string): string[] {
  const { rounded, grid } = parseExpected(stated);
  const result: unknown[][] = Array.isArray(actual) ? (actual as unknown[][]) : [[actual]];
  const shape = (g: unknown[][]) => `${g.length} × ${g[0]?.length ?? 0}`;
  if (result.length !== grid.length || result.some((row, r) => row.length !== grid[r].length)) {
    return [`shape: stated ${shape(grid)}, got ${shape(result)}: ${show(result)}`];
  }
  const problems: string[] = [];
  grid.forEach((row, r) =>
    row.forEach((want, c) => {
      const got = result[r][c];
      const where = grid.length * row.length > 1 ? `[${r + 1},${c + 1}] ` : "";
      if (want.kind === "number") {
        const tolerance = rounded ? 0.5 * 10 ** -want.decimals + 1e-12 : 1e-9 * Math.abs(want.value) + 1e-12;
        if (typeof got !== "number" || !(Math.abs(got - want.value) <= tolerance)) {
          problems.push(`${where}stated ${want.value}, got ${show(got)}`);
        }
      } else if (want.kind === "text") {
        if (got !== want.value) problems.push(`${where}stated "${want.value}", got ${show(got)}`);
      } else if (!(got instanceof FormulaError) || got.code !== want.code) {
        problems.push(`${where}stated ${want.code}, got ${show(got)}`);
      }
    }),
  );
  return problems;
}

// ---------------------------------------------------------------------------------------------

const SECTIONS = functionSections(DOC);
const { examples: EXAMPLES, malformed: MALFORMED } = examplesOf(DOC);

describe("docs/functions.md: sections", () => {
  test("has exactly one `## AGAP.X` section per function in CORES", () => {
    const documented = SECTIONS.map((s) => s.id);
    const duplicates = documented.filter((id, i) => documented.indexOf(id) !== i);
    expect(duplicates).toEqual([]);
    expect(IDS.filter((id) => !documented.includes(id))).toEqual([]);
    expect(documented.filter((id) => !(IDS as string[]).includes(id))).toEqual([]);
  });

  test("no other heading starts with AGAP., so the help page's anchors stay unique", () => {
    const stray = headingsOf(DOC)
      .filter((h) => plainText(h.text).startsWith("AGAP."))
      .filter((h) => !(h.depth === 2 && FUNCTION_HEADING.test(`## ${h.text}`)))
      .map((h) => `line ${h.line}: ${"#".repeat(h.depth)} ${h.text}`);
    expect(stray).toEqual([]);
  });

  test("every function's help link, as the build writes it, points at a section of this page", () => {
    const built = JSON.parse(withHelpUrls(JSON.stringify({ functions: IDS.map((id) => ({ id })) }), DEV_URL));
    for (const fn of built.functions as { id: string; helpUrl: string }[]) {
      expect(fn.helpUrl).toBe(`${DEV_URL}help/functions.html#${fn.id.toLowerCase()}`);
      expect(SECTIONS.map((s) => s.id)).toContain(fn.id);
    }
  });

  test("the help page built from it has an anchor for every function and for every in-page link", () => {
    const html = buildHelpHtml(DOC);
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    for (const id of IDS) expect(ids).toContain(id.toLowerCase());
    const links = [...html.matchAll(/ href="#([^"]+)"/g)].map((m) => m[1]);
    expect(links.filter((link) => !ids.has(link))).toEqual([]);
  });

  test.each(IDS)("AGAP.%s has a Syntax line that matches the parameters in functions.ts", (id) => {
    const section = SECTIONS.find((s) => s.id === id);
    const body = section?.body.join("\n") ?? "";
    expect(body).toContain("Syntax");
    const syntax = /^Syntax: `=AGAP\.([A-Z]+)\(([^`]*)\)`\s*$/m.exec(body);
    expect(syntax?.[1]).toBe(id);
    const written = (syntax?.[2] ?? "")
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
    const declared = (DECLARED.get(id)?.parameters ?? []).map((p) => (p.optional ? `[${p.name}]` : p.name));
    expect(written).toEqual(declared);
  });

  test.each(IDS)("AGAP.%s has an example of its own that is checked against the code", (id) => {
    const own = EXAMPLES.filter((e) => e.section === id);
    expect(own.length).toBeGreaterThan(0);
    for (const example of own) expect(parseFormula(example.formula).id).toBe(id);
  });
});

describe("docs/functions.md: examples", () => {
  test("every line with 'Example:' has the checked form", () => {
    expect(MALFORMED).toEqual([]);
  });

  test("there are examples to check", () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(IDS.length);
  });

  test.each(EXAMPLES.map((e) => [`line ${e.line}: ${e.formula} returns ${e.expected}`, e] as const))(
    "%s",
    (_, example) => {
      const call = parseFormula(example.formula);
      const core = CORES[call.id] as (...args: unknown[]) => unknown;
      expect(compare(core(...call.args), example.expected)).toEqual([]);
    },
  );
});

describe("the example checker itself", () => {
  test("reads constants, arrays, percentages and left-out arguments as Excel passes them", () => {
    expect(parseFormula('=AGAP.ROI(40,"",60,{1,2;3,4},,25%)').args).toEqual([
      40,
      "",
      60,
      [
        [1, 2],
        [3, 4],
      ],
      null,
      0.25,
      null,
    ]);
    expect(parseFormula("=AGAP.CURVE()").args).toEqual([null, null]);
    expect(parseFormula("=AGAP.STAGE(3)").args).toEqual([[[3]], null]);
    expect(parseFormula('=AGAP.WEAKEST({0.5,#N/A,TRUE,"a,b",1})').args[0]).toEqual([
      [0.5, new FormulaError("#N/A"), true, "a,b", 1],
    ]);
    expect(() => parseFormula("=AGAP.LIFT({1,1,1,1,1},{1,2},0.1)")).toThrow(/takes one value/);
    expect(() => parseFormula("=AGAP.REALIZED()")).toThrow(/required/);
  });

  test("catches a wrong number, a wrong shape, wrong text and a wrong error", () => {
    expect(compare([[0.048]], "0.048")).toEqual([]);
    expect(compare([[0.0480001]], "0.048")).not.toEqual([]);
    expect(compare([[0.5928155]], "≈0.5928")).toEqual([]);
    expect(compare([[0.5929]], "≈0.5928")).not.toEqual([]);
    expect(compare([[0.048], [0.3]], "{0.048;0.32768}")).not.toEqual([]);
    expect(compare([[0.048, 0.32768]], "{0.048;0.32768}")).not.toEqual([]);
    expect(compare([["Critical"]], "Critical")).toEqual([]);
    expect(compare([["Severe"]], "Critical")).not.toEqual([]);
    expect(compare(new FormulaError("#N/A"), "#N/A")).toEqual([]);
    expect(compare(new FormulaError("#VALUE!"), "#N/A")).not.toEqual([]);
    expect(compare(0, "#N/A")).not.toEqual([]);
  });
});
