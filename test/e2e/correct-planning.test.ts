// Correcting planning records in the built task pane, in headless Chromium outside Excel (the
// browser store): roadmap task owners, statuses and done dates edited and read back after a
// reload; a scenario deleted and brought back with Undo under its own id. Screenshots of the
// corrected panels at 320 and 400 px, light and dark, go to test-artifacts/.
// One browser for the whole file; the tests run in order on one page, each building on the last.
import fs from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { openTaskpane, reopenTaskpane, reopenTaskpaneAt } from "./support/browser";
import { expectNoSeriousViolations, showTab } from "./support/page";
import { ARTIFACTS, browserSuite } from "./support/suite";

// Chromium on a busy 2-core machine: the limit bounds a test; nothing here waits on time.
jest.setTimeout(120_000);

const WORKFLOW = "Invoice triage";

interface StoredPlanning {
  scenarios: { id: string; name: string; baseLabel: string; baseScores: number[]; scores: number[] }[];
  roi: { id: string; metric: string }[];
  roadmaps: {
    workflow: string;
    startDate: string;
    sheetName: string;
    tasks: { id: string; owner: string; status: string; doneDate: string }[];
  }[];
}

const suite = browserSuite({ colorScheme: "light", artifacts: true });
let page: Page;

beforeAll(() => ({ page } = suite));

const planning = () =>
  page.evaluate(() => JSON.parse(localStorage.getItem("agap.planning") ?? "null")) as Promise<StoredPlanning | null>;

const task = (id: string) => page.getByTestId(`task-${id}`);
const owner = (id: string) => task(id).getByRole("textbox", { name: "Owner" });
const status = (id: string) => task(id).getByRole("combobox", { name: "Status" });
const doneOn = (id: string) => task(id).getByLabel("Done on");

test("a roadmap generated for the workflow typed on the Assessment tab", async () => {
  await openTaskpane(page, suite.server.url);
  await page.getByRole("combobox", { name: "Workflow" }).fill(WORKFLOW);
  await showTab(page, "Roadmap");
  await expect(page.getByRole("combobox", { name: "Workflow" }).inputValue()).resolves.toBe(WORKFLOW);
  await page.getByLabel("Start date").fill("2024-02-01");
  await page.getByRole("button", { name: "Generate roadmap" }).click();
  await owner("foundation.owner").waitFor();
  const [roadmap] = (await planning())!.roadmaps;
  expect([roadmap.workflow, roadmap.startDate, roadmap.tasks.length]).toEqual([WORKFLOW, "2024-02-01", 15]);
  // Day 30 of a roadmap from 1 February 2024 is 1 March (2024 is a leap year).
  await expect(task("foundation.owner").textContent()).resolves.toMatch(/^2024-03-01: Name the one business owner/);
  await expect(page.getByRole("status").filter({ hasText: "has a roadmap" }).textContent()).resolves.toBe(
    `${WORKFLOW} has a roadmap starting 2024-02-01: 0 of 15 tasks done. Set owners, statuses and done dates below.`,
  );
});

test("task owners, statuses and done dates are saved and are there after a reload", async () => {
  await owner("foundation.owner").fill("Dana Ruiz");
  await status("foundation.owner").selectOption("In progress");
  await owner("foundation.baseline").fill("Sam");
  await status("foundation.baseline").selectOption("Done");
  await doneOn("foundation.baseline").fill("2024-02-20");
  const bar = page.getByRole("region", { name: "Unsaved task changes" });
  await expect(bar.textContent()).resolves.toContain("2 tasks changed, not saved yet.");
  await bar.getByRole("button", { name: "Save task changes" }).click();
  await bar.waitFor({ state: "detached" });

  const tasks = new Map((await planning())!.roadmaps[0].tasks.map((t) => [t.id, t]));
  expect(tasks.get("foundation.owner")).toEqual({
    id: "foundation.owner",
    owner: "Dana Ruiz",
    status: "In progress",
    doneDate: "",
  });
  expect(tasks.get("foundation.baseline")).toEqual({
    id: "foundation.baseline",
    owner: "Sam",
    status: "Done",
    doneDate: "2024-02-20",
  });

  await reopenTaskpane(page);
  await showTab(page, "Roadmap");
  await owner("foundation.owner").waitFor();
  await expect(owner("foundation.owner").inputValue()).resolves.toBe("Dana Ruiz");
  await expect(status("foundation.owner").inputValue()).resolves.toBe("In progress");
  await expect(owner("foundation.baseline").inputValue()).resolves.toBe("Sam");
  await expect(status("foundation.baseline").inputValue()).resolves.toBe("Done");
  await expect(doneOn("foundation.baseline").inputValue()).resolves.toBe("2024-02-20");
  await expect(page.getByRole("status").filter({ hasText: "has a roadmap" }).textContent()).resolves.toContain(
    "1 of 15 tasks done.",
  );
});

test("a scenario deleted comes back with Undo, under its own id and with its scores", async () => {
  await showTab(page, "Scenarios");
  const name = page.getByRole("textbox", { name: "Scenario name" });
  await name.fill("Plan A");
  await page.getByRole("button", { name: "Save scenario" }).click();
  await page.getByRole("checkbox", { name: "Plan A · " }).waitFor();
  // Typed scores start at 50% each; Measurement to 80: 0.5⁴ × 0.8 = 0.05 → "5.0%".
  await page.getByRole("textbox", { name: "Measurement %" }).fill("80");
  await name.fill("Plan B");
  await page.getByRole("button", { name: "Save scenario" }).click();
  await page.getByRole("checkbox", { name: "Plan B · 5.0%" }).waitFor();
  const [planA, planB] = (await planning())!.scenarios;
  expect([planA.name, planB.name]).toEqual(["Plan A", "Plan B"]);

  await page.getByRole("button", { name: "Delete “Plan A”" }).click();
  const notice = page.getByRole("group", { name: "Deleted the scenario “Plan A”." });
  await notice.waitFor();
  await expect(page.getByRole("checkbox", { name: "Plan A · " }).count()).resolves.toBe(0);
  await expect(planning().then((p) => p!.scenarios)).resolves.toEqual([planB]);

  await notice.getByRole("button", { name: "Undo" }).click();
  await page.getByRole("checkbox", { name: "Plan A · 3.1%" }).waitFor();
  await notice.waitFor({ state: "detached" });
  await expect(planning().then((p) => p!.scenarios)).resolves.toEqual([planB, planA]);
});

test("an ROI row to edit in the screenshots", async () => {
  await showTab(page, "ROI");
  const form = page.getByRole("form", { name: "ROI row" });
  await form.getByRole("textbox", { name: /^Metric/ }).fill("Handling time");
  await form.getByRole("textbox", { name: "Baseline value (per period)" }).fill("40");
  await form.getByLabel("Baseline captured on").fill("2026-03-01");
  await form.getByRole("button", { name: "Add ROI row" }).click();
  await page.getByTestId("roi-row").waitFor();
  await expect(planning().then((p) => p!.roi.map((r) => r.metric))).resolves.toEqual(["Handling time"]);
});

test("screenshots of the corrected panels at 320 and 400 px, light and dark; nothing scrolls sideways", async () => {
  const shot = async (name: string, width: number, scheme: string, fullPage = true) => {
    await page.screenshot({ path: path.join(ARTIFACTS, `correct-${name}-${width}-${scheme}.png`), fullPage });
    // The page is no wider than the pane: nothing needs scrolling sideways.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
  };
  for (const width of [320, 400]) {
    for (const scheme of ["light", "dark"] as const) {
      await reopenTaskpaneAt(page, width, scheme);

      // Scenarios: Plan B deleted (Undo offered), Plan A being renamed to Plan B's name.
      await showTab(page, "Scenarios");
      await page.getByRole("button", { name: "Delete “Plan B”" }).click();
      const undo = page.getByRole("group", { name: "Deleted the scenario “Plan B”." });
      await undo.waitFor();
      await page.getByRole("button", { name: "Edit “Plan A”" }).click();
      const edit = page.getByRole("form", { name: "Edit scenario “Plan A”" });
      await edit.getByRole("textbox", { name: "Name" }).fill("Plan B");
      // Plan B is deleted, so the name is free: no warning.
      await expect(edit.getByText(/already called/).count()).resolves.toBe(0);
      await page.getByRole("heading", { name: "Saved scenarios" }).scrollIntoViewIfNeeded();
      await shot("scenarios-undo", width, scheme);
      await undo.getByRole("button", { name: "Undo" }).click();
      await page.getByRole("checkbox", { name: "Plan B · 5.0%" }).waitFor();
      await edit.getByText(/already called “Plan B”/).waitFor();
      await page.getByRole("heading", { name: "Saved scenarios" }).scrollIntoViewIfNeeded();
      await shot("scenarios", width, scheme);
      await expectNoSeriousViolations(page, `Scenarios, ${width} px ${scheme}, editing with Undo offered`);
      await edit.getByRole("button", { name: "Cancel" }).click();

      // ROI: the row in the form, to edit.
      await showTab(page, "ROI");
      await page.getByRole("button", { name: "Edit the ROI row “Invoice triage · Handling time”" }).click();
      await page.getByTestId("roi-editing").waitFor();
      await shot("roi", width, scheme);
      await expectNoSeriousViolations(page, `ROI, ${width} px ${scheme}, a row in the form`);

      // Roadmap: one task changed and not saved, then the regenerate question.
      await showTab(page, "Roadmap");
      await owner("integration.embed").waitFor();
      await shot("roadmap-full", width, scheme);
      // As the pane shows it: the save bar at the bottom of the view, the field typed in above it.
      await owner("integration.embed").fill("Lee Chen");
      await page.getByRole("region", { name: "Unsaved task changes" }).waitFor();
      await shot("roadmap", width, scheme, false);
      await expectNoSeriousViolations(page, `Roadmap, ${width} px ${scheme}, a task changed`);
      await page.getByRole("button", { name: "Discard" }).click();
      await page.getByRole("button", { name: "Regenerate roadmap…" }).click();
      const question = page.getByRole("group", { name: `Regenerate the roadmap for ${WORKFLOW}?` });
      await question.waitFor();
      await shot("regenerate", width, scheme, false);
      await expectNoSeriousViolations(page, `Roadmap, ${width} px ${scheme}, the regenerate question open`);
      await question.getByRole("button", { name: "Keep it" }).click();
      await question.waitFor({ state: "detached" });
    }
  }
  for (const name of ["scenarios-undo", "scenarios", "roi", "roadmap-full", "roadmap", "regenerate"]) {
    for (const variant of ["320-light", "320-dark", "400-light", "400-dark"]) {
      expect(fs.statSync(path.join(ARTIFACTS, `correct-${name}-${variant}.png`)).size).toBeGreaterThan(1000);
    }
  }
  // Nothing was left half done: the screenshots changed nothing that was saved.
  const saved = (await planning())!;
  expect(saved.scenarios.map((s) => s.name).sort()).toEqual(["Plan A", "Plan B"]);
  expect(saved.roadmaps[0].tasks.find((t) => t.id === "integration.embed")!.owner).toBe("");
});

test("no request leaves the page's origin apart from office.js; no page errors", () => {
  expect(suite.session.foreignRequests(suite.server.url).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  expect(suite.pageErrors).toEqual([]);
});
