import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useErrors } from "../errors";

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
        <MessageBar key={error.id} intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{error.title}</MessageBarTitle>
            {error.message}
          </MessageBarBody>
          <MessageBarActions>
            {error.retry && (
              <Button
                size="small"
                onClick={() => {
                  dismiss(error.id);
                  error.retry?.();
                }}
              >
                Retry
              </Button>
            )}
            <Button size="small" appearance="transparent" onClick={() => dismiss(error.id)}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      ))}
    </div>
  );
}
