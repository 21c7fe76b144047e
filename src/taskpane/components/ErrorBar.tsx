import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useErrors } from "../errors";
import { Notice } from "./Notice";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

/**
 * Every reported error, visible until dismissed, with Retry where the action can be repeated. An
 * error that answers the user's own action takes the focus once, so that it is seen and read
 * wherever the user pressed (the Save button sits far below this bar in a long form); Dismiss or
 * Retry on it gives the focus back there, rather than leaving it nowhere once the error is gone.
 */
export function ErrorBar() {
  const styles = useStyles();
  const { errors, dismiss } = useErrors();
  const focusTarget = errors.filter((error) => error.focus).at(-1);
  // Report ids only grow: a newer one than the last focused is a new report to focus.
  const lastFocused = React.useRef(0);
  const target = React.useRef<HTMLDivElement>(null);
  // Where the focus was when the last focused error took it.
  const cameFrom = React.useRef<{ id: number; element: HTMLElement } | null>(null);
  React.useEffect(() => {
    if (!focusTarget || focusTarget.id <= lastFocused.current) return;
    lastFocused.current = focusTarget.id;
    const before = document.activeElement;
    cameFrom.current =
      before instanceof HTMLElement && before !== document.body ? { id: focusTarget.id, element: before } : null;
    target.current?.focus();
  }, [focusTarget]);
  /** Removes an error; if it had taken the focus, gives the focus back to where it came from. */
  const close = (id: number) => {
    dismiss(id);
    const from = cameFrom.current;
    if (from?.id === id && from.element.isConnected) from.element.focus();
  };
  if (errors.length === 0) return null;
  return (
    <div className={styles.stack}>
      {errors.map((error) => (
        <Notice
          key={error.id}
          ref={error === focusTarget ? target : undefined}
          intent="error"
          title={error.title}
          onDismiss={() => close(error.id)}
          actions={
            error.retry && (
              <Button
                size="small"
                onClick={() => {
                  close(error.id);
                  error.retry?.();
                }}
              >
                Retry
              </Button>
            )
          }
        >
          {error.message}
        </Notice>
      ))}
    </div>
  );
}
