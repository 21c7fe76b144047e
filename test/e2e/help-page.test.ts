// The help page (dist/help/functions.html, built from docs/functions.md) in headless Chromium, as a
// task pane shows it: never wider than a 320 or 360 px pane, with its glossary, and clean for axe.
import fs from "fs";
import type { Page } from "playwright-core";
import { GLOSSARY, glossaryHeading } from "../../src/model/glossary";
import { AXE, seriousViolations } from "./support/page";
import { browserSuite } from "./support/suite";

jest.setTimeout(60_000);

const suite = browserSuite();
let page: Page;

beforeAll(() => ({ page } = suite));

async function openAt(width: number, hash = ""): Promise<void> {
  await page.setViewportSize({ width, height: 800 });
  await page.goto(new URL(`help/functions.html${hash}`, suite.server.url).href);
  await page.getByRole("heading", { level: 1, name: "AGAP function reference" }).waitFor();
}

/**
 * The document's width, and every element that reaches past the viewport. What sits inside a box
 * that scrolls or clips it (a code block, the visually hidden table headers) cannot widen the page:
 * the box itself is checked instead.
 */
function overflow(target: Page) {
  return target.evaluate(() => {
    const contained = (element: Element) => {
      for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
        if (getComputedStyle(box).overflowX !== "visible") return true;
      }
      return false;
    };
    const beyond = [...document.querySelectorAll("body *")]
      .filter((element) => !contained(element) && element.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((element) => `${element.tagName.toLowerCase()}: ${(element.textContent ?? "").slice(0, 60)}`);
    return {
      document: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
      viewport: window.innerWidth,
      beyond,
    };
  });
}

describe.each([320, 360])("the help page at %i px", (width) => {
  test("is no wider than the viewport: long formulas wrap, code blocks and tables stay in their box", async () => {
    await openAt(width);
    const measured = await overflow(page);
    expect(measured.viewport).toBe(width);
    expect(measured.document).toBeLessThanOrEqual(width);
    expect(measured.body).toBeLessThanOrEqual(width);
    expect(measured.beyond).toEqual([]);
    // The page is long enough to have had something to overflow: every function's examples are there.
    const examples = await page.locator("li code", { hasText: "=AGAP.SENSITIVITY({0.8,0.6,0.5,0.4,0.5})" }).count();
    expect(examples).toBeGreaterThan(0);
  });

  test("a code block that is wider than the page scrolls inside its own box", async () => {
    await openAt(width);
    const blocks = await page.locator("pre").evaluateAll((pres) =>
      pres.map((pre) => ({
        overflowX: getComputedStyle(pre).overflowX,
        fits: pre.getBoundingClientRect().right <= window.innerWidth + 0.5,
        scrolls: pre.scrollWidth > pre.clientWidth,
        // Reachable by keyboard, so that it can be scrolled without a mouse.
        focusable: pre.tabIndex === 0,
      })),
    );
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(block).toMatchObject({ overflowX: "auto", fits: true, focusable: true });
    // The COUNTBLANK guard is wider than 320 px: it is the case the rule is for.
    if (width === 320) expect(blocks.some((block) => block.scrolls)).toBe(true);
  });

  test("tables show each cell after its column's name, and stay tables for assistive technology", async () => {
    await openAt(width, "#lift");
    const table = page.getByRole("table").filter({ hasText: "delta" }).first();
    await expect(table.getByRole("columnheader").allTextContents()).resolves.toEqual([
      "argument",
      "required",
      "allowed",
    ]);
    const delta = table.getByRole("row").filter({ hasText: "the step" });
    const cells = await delta.getByRole("cell").evaluateAll((tds) =>
      tds.map((td) => ({
        before: getComputedStyle(td, "::before").content,
        right: td.getBoundingClientRect().right,
      })),
    );
    expect(cells.map((cell) => cell.before)).toEqual(['"argument: "', '"required: "', '"allowed: "']);
    for (const cell of cells) expect(cell.right).toBeLessThanOrEqual(width);
  });

  test("has the glossary, reached by its own anchor, with every term and its definition", async () => {
    await openAt(width, "#glossary");
    const heading = page.getByRole("heading", { level: 2, name: "Glossary" });
    await expect(heading.getAttribute("id")).resolves.toBe("glossary");
    const items = await page.locator("#glossary + p + ul > li").allTextContents();
    expect(items).toEqual(GLOSSARY.map((entry) => `${glossaryHeading(entry)}: ${entry.definition}`));
    // The link from AGAP.LIFT's section lands on it.
    await expect(page.locator("#lift ~ p a[href='#glossary']").first().textContent()).resolves.toBe("step");
  });

  test("has no serious or critical axe violations", async () => {
    await openAt(width);
    // The page's CSP refuses script tags; evaluated through the debugging protocol, axe still runs.
    await page.evaluate(fs.readFileSync(AXE, "utf8"));
    expect(await seriousViolations(page, `help page at ${width} px`)).toEqual([]);
  });
});

test("at a desktop width the tables are laid out as tables again", async () => {
  await openAt(1024, "#lift");
  const display = await page
    .getByRole("table")
    .first()
    .evaluate((table) => ({
      row: getComputedStyle(table.querySelector("tbody tr")!).display,
      head: getComputedStyle(table.querySelector("thead")!).position,
    }));
  expect(display).toEqual({ row: "table-row", head: "static" });
});
