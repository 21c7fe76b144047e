// Rounds in the built task pane, in headless Chromium outside Excel (local stores): a workflow
// assessed on two dates is two rounds. Scenarios opened on round 1 must start from round 2 once
// round 2 is saved (label, scores and the base a saved scenario records), and Team & history shows
// one round at a time. Screenshots at 320 and 400 px, light and dark, go to test-artifacts/.
// One browser for the whole file; the tests run in order on one page, each building on the last.
import fs from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { openTaskpane, reopenTaskpaneAt, waitForSurvey } from "./support/browser";
import { answerStatements, fieldMessage, showTab } from "./support/page";
import { ARTIFACTS, browserSuite } from "./support/suite";

// Chromium on a busy 2-core machine: the limit bounds a test; nothing here waits on time.
jest.setTimeout(120_000);

const WORKFLOW = "Claims intake";
const LAYER_FIELDS = ["Strategy %", "Workflow %", "Oversight %", "Measurement %", "Adoption %"];

// Round 1, 2026-01-12, Ana: Strategy 4,4,4 → 0.8; Workflow 3,3,3 → 0.6; Oversight 3,3,3 → 0.6;
// Measurement 2,2,2 → 0.4; Adoption 3,3,3 → 0.6. Realized 0.8 × 0.6 × 0.6 × 0.4 × 0.6 = 0.06912 → "6.9%".
const ROUND_1 = { date: "2026-01-12", respondent: "Ana", answers: [4, 4, 4, 3, 3, 3, 3, 3, 3, 2, 2, 2, 3, 3, 3] };
const LABEL_1 = `${WORKFLOW}, ${ROUND_1.date} (team mean)`;
const REALIZED_1 = 0.8 * 0.6 * 0.6 * 0.4 * 0.6;
// Round 2, 2026-04-13, Ben: Strategy 5,4,5 → 14/15; Workflow 4,4,4 → 0.8; Oversight 4,3,4 → 11/15;
// Measurement 3,3,3 → 0.6; Adoption 4,4,4 → 0.8.
// Realized (14/15)(4/5)(11/15)(3/5)(4/5) = (14·4·11·3·4)/(15·5·15·5·5) = 7392/28125 = 0.262826… → "26.3%".
const ROUND_2 = { date: "2026-04-13", respondent: "Ben", answers: [5, 4, 5, 4, 4, 4, 4, 3, 4, 3, 3, 3, 4, 4, 4] };
const LABEL_2 = `${WORKFLOW}, ${ROUND_2.date} (team mean)`;
const SCORES_2 = [14 / 15, 0.8, 11 / 15, 0.6, 0.8];
const REALIZED_2 = 7392 / 28125;

const suite = browserSuite({ colorScheme: "light", artifacts: true });
let page: Page;
beforeAll(() => ({ page } = suite));

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const fieldText = (score: number) => String(Math.round(score * 1000) / 10);

/** Fills in one response on the Assessment tab and saves it; answers may stop short of 15. */
async function saveResponse(response: { date: string; respondent: string; answers: readonly number[] }) {
  await showTab(page, "Assessment");
  await waitForSurvey(page);
  await page.getByRole("combobox", { name: "Workflow" }).fill(WORKFLOW);
  await page.getByLabel("Respondent (optional)").fill(response.respondent);
  await page.getByLabel("Response date (optional)").fill(response.date);
  await answerStatements(page, response.answers);
  await expect(page.getByRole("status").filter({ hasText: "answered" }).textContent()).resolves.toBe(
    `${response.answers.length} of 15 answered`,
  );
  await page.getByRole("button", { name: "Save response" }).click();
  const unanswered = 15 - response.answers.length;
  if (unanswered === 0) {
    await page.getByText(`Saved ${response.respondent}'s response for ${WORKFLOW}.`).waitFor();
    return;
  }
  // A partial response is saved only once the user confirms it.
  const question = page.getByRole("group", { name: `${unanswered} of 15 statements are unanswered.` });
  await question.getByRole("button", { name: "Save as partial" }).click();
  await page
    .getByText(
      `Saved ${response.respondent}'s response for ${WORKFLOW} as partial (${response.answers.length} of 15 answered).`,
    )
    .waitFor();
}

const startFrom = () => page.getByRole("combobox", { name: "Start from" });
const shownBase = () => startFrom().evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent);
/** The text of the elements a control's aria-describedby names. */
const described = async (control: ReturnType<Page["getByRole"]>) => (await fieldMessage(control)).description;
const fields = () => Promise.all(LAYER_FIELDS.map((name) => page.getByRole("textbox", { name }).inputValue()));
const scenarios = () =>
  page.evaluate(() => JSON.parse(localStorage.getItem("agap.planning") ?? "null")?.scenarios ?? []) as Promise<
    { name: string; baseLabel: string; baseScores: number[]; scores: number[] }[]
  >;

test("saves round 1 of Claims intake: all 15 answers, dated 2026-01-12", async () => {
  await openTaskpane(page, suite.server.url);
  await saveResponse(ROUND_1);
});

test("Scenarios, with the saved workflow picked, starts from round 1", async () => {
  await showTab(page, "Scenarios");
  await startFrom().waitFor();
  await expect(startFrom().locator("option").allTextContents()).resolves.toEqual(["Typed scores", LABEL_1]);
  await startFrom().selectOption({ label: LABEL_1 });
  await expect(fields()).resolves.toEqual(["80", "60", "60", "40", "60"]);
  expect(percent(REALIZED_1)).toBe("6.9%");
  await expect(page.getByTestId("scenario-realized").textContent()).resolves.toBe("6.9%");
});

test("saves round 2 on another date with different answers", async () => {
  await saveResponse(ROUND_2);
});

test("back in Scenarios: it starts from round 2, and a scenario saved now records round 2 as its base", async () => {
  await showTab(page, "Scenarios");
  await expect(startFrom().locator("option").allTextContents()).resolves.toEqual(["Typed scores", LABEL_2]);
  await expect(shownBase()).resolves.toBe(LABEL_2);
  const expected = SCORES_2.map(fieldText);
  expect(expected).toEqual(["93.3", "80", "73.3", "60", "80"]);
  await expect(fields()).resolves.toEqual(expected);
  expect(percent(REALIZED_2)).toBe("26.3%");
  await expect(page.getByTestId("scenario-realized").textContent()).resolves.toBe("26.3%");
  await expect(page.getByTestId("scenario-change").textContent()).resolves.toBe("+0.0\u00a0pts");
  await expect(page.getByRole("group", { name: "Base updated" }).textContent()).resolves.toContain(
    `Base updated to “${LABEL_2}” (was “${LABEL_1}”). Every layer now starts from it.`,
  );

  await page.screenshot({ path: path.join(ARTIFACTS, "rounds-scenarios-base-updated.png") });
  await page.getByRole("textbox", { name: "Scenario name" }).fill("From April");
  await page.getByRole("button", { name: "Save scenario" }).click();
  await page.getByRole("checkbox", { name: "From April · 26.3%" }).waitFor();
  const [saved] = await scenarios();
  expect(saved.baseLabel).toBe(LABEL_2);
  expect(saved.baseScores).toEqual(SCORES_2.map((v) => expect.closeTo(v, 12)));
  expect(saved.scores).toEqual(SCORES_2.map((v) => expect.closeTo(v, 12)));
});

test("a partial response in round 2 is listed as partial and moves no figure", async () => {
  await saveResponse({ date: ROUND_2.date, respondent: "Cy", answers: [0, 0, 0, 0, 0, 0] });
  await showTab(page, "Scenarios");
  await expect(shownBase()).resolves.toBe(LABEL_2);
  await expect(page.getByTestId("scenario-realized").textContent()).resolves.toBe("26.3%");
  await expect(fields()).resolves.toEqual(SCORES_2.map(fieldText));
  await expect(described(startFrom())).resolves.toBe(
    `${WORKFLOW}: the latest round, ${ROUND_2.date}, as the mean of 1 complete response; 1 partial response not counted.`,
  );

  await showTab(page, "Team & history");
  const round = page.getByRole("combobox", { name: "Round" });
  await expect(round.inputValue()).resolves.toBe(ROUND_2.date);
  await page.getByRole("heading", { name: `${WORKFLOW}, round ${ROUND_2.date}: 2 responses, 1 partial` }).waitFor();
  await expect(page.getByText(/^Team realized value \d/).textContent()).resolves.toBe(
    "Team realized value 26.3%, from 1 complete response.",
  );
  await expect(
    page.getByRole("table", { name: "Responses", exact: true }).getByRole("row").allTextContents(),
    // One complete respondent: below the smallest group, so no response's own figure is listed.
  ).resolves.toEqual(["RespondentChange", "BenEditDelete", "Cy (partial)EditDelete"]);
  await expect(page.getByRole("table", { name: "Rounds by date" }).getByRole("row").allTextContents()).resolves.toEqual(
    ["RoundCompleteTeam realized value", `${ROUND_1.date}1 of 16.9%`, `${ROUND_2.date}1 of 226.3%`],
  );

  await round.selectOption(ROUND_1.date);
  await page.getByRole("heading", { name: `${WORKFLOW}, round ${ROUND_1.date}: 1 response` }).waitFor();
  await expect(page.getByText(/^Team realized value \d/).textContent()).resolves.toBe(
    "Team realized value 6.9%, from 1 complete response.",
  );
  // Round 1 alone has nothing to disagree on, though its answers differ from round 2's.
  await expect(page.getByRole("list", { name: "Statements with divergent answers" }).count()).resolves.toBe(0);
  await round.selectOption(ROUND_2.date);
});

test("screenshots of Team & history and Scenarios at 320 and 400 px, light and dark", async () => {
  for (const width of [320, 400]) {
    for (const scheme of ["light", "dark"] as const) {
      await reopenTaskpaneAt(page, width, scheme);
      await showTab(page, "Team & history");
      await page.getByRole("heading", { name: `${WORKFLOW}, round ${ROUND_2.date}: 2 responses, 1 partial` }).waitFor();
      await page.screenshot({ path: path.join(ARTIFACTS, `rounds-team-${width}-${scheme}.png`), fullPage: true });
      // The page is no wider than the pane: nothing needs scrolling sideways.
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
      await showTab(page, "Scenarios");
      await startFrom().selectOption({ label: LABEL_2 });
      await expect(page.getByTestId("scenario-realized").textContent()).resolves.toBe("26.3%");
      await page.screenshot({ path: path.join(ARTIFACTS, `rounds-scenarios-${width}-${scheme}.png`), fullPage: true });
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
    }
  }
  for (const name of ["team", "scenarios"]) {
    for (const variant of ["320-light", "320-dark", "400-light", "400-dark"]) {
      expect(fs.statSync(path.join(ARTIFACTS, `rounds-${name}-${variant}.png`)).size).toBeGreaterThan(1000);
    }
  }
});

test("no request leaves the page's origin apart from office.js; no page errors", () => {
  expect(suite.session.foreignRequests(suite.server.url).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  expect(suite.pageErrors).toEqual([]);
});
