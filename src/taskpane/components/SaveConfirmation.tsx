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
  const line = React.useRef<HTMLSpanElement>(null);
  React.useEffect(() => {
    const node = line.current;
    if (!text || !node) return;
    // In view even when the button stood at the pane's bottom edge; and where the pressed control
    // has gone (Generate roadmap becomes Regenerate), the focus comes here rather than to the page.
    node.scrollIntoView?.({ block: "nearest" });
    if (!document.activeElement || document.activeElement === document.body) node.focus();
  }, [text]);
  return text ? (
    <span ref={line} tabIndex={-1} data-testid="save-confirmation">
      <Caption1 className={styles.line}>
        <KeepDates text={text} />
      </Caption1>
    </span>
  ) : null;
}
