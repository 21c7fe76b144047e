import { DEFAULT_GRID_STEPS, realizedGrid } from "../../src/model/grid";
import { expectAllClose } from "./close";

const ARTICLE = [0.8, 0.6, 0.5, 0.4, 0.5];

describe("realizedGrid", () => {
  it("multiplies the two tried scores with the three layers held still", () => {
    // Measurement (3) down, Adoption (4) across; held: 0.8 × 0.6 × 0.5 = 0.24
    const grid = realizedGrid(ARTICLE, 3, 4, [0.4, 1]);
    // [0.24 × 0.4 × 0.4, 0.24 × 0.4 × 1], [0.24 × 1 × 0.4, 0.24 × 1 × 1]
    expect(grid.values).toHaveLength(2);
    expectAllClose(grid.values[0], [0.0384, 0.096]);
    expectAllClose(grid.values[1], [0.096, 0.24]);
    expect(grid.rowLayer).toBe(3);
    expect(grid.columnLayer).toBe(4);
    expect(grid.steps).toEqual([0.4, 1]);
  });

  it.each([
    // i, j, hand value with Measurement = i/10 and Adoption = j/10, held product 0.24
    [4, 5, 0.048], // 0.24 × 0.4 × 0.5: the article's own profile
    [10, 10, 0.24], // 0.24 × 1 × 1
    [7, 3, 0.0504], // 0.24 × 0.7 × 0.3
    [10, 1, 0.024], // 0.24 × 1 × 0.1
    [2, 9, 0.0432], // 0.24 × 0.2 × 0.9
  ])("on the default grid, cell [%i][%i] is %d", (i, j, expected) => {
    expect(realizedGrid(ARTICLE, 3, 4).values[i][j]).toBeCloseTo(expected, 12);
  });

  it("holds exactly the three layers that are not gridded", () => {
    // With both gridded layers at 1, the value is the product of the other three
    expectAllClose(realizedGrid(ARTICLE, 0, 1, [1]).values[0], [0.1]); // 0.5 × 0.4 × 0.5
    expectAllClose(realizedGrid(ARTICLE, 3, 4, [1]).values[0], [0.24]); // 0.8 × 0.6 × 0.5
    expectAllClose(realizedGrid(ARTICLE, 4, 0, [1]).values[0], [0.12]); // 0.6 × 0.5 × 0.4
  });

  it("gives the same grid with the two layers swapped, as the product does not depend on order", () => {
    const steps = [0.2, 0.7, 1];
    const grid = realizedGrid(ARTICLE, 1, 3, steps);
    const swapped = realizedGrid(ARTICLE, 3, 1, steps);
    expect(swapped.rowLayer).toBe(3);
    expect(swapped.columnLayer).toBe(1);
    // values[i][j] = 0.8 × 0.5 × 0.5 × s_i × s_j = 0.2 × s_i × s_j either way
    grid.values.forEach((row, i) => expectAllClose(row, swapped.values[i]));
    expectAllClose(grid.values[0], [0.008, 0.028, 0.04]); // 0.2 × 0.2 × {0.2, 0.7, 1}
  });

  it("leaves the input scores and steps untouched", () => {
    const scores = ARTICLE.slice();
    const steps = [0.1, 0.9];
    const grid = realizedGrid(scores, 1, 2, steps);
    expect(scores).toEqual([0.8, 0.6, 0.5, 0.4, 0.5]);
    grid.steps.push(0.5);
    expect(steps).toEqual([0.1, 0.9]);
  });

  describe("default steps", () => {
    it("run from 0 to 1 by 0.1", () => {
      expect(DEFAULT_GRID_STEPS).toHaveLength(11);
      expectAllClose([...DEFAULT_GRID_STEPS], [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    });

    it("give an 11 × 11 grid", () => {
      const grid = realizedGrid(ARTICLE, 0, 4);
      expect(grid.steps).toHaveLength(11);
      expect(grid.values).toHaveLength(11);
      for (const row of grid.values) expect(row).toHaveLength(11);
      expectAllClose(grid.steps, [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    });
  });

  describe("a grid that includes a zero", () => {
    it("is 0 along the zero row and the zero column", () => {
      // Strategy (0) and Workflow (1) over [0, 0.5, 1]; held 0.5 × 0.4 × 0.5 = 0.1
      const grid = realizedGrid(ARTICLE, 0, 1, [0, 0.5, 1]);
      expectAllClose(grid.values[0], [0, 0, 0]);
      expectAllClose(
        grid.values.map((row) => row[0]),
        [0, 0, 0],
      );
      expectAllClose(grid.values[1], [0, 0.025, 0.05]); // 0.5 × 0.5 × 0.1, 0.5 × 1 × 0.1
      expectAllClose(grid.values[2], [0, 0.05, 0.1]); // 1 × 0.5 × 0.1, 1 × 1 × 0.1
    });

    it("is 0 everywhere when a held layer is 0", () => {
      const grid = realizedGrid([0.8, 0.6, 0, 0.4, 0.5], 3, 4, [0.5, 1]);
      expect(grid.values.flat()).toEqual([0, 0, 0, 0]);
    });

    it("overrides a zero in one of the two gridded layers", () => {
      // Oversight is 0 in the input, but the grid sets it: 0.8 × 0.6 × 1 × 0.4 × 1 = 0.192
      const grid = realizedGrid([0.8, 0.6, 0, 0.4, 0.5], 2, 4, [1]);
      expectAllClose(grid.values[0], [0.192]);
    });
  });

  describe("bad layers", () => {
    it("throws a RangeError for the same layer twice", () => {
      expect(() => realizedGrid(ARTICLE, 2, 2)).toThrow(RangeError);
    });

    it.each([
      [-1, 0],
      [0, 5],
      [1.5, 2],
      [Number.NaN, 1],
    ])("throws a RangeError for layers %d and %d", (row, column) => {
      expect(() => realizedGrid(ARTICLE, row, column)).toThrow(RangeError);
    });
  });

  describe("no steps", () => {
    it("gives an empty grid", () => {
      expect(realizedGrid(ARTICLE, 0, 1, []).values).toEqual([]);
    });
  });
});
