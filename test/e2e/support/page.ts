// Helpers the browser suites use on the pane's page.
import type { Locator, Page } from "playwright-core";

/** axe-core's browser build, for addScriptTag. */
export const AXE = require.resolve("axe-core/axe.min.js");

/** Clicks a tab of the pane and waits until it is the selected one. */
export async function showTab(target: Page, name: string): Promise<void> {
  await target.getByRole("tab", { name }).click();
  await target.getByRole("tab", { name, selected: true }).waitFor();
}

/** Checks, in order, the given answer of each statement from `from` on; `answers[i]` is statement i's. */
export async function answerStatements(target: Page, answers: readonly number[], from = 0): Promise<void> {
  const groups = target.getByRole("radiogroup");
  for (let i = from; i < answers.length; i++) {
    await groups
      .nth(i)
      .getByRole("radio", { name: String(answers[i]), exact: true })
      .check();
  }
}

/**
 * Writes records into the page's localStorage, each under its key as JSON (a string as it is, so
 * that damaged text can be written), after emptying the store when asked.
 */
export async function writeStore(
  target: Page,
  records: Record<string, unknown>,
  options: { clear?: boolean } = {},
): Promise<void> {
  const texts = Object.fromEntries(
    Object.entries(records).map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]),
  );
  await target.evaluate(
    ({ texts, clear }) => {
      if (clear) localStorage.clear();
      for (const [key, text] of Object.entries(texts)) localStorage.setItem(key, text);
    },
    { texts, clear: options.clear ?? false },
  );
}

/** The text of a field's message, read through the control's aria-describedby, and its aria-invalid. */
export function fieldMessage(control: Locator): Promise<{ description: string; invalid: boolean }> {
  return control.evaluate((element) => ({
    description: (element.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ")
      .trim(),
    invalid: element.getAttribute("aria-invalid") === "true",
  }));
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

/**
 * Fluent's focus manager (tabster) puts an element before and after some groups (the tab list,
 * for one) that is focusable and hidden from screen readers on purpose: it only hands the focus
 * on to the right element. axe reads it as "aria-hidden-focus"; Fluent lists this as a known
 * false positive, and accessibility checkers skip it. Only these elements are skipped, and
 * only for that rule.
 */
const isFocusRedirect = (html: string) => /^<i [^>]*data-tabster-dummy=""/.test(html);

/**
 * axe-core's serious and critical violations on the page as it is now, one readable entry each
 * (axe must already be injected).
 */
export async function seriousViolations(target: Page, where: string): Promise<string[]> {
  const violations = (await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document) => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document)).violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => (v.id === "aria-hidden-focus" ? { ...v, nodes: v.nodes.filter((n) => !isFocusRedirect(n.html)) } : v))
    .filter((v) => v.nodes.length > 0)
    .map(
      (v) =>
        `${where}: [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes
          .map(
            (n) =>
              `    at ${JSON.stringify(n.target)} ${n.html}\n      ${(n.failureSummary ?? "").replace(/\n/g, "\n      ")}`,
          )
          .join("\n"),
    );
}

/**
 * Fails, listing them, when axe-core finds serious or critical violations on the page as it is now.
 * Injects axe first where the page has none (a reload drops it).
 */
export async function expectNoSeriousViolations(target: Page, where: string): Promise<void> {
  if (!(await target.evaluate(() => "axe" in window))) await target.addScriptTag({ path: AXE });
  const problems = await seriousViolations(target, where);
  if (problems.length > 0) throw new Error(`axe-core violations:\n${problems.join("\n")}`);
}
