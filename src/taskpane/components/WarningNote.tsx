import * as React from "react";
import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ErrorCircle12Filled, Warning12Filled } from "@fluentui/react-icons";

// Drawn as Fluent's Field draws its messages: a warning has the icon in the warning colour and
// the words in the secondary text colour; an error has both in the error colour.
const useStyles = makeStyles({
  warning: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
  icon: {
    verticalAlign: "-0.1em",
    marginRight: tokens.spacingHorizontalXXS,
    "@media (forced-colors: active)": { color: "CanvasText" },
  },
  warningIcon: { color: tokens.colorPaletteDarkOrangeForeground1 },
  errorIcon: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * A short warning inside a line or a list item, where a whole notice would be too much: Fluent's
 * warning icon, then the words, so the warning is never told by colour alone. The words say it
 * all on their own; the icon is hidden from screen readers.
 */
export function WarningNote({ children }: { children: React.ReactNode }) {
  const styles = useStyles();
  return (
    <Caption1 className={styles.warning}>
      <Warning12Filled className={mergeClasses(styles.icon, styles.warningIcon)} aria-hidden="true" />
      {children}
    </Caption1>
  );
}

/**
 * The same for an error that stops an action, such as a save refused for want of any answer:
 * Fluent's error icon, then the words. It is an alert, so it is read out as it appears.
 */
export function ErrorNote({ children }: { children: React.ReactNode }) {
  const styles = useStyles();
  return (
    <Caption1 role="alert" className={styles.error}>
      <ErrorCircle12Filled className={mergeClasses(styles.icon, styles.errorIcon)} aria-hidden="true" />
      {children}
    </Caption1>
  );
}
