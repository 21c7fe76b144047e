// The requirement-set audit (scripts/requirement-sets.ts) on small sources made here, so that each
// rule is seen to fail and to pass. test/build/requirement-sets-src.test.ts runs it over src/.
import fs from "fs";
import path from "path";
import {
  ROOT,
  auditRequirementSets,
  compareVersions,
  findViolations,
  manifestMinimums,
  parseApiSetTag,
  requirementFor,
  type AuditResult,
  type Usage,
} from "../../scripts/requirement-sets";

const DIR = path.join(ROOT, "test", "build", "virtual-fixtures");
const IMPORT = `import { supportsApi, supportsExcelApi, withExcelApi } from "../../../src/workbook/api-support";\n`;
const MINIMUMS = { ExcelApi: "1.1", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.2" };

/** Fixture sources: file name → body (each gets the guard helpers imported). */
const FIXTURES: Record<string, string> = {
  unguarded: `
export function f(range: Excel.Range) {
  range.dataValidation.clear();
}`,
  guardedIf: `
export function f(range: Excel.Range) {
  if (supportsExcelApi("1.8")) {
    range.dataValidation.clear();
  }
}`,
  guardTooLow: `
export function f(range: Excel.Range) {
  if (supportsExcelApi("1.7")) range.dataValidation.clear();
}`,
  earlyReturn: `
export function f(range: Excel.Range): string | void {
  range.dataValidation.clear();
  if (!supportsExcelApi("1.8")) return "no validation";
  range.dataValidation.clear();
}`,
  elseBranch: `
export function f(range: Excel.Range, notes: string[]) {
  if (!supportsExcelApi("1.8")) {
    notes.push("no validation");
  } else {
    range.dataValidation.clear();
  }
}`,
  callback: `
export function f(range: Excel.Range) {
  withExcelApi(
    "1.6",
    () => range.conditionalFormats.add(Excel.ConditionalFormatType.colorScale),
    () => range.conditionalFormats.clearAll(),
  );
}`,
  expressions: `
export function f(sheet: Excel.Worksheet) {
  supportsExcelApi("1.7") && sheet.freezePanes.freezeRows(1);
  return supportsExcelApi("1.7") ? sheet.freezePanes.freezeRows(1) : sheet.freezePanes.freezeRows(1);
}`,
  objectLiteral: `
export function f(format: Excel.ConditionalFormat) {
  format.colorScale.criteria = { minimum: { type: "LowestValue", color: "#F8696B" }, maximum: { type: "HighestValue", color: "#63BE7B" } };
}`,
  loadStrings: `
export function f(table: Excel.Table, sheet: Excel.Worksheet) {
  table.load("name, worksheet/name");
  sheet.load(["name", "visibility"]);
}`,
  setter: `
export function f(sheet: Excel.Worksheet) {
  const seen = sheet.visibility;
  sheet.visibility = "Hidden";
  return seen;
}`,
  callArguments: `
export function f(table: Excel.Table) {
  table.columns.add(0, [["Layer"]]);
  table.columns.add(undefined, undefined, "Layer");
  table.rows.add();
  table.rows.add(undefined, [["a"]], true);
}`,
  notTheHelper: `
function supportsExcelApiLocal(version: string) { return version !== ""; }
const supportsExcelApi = supportsExcelApiLocal;
export function f(range: Excel.Range) {
  if (supportsExcelApi("1.8")) range.dataValidation.clear();
}`,
  otherSet: `
export function f() {
  const plain = CustomFunctions.ErrorCode.notAvailable;
  if (supportsApi("CustomFunctionsRuntime", "1.3")) return CustomFunctions.ErrorCode.notAvailable;
  return plain;
}`,
};

// notTheHelper declares its own supportsExcelApi, so it must not import the real one.
const source = (name: string) => (name === "notTheHelper" ? "" : IMPORT) + FIXTURES[name];
const virtualFiles = Object.fromEntries(
  Object.keys(FIXTURES).map((name) => [path.join(DIR, `${name}.ts`), source(name)]),
);

let result: AuditResult;
beforeAll(() => {
  result = auditRequirementSets({ files: Object.keys(virtualFiles), minimums: MINIMUMS, virtualFiles });
}, 300_000);

const usagesIn = (name: string): Usage[] => result.usages.filter((u) => u.file.endsWith(`/${name}.ts`));
const violationsIn = (name: string): string[] =>
  result.violations
    .filter((u) => u.file.endsWith(`/${name}.ts`))
    .map((u) => `${u.line}: ${u.member} ${u.requirement?.set} ${u.requirement?.version}`);
/** Line numbers as in FIXTURES (the import is line 1). */
const line = (name: string, text: string) =>
  source(name)
    .split("\n")
    .findIndex((l) => l.includes(text)) + 1;

describe("the audit fails where it should", () => {
  it("on an unguarded member newer than the manifest's minimum, naming file, line, member and set", () => {
    const at = line("unguarded", "range.dataValidation.clear()");
    expect(violationsIn("unguarded")).toEqual([
      `${at}: Excel.DataValidation.clear ExcelApi 1.8`,
      `${at}: Excel.Range.dataValidation ExcelApi 1.8`,
    ]);
    const first = result.violations.find((u) => u.file.endsWith("/unguarded.ts"));
    expect(first?.file).toBe("test/build/virtual-fixtures/unguarded.ts");
  });

  it("on a guard for a lower version than the member needs", () => {
    expect(violationsIn("guardTooLow")).toHaveLength(2);
    expect(usagesIn("guardTooLow")[0].guard).toEqual({ set: "ExcelApi", version: "1.7" });
  });

  it("on a use before an early-return guard, and not after it", () => {
    const before = line("earlyReturn", "range.dataValidation.clear();");
    expect(violationsIn("earlyReturn").map((v) => Number(v.split(":")[0]))).toEqual([before, before]);
  });

  it("on the fallback of withExcelApi, and not in its callback", () => {
    expect(violationsIn("callback")).toEqual([
      `${line("callback", "clearAll")}: Excel.ConditionalFormatCollection.clearAll ExcelApi 1.6`,
      `${line("callback", "clearAll")}: Excel.Range.conditionalFormats ExcelApi 1.6`,
    ]);
  });

  it("on the false side of a guarded ternary only", () => {
    const ternary = line("expressions", "? sheet.freezePanes");
    const falseSide = violationsIn("expressions");
    expect(falseSide).toHaveLength(2);
    for (const v of falseSide) expect(v.startsWith(`${ternary}:`)).toBe(true);
    const columns = result.violations.filter((u) => u.file.endsWith("/expressions.ts")).map((u) => u.column);
    const text = source("expressions").split("\n")[ternary - 1];
    for (const column of columns) expect(column).toBeGreaterThan(text.indexOf(":"));
  });

  it("on properties set through an object literal (the colour scale's criteria)", () => {
    const members = violationsIn("objectLiteral").map((v) => v.split(": ")[1]);
    expect(members).toEqual(
      expect.arrayContaining([
        "Excel.ColorScaleConditionalFormat.criteria ExcelApi 1.6",
        "Excel.ConditionalColorScaleCriteria.minimum ExcelApi 1.6",
        "Excel.ConditionalColorScaleCriterion.color ExcelApi 1.6",
      ]),
    );
  });

  it("on properties named in load() strings", () => {
    expect(violationsIn("loadStrings")).toEqual([
      `${line("loadStrings", "table.load")}: Excel.Table.worksheet ExcelApi 1.2`,
    ]);
    expect(usagesIn("loadStrings").map((u) => u.member)).toEqual(
      expect.arrayContaining(["Excel.Table.name", "Excel.Worksheet.name", "Excel.Worksheet.visibility"]),
    );
  });

  it("on setting a property whose tag asks more for setting than for reading", () => {
    expect(violationsIn("setter")).toEqual([
      `${line("setter", 'sheet.visibility = "Hidden"')}: Excel.Worksheet.visibility ExcelApi 1.2`,
    ]);
  });

  it("on a call that passes or leaves out an argument a later clause of the tag names", () => {
    const v = (text: string, member: string, version: string) =>
      `${line("callArguments", text)}: ${member} ExcelApi ${version}`;
    expect(violationsIn("callArguments")).toEqual([
      v('add(undefined, undefined, "Layer")', "Excel.TableColumnCollection.add", "1.4"),
      v("add(undefined, [[", "Excel.TableRowCollection.add", "1.15"),
    ]);
  });

  it("on a look-alike guard that is not the helper in api-support.ts", () => {
    expect(violationsIn("notTheHelper")).toHaveLength(2);
  });

  it("on other requirement sets too (CustomFunctionsRuntime), each guarded by its own set", () => {
    expect(violationsIn("otherSet")).toEqual([
      `${line("otherSet", "const plain")}: CustomFunctions.ErrorCode.notAvailable CustomFunctionsRuntime 1.3`,
    ]);
  });
});

describe("the audit passes where it should", () => {
  it.each(["guardedIf", "elseBranch"])("%s: a use inside the guard", (name) => {
    expect(usagesIn(name).length).toBeGreaterThan(0);
    expect(violationsIn(name)).toEqual([]);
    for (const u of usagesIn(name)) expect(u.guard).toEqual({ set: "ExcelApi", version: "1.8" });
  });

  it("a member the manifest's minimum already covers needs no guard", () => {
    const unguarded = usagesIn("unguarded");
    expect(unguarded.length).toBeGreaterThan(0);
    expect(findViolations(unguarded, { ...MINIMUMS, ExcelApi: "1.8" })).toEqual([]);
    expect(findViolations(unguarded, { ...MINIMUMS, ExcelApi: "1.7" })).toHaveLength(2);
  });
});

describe("requirement sets as the type definitions and the manifest state them", () => {
  it("reads tags with one or several clauses", () => {
    expect(parseApiSetTag("ExcelApi 1.9")).toEqual([{ set: "ExcelApi", version: "1.9", note: "" }]);
    expect(parseApiSetTag("ExcelApi 1.1 for reading visibility; 1.2 for setting it.")).toEqual([
      { set: "ExcelApi", version: "1.1", note: "for reading visibility" },
      { set: "ExcelApi", version: "1.2", note: "for setting it" },
    ]);
    expect(parseApiSetTag("ExcelApi 1.9, ExcelApi Preview for null `destinationRange`")[1]).toEqual({
      set: "ExcelApi",
      version: "preview",
      note: "for null `destinationRange`",
    });
    expect(requirementFor("ExcelApi 1.1 for get, 1.8 for set", "write")?.version).toBe("1.8");
    expect(requirementFor("ExcelApi 1.1 for get, 1.8 for set", "read")?.version).toBe("1.1");
  });

  it("compares versions as numbers", () => {
    expect(compareVersions("1.10", "1.9")).toBeGreaterThan(0);
    expect(compareVersions("1.8", "1.8")).toBe(0);
    expect(compareVersions("preview", "1.20")).toBeGreaterThan(0);
  });

  it("reads the manifest's minimums; an undeclared ExcelApi counts as 1.1", () => {
    const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    expect(manifestMinimums(manifest).ExcelApi).toBe("1.4");
    expect(manifestMinimums(manifest).CustomFunctionsRuntime).toBe("1.3");
    const undeclared = manifest.replace(/<Set Name="ExcelApi" MinVersion="[\d.]+" \/>/, "");
    expect(undeclared).not.toBe(manifest);
    expect(manifestMinimums(undeclared).ExcelApi).toBe("1.1");
    const declared = manifest.replace('MinVersion="1.4"', 'MinVersion="1.10"');
    expect(manifestMinimums(declared).ExcelApi).toBe("1.10");
  });
});
