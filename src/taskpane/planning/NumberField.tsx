import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { parseNumber, type NumberRule } from "./parse";

const useStyles = makeStyles({
  // Fluent's Input has a wide minimum width; in a narrow pane the field must shrink with its column.
  input: { minWidth: 0, width: "100%" },
  // A long unit ("minutes per claim handled") is cut short, in full on hover, so the number keeps room.
  unit: {
    color: tokens.colorNeutralForeground2,
    whiteSpace: "nowrap",
    maxWidth: "9em",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
});

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
  /**
   * The unit shown after the number: "periods", a currency. Percent rules show "%" and points
   * rules "pts" without it.
   */
  unit?: string;
  /** The former name of `unit`, still accepted. */
  contentAfter?: string;
}

/**
 * A number typed as text in the user's locale, checked against its rule, with its unit after it.
 * An error sits next to the field; so does a note saying how an ambiguous number was read
 * ("1,500", a percentage below 1), which does not block anything.
 *
 * @example
 * <NumberField label="Build cost" text={text} rule={{ min: 0 }} onText={setText} unit="EUR" />
 * <NumberField label="Target realized value" text="25" rule={{ percent: true }} onText={set} /> // shows "%"
 */
export function NumberField({
  label,
  text,
  rule,
  onText,
  hint,
  warning,
  showErrors = true,
  unit,
  contentAfter,
}: NumberFieldProps) {
  const styles = useStyles();
  const parsed = parseNumber(text, rule);
  const error = !parsed.ok && showErrors ? parsed.message : undefined;
  const note = parsed.ok ? parsed.note : undefined;
  const shownUnit = unit ?? contentAfter ?? (rule.percent ? "%" : rule.points ? "pts" : undefined);
  const message = error ?? [warning, note].filter(Boolean).join(" ");
  return (
    <Field
      label={label}
      hint={hint}
      validationState={error ? "error" : warning ? "warning" : "none"}
      validationMessage={message || undefined}
    >
      <Input
        className={styles.input}
        value={text}
        inputMode="decimal"
        onChange={(_, data) => onText(data.value)}
        contentAfter={
          shownUnit ? (
            <span className={styles.unit} title={shownUnit}>
              {shownUnit}
            </span>
          ) : undefined
        }
      />
    </Field>
  );
}
