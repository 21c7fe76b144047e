import * as React from "react";
import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";

// Drawn like Fluent's outline Input, on a native <input>: the first screen then does not load
// Fluent's Input, which brings the whole token table into the first bundle.
const useStyles = makeStyles({
  input: {
    boxSizing: "border-box",
    width: "100%",
    minHeight: "32px",
    padding: `0 ${tokens.spacingHorizontalMNudge}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    "::placeholder": { color: tokens.colorNeutralForeground4, opacity: 1 },
    ":hover": {
      ...shorthands.borderColor(tokens.colorNeutralStroke1Hover),
      borderBottomColor: tokens.colorNeutralStrokeAccessibleHover,
    },
    ":focus": { outline: "none", borderBottomColor: tokens.colorCompoundBrandStroke },
    // The brand underline Fluent draws on focus, two pixels thick.
    ":focus-visible": { boxShadow: `inset 0 -2px 0 ${tokens.colorCompoundBrandStroke}` },
    '&[aria-invalid="true"]': shorthands.borderColor(tokens.colorPaletteRedBorder2),
    "@media (forced-colors: active)": { ":focus-visible": { outline: `${tokens.strokeWidthThick} solid Highlight` } },
  },
});

export interface TextInputProps extends Omit<React.InputHTMLAttributes<HTMLInputElement>, "onChange"> {
  value: string;
  onValueChange: (value: string) => void;
}

/** A text input; inside a `FormField`, spread the field's props onto it. */
export function TextInput({ className, onValueChange, ...props }: TextInputProps) {
  const styles = useStyles();
  return (
    <input
      type="text"
      {...props}
      className={mergeClasses(styles.input, className)}
      onChange={(event) => onValueChange(event.target.value)}
    />
  );
}

/**
 * A native date field. Chromium spends tens of milliseconds building its first date editor, so
 * the field starts as a read-only text box of the same size and becomes a date field in a
 * transition right after the first render: the survey above and below it is usable sooner.
 */
export function DateInput({ readOnly, ...props }: Omit<TextInputProps, "type">) {
  const [native, setNative] = React.useState(false);
  React.useEffect(() => React.startTransition(() => setNative(true)), []);
  // Read-only until then, so nothing typed into the text box can be dropped by the date field.
  return <TextInput {...props} type={native ? "date" : "text"} readOnly={readOnly || !native} />;
}
