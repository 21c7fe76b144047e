import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useErrors } from "../errors";
import { Notice } from "./Notice";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

/** Every reported error, visible until dismissed, with Retry where the action can be repeated. */
export function ErrorBar() {
  const styles = useStyles();
  const { errors, dismiss } = useErrors();
  if (errors.length === 0) return null;
  return (
    <div className={styles.stack}>
      {errors.map((error) => (
        <Notice
          key={error.id}
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
