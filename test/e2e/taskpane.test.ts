// The built task pane in headless Chromium, as it runs outside Excel (preview with a local store).
// One browser for the whole file; the tests run in order on one page, each building on the last.
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { OFFICE_CDN, ROOT, openTaskpane, waitForSurvey } from "./support/browser";
import { AXE, answerStatements, seriousViolations, showTab } from "./support/page";
import { ARTIFACTS, browserSuite } from "./support/suite";

jest.setTimeout(60_000);

// The README's picture of the pane; rewritten only when asked (npm run docs:screenshot), so that a
// test run leaves the tracked files as they were.
const DOCS_SCREENSHOT = path.join(ROOT, "docs/screenshot-taskpane.png");
const UPDATE_DOCS_SCREENSHOT = process.env.AGAP_UPDATE_DOCS_SCREENSHOT === "1";

const WORKFLOW = "Invoice triage";
// Respondent 1, typed with the keyboard alone. Layer scores are the mean answer over 5:
//   Strategy 4,4,4 → 12/15 = 0.8; Workflow 3,3,3 → 9/15 = 0.6; Oversight 2,3,2 → 7/15 = 0.4667;
//   Measurement 2,2,2 → 6/15 = 0.4; Adoption 3,3,2 → 8/15 = 0.5333.
// Realized = 0.8 × 0.6 × 7/15 × 0.4 × 8/15 = 0.192 × 56/225 = 10.752/225 = 0.047786… → "4.8%";
// gap = 1 − 0.047786… = 0.952213… → "95.2%", at least 0.90 → Critical; weakest layer Measurement.
const ANA = [4, 4, 4, 3, 3, 3, 2, 3, 2, 2, 2, 2, 3, 3, 2];
const ANA_SCORES = [12 / 15, 9 / 15, 7 / 15, 6 / 15, 8 / 15];
const ANA_REALIZED = 10.752 / 225;
// Respondent 2, by mouse: statement 1 is 1 against Ana's 4 (3 apart, flagged) and Measurement is 3,3,3.
//   Scores 0.6, 0.6, 7/15, 0.6, 8/15; realized = 0.216 × 56/225 = 12.096/225 = 0.05376.
// Team Strategy: mean (0.8 + 0.6)/2 = 70.0%, min 60.0%, max 80.0%.
const BEN = [1, 4, 4, 3, 3, 3, 2, 3, 2, 3, 3, 3, 3, 3, 2];
const BEN_SCORES = [9 / 15, 9 / 15, 7 / 15, 9 / 15, 8 / 15];
const BEN_REALIZED = 12.096 / 225;
const LAYER_IDS = ["strategy", "workflow", "oversight", "measurement", "adoption"];
const LAYER_SHORT = ["Strategy", "Workflow", "Oversight", "Measurement", "Adoption"];

const suite = browserSuite({ colorScheme: "light", artifacts: true });
let page: Page;
let savedDraft: string | null = null;

beforeAll(() => ({ page } = suite));

/** What the focused element (or the one selected) is, and which focus indicator is drawn for it. */
function focusState(target: Page, selector?: string) {
  return target.evaluate(async (selector) => {
    const active = (selector ? document.querySelector(selector) : document.activeElement) as HTMLElement | null;
    // Fluent animates focus underlines in; measure the end state of those around the element.
    const around = document.getAnimations().filter((a) => {
      const target = (a.effect as KeyframeEffect | null)?.target;
      return target && active && target.contains(active) && Number.isFinite(a.effect?.getComputedTiming().endTime);
    });
    await Promise.race([
      Promise.all(around.map((a) => a.finished.catch(() => null))),
      new Promise((r) => setTimeout(r, 1000)),
    ]);
    if (!active || active === document.body) return null;
    const group = active.closest('[role="radiogroup"]');
    const labelId = group?.getAttribute("aria-labelledby");
    const groupLabel = labelId ? (document.getElementById(labelId)?.textContent ?? "") : "";
    // Fluent marks keyboard focus on the element (data-fui-focus-visible) or on the component
    // root (data-fui-focus-within-visible), and draws the indicator there or on its ::after.
    const marked = active.closest("[data-fui-focus-visible], [data-fui-focus-within-visible]") as HTMLElement | null;
    const drawn: string[] = [];
    // The indicator may sit on a wrapper (Fluent's Input draws an underline on the
    // root's ::after, scaled to 0 until focused), so look a few levels up, skipping hidden ones.
    const opaque = (color: string) => !/^transparent$|rgba\([^)]*,\s*0\)$/.test(color.trim());
    let el: HTMLElement | null = active;
    for (let level = 0; el && level < 4; level++, el = el.parentElement) {
      for (const pseudo of [null, "::after", "::before"]) {
        const s = getComputedStyle(el, pseudo);
        if (pseudo && s.content === "none") continue;
        if (s.visibility === "hidden" || s.opacity === "0" || /^matrix\(0,/.test(s.transform)) continue;
        const what = `${el.tagName.toLowerCase()}${pseudo ?? ""}`;
        if (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 && opaque(s.outlineColor))
          drawn.push(`${what} outline ${s.outlineWidth} ${s.outlineColor}`);
        if (s.boxShadow !== "none" && /rgb\(|rgba\((?![^)]*,\s*0\))/.test(s.boxShadow))
          drawn.push(`${what} box-shadow ${s.boxShadow}`);
        if (pseudo) {
          for (const side of ["Top", "Right", "Bottom", "Left"] as const) {
            const style = s[`border${side}Style`];
            const width = s[`border${side}Width`];
            const color = s[`border${side}Color`];
            if (style !== "none" && parseFloat(width) > 0 && opaque(color)) {
              drawn.push(`${what} border-${side.toLowerCase()} ${width} ${color}`);
              break;
            }
          }
        }
      }
    }
    return {
      tag: active.tagName.toLowerCase(),
      type: active.getAttribute("type"),
      role: active.getAttribute("role"),
      label: active.getAttribute("aria-label") ?? (active as HTMLInputElement).labels?.[0]?.textContent ?? "",
      value: (active as HTMLInputElement).value,
      checked: (active as HTMLInputElement).checked,
      groupLabel,
      // Native controls mark keyboard focus with :focus-visible instead.
      marked: marked !== null || active.matches(":focus-visible"),
      drawn,
    };
  }, selector);
}

type Focus = NonNullable<Awaited<ReturnType<typeof focusState>>>;

/** Presses Tab until the focused element matches; fails after a few presses. */
async function tabTo(target: Page, matches: (focus: Focus) => boolean, what: string): Promise<Focus> {
  for (let i = 0; i < 12; i++) {
    await target.keyboard.press("Tab");
    const focus = await focusState(target);
    if (focus && matches(focus)) return focus;
  }
  throw new Error(`Tab never reached ${what}; focus is on ${JSON.stringify(await focusState(target))}`);
}

function expectFocusVisible(focus: Focus, what: string): void {
  if (!focus.marked || focus.drawn.length === 0) {
    throw new Error(`No visible focus indicator on ${what}: ${JSON.stringify(focus)}`);
  }
}

/** The answer checked in each of the 15 statements, in order (null when none). */
function checkedAnswers(target: Page): Promise<(number | null)[]> {
  return target.evaluate(() =>
    [...document.querySelectorAll('[role="radiogroup"]')].map((group) => {
      const checked = group.querySelector<HTMLInputElement>('input[type="radio"]:checked');
      return checked ? Number(checked.value) : null;
    }),
  );
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

test("answers all 15 statements with the keyboard alone, with visible focus", async () => {
  await openTaskpane(page, suite.server.url);
  await expect(page.getByTestId("mode").textContent()).resolves.toMatch(/^Preview outside Excel/);
  await page.getByRole("form", { name: "Assessment" }).waitFor();
  await expect(page.getByRole("status").filter({ hasText: "answered" }).textContent()).resolves.toBe(
    "0 of 15 answered",
  );

  // Start from the top of the page, as a keyboard user arriving at the pane does.
  await page.locator("body").focus();
  const workflow = await tabTo(page, (f) => f.tag === "input" && f.label.startsWith("Workflow"), "the Workflow input");
  expectFocusVisible(workflow, "the Workflow input");
  await page.keyboard.type(WORKFLOW);
  const respondent = await tabTo(page, (f) => f.tag === "input" && f.label === "Respondent (optional)", "Respondent");
  expectFocusVisible(respondent, "the Respondent input");
  await page.keyboard.type("Ana");
  const date = await tabTo(page, (f) => f.type === "date", "the Date input");
  expectFocusVisible(date, "the Date input");
  // en-US date fields: month, day, year; each segment moves on when full.
  await page.keyboard.type("03152026");

  for (let i = 0; i < ANA.length; i++) {
    const number = `${i + 1}. `;
    const focus = await tabTo(
      page,
      (f) => f.type === "radio" && f.groupLabel.startsWith(number),
      `the radio group of statement ${i + 1}`,
    );
    expectFocusVisible(focus, `statement ${i + 1}`);
    // Tab lands on the first answer of an unanswered group without choosing it.
    expect([focus.value, focus.checked]).toEqual(["0", false]);
    if (ANA[i] === 0) await page.keyboard.press("Space");
    for (let step = 0; step < ANA[i]; step++) await page.keyboard.press("ArrowRight");
    const chosen = await focusState(page);
    expect([chosen?.value, chosen?.checked, chosen?.groupLabel.startsWith(number)]).toEqual([
      String(ANA[i]),
      true,
      true,
    ]);
    expectFocusVisible(chosen as Focus, `answer ${ANA[i]} of statement ${i + 1}`);
  }

  const save = await tabTo(page, (f) => f.tag === "button", "the Save button");
  expectFocusVisible(save, "the Save button");
  // The check above tells focus apart: the last answer, no longer focused, has no indicator.
  const left = await focusState(page, '[data-statement="adoption.load-bearing"] input:checked');
  expect([left?.value, left?.marked, left?.drawn]).toEqual(["2", false, []]);

  await expect(checkedAnswers(page)).resolves.toEqual(ANA);
  await expect(page.getByRole("status").filter({ hasText: "answered" }).textContent()).resolves.toBe(
    "15 of 15 answered",
  );
  await expect(page.getByRole("combobox", { name: "Workflow" }).inputValue()).resolves.toBe(WORKFLOW);
  await expect(page.getByLabel("Response date (optional)").inputValue()).resolves.toBe("2026-03-15");
  // Layer headings carry the live score.
  await expect(page.getByRole("heading", { name: /Strategy Alignment/ }).textContent()).resolves.toContain(
    "score 80.0%",
  );
});

test("Results shows the hand-computed layer scores, realized value, gap and band", async () => {
  await showTab(page, "Results");
  const scores = await Promise.all(LAYER_IDS.map((id) => page.getByTestId(`score-${id}`).textContent()));
  expect(scores).toEqual(["80.0%", "60.0%", "46.7%", "40.0%", "53.3%"]);
  expect(ANA_SCORES.map(percent)).toEqual(scores);
  await expect(page.getByTestId("realized").textContent()).resolves.toBe("4.8%");
  await expect(page.getByTestId("gap").textContent()).resolves.toBe("95.2%");
  expect([percent(ANA_REALIZED), percent(1 - ANA_REALIZED)]).toEqual(["4.8%", "95.2%"]);
  await expect(page.getByTestId("band").textContent()).resolves.toBe("Critical");
  await expect(page.getByText(/AGAP.BAND takes your own/).count()).resolves.toBe(1);
  await expect(page.getByRole("heading", { name: "Fix first: Measurement" }).count()).resolves.toBe(1);
  await expect(
    page.getByRole("list", { name: "Recommendations" }).getByRole("listitem").count(),
  ).resolves.toBeGreaterThan(0);
  const curve = await page.getByRole("img", { name: /^Decay curve/ }).getAttribute("aria-label");
  expect(curve).toContain("5%"); // the last stage: realized value rounded to a whole percent
});

test("a reload restores the draft: workflow, respondent, date and all 15 answers", async () => {
  savedDraft = await page.evaluate(() => localStorage.getItem("agap.draft"));
  expect(JSON.parse(savedDraft ?? "null")).toMatchObject({ workflow: WORKFLOW, respondent: "Ana", date: "2026-03-15" });
  await page.reload();
  await page.getByText(/^Your unsaved answers were restored: \d+ of 15 answered\.$/).waitFor();
  await waitForSurvey(page);
  await page.getByRole("tab", { name: "Assessment", selected: true }).waitFor();
  await expect(page.getByRole("combobox", { name: "Workflow" }).inputValue()).resolves.toBe(WORKFLOW);
  await expect(page.getByLabel("Respondent (optional)").inputValue()).resolves.toBe("Ana");
  await expect(page.getByLabel("Response date (optional)").inputValue()).resolves.toBe("2026-03-15");
  await expect(checkedAnswers(page)).resolves.toEqual(ANA);
  await expect(page.getByRole("status").filter({ hasText: "answered" }).textContent()).resolves.toBe(
    "15 of 15 answered",
  );
});

/** Clicks an export button and returns the download's file name and bytes. */
async function exportFile(name: string): Promise<{ file: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
  const failure = await download.failure();
  if (failure) throw new Error(`${name}: the download failed: ${failure}`);
  return { file: download.suggestedFilename(), bytes: fs.readFileSync((await download.path()) as string) };
}

/** RFC 4180 records: quoted fields with doubled quotes, CRLF or LF line ends. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") (record.push(field), (field = ""));
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      ((record = []), (field = ""));
    } else field += c;
  }
  if (field !== "" || record.length > 0) records.push([...record, field]);
  return records;
}

test("two respondents: team aggregate, divergence flag, and .xlsx / CSV / JSON exports", async () => {
  await page.getByRole("button", { name: "Save response" }).click();
  await page.getByText(`Saved Ana's response for ${WORKFLOW}.`).waitFor();
  // The next respondent keeps the workflow, with answers cleared and no date: Ana's date was hers.
  await expect(page.getByRole("status").filter({ hasText: "answered" }).textContent()).resolves.toBe(
    "0 of 15 answered",
  );
  await expect(page.getByLabel("Response date (optional)").inputValue()).resolves.toBe("");
  // Ben answers in the same round: its date, set for the round, fills in his.
  await page.getByLabel("Date for this round (optional)").fill("2026-03-15");
  await expect(page.getByLabel("Response date (optional)").inputValue()).resolves.toBe("2026-03-15");
  await page.getByLabel("Respondent (optional)").fill("Ben");
  await expect(page.getByRole("radiogroup").count()).resolves.toBe(15);
  await answerStatements(page, BEN);
  await expect(checkedAnswers(page)).resolves.toEqual(BEN);
  await page.getByRole("button", { name: "Save response" }).click();
  await page.getByText(`Saved Ben's response for ${WORKFLOW}.`).waitFor();

  await showTab(page, "Team & history");
  await page.getByRole("heading", { name: `${WORKFLOW}, round 2026-03-15: 2 responses` }).waitFor();
  // Two respondents are fewer than the default smallest group (3): only the team means, and why.
  await expect(page.getByTestId("detail-withheld").textContent()).resolves.toMatch(
    /^Only the team mean is shown: this round has 2 complete respondents, and detail appears from 3\./,
  );
  await expect(page.getByRole("list", { name: "Statements with divergent answers" }).count()).resolves.toBe(0);
  // The team lowers it to 2, and the round's detail appears.
  await page.getByRole("textbox", { name: "Smallest group shown in detail" }).fill("2");
  await page.getByRole("button", { name: "Save smallest group" }).click();
  await page
    .getByText("Saved: rounds with fewer than 2 complete respondents show only the team mean of each layer.")
    .waitFor();
  const strategy = page
    .getByRole("table", { name: "Layer scores across the round's complete responses" })
    .getByRole("row", {
      name: /^Strategy /,
    });
  await expect(strategy.getByRole("cell").allTextContents()).resolves.toEqual(["Strategy", "70.0%", "60.0%", "80.0%"]);
  const flags = await page
    .getByRole("list", { name: "Statements with divergent answers" })
    .getByRole("listitem")
    .allTextContents();
  expect(flags).toHaveLength(1);
  expect(flags[0]).toMatch(/^We can state, in money or hours.*Answers range from 1 to 4\.$/);
  const realizedCells = await page
    .getByRole("table", { name: "Responses", exact: true })
    .getByRole("row")
    .allTextContents();
  expect(realizedCells.slice(1)).toEqual(["Ana4.8%EditDelete", "Ben5.4%EditDelete"]);

  // .xlsx: the assessments table with native formulas and cached values.
  const xlsx = await exportFile("Export .xlsx");
  expect(xlsx.file).toMatch(/^agap-assessments-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet("AGAP Assessments");
  expect(sheet).toBeDefined();
  const header = (sheet!.getRow(1).values as unknown[]).slice(1);
  expect(header.slice(0, 4)).toEqual(["Workflow", "Respondent", "Date", "Strategy 1"]);
  const column = (name: string) => {
    const at = header.indexOf(name);
    if (at < 0) throw new Error(`No column "${name}" in ${JSON.stringify(header)}`);
    return at + 1;
  };
  const cellAt = (row: number, name: string) => sheet!.getRow(row).getCell(column(name));
  expect(sheet!.actualRowCount).toBe(3);
  const expected = [
    { name: "Ana", answers: ANA, scores: ANA_SCORES, realized: ANA_REALIZED },
    { name: "Ben", answers: BEN, scores: BEN_SCORES, realized: BEN_REALIZED },
  ];
  expected.forEach((who, k) => {
    const row = k + 2;
    expect([cellAt(row, "Workflow").value, cellAt(row, "Respondent").value]).toEqual([WORKFLOW, who.name]);
    // A date cell reads back as a Date, or as Excel's serial number (46096 is 2026-03-15).
    expect([new Date("2026-03-15T00:00:00Z"), 46096]).toContainEqual(cellAt(row, "Date").value);
    const answers = header.slice(3, 18).map((name) => cellAt(row, name as string).value);
    expect(answers).toEqual(who.answers);
    LAYER_SHORT.forEach((short, l) => {
      expect(cellAt(row, `${short} score`).formula).toMatch(/AVERAGE\(/);
      expect(cellAt(row, `${short} score`).result).toBeCloseTo(who.scores[l], 12);
    });
    expect(cellAt(row, "Realized value").formula).toMatch(/^PRODUCT\(/);
    expect(cellAt(row, "Realized value").result).toBeCloseTo(who.realized, 12);
    expect(cellAt(row, "Gap").formula).toBeTruthy();
    expect(cellAt(row, "Gap").result).toBeCloseTo(1 - who.realized, 12);
    expect(cellAt(row, "Band").result).toBe("Critical");
  });

  // CSV: the same columns with computed values.
  const csv = await exportFile("Export CSV");
  expect(csv.file).toMatch(/\.csv$/);
  const records = parseCsv(csv.bytes.toString("utf8").replace(/^\uFEFF/, ""));
  expect(records).toHaveLength(3);
  expect(records[0].slice(0, 3)).toEqual(["Workflow", "Respondent", "Date"]);
  const csvRealized = records[0].indexOf("Realized value");
  expect(records.slice(1).map((r) => [r[1], r[2], Number(r[csvRealized])])).toEqual([
    ["Ana", "2026-03-15", expect.closeTo(ANA_REALIZED, 12)],
    ["Ben", "2026-03-15", expect.closeTo(BEN_REALIZED, 12)],
  ]);

  // JSON: the responses with their computed results.
  const json = await exportFile("Export JSON");
  expect(json.file).toMatch(/\.json$/);
  const exported = JSON.parse(json.bytes.toString("utf8"));
  expect(exported.responses).toHaveLength(2);
  expect(exported.responses.map((r: { respondent: string }) => r.respondent)).toEqual(["Ana", "Ben"]);
  expect(exported.responses[0].realized).toBeCloseTo(ANA_REALIZED, 12);
  expect(exported.responses[1].layerScores.strategy).toBeCloseTo(0.6, 12);
  // No error notice, and no field in error.
  await expect(page.locator('[data-intent="error"]').count()).resolves.toBe(0);
  await expect(page.getByRole("alert").count()).resolves.toBe(0);
});

/** Each tab in one colour scheme: axe-core, then a full-page screenshot. */
async function auditScheme(scheme: "light" | "dark"): Promise<string[]> {
  await page.emulateMedia({ colorScheme: scheme });
  // Restore Ana's answers so that Results has figures to show.
  await page.evaluate((draft) => localStorage.setItem("agap.draft", draft as string), savedDraft);
  await page.reload();
  await page.getByText(/^Your unsaved answers were restored: \d+ of 15 answered\.$/).waitFor();
  await waitForSurvey(page);
  await page.addScriptTag({ path: AXE });
  const problems: string[] = [];
  problems.push(...(await seriousViolations(page, `${scheme}, Assessment (with the restored-draft message)`)));
  await page.getByRole("button", { name: "Dismiss" }).click();
  for (const [tab, slug] of [
    ["Assessment", "assessment"],
    ["Results", "results"],
    ["Team & history", "team"],
  ] as const) {
    await showTab(page, tab);
    if (tab !== "Assessment") problems.push(...(await seriousViolations(page, `${scheme}, ${tab}`)));
    await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-${scheme}-${slug}.png`), fullPage: true });
    if (UPDATE_DOCS_SCREENSHOT && scheme === "light" && tab === "Results")
      await page.screenshot({ path: DOCS_SCREENSHOT });
  }
  return problems;
}

test("axe-core finds no serious or critical violation on any tab, light and dark; screenshots", async () => {
  const light = await auditScheme("light");
  const background = () => page.evaluate(() => getComputedStyle(document.querySelector("main")!).backgroundColor);
  const lightBackground = await background();
  const dark = await auditScheme("dark");
  // The dark scheme really is dark: the pane follows the browser's preference outside Office.
  expect(await background()).not.toBe(lightBackground);
  await page.emulateMedia({ colorScheme: "light" });
  const problems = [...light, ...dark];
  if (problems.length > 0) throw new Error(`axe-core violations:\n${problems.join("\n")}`);
  for (const scheme of ["light", "dark"]) {
    for (const slug of ["assessment", "results"]) {
      expect(fs.statSync(path.join(ARTIFACTS, `taskpane-${scheme}-${slug}.png`)).size).toBeGreaterThan(1000);
    }
  }
});

test("with office.js blocked the pane still starts in preview mode within 6 s", async () => {
  const blocked = await suite.session.newPage();
  const errors: string[] = [];
  blocked.on("pageerror", (error) => errors.push(error.message));
  await suite.session.blockOfficeJs(blocked);
  const started = Date.now();
  await blocked.goto(new URL("taskpane.html", suite.server.url).href);
  const mode = blocked.getByTestId("mode");
  await mode.waitFor({ timeout: 6_000 });
  const elapsed = Date.now() - started;
  expect(elapsed).toBeLessThanOrEqual(6_000);
  await expect(mode.textContent()).resolves.toBe(
    "Preview outside Excel: data is kept in this browser and can be exported. " +
      "office.js could not be loaded: it is blocked, or this computer is offline.",
  );
  await blocked.getByRole("heading", { name: "AGAP assessment" }).waitFor();
  await waitForSurvey(blocked);
  await expect(blocked.getByRole("radiogroup").count()).resolves.toBe(15);
  // Only functions.js may complain (its CustomFunctions runtime comes from office.js); the pane must not.
  expect(errors.filter((message) => !/CustomFunctions|Office/.test(message))).toEqual([]);
  await blocked.close();
});

test("where the browser blocks site data, the pane says it cannot start and what to change, in its own font", async () => {
  const refused = await suite.session.newPage();
  // As a browser set to block site data does: the first touch of localStorage throws.
  await refused.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  await refused.goto(new URL("taskpane.html", suite.server.url).href);
  const alert = refused.getByRole("alert");
  await expect(alert.textContent()).resolves.toBe(
    "AGAP could not start: this browser blocks site data for this page, and outside Excel the pane keeps its " +
      "responses there. Allow site data for this address, then reopen the pane (The operation is insecure.).",
  );
  // Written before Fluent draws anything, yet in the pane's font rather than the browser's serif.
  const font = await alert.evaluate((node) => getComputedStyle(node).fontFamily);
  expect(font).toBe('"Segoe UI", system-ui, sans-serif');
  await refused.close();
});

test("in dark mode with the themes chunk unreachable, the pane starts in the light theme and says why", async () => {
  const dropped = await suite.session.newPage();
  const errors: string[] = [];
  dropped.on("pageerror", (error) => errors.push(error.message));
  await dropped.route("**/themes.js", (route) => route.abort("connectionreset"));
  await dropped.emulateMedia({ colorScheme: "dark" });
  await openTaskpane(dropped, suite.server.url);
  const alert = dropped.getByRole("group", { name: "The dark theme could not be loaded" });
  await expect(alert.textContent()).resolves.toMatch(
    /so the pane uses the light theme \(reopen it to try again\)[\s\S]*themes\.js/,
  );
  // The light theme throughout: Fluent's light background, and light native controls.
  await expect(
    dropped.evaluate(() => [
      getComputedStyle(document.querySelector("main")!).backgroundColor,
      document.documentElement.style.colorScheme,
    ]),
  ).resolves.toEqual(["rgb(255, 255, 255)", "light"]);
  expect(errors).toEqual([]);
  await dropped.close();
});

test("no request leaves the page's origin apart from office.js and its telemetry; no page errors", async () => {
  const officeRequests = suite.session.requests.filter((r) => r.url.startsWith(OFFICE_CDN)).map((r) => r.url);
  expect(officeRequests).toContain(`${OFFICE_CDN}office.js`);
  expect(suite.session.foreignRequests(suite.server.url).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  expect(suite.pageErrors).toEqual([]);
});
