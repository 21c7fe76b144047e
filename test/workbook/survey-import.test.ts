// Responses from survey tools: files laid out as Microsoft Forms (.xlsx) and Google Forms (CSV)
// export them, built here, and hand-made odd files (a header on row 3, semicolons, a byte-order
// mark, Windows line ends, quoted fields with commas and line breaks, other encodings).
import * as ExcelJS from "exceljs";
import { STATEMENTS, assessAnswers, type AssessmentResponse } from "../../src/model";
import { decodeText, parseCsv, sniffSeparator } from "../../src/workbook/csv-parse";
import { toCsv } from "../../src/workbook/export-text";
import { LocalStore, type KeyValueStorage } from "../../src/workbook/local-store";
import {
  cellText,
  detectDateOrder,
  findHeaderRow,
  guessMapping,
  parseAnswer,
  parseSurveyDate,
  planSurvey,
  readSurvey,
  saveSurveyRows,
  surveyResponseId,
  type SurveyGrid,
  type SurveyMapping,
} from "../../src/workbook/survey-import";
import { readXlsxGrid, surveyCell } from "../../src/workbook/survey-xlsx";

function memoryStorage(): KeyValueStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const TEXTS = STATEMENTS.map((statement) => statement.text);
const answersOf = (list: readonly (number | undefined)[]) =>
  Object.fromEntries(STATEMENTS.flatMap((s, i) => (list[i] === undefined ? [] : [[s.id, list[i]]])));

const ANA = [4, 4, 4, 3, 3, 3, 2, 3, 2, 2, 2, 2, 3, 3, 2];
const BO = [1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5, 0, 1, 2, 3];
const CY = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5];

/** A CSV field, quoted as Google Forms and Excel quote: when it holds a comma, quote or line break. */
const field = (value: string) => (/[",\r\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const line = (values: readonly (string | number)[], separator = ",") => values.map(String).map(field).join(separator);

// ---------------------------------------------------------------------------------------------

describe("parseAnswer", () => {
  it.each([
    [0, 0],
    [5, 5],
    ["3", 3],
    [" 4 ", 4],
    ["4.0", 4],
    ["strongly disagree", 0],
    ["Strongly agree", 5],
    ["0 · strongly disagree", 0],
    ["strongly agree · 5", 5],
    ["5 - Strongly agree", 5],
    ["0 (Strongly disagree)", 0],
    ["4 – agree", 4],
    ["2. Somewhat disagree", 2],
    ["", null],
    [null, null],
  ])("reads %j as %j", (cell, value) => {
    expect(parseAnswer(cell)).toEqual({ ok: true, value });
  });

  it.each([
    [6, "6 is outside 0 to 5"],
    ["6", "“6” is outside 0 to 5"],
    ["-1", "“-1” is outside 0 to 5"],
    [2.5, "2.5 is not a whole answer from 0 to 5"],
    ["2,5", "“2,5” is not a whole answer from 0 to 5"],
    ["Agree", "“Agree” is text, not an answer from 0 to 5"],
    ["n/a", "“n/a” is text, not an answer from 0 to 5"],
    ["3 - strongly agree", "“3 - strongly agree” says both 3 and “strongly agree” (5)"],
    ["7 – agree", "“7 – agree” is outside 0 to 5"],
  ])("refuses %j: %s", (cell, problem) => {
    expect(parseAnswer(cell)).toEqual({ ok: false, problem });
  });
});

describe("parseSurveyDate", () => {
  it.each([
    ["2026-03-02", "mdy", "2026-03-02"],
    ["2026-03-02 14:05:00", "dmy", "2026-03-02"],
    ["2026-03-02T14:05:00Z", "mdy", "2026-03-02"],
    ["2026/03/02 2:05:31 PM GMT+1", "dmy", "2026-03-02"],
    ["3/2/2026 14:05:31", "mdy", "2026-03-02"],
    ["3/2/2026 14:05:31", "dmy", "2026-02-03"],
    ["02.03.2026", "dmy", "2026-03-02"],
    ["3/2/26", "mdy", "2026-03-02"],
    [46083, "mdy", "2026-03-02"],
    [46083.58, "mdy", "2026-03-02"],
    ["", "mdy", ""],
    [null, "mdy", ""],
  ] as const)("reads %j (%s) as %j", (cell, order, value) => {
    expect(parseSurveyDate(cell, order)).toEqual({ ok: true, value });
  });

  it.each([["2 March 2026"], ["2026-02-30"], ["13/13/2026"], [4], ["soon"]])("refuses %j", (cell) => {
    const read = parseSurveyDate(cell, "mdy");
    expect(read).toEqual({ ok: false, problem: expect.stringMatching(/is not a date AGAP can read/) });
  });

  it("detects day-first and month-first columns, and says nothing when no date tells", () => {
    expect(detectDateOrder(["3/2/2026", "25/2/2026 10:00"])).toBe("dmy");
    expect(detectDateOrder(["3/2/2026", "2/25/2026"])).toBe("mdy");
    expect(detectDateOrder(["3/2/2026", "4/2/2026", "2026-05-01", null])).toBeNull();
  });
});

describe("CSV reading", () => {
  it("decodes UTF-8 with and without a byte-order mark, UTF-16 with one, and Windows-1252", () => {
    const utf8 = new TextEncoder().encode("Jürg;Zoë");
    expect(decodeText(utf8)).toBe("Jürg;Zoë");
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe("Jürg;Zoë");
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from("Jürg\tZoë", "utf16le")]);
    expect(decodeText(utf16)).toBe("Jürg\tZoë");
    expect(decodeText(new Uint8Array([0x4a, 0xfc, 0x72, 0x67, 0x3b, 0x5a, 0x6f, 0xeb]))).toBe("Jürg;Zoë");
  });

  it("splits quoted fields holding separators, quotes and line breaks, with CRLF, LF or CR line ends", () => {
    const text = 'a,"b, with comma","c ""quoted"""\r\n1,"two\r\nlines",3\n4,5,6\r7,8,9\r\n';
    expect(parseCsv(text)).toEqual({
      rows: [
        ["a", "b, with comma", 'c "quoted"'],
        ["1", "two\r\nlines", "3"],
        ["4", "5", "6"],
        ["7", "8", "9"],
      ],
      separator: ",",
      problems: [],
    });
  });

  it("sniffs semicolons and tabs even when the texts hold commas, and obeys Excel's sep= line", () => {
    const semicolons = `Survey, April\r\n\r\n${line(["Name", ...TEXTS], ";")}\r\n${line(["Ana", ...ANA], ";")}\r\n`;
    expect(sniffSeparator(semicolons)).toBe(";");
    expect(sniffSeparator("a\tb\tc\n1\t2\t3\n")).toBe("\t");
    expect(parseCsv("sep=;\r\na;b,c\r\n1;2\r\n")).toEqual({
      rows: [
        ["a", "b,c"],
        ["1", "2"],
      ],
      separator: ";",
      problems: [],
    });
  });

  it("keeps blank lines as records, so record numbers stay row numbers, and says when a quote is never closed", () => {
    const read = parseCsv('a,b\r\n\r\n1,"open\r\n2,3\r\n');
    expect(read.rows).toEqual([["a", "b"], [""], ["1", "open\r\n2,3\r\n"]]);
    expect(read.problems).toEqual([
      "A quoted field that starts in record 3 is never closed, so the rest of the file was read as that one field.",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

/** Microsoft Forms' .xlsx export: ID, Start time, Completion time, Email, Name, then one column per question. */
async function formsWorkbook(): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  sheet.addRow(["ID", "Start time", "Completion time", "Email", "Name", ...TEXTS, "Anything else we should know?"]);
  const at = (day: number, hour: number) => new Date(Date.UTC(2026, 2, day, hour, 5, 0));
  sheet.addRow([1, at(2, 9), at(2, 10), "ana@example.org", "Ana", ...ANA, "Nothing"]);
  // Bo answered with the scale's labels on the ends, as a choice question offers them.
  const boLabels = BO.map((a) => (a === 0 ? "0 · strongly disagree" : a === 5 ? "5 · strongly agree" : a));
  sheet.addRow([2, at(3, 16), at(3, 16), "bo@example.org", "Bo", ...boLabels, ""]);
  // Cy answered on the day after, in the evening; the name is a formula-looking text.
  sheet.addRow([3, at(4, 21), at(4, 22), "anonymous", '=HYPERLINK("http://x","Cy")', ...CY, "<b>bold</b>"]);
  const bytes = await workbook.xlsx.writeBuffer();
  return (bytes as Buffer).buffer.slice((bytes as Buffer).byteOffset, (bytes as Buffer).byteOffset + bytes.byteLength);
}

describe("a Microsoft Forms .xlsx export", () => {
  let grid: SurveyGrid;
  beforeAll(async () => {
    ({ grid } = await readXlsxGrid(await formsWorkbook(), ExcelJS, "Forms.xlsx"));
  });

  it("reads the sheet's cells: numbers as numbers, dates as the sheet shows them, text as text", () => {
    expect(grid[0].slice(0, 5)).toEqual(["ID", "Start time", "Completion time", "Email", "Name"]);
    expect(grid[1].slice(0, 6)).toEqual([1, "2026-03-02 09:05:00", "2026-03-02 10:05:00", "ana@example.org", "Ana", 4]);
    expect(grid[3][4]).toBe('=HYPERLINK("http://x","Cy")');
  });

  it("matches every statement by its text, the name, and the completion time; asks for the workflow", () => {
    const mapping = guessMapping(grid);
    expect(mapping).toEqual({
      headerRow: 0,
      statements: STATEMENTS.map((_, k) => 5 + k),
      respondent: 4,
      workflow: { kind: "fixed", name: "" },
      date: { kind: "column", column: 2 },
      dateOrder: "mdy",
    });
  });

  it("refuses every row until a workflow is given, then reads each respondent's answers", () => {
    const mapping = guessMapping(grid);
    expect(readSurvey(grid, mapping).rejected).toEqual(
      [2, 3, 4].map((row) => ({
        row,
        reasons: ["no workflow: choose the workflow column, or type one workflow for the whole file"],
      })),
    );
    const read = readSurvey(grid, { ...mapping, workflow: { kind: "fixed", name: "Claims" } });
    expect(read.rejected).toEqual([]);
    expect(read.rows.map(({ row, response }) => ({ row, ...response, id: undefined }))).toEqual([
      { row: 2, workflow: "Claims", respondent: "Ana", date: "2026-03-02", answers: answersOf(ANA), id: undefined },
      { row: 3, workflow: "Claims", respondent: "Bo", date: "2026-03-03", answers: answersOf(BO), id: undefined },
      {
        row: 4,
        workflow: "Claims",
        respondent: '=HYPERLINK("http://x","Cy")',
        date: "2026-03-04",
        answers: answersOf(CY),
        id: undefined,
      },
    ]);
    // Three days make three rounds; the pane says so and offers one date for the file.
    expect(read.dates).toEqual(["2026-03-02", "2026-03-03", "2026-03-04"]);
    const oneDate = readSurvey(grid, {
      ...mapping,
      workflow: { kind: "fixed", name: "Claims" },
      date: { kind: "fixed", date: "2026-03-04" },
    });
    expect(oneDate.dates).toEqual(["2026-03-04"]);
  });

  it("gives each row an id that a second import of the same file finds again", async () => {
    const mapping: SurveyMapping = { ...guessMapping(grid), workflow: { kind: "fixed", name: "Claims" } };
    const read = readSurvey(grid, mapping);
    expect(new Set(read.rows.map((r) => r.response.id)).size).toBe(3);
    expect(readSurvey(grid, mapping).rows.map((r) => r.response.id)).toEqual(read.rows.map((r) => r.response.id));
    // Another workflow is another set of records.
    const other = readSurvey(grid, { ...mapping, workflow: { kind: "fixed", name: "Invoice triage" } });
    expect(other.rows.some((r) => read.rows.some((mine) => mine.response.id === r.response.id))).toBe(false);

    const store = new LocalStore(memoryStorage());
    const first = planSurvey(read.rows, (await store.listResponses()).responses);
    expect(first.save).toHaveLength(3);
    expect(await saveSurveyRows(first.save, store)).toEqual({ saved: first.save, failed: [] });
    const saved = (await store.listResponses()).responses;
    expect(saved.map((r) => r.respondent)).toEqual(["Ana", "Bo", '=HYPERLINK("http://x","Cy")']);

    const second = planSurvey(readSurvey(grid, mapping).rows, saved);
    expect(second).toEqual({ save: [], already: read.rows, changedSince: [] });
    // A response edited after the import is not overwritten by the file.
    const edited: AssessmentResponse = { ...saved[1], respondent: "Bo B." };
    await store.saveResponse(edited);
    const third = planSurvey(read.rows, (await store.listResponses()).responses);
    expect(third.changedSince.map((r) => r.row)).toEqual([3]);
    expect(third.save).toEqual([]);
  });
});

describe("a Google Forms CSV export", () => {
  // Timestamp, then the questions; Google writes "2026/03/02 2:05:31 PM GMT+1" and quotes texts with commas.
  const text =
    [
      line([
        "Timestamp",
        "Email address",
        "Which workflow is this about?",
        ...TEXTS.slice(0, 7),
        "Score",
        ...TEXTS.slice(7),
      ]),
      line([
        "2026/03/02 2:05:31 PM GMT+1",
        "ana@example.org",
        "Invoice triage",
        ...ANA.slice(0, 7),
        "9",
        ...ANA.slice(7),
      ]),
      line(["2026/03/02 4:40:02 PM GMT+1", "bo@example.org", "Invoice triage", ...BO.slice(0, 7), "7", ...BO.slice(7)]),
    ].join("\r\n") + "\r\n";

  it("matches the statements around an extra column, the timestamp, the email and the workflow question", () => {
    const { rows } = parseCsv(decodeText(new TextEncoder().encode(text)));
    const mapping = guessMapping(rows);
    expect(mapping.statements).toEqual(STATEMENTS.map((_, k) => (k < 7 ? 3 + k : 4 + k)));
    expect(mapping).toMatchObject({
      headerRow: 0,
      respondent: 1,
      workflow: { kind: "column", column: 2 },
      date: { kind: "column", column: 0 },
    });
    const read = readSurvey(rows, mapping);
    expect(read.rejected).toEqual([]);
    expect(read.rows.map((r) => [r.row, r.response.respondent, r.response.workflow, r.response.date])).toEqual([
      [2, "ana@example.org", "Invoice triage", "2026-03-02"],
      [3, "bo@example.org", "Invoice triage", "2026-03-02"],
    ]);
    expect(read.rows.map((r) => r.response.answers)).toEqual([answersOf(ANA), answersOf(BO)]);
    expect(read.dates).toEqual(["2026-03-02"]);
  });
});

describe("a form written from an earlier wording of a statement", () => {
  it("matches statement 14 by its former text, numbered like a form question", () => {
    const former = STATEMENTS[13].formerTexts?.[0];
    expect(former).toBe("The time the agent frees up has been given a purpose on purpose.");
    const headers = TEXTS.map((text, k) => `${k + 1}. ${k === 13 ? former : text}`);
    const { rows } = parseCsv([line(["Workflow", ...headers]), line(["Claims", ...ANA])].join("\r\n"));
    const mapping = guessMapping(rows);
    expect(mapping.statements).toEqual(STATEMENTS.map((_, k) => 1 + k));
    expect(readSurvey(rows, mapping).rows[0].response.answers).toEqual(answersOf(ANA));
  });
});

describe("statement numbers as headers", () => {
  it("takes bare numbers on the first full row as statement numbers", () => {
    const grid = [STATEMENTS.map((_, k) => String(k + 1)), ANA.map(String)];
    expect(findHeaderRow(grid)).toBe(0);
    expect(guessMapping(grid).statements).toEqual(STATEMENTS.map((_, k) => k));
  });

  it("does not take a row of answers below a header as the header, though its cells are numbers", () => {
    // "1, 2" under an unrelated header once became the header row, with statements 1 and 2 mapped.
    const grid = [
      ["hello", "world"],
      ["1", "2"],
      ["3", "4"],
    ];
    expect(findHeaderRow(grid)).toBe(0);
    expect(guessMapping(grid).statements.every((column) => column === null)).toBe(true);
  });

  it("still takes numbered headers (“Q3”, “3.”) below a title row", () => {
    const headers = STATEMENTS.map((_, k) => (k % 2 === 0 ? `Q${k + 1}` : `${k + 1}.`));
    const grid = [["Survey export"], [], ["Respondent", ...headers], ["Ana", ...ANA.map(String)]];
    expect(findHeaderRow(grid)).toBe(2);
    expect(guessMapping(grid).statements).toEqual(STATEMENTS.map((_, k) => 1 + k));
  });
});

describe("an odd hand-made file", () => {
  // A title and a blank line above the header, semicolons, a byte-order mark, Windows line ends,
  // statement numbers as headers, a name with a comma and a line break, extra columns, day-first
  // dates, and four bad rows.
  const header = ["Team", "", "Respondent", "Date", ...STATEMENTS.map((_, k) => `Q${k + 1}`), "Comment"];
  const rows = [
    ["Claims", "x", "Ana", "02/03/2026", ...ANA, "fine"],
    ["Claims", "", '"Bo", the second;\r\nreviewer', "25/03/2026", ...BO, ""],
    ["Claims", "", "Cy", "25/03/2026", ...CY.slice(0, 4), 6, ...CY.slice(5, 9), "Agree", ...CY.slice(10), ""],
    ["", "", "Di", "25/03/2026", ...ANA, ""],
    ["Claims", "", "Ed", "31/02/2026", ...ANA, ""],
    ["Claims", "", "Flo", "25/03/2026", ...new Array(15).fill(""), "no answers"],
  ];
  const csv = `AGAP survey, exported by hand\r\n\r\n${[header, ...rows].map((r) => line(r, ";")).join("\r\n")}\r\n`;
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)]);
  const grid = parseCsv(decodeText(bytes)).rows;

  it("finds the header on row 3, the statement numbers, and the day-first dates", () => {
    expect(findHeaderRow(grid)).toBe(2);
    const mapping = guessMapping(grid);
    expect(mapping).toEqual({
      headerRow: 2,
      statements: STATEMENTS.map((_, k) => 4 + k),
      respondent: 2,
      workflow: { kind: "fixed", name: "" },
      date: { kind: "column", column: 3 },
      dateOrder: "dmy",
    });
  });

  it("reads the good rows and lists every bad one with each reason", () => {
    const mapping: SurveyMapping = { ...guessMapping(grid), workflow: { kind: "column", column: 0 } };
    const read = readSurvey(grid, mapping);
    expect(read.rows.map((r) => [r.row, r.response.respondent, r.response.date])).toEqual([
      [4, "Ana", "2026-03-02"],
      [5, '"Bo", the second; reviewer', "2026-03-25"],
    ]);
    expect(read.rows[1].response.answers).toEqual(answersOf(BO));
    expect(read.rejected).toEqual([
      {
        row: 6,
        reasons: [
          "Workflow 2 (column I): “6” is outside 0 to 5",
          "Measurement 1 (column N): “Agree” is text, not an answer from 0 to 5",
        ],
      },
      { row: 7, reasons: ["the workflow (column A) is empty"] },
      {
        row: 8,
        reasons: [
          "the date (column D): “31/02/2026” is not a date AGAP can read (such as 2026-03-02, 3/2/2026 or 2026/03/02)",
        ],
      },
      { row: 9, reasons: ["it answers no statement: every answer cell is empty"] },
    ]);
  });

  it("saves a partial row as a partial response, as the form would", () => {
    const partial = grid.map((r, i) => (i === 3 ? r.map((cell, c) => (c === 5 ? "" : cell)) : r));
    const read = readSurvey(partial, { ...guessMapping(partial), workflow: { kind: "fixed", name: "Claims" } });
    expect(assessAnswers(read.rows[0].response.answers).answered).toBe(14);
  });
});

describe("other files", () => {
  it("reads AGAP's own CSV export back: workflow, respondent, date and the 15 answer columns", () => {
    const responses: AssessmentResponse[] = [
      { id: "r-1", workflow: "Claims", respondent: "Ana", date: "2026-01-10", answers: answersOf(ANA) },
      { id: "r-2", workflow: "Invoice triage", respondent: "", date: "", answers: answersOf(BO.slice(0, 4)) },
    ];
    const grid = parseCsv(decodeText(new TextEncoder().encode("\uFEFF" + toCsv(responses)))).rows;
    const mapping = guessMapping(grid);
    expect(mapping.workflow).toEqual({ kind: "column", column: 0 });
    expect(mapping.respondent).toBe(1);
    expect(mapping.date).toEqual({ kind: "column", column: 2 });
    expect(mapping.statements).toEqual(STATEMENTS.map((_, k) => 3 + k));
    const read = readSurvey(grid, mapping);
    expect(read.rejected).toEqual([]);
    expect(read.rows.map((r) => ({ ...r.response, id: "" }))).toEqual(responses.map((r) => ({ ...r, id: "" })));
  });

  it("reads statement ids as headers, and a UTF-16 tab-separated file as Excel saves Unicode text", () => {
    const text = [
      ["workflow", "respondent", ...STATEMENTS.map((s) => s.id)].join("\t"),
      ["Claims", "Zoë", ...ANA].join("\t"),
    ].join("\r\n");
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);
    const grid = parseCsv(decodeText(bytes)).rows;
    const mapping = guessMapping(grid);
    expect(mapping.statements).toEqual(STATEMENTS.map((_, k) => 2 + k));
    const read = readSurvey(grid, { ...mapping, date: { kind: "fixed", date: "2026-04-01" } });
    expect(read.rows.map((r) => [r.response.respondent, r.response.date])).toEqual([["Zoë", "2026-04-01"]]);
  });

  it('treats headers such as "__proto__" and "constructor" as plain column names', () => {
    const grid = [
      ["__proto__", "constructor", "prototype", ...TEXTS],
      ['{"polluted":1}', "x", "y", ...ANA],
    ];
    const mapping = guessMapping(grid);
    expect(mapping.respondent).toBeNull();
    const read = readSurvey(grid, { ...mapping, workflow: { kind: "fixed", name: "Claims" } });
    expect(read.rows).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses a duplicate row, and a row whose answers are all in unmatched columns", () => {
    const grid = [
      ["Name", ...TEXTS.slice(0, 14), "Something else"],
      ["Ana", ...ANA],
      ["Ana", ...ANA],
    ];
    const mapping: SurveyMapping = { ...guessMapping(grid), workflow: { kind: "fixed", name: "Claims" } };
    expect(mapping.statements[14]).toBeNull();
    expect(readSurvey(grid, mapping).rejected).toEqual([{ row: 3, reasons: ["it repeats row 2 exactly"] }]);
    const none: SurveyMapping = { ...mapping, statements: mapping.statements.map(() => null) };
    expect(readSurvey(grid, none).rejected[0]).toEqual({ row: 2, reasons: ["no column is matched to a statement"] });
  });

  it("keeps text as text: control characters become spaces, nothing is evaluated", () => {
    expect(cellText("  Ana\r\nB.\u0007 ")).toBe("Ana B.");
    expect(cellText("=1+1")).toBe("=1+1");
    expect(surveyCell({ formula: "1+1", result: 2 } as never)).toBe(2);
    expect(surveyCell({ richText: [{ text: "An" }, { text: "a" }] } as never)).toBe("Ana");
    expect(surveyCell({ text: "Ana", hyperlink: "mailto:ana@example.org" } as never)).toBe("Ana");
    expect(surveyCell({ error: "#N/A" } as never)).toBe("#N/A");
    expect(surveyResponseId("Claims", ["a", 1])).toMatch(/^survey-[0-9a-z]+-[0-9a-z]+$/);
  });

  it("refuses a file that is not an .xlsx workbook, saying so", async () => {
    const bytes = new TextEncoder().encode("Name,Q1\r\nAna,4\r\n");
    await expect(readXlsxGrid(bytes.buffer as ArrayBuffer, ExcelJS, "Answers.xlsx")).rejects.toThrow(
      "“Answers.xlsx” could not be read as an .xlsx workbook: the end of its zip directory is missing. It may be " +
        "cut short (a download that did not finish) or damaged; download or save it again as .xlsx or CSV and import that.",
    );
  });
});
