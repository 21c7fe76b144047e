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
 * wherever the user pressed (the Save button sits far below this bar in a long form).
 */
export function ErrorBar() {
  const styles = useStyles();
  const { errors, dismiss } = useErrors();
  const focusTarget = errors.filter((error) => error.focus).at(-1);
  // Report ids only grow: a newer one than the last focused is a new report to focus.
  const lastFocused = React.useRef(0);
  const target = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (!focusTarget || focusTarget.id <= lastFocused.current) return;
    lastFocused.current = focusTarget.id;
    target.current?.focus();
  }, [focusTarget]);
  if (errors.length === 0) return null;
  return (
    <div className={styles.stack}>
      {errors.map((error) => (
        <Notice
          key={error.id}
          ref={error === focusTarget ? target : undefined}
          intent="error"
          title={error.title}
          onDismiss={() => dismiss(error.id)}
          actions={
            error.retry && (
              <Button
                size="small"
                onClick={() => {
                  dismiss(error.id);
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
