// The workbook's culture read through the Office fake, and the pane's locale chosen from it, with
// the browser's language where ExcelApi 1.11 is missing or the read fails.
import { readWorkbookCulture } from "../../src/workbook/culture";
import { chooseNumberLocale } from "../../src/taskpane/locale";
import { parseNumber } from "../../src/taskpane/planning/parse";
import { FakeWorkbook } from "./fake-excel";

function germanBook(excelApi: string): FakeWorkbook {
  const book = new FakeWorkbook();
  book.excelApi = excelApi;
  book.culture = { name: "de-DE", numberDecimalSeparator: ",", numberGroupSeparator: ".", currencySymbol: "€" };
  return book;
}

describe("readWorkbookCulture", () => {
  it("reads the culture's name and separators in one sync where ExcelApi 1.11 is supported", async () => {
    const book = germanBook("1.11");
    await expect(readWorkbookCulture(book.run)).resolves.toEqual({ name: "de-DE", decimal: ",", group: "." });
    expect(book.syncs).toBe(1);
    expect(book.writes).toEqual([]);
  });

  it("adds the currency symbol where ExcelApi 1.17 is supported", async () => {
    const book = germanBook("1.17");
    await expect(readWorkbookCulture(book.run)).resolves.toEqual({
      name: "de-DE",
      decimal: ",",
      group: ".",
      currency: "€",
    });
    expect(book.syncs).toBe(1);
  });

  it("answers null, without a sync, where ExcelApi 1.11 is missing", async () => {
    const book = germanBook("1.10");
    await expect(readWorkbookCulture(book.run)).resolves.toBeNull();
    expect(book.syncs).toBe(0);
  });
});

describe("chooseNumberLocale", () => {
  it("takes the workbook's separators: a German workbook reads 1.500 as 1500 and 0,8 as 0.8", async () => {
    const book = germanBook("1.11");
    const locale = await chooseNumberLocale(() => readWorkbookCulture(book.run), { language: "en-US" });
    expect(locale).toEqual({ tag: "de-DE", decimal: ",", group: "." });
    expect(parseNumber("1.500", {}, locale)).toMatchObject({ ok: true, value: 1500 });
    expect(parseNumber("0,8", {}, locale)).toEqual({ ok: true, value: 0.8 });
  });

  it("follows Excel's own separators where the user set them apart from the culture's language", async () => {
    const book = new FakeWorkbook();
    book.excelApi = "1.11";
    // An en-US culture with a decimal comma and space grouping, set in Excel's options.
    book.culture = { name: "en-US", numberDecimalSeparator: ",", numberGroupSeparator: " ", currencySymbol: "$" };
    const locale = await chooseNumberLocale(() => readWorkbookCulture(book.run), { language: "en-US" });
    expect(locale).toEqual({ tag: "en-US", decimal: ",", group: " " });
    expect(parseNumber("1 234,5", {}, locale)).toEqual({ ok: true, value: 1234.5 });
  });

  it("keeps the currency symbol of ExcelApi 1.17, so that it is read off typed amounts", async () => {
    const book = new FakeWorkbook();
    book.excelApi = "1.17";
    book.culture = { name: "sv-SE", numberDecimalSeparator: ",", numberGroupSeparator: " ", currencySymbol: "kr" };
    const locale = await chooseNumberLocale(() => readWorkbookCulture(book.run));
    expect(locale).toEqual({ tag: "sv-SE", decimal: ",", group: " ", currency: "kr" });
    expect(parseNumber("1 500 kr", {}, locale)).toEqual({ ok: true, value: 1500 });
  });

  it("falls back to the browser's language where ExcelApi 1.11 is missing", async () => {
    const book = germanBook("1.8");
    const locale = await chooseNumberLocale(() => readWorkbookCulture(book.run), { language: "fr-FR" });
    expect(locale).toEqual({ tag: "fr-FR", decimal: ",", group: "\u202f" });
  });

  it("falls back to the browser's language when the read fails, and to en-US when there is none", async () => {
    const failing = () => Promise.reject(new Error("GeneralException"));
    await expect(chooseNumberLocale(failing, { language: "de-DE" })).resolves.toEqual({
      tag: "de-DE",
      decimal: ",",
      group: ".",
    });
    await expect(chooseNumberLocale(undefined, {})).resolves.toEqual({ tag: "en-US", decimal: ".", group: "," });
  });

  it("keeps the language's separators where Excel's cannot be used (one character each, not the same)", async () => {
    const book = new FakeWorkbook();
    book.excelApi = "1.11";
    book.culture = { name: "de-DE", numberDecimalSeparator: "", numberGroupSeparator: ",", currencySymbol: "" };
    const locale = await chooseNumberLocale(() => readWorkbookCulture(book.run));
    // No decimal separator from Excel: the language's ","; then "," cannot also group digits.
    expect(locale).toEqual({ tag: "de-DE", decimal: ",", group: "" });
  });
});
