// Two people saving into one shared workbook at about the same time lose nothing: the other
// person's row, appended or edited between this store's read and its write, survives with its id,
// and this store's row lands on its own row with formulas that point at it.
import { assessAnswers, realizedValue, type AssessmentResponse } from "../../src/model";
import { ExcelStore } from "../../src/workbook/excel-store";
import { ASSESSMENTS, ASSESSMENTS_TABLE } from "../../src/workbook/sheets/assessments";
import { layoutOf, rowCells } from "../../src/workbook/sheets/spec";
import { evaluateFake } from "../support/workbook-engine";
import { RESPONSES } from "./consistency-fixture";
import { FakeWorkbook, type FakeTable } from "./fake-excel";

/** Another person's save, straight into the table: a row appended at the end, as their Excel does. */
function appendAsSomeoneElse(table: FakeTable, response: AssessmentResponse): void {
  const header = Array.from({ length: table.width }, (_, c) => table.sheet.peek(table.top, table.left + c).value);
  const row = table.top + table.bodyRows + 2;
  const cells = rowCells(ASSESSMENTS, layoutOf(ASSESSMENTS, header, table.left), response, row);
  cells.values.forEach((value, c) => {
    const cell = table.sheet.at(row - 1, table.left + c);
    if (cells.formulas[c]) cell.formula = cells.formulas[c]!;
    else cell.value = value ?? "";
  });
  table.bodyRows += 1;
}

const realizedOf = (response: AssessmentResponse) =>
  realizedValue(assessAnswers(response.answers).layerScores as number[]);

describe("two people saving into the same workbook", () => {
  it("keeps both rows when the other person appends between this store's read and its write", async () => {
    const book = new FakeWorkbook();
    const mine = new ExcelStore({ run: book.run });
    await mine.saveResponse(RESPONSES[0]);
    const theirs = { ...RESPONSES[1], id: "theirs" };
    const ours = { ...RESPONSES[2], id: "ours" };
    let raced = false;
    book.beforeRowsAdd = (table) => {
      if (raced || table.name !== ASSESSMENTS_TABLE) return;
      raced = true;
      appendAsSomeoneElse(table, theirs);
    };
    await mine.saveResponse(ours);
    expect(raced).toBe(true);

    const list = await mine.listResponses();
    expect(list.skipped).toEqual([]);
    expect(list.responses.map((r) => r.id)).toEqual([RESPONSES[0].id, "theirs", "ours"]);
    expect(list.responses[1]).toEqual(theirs);
    expect(list.responses[2]).toEqual(ours);
    const rows = evaluateFake(book).rows(ASSESSMENTS_TABLE);
    expect(rows[1]["Realized value"]).toBeCloseTo(realizedOf(theirs), 12);
    expect(rows[2]["Realized value"]).toBeCloseTo(realizedOf(ours), 12);
  });

  it("keeps the other person's edit of another row made between this store's read and its write", async () => {
    const book = new FakeWorkbook();
    const mine = new ExcelStore({ run: book.run });
    for (const response of RESPONSES.slice(0, 3)) await mine.saveResponse(response);
    const sheet = book.table(ASSESSMENTS_TABLE)!.sheet;
    let edited = false;
    book.throwOnWrite = (write) => {
      if (!edited && write.property === "values") {
        edited = true;
        sheet.at(1, 1).value = "Ana (corrected by a colleague)";
      }
      return undefined;
    };
    const update = { ...RESPONSES[2], respondent: "Cy, second thoughts" };
    await mine.saveResponse(update);
    expect(edited).toBe(true);
    const list = await mine.listResponses();
    expect(list.responses).toEqual([
      { ...RESPONSES[0], respondent: "Ana (corrected by a colleague)" },
      RESPONSES[1],
      update,
    ]);
  });

  it("keeps every row when two stores save into the same table at once, their batches interleaved", async () => {
    const book = new FakeWorkbook();
    const one = new ExcelStore({ run: book.run });
    const two = new ExcelStore({ run: book.run });
    // The table exists: the first save of an empty workbook by two people at once is not modelled.
    await one.saveResponse(RESPONSES[0]);
    await Promise.all([one.saveResponse(RESPONSES[1]), two.saveResponse(RESPONSES[2])]);
    await Promise.all([two.saveResponse(RESPONSES[3]), one.saveResponse(RESPONSES[4])]);
    const ids = (await one.listResponses()).responses.map((r) => r.id).sort();
    expect(ids).toEqual(
      RESPONSES.slice(0, 5)
        .map((r) => r.id)
        .sort(),
    );
  });
});
