// Hostile files chosen in the built task pane, in headless Chromium outside Excel: a 50 MB CSV, a
// million-row CSV and an .xlsx zip bomb are each refused with their own message, nothing is saved,
// and the pane answers input within a second of the refusal. A responsiveness check, not a
// benchmark: the bound is far above what a free main thread needs, and far below a pane that
// parses 50 MB or unpacks 64 MB before it can answer.
import fs from "fs";
import path from "path";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { showTab } from "./support/page";
import { browserSuite } from "./support/suite";

jest.setTimeout(120_000);

const MB = 1024 * 1024;
const suite = browserSuite({ colorScheme: "light", openPane: true, workFolder: "agap-hostile-" });
let page: Page;

/** Writes a file of a chunk repeated, without holding the whole file in memory. */
function writeRepeated(file: string, head: string, chunk: string, times: number): void {
  const fd = fs.openSync(file, "w");
  try {
    fs.writeSync(fd, head);
    const bytes = Buffer.from(chunk);
    for (let i = 0; i < times; i++) fs.writeSync(fd, bytes);
  } finally {
    fs.closeSync(fd);
  }
}

beforeAll(() => ({ page } = suite));

beforeAll(async () => {
  await showTab(page, "Team & history");
});

afterEach(() => {
  expect(suite.pageErrors).toEqual([]);
});

const savedResponses = () => page.evaluate(() => localStorage.getItem("agap.responses"));

/**
 * Chooses the file through the survey button, waits for the refusal, then clicks the Assessment
 * tab as a person would. Returns the refusal's text and the milliseconds from the moment it
 * appeared to the moment the tab was selected, both stamped in the page.
 */
async function refuseThenAnswer(file: string, message: string): Promise<number> {
  await page.evaluate((text) => {
    const stamps: { refused?: number; answered?: number } = {};
    (window as unknown as { hostileStamps: typeof stamps }).hostileStamps = stamps;
    const observer = new MutationObserver(() => {
      if (stamps.refused === undefined && document.body.textContent?.includes(text)) stamps.refused = performance.now();
      const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent === "Assessment");
      if (stamps.refused !== undefined && tab?.getAttribute("aria-selected") === "true") {
        stamps.answered = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  }, message);
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.getByRole("button", { name: "Import survey responses…" }).click(),
  ]);
  await chooser.setFiles(file);
  const notice = page.locator(".fui-MessageBar").filter({ hasText: message });
  await notice.waitFor({ timeout: 30_000 });
  await expect(notice.textContent()).resolves.toBe(`The file was not imported ${message}Dismiss`);
  await showTab(page, "Assessment");
  const stamps = await page.evaluate(
    () => (window as unknown as { hostileStamps: { refused?: number; answered?: number } }).hostileStamps,
  );
  expect(stamps.refused).toBeDefined();
  expect(stamps.answered).toBeDefined();
  // Back where the import is, for the next file; the refusal stays until dismissed.
  await showTab(page, "Team & history");
  await notice.getByRole("button", { name: "Dismiss" }).click();
  await notice.waitFor({ state: "detached" });
  return stamps.answered! - stamps.refused!;
}

test("a 50 MB CSV is refused by its size; nothing is saved and the pane answers within a second", async () => {
  const file = path.join(suite.work, "responses.csv");
  writeRepeated(file, "", `${"Claims,Ana,2026-03-02,".padEnd(1023, "x")}\n`, 50 * 1024);
  expect(fs.statSync(file).size).toBe(50 * MB);
  const before = await savedResponses();
  const wait = await refuseThenAnswer(file, "“responses.csv” is 50 MB; AGAP imports files up to 10 MB.");
  expect(wait).toBeLessThan(1000);
  expect(await savedResponses()).toBe(before);
});

test("a million-row CSV is refused at the row limit; nothing is saved and the pane answers within a second", async () => {
  const file = path.join(suite.work, "million.csv");
  writeRepeated(file, "Workflow,Respondent\n", "Claims,A\n", 999_999);
  const before = await savedResponses();
  const wait = await refuseThenAnswer(file, "“million.csv” has 1,000,000 rows; AGAP imports up to 20,000 rows.");
  expect(wait).toBeLessThan(1000);
  expect(await savedResponses()).toBe(before);
});

test("an .xlsx zip bomb is refused before it is unpacked; the pane answers within a second", async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Form1").addRow(["Workflow", "Respondent"]);
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  zip.file("xl/media/image1.bin", new Uint8Array(64 * MB).fill(0x61));
  const bomb = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  const file = path.join(suite.work, "bomb.xlsx");
  fs.writeFileSync(file, bomb);
  const before = await savedResponses();
  const ratio = Math.round((64 * MB + (await unpackedRest(bomb))) / bomb.length);
  const wait = await refuseThenAnswer(
    file,
    `“bomb.xlsx” unpacks to ${ratio.toLocaleString("en-US")} times its size (${sizeText(bomb.length)} to 64 MB), ` +
      "as a zip bomb does; AGAP imports workbooks that unpack to up to 100 times their size.",
  );
  expect(wait).toBeLessThan(1000);
  expect(await savedResponses()).toBe(before);
});

/** The bytes the workbook's other parts unpack to. */
async function unpackedRest(bytes: Buffer): Promise<number> {
  const zip = await JSZip.loadAsync(bytes);
  let total = 0;
  for (const [name, entry] of Object.entries(zip.files)) {
    if (name === "xl/media/image1.bin" || entry.dir) continue;
    total += (await entry.async("uint8array")).length;
  }
  return total;
}

const sizeText = (bytes: number) => `${Math.round((bytes / 1024) * 10) / 10} KB`;
