import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

// Label, hint and error message laid out like Fluent's Field, for the first screen's native inputs.
const useStyles = makeStyles({
  field: { display: "grid", rowGap: tokens.spacingVerticalXXS },
  label: { color: tokens.colorNeutralForeground1 },
  required: { color: tokens.colorPaletteRedForeground3, paddingLeft: tokens.spacingHorizontalXXS },
  hint: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
  error: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorPaletteRedForeground1,
  },
});

/** What a field hands to its control: the ids and states that tie the control to its texts. */
export interface FieldControlProps {
  id: string;
  required?: boolean;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}

export interface FormFieldProps {
  label: string;
  required?: boolean;
  hint?: string;
  /** Shown in place of nothing, and announced, while the value is not acceptable. */
  error?: string;
  children: (control: FieldControlProps) => React.ReactNode;
}

/** A labelled field: the label names the control, the hint and the error describe it. */
export function FormField({ label, required, hint, error, children }: FormFieldProps) {
  const styles = useStyles();
  const id = React.useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
        {required && (
          <span aria-hidden="true" className={styles.required}>
            *
          </span>
        )}
      </label>
      {children({ id, required, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {error && (
        <span id={errorId} role="alert" className={styles.error}>
          {error}
        </span>
      )}
      {hint && (
        <span id={hintId} className={styles.hint}>
          {hint}
        </span>
      )}
    </div>
  );
}
