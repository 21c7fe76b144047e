import { LAYERS, STATEMENTS, type AssessmentResponse } from "../../src/model";
import { ASSESSMENTS } from "../../src/workbook/sheets/assessments";
import { headersOf, specLayout } from "../../src/workbook/sheets/spec";
import {
  RESPONSES_ONLY_NOTE,
  downloadName,
  guardFormula,
  toCsv,
  toJson,
  type JsonExport,
} from "../../src/workbook/export-text";

const HEADERS = headersOf(ASSESSMENTS);
const ID = specLayout(ASSESSMENTS).position.id;
/** The model's value of every derived column of a response, as the sheet caches it. */
const cachedResults = (response: AssessmentResponse) =>
  ASSESSMENTS.columns.flatMap((column) => (column.kind === "derived" ? [column.cached(response)] : []));

const answerList = (list: number[]) => Object.fromEntries(list.map((answer, i) => [STATEMENTS[i].id, answer]));

// Layer scores 0.8, 0.6, 7/15, 0.4, 8/15; realized = 36288 / 759375 = 0.0477867 (Critical, weakest Measurement).
const complete: AssessmentResponse = {
  id: "r-1",
  workflow: "Invoice triage",
  respondent: "Ana",
  date: "2026-01-10",
  answers: answerList([4, 4, 4, 3, 3, 3, 2, 3, 2, 2, 2, 2, 3, 3, 2]),
};
const incomplete: AssessmentResponse = {
  id: "r-2",
  workflow: 'Claims, "fast" lane\nEMEA',
  respondent: "",
  date: "",
  answers: answerList([1, 2, 3, 4]),
};

/** A minimal RFC 4180 reader, to check the CSV parses back to the same fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") (row.push(field), (field = ""));
    else if (c === "\r" && text[i + 1] === "\n") {
      (row.push(field), rows.push(row), (row = []), (field = ""), i++);
    } else field += c;
  }
  expect(field).toBe("");
  expect(row).toEqual([]);
  return rows;
}

describe("toCsv", () => {
  it("writes the sheet's headers and one row per response, with CRLF line ends", () => {
    const csv = toCsv([complete, incomplete]);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(HEADERS.join(","));
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("");
    expect(csv.replace(/\r\n/g, "").includes("\r")).toBe(false);
  });

  it("writes the computed values, not formulas, and hand-checks the complete row", () => {
    const [, row] = parseCsv(toCsv([complete]));
    expect(row.slice(0, 3)).toEqual(["Invoice triage", "Ana", "2026-01-10"]);
    expect(row.slice(3, 18).map(Number)).toEqual([4, 4, 4, 3, 3, 3, 2, 3, 2, 2, 2, 2, 3, 3, 2]);
    const numbers = row.slice(18, 25).map(Number);
    [0.8, 0.6, 7 / 15, 0.4, 8 / 15, 36288 / 759375, 1 - 36288 / 759375].forEach((value, i) =>
      expect(numbers[i]).toBeCloseTo(value, 12),
    );
    expect(row.slice(25)).toEqual(["Critical", "Measurement", "r-1", "15"]);
    expect(row.some((field) => field.startsWith("'") || field.startsWith("="))).toBe(false);
    expect(row.slice(18, 25)).toEqual(cachedResults(complete).slice(0, 7).map(String));
  });

  it("quotes fields with commas, quotes and line breaks, and leaves blanks for unknown values", () => {
    const csv = toCsv([incomplete]);
    expect(csv).toContain('"Claims, ""fast"" lane\nEMEA"');
    const [header, row] = parseCsv(csv);
    expect(row).toHaveLength(header.length);
    expect(row[0]).toBe(incomplete.workflow);
    expect(row.slice(1, 3)).toEqual(["", ""]);
    expect(row.slice(3, 7)).toEqual(["1", "2", "3", "4"]);
    expect(row.slice(7, 18)).toEqual(new Array(11).fill(""));
    expect(Number(row[18])).toBeCloseTo(0.4, 12);
    expect(row.slice(19, 27)).toEqual(new Array(8).fill(""));
    // The response ID, then the count of answered statements.
    expect(row.slice(27)).toEqual(["r-2", "4"]);
  });

  it.each(["=", "+", "-", "@", "\t", "\r"])("prefixes text starting with %j with a quote", (start) => {
    const name = `${start}HYPERLINK("http://x","y")`;
    const [, row] = parseCsv(toCsv([{ ...complete, workflow: name, respondent: `${start}1`, id: `${start}id` }]));
    expect(row[0]).toBe(`'${name}`);
    expect(row[1]).toBe(`'${start}1`);
    expect(row[ID]).toBe(`'${start}id`);
  });

  it("leaves other text, and numbers, alone", () => {
    expect(guardFormula("Invoice triage")).toBe("Invoice triage");
    expect(guardFormula(" =x")).toBe(" =x");
    expect(guardFormula("a=b")).toBe("a=b");
    expect(guardFormula("")).toBe("");
  });

  it("writes only the header for no responses", () => {
    expect(toCsv([])).toBe(HEADERS.join(",") + "\r\n");
  });
});

describe("toJson", () => {
  const parsed = JSON.parse(toJson([complete, incomplete])) as JsonExport;

  it("is a versioned, deterministic document with the statements", () => {
    expect(parsed.format).toBe("agap-assessments");
    expect(parsed.version).toBe(1);
    expect(Object.keys(parsed)).toEqual(["format", "version", "note", "layers", "statements", "responses"]);
    expect(parsed.layers).toEqual(LAYERS.map(({ id, name }) => ({ id, name })));
    expect(parsed.statements).toEqual(STATEMENTS.map(({ id, layer, text }) => ({ id, layer, text })));
    expect(toJson([complete, incomplete])).toBe(toJson([complete, incomplete]));
    expect(toJson([])).toMatch(/^\{\n {2}"format": "agap-assessments",/);
  });

  it("says that it holds the responses only, and that the backup holds every record", () => {
    expect(parsed.note).toBe(RESPONSES_ONLY_NOTE);
    expect(parsed.note).toMatch(/^Responses only, /);
    expect(parsed.note).toMatch(/backup \(agap-backup-….json\), the one file that holds every record\.$/);
  });

  it("round-trips the responses with their computed values", () => {
    const [first, second] = parsed.responses;
    expect(first).toMatchObject({ id: "r-1", workflow: "Invoice triage", respondent: "Ana", date: "2026-01-10" });
    expect(first.answers).toEqual(complete.answers);
    const scores = [0.8, 0.6, 7 / 15, 0.4, 8 / 15];
    LAYERS.forEach((layer, k) => expect(first.layerScores[layer.id]).toBeCloseTo(scores[k], 12));
    expect(first.realized).toBeCloseTo(36288 / 759375, 15);
    expect(first.gap).toBeCloseTo(1 - 36288 / 759375, 15);
    expect(first.band).toBe("Critical");
    expect(first.weakest).toBe("measurement");

    expect(second.workflow).toBe(incomplete.workflow);
    expect(second.answers).toEqual(incomplete.answers);
    expect(second.layerScores).toEqual({
      strategy: 0.4,
      workflow: null,
      oversight: null,
      measurement: null,
      adoption: null,
    });
    expect([second.realized, second.gap, second.band, second.weakest]).toEqual([null, null, null, null]);
  });

  it("keeps names as they are: JSON carries no formulas", () => {
    const [response] = (JSON.parse(toJson([{ ...complete, workflow: "=1+1" }])) as JsonExport).responses;
    expect(response.workflow).toBe("=1+1");
  });

  it("keeps answers under ids the model no longer has", () => {
    const [response] = (JSON.parse(toJson([{ ...complete, answers: { old: 3, ...complete.answers } }])) as JsonExport)
      .responses;
    expect(Object.keys(response.answers)).toEqual([...STATEMENTS.map((s) => s.id), "old"]);
  });
});

describe("downloadName", () => {
  it.each([
    ["xlsx", "agap-assessments-2026-11-24.xlsx"],
    ["csv", "agap-responses-only-2026-11-24.csv"],
    ["json", "agap-responses-only-2026-11-24.json"],
    ["backup", "agap-backup-2026-11-24.json"],
  ] as const)("names a %s export by what it holds and the local date", (kind, name) => {
    expect(downloadName(kind, new Date(2026, 10, 24, 23, 59))).toBe(name);
  });

  it("pads months and days, and refuses an invalid date", () => {
    expect(downloadName("csv", new Date(2027, 0, 5))).toBe("agap-responses-only-2027-01-05.csv");
    expect(() => downloadName("csv", new Date("nope"))).toThrow(/not a valid date/);
  });

  it("takes an ISO date as it is, and refuses any other text", () => {
    expect(downloadName("json", "2026-11-24")).toBe("agap-responses-only-2026-11-24.json");
    expect(() => downloadName("json", "24/11/2026")).toThrow(/not YYYY-MM-DD/);
  });
});
