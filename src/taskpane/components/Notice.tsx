import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";

// In a narrow pane a long message wraps instead of running off the edge, and buttons that do
// not fit side by side go to a new row rather than squeezing their labels.
const useStyles = makeStyles({
  body: { overflowWrap: "anywhere", minWidth: 0 },
  actions: { flexWrap: "wrap", rowGap: tokens.spacingVerticalXS },
});

export interface NoticeProps {
  intent: "error" | "success" | "info" | "warning";
  title?: string;
  children: React.ReactNode;
  actions?: React.ReactNode;
  onDismiss?: () => void;
}

/**
 * Fluent's MessageBar with the pane's usual parts: a title, the message, actions and Dismiss.
 * The intent shows as an icon as well as a colour, and the text is announced through the
 * pane's AriaLiveAnnouncer when the notice appears (give a notice a new `key` to announce a
 * new text). Without a title the notice is named by its message.
 */
export const Notice = React.forwardRef<HTMLDivElement, NoticeProps>(function Notice(
  { intent, title, children, actions, onDismiss },
  ref,
) {
  const styles = useStyles();
  const bodyId = React.useId();
  return (
    <MessageBar
      ref={ref}
      // Focusable from code only, when a ref asks (an error that answers the user's action takes the focus).
      tabIndex={ref ? -1 : undefined}
      intent={intent}
      // Fluent keeps the intent to itself; tests and styles that look for errors read it here.
      data-intent={intent}
      layout="multiline"
      {...(title ? {} : { "aria-labelledby": bodyId })}
    >
      <MessageBarBody id={bodyId} className={styles.body}>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {title ? " " : null}
        {children}
      </MessageBarBody>
      {(actions || onDismiss) && (
        <MessageBarActions className={styles.actions}>
          {actions}
          {onDismiss && (
            <Button size="small" appearance="transparent" onClick={onDismiss}>
              Dismiss
            </Button>
          )}
        </MessageBarActions>
      )}
    </MessageBar>
  );
});
