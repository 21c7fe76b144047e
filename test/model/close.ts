/** Compares numbers with hand-computed values to `digits` decimal places, reporting the index that differs. */
export function expectAllClose(actual: readonly number[], expected: readonly number[], digits = 10): void {
  expect(actual).toHaveLength(expected.length);
  const off = actual.findIndex((value, i) => !(Math.abs(value - expected[i]) < Math.pow(10, -digits) / 2));
  if (off >= 0) expect({ index: off, value: actual[off] }).toEqual({ index: off, value: expected[off] });
}
