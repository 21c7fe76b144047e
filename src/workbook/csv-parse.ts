// Reading delimited text files as other tools save them: bytes to text (UTF-8 with or without a
// byte-order mark, UTF-16 with one, else Windows-1252 as Excel's plain "CSV" save writes), the
// separator sniffed (comma, semicolon, tab or bar, or Excel's "sep=" first line), and the records
// split by RFC 4180 (quoted fields may hold separators, quotes and line breaks; CRLF, LF or CR).
// The reader holds the file to AGAP's import limits as it goes (import-limits.ts): it stops at the
// first record past the row limit, the first field past the column limit and the first field longer
// than a cell may be. Pure: no DOM here.
import {
  IMPORT_LIMITS,
  ImportLimitError,
  binaryProblem,
  cellProblem,
  columnsProblem,
  count,
  rowsProblem,
} from "./import-limits";
import { columnLetter } from "./sheets/spec";

/**
 * The text of a file's bytes: UTF-8 (a byte-order mark is dropped), UTF-16 when a byte-order
 * mark says so, and Windows-1252 when the bytes are not valid UTF-8.
 *
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])) //=> "A"
 * decodeText(new Uint8Array([0x4a, 0xfc, 0x72, 0x67])) //=> "Jürg" (Windows-1252)
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const utf16 = utf16Order(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The byte order of UTF-16 text saved without a byte-order mark, or null: in the first 4 KB, a NUL
 * in every other byte (the high byte of Latin text) and none in the others.
 */
export function utf16Order(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  if (sample.length < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const pairs = sample.length / 2;
  if (oddNul >= pairs * 0.9 && evenNul === 0) return "utf-16le";
  if (evenNul >= pairs * 0.9 && oddNul === 0) return "utf-16be";
  return null;
}

/** The separators AGAP recognises, in the order a tie is broken. */
export const SEPARATORS = [",", ";", "\t", "|"] as const;
export type Separator = (typeof SEPARATORS)[number];

export interface CsvRead {
  /** The records, each a list of fields (text as written, quotes removed). */
  rows: string[][];
  separator: Separator;
  /** Something odd about the file that the reader worked around, said plainly; empty when none. */
  problems: string[];
}

interface Split {
  rows: string[][];
  /** The record (1-based) where a quoted field started that the file never closed; 0 when none. */
  openQuoteAt: number;
}

/** Line breaks from `from` to the end: CRLF, LF or CR each count once. */
function lineBreaks(text: string, from: number): number {
  let n = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) n++;
    else if (ch === 13) {
      n++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

/**
 * Splits text into records by RFC 4180, up to `limit` records. With a file name, holds the text to
 * the import limits: throws ImportLimitError at the first record, field or cell past one. Fields
 * are cut from the text in slices (a quoted field from quote to quote), not built a character at
 * a time, so 10 MB splits in a fraction of a second.
 */
function split(text: string, separator: string, limit = Infinity, fileName?: string): Split {
  const rows: string[][] = [];
  const n = text.length;
  if (n === 0) return { rows, openQuoteAt: 0 };
  const sep = separator.charCodeAt(0);
  const checked = fileName !== undefined;
  const maxChars = checked ? IMPORT_LIMITS.cellChars : Infinity;
  const maxColumns = checked ? IMPORT_LIMITS.columns : Infinity;
  let row: string[] = [];
  // Past the column limit the reader only counts, so the message can give the row's figure.
  let columns = 0;
  let openQuoteAt = 0;
  const endField = (value: string) => {
    columns++;
    if (value.length > maxChars) {
      const at = { row: rows.length + 1, column: columnLetter(columns - 1) };
      throw new ImportLimitError(cellProblem(fileName!, at, value.length));
    }
    if (columns <= maxColumns) row.push(value);
  };
  const endRow = (at: number) => {
    if (columns > maxColumns) throw new ImportLimitError(columnsProblem(fileName!, rows.length + 1, columns));
    if (checked && rows.length >= IMPORT_LIMITS.rows) {
      // The records left, each ended by a line break but perhaps the last.
      const last = text.charAt(n - 1);
      const unended = at < n && last !== "\n" && last !== "\r" ? 1 : 0;
      throw new ImportLimitError(rowsProblem(fileName!, count(rows.length + 1 + lineBreaks(text, at) + unended)));
    }
    rows.push(row);
    row = [];
    columns = 0;
  };
  let i = 0;
  while (rows.length < limit) {
    // i is where a field starts.
    let value = "";
    if (text.charCodeAt(i) === 34) {
      let j = i + 1;
      for (;;) {
        const quote = text.indexOf('"', j);
        if (quote < 0) {
          // Never closed: the rest of the file is this one field.
          value += text.slice(j);
          openQuoteAt = rows.length + 1;
          j = n;
          break;
        }
        if (text.charCodeAt(quote + 1) === 34) {
          value += text.slice(j, quote + 1);
          j = quote + 2;
          continue;
        }
        value += text.slice(j, quote);
        j = quote + 1;
        break;
      }
      i = j;
    }
    // An unquoted field, or what follows a closing quote, up to a separator or line break; a quote
    // inside it is kept as written, as spreadsheets do.
    let k = i;
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c === sep || c === 10 || c === 13) break;
      k++;
    }
    if (k > i) value += text.slice(i, k);
    endField(value);
    if (k >= n) {
      endRow(n);
      break;
    }
    if (text.charCodeAt(k) === sep) {
      i = k + 1;
      continue;
    }
    i = text.charCodeAt(k) === 13 && text.charCodeAt(k + 1) === 10 ? k + 2 : k + 1;
    endRow(i);
    // The last line break does not start a record.
    if (i >= n) break;
  }
  return { rows, openQuoteAt };
}

/**
 * The separator that splits the first records most consistently: the one giving the most records
 * with the same number of fields (two or more), then the most fields. Comma when nothing splits.
 *
 * @example
 * sniffSeparator("a;b;c\r\n1;2;3\r\n") //=> ";"
 */
export function sniffSeparator(text: string): Separator {
  const sample = text.slice(0, 65_536);
  let best: { separator: Separator; rows: number; fields: number } = { separator: ",", rows: 0, fields: 0 };
  for (const separator of SEPARATORS) {
    const counts = new Map<number, number>();
    for (const record of split(sample, separator, 40).rows) {
      if (record.length > 1) counts.set(record.length, (counts.get(record.length) ?? 0) + 1);
    }
    for (const [fields, rows] of counts) {
      if (rows > best.rows || (rows === best.rows && fields > best.fields)) best = { separator, rows, fields };
    }
  }
  return best.separator;
}

/**
 * Reads delimited text: Excel's "sep=;" first line names the separator, else it is sniffed.
 * Blank lines are kept as records with one empty field, so record numbers stay line numbers
 * (unless a quoted field spans lines). The last line break does not start a record. With the
 * file's name, the import limits apply (rows, columns, characters a cell): past one, it throws
 * ImportLimitError naming the limit and the file's figure.
 *
 * @example
 * parseCsv('name,note\r\nAna,"said ""hi"", then left"\r\n').rows //=> [["name", "note"], ["Ana", 'said "hi", then left']]
 */
export function parseCsv(text: string, separator?: Separator, fileName?: string): CsvRead {
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let chosen = separator;
  const directive = /^sep=(.)(\r\n|\n|\r|$)/i.exec(body);
  if (directive && !chosen) {
    const named = SEPARATORS.find((candidate) => candidate === directive[1]);
    if (named) {
      chosen = named;
      body = body.slice(directive[0].length);
    }
  }
  chosen ??= sniffSeparator(body);
  const { rows, openQuoteAt } = split(body, chosen, Infinity, fileName);
  const problems =
    openQuoteAt > 0
      ? [
          `A quoted field that starts in record ${openQuoteAt} is never closed, so the rest of the file was read as ` +
            "that one field.",
        ]
      : [];
  return { rows, separator: chosen, problems };
}

/**
 * A CSV file's bytes read as AGAP imports them: refused when they are not text (a binary file
 * renamed .csv), decoded (UTF-16 is said in the problems, as a forms tool rarely saves it), then
 * read with the import limits. Throws ImportLimitError with the file's name in the message.
 *
 * @example
 * readCsvFile(new TextEncoder().encode("a,b\r\n1,2\r\n"), "x.csv").rows //=> [["a", "b"], ["1", "2"]]
 */
export function readCsvFile(bytes: Uint8Array, fileName: string): CsvRead {
  const bom16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const utf16 = bom16 || utf16Order(bytes) !== null;
  if (!utf16) {
    const problem = binaryProblem(fileName, bytes);
    if (problem) throw new ImportLimitError(problem);
  }
  const read = parseCsv(decodeText(bytes), undefined, fileName);
  if (utf16) read.problems.unshift(`“${fileName}” is UTF-16 text; it was read as such.`);
  return read;
}
