import * as React from "react";
import { Button, makeStyles, mergeClasses, tokens, Field, Input, Switch } from "@fluentui/react-components";
import { ConfirmStep } from "./ConfirmStep";
import { LAYERS, STATEMENTS, STATEMENT_COUNT, assessAnswers, nearName, statementsOf, roundLabel } from "../../model";
import type { Draft } from "../../workbook/store";
import type { RoundAnonymity } from "../hooks/useTeamSettings";
import { AnswerScale } from "./AnswerScale";
import { KeepDates } from "./KeepDates";
import { DateField } from "./DateField";
import { Notice } from "./Notice";
import { ErrorNote } from "./WarningNote";
import { formatPercent } from "./format";
import { WorkflowList } from "./WorkflowList";

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
  // Layers below the fold are laid out when scrolled to, so the first screen appears sooner. Until
  // then each counts as 480 px high; its width stays the form's (an intrinsic width, with a
  // fieldset's min-content minimum, would widen a narrow pane).
  layer: {
    border: "none",
    margin: 0,
    padding: 0,
    minWidth: 0,
    contentVisibility: "auto",
    containIntrinsicHeight: "auto 480px",
  },
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
  footer: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  // Drawn like the pane's info notice, so edit mode is plain to see above the fields.
  banner: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorCompoundBrandStroke}`,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  bannerRow: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  bannerText: { fontWeight: tokens.fontWeightSemibold },
  // Fluent's Input has a wide minimum width; in a narrow pane it shrinks with the form.
  input: { minWidth: 0, width: "100%" },
  useName: { justifySelf: "start" },
  confirmation: {
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  small: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  anonymity: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  // Fluent's Switch indents its label by the track's margin; aligned here with the fields above.
  switch: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  hint: { color: tokens.colorNeutralForeground2 },
});

const FIRST_STATEMENTS = 1;

/** What the form shows while it edits a saved response. */
export interface EditState {
  /** The saved response in words, as it was opened: "Ana's response of 2026-04-02". */
  label: string;
  /** The form differs from the saved response. */
  unsaved: boolean;
  /** Statements answered on the new response set aside for this edit (0 when none). */
  setAsideAnswered: number;
}

export interface AssessmentFormProps {
  draft: Draft;
  workflows: readonly string[];
  saving: boolean;
  /** Set while the form edits a saved response. */
  editing?: EditState | null;
  /** The date each new respondent starts with; "" for none. */
  roundDate?: string;
  onRoundDate?: (value: string) => void;
  onField: (field: "workflow" | "respondent" | "date", value: string) => void;
  onAnswer: (statementId: string, value: number) => void;
  /** Saves the form; called for a partial response only once the user has said so. */
  onSave: () => void;
  /** Starts the next respondent; called over unsaved answers only once the user has said so. */
  onNext: () => void;
  /** Leaves edit mode; called over unsaved changes only once the user has said so. */
  onCancelEdit?: () => void;
  /** What the last save did, shown beside the Save button; a new `key` for each save. */
  confirmation?: ResponseSaved | null;
  onDismissConfirmation?: () => void;
  /** Opens the Results tab. */
  onShowResults?: () => void;
  /** Whether the draft's round is anonymous, and the switch that changes it; absent, no switch. */
  anonymity?: RoundAnonymity | null;
}

/** Said beside the Save button after a save, where the user's eyes and focus are. */
export interface ResponseSaved {
  key: number;
  text: string;
  /** The form is ready for the next respondent (false after saving changes to a saved response). */
  next: boolean;
}

/** A question the form is asking, and where: beside the edit banner or beside the buttons below. */
type Ask = { kind: "partial" | "next" | "cancel"; at: "top" | "bottom" };

const roundWords = (workflow: string, date: string) => `${workflow}, ${roundLabel(date)}`;

/** What the anonymity switch does for this round, said under it. */
/** Said in place of the switch until a workflow is named. */
export const ANONYMITY_NEEDS_WORKFLOW =
  "Anonymous round: name the workflow first, since a round is one workflow on one date.";

function anonymityHint({ workflow, date, on }: RoundAnonymity): string {
  return on
    ? `No names are asked for or kept in ${roundWords(workflow, date)}: each response is saved as “Respondent 1”, “Respondent 2”…`
    : `Keep no names in ${roundWords(workflow, date)}: each response is then saved as “Respondent 1”, “Respondent 2”…`;
}

const are = (n: number) => (n === 1 ? "is" : "are");

export function AssessmentForm({
  draft,
  workflows,
  saving,
  editing = null,
  roundDate = "",
  onRoundDate,
  onField,
  onAnswer,
  onSave,
  onNext,
  onCancelEdit,
  confirmation = null,
  onDismissConfirmation,
  onShowResults,
  anonymity = null,
}: AssessmentFormProps) {
  const styles = useStyles();
  const progress = assessAnswers(draft.answers);
  const missing = STATEMENT_COUNT - progress.answered;
  const workflowMissing = draft.workflow.trim() === "";
  const unsaved = editing ? editing.unsaved : progress.answered > 0;
  const [touched, setTouched] = React.useState(false);
  const [datePartial, setDatePartial] = React.useState(false);
  const near = nearName(draft.workflow, workflows);
  const workflowInput = React.useRef<HTMLInputElement>(null);
  const respondentInput = React.useRef<HTMLInputElement>(null);
  const dateInput = React.useRef<HTMLInputElement>(null);
  const saved = React.useRef<HTMLDivElement>(null);
  // A new confirmation takes the focus, so it is read out and the next step is one Tab away.
  React.useEffect(() => {
    const node = saved.current;
    if (!confirmation || !node) return;
    node.focus({ preventScroll: true });
    const show = () => node.scrollIntoView?.({ block: "nearest" });
    show();
    // The pane above it keeps changing height for a moment after a save (the form clears, the
    // saved list reloads): while the confirmation still has the focus, it is brought back into
    // view after each change, for a second, so it is never left below the fold.
    if (typeof ResizeObserver !== "function") return;
    const observer = new ResizeObserver(() => {
      if (document.activeElement === node) show();
    });
    observer.observe(document.body);
    const stop = setTimeout(() => observer.disconnect(), 1000);
    return () => {
      clearTimeout(stop);
      observer.disconnect();
    };
  }, [confirmation]);
  const [triedEmpty, setTriedEmpty] = React.useState(false);
  // Making a round anonymous that has named responses: asked first, under the switch.
  const [askAnonymous, setAskAnonymous] = React.useState(false);
  const anonymous = anonymity?.on ?? false;
  const requestAnonymous = (on: boolean) => {
    if (!anonymity) return;
    if (on && anonymity.named > 0) return setAskAnonymous(true);
    setAskAnonymous(false);
    anonymity.onChange(on);
  };
  const [ask, setAsk] = React.useState<Ask | null>(null);
  // A question about one response is dropped when another one comes onto the form.
  const [askedFor, setAskedFor] = React.useState(draft.responseId);
  if (askedFor !== draft.responseId) {
    setAskedFor(draft.responseId);
    setAsk(null);
  }
  // The first statement renders at once; the rest follow in a transition, which yields to input.
  const [statementCount, setStatementCount] = React.useState(FIRST_STATEMENTS);
  React.useEffect(() => {
    // The first statements can be answered from here on; the start-up benchmark reads this mark.
    performance.mark?.("agap-interactive"); // absent in some test environments
    React.startTransition(() => setStatementCount(STATEMENT_COUNT));
  }, []);

  // Opening a saved response moves the focus to the banner that says so (not on start-up).
  const banner = React.useRef<HTMLDivElement>(null);
  const shownId = React.useRef(draft.responseId);
  React.useEffect(() => {
    if (draft.responseId && draft.responseId !== shownId.current) banner.current?.focus();
    shownId.current = draft.responseId;
  }, [draft.responseId]);

  const requestSave = () => {
    setTouched(true);
    setTriedEmpty(progress.answered === 0);
    // The focus goes to the first problem, in the order the form shows them.
    const problem = workflowMissing
      ? workflowInput.current
      : datePartial
        ? dateInput.current
        : progress.answered === 0
          ? document.querySelector<HTMLInputElement>(`input[name="answer-${STATEMENTS[0].id}"]`)
          : null;
    if (problem) {
      problem.focus();
      return setAsk(null);
    }
    if (missing > 0) return setAsk({ kind: "partial", at: "bottom" });
    setAsk(null);
    onSave();
  };
  const requestNext = () => {
    if (unsaved) return setAsk({ kind: "next", at: "bottom" });
    setAsk(null);
    onNext();
  };
  const requestCancel = (at: Ask["at"]) => {
    if (unsaved) return setAsk({ kind: "cancel", at });
    setAsk(null);
    onCancelEdit?.();
  };

  const who = draft.respondent.trim();
  const question = (at: Ask["at"]): React.ReactNode => {
    if (!ask || ask.at !== at) return null;
    const keep = () => setAsk(null);
    switch (ask.kind) {
      case "partial":
        // Answering the last statements meanwhile leaves nothing to ask.
        if (missing === 0) return null;
        return (
          <ConfirmStep
            question={`${missing} of ${STATEMENT_COUNT} statements ${are(missing)} unanswered.`}
            detail={`Save it as a partial response? It is marked partial wherever responses are listed, and left out of the team result until all ${STATEMENT_COUNT} are answered.`}
            confirmLabel={editing ? "Save changes as partial" : "Save as partial"}
            keepLabel="Keep answering"
            disabled={saving}
            onKeep={keep}
            onConfirm={() => {
              setAsk(null);
              onSave();
            }}
          />
        );
      case "next":
        return (
          <ConfirmStep
            question={`${who ? `${who}'s answers are` : "The answers on the form are"} not saved (${progress.answered} of ${STATEMENT_COUNT} answered).`}
            detail="The next respondent starts with an empty form. Save these answers first, or discard them."
            confirmLabel="Discard answers and start next"
            keepLabel="Keep answering"
            destructive
            disabled={saving}
            onKeep={keep}
            onConfirm={() => {
              setAsk(null);
              onNext();
            }}
          />
        );
      case "cancel":
        return (
          <ConfirmStep
            question={`Your changes to ${editing?.label ?? "this response"} are not saved.`}
            detail="Cancelling the edit discards them; the saved response stays as it was."
            confirmLabel="Discard changes"
            keepLabel="Keep editing"
            destructive
            disabled={saving}
            onKeep={keep}
            onConfirm={() => {
              setAsk(null);
              onCancelEdit?.();
            }}
          />
        );
    }
  };

  return (
    <form
      className={styles.form}
      aria-label="Assessment"
      noValidate // our own message says what is missing, in the pane's words
      // Enter in a field never saves: only the Save button does, after its checks.
      onSubmit={(event) => event.preventDefault()}
    >
      {editing && (
        <div ref={banner} tabIndex={-1} role="group" aria-labelledby="assessment-editing" className={styles.banner}>
          <div className={styles.bannerRow}>
            <span id="assessment-editing" className={styles.bannerText}>
              <KeepDates text={`Editing ${editing.label}`} />
            </span>
            {ask?.at !== "top" && (
              <Button size="small" onClick={() => requestCancel("top")} disabled={saving}>
                Cancel edit
              </Button>
            )}
          </div>
          {editing.setAsideAnswered > 0 && (
            <span className={styles.small}>
              The new response you were answering ({editing.setAsideAnswered} of {STATEMENT_COUNT} answered) is set
              aside. It comes back when you save or cancel this edit.
            </span>
          )}
          {question("top")}
        </div>
      )}

      <div className={styles.meta}>
        <Field
          label="Workflow"
          required
          hint="Pick a workflow assessed before, or type a new name."
          validationState={touched && workflowMissing ? "error" : near ? "warning" : "none"}
          validationMessage={
            touched && workflowMissing
              ? "Name the workflow before saving."
              : near
                ? `“${near}” is saved already. Names are matched exactly, so this one would start a separate workflow.`
                : undefined
          }
        >
          <Input
            ref={workflowInput}
            className={styles.input}
            placeholder="e.g. Invoice triage"
            value={draft.workflow}
            list="agap-workflows"
            autoComplete="off"
            onChange={(_, data) => onField("workflow", data.value)}
          />
        </Field>
        {near && (
          <Button size="small" className={styles.useName} onClick={() => onField("workflow", near)}>
            {`Use “${near}”`}
          </Button>
        )}
        <WorkflowList id="agap-workflows" names={workflows} />
        {!editing && onRoundDate && (
          <DateField
            label="Date for this round (optional)"
            hint="Each new respondent starts with this date."
            value={roundDate}
            fill
            deferEditor
            onChange={(value) => onRoundDate(value)}
          />
        )}
        {/* The switch comes with a workflow to apply to: until then a line says it exists and what
            it needs (and the first screen draws one control fewer). */}
        {anonymity && anonymity.workflow === "" && (
          <span className={mergeClasses(styles.small, styles.hint)}>{ANONYMITY_NEEDS_WORKFLOW}</span>
        )}
        {anonymity && anonymity.workflow !== "" && (
          <div className={styles.anonymity}>
            <Switch
              className={styles.switch}
              label="Anonymous round"
              checked={anonymous}
              disabled={anonymity.busy || askAnonymous}
              aria-describedby="anonymity-hint"
              onChange={(_, data) => requestAnonymous(data.checked)}
            />
            <span id="anonymity-hint" className={mergeClasses(styles.small, styles.hint)}>
              <KeepDates text={anonymityHint(anonymity)} />
            </span>
            {askAnonymous && anonymity.named > 0 && (
              <ConfirmStep
                question={`${anonymity.named} saved response${anonymity.named === 1 ? " of this round carries a name" : "s of this round carry names"}.`}
                detail="An anonymous round keeps no names: each is replaced by a label in the saved responses, and cannot be brought back from AGAP."
                confirmLabel="Replace names and make anonymous"
                keepLabel="Keep the names"
                destructive
                disabled={anonymity.busy}
                onKeep={() => setAskAnonymous(false)}
                onConfirm={() => {
                  setAskAnonymous(false);
                  anonymity.onChange(true);
                }}
              />
            )}
          </div>
        )}
        {/* In an anonymous round no name is asked for: the field is not there to type into. */}
        {!anonymous && (
          <Field label="Respondent (optional)">
            <Input
              ref={respondentInput}
              className={styles.input}
              value={draft.respondent}
              onChange={(_, data) => onField("respondent", data.value)}
            />
          </Field>
        )}
        <DateField
          label="Response date (optional)"
          value={draft.date}
          // A date other than the round's puts this response in a round of its own date.
          warning={
            !editing && onRoundDate && roundDate && draft.date && draft.date !== roundDate
              ? `This response goes to the round of ${draft.date}, not to the round date above (${roundDate}).`
              : undefined
          }
          fill
          deferEditor
          inputRef={dateInput}
          onChange={(value, complete) => {
            setDatePartial(!complete);
            onField("date", value);
          }}
        />
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

      <div className={styles.footer}>
        {triedEmpty && progress.answered === 0 && <ErrorNote>Answer at least one statement before saving.</ErrorNote>}
        <div className={styles.actions}>
          <Button appearance="primary" onClick={requestSave} disabled={saving}>
            {saving ? "Saving…" : editing ? "Save changes" : "Save response"}
          </Button>
          {editing ? (
            <Button onClick={() => requestCancel("bottom")} disabled={saving}>
              Cancel edit
            </Button>
          ) : (
            <Button onClick={requestNext} disabled={saving}>
              Next respondent
            </Button>
          )}
        </div>
        {question("bottom")}
        {confirmation && (
          <div ref={saved} tabIndex={-1} className={styles.confirmation} key={confirmation.key}>
            <Notice
              intent="success"
              onDismiss={onDismissConfirmation}
              actions={
                <>
                  {confirmation.next && (
                    <Button
                      size="small"
                      onClick={() => {
                        // Focusing scrolls it into view; centring it shows the statements below it too.
                        // In an anonymous round there is no name to type: the first statement comes next.
                        const next =
                          respondentInput.current ??
                          document.querySelector<HTMLInputElement>(`input[name="answer-${STATEMENTS[0].id}"]`);
                        next?.scrollIntoView?.({ block: "center" });
                        next?.focus();
                      }}
                    >
                      Answer for the next respondent
                    </Button>
                  )}
                  {onShowResults && (
                    <Button size="small" onClick={onShowResults}>
                      See results
                    </Button>
                  )}
                </>
              }
            >
              <KeepDates text={confirmation.text} />
            </Notice>
          </div>
        )}
      </div>
    </form>
  );
}
