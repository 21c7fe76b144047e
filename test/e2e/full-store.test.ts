// A browser store filled close to its quota, in the built pane: the warning shows at start with the
// figure; a save that does not fit says the store is full, keeps the answers on the form and every
// saved response, and offers the backup; once room is made, Retry saves.
import * as fs from "node:fs";
import type { Page } from "playwright-core";
import { STATEMENTS, type AssessmentResponse } from "../../src/model";
import { STORE_QUOTA_CHARS, megabytes } from "../../src/workbook/local-space";
import { reopenTaskpane } from "./support/browser";
import { answerStatements, writeStore } from "./support/page";
import { browserSuite } from "./support/suite";

jest.setTimeout(120_000);

const RESPONSES_KEY = "agap.responses";
/** Another application's data on the same origin, which counts against the same quota. */
const OTHER_KEY = "another.app";
const ANSWERS = STATEMENTS.map((_, i) => (i * 7) % 6);

/** Real responses, as the pane saves them, until they fill `chars` characters. */
function responsesFilling(chars: number): AssessmentResponse[] {
  const responses: AssessmentResponse[] = [];
  let length = 2;
  for (let i = 1; length < chars; i++) {
    const response: AssessmentResponse = {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      workflow: `Workflow ${i % 40}`,
      respondent: `Respondent ${i}`,
      date: `2026-0${1 + (i % 9)}-1${i % 10}`,
      answers: Object.fromEntries(STATEMENTS.map((s, k) => [s.id, (i + k) % 6])),
    };
    responses.push(response);
    length += JSON.stringify(response).length + 1;
  }
  return responses;
}

// The draft this test writes (15 answers) fits in what is left; a response on top of it does not.
const DRAFT = {
  workflow: "Claims",
  respondent: "Zoe",
  date: "",
  answers: Object.fromEntries(STATEMENTS.map((s, i) => [s.id, ANSWERS[i]])),
};
const FREE = "agap.draft".length + JSON.stringify(DRAFT).length + 100;

const saved = responsesFilling(0.9 * STORE_QUOTA_CHARS);
const savedText = JSON.stringify(saved);
const filler = "x".repeat(STORE_QUOTA_CHARS - FREE - RESPONSES_KEY.length - savedText.length - OTHER_KEY.length);

const suite = browserSuite({ colorScheme: "light", openPane: true });
let page: Page;

beforeAll(async () => {
  ({ page } = suite);
  await writeStore(page, { [RESPONSES_KEY]: savedText, [OTHER_KEY]: filler }, { clear: true });
  await reopenTaskpane(page, 30_000);
});

const checkedAnswers = () =>
  page.evaluate(() =>
    [...document.querySelectorAll('[role="radiogroup"]')].map((group) =>
      Number(group.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value ?? NaN),
    ),
  );

test("the store holds some 10,000 responses and is within 2,000 characters of Chromium's quota", async () => {
  expect(saved.length).toBeGreaterThan(9_000);
  const left = await page.evaluate(() => {
    try {
      localStorage.setItem("probe", "y".repeat(2_000));
    } catch (error) {
      return (error as DOMException).name;
    }
    localStorage.removeItem("probe");
    return "it fit";
  });
  expect(left).toBe("QuotaExceededError");
});

test("the warning shows at start with the figure, the backup and the way to a workbook", async () => {
  const warning = page.getByRole("group", { name: /This browser's storage is nearly full/ });
  await warning.waitFor();
  const text = await warning.textContent();
  expect(text).toContain(
    `AGAP's data fills ${megabytes(RESPONSES_KEY.length + savedText.length)} of about 5 MB this browser allows; AGAP warns from 80%.`,
  );
  expect(text).toContain("in Team & history choose Export .xlsx, open that file in Excel and open AGAP in it");
  await warning.getByRole("button", { name: "Download backup" }).waitFor();
});

test("a save that does not fit says so, keeps the answers on the form and every saved response", async () => {
  await page.getByRole("combobox", { name: /Workflow/ }).fill(DRAFT.workflow);
  await page.getByLabel("Respondent (optional)").fill(DRAFT.respondent);
  await answerStatements(page, ANSWERS);
  await page.getByRole("button", { name: "Save response" }).click();

  const failed = page.getByRole("group", { name: /The response was not saved; your answers are kept/ });
  await failed.waitFor();
  await expect(failed.textContent()).resolves.toMatch(
    /This browser's storage for AGAP is full, so this change was not saved \(AGAP's data fills \d\.\d MB of about 5 MB this browser allows\)\. Everything saved before is kept, and your unsaved answers stay on the form\./,
  );
  const full = page.getByRole("group", { name: /This browser's storage is full/ });
  await expect(full.textContent()).resolves.toContain("the last change did not fit");

  // The answers stay on the form, and in the draft, which fitted.
  await expect(checkedAnswers()).resolves.toEqual(ANSWERS);
  await expect(page.getByRole("combobox", { name: /Workflow/ }).inputValue()).resolves.toBe(DRAFT.workflow);
  const stored = await page.evaluate(() => ({
    responses: localStorage.getItem("agap.responses"),
    draft: JSON.parse(localStorage.getItem("agap.draft") ?? "null") as unknown,
  }));
  expect(stored.responses === savedText).toBe(true);
  expect(stored.draft).toEqual(DRAFT);

  // The backup offered holds every saved response.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    full.getByRole("button", { name: "Download backup" }).click(),
  ]);
  const backup = JSON.parse(fs.readFileSync((await download.path())!, "utf8")) as { responses: AssessmentResponse[] };
  expect(backup.responses).toHaveLength(saved.length);
  expect(backup.responses.at(-1)).toEqual(saved.at(-1));
});

test("once room is made, Retry saves the response and the full-store notice goes", async () => {
  await page.evaluate((key) => localStorage.removeItem(key), OTHER_KEY);
  await page
    .getByRole("group", { name: /The response was not saved/ })
    .getByRole("button", { name: "Retry" })
    .click();
  await page.getByRole("group", { name: /This browser's storage is full/ }).waitFor({ state: "detached" });
  // Read back as text: the pane's own storage, parsed here (a 5 MB object is slow to pass as one).
  const text = await page.evaluate(() => localStorage.getItem("agap.responses"));
  const responses = JSON.parse(text ?? "[]") as AssessmentResponse[];
  expect(responses).toHaveLength(saved.length + 1);
  expect(responses.slice(0, 3)).toEqual(saved.slice(0, 3));
  expect(responses.at(-1)).toMatchObject({
    workflow: DRAFT.workflow,
    respondent: DRAFT.respondent,
    answers: DRAFT.answers,
  });
  // Still past the share: the warning stays.
  await page.getByRole("group", { name: /This browser's storage is nearly full/ }).waitFor();
});
