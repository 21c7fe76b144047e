// Team privacy in the built task pane, in headless Chromium outside Excel (browser storage): an
// anonymous round of 2 respondents, whose detail is withheld and whose typed name is kept nowhere,
// and a named round of 3 that shows its detail. Screenshots at 320 px, light and dark, go to
// test-artifacts/. One browser for the whole file; the tests run in order on one page.
import fs from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { reopenTaskpaneAt, waitForSurvey } from "./support/browser";
import { answerStatements, showTab } from "./support/page";
import { ARTIFACTS, browserSuite } from "./support/suite";

// Chromium on a busy 2-core machine: the limit bounds a test; nothing here waits on time.
jest.setTimeout(120_000);

const WORKFLOW = "Claims intake";
const SMALL = "2026-01-12";
const LARGE = "2026-04-13";
const TYPED = "Zoë Quintanilla";

// The anonymous round: Strategy answers 1,1,1 (0.2) and 4,4,4 (0.8), every other statement 3 (0.6):
// Strategy mean 50%, and 3 points apart, which a round of 3 would flag.
const LOW = [1, 1, 1, ...Array<number>(12).fill(3)];
const HIGH = [4, 4, 4, ...Array<number>(12).fill(3)];
// The named round: the same two and Cy with 4,4,4: Strategy mean (0.2 + 0.8 + 0.8) / 3 = 60%,
// lowest 20%, highest 80%.

const suite = browserSuite({ colorScheme: "light", artifacts: true, openPane: true });
let page: Page;

beforeAll(() => ({ page } = suite));

const layerTable = () => page.getByRole("table", { name: "Layer scores across the round's complete responses" });
const headers = () => layerTable().getByRole("columnheader").allTextContents();
const strategyCells = () =>
  layerTable()
    .getByRole("row", { name: /^Strategy / })
    .getByRole("cell")
    .allTextContents();
const stored = () => page.evaluate(() => Object.values({ ...window.localStorage }).join("\n"));

test("an anonymous round of 2: no name kept, only the team mean shown, and why", async () => {
  await waitForSurvey(page);
  await page.getByRole("combobox", { name: "Workflow" }).fill(WORKFLOW);
  await page.getByLabel("Date for this round (optional)").fill(SMALL);
  await page.getByLabel("Respondent (optional)").fill(TYPED);
  await expect(stored()).resolves.toContain(TYPED);

  await page.getByRole("switch", { name: "Anonymous round" }).check();
  await page.getByLabel("Respondent (optional)").waitFor({ state: "detached" });
  await expect(stored()).resolves.not.toContain("Zoë");

  for (const [n, answers] of [LOW, HIGH].entries()) {
    await answerStatements(page, answers);
    await page.getByRole("button", { name: "Save response" }).click();
    // Each save is confirmed under the label it was stored with, never the name typed before.
    await page.getByRole("status").filter({ hasText: "0 of 15 answered" }).waitFor();
    await page.getByText(`Saved Respondent ${n + 1}'s response for ${WORKFLOW}.`).waitFor();
  }

  await showTab(page, "Team & history");
  await page.getByRole("heading", { name: `${WORKFLOW}, round ${SMALL}: 2 responses` }).waitFor();
  // Each response's own realized value is withheld with the rest of the detail: in a round of two it
  // would tell more than the lowest and highest scores do.
  await expect(
    page.getByRole("table", { name: "Responses", exact: true }).getByRole("row").allTextContents(),
  ).resolves.toEqual(["RespondentChange", "Respondent 1EditDelete", "Respondent 2EditDelete"]);
  await expect(page.getByTestId("response-figures-withheld").textContent()).resolves.toBe(
    "Each response's realized value is withheld too, for the same reason.",
  );
  await expect(headers()).resolves.toEqual(["Layer", "Mean"]);
  await expect(strategyCells()).resolves.toEqual(["Strategy", "50.0%"]);
  await expect(page.getByTestId("detail-withheld").textContent()).resolves.toBe(
    "Only the team mean is shown: this round has 2 complete respondents, and detail appears from 3. " +
      "Lowest and highest scores, spreads and disagreements could single someone out.",
  );
  await expect(page.getByRole("list", { name: "Statements with divergent answers" }).count()).resolves.toBe(0);
  await expect(stored()).resolves.not.toContain("Zoë");
  await expect(stored()).resolves.toContain("Respondent 2");
});

test("a named round of 3 shows its lowest, highest and disagreements", async () => {
  await showTab(page, "Assessment");
  await page.getByLabel("Date for this round (optional)").fill(LARGE);
  await expect(page.getByRole("switch", { name: "Anonymous round" }).isChecked()).resolves.toBe(false);
  for (const [name, answers] of [
    ["Ana", LOW],
    ["Ben", HIGH],
    ["Cy", HIGH],
  ] as const) {
    await page.getByLabel("Respondent (optional)").fill(name);
    await answerStatements(page, answers);
    await page.getByRole("button", { name: "Save response" }).click();
    await page.getByText(`Saved ${name}'s response for ${WORKFLOW}.`).waitFor();
  }
  await showTab(page, "Team & history");
  await page.getByRole("heading", { name: `${WORKFLOW}, round ${LARGE}: 3 responses` }).waitFor();
  await expect(headers()).resolves.toEqual(["Layer", "Mean", "Min", "Max"]);
  await expect(strategyCells()).resolves.toEqual(["Strategy", "60.0%", "20.0%", "80.0%"]);
  await expect(page.getByTestId("detail-withheld").count()).resolves.toBe(0);
  await expect(
    page.getByRole("list", { name: "Statements with divergent answers" }).getByRole("listitem").count(),
  ).resolves.toBe(3);
  // What moved: the January round has 2 respondents, so its statements are withheld.
  await expect(page.getByTestId("statements-withheld").textContent()).resolves.toMatch(
    /^The statements that moved most are withheld: the 2026-01-12 round has 2 complete respondents/,
  );
});

test("screenshots at 320 px, light and dark: the small round, the setting, and the form's switch", async () => {
  for (const scheme of ["light", "dark"] as const) {
    await reopenTaskpaneAt(page, 320, scheme);
    await page.getByLabel("Date for this round (optional)").fill(SMALL);
    await page.getByLabel("Respondent (optional)").waitFor({ state: "detached" });
    await expect(page.getByRole("switch", { name: "Anonymous round" }).isChecked()).resolves.toBe(true);
    // Transitions finished first: the switch is drawn in its final position.
    const still = { animations: "disabled" } as const;
    await page.screenshot({ path: path.join(ARTIFACTS, `anonymity-form-320-${scheme}.png`), ...still });
    await showTab(page, "Team & history");
    await page.getByRole("combobox", { name: "Round" }).selectOption(SMALL);
    await page.getByTestId("detail-withheld").waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, `anonymity-team-320-${scheme}.png`), ...still });
    const privacy = page.getByRole("heading", { name: "Privacy" }).locator("..");
    await privacy.screenshot({ path: path.join(ARTIFACTS, `anonymity-setting-320-${scheme}.png`), ...still });
    const responses = page.getByRole("table", { name: "Responses", exact: true });
    await responses.screenshot({ path: path.join(ARTIFACTS, `anonymity-responses-320-${scheme}.png`), ...still });
    const moved = page.getByTestId("statements-withheld").locator("..");
    await moved.screenshot({ path: path.join(ARTIFACTS, `anonymity-moved-320-${scheme}.png`), ...still });
    // The page is no wider than the pane: nothing needs scrolling sideways.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(320);
  }
  for (const name of ["form", "team", "setting", "responses", "moved"]) {
    for (const scheme of ["light", "dark"]) {
      expect(fs.statSync(path.join(ARTIFACTS, `anonymity-${name}-320-${scheme}.png`)).size).toBeGreaterThan(1000);
    }
  }
});

test("no page errors", () => {
  expect(suite.pageErrors).toEqual([]);
});
