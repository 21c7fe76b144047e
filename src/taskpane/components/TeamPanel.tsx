import * as React from "react";
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  tokens,
  Select,
  Subtitle2,
} from "@fluentui/react-components";
import {
  DEFAULT_MIN_GROUP,
  DIVERGENCE_THRESHOLD,
  checkMinGroup,
  isRespondentLabel,
  teamDetail,
  aggregateLayers,
  assessAnswers,
  isCompleteResponse,
  realizedValue,
  roundDivergence,
  roundsOf,
  type AssessmentResponse,
  roundLabel,
} from "../../model";
import { ConfirmStep } from "./ConfirmStep";
import { describeResponse, formatPercent } from "./format";
import { KeepDates } from "./KeepDates";
import { ShortName } from "./ShortName";
import { Notice } from "./Notice";
import { TrendChart } from "./TrendChart";
import { WhatMoved } from "./WhatMoved";
import { SaveConfirmation, useSaveConfirmation } from "./SaveConfirmation";

const NARROW_PANE = "@media (max-width: 399.98px)";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  note: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  rowActions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS, rowGap: "2px" },
  reportActions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  // Fluent's tables share their width out evenly (fixed layout): these columns are given theirs.
  // The Edit and Delete column holds both buttons side by side, narrowed to their text.
  // (Widths are of the content: Fluent's cells add 8 px of padding each side.)
  // In a pane under 400 px the two buttons stand one above the other, in a column half as wide,
  // so that a long name keeps its words whole instead of breaking inside them.
  actionsColumn: { width: "6.5rem", [NARROW_PANE]: { width: "3.75rem" } },
  rowButton: { minWidth: 0, [NARROW_PANE]: { width: "100%" } },
  // "Measurement", the longest layer name, fits beside the figures in a 320 px pane.
  layerColumn: { width: "36%", [NARROW_PANE]: { width: "35%" } },
  // Under 400 px the layer table's cells keep half of Fluent's 8 px padding on each side, so that
  // "100.0%" stays inside the last column of a 320 px pane.
  layerTable: {
    [NARROW_PANE]: {
      "& th, & td": { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
    },
  },
  // Wide enough for "Realized" and "100.0%", leaving the rest to the respondent's name.
  realizedColumn: { width: "4rem" },
  // Room after a cut name for the comma that follows it, so the next line does not start with it.
  headingName: { maxWidth: "calc(100% - 0.5em)" },
  // A long name breaks inside a word rather than running into the next column. The padding on its
  // right is left to the next cell's, so "Respondent 3" breaks at its space in a 320 px pane.
  name: { overflowWrap: "anywhere", paddingRight: 0 },
  // Read by screen readers, not drawn: the column of Edit and Delete buttons needs no visible title.
  // The reason detail is withheld: a line set apart by a rule, not by colour alone.
  withheld: {
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
  // Fluent's Input has a wide minimum width; this one holds a number of at most two digits.
  groupInput: { minWidth: 0, width: "11rem", maxWidth: "100%" },
  unit: { color: tokens.colorNeutralForeground2, whiteSpace: "nowrap" },
  saveRow: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

const pct = (value: number | null) => (value === null ? "–" : formatPercent(value));

function responseRealized(response: AssessmentResponse): number | null {
  const { layerScores, complete } = assessAnswers(response.answers);
  return complete ? realizedValue(layerScores as number[]) : null;
}

/** A message about the last change to the saved responses, with Undo while it can be undone. */
export interface RecordNotice {
  text: string;
  onUndo?: () => void;
  onDismiss: () => void;
}

export interface TeamPanelProps {
  workflow: string;
  responses: readonly AssessmentResponse[];
  skipped: readonly { row: number; problem: string }[];
  /** The board report's buttons, under a heading of their own: they report on the form's workflow. */
  reportActions?: React.ReactNode;
  actions?: React.ReactNode;
  /** Opens a response in the Assessment form. Without it, responses have no Edit or Delete. */
  onEdit?: (response: AssessmentResponse) => void;
  onDelete?: (response: AssessmentResponse) => void;
  /** The response the form is editing, and whether the form holds changes to it not yet saved. */
  editing?: { id: string; label: string; unsaved: boolean } | null;
  recordNotice?: RecordNotice | null;
  /** A save or delete is under way: Edit and Delete wait for it. */
  busy?: boolean;
  /** The smallest group whose detail (lowest, highest, disagreements) is shown. */
  minGroup?: number;
  /** Saves another smallest group; resolves false when it was not saved (the failure is reported). */
  onMinGroup?: (minGroup: number) => Promise<boolean>;
  /** Whether a round of this workflow is anonymous. */
  isAnonymous?: (workflow: string, date: string) => boolean;
  /** Replaces the names left in an anonymous round by labels. */
  onReplaceNames?: (named: AssessmentResponse[]) => void;
}

const namesLeftText = (count: number) =>
  `This round is anonymous, yet ${count} of its responses still ${count === 1 ? "carries a name" : "carry names"} ` +
  "(typed into the sheet, or not yet replaced).";

/**
 * What an Edit or Delete button acts on, for its accessible name: "Ana's response"; a name
 * that appears more than once in the list also gets its place, "Ana's response, 2nd in the list".
 */
function buttonName(list: readonly AssessmentResponse[], index: number): string {
  const who = list[index].respondent.trim();
  const base = who ? `${who}'s response` : "the anonymous response";
  const same = list.filter((r) => r.respondent.trim() === who).length;
  return same > 1 ? `${base}, ${ordinal(index + 1)} in the list` : base;
}

const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
};

/**
 * One workflow's rounds (one date each): the chosen round's team result, spread and
 * disagreements, its responses, and the history of every round.
 */
export function TeamPanel({
  workflow,
  responses,
  skipped,
  reportActions,
  actions,
  onEdit,
  onDelete,
  editing = null,
  recordNotice = null,
  busy = false,
  minGroup = DEFAULT_MIN_GROUP,
  onMinGroup,
  isAnonymous,
  onReplaceNames,
}: TeamPanelProps) {
  const styles = useStyles();
  // Another response to edit while the form holds unsaved changes: asked about below the list.
  const [pendingEdit, setPendingEdit] = React.useState<AssessmentResponse | null>(null);
  const requestEdit = (response: AssessmentResponse) => {
    if (editing && editing.id !== response.id && editing.unsaved) return setPendingEdit(response);
    setPendingEdit(null);
    onEdit?.(response);
  };
  // After a delete the row's buttons are gone: the focus goes to Undo, which says what happened.
  const undo = React.useRef<HTMLButtonElement>(null);
  const undoable = recordNotice?.onUndo !== undefined;
  React.useEffect(() => {
    if (undoable) undo.current?.focus();
  }, [undoable, recordNotice?.text]);
  const rounds = React.useMemo(() => roundsOf(responses, workflow), [responses, workflow]);
  // The round picked, per workflow, so another workflow opens on its own latest round.
  const [chosen, setChosen] = React.useState<{ workflow: string; date: string } | null>(null);
  // The most recent round unless the user picked another that still exists.
  // By default the round the workflow is judged by (its latest with a team result), as elsewhere.
  const judged = rounds.filter((r) => r.result !== null).at(-1);
  const round =
    rounds.find((r) => chosen?.workflow === workflow && r.date === chosen.date) ?? judged ?? rounds.at(-1) ?? null;
  const complete = round ? round.responses.filter(isCompleteResponse) : [];
  const spread = aggregateLayers(complete);
  const detail = teamDetail(round?.result?.respondents ?? 0, minGroup);
  const flags = round && detail.shown ? roundDivergence(round) : [];
  const anonymous = round !== null && (isAnonymous?.(workflow, round.date) ?? false);
  // Names left in an anonymous round: typed into the sheet, or a replacement that failed.
  const namedLeft = anonymous
    ? round.responses.filter((r) => r.respondent !== "" && !isRespondentLabel(r.respondent))
    : [];
  const history = rounds.map((r) => ({ date: r.date, realized: r.result?.realized ?? null }));
  const changeable = onEdit !== undefined && onDelete !== undefined;
  const roundTitle = round
    ? `, round ${roundLabel(round.date)}: ${round.responses.length} response${round.responses.length === 1 ? "" : "s"}${round.partial > 0 ? `, ${round.partial} partial` : ""}`
    : "";

  return (
    <section className={styles.panel} aria-label="Team and history">
      {recordNotice && (
        <Notice
          intent="info"
          onDismiss={recordNotice.onDismiss}
          actions={
            recordNotice.onUndo && (
              <Button ref={undo} size="small" onClick={recordNotice.onUndo} disabled={busy}>
                Undo
              </Button>
            )
          }
        >
          <KeepDates text={recordNotice.text} />
        </Notice>
      )}
      {skipped.length > 0 && (
        <Body1 role="alert">
          {skipped.length} row{skipped.length === 1 ? "" : "s"} of the assessments table could not be read and{" "}
          {skipped.length === 1 ? "is" : "are"} left out: {skipped.map((s) => `row ${s.row} (${s.problem})`).join("; ")}
          .
        </Body1>
      )}
      {workflow.trim() === "" ? (
        <Body1>Name or pick a workflow on the Assessment tab to see its team results and history.</Body1>
      ) : round === null ? (
        <Body1>No saved responses for “{workflow}” yet.</Body1>
      ) : (
        <>
          <div className={styles.section}>
            {rounds.length > 1 && (
              <Field label="Round">
                <Select value={round.date} onChange={(_, data) => setChosen({ workflow, date: data.value })}>
                  {rounds.map((r) => (
                    <option key={r.date} value={r.date}>
                      {roundLabel(r.date)}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            {/* The name is cut to a line; the heading is named in full (the cut name's box would otherwise add a space). */}
            <Subtitle2 as="h3" aria-label={`${workflow}${roundTitle}`}>
              <ShortName name={workflow} className={styles.headingName} />
              <KeepDates text={roundTitle} />
            </Subtitle2>
            <Body1>
              {round.result
                ? `Team realized value ${formatPercent(round.result.realized)}, from ${round.result.respondents} complete response${round.result.respondents === 1 ? "" : "s"}.`
                : "No team result yet: it needs at least one response with all 15 statements answered."}
            </Body1>
            {anonymous && (
              <Body1>Anonymous round: its responses keep no names, only labels such as “Respondent 1”.</Body1>
            )}
            {namedLeft.length > 0 && (
              <Notice
                intent="warning"
                actions={
                  onReplaceNames && (
                    <Button size="small" disabled={busy} onClick={() => onReplaceNames(namedLeft)}>
                      Replace names by labels
                    </Button>
                  )
                }
              >
                {namesLeftText(namedLeft.length)}
              </Notice>
            )}
            <Table
              size="small"
              className={styles.layerTable}
              aria-label="Layer scores across the round's complete responses"
            >
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={styles.layerColumn}>Layer</TableHeaderCell>
                  <TableHeaderCell>Mean</TableHeaderCell>
                  {detail.shown && <TableHeaderCell>Min</TableHeaderCell>}
                  {detail.shown && <TableHeaderCell>Max</TableHeaderCell>}
                </TableRow>
              </TableHeader>
              <TableBody>
                {spread.map((a, k) => (
                  <TableRow key={a.layer.id}>
                    <TableCell>{a.layer.short}</TableCell>
                    <TableCell>{pct(round.result?.layerScores[k] ?? null)}</TableCell>
                    {detail.shown && <TableCell>{pct(a.min)}</TableCell>}
                    {detail.shown && <TableCell>{pct(a.max)}</TableCell>}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {!detail.shown && (
              <Body1 className={styles.withheld} data-testid="detail-withheld">
                {detail.reason}
              </Body1>
            )}
          </div>

          <div className={styles.section}>
            <Subtitle2 as="h3">Where the team disagrees</Subtitle2>
            {!detail.shown ? (
              <Body1 className={styles.withheld}>
                Withheld for this round, as the lowest and highest scores are: with fewer than {minGroup} complete
                respondents, a disagreement could point to one person.
              </Body1>
            ) : flags.length === 0 ? (
              <Body1>No statement in this round has answers {DIVERGENCE_THRESHOLD} or more answer steps apart.</Body1>
            ) : (
              <ul className={styles.list} aria-label="Statements with divergent answers">
                {flags.map((flag) => (
                  <li key={flag.statement.id}>
                    {flag.statement.text} Answers range from {flag.min} to {flag.max}.
                  </li>
                ))}
              </ul>
            )}
          </div>

          <div className={styles.section}>
            <Subtitle2 as="h3">Responses</Subtitle2>
            <Table size="small" aria-label="Responses">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Respondent</TableHeaderCell>
                  {detail.shown && (
                    <TableHeaderCell className={changeable ? styles.realizedColumn : undefined}>
                      Realized
                    </TableHeaderCell>
                  )}
                  {changeable && (
                    <TableHeaderCell className={styles.actionsColumn}>
                      <span className={styles.hidden}>Change</span>
                    </TableHeaderCell>
                  )}
                </TableRow>
              </TableHeader>
              <TableBody>
                {round.responses.map((response, index) => {
                  const marks = [
                    isCompleteResponse(response) ? null : "partial",
                    editing?.id === response.id ? "being edited" : null,
                  ].filter(Boolean);
                  const name = buttonName(round.responses, index);
                  return (
                    <TableRow key={response.id}>
                      <TableCell className={styles.name}>
                        {response.respondent || "anonymous"}
                        {marks.length > 0 ? ` (${marks.join(", ")})` : ""}
                      </TableCell>
                      {detail.shown && <TableCell>{pct(responseRealized(response))}</TableCell>}
                      {changeable && (
                        <TableCell>
                          <div className={styles.rowActions}>
                            <Button
                              size="small"
                              className={styles.rowButton}
                              aria-label={`Edit ${name}`}
                              disabled={busy}
                              onClick={() => requestEdit(response)}
                            >
                              Edit
                            </Button>
                            <Button
                              size="small"
                              className={styles.rowButton}
                              aria-label={`Delete ${name}`}
                              // The response on the form is deleted after its edit is saved or cancelled.
                              disabled={busy || editing?.id === response.id}
                              onClick={() => {
                                setPendingEdit(null);
                                onDelete?.(response);
                              }}
                            >
                              Delete
                            </Button>
                          </div>
                        </TableCell>
                      )}
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
            {!detail.shown && (
              // One person's figure says more than the lowest or highest score that is withheld above.
              <Caption1 className={styles.note} data-testid="response-figures-withheld">
                Each response&apos;s realized value is withheld too, for the same reason.
              </Caption1>
            )}
            {pendingEdit && editing && (
              <ConfirmStep
                question={`Your changes to ${editing.label} are not saved.`}
                detail={`Open ${describeResponse(pendingEdit)} instead and discard them?`}
                confirmLabel="Discard changes and edit"
                keepLabel="Keep my changes"
                destructive
                disabled={busy}
                onKeep={() => setPendingEdit(null)}
                onConfirm={() => {
                  setPendingEdit(null);
                  onEdit?.(pendingEdit);
                }}
              />
            )}
            {changeable && round.responses.some((response) => response.id === editing?.id) && (
              <Caption1 className={styles.note}>
                A response being edited can be deleted once its edit is saved or cancelled.
              </Caption1>
            )}
          </div>

          <div className={styles.section}>
            <Subtitle2 as="h3">History</Subtitle2>
            <Table size="small" aria-label="Rounds by date">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Round</TableHeaderCell>
                  <TableHeaderCell>Complete</TableHeaderCell>
                  <TableHeaderCell>Team realized value</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rounds.map((r) => (
                  <TableRow key={roundLabel(r.date)}>
                    <TableCell>{roundLabel(r.date)}</TableCell>
                    <TableCell>
                      {r.result?.respondents ?? 0} of {r.responses.length}
                    </TableCell>
                    <TableCell>{pct(r.result?.realized ?? null)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <TrendChart points={history} />
            <Caption1 className={styles.note}>
              A round is one workflow on one date. Its team realized value multiplies the mean layer scores of the
              responses that answered all 15 statements; partial responses are listed but not counted.
            </Caption1>
          </div>

          {/* Keyed by workflow, so that rounds picked for one workflow do not carry over to another. */}
          <WhatMoved key={workflow} rounds={rounds} minGroup={minGroup} />
        </>
      )}
      {onMinGroup && <MinGroupSetting minGroup={minGroup} onSave={onMinGroup} />}
      {reportActions && (
        <div className={styles.section}>
          <Subtitle2 as="h3">Board report</Subtitle2>
          <Caption1 className={styles.note}>
            One page on the workflow named on the Assessment tab: its result, what moved, ROI, maturity and roadmap.
            Print it or save it as a PDF; in Excel it can also go into the workbook as a sheet.
          </Caption1>
          <div className={styles.reportActions}>{reportActions}</div>
        </div>
      )}
      {actions}
    </section>
  );
}

/** Typed text as a whole number, else NaN (which checkMinGroup refuses with its message). */
const wholeNumber = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

const savedGroupText = (minGroup: number) =>
  minGroup === 1
    ? "Saved: every round shows its lowest and highest scores and disagreements."
    : `Saved: rounds with fewer than ${minGroup} complete respondents show only the team mean of each layer.`;

/** The team's smallest group shown in detail: typed, checked, saved with a confirmation. */
function MinGroupSetting({ minGroup, onSave }: { minGroup: number; onSave: (minGroup: number) => Promise<boolean> }) {
  const styles = useStyles();
  const [text, setText] = React.useState(String(minGroup));
  const [touched, setTouched] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  const saved = useSaveConfirmation();
  const checked = checkMinGroup(wholeNumber(text));
  const save = async () => {
    setTouched(true);
    if (!checked.ok) return;
    setSaving(true);
    const ok = await onSave(checked.value);
    setSaving(false);
    if (ok) saved.confirm(savedGroupText(checked.value));
  };
  return (
    <div className={styles.section}>
      <Subtitle2 as="h3">Privacy</Subtitle2>
      <Field
        label="Smallest group shown in detail"
        hint="A round with fewer complete respondents shows only the team mean of each layer: no lowest or highest score, spread or disagreement."
        validationState={touched && !checked.ok ? "error" : "none"}
        validationMessage={touched && !checked.ok ? checked.message : undefined}
      >
        <Input
          className={styles.groupInput}
          inputMode="numeric"
          value={text}
          contentAfter={<span className={styles.unit}>respondents</span>}
          onChange={(_, data) => {
            setText(data.value);
            setTouched(true);
            saved.clear();
          }}
        />
      </Field>
      <div className={styles.saveRow}>
        <Button onClick={() => void save()} disabled={saving || (checked.ok && checked.value === minGroup)}>
          {saving ? "Saving…" : "Save smallest group"}
        </Button>
      </div>
      <SaveConfirmation text={saved.text} />
    </div>
  );
}
