// The report sheet's newer parts, evaluated in HyperFormula as a spreadsheet without the add-in:
// what moved since the previous round (each layer's Shapley share, as src/model/attribution.ts
// has it), the team spread withheld below the smallest group, and the one-page print layout.
import {
  DEFAULT_MIN_GROUP,
  LAYERS,
  aggregateLayers,
  attributionShares,
  boardReport,
  isCompleteResponse,
  planToNextBand,
  roundsOf,
  statementsMovedMost,
  teamDetail,
  type AssessmentResponse,
} from "../../src/model";
import { DEGRADED } from "../../src/workbook/api-support";
import { ExcelStore } from "../../src/workbook/excel-store";
import { ASSESSMENTS } from "../../src/workbook/sheets/assessments";
import { dateToSerial } from "../../src/workbook/sheets/cells";
import {
  NO_EARLIER_ROUND,
  REPORT_CHARTS,
  REPORT_COLUMN_WIDTHS,
  REPORT_PRINT_AREA,
  REPORT_ROWS,
  reportDocLines,
  reportRow,
  shapleyShareFormula,
  type ReportPlanning,
} from "../../src/workbook/sheets/report";
import { ROI_ROWS } from "./consistency-fixture";
import { respond, type LayerAnswers } from "../model/respond";
import { evaluateFake, type Evaluated } from "../support/workbook-engine";
import { FakeWorkbook, parseAddress } from "./fake-excel";
import { placeTable, recordLayouts } from "./planning-fixtures";
import { CLAIMS_ROADMAP } from "../model/roadmap-record";

const WORKFLOW = "Claims";
const TODAY = "2026-05-01";
let ids = 0;
const answer = (date: string, layers: readonly LayerAnswers[], respondent = "") =>
  respond(layers, { id: `r-${++ids}`, workflow: WORKFLOW, date, respondent });

async function insert(
  responses: readonly AssessmentResponse[],
  options: { minGroup?: number; excelApi?: string; decimal?: string } = {},
) {
  const book = new FakeWorkbook();
  if (options.excelApi) book.excelApi = options.excelApi;
  placeTable(book, ASSESSMENTS, responses);
  recordLayouts(book, [ASSESSMENTS]);
  const store = new ExcelStore({ run: book.run });
  const name = await store.insertReport(WORKFLOW, responses, {
    today: TODAY,
    minGroup: options.minGroup,
    decimal: options.decimal,
  });
  return { book, store, name, sheet: book.sheet(name)! };
}

/** The report's evaluated cells, by column letter and row key. */
function reader(book: FakeWorkbook, name: string) {
  const evaluated = evaluateFake(book);
  return (column: string, key: string): Evaluated => evaluated.value(name, reportRow(key), column.charCodeAt(0) - 65);
}

const near = (actual: Evaluated, expected: number, where: string) => {
  if (typeof actual !== "number" || Math.abs(actual - expected) > 1e-12) {
    throw new Error(`${where}: expected ${expected}, got ${JSON.stringify(actual)}`);
  }
};

/** The model's judged round and the one before it (rounds with a team result only). */
function modelPair(responses: readonly AssessmentResponse[]) {
  const scored = roundsOf(responses, WORKFLOW).filter((round) => round.result !== null);
  return { latest: scored.at(-1)!, previous: scored.length >= 2 ? scored.at(-2)! : null };
}

/** Checks the what-moved block against the model: dates, before scores, shares, change, check. */
function expectMovedAsModel(value: ReturnType<typeof reader>, responses: readonly AssessmentResponse[]) {
  const { latest, previous } = modelPair(responses);
  expect(previous).not.toBeNull();
  const serial = (date: string) => (date ? dateToSerial(date) : 0);
  expect(value("B", "round")).toBe(serial(latest.date));
  expect(value("B", "previousRound")).toBe(serial(previous!.date));
  const before = previous!.result!.layerScores;
  const after = latest.result!.layerScores;
  const shares = attributionShares(before, after);
  LAYERS.forEach((layer, k) => {
    near(value("B", `moved:${k}`), before[k], `before ${layer.short}`);
    near(value("C", `moved:${k}`), after[k], `after ${layer.short}`);
    near(value("D", `moved:${k}`), shares[k], `share ${layer.short}`);
  });
  near(value("D", "movedChange"), latest.result!.realized - previous!.result!.realized, "change");
  near(value("D", "movedRealized"), latest.result!.realized - previous!.result!.realized, "sum of the shares");
  expect(value("D", "movedCheck")).toBe("yes");
  return shares;
}

describe("what moved since the previous round, as live formulas", () => {
  it("gives each layer the model's Shapley share, and exactly 0 to the layers that did not move", async () => {
    const responses = [
      answer("2026-01-10", [3, 3, 3, 2, 2]),
      answer("2026-04-02", [4, 3, 3, 3, 1]), // Workflow and Oversight did not move
    ];
    const { book, name } = await insert(responses);
    const value = reader(book, name);
    const shares = expectMovedAsModel(value, responses);
    expect([shares[1], shares[2]]).toEqual([0, 0]);
    expect([value("D", "moved:1"), value("D", "moved:2")]).toEqual([0, 0]);
    // By hand: before 0.6·0.6·0.6·0.4·0.4 = 0.03456, after 0.8·0.6·0.6·0.6·0.2 = 0.03456: no change in all.
    near(value("D", "movedChange"), 0, "change by hand");
    expect(value("A", "movedNote")).toMatch(/^Each share is the layer's Shapley value/);
  });

  it("matches the model with scores of 0 before and after, and with means of two respondents", async () => {
    const responses = [
      answer("2026-01-10", [0, [1, 2, 3], 5, [0, 0, 1], 4], "Ana"),
      answer("2026-01-10", [0, [4, 4, 2], 3, [2, 1, 1], 4], "Ben"),
      answer("2026-04-02", [[0, 1, 0], [5, 4, 2], 0, 3, 4], "Ana"),
      answer("2026-04-02", [[2, 0, 0], [3, 3, 3], 0, [1, 2, 5], 4], "Ben"),
    ];
    const { book, name } = await insert(responses);
    const shares = expectMovedAsModel(reader(book, name), responses);
    // Adoption did not move; Strategy left 0 and Oversight went to 0.
    expect(shares[4]).toBe(0);
    expect(shares.some((share) => share !== 0)).toBe(true);
  });

  it("compares the latest two rounds with a result: a later partial-only date and older rounds do not count", async () => {
    const responses = [
      answer("", [5, 5, 5, 5, 5]),
      answer("2025-10-01", [1, 1, 1, 1, 1]),
      answer("2026-01-10", [2, 4, 3, 3, 2]),
      answer("2026-04-02", [3, 4, 2, 3, 4]),
      answer("2026-04-20", [5, 5, null, null, null]), // partial: no team result on that date
      respond([0, 0, 0, 0, 0], { id: "other", workflow: "claims", date: "2026-03-01" }), // another workflow
    ];
    const { book, name } = await insert(responses);
    const value = reader(book, name);
    expectMovedAsModel(value, responses);
    expect(value("B", "previousRound")).toBe(dateToSerial("2026-01-10"));
  });

  it("takes an undated round as the one before the first dated round", async () => {
    const responses = [answer("", [2, 2, 2, 2, 2]), answer("2026-01-10", [3, 2, 4, 2, 1])];
    const { book, name, sheet } = await insert(responses);
    const value = reader(book, name);
    expectMovedAsModel(value, responses);
    expect(value("B", "previousRound")).toBe(0);
    expect(sheet.cell(`B${reportRow("previousRound")}`).format).toBe('yyyy-mm-dd;;"undated"');
  });

  it("says there is no earlier round, and leaves the shares empty, when the workflow has one round", async () => {
    const responses = [answer("2026-01-10", [3, 3, 3, 2, 2])];
    const { book, name } = await insert(responses);
    const value = reader(book, name);
    expect(value("B", "previousRound")).toBe(NO_EARLIER_ROUND);
    for (let k = 0; k < LAYERS.length; k++) {
      expect([value("B", `moved:${k}`), value("D", `moved:${k}`)]).toEqual(["", ""]);
    }
    expect([value("D", "movedRealized"), value("D", "movedChange"), value("D", "movedCheck")]).toEqual(["", "", ""]);
    expect(value("A", "movedNote")).toBe(
      "No earlier round with a complete response: there is nothing to compare with yet.",
    );
  });

  it("follows rows added to the assessments table: a new round and a new respondent change the shares", async () => {
    const responses = [answer("2026-01-10", [3, 3, 3, 2, 2]), answer("2026-04-02", [4, 3, 3, 3, 1])];
    const { book, store, name } = await insert(responses);
    const first = expectMovedAsModel(reader(book, name), responses);

    // A respondent joins the April round: its means, and so the shares, move.
    const joined = [...responses, answer("2026-04-02", [2, 5, 3, 4, 3], "Late")];
    await store.saveResponse(joined[2]);
    const second = expectMovedAsModel(reader(book, name), joined);
    expect(second).not.toEqual(first);

    // A round in June: April becomes the previous round.
    const june = [...joined, answer("2026-06-15", [5, 5, 4, 4, 4])];
    await store.saveResponse(june[3]);
    const value = reader(book, name);
    expectMovedAsModel(value, june);
    expect(value("B", "previousRound")).toBe(dateToSerial("2026-04-02"));
  });

  it("writes each share as plain arithmetic: no LAMBDA, LET or array functions", () => {
    const before = ["B1", "B2", "B3", "B4", "B5"];
    const after = ["C1", "C2", "C3", "C4", "C5"];
    const text = shapleyShareFormula(0, before, after);
    expect(text).toMatch(/^\(C1-B1\)\*\(\(/);
    expect(text).not.toMatch(/[A-Z]{2,}\(/); // no function call at all
    // 16 products of the four other layers, none of them of layer 1.
    expect(text.match(/[BC][2-5]\*[BC][2-5]\*[BC][2-5]\*[BC][2-5]/g)).toHaveLength(16);
    expect(text.slice("(C1-B1)".length)).not.toMatch(/[BC]1\b/);
  });
});

describe("the statements that moved most, as values", () => {
  it("lists the model's three largest moves with the date they were taken on", async () => {
    const responses = [
      answer("2026-01-10", [[1, 2, 3], 3, [0, 2, 4], 2, 5]),
      answer("2026-04-02", [[4, 2, 3], 3, [0, 2, 0], 3, 5]),
    ];
    const { sheet } = await insert(responses, { minGroup: 1 });
    const { latest, previous } = modelPair(responses);
    const moved = statementsMovedMost(previous!.responses, latest.responses);
    expect(moved).toHaveLength(3);
    expect(sheet.cell(`A${reportRow("statementsHead")}`).value).toBe(
      `Statements whose team mean moved most (values as of ${TODAY}, not live)`,
    );
    moved.forEach((move, n) => {
      const row = reportRow(`statement:${n}`);
      expect([0, 1, 2, 3].map((c) => sheet.peek(row - 1, c).value)).toEqual([
        move.statement.text,
        move.before,
        move.after,
        move.change,
      ]);
      expect(sheet.peek(row - 1, 1).formula).toBeUndefined();
    });
    expect(moved.map((move) => move.change)).toEqual([-4, 3, 1]);
  });

  it("says why none are listed", async () => {
    const one = await insert([answer("2026-01-10", [3, 3, 3, 2, 2])]);
    expect(one.sheet.cell(`A${reportRow("statement:0")}`).value).toBe("No earlier round to compare with.");
    const same = await insert([answer("2026-01-10", [3, 3, 3, 2, 2]), answer("2026-04-02", [3, 3, 3, 2, 2])], {
      minGroup: 1,
    });
    expect(same.sheet.cell(`A${reportRow("statement:0")}`).value).toBe("No statement's team mean moved.");
    expect(same.sheet.cell(`A${reportRow("statement:1")}`).value).toBe("");
  });
});

describe("the statements that moved most, below the smallest group", () => {
  const rounds = [
    answer("2026-01-10", [[1, 2, 3], 3, [0, 2, 4], 2, 5], "Ana"),
    answer("2026-01-10", [[1, 2, 3], 3, [0, 2, 4], 2, 5], "Ben"),
    answer("2026-01-10", [[1, 2, 3], 3, [0, 2, 4], 2, 5], "Cy"),
    answer("2026-04-02", [[4, 2, 3], 3, [0, 2, 0], 3, 5], "Ana"),
    answer("2026-04-02", [[4, 2, 3], 3, [0, 2, 0], 3, 5], "Ben"),
  ];

  it("are withheld when either round is smaller, with the reason, and written nowhere on the sheet", async () => {
    const { sheet, book, name } = await insert(rounds);
    expect(sheet.cell(`A${reportRow("statement:0")}`).value).toBe("Withheld: see the note below.");
    expect(sheet.cell(`A${reportRow("statementsNote")}`).value).toBe(
      "The statements that moved most are withheld: the 2026-04-02 round has 2 complete respondents, and they are " +
        "listed from 3. In so small a group a statement's team mean can show how one person answered.",
    );
    const texts = [...sheet.cells.values()].map((cell) => cell.value);
    const { latest, previous } = modelPair(rounds);
    for (const move of statementsMovedMost(previous!.responses, latest.responses)) {
      expect(texts).not.toContain(move.statement.text);
    }
    // The layer shares are kept: means of three statements each.
    expectMovedAsModel(reader(book, name), rounds);
  });

  it("are listed once both rounds reach the smallest group", async () => {
    const { sheet } = await insert(rounds, { minGroup: 2 });
    const { latest, previous } = modelPair(rounds);
    const first = statementsMovedMost(previous!.responses, latest.responses)[0];
    expect(sheet.cell(`A${reportRow("statement:0")}`).value).toBe(first.statement.text);
    expect(sheet.cell(`A${reportRow("statementsNote")}`).value).toBe(
      "Mean answers from 0 to 5 over each round's complete responses.",
    );
  });
});

describe("the team spread and the smallest group", () => {
  const spread = (value: ReturnType<typeof reader>) =>
    LAYERS.map((_, k) => [value("B", `spread:${k}`), value("C", `spread:${k}`)]);

  it("withholds the lowest and highest scores below the smallest group, with the model's reason", async () => {
    const responses = [
      answer("2026-04-02", [4, 3, 2, 3, 1], "Ana"),
      answer("2026-04-02", [2, 5, 3, 4, 3], "Ben"),
      answer("2026-04-02", [5, 5, null, null, null], "Cy"), // partial: not counted
    ];
    const { book, name, sheet } = await insert(responses);
    const value = reader(book, name);
    expect(value("B", "minGroup")).toBe(DEFAULT_MIN_GROUP);
    expect(sheet.cell(`A${reportRow("minGroup")}`).value).toBe("Smallest group whose detail is shown");
    expect(spread(value)).toEqual(LAYERS.map(() => ["", ""]));
    const detail = teamDetail(2, DEFAULT_MIN_GROUP);
    expect(detail.shown).toBe(false);
    expect(value("A", "spreadReason")).toBe((detail as { reason: string }).reason);
  });

  it("uses the singular for one complete respondent", async () => {
    const { book, name } = await insert([answer("2026-04-02", [4, 3, 2, 3, 1])]);
    expect(reader(book, name)("A", "spreadReason")).toBe((teamDetail(1, 3) as { reason: string }).reason);
  });

  it("shows the model's lowest and highest once the round reaches the group, live as rows are added", async () => {
    const responses = [
      answer("2026-01-10", [0, 0, 0, 0, 0], "Old"), // another round: never in the spread
      answer("2026-04-02", [[4, 3, 5], 3, 2, [3, 0, 1], 1], "Ana"),
      answer("2026-04-02", [2, [5, 4, 4], 3, 4, [3, 2, 2]], "Ben"),
    ];
    const { book, store, name } = await insert(responses);
    expect(spread(reader(book, name))).toEqual(LAYERS.map(() => ["", ""]));

    const third = answer("2026-04-02", [[1, 1, 2], 4, [5, 5, 4], 2, 5], "Cy");
    await store.saveResponse(third);
    const value = reader(book, name);
    const round = modelPair([...responses, third]).latest;
    const model = aggregateLayers(round.responses.filter(isCompleteResponse));
    LAYERS.forEach((layer, k) => {
      near(value("B", `spread:${k}`), model[k].min!, `lowest ${layer.short}`);
      near(value("C", `spread:${k}`), model[k].max!, `highest ${layer.short}`);
    });
    // By hand, Strategy: Ana 12/15, Ben 6/15, Cy 4/15.
    near(value("B", "spread:0"), 4 / 15, "lowest Strategy by hand");
    near(value("C", "spread:0"), 12 / 15, "highest Strategy by hand");
    expect(value("A", "spreadReason")).toBe("Lowest and highest score among the latest round's complete respondents.");
  });

  it("takes the smallest group from the option, and follows the labelled cell when a person changes it", async () => {
    const responses = [answer("2026-04-02", [4, 3, 2, 3, 1], "Ana"), answer("2026-04-02", [2, 5, 3, 4, 3], "Ben")];
    const shown = await insert(responses, { minGroup: 2 });
    expect(spread(reader(shown.book, shown.name))[0]).toEqual([0.4, 0.8]);

    const { book, name, sheet } = await insert(responses, { minGroup: 1 });
    sheet.at(reportRow("minGroup") - 1, 1).value = 5;
    const value = reader(book, name);
    expect(spread(value)).toEqual(LAYERS.map(() => ["", ""]));
    expect(value("A", "spreadReason")).toBe((teamDetail(2, 5) as { reason: string }).reason);
  });
});

describe("one printed page", () => {
  const team = [answer("2026-01-10", [3, 3, 3, 2, 2]), answer("2026-04-02", [4, 3, 3, 3, 1])];

  it("sets the print area over the rows and both charts, portrait, fit to one page, with the workflow in the header", async () => {
    const { store, sheet } = await insert(team, { excelApi: "1.9" });
    expect(store.drainLimitations()).toEqual([]);
    const area = parseAddress(sheet.pageLayout.printArea as string);
    expect(sheet.pageLayout.printArea).toBe(REPORT_PRINT_AREA);

    // Every written cell and both charts' anchor cells lie inside the print area.
    const inside = (row: number, column: number) =>
      row >= area.top && row <= area.bottom && column >= area.left && column <= area.right;
    for (const [key, cell] of sheet.cells) {
      if (cell.value === "" && !cell.formula) continue;
      const [row, column] = key.split(",").map(Number);
      expect({ key, inside: inside(row, column) }).toEqual({ key, inside: true });
    }
    expect(sheet.charts).toHaveLength(2);
    for (const chart of sheet.charts) {
      for (const anchor of chart.position!) {
        const box = parseAddress(anchor);
        expect({ anchor, inside: inside(box.top, box.left) }).toEqual({ anchor, inside: true });
      }
    }
    expect(area.bottom + 1).toBe(REPORT_ROWS);

    expect(sheet.pageLayout).toMatchObject({
      orientation: "Portrait",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 },
      centerHorizontally: true,
      "headersFooters.defaultForAllPages.centerHeader": "AGAP report – Claims",
    });
    for (const margin of ["leftMargin", "rightMargin", "topMargin", "bottomMargin"]) {
      expect(sheet.pageLayout[margin]).toBeGreaterThanOrEqual(18);
      expect(sheet.pageLayout[margin]).toBeLessThanOrEqual(72);
    }
  });

  it("doubles an ampersand in the header, which Excel would read as a code", async () => {
    const book = new FakeWorkbook();
    book.excelApi = "1.9";
    const own = team.map((r) => ({ ...r, workflow: "R&D intake" }));
    placeTable(book, ASSESSMENTS, own);
    const name = await new ExcelStore({ run: book.run }).insertReport("R&D intake", own, { today: TODAY });
    expect(book.sheet(name)!.pageLayout["headersFooters.defaultForAllPages.centerHeader"]).toBe(
      "AGAP report – R&&D intake",
    );
  });

  it("is taller than wide, so that fit to one portrait page keeps the text readable", async () => {
    const { book, sheet } = await insert(team, { excelApi: "1.9" });
    const heights = new Map<number, number>();
    for (const write of book.writes) {
      if (write.sheet !== sheet.name || write.property !== "format.rowHeight") continue;
      heights.set(parseAddress(write.target).top, write.value as number);
    }
    const height = Array.from({ length: REPORT_ROWS }, (_, r) => heights.get(r) ?? 15).reduce((a, b) => a + b, 0);
    const width = REPORT_COLUMN_WIDTHS.reduce((a, b) => a + b, 0);
    // A4 portrait less the margins written above: 595 − 72 wide, 842 − 108 tall, in points.
    const scale = Math.min((595 - 72) / width, (842 - 108) / height);
    expect(height).toBeGreaterThan(width);
    expect(scale).toBeGreaterThan(0.6);
    // Charts sit beside the rows, in the columns right of the figures.
    for (const chart of REPORT_CHARTS) expect(parseAddress(chart.position[0]).left).toBeGreaterThanOrEqual(5);
  });

  it("wraps each note across the report's columns", async () => {
    const { sheet } = await insert(team);
    const note = reportRow("movedNote");
    expect(sheet.merges).toContain(`A${note}:E${note}`);
    expect(sheet.merges).toContain(`A${reportRow("spreadReason")}:E${reportRow("spreadReason")}`);
  });

  it("without ExcelApi 1.9, still writes the sheet, leaves the page layout alone and says so once", async () => {
    const { book, store, sheet } = await insert(team, { excelApi: "1.8" });
    expect(book.writes.filter((write) => write.property.startsWith("pageLayout"))).toEqual([]);
    expect(sheet.pageLayout).toEqual({});
    expect(sheet.charts).toHaveLength(2);
    expect(sheet.cell(`B${reportRow("workflow")}`).value).toBe(WORKFLOW);
    expect(store.drainLimitations()).toEqual([DEGRADED.printLayout]);
    expect(store.drainLimitations()).toEqual([]);
  });

  it("(the fake) fails a batch that uses the page layout in an Excel older than 1.9, as Excel does", async () => {
    const book = new FakeWorkbook();
    book.excelApi = "1.8";
    book.addSheet("Sheet1");
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").pageLayout.setPrintArea("A1:B2");
        await context.sync();
      }),
    ).rejects.toThrow("This Excel does not support Worksheet.pageLayout.");
  });
});

describe("numbers inside the sheet's sentences", () => {
  // One response with layer answers 4, 3, 2, 2, 3: scores 0.8, 0.6, 0.4, 0.4, 0.6, realized
  // 4.6%, so the plan goes to the 10% band limit and raises layers to a level with decimals.
  const responses = [answer("2026-04-02", [4, 3, 2, 2, 3])];
  const plan = planToNextBand([0.8, 0.6, 0.4, 0.4, 0.6]);

  it("take the workbook's decimal separator: the plan's level and points with a comma in a de-DE workbook", async () => {
    if (plan.status !== "planned") throw new Error("the fixture must give a plan");
    const comma = (share: number, digits: number) => (share * 100).toFixed(digits).replace(".", ",");
    // By hand: the level's and the points' first decimal are not zero, so the separator shows.
    expect(comma(plan.level, 1)).toMatch(/,[1-9]$/);
    expect(comma(plan.totalImprovement, 1)).toMatch(/,[1-9]$/);
    const { sheet } = await insert(responses, { decimal: "," });
    const note = sheet.cell(`A${reportRow("planNote")}`).value as string;
    expect(note).toContain(
      `Plan to 10%, the next band limit: raise every layer below ${comma(plan.level, 1)}% up to it, lowest first, ` +
        `adding ${comma(plan.totalImprovement, 1)} percentage points of layer score in all.`,
    );
    expect(note).not.toMatch(/\d\.\d/);
  });

  it("keep a point without a separator given, as before", async () => {
    if (plan.status !== "planned") throw new Error("the fixture must give a plan");
    const { sheet } = await insert(responses);
    const note = sheet.cell(`A${reportRow("planNote")}`).value as string;
    expect(note).toContain(`adding ${(plan.totalImprovement * 100).toFixed(1)} percentage points`);
  });
});

describe("the planning status, as values", () => {
  // On 2026-02-14 the shared roadmap is at day 41, in the Workflow Integration phase.
  const roadmap = CLAIMS_ROADMAP;
  const team = [answer("2026-01-10", [3, 3, 3, 2, 2]), answer("2026-02-01", [4, 3, 3, 3, 1])];

  async function statusRows(planning: ReportPlanning | undefined, today = "2026-02-14") {
    const book = new FakeWorkbook();
    placeTable(book, ASSESSMENTS, team);
    const name = await new ExcelStore({ run: book.run }).insertReport(WORKFLOW, team, { today, planning });
    const sheet = book.sheet(name)!;
    return (key: string) => [sheet.cell(`A${reportRow(key)}`).value, sheet.cell(`B${reportRow(key)}`).value];
  }

  it("gives the ROI status, the stage against its target and where the roadmap stands, dated", async () => {
    const planning = {
      roi: [ROI_ROWS[0], { ...ROI_ROWS[1], workflow: WORKFLOW }],
      maturity: [{ workflow: WORKFLOW, stage: 2, target: 4 }],
      roadmaps: [roadmap],
    };
    const row = await statusRows(planning);
    const board = boardReport({ workflow: WORKFLOW, responses: team, ...planning, today: "2026-02-14" });
    expect(row("statusHead")[0]).toBe("Planning status (values as of 2026-02-14, not live)");
    // The Invoice row, moved to Claims, has no maintenance cost per period: a flag (as the Portfolio has it).
    expect(board.roi.status).toBe("flagged");
    expect(row("roiStatus")).toEqual(["ROI status", "flagged (2 ROI rows)"]);
    expect(row("maturity")).toEqual([
      "Maturity stage against target",
      "2 Assisted; target 4 Operational (2 stages to go)",
    ]);
    expect(row("roadmap")).toEqual(["90-day roadmap", "day 41 of 90, Workflow Integration phase"]);
    const status = board.roadmap!;
    expect([status.done, status.inProgress, status.blocked]).toEqual([2, 1, 1]);
    // Due days 18, 24, 30 and 36 (2026-01-22 to 02-09) are past and not done; day 42 is next, on 02-15.
    expect(row("roadmapNote")[0]).toBe(
      `2 of 15 tasks done, 1 in progress, 1 blocked, 4 overdue. Next: ${status.next!.text} (due 2026-02-15).`,
    );
  });

  it("says when there is no record, when the roadmap has not started or has ended, and when nothing was read", async () => {
    const none = await statusRows({ roi: [], maturity: [], roadmaps: [] });
    expect(none("roiStatus")[1]).toBe("no ROI row");
    expect(none("maturity")[1]).toBe("no stage recorded; target 4 Operational");
    expect(none("roadmap")[1]).toBe("no roadmap");
    expect(none("roadmapNote")[0]).toBe("");

    const early = await statusRows({ roi: [], maturity: [], roadmaps: [roadmap] }, "2026-01-01");
    expect(early("roadmap")[1]).toBe("starts on 2026-01-05");
    const late = await statusRows(
      { roi: [], maturity: [{ workflow: WORKFLOW, stage: 4, target: 4 }], roadmaps: [roadmap] },
      "2026-06-01",
    );
    expect(late("roadmap")[1]).toBe("its 90 days ended on 2026-04-04"); // day 90 of a start on 01-05
    expect(late("maturity")[1]).toBe("4 Operational; target 4 Operational (target reached)");

    const unread = await statusRows(undefined);
    for (const key of ["roiStatus", "maturity", "roadmap"]) expect(unread(key)[1]).toBe("not read for this report");
  });
});

describe("the report's section of docs/sheets.md", () => {
  it("lists every row in order, saying which cells are live and which are values", () => {
    const lines = reportDocLines();
    const rows = lines.filter((line) => /^\| \d+ \|/.test(line));
    expect(rows).toHaveLength(REPORT_ROWS);
    rows.forEach((line, i) => expect(line.startsWith(`| ${i + 1} | `)).toBe(true));
    const row = (key: string) => rows[reportRow(key) - 1].split("|").map((cell) => cell.trim());
    expect(row("moved:3")).toEqual([
      "",
      String(reportRow("moved:3")),
      "moved:3",
      "Measurement",
      "live",
      "live",
      "live",
      "",
      "",
    ]);
    expect(row("layer:0").slice(4, 7)).toEqual(["live", "value", "live"]);
    expect(row("statement:0").slice(4, 7)).toEqual(["value", "value", "value"]);
    expect(row("roiStatus").slice(3, 5)).toEqual(["ROI status", "value"]);
    expect(row("spreadReason")[3]).toBe("(live text)");
    expect(lines.join("\n")).toContain(`the print area is\n${REPORT_PRINT_AREA}`);
  });
});
