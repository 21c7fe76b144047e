import { Field, Input, makeStyles } from "@fluentui/react-components";

// Fluent's Input has a wide minimum width; in a narrow pane the field must shrink with its column.
const useStyles = makeStyles({ input: { minWidth: 0, width: "100%" } });
import { parseNumber, type NumberRule } from "./parse";

export interface NumberFieldProps {
  label: string;
  text: string;
  rule: NumberRule;
  onText: (text: string) => void;
  hint?: string;
  /** A warning that does not block saving, e.g. dates in an unusual order. */
  warning?: string;
  /** Show the message only once the user has tried to submit or left the field. */
  showErrors?: boolean;
  contentAfter?: string;
}

/** A number typed as text, checked against its rule; the message sits next to the field. */
export function NumberField({
  label,
  text,
  rule,
  onText,
  hint,
  warning,
  showErrors = true,
  contentAfter,
}: NumberFieldProps) {
  const styles = useStyles();
  const parsed = parseNumber(text, rule);
  const error = !parsed.ok && showErrors ? parsed.message : undefined;
  return (
    <Field
      label={label}
      hint={hint}
      validationState={error ? "error" : warning ? "warning" : "none"}
      validationMessage={error ?? warning}
    >
      <Input
        className={styles.input}
        value={text}
        inputMode="decimal"
        onChange={(_, data) => onText(data.value)}
        contentAfter={contentAfter}
      />
    </Field>
  );
}
