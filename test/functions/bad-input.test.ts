// The bad-input matrix: every argument of every function that takes scores, answers or numbers,
// against each kind of bad value, through the cores and through HyperFormula formulas.
import type { RawCellContent } from "hyperformula";
import { CORES, type FunctionId } from "../../src/functions/core";
import { FormulaError, type ErrorCode } from "../../src/functions/values";
import { FUNCTIONS, FUNCTION_IDS, a1, book, toContent, type Plain } from "../support/hyperformula-agap";

type Cell = unknown;
type Value = Cell | Cell[][];

/** What a case must give: a result without errors, or an error with its code. */
interface Expect {
  ok?: true;
  code?: ErrorCode;
  /** Fragments the message must contain (for errors our code produces). */
  mentions?: string[];
  /** The error value given is passed through: same code, message left to its source. */
  passthrough?: true;
}

interface Case {
  title: string;
  fn: FunctionId;
  /** The argument under test, as messages name it. */
  name: string;
  args: Value[];
  expect: Expect;
}

const ERROR_INPUTS = ["#DIV/0!", "#N/A", "#NUM!", "#REF!"] as const;
const MUTATIONS = [
  "blank",
  "text",
  "boolean",
  ...ERROR_INPUTS,
  "negative",
  "above max",
  "narrower",
  "wider",
  "2×3",
  "all blank",
] as const;
type Mutation = (typeof MUTATIONS)[number];

/** One argument under test: a valid call, where the argument sits in it, and what it accepts. */
interface ArgSpec {
  fn: FunctionId;
  index: number;
  /** The argument's name as messages give it. */
  name: string;
  /** Tells two forms of one argument apart in titles. */
  form?: string;
  base: Value[];
  /** For a range argument: the cell changed, and how messages name it. */
  position?: number;
  where?: string;
  /** A fragment of the allowed range that messages about this argument give. */
  allowed: string;
  text?: string;
  negative: number;
  above: number;
  /** A valid cell used to fill wrong shapes. */
  fill: Cell;
  expect?: Partial<Record<Mutation, Expect>>;
  extra?: [string, Value, Expect][];
}

const ARTICLE = [0.8, 0.6, 0.5, 0.4, 0.5];
const LATER = [0.9, 0.6, 0.7, 0.6, 0.5];
const ANSWERS = [5, 3, 4, 3, 3, 3, 2, 3, 2, 2, 2, 2, 3, 2, 2];
const LIMITS = [0.9, 0.75, 0.5, 0.25];
const OK: Expect = { ok: true };
const value = (name: string, ...more: string[]): Expect => ({ code: "#VALUE!", mentions: [name, ...more] });
const na = (name: string, ...more: string[]): Expect => ({ code: "#N/A", mentions: [name, ...more] });

/** Scores in [0, 1] at argument `index` of a call. */
function scores(fn: FunctionId, index: number, base: Value[]): ArgSpec {
  return {
    fn,
    index,
    name: "scores",
    base,
    position: 2,
    where: "Human Oversight (score 3)",
    allowed: "0 to 1",
    negative: -0.5,
    above: 1.5,
    fill: 0.5,
  };
}

const SHAPE_MUTATIONS: Mutation[] = ["narrower", "wider", "2×3"];
const all = (mutations: Mutation[], expect: Expect) => Object.fromEntries(mutations.map((m) => [m, expect]));

const SPECS: ArgSpec[] = [
  scores("REALIZED", 0, [[ARTICLE]]),
  scores("GAP", 0, [[ARTICLE]]),
  {
    fn: "STAGE",
    index: 0,
    name: "stage",
    base: [3, [ARTICLE]],
    allowed: "0 to 5",
    negative: -1,
    above: 6,
    fill: 3,
    // A range of stages is allowed: it spills one result per stage.
    expect: { ...all(SHAPE_MUTATIONS, OK), "all blank": na("stage", "blank") },
    extra: [
      ["a stage name", "Human Trust", OK],
      ["a layer name", "oversight", OK],
      ["a fraction", 2.5, value("stage", "whole stage number")],
      ["an unknown name", "Nowhere", value("stage", '"Nowhere"', "0 to 5")],
    ],
  },
  scores("STAGE", 1, [3, [ARTICLE]]),
  scores("CURVE", 0, [[ARTICLE], 1000]),
  {
    fn: "CURVE",
    index: 1,
    name: "expected_value",
    base: [[ARTICLE], 1000],
    allowed: "0 or more",
    negative: -1000,
    above: 1e12,
    fill: 1000,
    expect: { blank: OK, "above max": OK },
  },
  {
    fn: "ROI",
    index: 0,
    name: "baseline",
    base: [40, 25, 60, [[1000, 2000, 2000]], "lower", 12],
    allowed: "a number",
    negative: -40,
    above: 1e12,
    fill: 40,
    expect: { blank: na("baseline", "no baseline was captured"), negative: OK, "above max": OK },
  },
  {
    fn: "ROI",
    index: 1,
    name: "current",
    base: [40, 25, 60, [[1000, 2000, 2000]], "lower", 12],
    allowed: "a number",
    negative: -25,
    above: 1e12,
    fill: 25,
    expect: { blank: na("current", "no value after go-live"), negative: OK, "above max": OK },
  },
  {
    fn: "ROI",
    index: 2,
    name: "value_per_unit",
    base: [40, 25, 60, [[1000, 2000, 2000]], "lower", 12],
    allowed: "0 or more",
    negative: -60,
    above: 1e12,
    fill: 60,
    expect: { blank: na("value_per_unit", "required"), "above max": OK },
  },
  {
    fn: "ROI",
    index: 3,
    name: "costs",
    base: [40, 25, 60, [[1000, 2000, 2000]], "lower", 12],
    position: 2,
    where: "cost 3",
    allowed: "0 or more",
    negative: -1000,
    above: 1e12,
    fill: 1000,
    // Costs are summed like SUM: blanks are skipped and any shape is fine.
    expect: { blank: OK, "above max": OK, ...all(SHAPE_MUTATIONS, OK), "all blank": na("costs", "no costs entered") },
    extra: [
      ["zero total cost", [[0, 0, 0]], { code: "#DIV/0!", mentions: ["costs", "total cost is 0"] }],
      ["a single number", 5000, OK],
    ],
  },
  {
    fn: "ROI",
    index: 3,
    name: "costs",
    form: "with per_period_costs",
    base: [40, 25, 60, [[1000, 2000, 2000]], "lower", 12, [[100, 50]]],
    position: 2,
    where: "cost 3",
    allowed: "0 or more",
    negative: -1000,
    above: 1e12,
    fill: 1000,
    // Costs per period alone are costs entered: blank one-off costs then count 0.
    expect: { blank: OK, "above max": OK, ...all(SHAPE_MUTATIONS, OK), "all blank": OK },
  },
  {
    fn: "ROI",
    index: 4,
    name: "direction",
    base: [40, 25, 60, [[1000, 2000, 2000]], "lower", 12],
    allowed: '"lower" or "higher"',
    text: "sideways",
    negative: -1,
    above: 2,
    fill: "lower",
    expect: {
      blank: OK,
      text: value("direction", '"sideways"', '"lower" or "higher"'),
      boolean: value("direction", '"lower" or "higher"'),
    },
    extra: [
      ["higher, in any case", " HIGHER ", OK],
      ["lower", "lower", OK],
    ],
  },
  {
    fn: "ROI",
    index: 5,
    name: "periods",
    base: [40, 25, 60, [[1000, 2000, 2000]], "lower", 12],
    allowed: "above 0",
    negative: -12,
    above: 1e12,
    fill: 12,
    expect: { blank: OK, "above max": OK },
    extra: [
      ["zero periods", 0, value("periods", "above 0")],
      ["a fraction of a period", 2.5, OK],
    ],
  },
  {
    fn: "ROI",
    index: 6,
    name: "per_period_costs",
    base: [40, 25, 60, [[1000, 2000, 2000]], "lower", 12, [[100, 50, 25]]],
    position: 2,
    where: "cost 3",
    allowed: "0 or more",
    negative: -25,
    above: 1e12,
    fill: 100,
    // Summed like costs; missing or all blank means none, as the argument is optional.
    expect: { blank: OK, "above max": OK, ...all(SHAPE_MUTATIONS, OK), "all blank": OK },
    extra: [
      ["a single number", 150, OK],
      ["zero", 0, OK],
    ],
  },
  {
    fn: "PROJECTED",
    index: 0,
    name: "expected_value",
    base: [1000, [ARTICLE]],
    allowed: "0 or more",
    negative: -1000,
    above: 1e12,
    fill: 1000,
    expect: { blank: na("expected_value", "required"), "above max": OK },
  },
  scores("PROJECTED", 1, [1000, [ARTICLE]]),
  {
    fn: "PAYBACK",
    index: 0,
    name: "costs",
    base: [[[600, 400]], [[600, 600, 600, 600, 600]]],
    position: 1,
    where: "cost 2",
    allowed: "0 or more",
    negative: -400,
    above: 1e12,
    fill: 100,
    expect: {
      blank: OK,
      "above max": na("not paid back", "cost"),
      ...all(SHAPE_MUTATIONS, OK),
      "all blank": na("costs", "no costs entered"),
    },
    extra: [["zero cost (paid back at once)", [[0, 0]], OK]],
  },
  {
    fn: "PAYBACK",
    index: 0,
    name: "costs",
    form: "with per_period_costs",
    base: [[[600, 400]], [[600, 600, 600, 600, 600]], [[50, 50]]],
    position: 1,
    where: "cost 2",
    allowed: "0 or more",
    negative: -400,
    above: 1e12,
    fill: 100,
    // Costs per period alone are costs entered: with no one-off cost, nothing is left to pay back.
    expect: {
      blank: OK,
      "above max": na("not paid back", "less the costs per period"),
      ...all(SHAPE_MUTATIONS, OK),
      "all blank": OK,
    },
  },
  {
    fn: "PAYBACK",
    index: 1,
    name: "benefits",
    base: [[[600, 400]], [[600, 600, 600, 600, 600]]],
    position: 2,
    where: "period 3",
    allowed: "a number",
    // A negative benefit is a loss in that period, and allowed.
    negative: -600,
    above: 1e12,
    fill: 600,
    expect: {
      blank: na("benefits", "period 3 is blank"),
      negative: OK,
      "above max": OK,
      narrower: OK,
      wider: OK,
      "2×3": value("benefits", "one row or column"),
    },
    extra: [
      ["never covered", [[100, 100]], na("not paid back", "benefit", "2 periods")],
      ["trailing blanks", [[600, 600, null, null]], OK],
    ],
  },
  {
    fn: "PAYBACK",
    index: 2,
    name: "per_period_costs",
    base: [[[600, 400]], [[600, 600, 600, 600, 600]], [[50, 50]]],
    position: 1,
    where: "cost 2",
    allowed: "0 or more",
    negative: -50,
    above: 1e12,
    fill: 50,
    expect: {
      blank: OK,
      "above max": na("not paid back", "less the costs per period", "5 periods"),
      ...all(SHAPE_MUTATIONS, OK),
      "all blank": OK,
    },
    extra: [
      ["a single number", 100, OK],
      ["as large as the benefit", 600, na("not paid back", "less the costs per period")],
    ],
  },
  {
    fn: "LAYER",
    index: 0,
    name: "answers",
    base: [[[5, 3, 4]]],
    position: 1,
    where: "answer 2",
    allowed: "0 to 5",
    negative: -1,
    above: 6,
    fill: 3,
    // Two rows of three answers are two layers.
    expect: { "2×3": OK },
  },
  {
    fn: "SCORES",
    index: 0,
    name: "answers",
    base: [[ANSWERS]],
    position: 7,
    where: "answer 8 (Oversight)",
    allowed: "0 to 5",
    negative: -1,
    above: 6,
    fill: 3,
  },
  { ...scores("BAND", 0, [[ARTICLE], [LIMITS]]), name: "gap_or_scores", form: "scores" },
  {
    fn: "BAND",
    index: 0,
    name: "gap_or_scores",
    form: "gap",
    base: [0.952, [LIMITS]],
    where: "the gap",
    allowed: "0 to 1",
    negative: -0.1,
    above: 1.5,
    fill: 0.5,
    expect: { "all blank": value("gap_or_scores") },
  },
  {
    fn: "BAND",
    index: 1,
    name: "thresholds",
    base: [0.952, [LIMITS]],
    position: 2,
    where: "limit 3",
    allowed: "0 to 1",
    negative: -0.5,
    above: 1.5,
    fill: 0.5,
    expect: {
      narrower: value("thresholds", "must be 4 numbers"),
      wider: value("thresholds", "must be 4 numbers"),
      "all blank": OK,
    },
    extra: [["rising limits", [[0.25, 0.5, 0.75, 0.9]], value("thresholds", "must fall")]],
  },
  scores("WEAKEST", 0, [[ARTICLE], [["a", "b", "c", "d", "e"]]]),
  {
    fn: "WEAKEST",
    index: 1,
    name: "labels",
    base: [[ARTICLE], [["a", "b", "c", "d", "e"]]],
    position: 2,
    where: "label 3",
    allowed: "label",
    negative: -0.5,
    above: 1e12,
    fill: "x",
    // Any non-blank cell is a label, as it would show in a cell.
    expect: {
      text: OK,
      boolean: OK,
      negative: OK,
      "above max": OK,
      narrower: value("labels", "expected 5 labels"),
      wider: value("labels", "expected 5 labels"),
      "all blank": OK,
    },
  },
  scores("LIFT", 0, [[ARTICLE], 4, 0.1]),
  {
    fn: "LIFT",
    index: 1,
    name: "layer",
    base: [[ARTICLE], 4, 0.1],
    allowed: "1 to 5",
    negative: -1,
    above: 6,
    fill: 4,
    expect: { blank: na("layer", "required") },
    extra: [
      ["a layer name", "Measurement", OK],
      ["a fraction", 2.5, value("layer", "whole layer number")],
    ],
  },
  {
    fn: "LIFT",
    index: 2,
    name: "delta",
    base: [[ARTICLE], 4, 0.1],
    allowed: "-1 to 1",
    negative: -0.1,
    above: 1.5,
    fill: 0.1,
    expect: { blank: na("delta", "required"), negative: OK },
    extra: [["below -1", -1.5, value("delta", "-1.5", "-1 to 1")]],
  },
  scores("SENSITIVITY", 0, [[ARTICLE], 0.1]),
  {
    fn: "SENSITIVITY",
    index: 1,
    name: "delta",
    base: [[ARTICLE], 0.1],
    allowed: "-1 to 1",
    negative: -0.1,
    above: 1.5,
    fill: 0.1,
    expect: { blank: OK, negative: OK },
    extra: [["below -1", -1.5, value("delta", "-1 to 1")]],
  },
  scores("PLAN", 0, [[ARTICLE], 0.1]),
  {
    fn: "PLAN",
    index: 1,
    name: "target",
    base: [[ARTICLE], 0.1],
    allowed: "above 0 and at most 1",
    negative: -0.5,
    above: 1.2,
    fill: 0.1,
    expect: { blank: na("target", "required"), "above max": value("target", "1.2", "never be reached") },
    extra: [
      ["zero", 0, value("target", "above 0 and at most 1")],
      ["already met", 0.01, OK],
      ["exactly 1", 1, OK],
    ],
  },
  ...(["before", "after"] as const).map((name, index): ArgSpec => ({
    ...scores("ATTRIBUTION", index, [[ARTICLE], [LATER]]),
    name,
    extra: [
      ["two profiles", [ARTICLE, LATER], value(name, "got 2 profiles", "one profile each")],
      ["a column of five", ARTICLE.map((score) => [score]), OK],
    ],
  })),
];

/** An error value as cores may receive it: our FormulaError or a host's plain {code} object. */
function errorInput(code: ErrorCode, alternate: boolean): Cell {
  return alternate ? { code } : new FormulaError(code);
}

function mutate(spec: ArgSpec, mutation: Mutation, n: number): Value {
  const original = spec.base[spec.index];
  const isRange = Array.isArray(original);
  const row = isRange ? (original as Cell[][])[0] : [original];
  const width = row.length;
  const set = (cell: Cell): Value => {
    if (!isRange) return cell;
    const copy = row.slice();
    copy[spec.position ?? 0] = cell;
    return [copy];
  };
  // Wrong shapes of a single value are ranges of 4 and 6 cells.
  const narrow = isRange ? width - 1 : 4;
  const wide = isRange ? width + 1 : 6;
  switch (mutation) {
    case "blank":
      return set(null);
    case "text":
      return set(spec.text ?? "abc");
    case "boolean":
      return set(true);
    case "negative":
      return set(spec.negative);
    case "above max":
      return set(spec.above);
    case "narrower":
      return [isRange ? row.slice(0, narrow) : new Array(narrow).fill(spec.fill)];
    case "wider":
      return [isRange ? [...row, spec.fill] : new Array(wide).fill(spec.fill)];
    case "2×3":
      return [new Array(3).fill(spec.fill), new Array(3).fill(spec.fill)];
    case "all blank":
      return [new Array(isRange ? width : 2).fill(null)];
    default:
      return set(errorInput(mutation, n % 2 === 1));
  }
}

function defaultExpect(spec: ArgSpec, mutation: Mutation): Expect {
  const isRange = Array.isArray(spec.base[spec.index]);
  const at = spec.where ? [spec.where] : [];
  switch (mutation) {
    case "blank":
      return na(spec.name, ...at, "blank");
    case "text":
      return value(spec.name, ...at, `"${spec.text ?? "abc"}"`, spec.allowed);
    case "boolean":
      return value(spec.name, ...at, "TRUE", spec.allowed);
    case "negative":
    case "above max":
      return value(spec.name, ...at, spec.allowed);
    case "narrower":
    case "wider":
    case "2×3":
      return value(spec.name);
    case "all blank":
      return isRange ? na(spec.name, "blank") : value(spec.name, "expected one value");
    default:
      return { code: mutation, passthrough: true };
  }
}

function buildCases(): Case[] {
  const cases: Case[] = [];
  let n = 0;
  for (const spec of SPECS) {
    const label = `${spec.fn}.${spec.name}${spec.form ? ` (${spec.form})` : ""}`;
    const withArg = (arg: Value) => spec.base.map((a, i) => (i === spec.index ? arg : a));
    for (const mutation of MUTATIONS) {
      const expect = spec.expect?.[mutation] ?? defaultExpect(spec, mutation);
      cases.push({
        title: `${label}: ${mutation}`,
        fn: spec.fn,
        name: spec.name,
        args: withArg(mutate(spec, mutation, n++)),
        expect,
      });
    }
    for (const [what, arg, expect] of spec.extra ?? []) {
      cases.push({ title: `${label}: ${what}`, fn: spec.fn, name: spec.name, args: withArg(arg), expect });
    }
  }
  return cases;
}

const CASES = buildCases();

// ---- Running a case ---------------------------------------------------------------------------

type Outcome = Plain;

function fromCore(result: unknown): Outcome[][] {
  const grid = (Array.isArray(result) ? result : [[result]]) as unknown[][];
  return grid.map((row) =>
    row.map((cell) =>
      cell instanceof FormulaError ? { code: cell.code, message: cell.message ?? "" } : (cell as Outcome),
    ),
  );
}

function runCore(c: Case): Outcome[][] {
  return fromCore((CORES[c.fn] as (...args: unknown[]) => unknown)(...c.args));
}

const ROWS_PER_CASE = 7;
const FORMULA_COLUMN = 130;

/** Every case in one workbook: its arguments in a band of rows, its formula to the right. */
function buildEngine() {
  const cells: Record<string, RawCellContent | RawCellContent[][]> = {};
  CASES.forEach((c, k) => {
    const top = k * ROWS_PER_CASE;
    const refs = c.args.map((arg, i) => {
      const col = i * 20;
      if (!Array.isArray(arg)) {
        cells[a1(top, col)] = toContent(arg);
        return a1(top, col);
      }
      const grid = arg as Cell[][];
      cells[a1(top, col)] = grid.map((row) => row.map(toContent));
      return `${a1(top, col)}:${a1(top + grid.length - 1, col + grid[0].length - 1)}`;
    });
    cells[a1(top, FORMULA_COLUMN)] = `=AGAP.${c.fn}(${refs.join(", ")})`;
  });
  return book(cells);
}

let engine: ReturnType<typeof buildEngine>;
let tried = 0;

beforeAll(() => {
  engine = buildEngine();
});

afterAll(() => {
  console.log(`bad-input matrix: ${tried} cases, each through the cores and through HyperFormula`);
});

function isError(value: Outcome): value is { code: string; message: string } {
  return value !== null && typeof value === "object";
}

/** Checks one outcome; `core` is the cores' outcome, whose message the engine must repeat. */
function check(outcome: Outcome, wanted: Expect, name: string, core?: Outcome): void {
  if (wanted.ok) {
    expect(isError(outcome) ? outcome : null).toBeNull();
    return;
  }
  expect(outcome).toEqual(expect.objectContaining({ code: wanted.code }));
  const { message } = outcome as { message: string };
  if (wanted.passthrough) {
    // The error's own message is kept; a message our code adds names the argument.
    if (message) expect(message).toContain(name);
    return;
  }
  expect(message).not.toBe("");
  for (const fragment of wanted.mentions ?? []) expect(message).toContain(fragment);
  if (core !== undefined) expect(message).toBe((core as { message: string }).message);
}

describe("bad-input matrix", () => {
  it("covers all 15 functions", () => {
    expect(new Set(CASES.map((c) => c.fn))).toEqual(new Set(FUNCTION_IDS));
    expect(FUNCTION_IDS).toHaveLength(15);
    for (const spec of SPECS) expect(spec.index).toBeLessThan(FUNCTIONS[spec.fn].params.length);
  });

  it.each(SPECS.map((spec) => [`${spec.fn}(${spec.base.map((a) => JSON.stringify(a)).join(", ")})`, spec] as const))(
    "the valid call %s has no error",
    (_, spec) => {
      const grid = runCore({ title: "", fn: spec.fn, name: spec.name, args: spec.base, expect: OK });
      for (const row of grid) for (const cell of row) expect(isError(cell) ? cell : null).toBeNull();
    },
  );

  it.each(CASES.map((c, k) => [c.title, c, k] as const))("%s", (_, c, k) => {
    tried++;
    const core = runCore(c);
    if (c.expect.ok) {
      for (const row of core) for (const cell of row) check(cell, c.expect, c.name);
    } else {
      check(core[0][0], c.expect, c.name);
    }
    const viaEngine = engine.value(a1(k * ROWS_PER_CASE, FORMULA_COLUMN));
    check(viaEngine, c.expect, c.name, c.expect.ok || c.expect.passthrough ? undefined : core[0][0]);
    if (c.expect.ok && typeof core[0][0] === "number") {
      // The engine keeps 10 significant digits.
      expect(Math.abs((viaEngine as number) - core[0][0])).toBeLessThanOrEqual(
        1e-9 * Math.max(1, Math.abs(core[0][0])),
      );
    }
    if (c.expect.ok && typeof core[0][0] === "string") expect(viaEngine).toBe(core[0][0]);
  });
});
