import * as React from "react";
import { Field, Input } from "@fluentui/react-components";
import { parseIsoDate } from "../../model";

export interface DateFieldProps {
  label: string;
  value: string;
  onChange: (value: string, complete: boolean) => void;
  /** An error from the form (e.g. "Pick the start date."), shown when the date itself is fine. */
  error?: string;
  warning?: string;
}

/**
 * A date input that notices a date typed only in part: the browser then reports an empty value,
 * which must not pass for "no date".
 */
export function DateField({ label, value, onChange, error, warning }: DateFieldProps) {
  const [partial, setPartial] = React.useState(false);
  const message = partial
    ? "Enter the whole date: day, month and year."
    : value && parseIsoDate(value) === null
      ? "Not a calendar date."
      : error;
  return (
    <Field
      label={label}
      validationState={message ? "error" : warning ? "warning" : "none"}
      validationMessage={message ?? warning}
    >
      <Input
        type="date"
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
