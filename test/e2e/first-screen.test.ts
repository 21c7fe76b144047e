// The first screen (the assessment form and the tab list) in the built task pane, in headless
// Chromium at 360 px outside Excel, as a person meets it: the confirmation after Save appears
// beside the Save button, in view, with the focus and the next step; Save with a problem takes
// the focus to it; every tab is reached and opened with the keyboard alone; forced colors keep
// the selected tab, the focus and a notice's intent plain without colour; the confirmation is
// announced through Fluent's AriaLiveAnnouncer; axe stays clean. Screenshots of the first
// screen and of a notice in forced colors, light and dark, at 320 and 400 px, go to
// test-artifacts/first-screen-*.png.
// One browser for the whole file; the tests run in order on one page.
import path from "path";
import type { Locator, Page } from "playwright-core";
import { STATEMENTS } from "../../src/model";
import { openTaskpane, reopenTaskpane } from "./support/browser";
import { AXE, answerStatements, seriousViolations } from "./support/page";
import { ARTIFACTS, browserSuite } from "./support/suite";

// Chromium on a busy 2-core machine: the limit bounds a test; nothing here waits on time.
jest.setTimeout(180_000);

const WIDTH = 360;
const HEIGHT = 640;
const WORKFLOW = "Claims desk";
const ROUND = "2026-04-10";
// Every answer 4: each layer scores 4/5 = 0.8, and the realized value is 0.8⁵ = 0.32768 → "32.8%";
// the gap 1 − 0.32768 = 0.67232 → "67.2%", at least 0.5 and under 0.75 → Material.
const ALL_FOURS = Array<number>(STATEMENTS.length).fill(4);
const CONFIRMATION = `Saved Ana's response for ${WORKFLOW}. The form is clear for the next respondent; the workflow and round date stay.`;
const TABS = [
  { id: "assessment", name: "Assessment" },
  { id: "results", name: "Results" },
  { id: "team", name: "Team & history" },
  { id: "scenarios", name: "Scenarios" },
  { id: "roi", name: "ROI" },
  { id: "roadmap", name: "Roadmap" },
] as const;

const suite = browserSuite({ colorScheme: "light", viewport: { width: WIDTH, height: HEIGHT }, artifacts: true });
let page: Page;

/** What the page announced: through document.ariaNotify, or as text put into an aria-live region. */
interface Announcement {
  via: "ariaNotify" | "live-region";
  message: string;
  priority?: string;
}

beforeAll(() => ({ page } = suite));

beforeAll(async () => {
  // Records announcements before any script of the page runs: Fluent's AriaLiveAnnouncer calls
  // document.ariaNotify where the browser has it, and otherwise writes into a live region of its
  // own for half a second. Both are recorded; the call goes on to the browser as before.
  await page.addInitScript(() => {
    const heard: Announcement[] = [];
    const w = window as unknown as { __announcements: Announcement[]; __ariaNotify: boolean };
    w.__announcements = heard;
    type Notify = (message: string, options?: { priority?: string }) => void;
    const doc = document as unknown as { ariaNotify?: Notify };
    const original = doc.ariaNotify;
    w.__ariaNotify = typeof original === "function";
    if (typeof original === "function") {
      doc.ariaNotify = function (this: Document, message: string, options?: { priority?: string }) {
        heard.push({ via: "ariaNotify", message: String(message), priority: options?.priority });
        return original.call(this, message, options);
      };
    }
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        const target = mutation.target instanceof Element ? mutation.target : mutation.target.parentElement;
        const region = target?.closest("[aria-live]");
        const text = region?.textContent?.trim();
        if (region && text && heard.at(-1)?.message !== text) heard.push({ via: "live-region", message: text });
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
});

const announcements = () =>
  page.evaluate(() => (window as unknown as { __announcements: Announcement[] }).__announcements.slice());

/**
 * Where an element is against the viewport, and whether the page's topmost element at the
 * middle of its box is the element or inside it (not under the sticky progress bar, say).
 */
const placement = (target: Locator) =>
  target.evaluate((element) => {
    const r = element.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {
      top: r.top,
      bottom: r.bottom,
      left: r.left,
      right: r.right,
      viewportWidth: document.documentElement.clientWidth,
      viewportHeight: window.innerHeight,
      onTop: hit !== null && (element === hit || element.contains(hit)),
    };
  });

/** Fails, saying where the element is, unless its whole box is in the viewport and it is on top. */
async function expectInView(target: Locator, what: string): Promise<Awaited<ReturnType<typeof placement>>> {
  // Layers off screen are laid out as they come into view (content-visibility), which may move
  // the page for a frame or two after a focus: measure once the element has stayed put for
  // three frames.
  await target.evaluate(
    (element) =>
      new Promise<void>((resolve) => {
        let last = "";
        let same = 0;
        const tick = () => {
          const r = element.getBoundingClientRect();
          const now = `${r.top} ${r.bottom} ${r.left} ${r.right}`;
          same = now === last ? same + 1 : 0;
          last = now;
          if (same >= 3) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
  const at = await placement(target);
  const inside =
    at.top >= 0 &&
    at.left >= 0 &&
    at.bottom <= at.viewportHeight &&
    at.right <= at.viewportWidth &&
    at.bottom > at.top &&
    at.onTop;
  if (!inside) throw new Error(`${what} is not in view: ${JSON.stringify(at)}`);
  return at;
}

/** Waits until the focus is on the element or inside it; fails with where the focus is instead. */
async function expectFocusIn(target: Locator, what: string): Promise<void> {
  const handle = await target.elementHandle();
  try {
    await page.waitForFunction((element) => element?.contains(document.activeElement), handle, { timeout: 10_000 });
  } catch {
    const active = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? "none");
    throw new Error(`The focus is not on ${what}; it is on ${active}`);
  }
}

const answersOf = (values: readonly number[]) => Object.fromEntries(STATEMENTS.map((s, i) => [s.id, values[i]]));

const tab = (name: string) => page.getByRole("tab", { name, exact: true });
const workflowInput = () => page.getByRole("combobox", { name: "Workflow" });
const respondentInput = () => page.getByRole("textbox", { name: "Respondent (optional)" });
const saveButton = () => page.getByRole("button", { name: "Save response" });
/** The save confirmation: the focusable block around the notice, beside the Save button. */
const confirmationOf = (text: string) =>
  page.getByRole("form", { name: "Assessment" }).locator('[tabindex="-1"]').filter({ hasText: text });

test("axe finds nothing serious on the first screen at 360 px", async () => {
  await openTaskpane(page, suite.server.url);
  await page.addScriptTag({ path: AXE });
  expect(await seriousViolations(page, "first screen")).toEqual([]);
});

test("Save with problems moves the focus to the first one: the workflow, then a half-typed date, then the answers", async () => {
  // Answer one statement far down the form, so that Save is pressed from below, as a user would.
  await page.getByRole("radiogroup").nth(14).getByRole("radio", { name: "2", exact: true }).check();
  await saveButton().click();
  const workflow = workflowInput();
  await expectFocusIn(workflow, "the Workflow field");
  await expectInView(workflow, "the Workflow field");
  const message = page.getByText("Name the workflow before saving.");
  await expectInView(message, "the Workflow field's message");
  await expect(workflow.getAttribute("aria-invalid")).resolves.toBe("true");

  // With a workflow, a date typed in part stops the save: the focus goes to the date.
  await workflow.fill(WORKFLOW);
  const date = page.getByLabel("Response date (optional)");
  await date.click();
  await page.keyboard.type("04"); // en-US: the month only
  await saveButton().click();
  await expectFocusIn(date, "the Date field");
  await expectInView(date, "the Date field");
  await expectInView(page.getByText("Enter the whole date: day, month and year."), "the date's message");

  // With no answer at all (a fresh form: the draft is dropped), the focus goes to the first
  // statement's first answer.
  await page.evaluate(() => localStorage.removeItem("agap.draft"));
  await reopenTaskpane(page);
  await workflowInput().fill(WORKFLOW);
  await saveButton().click();
  const firstAnswer = page.getByRole("radiogroup").first().getByRole("radio", { name: "0", exact: true });
  await expectFocusIn(firstAnswer, "the first statement's first answer");
  await expectInView(firstAnswer, "the first statement's first answer");
  await expect(
    page.getByRole("alert").filter({ hasText: "Answer at least one statement before saving." }).count(),
  ).resolves.toBe(1);
  // Nothing was saved by any of these presses.
  await expect(page.evaluate(() => JSON.parse(localStorage.getItem("agap.responses") ?? "[]").length)).resolves.toBe(0);
});

test("after Save the confirmation is in view beside the Save button, has the focus, is announced, and leads on", async () => {
  await workflowInput().fill(WORKFLOW);
  await page.getByLabel("Date for this round (optional)").fill(ROUND);
  await expect(page.getByLabel("Response date (optional)").inputValue()).resolves.toBe(ROUND);
  await respondentInput().fill("Ana");
  // Each answer scrolled to and clicked, from the top of the form to its end.
  await answerStatements(page, ALL_FOURS);
  await expect(page.getByRole("status").filter({ hasText: "answered" }).textContent()).resolves.toBe(
    "15 of 15 answered",
  );
  const heardBefore = (await announcements()).length;
  await saveButton().click();

  const confirmation = confirmationOf(CONFIRMATION);
  await confirmation.waitFor();
  await expect(confirmation.textContent()).resolves.toContain(CONFIRMATION);
  await expectFocusIn(confirmation, "the save confirmation");
  const shown = await expectInView(confirmation, "the save confirmation");
  // The Save button is in view with it, just above it.
  const save = await expectInView(saveButton(), "the Save button");
  expect(save.bottom).toBeLessThanOrEqual(shown.top);
  expect(shown.top - save.bottom).toBeLessThanOrEqual(24);
  // The form is clear for the next respondent; the workflow and the round's date stay.
  await expect(page.getByRole("status").filter({ hasText: "answered" }).textContent()).resolves.toBe(
    "0 of 15 answered",
  );
  await expect(workflowInput().inputValue()).resolves.toBe(WORKFLOW);
  await expect(respondentInput().inputValue()).resolves.toBe("");

  // Announced through Fluent's AriaLiveAnnouncer: document.ariaNotify where Chromium has it (Fluent
  // then leaves its live region empty), else its live region.
  const ariaNotify = await page.evaluate(() => (window as unknown as { __ariaNotify: boolean }).__ariaNotify);
  const heard = (await announcements()).slice(heardBefore);
  const said = heard.filter((a) => a.message.includes(CONFIRMATION));
  expect(said.map((a) => a.via)).toEqual([ariaNotify ? "ariaNotify" : "live-region"]);
  // A success notice is announced assertively: "high" priority for ariaNotify.
  if (ariaNotify) expect(said[0].priority).toBe("high");

  await page.addScriptTag({ path: AXE });
  expect(await seriousViolations(page, "after save")).toEqual([]);

  // The next step is one Tab away; it takes the focus to the Respondent field, in view.
  await page.keyboard.press("Tab");
  const next = page.getByRole("button", { name: "Answer for the next respondent" });
  await expectFocusIn(next, "the button Answer for the next respondent");
  await page.keyboard.press("Enter");
  await expectFocusIn(respondentInput(), "the Respondent field");
  await expectInView(respondentInput(), "the Respondent field");

  // See results: the saved response (the form is empty), and the team's round.
  await page.getByRole("button", { name: "See results" }).click();
  await page.getByRole("tab", { name: "Results", selected: true }).waitFor();
  const results = page.locator("#panel-results");
  await results.getByTestId("realized").waitFor();
  await expect(results.getByTestId("results-source").textContent()).resolves.toBe(
    `From Ana's response of ${ROUND} for ${WORKFLOW}, saved last.`,
  );
  await expect(results.getByTestId("realized").textContent()).resolves.toBe("32.8%");
  await expect(results.getByTestId("gap").textContent()).resolves.toBe("67.2%");
  await expect(results.getByTestId("band").textContent()).resolves.toBe("Material");
  expect([(0.8 ** 5 * 100).toFixed(1), ((1 - 0.8 ** 5) * 100).toFixed(1)]).toEqual(["32.8", "67.2"]);
  await expect(results.getByTestId("team-summary").textContent()).resolves.toBe(
    `Team result for ${WORKFLOW}, round of ${ROUND}: realized value 32.8%, Material (1 complete response). Team & history has the detail.`,
  );
  expect(await seriousViolations(page, "Results after save")).toEqual([]);
});

/** The tab that has the focus, by its id (tab-…), or null when the focus is elsewhere. */
const focusedTab = () =>
  page.evaluate(() => {
    const active = document.activeElement;
    return active?.getAttribute("role") === "tab" ? active.id.replace(/^tab-/, "") : null;
  });

/** The one selected tab, and the panels shown: only the selected tab's, with its content loaded. */
async function expectOpen(id: (typeof TABS)[number]["id"]): Promise<void> {
  const name = TABS.find((t) => t.id === id)!.name;
  await tab(name)
    .and(page.getByRole("tab", { selected: true }))
    .waitFor();
  const panel = page.locator(`#panel-${id}`);
  await panel.getByText("Loading…", { exact: true }).waitFor({ state: "detached" });
  const state = await page.evaluate(() => ({
    selected: [...document.querySelectorAll('[role="tab"][aria-selected="true"]')].map((t) => t.id),
    shown: [...document.querySelectorAll<HTMLElement>('[role="tabpanel"]')]
      .filter((p) => p.checkVisibility() && p.innerText.trim() !== "")
      .map((p) => p.id),
  }));
  expect(state).toEqual({ selected: [`tab-${id}`], shown: [`panel-${id}`] });
}

test("the keyboard alone reaches the tab list, moves along it with arrows, Home and End, and opens every tab", async () => {
  await reopenTaskpane(page);
  await expectOpen("assessment");
  // From the top of the page, Tab reaches the tab list on the selected tab.
  await page.locator("body").focus();
  let presses = 0;
  while ((await focusedTab()) === null && presses < 6) {
    await page.keyboard.press("Tab");
    presses++;
  }
  await expect(focusedTab()).resolves.toBe("assessment");

  const opened = new Set<string>(["assessment"]);
  /** Presses a key and checks which tab has the focus; the selection stays where it was. */
  const move = async (key: string, to: string, open: string) => {
    await page.keyboard.press(key);
    await expect(focusedTab()).resolves.toBe(to);
    await expectOpen(open as (typeof TABS)[number]["id"]);
  };
  /** Opens the focused tab with Enter or Space; the focus stays on it. */
  const select = async (key: "Enter" | "Space", id: (typeof TABS)[number]["id"]) => {
    await page.keyboard.press(key);
    await expectOpen(id);
    await expect(focusedTab()).resolves.toBe(id);
    opened.add(id);
  };

  // Arrows move the focus only; Enter or Space opens the tab.
  await move("ArrowRight", "results", "assessment");
  await select("Enter", "results");
  await move("ArrowRight", "team", "results");
  await select("Space", "team");
  await move("ArrowRight", "scenarios", "team");
  await select("Enter", "scenarios");
  await move("End", "roadmap", "scenarios");
  await select("Space", "roadmap");
  await move("ArrowLeft", "roi", "roadmap");
  await select("Enter", "roi");
  // The arrows go round: right from the last tab to the first, left from the first to the last.
  await move("ArrowRight", "roadmap", "roi");
  await move("ArrowRight", "assessment", "roi");
  await move("ArrowLeft", "roadmap", "roi");
  await move("Home", "assessment", "roi");
  await select("Enter", "assessment");
  expect([...opened].sort()).toEqual(TABS.map((t) => t.id).sort());

  // The tab list is one stop: Tab leaves it for the panel, Shift+Tab comes back to the selected tab.
  await page.keyboard.press("Tab");
  await expect(focusedTab()).resolves.toBeNull();
  await expectFocusIn(page.locator("#panel-assessment"), "the Assessment panel");
  await page.keyboard.press("Shift+Tab");
  await expect(focusedTab()).resolves.toBe("assessment");
});

/** The colour a CSS system colour keyword resolves to on the page now. */
const systemColour = (name: string) =>
  page.evaluate((name) => {
    const probe = document.createElement("span");
    probe.style.color = name;
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }, name);

/**
 * The focus indicators drawn for the focused element: opaque outlines, and borders of its
 * pseudo-elements, on it and up to three levels above it (Fluent draws some on a wrapper).
 */
const drawnFocus = () =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    const drawn: string[] = [];
    if (!active || active === document.body) return { marked: false, drawn };
    const opaque = (colour: string) => !/^transparent$|rgba\([^)]*,\s*0\)$/.test(colour.trim());
    const marked =
      active.closest("[data-fui-focus-visible], [data-fui-focus-within-visible]") !== null ||
      active.matches(":focus-visible");
    let el: HTMLElement | null = active;
    for (let level = 0; el && level < 4; level++, el = el.parentElement) {
      for (const pseudo of [null, "::after", "::before"]) {
        const s = getComputedStyle(el, pseudo);
        if (pseudo && s.content === "none") continue;
        if (s.visibility === "hidden" || s.opacity === "0") continue;
        const what = `${el.tagName.toLowerCase()}${pseudo ?? ""}`;
        if (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 && opaque(s.outlineColor))
          drawn.push(`${what} outline ${s.outlineWidth} ${s.outlineColor}`);
        if (pseudo)
          for (const side of ["Top", "Right", "Bottom", "Left"] as const) {
            const width = s[`border${side}Width`];
            const colour = s[`border${side}Color`];
            if (s[`border${side}Style`] !== "none" && parseFloat(width) > 0 && opaque(colour))
              drawn.push(`${what} border-${side.toLowerCase()} ${width} ${colour}`);
          }
      }
    }
    return { marked, drawn };
  });

/** Each tab's selection indicator (Fluent draws it as the tab's ::after) and its text's weight. */
const tabLooks = () =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[role="tab"]')].map((t) => {
      const bar = getComputedStyle(t, "::after");
      const drawn = bar.content !== "none" && parseFloat(bar.height) >= 2 && parseFloat(bar.width) >= 8;
      return {
        id: t.id,
        selected: t.getAttribute("aria-selected") === "true",
        indicator: drawn ? bar.backgroundColor : null,
        weight: Number(getComputedStyle(t.querySelector(".fui-Tab__content") ?? t).fontWeight),
      };
    }),
  );

/** A notice's icon: its drawing, its size on screen and its colour. */
const iconOf = (intent: string) =>
  page
    .locator(`.fui-MessageBar[data-intent="${intent}"] .fui-MessageBar__icon svg`)
    .first()
    .evaluate((svg) => {
      const r = svg.getBoundingClientRect();
      return {
        drawing: [...svg.querySelectorAll("path")].map((p) => p.getAttribute("d")).join(" "),
        width: r.width,
        height: r.height,
        colour: getComputedStyle(svg).color,
      };
    });

for (const scheme of ["light", "dark"] as const) {
  test(`forced colors, ${scheme}, at 320 and 400 px: the selected tab, the focus and a notice's intent show without colour; screenshots`, async () => {
    await page.emulateMedia({ forcedColors: "active", colorScheme: scheme });
    for (const width of [320, 400]) {
      const where = `forced colors, ${scheme}, ${width} px`;
      await page.setViewportSize({ width, height: HEIGHT });
      const respondent = `Fay ${scheme} ${width}`;
      await page.evaluate((draft) => localStorage.setItem("agap.draft", JSON.stringify(draft)), {
        workflow: WORKFLOW,
        respondent,
        date: ROUND,
        answers: answersOf(ALL_FOURS),
      });
      await reopenTaskpane(page);
      await expect(page.evaluate(() => matchMedia("(forced-colors: active)").matches)).resolves.toBe(true);
      const [buttonText, canvas] = [await systemColour("ButtonText"), await systemColour("Canvas")];
      expect(buttonText).not.toBe(canvas);

      // The selected tab alone carries an indicator bar, drawn in a system colour, and bold text.
      const tabs = await tabLooks();
      const selected = tabs.filter((t) => t.selected);
      expect(selected.map((t) => [t.id, t.indicator])).toEqual([["tab-assessment", buttonText]]);
      for (const other of tabs.filter((t) => !t.selected)) {
        expect([where, other.id, other.indicator]).toEqual([where, other.id, null]);
        expect(other.weight).toBeLessThan(selected[0].weight);
      }

      // Keyboard focus on the tab list and on a field is drawn, in a colour that is not the background.
      await page.locator("body").focus();
      for (let presses = 0; (await focusedTab()) === null && presses < 6; presses++) await page.keyboard.press("Tab");
      await expect(focusedTab()).resolves.toBe("assessment");
      for (const what of ["the Assessment tab", "the Workflow field"]) {
        if (what === "the Workflow field") await page.keyboard.press("Tab");
        const focus = await drawnFocus();
        const seen = focus.drawn.filter((d) => !d.endsWith(canvas));
        if (!focus.marked || seen.length === 0)
          throw new Error(`${where}: no focus drawn on ${what}: ${JSON.stringify(focus)}`);
      }
      await expect(page.evaluate(() => document.activeElement?.getAttribute("list"))).resolves.toBe("agap-workflows");

      // The restored-answers notice shows its intent by an icon, drawn in a system colour.
      const info = await iconOf("info");
      expect(info.width).toBeGreaterThanOrEqual(12);
      expect(info.height).toBeGreaterThanOrEqual(12);
      expect(info.colour).not.toBe(canvas);
      await page.screenshot({ path: path.join(ARTIFACTS, `first-screen-forced-${scheme}-${width}.png`) });

      // Saved from the keyboard: the confirmation takes the focus, drawn, and its icon is not the info one.
      await saveButton().focus();
      await page.keyboard.press("Enter");
      const confirmation = confirmationOf(`Saved ${respondent}'s response for ${WORKFLOW}.`);
      await confirmation.waitFor();
      await expectFocusIn(confirmation, `${where}: the save confirmation`);
      await expectInView(confirmation, `${where}: the save confirmation`);
      const focus = await drawnFocus();
      if (!focus.marked || focus.drawn.filter((d) => !d.endsWith(canvas)).length === 0)
        throw new Error(`${where}: no focus drawn on the confirmation: ${JSON.stringify(focus)}`);
      const success = await iconOf("success");
      expect(success.width).toBeGreaterThanOrEqual(12);
      expect(success.colour).not.toBe(canvas);
      expect(success.drawing).not.toBe(info.drawing);
      await page.screenshot({ path: path.join(ARTIFACTS, `first-screen-forced-${scheme}-${width}-notice.png`) });
      // Nothing runs off the side.
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
    }
    await page.emulateMedia({ forcedColors: "none", colorScheme: "light" });
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  });
}

test("no page errors", () => {
  expect(suite.pageErrors).toEqual([]);
});
