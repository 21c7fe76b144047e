// The limits of the files AGAP imports (survey CSV and .xlsx, the JSON backup), declared once as
// data, and the checks that hold a file to them before it is parsed where they can: its size before
// it is read, an .xlsx's zip directory before it is unpacked. Rows, columns and the length of a
// cell are checked by the readers as they go, and stop at the first one past its limit. Every
// refusal names the limit and the file's own figure. Pure: no DOM here (Blob is a web standard
// that Node has too).

/** What AGAP imports at most. docs/import-limits.md says why each figure. */
export const IMPORT_LIMITS = Object.freeze({
  /** Bytes of the file as chosen: far beyond a survey of 20,000 rows or a backup of years. */
  fileBytes: 10 * 1024 * 1024,
  /** Records of a CSV or rows of a sheet, the header row included. */
  rows: 20_000,
  /** Fields of one record or cells of one row: 15 statements and a forms tool's own columns. */
  columns: 200,
  /** Characters of one cell or field. */
  cellChars: 10_000,
  /** Bytes an .xlsx unpacks to, as its zip directory declares. */
  unpackedBytes: 100 * 1024 * 1024,
  /** How many times its own size an .xlsx may unpack to; beyond it the file is a zip bomb. */
  unpackRatio: 100,
  /** Levels of nesting in a JSON backup; a backup has 4. */
  jsonDepth: 64,
});

/** A refusal by a limit: the message names the limit and the file's figure. */
export class ImportLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportLimitError";
  }
}

/**
 * A count as people read it.
 *
 * @example
 * count(1000000) //=> "1,000,000"
 */
export const count = (n: number) => n.toLocaleString("en-US");

/**
 * A size in bytes as people read it: MB with one decimal (KB below one MB, GB from 1024 MB).
 *
 * @example
 * sizeText(52.4 * 1024 * 1024) //=> "52.4 MB"
 * sizeText(10 * 1024 * 1024) //=> "10 MB"
 */
export function sizeText(bytes: number): string {
  const units: [number, string][] = [
    [1024 ** 3, "GB"],
    [1024 ** 2, "MB"],
    [1024, "KB"],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${count(Math.round((bytes / size) * 10) / 10)} ${unit}`;
  }
  return `${count(bytes)} bytes`;
}

/**
 * The refusal of a file larger than the limit, or null.
 *
 * @example
 * fileSizeProblem("x.csv", 52.4 * 1024 * 1024) //=> "“x.csv” is 52.4 MB; AGAP imports files up to 10 MB."
 */
export function fileSizeProblem(fileName: string, bytes: number): string | null {
  if (bytes <= IMPORT_LIMITS.fileBytes) return null;
  return `“${fileName}” is ${sizeText(bytes)}; AGAP imports files up to ${sizeText(IMPORT_LIMITS.fileBytes)}.`;
}

/**
 * A file's bytes, refused by its size before a byte is read.
 *
 * @example
 * const bytes = await readImportBytes(file) // throws ImportLimitError for a 52 MB file
 */
export async function readImportBytes(
  file: Blob,
  fileName: string,
  /** How the bytes are read: Blob.arrayBuffer by default; the pane passes a FileReader. */
  read: (file: Blob) => Promise<ArrayBuffer> = (blob) => blob.arrayBuffer(),
): Promise<Uint8Array> {
  const problem = fileSizeProblem(fileName, file.size);
  if (problem) throw new ImportLimitError(problem);
  return new Uint8Array(await read(file));
}

/** Where a record is, as a message names it. */
export interface CellPlace {
  /** 1-based. */
  row: number;
  /** Spreadsheet letter. */
  column: string;
}

export const rowsProblem = (fileName: string, figure: string) =>
  `“${fileName}” has ${figure} rows; AGAP imports up to ${count(IMPORT_LIMITS.rows)} rows.`;

export const columnsProblem = (fileName: string, row: number, columns: number) =>
  `Row ${count(row)} of “${fileName}” has ${count(columns)} columns; AGAP imports up to ` +
  `${count(IMPORT_LIMITS.columns)} columns.`;

export const cellProblem = (fileName: string, at: CellPlace, chars: number) =>
  `The cell in row ${count(at.row)}, column ${at.column} of “${fileName}” holds ${count(chars)} characters; AGAP ` +
  `imports cells of up to ${count(IMPORT_LIMITS.cellChars)} characters.`;

// ---------------------------------------------------------------------------------------------
// Bytes that are not text
// ---------------------------------------------------------------------------------------------

/**
 * Why the bytes of a file chosen as text are not text, or null: a NUL byte, or control characters
 * no text file holds, in its first 64 KB. Call on bytes that are not UTF-16 (see decodeText).
 *
 * @example
 * binaryProblem("x.csv", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0])) //=> "“x.csv” is not a text file: …"
 */
export function binaryProblem(fileName: string, bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, 65_536);
  let controls = 0;
  for (const byte of sample) {
    // Tab, line feed, form feed and carriage return are text; the rest below 32 are not.
    if (byte === 0) controls += sample.length;
    else if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13) controls++;
  }
  if (controls === 0 || controls * 100 < sample.length) return null;
  return (
    `“${fileName}” is not a text file: its bytes hold characters no CSV holds, so it is perhaps a program, ` +
    "picture or archive renamed. Export the survey as CSV (or .xlsx) and import that."
  );
}

// ---------------------------------------------------------------------------------------------
// The zip directory of an .xlsx
// ---------------------------------------------------------------------------------------------

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

/** One part of a zip as its central directory declares it. */
export interface ZipPart {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  packed: number;
  unpacked: number;
  /** Where its local header starts. */
  local: number;
}

/** The sizes a zip's central directory declares. */
export interface ZipDirectory {
  entries: number;
  packed: number;
  unpacked: number;
  parts: ZipPart[];
}

const damaged = (fileName: string, why: string) =>
  `“${fileName}” could not be read as an .xlsx workbook: ${why}. It may be cut short (a download that did not ` +
  "finish) or damaged; download or save it again as .xlsx or CSV and import that.";

/**
 * The sizes an .xlsx (a zip) declares for its parts, read from its central directory without
 * unpacking anything; throws ImportLimitError when the directory is missing or points past the
 * end of the file (a file cut short), or declares a part of 4 GB or more.
 */
export function readZipDirectory(fileName: string, bytes: Uint8Array): ZipDirectory {
  // The end-of-directory record: 22 bytes, then a comment of up to 65,535 bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ImportLimitError(damaged(fileName, "the end of its zip directory is missing"));
  const entries = u16(bytes, end + 10);
  const directorySize = u32(bytes, end + 12);
  const directoryAt = u32(bytes, end + 16);
  if (directoryAt === 0xffffffff || entries === 0xffff) {
    throw new ImportLimitError(damaged(fileName, "its zip directory is in the 4 GB format, which no survey needs"));
  }
  if (directoryAt + directorySize > end) {
    throw new ImportLimitError(damaged(fileName, "its zip directory points past the end of the file"));
  }
  const directory: ZipDirectory = { entries, packed: 0, unpacked: 0, parts: [] };
  let at = directoryAt;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > end || u32(bytes, at) !== 0x02014b50) {
      throw new ImportLimitError(damaged(fileName, `part ${i + 1} of ${entries} in its zip directory is missing`));
    }
    const packed = u32(bytes, at + 20);
    const unpacked = u32(bytes, at + 24);
    const local = u32(bytes, at + 42);
    if (packed === 0xffffffff || unpacked === 0xffffffff) {
      throw new ImportLimitError(
        `“${fileName}” declares a part of 4 GB or more; AGAP imports workbooks that unpack to up to ` +
          `${sizeText(IMPORT_LIMITS.unpackedBytes)}.`,
      );
    }
    if (local + 30 + packed > directoryAt) {
      throw new ImportLimitError(damaged(fileName, `part ${i + 1} runs past the end of its data`));
    }
    directory.packed += packed;
    directory.unpacked += unpacked;
    const nameLength = u16(bytes, at + 28);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    directory.parts.push({ name, method: u16(bytes, at + 10), packed, unpacked, local });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return directory;
}

/**
 * Holds an .xlsx to the unpacked size and the unpack ratio before anything is unpacked; throws
 * ImportLimitError naming the limit and the file's figure.
 *
 * @example
 * checkXlsx("bomb.xlsx", bytes) // throws: "“bomb.xlsx” unpacks to 1 GB, 1,024 times its size; …"
 */
export function checkXlsx(fileName: string, bytes: Uint8Array): ZipDirectory {
  const directory = readZipDirectory(fileName, bytes);
  const ratio = directory.unpacked / Math.max(1, bytes.length);
  if (directory.unpacked > IMPORT_LIMITS.unpackedBytes) {
    throw new ImportLimitError(
      `“${fileName}” unpacks to ${sizeText(directory.unpacked)}; AGAP imports workbooks that unpack to up to ` +
        `${sizeText(IMPORT_LIMITS.unpackedBytes)}.`,
    );
  }
  if (ratio > IMPORT_LIMITS.unpackRatio) {
    throw new ImportLimitError(
      `“${fileName}” unpacks to ${count(Math.round(ratio))} times its size (${sizeText(bytes.length)} to ` +
        `${sizeText(directory.unpacked)}), as a zip bomb does; AGAP imports workbooks that unpack to up to ` +
        `${count(IMPORT_LIMITS.unpackRatio)} times their size.`,
    );
  }
  return directory;
}

/** The platform's streaming inflater of raw deflate data, or null where there is none. */
function rawInflater(): DecompressionStream | null {
  if (typeof DecompressionStream === "undefined") return null;
  try {
    return new DecompressionStream("deflate-raw");
  } catch {
    return null;
  }
}

/**
 * Unpacks every deflated part of an .xlsx through the platform's streaming inflater, counting
 * what comes out and stopping at the first part that unpacks to more than its directory declares:
 * a zip bomb whose directory lies is refused before exceljs would unpack it whole. Works in
 * chunks on the event loop, so the pane stays responsive; the declared sizes are already held to
 * the limits (checkXlsx), so this unpacks at most 100 MB.
 */
export async function checkXlsxUnpacked(fileName: string, bytes: Uint8Array, directory: ZipDirectory): Promise<void> {
  for (const part of directory.parts) {
    if (u32(bytes, part.local) !== 0x04034b50) {
      throw new ImportLimitError(damaged(fileName, `the part “${part.name}” is not where its directory says`));
    }
    const start = part.local + 30 + u16(bytes, part.local + 26) + u16(bytes, part.local + 28);
    const data = bytes.slice(start, start + part.packed);
    if (part.method === 0) {
      if (part.packed !== part.unpacked) {
        throw new ImportLimitError(damaged(fileName, `the stored part “${part.name}” is not the size it declares`));
      }
      continue;
    }
    if (part.method !== 8) continue;
    const inflater = rawInflater();
    // A webview without a streaming inflater (older Office on Windows) has the directory's checks only.
    if (!inflater) return;
    const reader = new Blob([data]).stream().pipeThrough(inflater).getReader();
    let unpacked = 0;
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        throw new ImportLimitError(damaged(fileName, `the part “${part.name}” does not unpack`));
      }
      if (chunk.done) break;
      unpacked += chunk.value.length;
      if (unpacked > part.unpacked) {
        await reader.cancel().catch(() => undefined);
        throw new ImportLimitError(
          `“${fileName}” unpacks to more than it declares: its part “${part.name}” declares ` +
            `${sizeText(part.unpacked)} and unpacks to ${sizeText(unpacked)} or more, as a zip bomb does. AGAP ` +
            "imports only workbooks whose parts unpack to the size they declare.",
        );
      }
    }
  }
}
