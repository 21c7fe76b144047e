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
}

/**
 * A date input that notices a date typed only in part: the browser then reports an empty value,
 * which must not pass for "no date".
 */
export function DateField({ label, value, onChange, error, warning, size, fill }: DateFieldProps) {
  const styles = useStyles();
  const [partial, setPartial] = React.useState(false);
  const message = partial
    ? "Enter the whole date: day, month and year."
    : value && parseIsoDate(value) === null
      ? "Not a calendar date."
      : error;
  return (
    <Field
      label={label}
      size={size}
      validationState={message ? "error" : warning ? "warning" : "none"}
      validationMessage={message ?? warning}
    >
      <Input
        type="date"
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
