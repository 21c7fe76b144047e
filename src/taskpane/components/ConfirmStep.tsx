import * as React from "react";
import { Button, makeStyles, tokens, shorthands } from "@fluentui/react-components";
import { KeepDates } from "./KeepDates";

const useStyles = makeStyles({
  step: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorStatusWarningBorder1),
    backgroundColor: tokens.colorStatusWarningBackground1,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    overflowWrap: "anywhere",
  },
  question: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export interface ConfirmStepProps {
  /** What is at stake, as a statement or question: it names the group. */
  question: string;
  detail?: string;
  confirmLabel: string;
  /** The safe choice: it has the focus when the step appears, and Escape chooses it. */
  keepLabel: string;
  onConfirm: () => void;
  onKeep: () => void;
  /** The confirming choice loses something: it is drawn as a plain button, not the main one. */
  destructive?: boolean;
  disabled?: boolean;
  /** Fields the answer needs, such as a date; Enter in one of them confirms. */
  children?: React.ReactNode;
}

/**
 * A question asked in place, next to the button that raised it (Office add-ins cannot use the
 * browser's confirm). The safe choice is focused, so Enter or Space never loses anything.
 */
export function ConfirmStep({
  question,
  detail,
  confirmLabel,
  keepLabel,
  onConfirm,
  onKeep,
  destructive,
  disabled,
  children,
}: ConfirmStepProps) {
  const styles = useStyles();
  const id = React.useId();
  const keep = React.useRef<HTMLButtonElement>(null);
  const step = React.useRef<HTMLElement>(null);
  React.useEffect(() => {
    // The button that raised the question has the focus back when the question goes, unless the
    // user has moved on elsewhere or that button went with it.
    const opener = document.activeElement as HTMLElement | null;
    const node = step.current;
    keep.current?.focus();
    return () => {
      const now = document.activeElement;
      const lost = !now || now === document.body || node?.contains(now);
      if (lost && opener && opener !== document.body && opener.isConnected) opener.focus();
    };
  }, []);
  const parts = (
    <>
      <p id={`${id}-question`} className={styles.question}>
        <KeepDates text={question} />
      </p>
      {detail && (
        <p id={`${id}-detail`} className={styles.detail}>
          <KeepDates text={detail} />
        </p>
      )}
      {children}
      <div className={styles.actions}>
        <Button
          type={children ? "submit" : "button"}
          appearance={destructive ? "secondary" : "primary"}
          onClick={children ? undefined : onConfirm}
          disabled={disabled}
        >
          {confirmLabel}
        </Button>
        <Button ref={keep} onClick={onKeep} disabled={disabled}>
          {keepLabel}
        </Button>
      </div>
    </>
  );
  const group = {
    role: "group",
    "aria-labelledby": `${id}-question`,
    "aria-describedby": detail ? `${id}-detail` : undefined,
    className: styles.step,
    onKeyDown: (event: React.KeyboardEvent) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        onKeep();
      }
    },
  };
  // With fields, the step is a form of its own, so Enter in a field answers the question.
  return children ? (
    <form
      ref={step as React.RefObject<HTMLFormElement>}
      noValidate
      {...group}
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm();
      }}
    >
      {parts}
    </form>
  ) : (
    <div ref={step as React.RefObject<HTMLDivElement>} {...group}>
      {parts}
    </div>
  );
}
