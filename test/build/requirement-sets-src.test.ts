// Every Office.js member src/ uses needs no more than manifest.xml demands, or its call site is
// guarded as src/workbook/api-support.ts describes. Run `node scripts/run-ts.js
// scripts/requirement-sets.ts` for the list; --all lists every use with its set.
import { auditSrc, describeUsage, type AuditResult } from "../../scripts/requirement-sets";

let result: AuditResult;
beforeAll(() => {
  result = auditSrc();
}, 300_000);

it("src uses Office.js (the audit has something to check)", () => {
  expect(result.usages.filter((u) => u.requirement?.set === "ExcelApi").length).toBeGreaterThan(50);
});

it("no use of an Office.js member needs more than the manifest's minimum without a guard", () => {
  expect(result.violations.map(describeUsage)).toEqual([]);
});
