import * as React from "react";
import { Body1, Button, Caption1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { LAYERS, realizedValue, scenarioChange, type Scenario } from "../../model";
import { formatPercent, formatPoints } from "../components/format";
import { duplicateError, sameNameAs, scenariosOf } from "./names";
import { NumberField } from "./NumberField";
import { parseNumber } from "./parse";
import { usePanelStyles } from "./styles";
import { SCORE_RULE, scoreText } from "./useScoreEditor";

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  // Five short fields, as many side by side as the pane allows, never wider than it.
  scores: {
    display: "grid",
    // Wide enough for "Measurement %" on one line, so the fields of a row stay level.
    gridTemplateColumns: "repeat(auto-fill, minmax(7.5rem, 1fr))",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  input: { minWidth: 0, width: "100%" },
});

export interface ScenarioEditFormProps {
  scenario: Scenario;
  /** Every saved scenario, for the duplicate-name warning. */
  scenarios: readonly Scenario[];
  /**
   * Saves the changed scenario under its own id, and calls `onSaved` once it is saved, at once or
   * at a Retry from the error bar. After a failure the form stays, with what was typed.
   */
  onSave: (scenario: Scenario, onSaved: () => void) => Promise<unknown>;
  /** Closes this form, and only this one: a Retry may go through after another form was opened. */
  onCancel: () => void;
}

/** Renames a saved scenario and changes its five scores; its base stays what it started from. */
export function ScenarioEditForm({ scenario, scenarios, onSave, onCancel }: ScenarioEditFormProps) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const [name, setName] = React.useState(scenario.name);
  // The fields show scores to a tenth of a percent; a score left as it was shown keeps its exact
  // saved value, so that opening and saving a scenario changes nothing in it.
  const [shown] = React.useState(() => scenario.scores.map(scoreText));
  const [texts, setTexts] = React.useState(shown);
  const [tried, setTried] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  // What the form holds now, for a save that goes through only later, at a Retry.
  const current = React.useRef({ name, texts });
  current.current = { name, texts };

  const parsed = texts.map((text) => parseNumber(text, SCORE_RULE));
  const scores = parsed.map((p, i) =>
    texts[i] === shown[i] || !p.ok || p.value === null ? scenario.scores[i] : p.value,
  );
  const scoresValid = parsed.every((p) => p.ok && p.value !== null);
  const twin = sameNameAs(name, scenariosOf(scenarios, scenario.workflow), scenario.id);
  const realized = realizedValue(scores);

  const save = async () => {
    setTried(true);
    if (!name.trim() || twin || !scoresValid) return;
    setSaving(true);
    const sent = { name, texts };
    await onSave({ ...scenario, name: name.trim(), scores }, () => {
      // Closed once saved; but changes typed after a failed attempt, before its Retry, are not
      // saved yet, so the form stays open with them.
      const now = current.current;
      if (now.name === sent.name && now.texts.every((text, i) => text === sent.texts[i])) onCancel();
    });
    setSaving(false);
  };

  return (
    <form
      className={styles.form}
      aria-label={`Edit scenario “${scenario.name}”`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Field
        label="Name"
        required
        validationState={(tried && !name.trim()) || twin ? "error" : "none"}
        validationMessage={tried && !name.trim() ? "Name the scenario." : twin ? duplicateError(name) : undefined}
      >
        <Input className={styles.input} value={name} onChange={(_, data) => setName(data.value)} />
      </Field>
      <div className={styles.scores} role="group" aria-label="Layer scores">
        {LAYERS.map((layer, i) => (
          <NumberField
            key={layer.id}
            label={`${layer.short} %`}
            text={texts[i]}
            rule={SCORE_RULE}
            onText={(text) => setTexts((current) => current.map((t, j) => (j === i ? text : t)))}
          />
        ))}
      </div>
      <Body1 aria-live="polite">
        Realized value {formatPercent(realized)}, {formatPoints(scenarioChange({ ...scenario, scores }))} against its
        base.
      </Body1>
      <Caption1 className={panel.note}>Base: {scenario.baseLabel}. Editing keeps the base.</Caption1>
      {tried && !scoresValid && (
        <Body1 role="alert">Fix the scores marked above; nothing is saved until they are valid.</Body1>
      )}
      <div className={panel.row}>
        <Button appearance="primary" type="submit" disabled={saving}>
          Save changes
        </Button>
        <Button type="button" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
