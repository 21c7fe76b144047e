// Narrow panes in the built task pane, in headless Chromium outside Excel: the browser store is
// seeded with several workflows (one with a 300-character name, and "Claims" beside "claims"),
// dated rounds with partial responses, saved scenarios, ROI rows whose baseline was captured after
// go-live, a roadmap and maturity records. At 320 and 360 px every tab is visited in each of its
// states (edit mode, confirm steps, import reviews, the scenario edit form, error notices, the save
// confirmation, validation messages); in each the document must be no wider than the viewport, and
// a text cut short with an ellipsis must carry its full wording in a title or accessible name.
// Every tab is photographed at 320 px, light and dark, into test-artifacts/narrow-*.png.
// One browser for the whole file; each width starts again from the same seeded store.
import fs from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { ROADMAP_TASKS, STATEMENTS } from "../../src/model";
import { openTaskpane, reopenTaskpane } from "./support/browser";
import { showTab, writeStore } from "./support/page";
import { ARTIFACTS, browserSuite } from "./support/suite";

// Chromium on a busy 2-core machine: the limit bounds a test; nothing here waits on time.
jest.setTimeout(420_000);

const TABS = ["Assessment", "Results", "Team & history", "Scenarios", "ROI", "Roadmap"] as const;
/** What each tab shows once its panel has loaded. */
const PANELS: Record<(typeof TABS)[number], { role: "form" | "region"; name: string }> = {
  Assessment: { role: "form", name: "Assessment" },
  Results: { role: "region", name: "Results" },
  "Team & history": { role: "region", name: "Team and history" },
  Scenarios: { role: "region", name: "Scenarios" },
  ROI: { role: "region", name: "ROI" },
  Roadmap: { role: "region", name: "Maturity and roadmap" },
};

const LONG =
  "Accounts payable invoice intake, three-way matching, exception routing and supplier query handling " +
  "across the shared service centres of the northern, central and southern regions, including the " +
  "subsidiaries acquired last year and the scanning vendor's hand-off, end to end for every currency";
const LONG_WORKFLOW = LONG.slice(0, 300);
const CLAIMS = "Claims";

const answersOf = (values: readonly number[]) => Object.fromEntries(values.map((v, i) => [STATEMENTS[i].id, v]));
const FULL_A = [4, 4, 4, 3, 3, 3, 3, 3, 3, 2, 2, 2, 3, 3, 3];
const FULL_B = [5, 4, 5, 4, 4, 4, 4, 3, 4, 3, 3, 3, 4, 4, 4];
const FULL_C = [1, 5, 1, 5, 1, 5, 1, 5, 1, 5, 1, 5, 1, 5, 1];
// Layers at 100% and at 0%: the widest figures the layer table's Min and Max columns can hold.
const FULL_D = [5, 5, 5, 5, 5, 5, 0, 0, 0, 5, 5, 5, 5, 5, 5];

const response = (id: string, workflow: string, date: string, respondent: string, answers: readonly number[]) => ({
  id,
  workflow,
  date,
  respondent,
  answers: answersOf(answers),
});

const RESPONSES = [
  response("c1", CLAIMS, "2026-01-12", "Ana", FULL_A),
  response("c2", CLAIMS, "2026-01-12", "Ben", FULL_B),
  response("c3", CLAIMS, "2026-04-13", "Cy", FULL_B),
  response("c4", CLAIMS, "2026-04-13", "Dee", FULL_C),
  response("c5", CLAIMS, "2026-04-13", "Maximiliana Wolkenstein-Oberhausen von Hohenzollern", FULL_A.slice(0, 8)),
  // A third complete response in April: the round is large enough to show its Min and Max.
  response("c7", CLAIMS, "2026-04-13", "Jo", FULL_D),
  response("c6", "claims", "2026-02-02", "Eve", FULL_A),
  response("l1", LONG_WORKFLOW, "2026-03-01", "Flo", FULL_B),
  response("l2", LONG_WORKFLOW, "2026-03-01", "Gus", FULL_C.slice(0, 10)),
  response("i1", "Invoice triage", "", "Hal", FULL_C),
];

const roi = (id: string, workflow: string, metric: string) => ({
  id,
  workflow,
  metric,
  unit: "minutes per claim",
  direction: "lower",
  baseline: 42,
  // Captured after go-live: its warning shows.
  baselineDate: "2026-03-20",
  goLiveDate: "2026-03-01",
  current: 30,
  valuePerUnit: 1.5,
  build: 20000,
  integrate: 5000,
  govern: 2500,
  maintain: 400,
  periods: 3,
  horizon: 24,
  discountRate: 0.01,
  expectedValue: 150000,
});

const TASKS = ROADMAP_TASKS.map((task, i) => ({
  id: task.id,
  owner: i === 0 ? "Maximiliana Wolkenstein-Oberhausen" : i % 3 === 0 ? "Ana" : "",
  status: i < 2 ? "Done" : i === 2 ? "In progress" : "Not started",
  doneDate: i < 2 ? "2026-05-02" : "",
}));

const PLANNING = {
  scenarios: [
    {
      id: "s1",
      name: "Measurement fixed first",
      workflow: CLAIMS,
      baseLabel: `${CLAIMS}, 2026-04-13 (team mean)`,
      baseScores: [0.8, 0.6, 0.6, 0.4, 0.6],
      scores: [0.8, 0.6, 0.6, 0.8, 0.6],
    },
    {
      id: "s2",
      name: `Everything at four for ${LONG_WORKFLOW.slice(0, 140)}`,
      workflow: LONG_WORKFLOW,
      baseLabel: `${LONG_WORKFLOW}, 2026-03-01 (team mean)`,
      baseScores: [0.8, 0.8, 0.8, 0.8, 0.8],
      scores: [0.8, 0.8, 0.8, 0.8, 0.9],
    },
  ],
  roi: [roi("r1", CLAIMS, "Handling time"), roi("r2", LONG_WORKFLOW, "Time from invoice receipt to approved payment")],
  maturity: [
    { workflow: CLAIMS, stage: 2, target: 4 },
    { workflow: LONG_WORKFLOW, stage: 1, target: 3 },
    { workflow: "claims", stage: 3, target: 4 },
  ],
  roadmaps: [
    { workflow: CLAIMS, startDate: "2026-04-20", sheetName: `AGAP Roadmap – ${CLAIMS}`, tasks: TASKS },
    { workflow: LONG_WORKFLOW, startDate: "2026-04-20", sheetName: "AGAP Roadmap – Accounts payable", tasks: TASKS },
  ],
};

// The draft on the form: Claims, eight statements answered.
const DRAFT = { workflow: CLAIMS, respondent: "Ivo", date: "2026-04-13", answers: answersOf(FULL_B.slice(0, 8)) };

// A survey export with a long workflow name and a long respondent address, for the survey review.
const field = (value: string | number) =>
  /[",\r\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value);
const SURVEY_CSV =
  [
    ["Timestamp", "Email address", "Which workflow is this about?", ...STATEMENTS.map((s) => s.text)],
    ["2026/04/20 9:05:31 AM GMT+2", "maximiliana.wolkenstein-oberhausen@example.org", LONG_WORKFLOW, ...FULL_A],
    ["2026/04/20 9:40:02 AM GMT+2", "di@example.org", CLAIMS, ...FULL_B.slice(0, 14), "strongly agree"],
  ]
    .map((row) => row.map(field).join(","))
    .join("\r\n") + "\r\n";

const suite = browserSuite({
  colorScheme: "light",
  viewport: { width: 320, height: 800 },
  artifacts: true,
  workFolder: "agap-narrow-",
});
let page: Page;

beforeAll(() => ({ page } = suite));

/** Seeds the store and starts the pane again, as a person opening it with this data would. */
async function seed(): Promise<void> {
  if (!page.url().startsWith(suite.server.url)) await openTaskpane(page, suite.server.url);
  await writeStore(
    page,
    { "agap.responses": RESPONSES, "agap.planning": PLANNING, "agap.draft": DRAFT },
    { clear: true },
  );
  await reopenTaskpane(page);
}

interface Overflow {
  viewport: number;
  scrollWidth: number;
  /** The elements whose right edge passes the viewport, deepest first: tag, classes, text. */
  widest: string[];
  /** Texts cut with an ellipsis or a line clamp whose full wording is nowhere to be read. */
  clipped: string[];
  /** Table cells whose text is wider than the cell. */
  spills: string[];
  /** Dates and figures with their unit broken across two lines ("2026-04-" / "20", "+1.83" / "pts"). */
  broken: string[];
  /** Visible texts drawn under 12 px. */
  small: string[];
}

/** Measures the document as it is now. */
const measure = (): Promise<Overflow> =>
  page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const describe = (el: Element) => {
      const r = el.getBoundingClientRect();
      const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 60);
      const cls = typeof el.className === "string" ? el.className.split(/\s+/).slice(0, 3).join(".") : "";
      return `<${el.tagName.toLowerCase()}${cls ? "." + cls : ""}> right ${Math.round(r.right)} width ${Math.round(r.width)} "${text}"`;
    };
    const widest: string[] = [];
    const clipped: string[] = [];
    const spills: string[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      const style = getComputedStyle(el);
      if (style.display === "none" || style.visibility === "hidden") continue;
      const r = el.getBoundingClientRect();
      // Beyond the right edge, and not only inside an ancestor that clips it.
      if (r.width > 0 && r.right > viewport + 0.5) {
        let clippedBy: Element | null = el.parentElement;
        while (clippedBy && clippedBy !== document.body) {
          const s = getComputedStyle(clippedBy);
          if (s.overflowX !== "visible" && clippedBy.getBoundingClientRect().right <= viewport + 0.5) break;
          clippedBy = clippedBy.parentElement;
        }
        if (!clippedBy || clippedBy === document.body) {
          const child = [...el.children].some((c) => c.getBoundingClientRect().right > viewport + 0.5);
          if (!child) widest.push(describe(el));
        }
      }
      // A text wider than its table cell runs into the next column ("Measurement43.3%").
      if (
        el.matches("td, th, [role=cell], [role=columnheader], [role=rowheader]") &&
        el.scrollWidth > el.clientWidth + 1
      ) {
        spills.push(describe(el));
      }
      const cut =
        (style.textOverflow === "ellipsis" && el.scrollWidth > el.clientWidth + 0.5) ||
        (style.webkitLineClamp !== "none" && style.webkitLineClamp !== "" && el.scrollHeight > el.clientHeight + 0.5);
      if (cut) {
        const full = (el.textContent ?? "").replace(/\s+/g, " ").trim();
        const holders = [el, el.parentElement, el.closest("[title]"), el.closest("[aria-label]")].filter(Boolean);
        const readable = holders.some(
          (h) =>
            (h!.getAttribute("title") ?? "").includes(full) || (h!.getAttribute("aria-label") ?? "").includes(full),
        );
        if (!readable) clipped.push(describe(el));
      }
    }
    // Every date and every figure with its unit in the page's text, each of which must sit on one line.
    const broken: string[] = [];
    const unbreakable = /\d{4}-\d{2}-\d{2}|[+\-−]?\d[\d.,]*\s?(?:pts|%)/g;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      for (const match of text.matchAll(unbreakable)) {
        const range = document.createRange();
        range.setStart(node, match.index ?? 0);
        range.setEnd(node, (match.index ?? 0) + match[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
        if (lines.size > 1) {
          const holder = node.parentElement?.closest("[aria-label], [data-testid]");
          const where = holder?.getAttribute("aria-label") ?? holder?.getAttribute("data-testid") ?? "the page";
          broken.push(`"${match[0]}" in "${text.replace(/\s+/g, " ").trim().slice(0, 60)}" (in ${where})`);
        }
      }
    }
    // Every visible text is 12 px or more (a visually hidden text, 1 px square, is not drawn).
    const small = new Set<string>();
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      const holder = node.parentElement;
      if (!holder || !(node.textContent ?? "").trim() || holder.closest("script, style, noscript, datalist")) continue;
      const box = holder.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1 || getComputedStyle(holder).visibility === "hidden") continue;
      const size = parseFloat(getComputedStyle(holder).fontSize);
      if (size < 12) small.add(`${describe(holder)} at ${size} px`);
    }
    return {
      viewport,
      scrollWidth: document.documentElement.scrollWidth,
      widest,
      clipped,
      spills,
      broken,
      small: [...small],
    };
  });

/** The problems of the page as it is now, in words; none when it fits and nothing is lost. */
async function problemsAt(where: string): Promise<string[]> {
  const m = await measure();
  const problems: string[] = [];
  if (m.scrollWidth > m.viewport) {
    problems.push(`${where}: the document is ${m.scrollWidth} px wide in a ${m.viewport} px pane; past the edge:`);
    problems.push(...m.widest.slice(0, 8).map((w) => `    ${w}`));
  }
  problems.push(...m.clipped.map((c) => `${where}: cut without its full text: ${c}`));
  problems.push(...m.spills.map((c) => `${where}: wider than its cell: ${c}`));
  problems.push(...m.broken.map((c) => `${where}: broken across two lines: ${c}`));
  problems.push(...m.small.map((c) => `${where}: text under 12 px: ${c}`));
  return problems;
}

/** Opens a tab and waits until its panel has loaded (panels load on demand). */
async function show(tab: (typeof TABS)[number]): Promise<void> {
  await showTab(page, tab);
  const { role, name } = PANELS[tab];
  await page.getByRole("tabpanel").getByRole(role, { name, exact: true }).waitFor();
  if (tab === "Team & history") await page.getByRole("button", { name: "Import backup…" }).waitFor();
}

/** Chooses a file through the button, as a person would. */
async function chooseFile(button: string, file: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.getByRole("button", { name: button }).click(),
  ]);
  await chooser.setFiles(file);
}

const workflowBox = () => page.getByRole("combobox", { name: "Workflow" });

/** Visits every tab and state, in order, and returns what does not fit. */
async function visitEverything(width: number): Promise<string[]> {
  const problems: string[] = [];
  const check = async (state: string) => problems.push(...(await problemsAt(`${width} px, ${state}`)));

  await page.setViewportSize({ width, height: 800 });
  await seed();
  // At first open, before any layer below the fold has been laid out.
  await check("Assessment at first open");

  // Validation: no workflow.
  await workflowBox().fill("");
  await page.getByRole("button", { name: "Save response" }).click();
  await page.getByText("Name the workflow before saving.").first().waitFor();
  await check("Assessment, no workflow");

  // The long name on the form.
  await workflowBox().fill(LONG_WORKFLOW);
  await check("Assessment, the long workflow name");

  // Save the partial draft: the confirm step, then the confirmation.
  await workflowBox().fill(CLAIMS);
  await page.getByRole("button", { name: "Save response" }).click();
  await page.getByRole("button", { name: "Save as partial" }).waitFor();
  await check("Assessment, save as partial?");
  await page.getByRole("button", { name: "Save as partial" }).click();
  await page.getByText("Saved Ivo's response for Claims as partial (8 of 15 answered).").waitFor();
  await check("Assessment, saved");

  await show("Results");
  await check("Results, no draft");

  // Team & history of Claims.
  await show("Assessment");
  await workflowBox().fill(CLAIMS);
  await show("Team & history");
  await page.getByRole("table", { name: "Responses", exact: true }).waitFor();
  await check("Team & history");

  // Edit mode on the form, with an unsaved change; another Edit asks first.
  await page.getByRole("button", { name: "Edit Cy's response" }).click();
  await page.getByRole("button", { name: "Cancel edit" }).first().waitFor();
  await check("Assessment, editing a response");
  await page.getByRole("radiogroup").first().getByRole("radio", { name: "1", exact: true }).check();
  await show("Results");
  await check("Results, with the edited response");
  await show("Team & history");
  await page.getByRole("button", { name: "Edit Dee's response" }).click();
  await page.getByRole("button", { name: "Discard changes and edit" }).waitFor();
  await check("Team & history, discard changes?");
  await page.getByRole("button", { name: "Keep my changes" }).click();
  await show("Assessment");
  await page.getByRole("button", { name: "Cancel edit" }).first().click();
  await page.getByRole("button", { name: "Discard changes" }).first().click();
  await page.getByRole("button", { name: "Save response" }).waitFor();

  // A delete, with Undo.
  await show("Team & history");
  await page.getByRole("button", { name: "Delete Dee's response" }).click();
  await page.getByRole("button", { name: "Undo" }).waitFor();
  await check("Team & history, deleted with Undo");

  // Import: a survey export to review.
  const csv = path.join(suite.work, "Survey of the accounts payable and claims teams, spring round (Responses).csv");
  fs.writeFileSync(csv, SURVEY_CSV);
  await chooseFile("Import survey responses…", csv);
  await page.getByRole("heading", { name: /^Survey responses from/ }).waitFor();
  await check("Team & history, survey review");
  await page.getByRole("button", { name: "Cancel" }).click();
  // A backup to review.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export backup" }).click(),
  ]);
  const backup = path.join(suite.work, "agap-backup-of-the-accounts-payable-and-claims-teams.json");
  await download.saveAs(backup);
  await chooseFile("Import backup…", backup);
  await page.getByRole("heading", { name: /^Backup/ }).waitFor();
  await check("Team & history, backup review");
  await page.getByRole("button", { name: "Close" }).click();

  // Team & history of the long name.
  await show("Assessment");
  await workflowBox().fill(LONG_WORKFLOW);
  await show("Team & history");
  await page.getByRole("table", { name: "Responses", exact: true }).waitFor();
  await check("Team & history, the long workflow name");

  // Scenarios of the long name, then of Claims.
  await show("Scenarios");
  await page.getByRole("list", { name: "Saved scenarios" }).waitFor();
  await check("Scenarios, the long workflow name");
  await show("Assessment");
  await workflowBox().fill(CLAIMS);
  await show("Scenarios");
  await page.getByRole("list", { name: "Saved scenarios" }).waitFor();
  await check("Scenarios");
  await page.getByRole("textbox", { name: "Measurement %" }).fill("abc");
  await check("Scenarios, a score that is not a number");
  await page.getByRole("textbox", { name: "Measurement %" }).fill("80");
  await page.getByRole("textbox", { name: "Scenario name" }).fill("Measurement at eighty, with the rest as they are");
  await page.getByRole("button", { name: "Save scenario" }).click();
  await page
    .getByText("Saved “Measurement at eighty, with the rest as they are”. It is listed under Saved scenarios, below.")
    .waitFor();
  await check("Scenarios, saved");
  // Side by side, with the long name as a column head.
  await page.getByRole("checkbox", { name: /^Measurement fixed first/ }).check();
  await page.getByRole("checkbox", { name: /^Everything at four/ }).check();
  await page.getByRole("table", { name: "Scenarios side by side" }).waitFor();
  await check("Scenarios, two side by side");
  // Two scenarios do not fit beside the layer names in so narrow a pane: the table scrolls in its
  // frame, and a line above it says so, for a scroll bar is easy to miss.
  const frame = page.getByRole("region", { name: "Scenarios side by side, scrolls sideways" });
  await expect(frame.evaluate((el) => el.scrollWidth > el.clientWidth + 1)).resolves.toBe(true);
  await expect(page.getByTestId("side-by-side-scrolls").textContent()).resolves.toBe(
    "The pane is too narrow for every column: scroll the table below sideways to see the other scenarios.",
  );
  await page.getByRole("checkbox", { name: /^Everything at four/ }).uncheck();
  await page.getByRole("checkbox", { name: /^Measurement fixed first/ }).uncheck();
  await page.getByRole("button", { name: /^Edit “Everything at four/ }).click();
  const saved = page.getByRole("list", { name: "Saved scenarios" });
  await saved.getByRole("group", { name: "Layer scores" }).waitFor();
  await check("Scenarios, editing a saved scenario");
  await saved.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: /^Delete “Everything at four/ }).click();
  await page.getByText(/^Deleted the scenario/).waitFor();
  await check("Scenarios, deleted with Undo");

  // ROI: rows with warnings, a row in the form, validation.
  await show("ROI");
  await page.getByTestId("roi-row").first().waitFor();
  await check("ROI");
  await page.getByRole("button", { name: /^Edit the ROI row .*Accounts payable/ }).click();
  await page.getByTestId("roi-editing").waitFor();
  await check("ROI, editing the long row");
  await page.getByRole("button", { name: "New row" }).click();
  await page.getByRole("button", { name: "Add ROI row" }).click();
  await page.getByText("Name the metric.").waitFor();
  await check("ROI, a row with nothing filled in");

  // Roadmap: maturity, the portfolio, the roadmap of Claims; a confirm step.
  await show("Roadmap");
  await page.getByRole("table", { name: "Portfolio" }).waitFor();
  const roadmapOf = (workflow: string) =>
    page
      .getByRole("region", { name: "Maturity and roadmap" })
      .getByRole("combobox", { name: "Workflow" })
      .selectOption(workflow);
  await roadmapOf(LONG_WORKFLOW);
  await page.getByText(/has a roadmap starting 2026-04-20/).waitFor();
  await check("Roadmap, the long workflow name");
  await roadmapOf(CLAIMS);
  await page.getByText(`${CLAIMS} has a roadmap starting 2026-04-20`, { exact: false }).waitFor();
  await check("Roadmap");
  await page.getByRole("combobox", { name: "Status" }).first().selectOption("Blocked");
  await page.getByRole("region", { name: "Unsaved task changes" }).waitFor();
  await check("Roadmap, a task changed and not saved");
  await page.getByRole("button", { name: "Delete roadmap…" }).click();
  await page.getByRole("button", { name: "Delete roadmap" }).waitFor();
  await check("Roadmap, delete the roadmap?");

  return problems;
}

test.each([320, 360])("at %i px, no tab or state scrolls sideways, and no shortened name is lost", async (width) => {
  const problems = await visitEverything(width);
  expect(problems).toEqual([]);
  expect(suite.pageErrors).toEqual([]);
});

test("at 320 px the 300-character name is cut to a line or two wherever it is shown, and is there in full", async () => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.emulateMedia({ colorScheme: "light" });
  await seed();
  await workflowBox().fill(LONG_WORKFLOW);
  const problems: string[] = [];
  let shown = 0;
  for (const tab of ["Team & history", "Scenarios", "ROI", "Roadmap"] as const) {
    await show(tab);
    // Every element drawing the whole name in its own text (not an input's value or an option).
    const places = await page.getByRole("tabpanel").evaluate((panel, name) => {
      const own = (el: Element) =>
        [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join("");
      return [...panel.querySelectorAll("*")]
        .filter((el) => own(el).includes(name) && !el.closest("select, option"))
        .map((el) => {
          const lineHeight = parseFloat(getComputedStyle(el).lineHeight);
          return {
            tag: el.tagName.toLowerCase(),
            lines: Math.round(el.getBoundingClientRect().height / lineHeight),
            title: el.getAttribute("title") ?? el.closest("[title]")?.getAttribute("title") ?? "",
          };
        });
    }, LONG_WORKFLOW);
    shown += places.length;
    for (const place of places) {
      if (place.lines > 2) problems.push(`${tab}: <${place.tag}> shows the name on ${place.lines} lines`);
      if (!place.title.includes(LONG_WORKFLOW)) problems.push(`${tab}: <${place.tag}> has no title with the name`);
    }
  }
  // Team heading, scenario hint, ROI row, the roadmap's status line and the portfolio row.
  expect(shown).toBeGreaterThanOrEqual(5);
  expect(problems).toEqual([]);
  // Read in full: the heading's accessible name holds the whole name.
  await show("Team & history");
  await page.getByRole("heading", { name: `${LONG_WORKFLOW}, round 2026-03-01: 2 responses, 1 partial` }).waitFor();
});

test("every tab at 320 px, light and dark, photographed, fits; the Portfolio keeps four columns at 560 px", async () => {
  const problems: string[] = [];
  for (const scheme of ["light", "dark"] as const) {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.emulateMedia({ colorScheme: scheme });
    // The theme is chosen at start-up.
    await seed();
    await workflowBox().fill(LONG_WORKFLOW);
    for (const tab of TABS) {
      await show(tab);
      problems.push(...(await problemsAt(`320 px, ${scheme}, ${tab}`)));
      const slug = tab.toLowerCase().replace(/[^a-z]+/g, "-");
      await page.screenshot({ path: path.join(ARTIFACTS, `narrow-${slug}-${scheme}.png`), fullPage: true });
      // Close-ups of where the long name is shortened.
      const closeUp =
        tab === "Roadmap"
          ? page.getByRole("table", { name: "Portfolio" })
          : tab === "Scenarios"
            ? page.getByRole("list", { name: "Saved scenarios" })
            : tab === "ROI"
              ? page.getByTestId("roi-row").last()
              : null;
      if (closeUp) await closeUp.screenshot({ path: path.join(ARTIFACTS, `narrow-${slug}-detail-${scheme}.png`) });
    }
  }
  // Wider panes keep the Portfolio's four columns, one line per workflow.
  await page.setViewportSize({ width: 560, height: 800 });
  await page.emulateMedia({ colorScheme: "light" });
  await seed();
  await show("Roadmap");
  problems.push(...(await problemsAt("560 px, Roadmap")));
  await page
    .getByRole("table", { name: "Portfolio" })
    .screenshot({ path: path.join(ARTIFACTS, "narrow-roadmap-detail-560-light.png") });
  expect(problems).toEqual([]);
});
