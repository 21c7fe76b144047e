import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  BAND_THRESHOLD_NOTE,
  DEFAULT_GRID_STEPS,
  DEFAULT_MIN_GROUP,
  LAYERS,
  LIMITS,
  assessAnswers,
  isCompleteResponse,
  latestRound,
  nextBandLimit,
  responsesByWorkflow,
  bandOf,
  tornadoSwings,
  planToTarget,
  realizedGrid,
  realizedValue,
  scenarioChange,
  resampleRealized,
  teamDetail,
  workflowNames,
  type Answers,
  type AssessmentResponse,
  type Scenario,
  roundLabel,
} from "../../model";
import { TERM_LABELS, tornadoTitle } from "../../model/glossary";
import { formatPercent, formatPoints, plural } from "../components/format";
import { Notice } from "../components/Notice";
import { duplicateError, sameNameAs, scenariosOf, uniqueName } from "./names";
import { NumberField } from "./NumberField";
import { parseNumber, percentText, ruleFromLimit } from "./parse";
import { SavedScenarios } from "./SavedScenarios";
import { ScoreEditor } from "./ScoreEditor";
import { ShortName } from "../components/ShortName";
import { usePanelStyles } from "./styles";
import { TornadoChart } from "./TornadoChart";
import type { Planning } from "./usePlanning";
import { useScoreEditor } from "./useScoreEditor";
import { useFocusFirstProblem } from "../hooks/useFocusFirstProblem";
import { SaveConfirmation, useSaveConfirmation } from "../components/SaveConfirmation";

/** Where a scenario can start from. */
interface BaseOption {
  key: string;
  label: string;
  workflow: string;
  scores: number[];
  /** The responses behind it, for the uncertainty from team spread. */
  responses: AssessmentResponse[];
  /** Shown under the select in full, which a long label in a narrow pane is not. */
  detail?: string;
}

const TYPED: BaseOption = {
  key: "typed",
  label: "Typed scores",
  workflow: "",
  scores: [0.5, 0.5, 0.5, 0.5, 0.5],
  responses: [],
};

/** Said under a save button once a scenario is saved. */
const savedText = (name: string) => `Saved “${name}”. It is listed under Saved scenarios, below.`;

export function baseOptions(
  responses: readonly AssessmentResponse[],
  draftWorkflow: string,
  draftAnswers: Answers,
): BaseOption[] {
  return [TYPED, ...draftOption(draftWorkflow, draftAnswers), ...savedOptions(responses)];
}

/**
 * Where the panel starts, following the same workflow as Results: the assessment on the form once
 * it is complete; else the latest round of the form's workflow; else that of the workflow saved
 * last; else the first saved round, or typed scores when nothing is saved.
 */
export function initialBaseKey(
  options: readonly BaseOption[],
  draftWorkflow: string,
  responses: readonly AssessmentResponse[],
): string {
  const offered = (key: string) => options.some((option) => option.key === key);
  if (offered("draft")) return "draft";
  for (const workflow of [draftWorkflow, responses.at(-1)?.workflow]) {
    if (workflow && offered(`saved:${workflow}`)) return `saved:${workflow}`;
  }
  return options[1]?.key ?? TYPED.key;
}

/** The assessment on the form, once every statement is answered. */
function draftOption(draftWorkflow: string, draftAnswers: Answers): BaseOption[] {
  const draft = assessAnswers(draftAnswers);
  if (!draft.complete) return [];
  return [
    {
      key: "draft",
      label: "The assessment being filled in",
      workflow: draftWorkflow,
      scores: draft.layerScores as number[],
      responses: [],
    },
  ];
}

/**
 * Each saved workflow's latest round. The responses are grouped by workflow once: asking
 * latestRound of the whole list for every workflow costs workflows × responses.
 */
export function savedOptions(responses: readonly AssessmentResponse[]): BaseOption[] {
  const groups = responsesByWorkflow(responses);
  const options: BaseOption[] = [];
  for (const workflow of workflowNames(responses)) {
    const latest = latestRound(groups.get(workflow) ?? [], workflow);
    if (!latest?.result) continue;
    const partial = latest.partial > 0 ? `; ${plural(latest.partial, "partial response")} not counted` : "";
    options.push({
      key: `saved:${workflow}`,
      label: `${workflow}, ${roundLabel(latest.date)} (team mean)`,
      workflow,
      scores: latest.result.layerScores,
      responses: latest.responses.filter(isCompleteResponse),
      detail: `${workflow}: the latest round, ${roundLabel(latest.date)}, as the mean of ${plural(latest.result.respondents, "complete response")}${partial}.`,
    });
  }
  return options;
}

// A select is as wide as its longest option unless told otherwise; in a 320 px pane a saved
// workflow's label would push the whole pane sideways. The hint under it gives the label in full.
const useFitStyles = makeStyles({
  field: { gridTemplateColumns: "minmax(0, 1fr)" },
  select: { minWidth: 0 },
});

/**
 * The base's detail, its workflow's name shortened to a line (the title gives it in full). The
 * colon goes with the name: the cut name's box is read with a space after it.
 */
function hintOf(base: BaseOption): React.JSX.Element | string | undefined {
  const { detail, workflow } = base;
  if (!detail || !workflow || !detail.startsWith(`${workflow}: `)) return detail;
  return (
    <>
      <ShortName name={`${workflow}:`} />
      {detail.slice(workflow.length + 1)}
    </>
  );
}

/** The base moved under the editor: from which label to which, and the layers the user had changed. */
interface BaseMove {
  from: string;
  to: string;
  kept: number[];
}

// Object.is, so that a score that is not a number could never make the base look new on every render.
const sameScores = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((score, i) => Object.is(score, b[i]));

function moveNote({ from, to, kept }: BaseMove): string {
  const what = from === to ? `Base updated: “${to}” changed.` : `Base updated to “${to}” (was “${from}”).`;
  if (kept.length === 0) return `${what} Every layer now starts from it.`;
  const names = kept.map((i) => LAYERS[i].name);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `${what} Your change${kept.length === 1 ? "" : "s"} to ${list} ${kept.length === 1 ? "was" : "were"} kept; the other layers now start from it.`;
}

const TARGET_RULE = ruleFromLimit(LIMITS.target, { percent: true });
/** The target past the last band limit, or before the scores are valid. */
const DEFAULT_TARGET = 0.25;
// The tornado's step is in points of a layer score (pts), as its label and hint say.
const DELTA_RULE = { min: 0, max: 1, minExclusive: true, points: true } as const;
/** The step as the user typed it, without a unit typed after it: "10 pts" → "10". */
const stepInPoints = (text: string) => text.trim().replace(/\s*(pts?|points?)$/i, "");
const SEED_RULE = { min: 0, max: 2 ** 31 - 1, integer: true } as const;

export interface ScenariosPanelProps {
  planning: Planning;
  responses: readonly AssessmentResponse[];
  draftWorkflow: string;
  draftAnswers: Answers;
  /** The smallest group whose spread is shown (the team's setting): the range comes from the spread. */
  minGroup?: number;
}

export function ScenariosPanel({
  planning,
  responses,
  draftWorkflow,
  draftAnswers,
  minGroup = DEFAULT_MIN_GROUP,
}: ScenariosPanelProps) {
  const styles = usePanelStyles();
  const fit = useFitStyles();
  // Saved rounds are worked out when the responses change, not on every answer typed on the form.
  const saved = React.useMemo(() => savedOptions(responses), [responses]);
  const options = React.useMemo(
    () => [TYPED, ...draftOption(draftWorkflow, draftAnswers), ...saved],
    [saved, draftWorkflow, draftAnswers],
  );
  const [baseKey, setBaseKey] = React.useState(() => initialBaseKey(options, draftWorkflow, responses));
  const current = options.find((o) => o.key === baseKey);
  // A base that is no longer offered (the draft was saved or cleared) gives way to typed scores,
  // and the select says so.
  if (current === undefined && baseKey !== TYPED.key) setBaseKey(TYPED.key);
  const base = current ?? TYPED;
  const editor = useScoreEditor(base.scores);
  // The options are worked out afresh from the responses and the draft on every render, while the
  // editor keeps its own copy of the base. When the chosen option changes under it (a new round of
  // that workflow, a changed draft), the editor's base follows before anything is shown, so the
  // label, the base scores and a saved scenario always come from the same option; layers the user
  // changed keep their values, and a note says what happened. `applied` is the label of the
  // option the editor's base was last taken from.
  const [applied, setApplied] = React.useState(base.label);
  const [moved, setMoved] = React.useState<BaseMove | null>(null);
  if (base.label !== applied || !sameScores(base.scores, editor.base)) {
    const kept = editor.follow(base.scores);
    setApplied(base.label);
    setMoved({ from: applied, to: base.label, kept });
  }
  const [name, setName] = React.useState("");
  const [nameTouched, setNameTouched] = React.useState(false);
  const scenarioSaved = useSaveConfirmation();
  const planSaved = useSaveConfirmation();
  const tornadoAdded = useSaveConfirmation();
  const gridAdded = useSaveConfirmation();
  // The target starts at the next band limit above the starting point, where the board report's
  // plan goes too, until the user types one.
  const [typedTarget, setTypedTarget] = React.useState<string | null>(null);
  const baseNext = nextBandLimit(realizedValue(base.scores));
  const targetText = typedTarget ?? percentText(baseNext ?? DEFAULT_TARGET);
  const [deltaText, setDeltaText] = React.useState("10");
  const [gridLayers, setGridLayers] = React.useState<[number, number]>([3, 4]);
  const [seedText, setSeedText] = React.useState("20261124");

  const choose = (key: string) => {
    const option = options.find((o) => o.key === key) ?? TYPED;
    setBaseKey(option.key);
    editor.reset(option.scores);
    setApplied(option.label);
    setMoved(null);
  };

  const realized = realizedValue(editor.scores);
  const target = parseNumber(targetText, TARGET_RULE);
  const delta = parseNumber(deltaText, DELTA_RULE);
  const seed = parseNumber(seedText, SEED_RULE);
  const plan = target.ok && target.value !== null && editor.allValid ? planToTarget(editor.scores, target.value) : null;
  const tornadoRows =
    delta.ok && delta.value !== null && editor.allValid
      ? tornadoSwings(editor.scores, delta.value).map((s) => ({ label: s.layer.short, down: s.down, up: s.up }))
      : [];
  const grid = editor.allValid
    ? realizedGrid(
        editor.scores,
        gridLayers[0],
        gridLayers[1],
        DEFAULT_GRID_STEPS.filter((_, i) => i % 2 === 0),
      )
    : null;
  // The range is drawn from each respondent's scores, so a small round withholds it as it does its spread.
  const spreadShown = teamDetail(base.responses.length, minGroup);
  const uncertainty =
    base.responses.length >= 2 && spreadShown.shown && seed.ok && seed.value !== null
      ? resampleRealized(base.responses, { seed: seed.value })
      : null;

  const scenarioFrom = (scores: number[], scenarioName: string): Scenario => ({
    id: globalThis.crypto?.randomUUID?.() ?? `s-${Date.now()}`,
    name: scenarioName,
    workflow: base.workflow,
    baseLabel: base.label,
    baseScores: editor.base.slice(),
    scores,
  });

  const sectionRef = React.useRef<HTMLElement>(null);
  const focusFirstProblem = useFocusFirstProblem(sectionRef);
  const sameWorkflow = scenariosOf(planning.data.scenarios, base.workflow);
  const twin = sameNameAs(name, sameWorkflow);

  const save = async () => {
    setNameTouched(true);
    // Save is disabled while a score is invalid, so the problem here is the name.
    if (!name.trim() || twin || !editor.allValid) return focusFirstProblem();
    const scenario = scenarioFrom(editor.scores.slice(), name.trim());
    await planning.saveScenario(scenario, () => {
      // The field is cleared for the next one: kept, its name would at once be "already taken". A
      // name typed after a failed attempt, before its Retry, is another scenario's, and stays.
      setName((current) => (current.trim() === scenario.name ? "" : current));
      setNameTouched(false);
      scenarioSaved.confirm(savedText(scenario.name));
    });
  };

  return (
    <section ref={sectionRef} className={styles.panel} aria-label="Scenarios">
      <Field label="Start from" hint={hintOf(base)} className={fit.field}>
        <Select
          value={base.key}
          onChange={(_, data) => choose(data.value)}
          className={fit.select}
          select={{ className: fit.select }}
        >
          {options.map((option) => (
            <option key={option.key} value={option.key}>
              {option.label}
            </option>
          ))}
        </Select>
      </Field>
      {moved && (
        <Notice
          intent="info"
          onDismiss={() => setMoved(null)}
          actions={
            moved.kept.length > 0 && (
              <Button
                size="small"
                onClick={() => {
                  editor.reset(base.scores);
                  setMoved(null);
                }}
              >
                Discard my changes
              </Button>
            )
          }
        >
          {moveNote(moved)}
        </Notice>
      )}

      <ScoreEditor editor={editor} />

      <div className={styles.figures} aria-live="polite">
        <div className={styles.figure}>
          <Caption1>Realized value</Caption1>
          <span className={styles.big} data-testid="scenario-realized">
            {formatPercent(realized)}
          </span>
        </div>
        <div className={styles.figure}>
          <Caption1>Gap · band</Caption1>
          <span className={styles.big} data-testid="scenario-gap">
            {formatPercent(1 - realized)}
          </span>
          <Caption1 data-testid="scenario-band">{bandOf(1 - realized)}</Caption1>
        </div>
        <div className={styles.figure}>
          <Caption1>Against base</Caption1>
          <span className={styles.big} data-testid="scenario-change">
            {formatPoints(scenarioChange({ baseScores: editor.base, scores: editor.scores }))}
          </span>
        </div>
      </div>
      <Caption1 className={styles.note}>{BAND_THRESHOLD_NOTE}</Caption1>

      <div className={styles.row}>
        <Field
          label="Scenario name"
          validationState={(nameTouched && !name.trim()) || twin ? "error" : "none"}
          validationMessage={
            nameTouched && !name.trim() ? "Name the scenario before saving." : twin ? duplicateError(name) : undefined
          }
        >
          <Input
            value={name}
            onChange={(_, data) => {
              setName(data.value);
              scenarioSaved.clear();
            }}
          />
        </Field>
        <Button appearance="primary" onClick={save} disabled={!editor.allValid}>
          Save scenario
        </Button>
      </div>
      <SaveConfirmation text={scenarioSaved.text} />
      {!editor.allValid && (
        <Body1 role="alert">Fix the scores marked above; nothing is saved until they are valid.</Body1>
      )}

      <div className={styles.section}>
        <Subtitle2 as="h3">Plan to a target</Subtitle2>
        <div className={styles.row}>
          <NumberField
            label="Target realized value"
            text={targetText}
            rule={TARGET_RULE}
            onText={setTypedTarget}
            hint={
              typedTarget === null && baseNext !== null
                ? "The next band limit above the starting point; type another to plan to it."
                : undefined
            }
            contentAfter="%"
          />
        </div>
        {plan?.status === "met" && (
          <Body1 role="status">Already met: realized value is {formatPercent(plan.realized)}.</Body1>
        )}
        {plan?.status === "planned" && (
          <>
            <ul className={styles.list} aria-label="Planned changes">
              {LAYERS.map((layer, i) => (
                <li key={layer.id}>
                  {layer.name}: {formatPercent(editor.scores[i])}
                  {plan.scores[i] > editor.scores[i] ? ` → ${formatPercent(plan.scores[i])}` : " (unchanged)"}
                </li>
              ))}
            </ul>
            <Caption1>
              Every layer below {formatPercent(plan.level)} rises to it; realized value becomes{" "}
              {formatPercent(plan.realized)}. Total improvement {formatPoints(plan.totalImprovement)} of layer score,
              summed across layers.
            </Caption1>
            <Button
              onClick={async () => {
                const scenario = scenarioFrom(
                  plan.scores,
                  uniqueName(`Plan to ${formatPercent(plan.target, 0)}`, sameWorkflow),
                );
                await planning.saveScenario(scenario, () => {
                  // A scenario was saved after all: "Name the scenario" from an earlier Save no longer applies.
                  if (!name.trim()) setNameTouched(false);
                  planSaved.confirm(savedText(scenario.name));
                });
              }}
            >
              Save plan as scenario
            </Button>
            <SaveConfirmation text={planSaved.text} />
          </>
        )}
      </div>

      <div className={styles.section}>
        <Subtitle2 as="h3">Tornado</Subtitle2>
        <NumberField
          label={TERM_LABELS.tornadoStep}
          hint={TERM_LABELS.tornadoStepHint}
          text={deltaText}
          rule={DELTA_RULE}
          onText={setDeltaText}
        />
        {tornadoRows.length > 0 && <TornadoChart rows={tornadoRows} />}
        {planning.insertTornado && tornadoRows.length > 0 && (
          <>
            <Button
              onClick={() =>
                void tornadoAdded.after(
                  (done) => planning.insertTornado!(tornadoTitle(stepInPoints(deltaText)), tornadoRows, done),
                  (sheet) => `Added the tornado chart on the sheet “${sheet}”.`,
                )
              }
            >
              Insert tornado chart in Excel
            </Button>
            <SaveConfirmation text={tornadoAdded.text} />
          </>
        )}
      </div>

      <div className={styles.section}>
        <Subtitle2 as="h3">Two-layer grid</Subtitle2>
        <div className={styles.row}>
          {(["Down", "Across"] as const).map((axis, k) => (
            <Field key={axis} label={axis}>
              <Select
                value={String(gridLayers[k])}
                onChange={(_, data) => {
                  const next: [number, number] = [...gridLayers];
                  next[k] = Number(data.value);
                  if (next[0] !== next[1]) setGridLayers(next);
                }}
              >
                {LAYERS.map((layer, i) => (
                  <option key={layer.id} value={i} disabled={i === gridLayers[1 - k]}>
                    {layer.short}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
        </div>
        {grid && <GridTable grid={grid} />}
        {planning.insertGrid && grid && (
          <>
            <Button
              onClick={() =>
                void gridAdded.after(
                  (done) => planning.insertGrid!(editor.scores, gridLayers[0], gridLayers[1], DEFAULT_GRID_STEPS, done),
                  (sheet) => `Wrote the grid on the sheet “${sheet}”.`,
                )
              }
            >
              Write grid to the workbook
            </Button>
            <SaveConfirmation text={gridAdded.text} />
          </>
        )}
      </div>

      <div className={styles.section}>
        <Subtitle2 as="h3">Uncertainty from team spread</Subtitle2>
        {base.responses.length < 2 ? (
          <Body1>Start from a saved workflow with two or more respondents on one date to see a range.</Body1>
        ) : !spreadShown.shown ? (
          <Body1 data-testid="range-withheld">
            The range is withheld, as it is drawn from each respondent&apos;s scores. {spreadShown.reason}
          </Body1>
        ) : (
          <>
            <NumberField label="Seed" text={seedText} rule={SEED_RULE} onText={setSeedText} />
            {uncertainty && (
              <Body1 data-testid="uncertainty">
                P10 {formatPercent(uncertainty.p10)} · P50 {formatPercent(uncertainty.p50)} · P90{" "}
                {formatPercent(uncertainty.p90)}
              </Body1>
            )}
            {uncertainty && (
              <Caption1 className={styles.note}>
                {uncertainty.runs} resamples of the {uncertainty.respondents} respondents, seed {uncertainty.seed}: the
                same seed gives the same range.
              </Caption1>
            )}
          </>
        )}
      </div>

      <SavedScenarios planning={planning} />
    </section>
  );
}

function GridTable({ grid }: { grid: ReturnType<typeof realizedGrid> }) {
  const max = Math.max(...grid.values.flat(), 1e-9);
  return (
    <>
      <Caption1>
        Realized value with {LAYERS[grid.rowLayer].short} down the side and {LAYERS[grid.columnLayer].short} across the
        top; the other layers stay as set above.
      </Caption1>
      <Table
        size="extra-small"
        aria-label={`Realized value by ${LAYERS[grid.rowLayer].short} (down) and ${LAYERS[grid.columnLayer].short} (across)`}
      >
        <TableHeader>
          <TableRow>
            <TableHeaderCell>↓ →</TableHeaderCell>
            {grid.steps.map((step) => (
              <TableHeaderCell key={step}>{formatPercent(step, 0)}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {grid.values.map((row, i) => (
            <TableRow key={grid.steps[i]}>
              <TableCell>{formatPercent(grid.steps[i], 0)}</TableCell>
              {row.map((value, j) => (
                <TableCell
                  key={j}
                  style={{
                    // Colour only supports the number, which is always written out.
                    backgroundColor: `color-mix(in srgb, ${tokens.colorBrandBackground} ${Math.round((value / max) * 70)}%, transparent)`,
                  }}
                >
                  {formatPercent(value, 0)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
