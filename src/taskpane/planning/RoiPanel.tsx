import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  LIMITS,
  latestScores,
  nearName,
  parseIsoDate,
  roiFigures,
  roiFlagText,
  roiFlags,
  workflowNames,
  type AssessmentResponse,
  type Direction,
  type Limit,
  type RoiEntry,
  type RoiNumberField,
} from "../../model";
import { Notice } from "../components/Notice";
import { ConfirmStep } from "../components/ConfirmStep";
import { DateField } from "../components/DateField";
import { NumberField } from "./NumberField";
import { numberLocale } from "../locale";
import { formatNumber } from "../components/format";
import { useFocusFirstProblem } from "../hooks/useFocusFirstProblem";
import { numberText, parseNumber, percentText, ruleFromLimit, type NumberRule } from "./parse";
import { currencyWords, fieldUnits, roiFigureTexts, type FigureText } from "./roi-figures";
import { ShortName } from "../components/ShortName";
import { WorkflowList } from "../components/WorkflowList";
import { usePanelStyles } from "./styles";
import type { Planning } from "./usePlanning";
import { SaveConfirmation, useSaveConfirmation } from "../components/SaveConfirmation";
import { WarningNote } from "../components/WarningNote";

// Each field takes exactly what the model's limits allow (the workbook's reader checks the same).
const optional = (limit: Limit, percent = false) => ruleFromLimit(limit, { optional: true, percent });
const RULES: Record<RoiNumberField, NumberRule> = {
  baseline: optional(LIMITS.number),
  current: optional(LIMITS.number),
  valuePerUnit: optional(LIMITS.money),
  build: optional(LIMITS.money),
  integrate: optional(LIMITS.money),
  govern: optional(LIMITS.money),
  maintain: optional(LIMITS.money),
  periods: optional(LIMITS.periods),
  horizon: optional(LIMITS.horizon),
  discountRate: optional(LIMITS.discountRate, true),
  expectedValue: optional(LIMITS.money),
};

const LABELS: Record<RoiNumberField, string> = {
  baseline: "Baseline value (per period)",
  current: "Value now (per period)",
  valuePerUnit: "Money per unit",
  build: "Build cost",
  integrate: "Integrate cost",
  govern: "Govern cost",
  maintain: "Maintain cost per period",
  periods: "Periods observed",
  horizon: "Horizon (periods)",
  discountRate: "Discount rate per period",
  expectedValue: "Expected value (business case)",
};

interface Form {
  id?: string;
  workflow: string;
  metric: string;
  unit: string;
  direction: Direction;
  baselineDate: string;
  goLiveDate: string;
  /** Dates typed only in part, which the browser reports as blank. */
  partialDates: { baselineDate: boolean; goLiveDate: boolean };
  numbers: Record<RoiNumberField, string>;
}

const EMPTY_NUMBERS = Object.fromEntries(Object.keys(RULES).map((k) => [k, ""])) as Record<RoiNumberField, string>;

const show = (v: number | null) => (v === null ? "" : numberText(v));
function formFromEntry(entry: RoiEntry): Form {
  return {
    id: entry.id,
    workflow: entry.workflow,
    metric: entry.metric,
    unit: entry.unit,
    direction: entry.direction,
    baselineDate: entry.baselineDate,
    goLiveDate: entry.goLiveDate,
    partialDates: { baselineDate: false, goLiveDate: false },
    numbers: {
      ...EMPTY_NUMBERS,
      ...Object.fromEntries(
        (Object.keys(RULES) as RoiNumberField[]).map((k) => [
          k,
          k === "discountRate" && entry.discountRate !== null ? percentText(entry.discountRate) : show(entry[k]),
        ]),
      ),
    },
  };
}

/** The record the form describes; numbers that do not parse count as blank. */
function entryFromForm(form: Form, parsed: Record<RoiNumberField, ReturnType<typeof parseNumber>>): RoiEntry {
  const numbers = Object.fromEntries(
    (Object.keys(parsed) as RoiNumberField[]).map((key) => {
      const p = parsed[key];
      return [key, p.ok ? p.value : null];
    }),
  ) as Record<RoiNumberField, number | null>;
  return {
    id: form.id ?? globalThis.crypto?.randomUUID?.() ?? `roi-${Date.now()}`,
    workflow: form.workflow.trim(),
    metric: form.metric.trim(),
    unit: form.unit.trim(),
    direction: form.direction,
    baselineDate: form.baselineDate,
    goLiveDate: form.goLiveDate,
    ...numbers,
  };
}

/** What the form holds, in a fixed order, for telling typing apart from what is saved. */
const formContent = (form: Form) =>
  JSON.stringify([
    form.workflow.trim(),
    form.metric,
    form.unit,
    form.direction,
    form.baselineDate,
    form.goLiveDate,
    form.partialDates.baselineDate,
    form.partialDates.goLiveDate,
    ...(Object.keys(RULES) as RoiNumberField[]).map((key) => form.numbers[key]),
  ]);

/** Whether two rows hold the same values, whatever their ids. */
const sameContent = (a: RoiEntry, b: RoiEntry) => JSON.stringify({ ...a, id: "" }) === JSON.stringify({ ...b, id: "" });

/** How a row is named in the pane: “workflow · metric”. */
const rowName = (entry: Pick<RoiEntry, "workflow" | "metric">) => `“${entry.workflow} · ${entry.metric}”`;

// Four figures with a line of words each: two columns in a narrow pane, four in a wide one.
const useRoiStyles = makeStyles({
  figures: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(8.5rem, 1fr))",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  value: { fontWeight: tokens.fontWeightSemibold },
});

/** One figure of a row: its name, its value (or words saying there is none) and a line under it. */
function Figure({ label, text, testId }: { label: string; text: FigureText; testId: string }) {
  const styles = usePanelStyles();
  const roiStyles = useRoiStyles();
  return (
    <div className={styles.figure}>
      <Caption1>{label}</Caption1>
      <span className={roiStyles.value} data-testid={testId}>
        {text.value}
      </span>
      <Caption1 className={styles.note} data-testid={`${testId}-note`}>
        {text.note}
      </Caption1>
    </div>
  );
}

export interface RoiPanelProps {
  planning: Planning;
  responses: readonly AssessmentResponse[];
  workflow: string;
}

export function RoiPanel({ planning, responses, workflow }: RoiPanelProps) {
  const styles = usePanelStyles();
  const roiStyles = useRoiStyles();
  /** An empty row, of the workflow on the Assessment tab unless another is given. */
  const blank = (of: string = workflow): Form => ({
    workflow: of,
    metric: "",
    unit: "",
    direction: "lower",
    baselineDate: "",
    goLiveDate: "",
    partialDates: { baselineDate: false, goLiveDate: false },
    numbers: { ...EMPTY_NUMBERS },
  });
  const [form, setForm] = React.useState<Form>(() => blank());
  const [tried, setTried] = React.useState(false);
  // A switch to a new row or another saved row, waiting for the user to drop typing not yet saved.
  const [pending, setPending] = React.useState<{ to: RoiEntry | null } | null>(null);
  const workflowInput = React.useRef<HTMLInputElement>(null);
  const editing = form.id === undefined ? undefined : planning.data.roi.find((entry) => entry.id === form.id);
  const deleted = planning.deleted?.kind === "roi" ? planning.deleted.record : null;

  const startNewRow = () => {
    setForm(blank());
    setTried(false);
    setPending(null);
    saved.clear();
  };

  const openRow = (entry: RoiEntry) => {
    setForm(formFromEntry(entry));
    setTried(false);
    setPending(null);
    // Focusing the first field also brings the form, further down the pane, into view.
    workflowInput.current?.focus();
  };

  // Typing not yet saved is dropped only once the user says so.
  const unsaved = () => {
    const reference = editing ? formFromEntry(editing) : blank(form.workflow);
    return formContent(form) !== formContent(reference);
  };
  const edit = (entry: RoiEntry) => (unsaved() ? setPending({ to: entry }) : openRow(entry));
  const newRow = () => (unsaved() ? setPending({ to: null }) : startNewRow());

  const remove = (entry: RoiEntry) => {
    // The form no longer edits a row that is gone; Undo brings the row back to the list.
    if (form.id === entry.id) {
      setForm(blank());
      setTried(false);
    }
    if (pending?.to?.id === entry.id) setPending(null);
    void planning.deleteRoi(entry);
  };

  const parsed = Object.fromEntries(
    (Object.keys(RULES) as RoiNumberField[]).map((k) => [k, parseNumber(form.numbers[k], RULES[k])]),
  ) as Record<RoiNumberField, ReturnType<typeof parseNumber>>;
  const numbersValid = Object.values(parsed).every((p) => p.ok);
  const dateProblem = (text: string) => (text && parseIsoDate(text) === null ? "Not a calendar date." : undefined);
  // The row as the form stands: the model decides whether its dates make the baseline suspect.
  const formEntry = entryFromForm(form, parsed);
  const baselineAfterLive = roiFlags(formEntry).some((flag) => flag.code === "baseline-after-go-live")
    ? "Captured after go-live: this baseline may already include the agent's effect, and the ROI will be flagged."
    : undefined;
  const missing = !form.workflow.trim() ? "Name the workflow." : !form.metric.trim() ? "Name the metric." : undefined;
  const valid =
    numbersValid &&
    !missing &&
    !dateProblem(form.baselineDate) &&
    !dateProblem(form.goLiveDate) &&
    !form.partialDates.baselineDate &&
    !form.partialDates.goLiveDate;
  const setDate = (key: "baselineDate" | "goLiveDate") => (value: string, complete: boolean) =>
    setForm((f) => ({ ...f, [key]: value, partialDates: { ...f.partialDates, [key]: !complete } }));
  const hasBaseline = parsed.baseline.ok && parsed.baseline.value !== null && form.baselineDate !== "";
  // The row the form would save now, for a save that goes through only later, at a Retry.
  const formNow = React.useRef<RoiEntry | null>(null);
  formNow.current = valid ? formEntry : null;

  // The workflows saved anywhere: offered as suggestions, and where a typed name differs from one
  // only by case or spacing, that saved one is offered instead.
  const knownWorkflows = React.useMemo(
    () => workflowNames([...responses, ...planning.data.roi, ...planning.data.maturity]),
    [responses, planning.data.roi, planning.data.maturity],
  );
  const nearWorkflow = nearName(form.workflow, knownWorkflows);

  const setNumber = (key: RoiNumberField) => (text: string) =>
    setForm((f) => ({ ...f, numbers: { ...f.numbers, [key]: text } }));

  const saved = useSaveConfirmation();
  const formRef = React.useRef<HTMLFormElement>(null);
  const focusFirstProblem = useFocusFirstProblem(formRef);
  const save = async () => {
    setTried(true);
    saved.clear();
    if (!valid) return focusFirstProblem();
    const entry = formEntry;
    // The id is kept before the first attempt, so Retry and later saves update this same row.
    setForm((f) => ({ ...f, id: entry.id }));
    await planning.saveRoi(entry, () => {
      const row = `the ROI row “${entry.metric}” for ${entry.workflow}`;
      // A Retry saves the row as it was when Save was pressed; changes typed since are not in it.
      const now = formNow.current;
      if (now !== null && sameContent(now, entry)) {
        // Saved as shown: the form clears for the next row of the same workflow, so a second metric
        // typed into it is added beside the first instead of replacing it.
        setForm(blank(entry.workflow));
        setTried(false);
        saved.confirm(
          `Saved ${row}. The form is clear for the next row of ${entry.workflow}; Edit in the list above changes a saved row.`,
        );
      } else {
        saved.confirm(
          `Saved ${row} as it was when Save was pressed. The changes made since are not saved yet: press Save ROI row to save them.`,
        );
      }
    });
  };

  const currency = numberLocale().currency;
  const units = fieldUnits(form.unit, currency);
  const field = (key: RoiNumberField) => (
    <NumberField
      key={key}
      label={LABELS[key]}
      text={form.numbers[key]}
      rule={RULES[key]}
      onText={setNumber(key)}
      unit={units[key]}
    />
  );

  return (
    <section className={styles.panel} aria-label="ROI">
      <div className={styles.section}>
        <Subtitle2 as="h3">ROI rows</Subtitle2>
        {deleted && (
          <Notice
            intent="info"
            onDismiss={planning.dismissUndo}
            actions={
              <Button size="small" onClick={() => void planning.undoDelete()}>
                Undo
              </Button>
            }
          >
            Deleted the ROI row {rowName(deleted)}.
          </Notice>
        )}
        {planning.data.roi.length === 0 && <Body1>No ROI rows yet. Start by capturing a baseline below.</Body1>}
        {planning.data.roi.map((entry) => {
          const scores = latestScores(responses, entry.workflow);
          const figures = roiFigures(entry, scores);
          const texts = roiFigureTexts(entry, figures, scores, currency);
          return (
            <div key={entry.id} className={styles.section} data-testid="roi-row">
              <Body1>
                <strong>
                  <ShortName name={entry.workflow} />
                </strong>{" "}
                · {entry.metric}
                {entry.unit ? ` (${entry.unit})` : ""}
              </Body1>
              <div className={roiStyles.figures}>
                <Figure label="Projected value (business case)" text={texts.projected} testId="roi-projected" />
                <Figure label="Measured ROI" text={texts.measured} testId="measured-roi" />
                <Figure label="NPV" text={texts.npv} testId="roi-npv" />
                <Figure label="Payback" text={texts.payback} testId="roi-payback" />
              </div>
              {figures.flags.map((flag) => (
                <MessageBar key={flag.code} intent="warning" layout="multiline" data-testid={`flag-${flag.code}`}>
                  <MessageBarBody>{roiFlagText(flag, formatNumber)}</MessageBarBody>
                </MessageBar>
              ))}
              <div className={styles.row}>
                <Button size="small" aria-label={`Edit the ROI row ${rowName(entry)}`} onClick={() => edit(entry)}>
                  Edit
                </Button>
                <Button size="small" aria-label={`Delete the ROI row ${rowName(entry)}`} onClick={() => remove(entry)}>
                  Delete
                </Button>
              </div>
            </div>
          );
        })}
      </div>

      <form
        ref={formRef}
        className={styles.panel}
        aria-label="ROI row"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {editing && (
          <Caption1 className={styles.note} data-testid="roi-editing">
            Editing the row {rowName(editing)}. Save ROI row replaces it; New row starts an empty one.
          </Caption1>
        )}
        <Subtitle2 as="h3">1. Capture the baseline, before go-live</Subtitle2>
        <Caption1 data-testid="roi-units">
          Use one currency and one period throughout. Every amount is {currencyWords(currency)}; a period is the span
          the baseline is measured over, such as a week or a month, and every “per period” figure uses that same span.
        </Caption1>
        <Field
          label="Workflow"
          required
          hint="Pick a workflow assessed or measured before, or type a new name."
          validationState={tried && !form.workflow.trim() ? "error" : nearWorkflow ? "warning" : "none"}
          validationMessage={
            tried && !form.workflow.trim()
              ? "Name the workflow."
              : nearWorkflow
                ? `“${nearWorkflow}” is saved already. Names are matched exactly, so this row would belong to a separate workflow.`
                : undefined
          }
        >
          <Input
            ref={workflowInput}
            value={form.workflow}
            list="agap-roi-workflows"
            autoComplete="off"
            onChange={(_, d) => setForm((f) => ({ ...f, workflow: d.value }))}
          />
        </Field>
        <WorkflowList id="agap-roi-workflows" names={knownWorkflows} />
        {nearWorkflow && (
          <Button
            size="small"
            className={styles.useName}
            onClick={() => setForm((f) => ({ ...f, workflow: nearWorkflow }))}
          >
            {`Use “${nearWorkflow}”`}
          </Button>
        )}
        <Field
          label="Metric"
          required
          validationMessage={tried && !form.metric.trim() ? "Name the metric." : undefined}
        >
          <Input
            value={form.metric}
            placeholder="e.g. Handling time"
            onChange={(_, d) => setForm((f) => ({ ...f, metric: d.value }))}
          />
        </Field>
        <div className={styles.row}>
          <Field label="Unit">
            <Input
              value={form.unit}
              placeholder="hours"
              onChange={(_, d) => setForm((f) => ({ ...f, unit: d.value }))}
            />
          </Field>
          <Field label="Better when">
            <Select
              value={form.direction}
              onChange={(_, d) => setForm((f) => ({ ...f, direction: d.value as Direction }))}
            >
              <option value="lower">lower (time, cost)</option>
              <option value="higher">higher (revenue, quality)</option>
            </Select>
          </Field>
        </div>
        {field("baseline")}
        <DateField
          label="Baseline captured on"
          value={form.baselineDate}
          onChange={setDate("baselineDate")}
          warning={baselineAfterLive}
        />

        <Subtitle2 as="h3">2. Go-live</Subtitle2>
        {!hasBaseline && (
          <WarningNote>Capture the baseline and its date first: without it the return cannot be proven.</WarningNote>
        )}
        <DateField label="Agent went live on" value={form.goLiveDate} onChange={setDate("goLiveDate")} />

        <Subtitle2 as="h3">3. After go-live: value and costs</Subtitle2>
        {field("current")}
        {field("valuePerUnit")}
        <Caption1>Build, integrate and govern are paid once; maintain is paid every period.</Caption1>
        <div className={styles.row}>
          {field("build")}
          {field("integrate")}
          {field("govern")}
          {field("maintain")}
        </div>
        <div className={styles.row}>
          {field("periods")}
          {field("horizon")}
          {field("discountRate")}
        </div>
        {field("expectedValue")}
        {tried && !valid && (
          <Body1 role="alert">Fix the fields marked above; nothing is saved until they are valid.</Body1>
        )}
        <div className={styles.row}>
          <Button appearance="primary" type="submit">
            {form.id ? "Save ROI row" : "Add ROI row"}
          </Button>
          <Button type="button" onClick={newRow}>
            New row
          </Button>
        </div>
        {pending && (
          <ConfirmStep
            question={
              pending.to
                ? `Open the row ${rowName(pending.to)} and drop what is typed here?`
                : "Start a new row and drop what is typed here?"
            }
            detail={
              editing
                ? `The changes to the row ${rowName(editing)} are not saved.`
                : "This row is not saved: Add ROI row saves it."
            }
            confirmLabel={pending.to ? "Drop it and open that row" : "Drop it and start a new row"}
            keepLabel="Keep it"
            destructive
            onKeep={() => setPending(null)}
            onConfirm={() => (pending.to ? openRow(pending.to) : startNewRow())}
          />
        )}
        <SaveConfirmation text={saved.text} />
      </form>
    </section>
  );
}
