// How the pane starts with respect to office.js: a plain browser tab starts at once and hears from
// office.js later; a page an Office host may have opened waits for Office first.
import type { Page, Route } from "playwright-core";
import { OFFICE_CDN, waitForSurvey } from "./support/browser";
import { browserSuite } from "./support/suite";

jest.setTimeout(60_000);

const suite = browserSuite();
const PREVIEW = "Preview outside Excel: data is kept in this browser and can be exported.";
const GAVE_UP = `${PREVIEW} Office did not become ready within 4000 ms.`;

/** The status line, read once, at this moment. */
const statusNow = (page: Page) => page.getByTestId("mode").textContent();
/** Whether office.js has answered the pane yet (the pane marks the moment). */
const officeAnswered = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName("agap-office-ready", "mark").length > 0);

test("in a plain browser tab the survey does not wait for office.js, and the status line takes its answer later", async () => {
  const page = await suite.session.newPage();
  // office.js loads, but its host table never arrives, so it never becomes ready.
  const held: Route[] = [];
  await page.route(`${OFFICE_CDN}o15apptofilemappingtable.js`, (route) => {
    held.push(route);
  });
  try {
    // The page's load event waits for the held script too, so only the navigation is awaited.
    await page.goto(new URL("taskpane.html", suite.server.url).href, { waitUntil: "commit" });
    await page.getByRole("radiogroup").first().waitFor();
    // The survey is there while office.js has not answered: the pane did not wait for it.
    // office.js asked for its host table before the pane's scripts ran; its route event may reach
    // this process a moment after the page has drawn the survey.
    for (let i = 0; i < 50 && held.length === 0; i++) await page.waitForTimeout(100);
    expect(held).toHaveLength(1);
    await expect(officeAnswered(page)).resolves.toBe(false);
    await expect(statusNow(page)).resolves.toBe(PREVIEW);
    // An answer given meanwhile survives the status line's update.
    const first = page.getByRole("radiogroup").first().getByRole("radio").nth(3);
    await first.check();
    await page.waitForFunction(
      (text) => document.querySelector('[data-testid="mode"]')?.textContent === text,
      GAVE_UP,
      {
        timeout: 20_000,
      },
    );
    await expect(officeAnswered(page)).resolves.toBe(true);
    await expect(first.isChecked()).resolves.toBe(true);
    await waitForSurvey(page);
  } finally {
    for (const route of held) await route.abort().catch(() => undefined);
    await page.close();
  }
});

test("a page Office opened (its host info in the address) waits for Office before it shows the survey", async () => {
  const page = await suite.session.newPage();
  try {
    const url = new URL("taskpane.html", suite.server.url);
    url.search = "?_host_Info=Excel$Win32$16.01$en-US$$$$0";
    await page.goto(url.href);
    await page.getByRole("radiogroup").first().waitFor({ timeout: 20_000 });
    // By the time the survey shows, Office has answered (here: it never became ready, outside Excel).
    await expect(officeAnswered(page)).resolves.toBe(true);
    await expect(statusNow(page)).resolves.toBe(GAVE_UP);
  } finally {
    await page.close();
  }
});

test("the pages raised no uncaught errors", () => {
  expect(suite.pageErrors).toEqual([]);
});
