import * as React from "react";
import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";

// Drawn like Fluent's Button, on a native <button>. The first screen uses it so that the first
// bundle does not carry Fluent's Button, whose styles module reads the whole token table at load.
// The planning panels, which load on demand, use Fluent's Button itself.
const useStyles = makeStyles({
  base: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    boxSizing: "border-box",
    minWidth: "96px",
    minHeight: "32px",
    padding: `5px ${tokens.spacingHorizontalM}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: "pointer",
    ":hover": {
      backgroundColor: tokens.colorNeutralBackground1Hover,
      ...shorthands.borderColor(tokens.colorNeutralStroke1Hover),
    },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
    ":disabled": {
      cursor: "not-allowed",
      color: tokens.colorNeutralForegroundDisabled,
      backgroundColor: tokens.colorNeutralBackgroundDisabled,
      ...shorthands.borderColor(tokens.colorNeutralStrokeDisabled),
    },
    "@media (forced-colors: active)": {
      ":focus-visible": { outline: `${tokens.strokeWidthThick} solid Highlight` },
      ":disabled": { color: "GrayText", ...shorthands.borderColor("GrayText") },
    },
  },
  primary: {
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: tokens.colorBrandBackground,
    ...shorthands.borderColor("transparent"),
    ":hover": { backgroundColor: tokens.colorBrandBackgroundHover, ...shorthands.borderColor("transparent") },
    ":active": { backgroundColor: tokens.colorBrandBackgroundPressed },
  },
  transparent: {
    backgroundColor: "transparent",
    ...shorthands.borderColor("transparent"),
    ":hover": { backgroundColor: "transparent", color: tokens.colorBrandForeground2Hover },
  },
  small: {
    minWidth: "64px",
    minHeight: "24px",
    padding: `3px ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightRegular,
    borderRadius: tokens.borderRadiusSmall,
  },
});

export interface PaneButtonProps extends React.ButtonHTMLAttributes<HTMLButtonElement> {
  appearance?: "secondary" | "primary" | "transparent";
  size?: "small" | "medium";
}

/** A button with Fluent's look: `primary` for the main action, `transparent` for dismiss links. */
export const PaneButton = React.forwardRef<HTMLButtonElement, PaneButtonProps>(function PaneButton(
  { appearance = "secondary", size = "medium", className, ...props },
  ref,
) {
  const styles = useStyles();
  return (
    <button
      type="button"
      {...props}
      ref={ref}
      className={mergeClasses(
        styles.base,
        appearance !== "secondary" && styles[appearance],
        size === "small" && styles.small,
        className,
      )}
    />
  );
});
