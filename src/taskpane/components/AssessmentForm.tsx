import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { PaneButton } from "./PaneButton";
import { LAYERS, STATEMENTS, STATEMENT_COUNT, assessAnswers, statementsOf } from "../../model";
import type { Draft } from "../../workbook/store";
import { AnswerScale } from "./AnswerScale";
import { FormField } from "./FormField";
import { DateInput, TextInput } from "./TextInput";
import { formatPercent } from "./format";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  meta: { display: "grid", gridTemplateColumns: "1fr", rowGap: tokens.spacingVerticalS },
  progress: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: `${tokens.spacingVerticalS} 0`,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  // Layers below the fold are laid out when scrolled to, so the first screen appears sooner.
  layer: { border: "none", margin: 0, padding: 0, contentVisibility: "auto", containIntrinsicSize: "auto 480px" },
  track: {
    height: "4px",
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground6,
    overflow: "hidden",
  },
  bar: { height: "100%", backgroundColor: tokens.colorCompoundBrandBackground, transition: "width 0.2s" },
  layerHeading: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "baseline",
    margin: `${tokens.spacingVerticalM} 0 0`,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  layerScore: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

const FIRST_STATEMENTS = 1;

export interface AssessmentFormProps {
  draft: Draft;
  workflows: readonly string[];
  saving: boolean;
  onField: (field: "workflow" | "respondent" | "date", value: string) => void;
  onAnswer: (statementId: string, value: number) => void;
  onSave: () => void;
  onNext: () => void;
}

export function AssessmentForm({ draft, workflows, saving, onField, onAnswer, onSave, onNext }: AssessmentFormProps) {
  const styles = useStyles();
  const progress = assessAnswers(draft.answers);
  const workflowMissing = draft.workflow.trim() === "";
  const [touched, setTouched] = React.useState(false);
  // The first statement renders at once; the rest follow in a transition, which yields to input.
  const [statementCount, setStatementCount] = React.useState(FIRST_STATEMENTS);
  React.useEffect(() => {
    // The first statements can be answered from here on; the start-up benchmark reads this mark.
    performance.mark?.("agap-interactive"); // absent in some test environments
    React.startTransition(() => setStatementCount(STATEMENT_COUNT));
  }, []);

  return (
    <form
      className={styles.form}
      aria-label="Assessment"
      noValidate // our own message says what is missing, in the pane's words
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (!workflowMissing) onSave();
      }}
    >
      <div className={styles.meta}>
        <FormField
          label="Workflow"
          required
          hint="Pick a workflow assessed before, or type a new name."
          error={touched && workflowMissing ? "Name the workflow before saving." : undefined}
        >
          {(fieldProps) => (
            <TextInput
              {...fieldProps}
              placeholder="e.g. Invoice triage"
              value={draft.workflow}
              list="agap-workflows"
              autoComplete="off"
              onValueChange={(value) => onField("workflow", value)}
            />
          )}
        </FormField>
        {/* A native list of earlier workflows: suggestions without a heavy popup component. */}
        <datalist id="agap-workflows">
          {workflows.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <FormField label="Respondent (optional)">
          {(fieldProps) => (
            <TextInput
              {...fieldProps}
              value={draft.respondent}
              onValueChange={(value) => onField("respondent", value)}
            />
          )}
        </FormField>
        <FormField label="Date (optional)">
          {(fieldProps) => (
            <DateInput {...fieldProps} value={draft.date} onValueChange={(value) => onField("date", value)} />
          )}
        </FormField>
      </div>

      <div className={styles.progress}>
        <span role="status" aria-live="polite" id="assessment-progress">
          {progress.answered} of {STATEMENT_COUNT} answered
        </span>
        <div
          className={styles.track}
          role="progressbar"
          aria-labelledby="assessment-progress"
          aria-valuemin={0}
          aria-valuemax={STATEMENT_COUNT}
          aria-valuenow={progress.answered}
        >
          <div className={styles.bar} style={{ width: `${(progress.answered / STATEMENT_COUNT) * 100}%` }} />
        </div>
      </div>

      {LAYERS.map((layer, layerIndex) => {
        const statements = statementsOf(layer.id).filter((statement) => STATEMENTS.indexOf(statement) < statementCount);
        if (statements.length === 0) return null;
        const score = progress.layerScores[layerIndex];
        return (
          <fieldset key={layer.id} className={styles.layer} aria-labelledby={`layer-${layer.id}`}>
            <h2 id={`layer-${layer.id}`} className={styles.layerHeading}>
              <span>{layer.name}</span>
              <span className={styles.layerScore}>{score === null ? "" : `score ${formatPercent(score)}`}</span>
            </h2>
            {statements.map((statement) => (
              <AnswerScale
                key={statement.id}
                statement={statement}
                number={STATEMENTS.indexOf(statement) + 1}
                value={draft.answers[statement.id]}
                onChange={onAnswer}
              />
            ))}
          </fieldset>
        );
      })}

      <div className={styles.actions}>
        <PaneButton appearance="primary" type="submit" disabled={saving}>
          {saving ? "Saving…" : draft.responseId ? "Save changes" : "Save response"}
        </PaneButton>
        <PaneButton type="button" onClick={onNext} disabled={saving}>
          Next respondent
        </PaneButton>
      </div>
    </form>
  );
}
