import { SHEET_NAME_MAX, safeSheetName } from "../../src/workbook/sheet-names";

/** What Excel itself refuses when a sheet is renamed. */
function excelAccepts(name: string): boolean {
  return (
    name.length >= 1 &&
    name.length <= 31 &&
    !/[[\]:*?/\\]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}

describe("safeSheetName", () => {
  it.each([
    ["a short name stays as it is", "AGAP Report – Claims", "AGAP Report – Claims"],
    ["31 characters fit", "A".repeat(31), "A".repeat(31)],
    ["32 characters are cut to 31", "B".repeat(32), "B".repeat(31)],
    [
      "a cut does not leave a space at the end",
      "AGAP Report – Accounts payable automation",
      "AGAP Report – Accounts payable",
    ],
    ["forbidden characters become dashes", "Q1: a/b\\c [d] *e? f", "Q1- a-b-c -d- -e- f"],
    ["apostrophes at the ends are dropped", "'Bob's queue'", "Bob's queue"],
    ["an apostrophe left at the end by a cut is dropped", `${"x".repeat(30)}'y`, "x".repeat(30)],
    ["spaces are trimmed and folded", "  two   words  ", "two words"],
    ["line breaks and tabs become spaces", "one\ntwo\tthree", "one two three"],
    ["an emoji is not split by the cut", `${"e".repeat(30)}😀`, "e".repeat(30)],
  ])("%s", (_, base, expected) => {
    const name = safeSheetName(base, []);
    expect(name).toBe(expected);
    expect(excelAccepts(name)).toBe(true);
  });

  it.each([
    ["an empty name", ""],
    ["only spaces", "   "],
    ["only apostrophes", "'''"],
  ])("falls back for %s", (_, base) => {
    expect(safeSheetName(base, [])).toBe("AGAP Report");
    expect(safeSheetName(base, [], "Scenarios")).toBe("Scenarios");
  });

  it.each([
    ["a clash gets (2)", "Report", ["Report"], "Report (2)"],
    ["clashes ignore case", "Report", ["REPORT", "report (2)"], "Report (3)"],
    ["clashes ignore case beyond ASCII", "Straße", ["STRASSE"], "Straße (2)"],
    ["the suffix still fits in 31", "C".repeat(40), ["C".repeat(31)], `${"C".repeat(27)} (2)`],
    [
      "a longer suffix cuts more",
      "D".repeat(31),
      ["D".repeat(31), ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${"D".repeat(27)} (${n})`)],
      `${"D".repeat(26)} (10)`,
    ],
    [
      "the suffix does not follow a space left by the cut",
      "AGAP Report – Invoice triage",
      ["agap report – invoice triage"],
      "AGAP Report – Invoice triag (2)",
    ],
    ["Excel keeps History for itself", "history", [], "history (2)"],
  ])("%s", (_, base, existing, expected) => {
    const name = safeSheetName(base, existing);
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
    expect(excelAccepts(name)).toBe(true);
    expect(existing.map((e) => e.toLowerCase())).not.toContain(name.toLowerCase());
  });

  it("always gives a name Excel accepts and no sheet uses", () => {
    const existing: string[] = [];
    const awkward = [
      "",
      "'",
      "[x]",
      "History",
      "a".repeat(50),
      "=SUM(A1)",
      "x'",
      "  'y'  ",
      "Tab\tname",
      "é".repeat(40),
    ];
    for (let round = 0; round < 4; round++) {
      for (const base of awkward) {
        const name = safeSheetName(base, existing);
        expect(excelAccepts(name)).toBe(true);
        expect(existing.map((e) => e.toLowerCase())).not.toContain(name.toLowerCase());
        existing.push(name);
      }
    }
  });
});
