// Hostile and oversized files, built here in code: each is refused with its own message naming the
// limit and the file's figure, before it is read or unpacked where that can be known, and text from
// any file stays text (never a formula in a cell, never a key that reaches a prototype).
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { STATEMENTS } from "../../src/model";
import { parseBackup } from "../../src/workbook/backup";
import { readCsvFile } from "../../src/workbook/csv-parse";
import { toCsv } from "../../src/workbook/export-text";
import { buildAssessmentWorkbook } from "../../src/workbook/export-xlsx";
import { IMPORT_LIMITS, ImportLimitError, readImportBytes } from "../../src/workbook/import-limits";
import { ANSWER_COLUMNS, ASSESSMENTS, ASSESSMENTS_SHEET } from "../../src/workbook/sheets/assessments";
import { TEXT } from "../../src/workbook/sheets/cells";
import { guessMapping, readSurvey } from "../../src/workbook/survey-import";
import { readXlsxGrid } from "../../src/workbook/survey-xlsx";

const MB = 1024 * 1024;
const encode = (text: string) => new TextEncoder().encode(text);
const HEADER = ["Workflow", "Respondent", "Date", ...ANSWER_COLUMNS.map((column) => column.header)].join(",");
const ANSWERS = STATEMENTS.map((_, i) => i % 6).join(",");

/** A chunk repeated into a Blob: the test holds the chunk, not the file's 50 MB as a string. */
function repeatedBlob(chunk: Uint8Array, times: number): Blob {
  return new Blob(Array.from({ length: times }, () => chunk));
}

/** What a call throws, as its message; fails the test when nothing is thrown. */
function thrown(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportLimitError);
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
}

async function rejected(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportLimitError);
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
}

/** A small, valid survey .xlsx as exceljs writes it. */
async function surveyXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Form1");
  sheet.addRow(HEADER.split(","));
  sheet.addRow(["Claims", "Ana", "2026-03-02", ...STATEMENTS.map(() => 3)]);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** An ExcelJS that fails the test if it is ever asked to unpack the file. */
const UNTOUCHED = {
  Workbook: function Workbook() {
    throw new Error("the workbook was unpacked");
  },
} as unknown as typeof import("exceljs");

const bufferOf = (bytes: Uint8Array) =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe("a 50 MB CSV", () => {
  it("is refused by its size, with the file's size and the limit, before a byte is read", async () => {
    const blob = repeatedBlob(encode(`${"Claims,Ana,2026-03-02,".padEnd(1023, "x")}\n`), 50 * 1024);
    expect(blob.size).toBe(50 * MB);
    const read = jest.spyOn(blob, "arrayBuffer");
    expect(await rejected(() => readImportBytes(blob, "responses.csv"))).toBe(
      "“responses.csv” is 50 MB; AGAP imports files up to 10 MB.",
    );
    expect(read).not.toHaveBeenCalled();
  });

  it("gives the size to one decimal, and reads a file at the limit", async () => {
    const over = repeatedBlob(new Uint8Array(0.1 * MB + 1), 524);
    expect(await rejected(() => readImportBytes(over, "x.csv"))).toBe(
      "“x.csv” is 52.4 MB; AGAP imports files up to 10 MB.",
    );
    const at = new Blob([new Uint8Array(IMPORT_LIMITS.fileBytes)]);
    expect((await readImportBytes(at, "x.csv")).length).toBe(IMPORT_LIMITS.fileBytes);
  });
});

describe("a million-row CSV", () => {
  // 4 MB: under the size limit, so the row limit is what refuses it.
  const rows = 1_000_000;
  const bytes = encode(`${HEADER}\n${"C,A\n".repeat(rows - 1)}`);

  it("is refused at the row limit, with the file's count of rows", () => {
    expect(bytes.length).toBeLessThan(IMPORT_LIMITS.fileBytes);
    expect(thrown(() => readCsvFile(bytes, "million.csv"))).toBe(
      "“million.csv” has 1,000,000 rows; AGAP imports up to 20,000 rows.",
    );
  });

  it("stops reading at the first row past the limit: a damaged cell further on is never reached", () => {
    const text = `${HEADER}\n${"Claims,Ana\n".repeat(30_000)}Claims,"${"x".repeat(20_000)}"\n${"Claims,Bo\n".repeat(10)}`;
    expect(thrown(() => readCsvFile(encode(text), "rows.csv"))).toBe(
      "“rows.csv” has 30,012 rows; AGAP imports up to 20,000 rows.",
    );
  });

  it("reads a file of exactly 20,000 rows", () => {
    const text = `${HEADER}\r\n${`Claims,Ana,2026-03-02,${ANSWERS}\r\n`.repeat(IMPORT_LIMITS.rows - 1)}`;
    expect(readCsvFile(encode(text), "full.csv").rows).toHaveLength(IMPORT_LIMITS.rows);
  });
});

describe("a cell of 10 MB", () => {
  // Ten million characters: 9.5 MB, under the file size limit, so the cell limit is what refuses it.
  const bytes = (() => {
    const head = encode(`${HEADER}\r\nClaims,"`);
    const tail = encode(`",2026-03-02,${ANSWERS}\r\n`);
    const out = new Uint8Array(head.length + 10_000_000 + tail.length);
    out.set(head);
    out.fill(0x41, head.length, head.length + 10_000_000);
    out.set(tail, head.length + 10_000_000);
    return out;
  })();

  it("is refused at the cell limit, naming the cell and its length", () => {
    expect(bytes.length).toBeLessThan(IMPORT_LIMITS.fileBytes);
    expect(thrown(() => readCsvFile(bytes, "long.csv"))).toBe(
      "The cell in row 2, column B of “long.csv” holds 10,000,000 characters; AGAP imports cells of up to 10,000 " +
        "characters.",
    );
  });

  it("reads a cell of exactly 10,000 characters", () => {
    const name = "n".repeat(IMPORT_LIMITS.cellChars);
    expect(readCsvFile(encode(`a,b\r\nClaims,${name}\r\n`), "ok.csv").rows[1][1]).toBe(name);
  });

  it("refuses a row past the column limit, with its count of columns", () => {
    const text = `${HEADER}\r\n${Array.from({ length: 5_000 }, (_, i) => i).join(",")}\r\n`;
    expect(thrown(() => readCsvFile(encode(text), "wide.csv"))).toBe(
      "Row 2 of “wide.csv” has 5,000 columns; AGAP imports up to 200 columns.",
    );
  });
});

describe("an .xlsx zip bomb", () => {
  let small: Uint8Array;
  let bomb: Uint8Array;
  beforeAll(async () => {
    small = await surveyXlsx();
    const zip = await JSZip.loadAsync(small);
    // 64 MB of one character deflates about 1,000 to 1.
    zip.file("xl/media/image1.bin", new Uint8Array(64 * MB).fill(0x61));
    bomb = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }, 60_000);

  it("is refused by its unpack ratio from the zip directory, before anything is unpacked", async () => {
    expect(bomb.length).toBeLessThan(MB);
    const message = await rejected(() => readXlsxGrid(bufferOf(bomb), UNTOUCHED, "bomb.xlsx"));
    expect(message).toMatch(
      /^“bomb\.xlsx” unpacks to [\d,]+ times its size \([\d.]+ KB to 64 MB\), as a zip bomb does; AGAP imports workbooks that unpack to up to 100 times their size\.$/,
    );
    expect(Number(/to ([\d,]+) times/.exec(message)![1].replace(/,/g, ""))).toBeGreaterThan(500);
  });

  it("is refused by the unpacked size its directory declares, however small it is packed", async () => {
    const bytes = small.slice();
    // Declare 2 GB for the first part in the central directory.
    const view = new DataView(bytes.buffer);
    let end = bytes.length - 22;
    while (view.getUint32(end, true) !== 0x06054b50) end--;
    const first = view.getUint32(end + 16, true);
    view.setUint32(first + 24, 2 * 1024 * MB, true);
    expect(await rejected(() => readXlsxGrid(bufferOf(bytes), UNTOUCHED, "huge.xlsx"))).toBe(
      "“huge.xlsx” unpacks to 2 GB; AGAP imports workbooks that unpack to up to 100 MB.",
    );
  });

  it("is refused when its directory lies, as soon as a part unpacks past the size it declares", async () => {
    const bytes = bomb.slice();
    // Declare 1 KB for the 64 MB part, in its local header and in the directory.
    const view = new DataView(bytes.buffer);
    let end = bytes.length - 22;
    while (view.getUint32(end, true) !== 0x06054b50) end--;
    let at = view.getUint32(end + 16, true);
    for (;;) {
      const nameLength = view.getUint16(at + 28, true);
      const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
      if (name === "xl/media/image1.bin") break;
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    view.setUint32(at + 24, 1024, true);
    view.setUint32(view.getUint32(at + 42, true) + 22, 1024, true);
    const message = await rejected(() => readXlsxGrid(bufferOf(bytes), UNTOUCHED, "liar.xlsx"));
    expect(message).toMatch(
      /^“liar\.xlsx” unpacks to more than it declares: its part “xl\/media\/image1\.bin” declares 1 KB and unpacks to [\d.]+ KB or more, as a zip bomb does\. AGAP imports only workbooks whose parts unpack to the size they declare\.$/,
    );
    // It stopped at the first chunk past the declared size, far short of the 64 MB.
    expect(Number(/to ([\d.]+) KB or more/.exec(message)![1])).toBeLessThan(1024);
  });

  it("is refused when a part's data is not deflate data", async () => {
    const bytes = small.slice();
    const view = new DataView(bytes.buffer);
    // The first part's data, just after its local header, overwritten with bytes no inflater reads.
    const start = 30 + view.getUint16(26, true) + view.getUint16(28, true);
    bytes.fill(0xff, start, start + 16);
    expect(await rejected(() => readXlsxGrid(bufferOf(bytes), UNTOUCHED, "bad.xlsx"))).toMatch(
      /^“bad\.xlsx” could not be read as an \.xlsx workbook: the part “[^”]+” does not unpack\. /,
    );
  });

  it("reads the same workbook before it is made a bomb", async () => {
    const { grid } = await readXlsxGrid(bufferOf(small), ExcelJS, "Form1.xlsx");
    expect(grid[1].slice(0, 4)).toEqual(["Claims", "Ana", "2026-03-02", 3]);
  });
});

describe("a truncated .xlsx", () => {
  it("is refused as cut short, before exceljs tries to unpack it", async () => {
    const whole = await surveyXlsx();
    const cut = whole.slice(0, Math.floor(whole.length / 2));
    expect(await rejected(() => readXlsxGrid(bufferOf(cut), UNTOUCHED, "cut.xlsx"))).toBe(
      "“cut.xlsx” could not be read as an .xlsx workbook: the end of its zip directory is missing. It may be cut " +
        "short (a download that did not finish) or damaged; download or save it again as .xlsx or CSV and import that.",
    );
  });

  it("is refused when only the directory's last bytes survive but the parts it names are gone", async () => {
    const whole = await surveyXlsx();
    // Keep the end of the directory and drop the first half of the data before it.
    const view = new DataView(whole.buffer);
    let end = whole.length - 22;
    while (view.getUint32(end, true) !== 0x06054b50) end--;
    const directoryAt = view.getUint32(end + 16, true);
    const cut = new Uint8Array([...whole.subarray(0, directoryAt / 2), ...whole.subarray(directoryAt)]);
    expect(await rejected(() => readXlsxGrid(bufferOf(cut), UNTOUCHED, "cut.xlsx"))).toMatch(
      /^“cut\.xlsx” could not be read as an \.xlsx workbook: its zip directory points past the end of the file\./,
    );
  });
});

describe("JSON nested 10,000 levels deep", () => {
  it("is refused with the depth it nests and the limit, never a stack overflow", () => {
    const deep = `{"format":"agap-backup","version":1,"responses":[${"[".repeat(10_000)}${"]".repeat(10_000)}]}`;
    expect(parseBackup(deep)).toEqual({
      ok: false,
      problem:
        "The file's JSON nests 10,002 levels deep; an AGAP backup nests 4, and AGAP reads JSON nested up to 64 " +
        "levels. Nothing was imported.",
    });
  });

  it("counts brackets inside text as text", () => {
    const text = `{"format":"agap-backup","version":1,"responses":[],"note":"${"[{".repeat(10_000)}"}`;
    expect(parseBackup(text)).toMatchObject({ ok: true, records: { responses: [] } });
  });
});

describe('a "__proto__" key (and "constructor", "prototype")', () => {
  it.each([
    ["__proto__", '{"format":"agap-backup","version":1,"__proto__":{"polluted":true}}'],
    ["constructor", '{"format":"agap-backup","version":1,"responses":[{"constructor":{"prototype":{"polluted":1}}}]}'],
    ["prototype", '{"format":"agap-backup","version":1,"maturity":[{"workflow":"C","prototype":{}}]}'],
  ])("refuses a file with %s, naming it, and leaves Object.prototype alone", (key, text) => {
    const read = parseBackup(text);
    expect(read.ok).toBe(false);
    expect(read.ok ? "" : read.problem).toMatch(new RegExp(`^The file has a field named "${key}" \\(line 1\\)`));
    expect(read.ok ? "" : read.problem).toMatch(/Nothing was imported\.$/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("formula-looking answers and names", () => {
  const csv = [
    HEADER,
    `"=HYPERLINK(""http://evil.example"",""Claims"")",+1,2026-03-02,${ANSWERS}`,
    `@SUM(A1),-Ana,2026-03-02,${ANSWERS}`,
    `Claims,Bo,2026-03-02,=1+4,+5,@SUM(A1:A2),-1,${ANSWERS.split(",").slice(4).join(",")}`,
  ].join("\r\n");
  const grid = readCsvFile(encode(csv), "formulas.csv").rows;
  const read = readSurvey(grid, guessMapping(grid));

  it("keeps names as the text they are, and refuses answers that are formulas or out of range", () => {
    expect(read.rows.map((row) => [row.response.workflow, row.response.respondent])).toEqual([
      ['=HYPERLINK("http://evil.example","Claims")', "+1"],
      ["@SUM(A1)", "-Ana"],
    ]);
    expect(read.rejected).toEqual([
      {
        row: 4,
        reasons: [
          "Strategy 1 (column D): “=1+4” is text, not an answer from 0 to 5",
          "Strategy 3 (column F): “@SUM(A1:A2)” is text, not an answer from 0 to 5",
          "Workflow 1 (column G): “-1” is outside 0 to 5",
        ],
      },
    ]);
  });

  it("writes those names into the .xlsx export as text cells, never as formulas", async () => {
    const bytes = await buildAssessmentWorkbook(
      read.rows.map((row) => row.response),
      ExcelJS,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes);
    const sheet = book.getWorksheet(ASSESSMENTS_SHEET)!;
    const texts = ["workflow", "respondent"].map((key) => ASSESSMENTS.columns.findIndex((c) => c.key === key) + 1);
    for (const row of [2, 3]) {
      for (const column of texts) {
        const cell = sheet.getCell(row, column);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.numFmt).toBe(TEXT);
      }
    }
    expect(sheet.getCell(2, texts[0]).value).toBe('=HYPERLINK("http://evil.example","Claims")');
    // The raw sheet XML holds no formula with the file's text in it.
    const zip = await JSZip.loadAsync(bytes);
    const xml = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => name.startsWith("xl/worksheets/sheet"))
        .map((name) => zip.file(name)!.async("string")),
    );
    for (const sheetXml of xml) expect(sheetXml).not.toMatch(/<f>[^<]*(HYPERLINK|SUM\(A1\))/);
  });

  it("guards them in the CSV export with a leading quote", () => {
    const out = toCsv(read.rows.map((row) => row.response));
    expect(out).toContain(`"'=HYPERLINK(""http://evil.example"",""Claims"")",'+1,`);
    expect(out).toContain("'@SUM(A1),'-Ana,");
  });

  it("stores every text column of a response with the text format, so Excel never reads it as a formula", () => {
    const textColumns = ASSESSMENTS.columns.filter((column) => column.kind === "text");
    expect(textColumns.map((column) => column.key)).toEqual(expect.arrayContaining(["workflow", "respondent"]));
    for (const column of textColumns) expect(column.format).toBe(TEXT);
  });
});

describe("a UTF-16 file", () => {
  const text = `${HEADER}\r\nZürich claims,Zoë,2026-03-02,${ANSWERS}\r\n`;
  const utf16le = (withMark: boolean) => {
    const out = new Uint8Array((withMark ? 2 : 0) + text.length * 2);
    const view = new DataView(out.buffer);
    if (withMark) out.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) view.setUint16((withMark ? 2 : 0) + i * 2, text.charCodeAt(i), true);
    return out;
  };

  it.each([
    ["with a byte-order mark", true],
    ["without one", false],
  ])("is read as UTF-16 %s, and says so", (_, withMark) => {
    const read = readCsvFile(utf16le(withMark), "unicode.csv");
    expect(read.rows[1].slice(0, 2)).toEqual(["Zürich claims", "Zoë"]);
    expect(read.problems).toEqual(["“unicode.csv” is UTF-16 text; it was read as such."]);
  });

  it("big-endian without a mark too", () => {
    const le = utf16le(false);
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1], le[i]];
    expect(readCsvFile(be, "unicode.csv").rows[1][1]).toBe("Zoë");
  });
});

describe("a binary file renamed .csv", () => {
  it("is refused as not text, before it is parsed", () => {
    // A PNG's signature and header, then bytes from a fixed pseudo-random sequence.
    const bytes = new Uint8Array(200_000);
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    let seed = 42;
    for (let i = 16; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      bytes[i] = seed >>> 24;
    }
    expect(thrown(() => readCsvFile(bytes, "photo.csv"))).toBe(
      "“photo.csv” is not a text file: its bytes hold characters no CSV holds, so it is perhaps a program, picture " +
        "or archive renamed. Export the survey as CSV (or .xlsx) and import that.",
    );
  });

  it("reads a Windows-1252 file with accents, tabs and form feeds as text", () => {
    const bytes = new Uint8Array([...encode("a\tb\r\n"), 0x4a, 0xfc, 0x72, 0x67, 0x09, 0x0c, 0x31, 0x0d, 0x0a]);
    expect(readCsvFile(bytes, "latin.csv").rows).toEqual([
      ["a", "b"],
      ["Jürg", "\f1"],
    ]);
  });
});

describe("text from a file is never markup", () => {
  it("no source of the pane writes HTML from a string: React escapes every text it shows", () => {
    const fs = jest.requireActual<typeof import("fs")>("fs");
    const path = jest.requireActual<typeof import("path")>("path");
    const root = path.resolve(__dirname, "../../src");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const at = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(at);
        else if (/\.(ts|tsx|js)$/.test(entry.name)) files.push(at);
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThan(20);
    const writers = files.filter((file) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|document\.write\(|new Function\(|\beval\(/.test(
        fs.readFileSync(file, "utf8"),
      ),
    );
    expect(writers).toEqual([]);
  });
});
