import * as React from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { Warning12Filled } from "@fluentui/react-icons";

// Drawn as Fluent's Field draws a warning message: the icon in the warning colour, the words in
// the secondary text colour.
const useStyles = makeStyles({
  note: { color: tokens.colorNeutralForeground2 },
  icon: {
    color: tokens.colorPaletteDarkOrangeForeground1,
    verticalAlign: "-0.1em",
    marginRight: tokens.spacingHorizontalXXS,
    "@media (forced-colors: active)": { color: "CanvasText" },
  },
});

/**
 * A short warning inside a line or a list item, where a whole notice would be too much: Fluent's
 * warning icon, then the words, so the warning is never told by colour alone. The words say it
 * all on their own; the icon is hidden from screen readers.
 */
export function WarningNote({ children }: { children: React.ReactNode }) {
  const styles = useStyles();
  return (
    <Caption1 className={styles.note}>
      <Warning12Filled className={styles.icon} aria-hidden="true" />
      {children}
    </Caption1>
  );
}
