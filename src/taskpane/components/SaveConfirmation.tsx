import * as React from "react";
import { Caption1, makeStyles, tokens, useAnnounce } from "@fluentui/react-components";
import { KeepDates } from "./KeepDates";

// A line under a Save button that says what was saved: seen where the user pressed, and
// announced through the pane's live region, since the line itself appears with its text in it.
const useStyles = makeStyles({ line: { color: tokens.colorNeutralForeground2 } });

/** What the last save said, and the function to say it after a save succeeds. */
export function useSaveConfirmation() {
  const { announce } = useAnnounce();
  const [text, setText] = React.useState<string | null>(null);
  const confirm = React.useCallback(
    (said: string) => {
      setText(said);
      announce(said, { polite: true });
    },
    [announce],
  );
  const clear = React.useCallback(() => setText(null), []);
  /**
   * Runs a planning write (usePlanning's, given the function to call once it has gone through):
   * clears the last line first, and says what the write did once it went through, at once or at
   * a Retry from the error bar.
   */
  const after = React.useCallback(
    async <T,>(
      write: (onDone: (result: T) => void) => Promise<unknown>,
      said: (result: T) => string,
    ): Promise<void> => {
      setText(null);
      await write((result) => confirm(said(result)));
    },
    [confirm],
  );
  return { text, confirm, clear, after };
}

export function SaveConfirmation({ text }: { text: string | null }) {
  const styles = useStyles();
  return text ? (
    <Caption1 className={styles.line} data-testid="save-confirmation">
      <KeepDates text={text} />
    </Caption1>
  ) : null;
}
