import * as React from "react";
import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import { PaneButton } from "./PaneButton";

// A light message bar for the first screen: the pane's errors, restore and save notices.
const useStyles = makeStyles({
  // The buttons sit beside the message, or below it when the pane is too narrow for both.
  notice: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke1),
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  error: {
    backgroundColor: tokens.colorStatusDangerBackground1,
    ...shorthands.borderColor(tokens.colorStatusDangerBorder1),
    color: tokens.colorNeutralForeground1,
  },
  success: {
    backgroundColor: tokens.colorStatusSuccessBackground1,
    ...shorthands.borderColor(tokens.colorStatusSuccessBorder1),
    color: tokens.colorNeutralForeground1,
  },
  info: {
    backgroundColor: tokens.colorNeutralBackground3,

    color: tokens.colorNeutralForeground1,
  },
  body: {
    flexGrow: 1,
    flexBasis: "12rem",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  title: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalXS, flexShrink: 0 },
});

export interface NoticeProps {
  intent: "error" | "success" | "info";
  title?: string;
  children: React.ReactNode;
  actions?: React.ReactNode;
  onDismiss?: () => void;
}

/** Errors are announced at once (role alert); other notices politely (role status). */
export function Notice({ intent, title, children, actions, onDismiss }: NoticeProps) {
  const styles = useStyles();
  return (
    <div role={intent === "error" ? "alert" : "status"} className={mergeClasses(styles.notice, styles[intent])}>
      <div className={styles.body}>
        {title && <span className={styles.title}>{title}</span>}
        <span>{children}</span>
      </div>
      <div className={styles.actions}>
        {actions}
        {onDismiss && (
          <PaneButton size="small" appearance="transparent" onClick={onDismiss}>
            Dismiss
          </PaneButton>
        )}
      </div>
    </div>
  );
}
