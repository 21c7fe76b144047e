// Import in the built task pane, in headless Chromium outside Excel (browser stores): a backup
// exported from one browser profile and imported into a fresh one brings every record, a second
// import adds nothing, and a survey CSV with two bad rows reports them. Screenshots of the import
// reviews at 320 and 400 px, light and dark, go to test-artifacts/.
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { ROADMAP_TASKS, STATEMENTS } from "../../src/model";
import { openTaskpane, reopenTaskpane, reopenTaskpaneAt, type Session } from "./support/browser";
import { expectNoSeriousViolations, showTab, writeStore } from "./support/page";
import { ARTIFACTS, browserSuite } from "./support/suite";

jest.setTimeout(90_000);

const WORKFLOW = "Invoice triage";
const ANA = [4, 4, 4, 3, 3, 3, 2, 3, 2, 2, 2, 2, 3, 3, 2];
const BEN = [1, 2, 3, 4, 3, 2, 3, 3, 3, 2, 2, 2, 3, 2, 3];
const answers = (list: readonly number[]) => Object.fromEntries(STATEMENTS.map((s, i) => [s.id, list[i]]));

/** What profile A holds: every kind of record, a roadmap with owners, statuses and a done date. */
const RESPONSES = [
  { id: "r-ana", workflow: WORKFLOW, respondent: "Ana", date: "2026-03-15", answers: answers(ANA) },
  { id: "r-ben", workflow: WORKFLOW, respondent: "Ben", date: "2026-03-15", answers: answers(BEN) },
];
const PLANNING = {
  scenarios: [
    {
      id: "s-1",
      name: "Measurement to 50%",
      workflow: WORKFLOW,
      baseLabel: `${WORKFLOW}, 2026-03-15 (team mean)`,
      baseScores: [0.8, 0.6, 0.5, 0.4, 0.5],
      scores: [0.8, 0.6, 0.5, 0.5, 0.5],
    },
  ],
  roi: [
    {
      id: "roi-1",
      workflow: WORKFLOW,
      metric: "Handling time",
      unit: "hours",
      direction: "lower",
      baseline: 40,
      baselineDate: "2026-03-01",
      goLiveDate: "2026-03-10",
      current: 25,
      valuePerUnit: 60,
      build: 2900,
      integrate: 1000,
      govern: 500,
      maintain: 50,
      periods: 12,
      horizon: 12,
      discountRate: 0.01,
      expectedValue: null,
    },
  ],
  maturity: [{ workflow: WORKFLOW, stage: 2, target: 4 }],
  roadmaps: [
    {
      workflow: WORKFLOW,
      startDate: "2026-04-01",
      sheetName: `AGAP Roadmap – ${WORKFLOW}`,
      tasks: ROADMAP_TASKS.map((task, i) => ({
        id: task.id,
        owner: i === 0 ? "Ana" : i === 1 ? "Ben" : "",
        status: i === 0 ? "Done" : i === 1 ? "In progress" : "Not started",
        doneDate: i === 0 ? "2026-04-05" : "",
      })),
    },
  ],
};

// A Google Forms CSV: Timestamp, the email, a workflow question, then the statements. Rows 4 and 5 are bad.
const field = (value: string | number) =>
  /[",\r\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value);
const SURVEY_CSV =
  [
    ["Timestamp", "Email address", "Which workflow is this about?", ...STATEMENTS.map((s) => s.text)],
    ["2026/04/20 9:05:31 AM GMT+2", "cy@example.org", "Claims", ...ANA],
    ["2026/04/20 9:40:02 AM GMT+2", "di@example.org", "Claims", ...BEN.slice(0, 14), "strongly agree"],
    ["2026/04/20 10:12:40 AM GMT+2", "ed@example.org", "Claims", ...ANA.slice(0, 5), 6, ...ANA.slice(6)],
    ["2026/04/20 11:00:00 AM GMT+2", "flo@example.org", "", ...BEN],
  ]
    .map((row) => row.map(field).join(","))
    .join("\r\n") + "\r\n";

// Two profiles, each opened by its test: the one exported from, then a fresh one imported into.
const suite = browserSuite({ noBrowser: true, artifacts: true, workFolder: "agap-import-" });
let first: Session;
let fresh: Session;
let page: Page;
let backupFile: string;

const stored = (target: Page) =>
  target.evaluate(() => ({
    responses: JSON.parse(localStorage.getItem("agap.responses") ?? "[]") as unknown[],
    planning: JSON.parse(localStorage.getItem("agap.planning") ?? "{}") as Record<string, unknown[]>,
  }));

/** Chooses a file through the button, as a person would. */
async function chooseFile(target: Page, button: string, file: string): Promise<void> {
  const [chooser] = await Promise.all([
    target.waitForEvent("filechooser"),
    target.getByRole("button", { name: button }).click(),
  ]);
  await chooser.setFiles(file);
}

/**
 * The right edge of the Export and Import sections and everything in them, and the widest of their
 * scroll widths over client widths: both within the pane mean nothing of them needs sideways scrolling.
 */
const importWidth = (target: Page) =>
  target.evaluate(() => {
    const roots = [...document.querySelectorAll("section")].filter((section) =>
      ["Export", "Import"].includes(section.querySelector(":scope > h3")?.textContent ?? ""),
    );
    let right = 0;
    let overflow = 0;
    for (const root of roots) {
      for (const element of [root, ...root.querySelectorAll("*")]) {
        right = Math.max(right, element.getBoundingClientRect().right);
        // A select or input clips its own text inside its box; that is no sideways scroll.
        if (!["SELECT", "OPTION", "INPUT"].includes(element.tagName)) {
          overflow = Math.max(overflow, element.scrollWidth - element.clientWidth);
        }
      }
    }
    return { sections: roots.length, right, overflow };
  });

const listItems = (target: Page, name: string) =>
  target.getByRole("list", { name, exact: true }).locator(":scope > li").allTextContents();

test("exports a backup of every record from one browser profile", async () => {
  let source: Page;
  ({ session: first, page: source } = await suite.openProfile({ colorScheme: "light" }));
  await openTaskpane(source, suite.server.url);
  await writeStore(source, { "agap.responses": RESPONSES, "agap.planning": PLANNING });
  await reopenTaskpane(source);
  await showTab(source, "Team & history");
  // The pane says what each export holds, next to the buttons.
  await source.getByText("CSV and JSON hold the responses only.", { exact: false }).waitFor();
  const [download] = await Promise.all([
    source.waitForEvent("download"),
    source.getByRole("button", { name: "Export backup" }).click(),
  ]);
  expect(await download.failure()).toBeNull();
  expect(download.suggestedFilename()).toMatch(/^agap-backup-\d{4}-\d{2}-\d{2}\.json$/);
  backupFile = path.join(suite.work, download.suggestedFilename());
  await download.saveAs(backupFile);
  const backup = JSON.parse(fs.readFileSync(backupFile, "utf8"));
  expect([backup.format, backup.version]).toEqual(["agap-backup", 1]);
  expect(backup.responses).toEqual(RESPONSES);
  expect(backup.scenarios).toEqual(PLANNING.scenarios);
  expect(backup.roi).toEqual(PLANNING.roi);
  expect(backup.maturity).toEqual(PLANNING.maturity);
  expect(backup.roadmaps).toEqual(PLANNING.roadmaps);
});

test("imports it into a fresh profile: every record is there", async () => {
  ({ session: fresh, page } = await suite.openProfile({ colorScheme: "light" }));
  await openTaskpane(page, suite.server.url);
  expect(await stored(page)).toEqual({ responses: [], planning: {} });
  await showTab(page, "Team & history");
  await chooseFile(page, "Import backup…", backupFile);
  await page.getByRole("heading", { name: `Backup “${path.basename(backupFile)}”` }).waitFor();
  await expect(listItems(page, "What the file would change")).resolves.toEqual([
    "New here, to be added: 2 responses, 1 scenario, 1 ROI row, 1 maturity stage, 1 roadmap.",
  ]);
  // Nothing is saved before the import is confirmed.
  expect(await stored(page)).toEqual({ responses: [], planning: {} });
  await page.getByRole("button", { name: "Import 6 records" }).click();
  await page.getByText("Imported: added 2 responses, 1 scenario, 1 ROI row, 1 maturity stage, 1 roadmap.").waitFor();

  const after = await stored(page);
  expect(after.responses).toEqual(RESPONSES);
  expect(after.planning).toEqual(PLANNING);

  // The pane reads its records again at once: no reload is asked for, and the team result is there.
  await expect(page.getByRole("button", { name: "Reload now" }).count()).resolves.toBe(0);
  await showTab(page, "Assessment");
  await page.getByRole("combobox", { name: "Workflow" }).fill(WORKFLOW);
  await showTab(page, "Team & history");
  await page.getByRole("heading", { name: `${WORKFLOW}, round 2026-03-15: 2 responses` }).waitFor();
});

test("imports the same file again: nothing is added or duplicated", async () => {
  const before = await stored(page);
  await chooseFile(page, "Import backup…", backupFile);
  await page.getByRole("heading", { name: `Backup “${path.basename(backupFile)}”` }).waitFor();
  await expect(listItems(page, "What the file would change")).resolves.toEqual([
    "No record in the file is new here.",
    "Already here and the same: 6 records.",
  ]);
  await page.getByText("Nothing to import: every record in the file that can be imported is already here.").waitFor();
  await expect(page.getByRole("button", { name: "Import", exact: true }).isDisabled()).resolves.toBe(true);
  await page.getByRole("button", { name: "Close" }).click();
  expect(await stored(page)).toEqual(before);
});

test("imports a survey CSV with two bad rows: the report lists them, the good rows are saved", async () => {
  const csv = path.join(suite.work, "Team survey (Responses).csv");
  fs.writeFileSync(csv, SURVEY_CSV);
  await chooseFile(page, "Import survey responses…", csv);
  await page.getByRole("heading", { name: "Survey responses from “Team survey (Responses).csv”" }).waitFor();
  await expect(page.getByRole("combobox", { name: "Workflow", exact: true }).inputValue()).resolves.toBe("2");
  await expect(page.getByRole("combobox", { name: "Respondent" }).inputValue()).resolves.toBe("1");
  await expect(page.getByRole("combobox", { name: "Date", exact: true }).inputValue()).resolves.toBe("0");
  await expect(listItems(page, "Rows not imported")).resolves.toEqual([
    "Row 4: Workflow 3 (column I): “6” is outside 0 to 5.",
    "Row 5: the workflow (column C) is empty.",
  ]);
  await expect(listItems(page, "Import summary")).resolves.toEqual([
    "2 responses to import.",
    "2 rows cannot be imported; the reasons are listed below.",
  ]);
  const preview = await listItems(page, "Preview of the responses");
  expect(preview).toHaveLength(2);
  expect(preview[0]).toMatch(/^Row 2: cy@example\.orgClaims · 2026-04-20 · 15 of 15 answered/);
  expect(preview[1]).toMatch(/Adoption 3 2 5$/);
  await page.screenshot({ path: path.join(ARTIFACTS, "import-survey-review.png"), fullPage: true });

  const before = await stored(page);
  expect(before.responses).toHaveLength(2);
  await page.getByRole("button", { name: "Import 2 responses" }).click();
  await page.getByText("Imported 2 responses.").waitFor();
  const after = await stored(page);
  expect(after.responses.slice(0, 2)).toEqual(RESPONSES);
  expect(
    (after.responses.slice(2) as { workflow: string; respondent: string; date: string }[]).map((r) => [
      r.workflow,
      r.respondent,
      r.date,
    ]),
  ).toEqual([
    ["Claims", "cy@example.org", "2026-04-20"],
    ["Claims", "di@example.org", "2026-04-20"],
  ]);
});

test("imports a Microsoft Forms .xlsx: the workbook is read in the browser, one workflow typed for the file", async () => {
  // Forms' layout: ID, Start time, Completion time, Email, Name, then one column per question.
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  sheet.addRow(["ID", "Start time", "Completion time", "Email", "Name", ...STATEMENTS.map((s) => s.text)]);
  const at = (hour: number) => new Date(Date.UTC(2026, 4, 6, hour, 30, 0));
  sheet.addRow([1, at(9), at(10), "gus@example.org", "Gus", ...ANA]);
  sheet.addRow([
    2,
    at(11),
    at(11),
    "anonymous",
    "anonymous",
    ...BEN.map((a) => (a === 0 ? "0 · strongly disagree" : a)),
  ]);
  const file = path.join(suite.work, "AGAP team survey(1-2).xlsx");
  fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));

  const before = (await stored(page)).responses.length;
  await chooseFile(page, "Import survey responses…", file);
  await page.getByRole("heading", { name: "Survey responses from “AGAP team survey(1-2).xlsx”" }).waitFor();
  await page.getByText("Read from the sheet “Sheet1”.").waitFor();
  await page.getByText("Statements: 15 of 15 matched to columns").waitFor();
  await expect(page.getByRole("combobox", { name: "Date", exact: true }).inputValue()).resolves.toBe("2");
  await expect(page.getByRole("combobox", { name: "Respondent" }).inputValue()).resolves.toBe("4");
  await page.getByRole("textbox", { name: "Workflow of every row" }).fill("Claims");
  await expect(listItems(page, "Preview of the responses")).resolves.toEqual([
    "Row 2: GusClaims · 2026-05-06 · 15 of 15 answeredStrategy 4 4 4 · Workflow 3 3 3 · Oversight 2 3 2 · Measurement 2 2 2 · Adoption 3 3 2",
    "Row 3: anonymousClaims · 2026-05-06 · 15 of 15 answeredStrategy 1 2 3 · Workflow 4 3 2 · Oversight 3 3 3 · Measurement 2 2 2 · Adoption 3 2 3",
  ]);
  await page.getByRole("button", { name: "Import 2 responses" }).click();
  await page.getByText("Imported 2 responses.").waitFor();
  expect((await stored(page)).responses).toHaveLength(before + 2);
});

test("the import reviews have no serious accessibility problem and fit 320 and 400 px panes, light and dark", async () => {
  const csv = path.join(suite.work, "Team survey (Responses).csv");
  // A colleague's copy where Ana's response was corrected: a record that differs.
  const theirs = JSON.parse(fs.readFileSync(backupFile, "utf8"));
  theirs.responses[0].respondent = "Ana Lima";
  theirs.roadmaps[0].tasks[2] = { ...theirs.roadmaps[0].tasks[2], owner: "Cy", status: "Blocked" };
  const changed = path.join(suite.work, "agap-backup-from-a-colleague.json");
  fs.writeFileSync(changed, JSON.stringify(theirs, null, 2));
  const expectWithin = async (width: number) => {
    const { sections, right, overflow } = await importWidth(page);
    expect(sections).toBe(2);
    expect(right).toBeLessThanOrEqual(width);
    expect(overflow).toBeLessThanOrEqual(0);
  };

  for (const width of [320, 400]) {
    for (const scheme of ["light", "dark"] as const) {
      await reopenTaskpaneAt(page, width, scheme);
      await showTab(page, "Team & history");

      await chooseFile(page, "Import survey responses…", csv);
      await page.getByRole("heading", { name: /^Survey responses from/ }).waitFor();
      await page.screenshot({ path: path.join(ARTIFACTS, `import-survey-${width}-${scheme}.png`), fullPage: true });
      await expectWithin(width);
      if (width === 400) {
        await expectNoSeriousViolations(page, `survey review, ${scheme}`);
      }
      await page.getByRole("button", { name: "Cancel" }).click();

      await chooseFile(page, "Import backup…", changed);
      await page.getByRole("radiogroup", { name: "Ana Lima's response for Invoice triage, 2026-03-15" }).waitFor();
      await page.screenshot({ path: path.join(ARTIFACTS, `import-backup-${width}-${scheme}.png`), fullPage: true });
      await expectWithin(width);
      if (width === 400) {
        await expectNoSeriousViolations(page, `backup review, ${scheme}`);
      }
      await page.getByRole("button", { name: "Cancel" }).click();
    }
  }
  for (const name of ["survey", "backup"]) {
    for (const variant of ["320-light", "320-dark", "400-light", "400-dark"]) {
      expect(fs.statSync(path.join(ARTIFACTS, `import-${name}-${variant}.png`)).size).toBeGreaterThan(1000);
    }
  }
}, 240_000);

test("no request leaves the page's origin apart from office.js; no page errors", () => {
  expect(first.foreignRequests(suite.server.url).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  expect(fresh.foreignRequests(suite.server.url).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  expect(suite.pageErrors).toEqual([]);
});
