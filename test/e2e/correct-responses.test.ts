// Correcting saved responses in the built task pane, in headless Chromium outside Excel (browser
// store): Enter in a field saves nothing, a response is saved, opened again from Team & history,
// changed and saved in place (same id, same count), deleted and brought back with Undo. Then the
// edit banner, the questions the form asks and the Team list are photographed at 320 and 400 px,
// light and dark, into test-artifacts/.
// One browser for the whole file; the tests run in order on one page, each building on the last.
import fs from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { openTaskpane, reopenTaskpaneAt } from "./support/browser";
import { answerStatements, expectNoSeriousViolations, showTab } from "./support/page";
import { ARTIFACTS, browserSuite } from "./support/suite";

// Chromium on a busy 2-core machine: the limit bounds a test; nothing here waits on time.
jest.setTimeout(120_000);

const WORKFLOW = "Vendor onboarding";
const DATE = "2026-04-02";
// Ana: Strategy 4,4,4 → 0.8; Workflow 3,3,3 → 0.6; Oversight 4,4,4 → 0.8; Measurement 3,3,3 → 0.6;
// Adoption 4,4,4 → 0.8. Realized 0.8³ × 0.6² = 0.512 × 0.36 = 0.18432 → "18.4%".
const ANA = [4, 4, 4, 3, 3, 3, 4, 4, 4, 3, 3, 3, 4, 4, 4];
// The correction: Measurement 4,4,4 → 0.8. Realized 0.8⁴ × 0.6 = 0.4096 × 0.6 = 0.24576 → "24.6%".
const MEASUREMENT = [9, 10, 11];
const CORRECTED = ANA.map((value, i) => (MEASUREMENT.includes(i) ? 4 : value));

const suite = browserSuite({ colorScheme: "light", artifacts: true });
let page: Page;
let anaId = "";

beforeAll(() => ({ page } = suite));

type Stored = { id: string; workflow: string; respondent: string; date: string; answers: Record<string, number> };
const storedResponses = () =>
  page.evaluate(() => JSON.parse(localStorage.getItem("agap.responses") ?? "[]")) as Promise<Stored[]>;
const answeredText = () => page.getByRole("status").filter({ hasText: "answered" }).textContent();
const responseRows = () =>
  page.getByRole("table", { name: "Responses", exact: true }).getByRole("row").allTextContents();
const teamHeading = (count: string) => page.getByRole("heading", { name: `${WORKFLOW}, round ${DATE}: ${count}` });
const editBanner = () => page.getByRole("group", { name: `Editing Ana's response of ${DATE}` });

test("Enter in the Respondent field saves nothing, with 1 of 15 answered", async () => {
  await openTaskpane(page, suite.server.url);
  await page.getByRole("combobox", { name: "Workflow" }).fill(WORKFLOW);
  await page.getByLabel("Date for this round (optional)").fill(DATE);
  // The response on the form takes the round's date, as every new respondent will.
  await expect(page.getByLabel("Response date (optional)").inputValue()).resolves.toBe(DATE);
  await answerStatements(page, ANA.slice(0, 1));
  await expect(answeredText()).resolves.toBe("1 of 15 answered");
  await page.getByLabel("Respondent (optional)").fill("Ana");
  await page.getByLabel("Respondent (optional)").press("Enter");
  await expect(storedResponses()).resolves.toEqual([]);
  await expect(page.getByRole("group", { name: /unanswered/ }).count()).resolves.toBe(0);
  await expect(page.getByText(/^Saved /).count()).resolves.toBe(0);
  await expect(answeredText()).resolves.toBe("1 of 15 answered");
});

test("a complete response is saved; the next respondent starts with the round's date", async () => {
  await answerStatements(page, ANA, 1);
  await expect(answeredText()).resolves.toBe("15 of 15 answered");
  await page.getByRole("button", { name: "Save response" }).click();
  await page.getByText(`Saved Ana's response for ${WORKFLOW}.`).waitFor();
  await expect(answeredText()).resolves.toBe("0 of 15 answered");
  await expect(page.getByLabel("Respondent (optional)").inputValue()).resolves.toBe("");
  await expect(page.getByLabel("Response date (optional)").inputValue()).resolves.toBe(DATE);
  const saved = await storedResponses();
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({ workflow: WORKFLOW, respondent: "Ana", date: DATE });
  anaId = saved[0].id;
});

test("Edit from Team & history, change Measurement, Save changes: the list shows it, same count, same id", async () => {
  await showTab(page, "Team & history");
  await teamHeading("1 response").waitFor();
  // A round of one is below the default smallest group (3), which withholds each response's own
  // figure; the team here shows detail from one respondent, so that the list shows the change.
  await expect(responseRows()).resolves.toEqual(["RespondentChange", "AnaEditDelete"]);
  await page.getByRole("textbox", { name: "Smallest group shown in detail" }).fill("1");
  await page.getByRole("button", { name: "Save smallest group" }).click();
  await expect(responseRows()).resolves.toEqual(["RespondentRealizedChange", "Ana18.4%EditDelete"]);
  await page.getByRole("button", { name: "Edit Ana's response" }).click();

  await page.getByRole("tab", { name: "Assessment", selected: true }).waitFor();
  await editBanner().waitFor();
  await expect(editBanner().evaluate((element) => element === document.activeElement)).resolves.toBe(true);
  await expect(page.getByLabel("Respondent (optional)").inputValue()).resolves.toBe("Ana");
  await expect(page.getByLabel("Response date (optional)").inputValue()).resolves.toBe(DATE);
  await expect(answeredText()).resolves.toBe("15 of 15 answered");
  await answerStatements(page, CORRECTED);
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.getByText(`Saved the changes to Ana's response of ${DATE}.`).waitFor();
  await expect(editBanner().count()).resolves.toBe(0);

  await showTab(page, "Team & history");
  await teamHeading("1 response").waitFor();
  expect((0.8 ** 4 * 0.6 * 100).toFixed(1)).toBe("24.6");
  await expect(responseRows()).resolves.toEqual(["RespondentRealizedChange", "Ana24.6%EditDelete"]);
  const saved = await storedResponses();
  expect(saved.map((r) => [r.id, r.respondent, r.date])).toEqual([[anaId, "Ana", DATE]]);
  expect(Object.values(saved[0].answers)).toEqual(CORRECTED);
});

test("Delete, then Undo: the response is back with the same id and answers", async () => {
  await page.getByRole("button", { name: "Delete Ana's response" }).click();
  await page.getByText(`No saved responses for “${WORKFLOW}” yet.`).waitFor();
  await expect(storedResponses()).resolves.toEqual([]);
  const undo = page.getByRole("button", { name: "Undo" });
  await expect(undo.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
  await expect(page.getByRole("group", { name: "Deleted" }).textContent()).resolves.toContain(
    `Deleted Ana's response of ${DATE} for ${WORKFLOW}.`,
  );
  await undo.click();
  await page.getByText(`Ana's response of ${DATE} is back in the list.`).waitFor();
  await teamHeading("1 response").waitFor();
  await expect(responseRows()).resolves.toEqual(["RespondentRealizedChange", "Ana24.6%EditDelete"]);
  const saved = await storedResponses();
  expect(saved.map((r) => r.id)).toEqual([anaId]);
  expect(Object.values(saved[0].answers)).toEqual(CORRECTED);
  await expect(undo.count()).resolves.toBe(0);
});

test("Next respondent over unsaved answers asks first; a partial save asks too, and is marked partial", async () => {
  await showTab(page, "Assessment");
  await page.getByLabel("Respondent (optional)").fill("Ben");
  await answerStatements(page, [2, 2]);
  await page.getByRole("button", { name: "Next respondent" }).click();
  const ask = page.getByRole("group", { name: "Ben's answers are not saved (2 of 15 answered)." });
  await ask.waitFor();
  await ask.getByRole("button", { name: "Keep answering" }).click();
  await expect(answeredText()).resolves.toBe("2 of 15 answered");

  await page.getByRole("button", { name: "Save response" }).click();
  const partial = page.getByRole("group", { name: "13 of 15 statements are unanswered." });
  await partial.getByRole("button", { name: "Save as partial" }).click();
  await page.getByText(`Saved Ben's response for ${WORKFLOW} as partial (2 of 15 answered).`).waitFor();
  await showTab(page, "Team & history");
  await teamHeading("2 responses, 1 partial").waitFor();
  await expect(responseRows()).resolves.toEqual([
    "RespondentRealizedChange",
    "Ana24.6%EditDelete",
    "Ben (partial)–EditDelete",
  ]);
});

test("axe-core finds no serious violation in edit mode, in a question, or in the Team list with Undo", async () => {
  await page.getByRole("button", { name: "Delete Ben's response" }).click();
  await page.getByRole("button", { name: "Undo" }).waitFor();
  await expectNoSeriousViolations(page, "Team & history with Undo");
  await page.getByRole("button", { name: "Undo" }).click();
  await teamHeading("2 responses, 1 partial").waitFor();
  await page.getByRole("button", { name: "Edit Ana's response" }).click();
  await editBanner().waitFor();
  await answerStatements(page, [0]);
  await editBanner().getByRole("button", { name: "Cancel edit" }).click();
  await editBanner()
    .getByRole("group", { name: /are not saved/ })
    .waitFor();
  await expectNoSeriousViolations(page, "Assessment, editing, asking about Cancel edit");
  await editBanner().getByRole("button", { name: "Discard changes" }).click();
  await expect(editBanner().count()).resolves.toBe(0);
});

test("screenshots at 320 and 400 px, light and dark: edit banner, its question, the partial question, Team list", async () => {
  for (const width of [320, 400]) {
    for (const scheme of ["light", "dark"] as const) {
      await reopenTaskpaneAt(page, width, scheme);
      const shot = async (name: string) => {
        await page.screenshot({ path: path.join(ARTIFACTS, `correct-responses-${name}-${width}-${scheme}.png`) });
        // The page is no wider than the pane: nothing needs scrolling sideways.
        await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
      };

      await showTab(page, "Team & history");
      await teamHeading("2 responses, 1 partial").waitFor();
      await page.getByRole("button", { name: "Delete Ben's response" }).click();
      await page.getByRole("button", { name: "Undo" }).waitFor();
      await shot("team-undo");
      await page.getByRole("button", { name: "Undo" }).click();
      await teamHeading("2 responses, 1 partial").waitFor();
      await page.getByRole("table", { name: "Responses", exact: true }).scrollIntoViewIfNeeded();
      await shot("team-list");

      await page.getByRole("button", { name: "Edit Ana's response" }).click();
      await editBanner().waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot("editing");
      await answerStatements(page, [0]);
      await editBanner().getByRole("button", { name: "Cancel edit" }).click();
      await editBanner()
        .getByRole("group", { name: /are not saved/ })
        .waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot("editing-cancel");
      await editBanner().getByRole("button", { name: "Discard changes" }).click();
      await expect(editBanner().count()).resolves.toBe(0);

      await answerStatements(page, [3]);
      await page.getByRole("button", { name: "Save response" }).click();
      await page.getByRole("group", { name: "14 of 15 statements are unanswered." }).waitFor();
      await shot("partial");
      await page.getByRole("button", { name: "Keep answering" }).click();
      await page.getByRole("button", { name: "Next respondent" }).click();
      await page.getByRole("button", { name: "Discard answers and start next" }).click();
      await expect(answeredText()).resolves.toBe("0 of 15 answered");
    }
  }
  for (const name of ["team-undo", "team-list", "editing", "editing-cancel", "partial"]) {
    for (const variant of ["320-light", "320-dark", "400-light", "400-dark"]) {
      expect(fs.statSync(path.join(ARTIFACTS, `correct-responses-${name}-${variant}.png`)).size).toBeGreaterThan(1000);
    }
  }
  await expect(storedResponses().then((list) => list.length)).resolves.toBe(2);
});

test("no request leaves the page's origin apart from office.js; no page errors", () => {
  expect(suite.session.foreignRequests(suite.server.url).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  expect(suite.pageErrors).toEqual([]);
});
