// Damaged data in the browser's storage, in the built pane: for each case the pane starts, says
// what was damaged, keeps the good records, and offers the damaged text and a fresh start.
import type { Page } from "playwright-core";
import { STATEMENTS } from "../../src/model";
import { showTab, writeStore } from "./support/page";
import { browserSuite } from "./support/suite";

jest.setTimeout(60_000);

const answers = (value: number) => Object.fromEntries(STATEMENTS.map((statement) => [statement.id, value]));
const GOOD = { id: "good-1", workflow: "Claims", respondent: "Ana", date: "2026-04-02", answers: answers(4) };

const suite = browserSuite({ colorScheme: "light", openPane: true });
let page: Page;

beforeAll(() => ({ page } = suite));

/** Stores the given texts under their keys, then reloads the pane as a user would. */
async function reloadWith(items: Record<string, string>): Promise<void> {
  await writeStore(page, items, { clear: true });
  await page.reload();
  await page.getByRole("heading", { name: "AGAP assessment" }).waitFor({ timeout: 10_000 });
}

const CASES: [string, Record<string, string>, boolean][] = [
  ["responses stored as {}", { "agap.responses": "{}" }, false],
  ["responses stored as [null]", { "agap.responses": "[null]" }, false],
  ["broken JSON for the responses", { "agap.responses": "[{" }, false],
  ["one bad response among good ones", { "agap.responses": JSON.stringify([GOOD, { ...GOOD, id: 3 }]) }, true],
  [
    "a number for the draft's workflow",
    {
      "agap.responses": JSON.stringify([GOOD]),
      "agap.draft": JSON.stringify({ workflow: 5, respondent: "", date: "", answers: {} }),
    },
    true,
  ],
  [
    "a malformed planning record",
    {
      "agap.responses": JSON.stringify([GOOD]),
      "agap.planning": JSON.stringify({ scenarios: [{ id: "s", name: 1 }], roi: "x" }),
    },
    true,
  ],
];

describe.each(CASES)("with %s", (_case, items, keepsGood) => {
  test("the pane starts, says what was damaged, keeps the good records and offers a fresh start", async () => {
    suite.pageErrors.length = 0;
    await reloadWith(items);
    const notice = page.getByRole("group", { name: "Some data saved in this browser was damaged" });
    await notice.waitFor();
    await page.getByRole("radiogroup").nth(14).waitFor();
    if (keepsGood) {
      await page.getByRole("combobox", { name: /Workflow/ }).fill("Claims");
      await showTab(page, "Team & history");
      await page.getByText("Claims, round 2026-04-02: 1 response").waitFor();
    }
    if (items["agap.planning"]) {
      await showTab(page, "Scenarios");
      await page.getByRole("tab", { name: "Scenarios", selected: true }).waitFor();
    }
    // The damaged text is kept until discarded; a download is offered first.
    const kept = await page.evaluate(() => localStorage.getItem("agap.damaged"));
    expect(kept).not.toBeNull();
    await notice.getByRole("button", { name: "Discard it" }).click();
    await notice.getByRole("button", { name: "Discard without a copy" }).click();
    await notice.waitFor({ state: "detached" });
    expect(await page.evaluate(() => localStorage.getItem("agap.damaged"))).toBeNull();
    expect(suite.pageErrors).toEqual([]);
  });
});
