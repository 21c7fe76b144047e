// The AGAP functions as formulas in a real spreadsheet engine (HyperFormula), and the same inputs
// through the Excel adapter.
import { DetailedCellError, ErrorType, type RawCellContent } from "hyperformula";
import { book, a1, toContent, type Plain } from "../support/hyperformula-agap";
import * as excel from "../../src/functions/functions";
import { StubCustomFunctionError, installCustomFunctionsStub } from "../support/custom-functions-stub";
import type { FunctionId } from "../../src/functions/core";
import { FormulaError } from "../../src/functions/values";

const ARTICLE = [0.8, 0.6, 0.5, 0.4, 0.5];
const EIGHTS = [0.8, 0.8, 0.8, 0.8, 0.8];
const SIXES = [0.6, 0.6, 0.6, 0.6, 0.6];
const STAGE_NAMES = [
  "Expected Value",
  "Agent Capability",
  "Workflow Adoption",
  "Human Trust",
  "Measurement Visibility",
  "Business Impact",
];
const LAYER_NAMES = [
  "Strategy Alignment",
  "Workflow Integration",
  "Human Oversight",
  "Measurement",
  "Business Adoption",
];
// Answers whose layer means are 4, 3, 7/3, 2 and 7/3.
const ANSWERS = [5, 3, 4, 3, 3, 3, 2, 3, 2, 2, 2, 2, 3, 2, 2];
const ANSWER_SCORES = [0.8, 0.6, 7 / 15, 0.4, 7 / 15];

/** Asserts a number within the engine's 10-digit rounding. */
function expectNumber(actual: Plain, expected: number): void {
  expect(typeof actual).toBe("number");
  expect(actual as number).toBeCloseTo(expected, 9);
}

function expectNumbers(actual: Plain[][], expected: number[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, r) => {
    expect(row.length).toBe(expected[r].length);
    row.forEach((value, c) => expectNumber(value, expected[r][c]));
  });
}

/** Asserts an error with its code and a message containing every fragment. */
function expectError(actual: Plain, code: string, ...fragments: string[]): void {
  expect(actual).toEqual(expect.objectContaining({ code }));
  const { message } = actual as { message: string };
  for (const fragment of fragments) expect(message).toContain(fragment);
}

describe("article figures", () => {
  const { value, block } = book({
    A1: [EIGHTS, SIXES, ARTICLE],
    G1: "=AGAP.REALIZED(A1:E1)",
    G2: "=AGAP.REALIZED(A2:E2)",
    G3: "=AGAP.REALIZED(A3:E3)",
    H3: "=AGAP.GAP(A3:E3)",
    H1: "=AGAP.GAP(A1:E1)",
    I1: "=AGAP.CURVE()",
    A10: [[0], [1], [2], [3], [4], [5]],
    B10: "=AGAP.STAGE(A10:A15)",
  });

  it("REALIZED is the product of the five layers: 0.8⁵, 0.6⁵ and the article's mixed profile", () => {
    expectNumber(value("G1"), 0.32768);
    expectNumber(value("G2"), 0.07776);
    expectNumber(value("G3"), 0.048);
  });

  it("GAP is 1 − realized", () => {
    expectNumber(value("H3"), 0.952);
    expectNumber(value("H1"), 1 - 0.32768);
  });

  it("STAGE without scores follows the illustrative curve", () => {
    expectNumbers(block("B10", 6, 1), [[1], [0.8], [0.6], [0.45], [0.3], [0.15]]);
  });

  it("CURVE without scores spills the illustrative curve, six rows by three", () => {
    const curve = block("I1", 6, 3);
    expect(curve.map((row) => row[0])).toEqual(STAGE_NAMES);
    expectNumbers(
      curve.map((row) => row.slice(1)),
      [
        [1, 0],
        [0.8, 0.2],
        [0.6, 0.2],
        [0.45, 0.15],
        [0.3, 0.15],
        [0.15, 0.15],
      ],
    );
    expect(value("L1")).toBeNull();
    expect(value("I7")).toBeNull();
  });
});

describe("every function, normal values", () => {
  const { value, block } = book({
    A1: [ARTICLE],
    A2: [EIGHTS],
    A3: [[0.5, 0.4, 0.4, 0.9, 1]],
    A4: [ANSWERS],
    A5: [["a", "b", "c", "d", "e"]],
    A6: [[1000, 2000, 2000]],
    A7: [[300, 300, 300, 300]],
    A8: [[0.8, 0.6, 0.4, 0.2]],
    A9: [[0.95, 1, 1, 1, 1]],
    A10: [
      [5, 3, 4],
      [3, 3, 3],
      [0, 0, 0],
    ],
    A14: [[200, 50]],
    // STAGE
    R1: "=AGAP.STAGE(3, A1:E1)",
    R2: '=AGAP.STAGE("Human Trust")',
    R3: '=AGAP.STAGE("measurement")',
    R4: '=AGAP.STAGE("oversight", A1:E1)',
    R5: "=AGAP.STAGE(0, A1:E1)",
    // ROI
    S1: '=AGAP.ROI(40, 25, 60, A6:C6, "lower", 12)',
    S2: '=AGAP.ROI(100, 90, 10, 200, "higher")',
    S3: "=AGAP.ROI(40, 25, 60, 500)",
    S4: '=AGAP.ROI(100, 130, 10, 200, "HIGHER ")',
    S5: '=AGAP.ROI(40, 25, 60, A6:C6, "lower", 12, 150)',
    S6: "=AGAP.ROI(40, 25, 60, A15:C15, , 12, A14:B14)",
    S7: "=AGAP.ROI(40, 25, 60, 3000, , 2.5, 150)",
    // PROJECTED, PAYBACK, LAYER
    T1: "=AGAP.PROJECTED(1000000, A1:E1)",
    T2: "=AGAP.PAYBACK(1000, A7:D7)",
    T3: "=AGAP.PAYBACK(A6:B6, {1000,1000,1000,1000})",
    T6: "=AGAP.PAYBACK(3000, {900,900,900,900,900}, 150)",
    T7: "=AGAP.PAYBACK(A6:B6, A7:D7, A14:B14)",
    T8: "=AGAP.PAYBACK(A15:C15, A7:D7, 100)",
    T4: "=AGAP.LAYER({5,3,4})",
    T5: "=AGAP.LAYER(A10:C10)",
    // BAND, WEAKEST, LIFT
    U1: "=AGAP.BAND(0.952)",
    U2: "=AGAP.BAND(A1:E1)",
    U3: "=AGAP.BAND(A2:E2)",
    U4: "=AGAP.BAND(A2:E2, A8:D8)",
    U5: "=AGAP.BAND(0.1)",
    U6: "=AGAP.BAND(0.75)",
    V1: "=AGAP.WEAKEST(A1:E1)",
    V2: "=AGAP.WEAKEST(A1:E1, A5:E5)",
    V3: "=AGAP.WEAKEST(A3:E3)",
    W1: "=AGAP.LIFT(A1:E1, 4, 0.1)",
    W2: '=AGAP.LIFT(A1:E1, "Measurement", 0.1)',
    W3: "=AGAP.LIFT(A9:E9, 1, 0.1)",
    W4: "=AGAP.LIFT(A1:E1, 1, -0.1)",
    // Spills placed apart
    A20: "=AGAP.STAGE({0;1;2;3;4;5}, A1:E1)",
    C20: "=AGAP.CURVE(A1:E1, 1000000)",
    G20: "=AGAP.SENSITIVITY(A1:E1)",
    J20: "=AGAP.SENSITIVITY(A1:E1, 0.2)",
    M20: "=AGAP.PLAN(A1:E1, 0.1)",
    M22: "=AGAP.PLAN(A1:E1, 0.04)",
    A30: "=AGAP.LAYER(A10:C12)",
    C30: "=AGAP.SCORES(A4:O4)",
  });

  it("STAGE with scores is the product of the first k layers, by number, stage name or layer name", () => {
    expectNumber(value("R1"), 0.24);
    expectNumber(value("R2"), 0.45);
    expectNumber(value("R3"), 0.3);
    expectNumber(value("R4"), 0.24);
    expectNumber(value("R5"), 1);
    expectNumbers(block("A20", 6, 1), [[1], [0.8], [0.48], [0.24], [0.096], [0.048]]);
  });

  it("CURVE with scores and an expected value gives the lost value in money", () => {
    const curve = block("C20", 6, 3);
    expect(curve.map((row) => row[0])).toEqual(STAGE_NAMES);
    expectNumbers(
      curve.map((row) => [row[1] as number, (row[2] as number) / 1000]),
      [
        [1, 0],
        [0.8, 200],
        [0.48, 320],
        [0.24, 240],
        [0.096, 144],
        [0.048, 48],
      ],
    );
  });

  it("ROI is (benefit − cost) / cost, with costs summed and the direction read", () => {
    expectNumber(value("S1"), (15 * 60 * 12 - 5000) / 5000);
    expectNumber(value("S2"), (-10 * 10 - 200) / 200);
    expectNumber(value("S3"), (15 * 60 - 500) / 500);
    expectNumber(value("S4"), (30 * 10 - 200) / 200);
  });

  it("ROI counts costs per period once for every period", () => {
    // cost 5 000 + 150 × 12 = 6 800; benefit 15 × 60 × 12 = 10 800
    expectNumber(value("S5"), (10800 - 6800) / 6800);
    // One-off costs all blank, costs per period 200 + 50: cost 250 × 12 = 3 000
    expectNumber(value("S6"), (10800 - 3000) / 3000);
    // A fractional number of periods: cost 3 000 + 150 × 2.5 = 3 375; benefit 900 × 2.5 = 2 250
    expectNumber(value("S7"), (2250 - 3375) / 3375);
  });

  it("PAYBACK takes costs per period off each period's benefit", () => {
    // net 900 − 150 = 750 per period; 3 000 / 750 = 4
    expectNumber(value("T6"), 4);
    // cost 3 000, net 300 − 250 = 50 per period over 4 periods: never covered
    expectError(value("T7"), "#N/A", "not paid back", "less the costs per period", "4 periods");
    // No one-off cost, only a cost per period: nothing to pay back
    expectNumber(value("T8"), 0);
  });

  it("PROJECTED, PAYBACK and LAYER", () => {
    expectNumber(value("T1"), 48000);
    expectNumber(value("T2"), 3 + 100 / 300);
    expectNumber(value("T3"), 3);
    expectNumber(value("T4"), 0.8);
    expectNumber(value("T5"), 0.8);
    expectNumbers(block("A30", 3, 1), [[0.8], [0.6], [0]]);
  });

  it("SCORES gives the mean of each layer's three answers over 5", () => {
    expectNumbers(block("C30", 1, 5), [ANSWER_SCORES]);
  });

  it("BAND uses the default limits or the ones given", () => {
    expect([value("U1"), value("U2"), value("U3"), value("U4"), value("U5"), value("U6")]).toEqual([
      "Critical",
      "Critical",
      "Material",
      "Severe",
      "Contained",
      "Severe",
    ]);
  });

  it("WEAKEST names the lowest layer, the first on a tie, or the label given", () => {
    expect(value("V1")).toBe("Measurement");
    expect(value("V2")).toBe("d");
    expect(value("V3")).toBe("Workflow Integration");
  });

  it("LIFT raises one layer by delta, capped at 1", () => {
    expectNumber(value("W1"), 0.06);
    expectNumber(value("W2"), 0.06);
    expectNumber(value("W3"), 1);
    expectNumber(value("W4"), 0.7 * 0.6 * 0.5 * 0.4 * 0.5);
  });

  it("SENSITIVITY spills five rows of layer and lift (delta × product of the other four)", () => {
    const rows = block("G20", 5, 2);
    expect(rows.map((row) => row[0])).toEqual(LAYER_NAMES);
    const others = (i: number) => ARTICLE.reduce((p, s, j) => (j === i ? p : p * s), 1);
    expectNumbers(
      rows.map((row) => [row[1] as number]),
      ARTICLE.map((_, i) => [0.1 * others(i)]),
    );
    expectNumbers(
      block("K20", 5, 1),
      ARTICLE.map((s, i) => [(Math.min(1, s + 0.2) - s) * others(i)]),
    );
  });

  it("PLAN raises the lowest layers to a common level whose product meets the target", () => {
    const level = Math.cbrt(0.1 / (0.8 * 0.6));
    expectNumbers(block("M20", 1, 5), [[0.8, 0.6, level, level, level]]);
    const planned = block("M20", 1, 5)[0] as number[];
    expect(planned.reduce((p, s) => p * s, 1)).toBeCloseTo(0.1, 9);
    expectNumbers(block("M22", 1, 5), [ARTICLE]);
  });
});

describe("spills", () => {
  const { value, block } = book({
    A1: [EIGHTS, SIXES, ARTICLE],
    G1: "=AGAP.REALIZED(A1:E3)",
    H1: "=AGAP.GAP(A1:E3)",
    I1: "=AGAP.PROJECTED(1000, A1:E3)",
    J1: "=AGAP.WEAKEST(A1:E3)",
    K1: "=AGAP.BAND(A1:E3)",
    L1: "=AGAP.LIFT(A1:E3, 4, 0.1)",
    M1: "=AGAP.STAGE(2, A1:E3)",
    A5: [ANSWERS],
    A6: [[5, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1]],
    A8: "=AGAP.SCORES(A5:O5)",
    A10: "=AGAP.SCORES(A5:O6)",
    Q1: ANSWERS.map((answer) => [answer]),
    R1: "=AGAP.SCORES(Q1:Q15)",
    S1: "=AGAP.PLAN(A1:E3, 0.5)",
    S5: ARTICLE.map((score) => [score]),
    T5: "=AGAP.PLAN(S5:S9, 0.1)",
    A20: "=AGAP.CURVE(A3:E3)",
    E20: "=AGAP.SENSITIVITY(S5:S9)",
  });

  it("N×5 scores spill one result per profile", () => {
    expectNumbers(block("G1", 3, 1), [[0.32768], [0.07776], [0.048]]);
    expectNumbers(block("H1", 3, 1), [[1 - 0.32768], [1 - 0.07776], [0.952]]);
    expectNumbers(block("I1", 3, 1), [[327.68], [77.76], [48]]);
    expect(block("J1", 3, 1)).toEqual([["Strategy Alignment"], ["Strategy Alignment"], ["Measurement"]]);
    expect(block("K1", 3, 1)).toEqual([["Material"], ["Critical"], ["Critical"]]);
    expectNumbers(block("L1", 3, 1), [[0.9 * 0.8 ** 4], [0.7 * 0.6 ** 4], [0.06]]);
    expectNumbers(block("M1", 3, 1), [[0.64], [0.36], [0.48]]);
    expect(value("G4")).toBeNull();
  });

  it("SCORES keeps the input's orientation: 1×15 → 1×5, 15×1 → 5×1, N×15 → N×5", () => {
    expectNumbers(block("A8", 1, 5), [ANSWER_SCORES]);
    expect(value("F8")).toBeNull();
    expectNumbers(
      block("R1", 5, 1),
      ANSWER_SCORES.map((s) => [s]),
    );
    expect(value("R6")).toBeNull();
    expectNumbers(block("A10", 2, 5), [ANSWER_SCORES, [1, 0.8, 0.6, 0.4, 0.2]]);
  });

  it("PLAN spills five target scores per profile, in the input's orientation", () => {
    const plans = block("S1", 3, 5) as number[][];
    plans.forEach((row, r) => {
      expect(row.reduce((p, s) => p * s, 1)).toBeCloseTo(0.5, 6);
      row.forEach((score, i) => expect(score).toBeGreaterThanOrEqual([EIGHTS, SIXES, ARTICLE][r][i] - 1e-12));
    });
    const level = Math.cbrt(0.1 / 0.48);
    expectNumbers(block("T5", 5, 1), [[0.8], [0.6], [level], [level], [level]]);
  });

  it("CURVE spills 6×3 and SENSITIVITY 5×2, also from a column of scores", () => {
    const curve = block("A20", 6, 3);
    expect(curve.map((row) => row[0])).toEqual(STAGE_NAMES);
    expectNumbers(
      curve.map((row) => [row[1] as number]),
      [[1], [0.8], [0.48], [0.24], [0.096], [0.048]],
    );
    expect(block("E20", 5, 2).map((row) => row[0])).toEqual(LAYER_NAMES);
  });

  it("the engine reserves exactly the spill area: a value just outside is fine, one inside is #SPILL!", () => {
    const outside = book({ A1: [EIGHTS, SIXES, ARTICLE], G1: "=AGAP.REALIZED(A1:E3)", G4: "x", H1: "y" });
    expectNumbers(outside.block("G1", 3, 1), [[0.32768], [0.07776], [0.048]]);
    const inside = book({ A1: [EIGHTS, SIXES, ARTICLE], G1: "=AGAP.REALIZED(A1:E3)", G3: "x" });
    expectError(inside.value("G1"), "#SPILL!");
    const curve = book({ A1: "=AGAP.CURVE()", D1: "x", A7: "y", C6: null });
    expect(curve.value("A1")).toBe("Expected Value");
    expectError(book({ A1: "=AGAP.CURVE()", C6: "x" }).value("A1"), "#SPILL!");
    expectError(book({ A1: "=AGAP.SENSITIVITY({0.8,0.6,0.5,0.4,0.5})", B5: "x" }).value("A1"), "#SPILL!");
    expect(book({ A1: "=AGAP.SENSITIVITY({0.8,0.6,0.5,0.4,0.5})", C1: "x", A6: "y" }).value("A1")).toBe(LAYER_NAMES[0]);
  });

  it("an error for the whole argument shows in the first cell only, as in Excel", () => {
    const { value, block } = book({
      A1: [
        [null, null, null, null, null],
        [null, null, null, null, null],
      ],
      G1: "=AGAP.REALIZED(A1:E2)",
      H1: "=AGAP.CURVE(A1:E1)",
    });
    expectError(value("G1"), "#N/A", "scores", "every cell is blank");
    expect(value("G2")).toBeNull();
    expectError(value("H1"), "#N/A");
    expect(
      block("H2", 5, 3)
        .flat()
        .every((v) => v === null),
    ).toBe(true);
  });

  it("sizes follow nested AGAP calls and, with array arithmetic on, array expressions", () => {
    const { block } = book(
      {
        A1: [EIGHTS, SIXES, ARTICLE],
        A5: [ANSWERS, ANSWERS],
        G1: "=AGAP.REALIZED(A1:E3*1)",
        H1: "=AGAP.REALIZED(AGAP.SCORES(A5:O6))",
        I1: "=AGAP.GAP(A1:E3)*100",
      },
      { useArrayArithmetic: true },
    );
    expectNumbers(block("G1", 3, 1), [[0.32768], [0.07776], [0.048]]);
    const realized = ANSWER_SCORES.reduce((p, s) => p * s, 1);
    expectNumbers(block("H1", 2, 1), [[realized], [realized]]);
    expectNumbers(block("I1", 3, 1), [[100 - 32.768], [100 - 7.776], [95.2]]);
  });

  it("one bad row inside a spill gives an error in that row only", () => {
    const { block } = book({
      A1: [EIGHTS, [0.6, 0.6, "abc", 0.6, 0.6], ARTICLE],
      G1: "=AGAP.REALIZED(A1:E3)",
      H1: "=AGAP.PLAN(A1:E3, 0.2)",
      A5: [ANSWERS, [5, 5, 5, 4, 4, 4, 3, null, 3, 2, 2, 2, 1, 1, 1], ANSWERS],
      A9: "=AGAP.SCORES(A5:O7)",
    });
    const realized = block("G1", 3, 1);
    expectNumber(realized[0][0], 0.32768);
    expectError(realized[1][0], "#VALUE!", "scores", "Human Oversight (score 3)", "row 2", "abc", "0 to 1");
    expectNumber(realized[2][0], 0.048);
    const plans = block("H1", 3, 5);
    expect(plans[0].every((v) => typeof v === "number")).toBe(true);
    plans[1].forEach((v) => expectError(v, "#VALUE!", "row 2"));
    expect(plans[2].every((v) => typeof v === "number")).toBe(true);
    const scores = block("A9", 3, 5);
    expectNumbers([scores[0], scores[2]], [ANSWER_SCORES, ANSWER_SCORES]);
    scores[1].forEach((v) => expectError(v, "#N/A", "answers", "answer 8 (Oversight)", "row 2", "blank"));
  });
});

describe("bad cells in formulas", () => {
  const { value, hf } = book({
    A1: [[0.8, 0.6, null, 0.4, 0.5]],
    A2: [[0.8, 0.6, 0.5, 0.4, null]],
    A3: [[0.8, 0.6, "abc", 0.4, 0.5]],
    A4: [[0.8, 0.6, true, 0.4, 0.5]],
    A5: [[0.8, 0.6, 1.5, 0.4, 0.5]],
    A6: [[0.8, 0.6, -0.1, 0.4, 0.5]],
    A7: [[0.8, 0.6, "=1/0", 0.4, 0.5]],
    A8: [[0.8, 0.6, "=NA()", 0.4, 0.5]],
    A9: [[5, 3, 4, 3, 3, 3, 2, null, 2, 2, 2, 2, 3, 2, 2]],
    A10: [[5, 3, 4, 3, 3, 3, 2, 6, 2, 2, 2, 2, 3, 2, 2]],
    A11: [[null, null, null, null, null]],
    R1: "=AGAP.REALIZED(A1:E1)",
    R2: "=AGAP.GAP(A2:E2)",
    R3: "=AGAP.REALIZED(A3:E3)",
    R4: "=AGAP.REALIZED(A4:E4)",
    R5: "=AGAP.REALIZED(A5:E5)",
    R6: "=AGAP.REALIZED(A6:E6)",
    R7: "=AGAP.REALIZED(A7:E7)",
    R8: "=AGAP.REALIZED(A8:E8)",
    R9: "=AGAP.SCORES(A9:O9)",
    R10: "=AGAP.SCORES(A10:O10)",
    R11: "=AGAP.REALIZED(A11:E11)",
  });

  it("a blank score gives #N/A naming the layer", () => {
    expectError(value("R1"), "#N/A", "scores", "Human Oversight", "blank");
    expectError(value("R2"), "#N/A", "Business Adoption", "blank");
    expectError(value("R9"), "#N/A", "answer 8 (Oversight)", "blank");
    expectError(value("R11"), "#N/A", "scores", "every cell is blank");
  });

  it("text, booleans and numbers out of range give #VALUE! naming the position and the allowed range", () => {
    expectError(value("R3"), "#VALUE!", "scores", "Human Oversight (score 3)", '"abc"', "0 to 1");
    expectError(value("R4"), "#VALUE!", "Human Oversight (score 3)", "TRUE", "0 to 1");
    expectError(value("R5"), "#VALUE!", "Human Oversight (score 3)", "1.5", "0 to 1");
    expectError(value("R6"), "#VALUE!", "Human Oversight (score 3)", "-0.1", "0 to 1");
    expectError(value("R10"), "#VALUE!", "answer 8 (Oversight)", "6", "0 to 5");
  });

  it("the engine's error carries the type, the code and our message", () => {
    const cell = hf.getCellValue(hf.simpleCellAddressFromString("R3", 0)!);
    expect(cell).toBeInstanceOf(DetailedCellError);
    const error = cell as DetailedCellError;
    expect([error.type, error.value]).toEqual([ErrorType.VALUE, "#VALUE!"]);
    expect(error.message).toBe(
      'scores: Human Oversight (score 3) holds the text "abc". Enter a number from 0 to 1 (0% to 100%).',
    );
  });

  it("an error value from another cell passes through, named by our message", () => {
    expectError(value("R7"), "#DIV/0!", "scores", "Human Oversight (score 3)", "#DIV/0!");
    expectError(value("R8"), "#N/A", "scores", "Human Oversight (score 3)", "#N/A");
  });

  it("a wrong argument count is #N/A, not a crash", () => {
    const { value } = book({
      A1: "=AGAP.REALIZED()",
      A2: "=AGAP.REALIZED({1,1,1,1,1}, 1)",
      A3: "=AGAP.PLAN({1,1,1,1,1})",
    });
    expectError(value("A1"), "#N/A", "AGAP.REALIZED");
    expectError(value("A2"), "#N/A", "AGAP.REALIZED");
    expectError(value("A3"), "#N/A", "AGAP.PLAN");
  });

  it("errors in arguments reach our code instead of being returned by the engine", () => {
    const { value } = book({
      A1: [ARTICLE],
      A2: [[null, "=1/0", "=NA()"]],
      // Blank baseline is checked before the costs' error: the core decides, not the engine.
      G1: "=AGAP.ROI(A2, 25, 60, B2)",
      G2: "=AGAP.LIFT(A1:E1, 4, B2)",
      G3: "=AGAP.PLAN(A1:E1, C2)",
      G4: "=AGAP.STAGE(B2)",
      G5: "=AGAP.CURVE(A1:E1, B2)",
    });
    expectError(value("G1"), "#N/A", "baseline", "no baseline");
    expectError(value("G2"), "#DIV/0!");
    expectError(value("G3"), "#N/A");
    // The engine's own #DIV/0! has no message; this one comes from the argument module.
    expectError(value("G4"), "#DIV/0!", "stage: the value holds the error #DIV/0!");
    expectError(value("G5"), "#DIV/0!");
  });
});

describe("percent literals", () => {
  it("80% is 0.8, in cells and in formulas", () => {
    const { value } = book({
      A1: [["80%", "80%", "80%", "80%", "80%"]],
      A2: [["80%", "60%", "50%", "40%", "50%"]],
      G1: "=AGAP.REALIZED(A1:E1)",
      G2: "=AGAP.REALIZED({80%,80%,80%,80%,80%})",
      G3: "=AGAP.GAP(A2:E2)",
      G4: "=AGAP.LIFT(A2:E2, 4, 10%)",
      G5: "=AGAP.BAND(95.2%)",
      G6: "=AGAP.STAGE(3, A2:E2)",
    });
    expectNumber(value("G1"), 0.32768);
    expectNumber(value("G2"), 0.32768);
    expectNumber(value("G3"), 0.952);
    expectNumber(value("G4"), 0.06);
    expect(value("G5")).toBe("Critical");
    expectNumber(value("G6"), 0.24);
  });
});

describe("AGAP functions combined with native ones", () => {
  const { value } = book({
    A1: [ARTICLE, EIGHTS, SIXES],
    A5: [ANSWERS],
    A6: [[0.8, 0.6, "abc", 0.4, 0.5]],
    R1: "=AGAP.REALIZED(A1:E1)*1000",
    R2: "=SUM(AGAP.SCORES(A5:O5))",
    R3: "=1-AGAP.GAP(A1:E1)",
    R4: "=AGAP.REALIZED(AGAP.SCORES(A5:O5))",
    R5: "=INDEX(AGAP.CURVE(), 4, 2)",
    R6: "=AVERAGE(AGAP.REALIZED(A1:E3))",
    R7: '=IFERROR(AGAP.REALIZED(A6:E6), "fix the scores")',
    R8: "=ISNA(AGAP.REALIZED(A7:E7))",
    R9: "=MAX(AGAP.SENSITIVITY(A1:E1))",
    R10: "=ROUND(AGAP.PROJECTED(1000000, A1:E1)/1000, 0)",
    R11: "=AGAP.REALIZED(A1:E1) * AGAP.STAGE(0)",
    R12: '=IF(AGAP.BAND(A1:E1)="Critical", AGAP.WEAKEST(A1:E1), "")',
  });

  it("results feed native arithmetic and functions", () => {
    expectNumber(value("R1"), 48);
    expectNumber(
      value("R2"),
      ANSWER_SCORES.reduce((a, b) => a + b, 0),
    );
    expectNumber(value("R3"), 0.048);
    expectNumber(
      value("R4"),
      ANSWER_SCORES.reduce((a, b) => a * b, 1),
    );
    expectNumber(value("R5"), 0.45);
    expectNumber(value("R6"), (0.048 + 0.32768 + 0.07776) / 3);
    expect(value("R7")).toBe("fix the scores");
    expect(value("R8")).toBe(true);
    expectNumber(value("R9"), 0.012);
    expectNumber(value("R10"), 48);
    expectNumber(value("R11"), 0.048);
    expect(value("R12")).toBe("Measurement");
  });
});

describe("ATTRIBUTION", () => {
  // Strategy 0.6 → 0.8 and Measurement 0.4 → 0.6; the other three multiply to 0.6 × 0.5 × 0.5 = 0.15.
  // Strategy: 0.2 × (0.4 + 0.6) / 2 × 0.15 = 0.015; Measurement: 0.2 × (0.6 + 0.8) / 2 × 0.15 = 0.021.
  const BEFORE = [0.6, 0.6, 0.5, 0.4, 0.5];
  const AFTER = [0.8, 0.6, 0.5, 0.6, 0.5];
  const TWO_MOVED = [[0.015], [0], [0], [0.021], [0]];
  const { value, block } = book(
    {
      A1: [BEFORE, AFTER],
      A4: BEFORE.map((score) => [score]),
      B4: AFTER.map((score) => [score]),
      G1: "=AGAP.ATTRIBUTION(A1:E1, A2:E2)",
      J1: "=AGAP.ATTRIBUTION(A4:A8, B4:B8)",
      M1: "=AGAP.ATTRIBUTION(A2:E2, A1:E1)",
      P1: "=AGAP.ATTRIBUTION(A1:E1, B4:B8)",
      S1: "=SUM(INDEX(AGAP.ATTRIBUTION(A1:E1, A2:E2), 1, 2), INDEX(AGAP.ATTRIBUTION(A1:E1, A2:E2), 4, 2))",
      S2: "=AGAP.REALIZED(A2:E2) - AGAP.REALIZED(A1:E1)",
      S3: "=SUM(AGAP.ATTRIBUTION(A1:E1, A2:E2))",
      V1: "=AGAP.ATTRIBUTION(A1:E2, A2:E2)",
      V7: "=AGAP.ATTRIBUTION(A1:E1, A1:E2)",
      S6: "=INDEX(AGAP.ATTRIBUTION({0,1,1,0,1}, {0.5,1,1,0.4,1}), 4, 2)",
      S7: "=AGAP.ATTRIBUTION({0.8,0.6,0.5,0.4,0.5}, {0.8,0.6,0.5,0.4,0.5})",
      V13: "=AGAP.ATTRIBUTION(A1:D1, A2:E2)",
      V19: '=AGAP.ATTRIBUTION(A1:E1, {0.8,0.6,"x",0.6,0.5})',
    },
    { useArrayArithmetic: true, smartRounding: false },
  );

  it("spills five rows of layer name and share, from rows or columns", () => {
    const rows = block("G1", 5, 2);
    expect(rows.map((row) => row[0])).toEqual(LAYER_NAMES);
    expectNumbers(
      rows.map((row) => [row[1] as number]),
      TWO_MOVED,
    );
    expect(block("J1", 5, 2).map((row) => row[0])).toEqual(LAYER_NAMES);
    expectNumbers(block("K1", 5, 1), TWO_MOVED);
    expectNumbers(block("Q1", 5, 1), TWO_MOVED);
    expect(value("G6")).toBeNull();
    expect(value("I1")).toBeNull();
  });

  it("swapping before and after negates every share", () => {
    expectNumbers(
      block("N1", 5, 1),
      TWO_MOVED.map(([share]) => [-share]),
    );
  });

  it("the shares sum to the change in realized value: 0.072 − 0.036 (SUM skips the names)", () => {
    expectNumber(value("S2"), 0.036);
    expectNumber(value("S1"), 0.036);
    expectNumber(value("S3"), 0.036);
  });

  it("zero scores and unmoved profiles: Measurement 0 → 0.4 beside Strategy 0 → 0.5 takes 0.4 × 0.25 = 0.1", () => {
    expectNumber(value("S6"), 0.1);
    expect(block("T7", 5, 1)).toEqual([[0], [0], [0], [0], [0]]);
  });

  it("more than one profile, a wrong shape or a bad cell gives an error naming the argument", () => {
    expectError(value("V1"), "#VALUE!", "before", "got 2 profiles", "one profile each");
    expect(value("W1")).toBeNull();
    expect(value("V2")).toBeNull();
    expectError(value("V7"), "#VALUE!", "after", "got 2 profiles", "one profile each");
    expectError(value("V13"), "#VALUE!", "before", "got 1 × 4 cells");
    expectError(value("V19"), "#VALUE!", "after", "Human Oversight (score 3)", '"x"');
  });
});

// ---- The Excel adapter gives the same results as the engine adapter --------------------------

beforeAll(() => {
  installCustomFunctionsStub();
});

type Raw = unknown;
/** Arguments of one call; a missing optional argument is left out. */
type Call = [FunctionId, ...Raw[]];

/** Excel functions by id, and which of their parameters are ranges (Range in functions.ts). */
const EXCEL: Record<FunctionId, { fn: (...args: never[]) => unknown; ranges: boolean[] }> = {
  REALIZED: { fn: excel.realized, ranges: [true] },
  GAP: { fn: excel.gap, ranges: [true] },
  STAGE: { fn: excel.stage, ranges: [true, true] },
  CURVE: { fn: excel.curve, ranges: [true, false] },
  ROI: { fn: excel.roi, ranges: [false, false, false, true, false, false, true] },
  PROJECTED: { fn: excel.projected, ranges: [false, true] },
  PAYBACK: { fn: excel.payback, ranges: [true, true, true] },
  LAYER: { fn: excel.layer, ranges: [true] },
  SCORES: { fn: excel.scores, ranges: [true] },
  BAND: { fn: excel.band, ranges: [true, true] },
  WEAKEST: { fn: excel.weakest, ranges: [true, true] },
  LIFT: { fn: excel.lift, ranges: [true, false, false] },
  SENSITIVITY: { fn: excel.sensitivity, ranges: [true, false] },
  PLAN: { fn: excel.plan, ranges: [true, false] },
  ATTRIBUTION: { fn: excel.attribution, ranges: [true, true] },
};

const err = (code: FormulaError["code"]) => new FormulaError(code);

const CALLS: Call[] = [
  ["REALIZED", [ARTICLE]],
  ["REALIZED", [EIGHTS, SIXES, ARTICLE]],
  ["REALIZED", [[0.8, 0.6, null, 0.4, 0.5]]],
  ["REALIZED", [[0.8, 0.6, "abc", 0.4, 0.5]]],
  ["REALIZED", [[0.8, 0.6, err("#DIV/0!"), 0.4, 0.5]]],
  ["REALIZED", [[0.8, 0.6, err("#REF!"), 0.4, 0.5]]],
  ["REALIZED", [EIGHTS, [0.6, true, 0.6, 0.6, 0.6], ARTICLE]],
  ["REALIZED", [[0.8, 0.6, 0.5, 0.4]]],
  ["GAP", ARTICLE.map((s) => [s])],
  ["STAGE", 3],
  ["STAGE", "Human Trust", [ARTICLE]],
  ["STAGE", [[0, 1, 2, 3, 4, 5]], [ARTICLE]],
  ["STAGE", 2, [EIGHTS, SIXES]],
  ["STAGE", 7],
  ["CURVE"],
  ["CURVE", [ARTICLE], 1000],
  ["CURVE", [ARTICLE], -1],
  ["ROI", 40, 25, 60, [[1000, 2000, 2000]], "lower", 12],
  ["ROI", null, 25, 60, 500],
  ["ROI", 40, 25, 60, 0],
  ["ROI", 40, 25, 60, 500, "sideways"],
  ["ROI", 40, 25, 60, [[1000, 2000, 2000]], "lower", 12, [[100, 50]]],
  ["ROI", 40, 25, 60, [[null, null]], null, 12, 150],
  ["ROI", 40, 25, 60, 500, "lower", 12, -150],
  ["ROI", 40, 25, 60, 500, "lower", 12, [["x", 1]]],
  ["PROJECTED", 1000000, [ARTICLE, EIGHTS]],
  ["PAYBACK", 1000, [[300, 300, 300, 300]]],
  ["PAYBACK", 1000, [[100, 100]]],
  ["PAYBACK", 3000, [[900, 900, 900, 900, 900]], 150],
  ["PAYBACK", 1000, [[300, 300, 300, 300]], [[100, 150]]],
  ["PAYBACK", 1000, [[300, 300]], err("#DIV/0!")],
  ["LAYER", [[5, 3, 4]]],
  [
    "LAYER",
    [
      [5, 3, 4],
      [3, 3, 3],
    ],
  ],
  ["SCORES", [ANSWERS]],
  ["SCORES", ANSWERS.map((a) => [a])],
  ["SCORES", [ANSWERS, ANSWERS.map((a, i) => (i === 4 ? 7 : a))]],
  ["BAND", 0.952],
  ["BAND", [EIGHTS], [[0.8, 0.6, 0.4, 0.2]]],
  ["BAND", [EIGHTS], [[0.2, 0.4, 0.6, 0.8]]],
  ["WEAKEST", [ARTICLE], [["a", "b", "c", "d", "e"]]],
  ["WEAKEST", [ARTICLE], [["a", "b", "c", "d"]]],
  ["LIFT", [ARTICLE, EIGHTS], "Measurement", 0.1],
  ["LIFT", [ARTICLE], 6, 0.1],
  ["SENSITIVITY", [ARTICLE]],
  ["SENSITIVITY", [ARTICLE], 2],
  ["PLAN", [ARTICLE], 0.1],
  ["PLAN", [ARTICLE], 1.2],
  ["PLAN", [ARTICLE, [0.6, 0.6, null, 0.6, 0.6]], 0.2],
  ["ATTRIBUTION", [SIXES], [EIGHTS]],
  ["ATTRIBUTION", [ARTICLE], EIGHTS.map((s) => [s])],
  ["ATTRIBUTION", [ARTICLE, EIGHTS], [SIXES]],
  ["ATTRIBUTION", [ARTICLE], [[0.8, 0.6, null, 0.4, 0.5]]],
  ["ATTRIBUTION", [ARTICLE], [[0.8, 0.6, err("#DIV/0!"), 0.4, 0.5]]],
];

/** Runs one call through HyperFormula: each argument in its own block of cells, referenced by the formula. */
function viaEngine([id, ...args]: Call, rows: number, columns: number): Plain[][] {
  const cells: Record<string, RawCellContent | RawCellContent[][]> = {};
  const refs = args.map((arg, i) => {
    const col = i * 20;
    if (!Array.isArray(arg)) {
      cells[a1(0, col)] = toContent(arg);
      return a1(0, col);
    }
    const grid = arg as Raw[][];
    cells[a1(0, col)] = grid.map((row) => row.map(toContent));
    return `${a1(0, col)}:${a1(grid.length - 1, col + grid[0].length - 1)}`;
  });
  cells.A30 = `=AGAP.${id}(${refs.join(", ")})`;
  return book(cells).block("A30", rows, columns);
}

/** Runs one call through the Excel functions, with errors as Excel's error objects. */
function viaExcel([id, ...args]: Call): Plain[][] {
  const { fn, ranges } = EXCEL[id];
  const toExcel = (cell: Raw) =>
    cell instanceof FormulaError ? new StubCustomFunctionError(cell.code, cell.message) : cell;
  const excelArgs = args.map((arg, i) => {
    if (Array.isArray(arg)) return (arg as Raw[][]).map((row) => row.map(toExcel));
    return ranges[i] ? [[toExcel(arg)]] : toExcel(arg);
  });
  const result = (fn as (...a: unknown[]) => unknown)(...excelArgs);
  const grid = (Array.isArray(result) ? result : [[result]]) as unknown[][];
  return grid.map((row) =>
    row.map((v) => (v instanceof StubCustomFunctionError ? { code: v.code, message: v.message ?? "" } : (v as Plain))),
  );
}

/** What Excel shows for an engine result: codes Excel cannot return become #N/A. */
function asExcelShows(value: Plain): Plain {
  if (value === null || typeof value !== "object") return value;
  if (["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!"].includes(value.code)) return value;
  return { code: "#N/A", message: value.message || `Input holds ${value.code}.` };
}

describe("the engine adapter and the Excel adapter agree", () => {
  const title = ([id, ...args]: Call) => `${id}(${args.map((a) => JSON.stringify(a)).join(", ")})`;

  it.each(CALLS.map((call) => [title(call), call] as const))("%s", (_, call) => {
    const fromExcel = viaExcel(call);
    const rows = fromExcel.length;
    const columns = fromExcel[0].length;
    // One row and one column more: the engine must spill no further than Excel.
    const fromEngine = viaEngine(call, rows + 1, columns + 1);
    expect(fromEngine[rows].every((v) => v === null)).toBe(true);
    expect(fromEngine.every((row) => row[columns] === null)).toBe(true);
    fromExcel.forEach((row, r) =>
      row.forEach((expected, c) => {
        const actual = asExcelShows(fromEngine[r][c]);
        if (typeof expected === "number") expectNumber(actual, expected);
        else expect(actual).toEqual(expected);
      }),
    );
  });

  it("a #REF! input passes through the engine as #REF! and reaches Excel as #N/A, with the same message", () => {
    const call: Call = ["REALIZED", [[0.8, 0.6, err("#REF!"), 0.4, 0.5]]];
    const [[engine]] = viaEngine(call, 1, 1);
    const [[shown]] = viaExcel(call);
    expectError(engine, "#REF!", "scores", "Human Oversight (score 3)");
    expect(shown).toEqual({ code: "#N/A", message: (engine as { message: string }).message });
  });
});
