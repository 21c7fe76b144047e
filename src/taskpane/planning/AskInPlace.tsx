import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  step: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder1}`,
    backgroundColor: tokens.colorStatusWarningBackground1,
    color: tokens.colorNeutralForeground1,
    overflowWrap: "anywhere",
  },
  question: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export interface AskInPlaceProps {
  /** The question; it names the group. */
  question: string;
  /** What is lost, said plainly. */
  detail: string;
  confirmLabel: string;
  /** The safe choice: focused when the question appears, and chosen by Escape. */
  keepLabel: string;
  /** Called on the confirming button, or Enter in a field; the caller closes the question. */
  onConfirm: () => void;
  onKeep: () => void;
  /** Fields the answer needs, such as a date. */
  children?: React.ReactNode;
}

/**
 * A question asked in the pane, under the button that raised it: an Office add-in cannot use the
 * browser's confirm, and a question in place reads well in a narrow pane. The safe choice has the
 * focus, so Enter or Space on it loses nothing; Enter in a field below confirms.
 */
export function AskInPlace({
  question,
  detail,
  confirmLabel,
  keepLabel,
  onConfirm,
  onKeep,
  children,
}: AskInPlaceProps) {
  const styles = useStyles();
  const id = React.useId();
  const keep = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => keep.current?.focus(), []);
  return (
    <form
      noValidate
      role="group"
      aria-labelledby={`${id}-question`}
      aria-describedby={`${id}-detail`}
      className={styles.step}
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm();
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          onKeep();
        }
      }}
    >
      <p id={`${id}-question`} className={styles.question}>
        {question}
      </p>
      <p id={`${id}-detail`} className={styles.detail}>
        {detail}
      </p>
      {children}
      <div className={styles.actions}>
        {/* Both plain: the confirming choice loses something, so it is not drawn as the main one. */}
        <Button type="submit">{confirmLabel}</Button>
        <Button ref={keep} type="button" onClick={onKeep}>
          {keepLabel}
        </Button>
      </div>
    </form>
  );
}
