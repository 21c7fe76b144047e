import * as React from "react";
import { Field, Input, makeStyles } from "@fluentui/react-components";
import { parseIsoDate } from "../../model";

// Fluent's Input has a wide minimum width; a field in a narrow column must shrink with it.
const useStyles = makeStyles({ fill: { minWidth: 0, width: "100%" } });

export interface DateFieldProps {
  label: string;
  value: string;
  onChange: (value: string, complete: boolean) => void;
  /** An error from the form (e.g. "Pick the start date."), shown when the date itself is fine. */
  error?: string;
  warning?: string;
  size?: "small" | "medium";
  /** Fill the column it sits in, however narrow, instead of Fluent's minimum width. */
  fill?: boolean;
  hint?: string;
  /**
   * Start as a read-only text box and become a date field right after the first render.
   * Chromium spends tens of milliseconds building its first date editor; on the first screen
   * the survey around the field is usable sooner this way.
   */
  deferEditor?: boolean;
  inputRef?: React.Ref<HTMLInputElement>;
}

/**
 * A date input that notices a date typed only in part: the browser then reports an empty value,
 * which must not pass for "no date".
 */
export function DateField({
  label,
  value,
  onChange,
  error,
  warning,
  size,
  fill,
  hint,
  deferEditor,
  inputRef,
}: DateFieldProps) {
  const styles = useStyles();
  const [partial, setPartial] = React.useState(false);
  const [native, setNative] = React.useState(!deferEditor);
  React.useEffect(() => {
    if (!native) React.startTransition(() => setNative(true));
  }, [native]);
  const message = partial
    ? "Enter the whole date: day, month and year."
    : value && parseIsoDate(value) === null
      ? "Not a calendar date."
      : error;
  return (
    <Field
      label={label}
      size={size}
      hint={hint}
      validationState={message ? "error" : warning ? "warning" : "none"}
      validationMessage={message ?? warning}
    >
      <Input
        ref={inputRef}
        // Read-only until the date editor is built, so nothing typed can be dropped by the switch.
        type={native ? "date" : "text"}
        readOnly={!native}
        size={size}
        className={fill ? styles.fill : undefined}
        value={value}
        onChange={(event, data) => {
          const incomplete = event.currentTarget.validity?.badInput ?? false;
          setPartial(incomplete);
          onChange(data.value, !incomplete);
        }}
        onBlur={(event) => {
          const incomplete = event.currentTarget.validity?.badInput ?? false;
          if (incomplete !== partial) {
            setPartial(incomplete);
            onChange(value, !incomplete);
          }
        }}
      />
    </Field>
  );
}
