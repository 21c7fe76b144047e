// The board report's page rules: @page, which Griffel cannot write, and rules that reach outside
// the report (the pane's other content, the body's background). They are added through the CSS
// object model to an empty <style>, as Fluent's provider adds its theme: the pane's
// Content-Security-Policy allows exactly that (the hash of the empty string), and no file is
// loaded, so the pane's start-up code carries no stylesheet loader for this view.
import * as React from "react";

/** The class of the report's portal node: while the report is open, the page shows only it. */
export const REPORT_ROOT_CLASS = "agap-board-report";
/** Set on <html> while the report is open. */
export const REPORT_OPEN_CLASS = "agap-report-open";

const OPEN = `html.${REPORT_OPEN_CLASS}`;
const ROOT = `.${REPORT_ROOT_CLASS}`;

/** The rules, one per entry (insertRule takes one at a time). */
export const PRINT_RULES: readonly string[] = [
  // While the report is open it is all the page shows, on screen and on paper: the pane's own
  // content stays mounted, so nothing typed is lost, but takes no room.
  `${OPEN} body > :not(${ROOT}) { display: none !important; }`,
  // Portrait, on whatever paper the printer has (A4 or Letter).
  "@page { size: portrait; margin: 12mm; }",
  // The pane's theme colours the body (index.tsx sets it inline): paper stays white.
  `@media print { ${OPEN}, ${OPEN} body { background: #fff !important; color-scheme: light; } }`,
  // Print-safe colours whatever the pane's theme: Fluent's tokens are CSS variables, given dark ink
  // on white here (the class twice, to outrank the theme's own single class).
  `@media print { ${ROOT}${ROOT} {` +
    " --colorNeutralBackground1: #fff; --colorNeutralForeground1: #111; --colorNeutralForeground2: #333;" +
    " --colorNeutralForeground3: #555; --colorNeutralStroke1: #444; --colorNeutralStroke2: #999;" +
    " --colorNeutralStroke3: #ccc; --colorBrandForeground1: #0f548c; --colorPaletteRedForeground1: #a4262c;" +
    " background: #fff; color: #111; } }",
  // The chart is drawn at the pane's width; on paper it takes its column's width instead.
  `@media print { ${ROOT} svg[role="img"] { width: 100%; height: auto; } }`,
  // The chart's table of values is a disclosure for the screen; the page has the layer table.
  `@media print { ${ROOT} details { display: none; } }`,
];

/** Adds the rules while the component that calls it is mounted, and marks the page as showing the report. */
export function usePrintStylesheet(): void {
  React.useEffect(() => {
    const style = document.createElement("style");
    document.head.appendChild(style);
    const sheet = style.sheet as CSSStyleSheet;
    PRINT_RULES.forEach((rule, index) => sheet.insertRule(rule, index));
    document.documentElement.classList.add(REPORT_OPEN_CLASS);
    return () => {
      document.documentElement.classList.remove(REPORT_OPEN_CLASS);
      style.remove();
    };
  }, []);
}
