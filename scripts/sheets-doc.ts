// Renders docs/sheets.md from the sheet specs: every AGAP table, its columns, formats and the
// formula each derived column holds in the first data row. Reviewed in diffs like the golden table.
// `npm run sheets-doc` writes it; a test fails when it is stale.
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";
import { ALL_SPECS } from "../src/workbook/sheets";
import { reportDocLines } from "../src/workbook/sheets/report";
import { columnLetter, rowAddress, specLayout, type ColumnValidation } from "../src/workbook/sheets/spec";

export const SHEETS_DOC_PATH = path.resolve(__dirname, "..", "docs", "sheets.md");

const cell = (text: string) => text.replace(/\|/g, "\\|");
const kinds = { input: "typed", text: "typed (text)", derived: "formula" } as const;
const validationText = (rule: ColumnValidation) =>
  rule.kind === "whole" ? `whole number ${rule.min}–${rule.max}` : `list: ${rule.items.join(", ")}`;

/** The document as written: formatted by Prettier (its command line, with the project's settings). */
export function renderSheetsDoc(): string {
  const cli = require.resolve("prettier/bin/prettier.cjs");
  return execFileSync(process.execPath, [cli, "--stdin-filepath", SHEETS_DOC_PATH], {
    input: rawSheetsDoc(),
    encoding: "utf8",
  });
}

function rawSheetsDoc(): string {
  const lines = [
    "# The AGAP sheets",
    "",
    "Generated from the sheet specs in `src/workbook/sheets`; do not edit by hand. Every derived",
    "column is a live formula over the typed cells, using only functions that Excel 2016 and other",
    "spreadsheet applications know, so the numbers keep following their inputs without the add-in.",
    "Structured references such as `AgapAssessments[Workflow]` grow with their table. Columns are",
    "found by header, so moving one by hand does not break AGAP; the hidden `AGAP Layouts` sheet",
    "records each table's layout version, and AGAP migrates an older layout on its next save.",
    "",
  ];
  for (const spec of ALL_SPECS) {
    const layout = specLayout(spec);
    const at = rowAddress(layout, 2);
    lines.push(`## ${spec.sheet}`, "", `Table \`${spec.table}\`, layout ${spec.version}.`, "");
    lines.push("| Column | Header | Kind | Format | Formula in row 2, or validation |", "|---|---|---|---|---|");
    spec.columns.forEach((column, c) => {
      const detail =
        column.kind === "derived"
          ? `\`${cell(column.formula(at))}\``
          : column.validation
            ? validationText(column.validation)
            : "";
      const since = column.since && column.since > 1 ? ` (since layout ${column.since})` : "";
      const former = column.formerHeaders?.length
        ? ` (was ${column.formerHeaders.map((h) => `"${h}"`).join(", ")})`
        : "";
      lines.push(
        `| ${columnLetter(c)} | ${cell(column.header)}${former}${since} | ${kinds[column.kind]} | ${column.format ? `\`${cell(column.format)}\`` : ""} | ${detail} |`,
      );
    });
    lines.push("");
  }
  lines.push(...reportDocLines());
  return lines.join("\n");
}

if (process.argv[1]?.endsWith("sheets-doc.ts")) {
  fs.writeFileSync(SHEETS_DOC_PATH, renderSheetsDoc());
  console.log(`Wrote ${path.relative(process.cwd(), SHEETS_DOC_PATH)}.`);
}
