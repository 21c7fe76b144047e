// docs/sheets.md is generated from the sheet specs: it must be exactly what the generator writes,
// so a change to any column shows up in the diff of the document.
import * as fs from "fs";
import { SHEETS_DOC_PATH, renderSheetsDoc } from "../../scripts/sheets-doc";
import { ALL_SPECS } from "../../src/workbook/sheets";

describe("docs/sheets.md", () => {
  it("is what the specs generate (run: npm run sheets-doc)", () => {
    const onDisk = fs.existsSync(SHEETS_DOC_PATH) ? fs.readFileSync(SHEETS_DOC_PATH, "utf8") : "";
    expect(onDisk).toBe(renderSheetsDoc());
  });

  it("names every table and every column of every spec", () => {
    const text = renderSheetsDoc();
    for (const spec of ALL_SPECS) {
      expect(text).toContain(`Table \`${spec.table}\`, layout ${spec.version}.`);
      for (const column of spec.columns) expect(text).toContain(`| ${column.header}`);
    }
  });
});
