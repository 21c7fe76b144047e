// Helpers both browser suites use on the pane's page.
import type { Page } from "playwright-core";

/** Clicks a tab of the pane and waits until it is the selected one. */
export async function showTab(target: Page, name: string): Promise<void> {
  await target.getByRole("tab", { name }).click();
  await target.getByRole("tab", { name, selected: true }).waitFor();
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
