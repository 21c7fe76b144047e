// Reading delimited text files as other tools save them: bytes to text (UTF-8 with or without a
// byte-order mark, UTF-16 with one, else Windows-1252 as Excel's plain "CSV" save writes), the
// separator sniffed (comma, semicolon, tab or bar, or Excel's "sep=" first line), and the records
// split by RFC 4180 (quoted fields may hold separators, quotes and line breaks; CRLF, LF or CR).
// Pure: no DOM here.

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
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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

/** Splits text into records by RFC 4180, up to `limit` records. */
function split(text: string, separator: string, limit = Infinity): Split {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let fieldStart = true;
  let openQuoteAt = 0;
  const endRow = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = "";
    fieldStart = true;
  };
  for (let i = 0; i < text.length && rows.length < limit; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          openQuoteAt = 0;
        }
      } else field += ch;
      continue;
    }
    if (ch === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
      openQuoteAt = rows.length + 1;
    } else if (ch === separator) {
      row.push(field);
      field = "";
      fieldStart = true;
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
    } else {
      // A quote inside an unquoted field is kept as written, as spreadsheets do.
      field += ch;
      fieldStart = false;
    }
  }
  if (rows.length < limit && (field !== "" || row.length > 0 || quoted)) endRow();
  return { rows, openQuoteAt: quoted ? openQuoteAt : 0 };
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
 * (unless a quoted field spans lines). The last line break does not start a record.
 *
 * @example
 * parseCsv('name,note\r\nAna,"said ""hi"", then left"\r\n').rows //=> [["name", "note"], ["Ana", 'said "hi", then left']]
 */
export function parseCsv(text: string, separator?: Separator): CsvRead {
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
  const { rows, openQuoteAt } = split(body, chosen);
  const problems =
    openQuoteAt > 0
      ? [
          `A quoted field that starts in record ${openQuoteAt} is never closed, so the rest of the file was read as ` +
            "that one field.",
        ]
      : [];
  return { rows, separator: chosen, problems };
}
