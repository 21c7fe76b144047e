import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from "@fluentui/react-components";
import {
  BASELINE_TASK_ID,
  DEFAULT_TARGET_STAGE,
  MATURITY_STAGES,
  ROADMAP_PHASES,
  ROADMAP_TASKS,
  maturityStage,
  parseIsoDate,
  localIsoDate,
  portfolio,
  roadmapDone,
  roadmapIsOpen,
  roadmapStatus,
  scheduleRoadmap,
  workflowNames,
  baselineNote,
  NO_BASELINE_NOTE,
  ROI_FLAG_SHORT,
  type AssessmentResponse,
  type PortfolioRow,
} from "../../model";
import { formatPercent } from "../components/format";
import { DateField } from "../components/DateField";
import { KeepDates } from "../components/KeepDates";
import { ShortName } from "../components/ShortName";
import { RoadmapActions } from "./RoadmapActions";
import { RoadmapTasks } from "./RoadmapTasks";
import { overdueWords, roadmapTiming } from "./roadmap-words";
import { usePanelStyles } from "./styles";
import type { Planning } from "./usePlanning";
import { useFocusFirstProblem } from "../hooks/useFocusFirstProblem";
import { SaveConfirmation, useSaveConfirmation } from "../components/SaveConfirmation";
import { WarningNote } from "../components/WarningNote";

// The portfolio's cells are laid out as flex rows. Below 480 px four columns leave "Measurement"
// no room: the workflow's name takes a line of its own and its figures share the line under it.
const NARROW = "@media (max-width: 479.98px)";
const usePortfolioStyles = makeStyles({
  table: { minWidth: 0 },
  row: {
    [NARROW]: { flexWrap: "wrap", alignItems: "stretch" },
    // Padding inside each cell's share, so four shares make one row.
    "& > *": { boxSizing: "border-box" },
  },
  workflow: { flex: "0 0 28%", [NARROW]: { flexBasis: "100%" } },
  // Under 480 px, wide enough for "→ target" on one line below "Stage".
  stage: { flex: "0 0 16%", [NARROW]: { flexBasis: "26%" } },
  realized: { flex: "0 0 24%", [NARROW]: { flexBasis: "32%" } },
  weakest: { flex: "0 0 32%", [NARROW]: { flexBasis: "42%" } },
  // A long name is cut after two lines, with an ellipsis; hovering shows it whole, and it is read whole.
  name: {
    display: "-webkit-box",
    WebkitBoxOrient: "vertical",
    WebkitLineClamp: 2,
    overflow: "hidden",
    overflowWrap: "anywhere",
  },
});

export interface RoadmapPanelProps {
  planning: Planning;
  responses: readonly AssessmentResponse[];
  workflow: string;
  /** The day tasks are judged overdue on, as YYYY-MM-DD; today where the user is, unless given. */
  today?: string;
}

/** The Portfolio's ROI verdict, with the cautions that flag it. */
function roiWords(row: PortfolioRow): string {
  if (row.roiStatus !== "flagged") return row.roiStatus;
  return `flagged: ${row.roiCautions.map((code) => ROI_FLAG_SHORT[code]).join(", ")}`;
}

export function RoadmapPanel({ planning, responses, workflow: draftWorkflow, today }: RoadmapPanelProps) {
  const styles = usePanelStyles();
  const portfolioStyles = usePortfolioStyles();
  const { data } = planning;
  const names = workflowNames([
    { workflow: draftWorkflow },
    ...responses,
    ...data.maturity,
    ...data.roi,
    ...data.roadmaps,
  ]);
  // The choice, or the first workflow while nothing chosen is listed: the pane's data arrives after
  // the first render, and a roadmap read then must show without a click.
  const [chosen, setWorkflow] = React.useState(draftWorkflow);
  const workflow = names.includes(chosen) ? chosen : (names[0] ?? "");
  const [busy, setBusy] = React.useState(false);
  const record = data.maturity.find((m) => m.workflow === workflow);
  const [stage, setStage] = React.useState(record?.stage ?? 1);
  const [target, setTarget] = React.useState(record?.target ?? DEFAULT_TARGET_STAGE);
  // Day 1 is today unless the user picks another day.
  const [start, setStart] = React.useState(() => today ?? localIsoDate(new Date()));
  const [tried, setTried] = React.useState(false);
  const [startPartial, setStartPartial] = React.useState(false);
  const stageSaved = useSaveConfirmation();
  React.useEffect(() => {
    setStage(record?.stage ?? 1);
    setTarget(record?.target ?? DEFAULT_TARGET_STAGE);
  }, [record?.stage, record?.target, workflow]);

  const details = maturityStage(stage)!;
  // Not on every render: an answer typed on the Assessment tab renders this panel too.
  const rows = React.useMemo(() => portfolio(responses, data.maturity, data.roi), [responses, data.maturity, data.roi]);
  const baseline = baselineNote(workflow, data.roi);
  const openElsewhere = data.roadmaps.filter((r) => r.workflow !== workflow && roadmapIsOpen(r));
  const existing = data.roadmaps.find((r) => r.workflow === workflow);
  const startProblem = startPartial
    ? "Enter the whole date: day, month and year."
    : !start
      ? "Pick the start date."
      : parseIsoDate(start) === null
        ? "Not a calendar date."
        : undefined;
  const schedule = startProblem || existing ? null : scheduleRoadmap(start);
  const done = existing ? roadmapDone(existing) : 0;
  // Where the saved roadmap stands today, as the board report says it (no status without a valid start).
  const status =
    existing && parseIsoDate(existing.startDate) !== null
      ? roadmapStatus(existing, today ?? localIsoDate(new Date()))
      : null;
  const overdue = new Set(status?.overdue.map((task) => task.id));

  const roadmapSaid = useSaveConfirmation();
  const sectionRef = React.useRef<HTMLElement>(null);
  const focusFirstProblem = useFocusFirstProblem(sectionRef);
  /**
   * Runs one roadmap write at a time, so a second click cannot start another; once it went
   * through, says what it did.
   */
  const run = async (action: (onDone: (result: unknown) => void) => Promise<unknown>, said: string) => {
    setBusy(true);
    try {
      await roadmapSaid.after(action, () => said);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section ref={sectionRef} className={styles.panel} aria-label="Maturity and roadmap">
      <Field label="Workflow" className={styles.fitField}>
        <Select
          value={workflow}
          title={workflow}
          className={styles.fitSelect}
          select={{ className: styles.fitSelect }}
          onChange={(_, d) => setWorkflow(d.value)}
        >
          {names.length === 0 && <option value="">No workflows yet</option>}
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>

      <div className={styles.section}>
        <Subtitle2 as="h3">Maturity stage</Subtitle2>
        {workflow && !record && (
          // The select starts somewhere; the Portfolio shows "–" until a stage is saved, and says so here.
          <Caption1 className={styles.note} data-testid="no-stage-saved">
            No stage saved for {workflow} yet: the Portfolio shows “–” until you pick one and save it.
          </Caption1>
        )}
        <div className={styles.row}>
          <Field label="Stage now">
            <Select value={String(stage)} onChange={(_, d) => setStage(Number(d.value))}>
              {MATURITY_STAGES.map((s) => (
                <option key={s.level} value={s.level}>
                  {s.level} · {s.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Target stage">
            <Select value={String(target)} onChange={(_, d) => setTarget(Number(d.value))}>
              {MATURITY_STAGES.map((s) => (
                <option key={s.level} value={s.level}>
                  {s.level} · {s.name}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <dl className={styles.facts} aria-label={`Stage ${details.level}: ${details.name}`}>
          <dt>What it looks like</dt>
          <dd>{details.characteristics}</dd>
          <dt>Main risk</dt>
          <dd>{details.primaryRisk}</dd>
          <dt>The number to watch</dt>
          <dd>{details.signatureKpi}</dd>
          <dt>For executives</dt>
          <dd>{details.executiveImplication}</dd>
        </dl>
        <Button
          disabled={!workflow}
          onClick={async () => {
            await planning.saveMaturity({ workflow, stage, target }, () =>
              stageSaved.confirm(`Saved stage ${stage} for ${workflow}, with stage ${target} as its target.`),
            );
          }}
        >
          Save stage
        </Button>
        <SaveConfirmation text={stageSaved.text} />
      </div>

      <div className={styles.section}>
        <Subtitle2 as="h3">Portfolio</Subtitle2>
        {rows.length === 0 ? (
          <Body1>No workflows yet.</Body1>
        ) : (
          <Table size="small" aria-label="Portfolio" noNativeElements className={portfolioStyles.table}>
            <TableHeader>
              <TableRow className={portfolioStyles.row}>
                <TableHeaderCell className={portfolioStyles.workflow}>Workflow</TableHeaderCell>
                <TableHeaderCell className={portfolioStyles.stage}>Stage →{"\u00a0"}target</TableHeaderCell>
                <TableHeaderCell className={portfolioStyles.realized}>Realized · band</TableHeaderCell>
                <TableHeaderCell className={portfolioStyles.weakest}>Weakest · ROI</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.workflow} className={portfolioStyles.row}>
                  <TableCell className={portfolioStyles.workflow}>
                    {/* Two lines at most; the full name is the cell's text and its title. */}
                    <span className={portfolioStyles.name} title={row.workflow}>
                      {row.workflow}
                    </span>
                  </TableCell>
                  <TableCell className={portfolioStyles.stage}>
                    {row.stage ?? "–"} → {row.target}
                  </TableCell>
                  <TableCell className={portfolioStyles.realized}>
                    {row.latestRealized === null ? "–" : formatPercent(row.latestRealized)} · {row.band ?? "–"}
                  </TableCell>
                  <TableCell className={portfolioStyles.weakest}>
                    {row.weakest ?? "–"} · {roiWords(row)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {rows.some((row) => row.roiStatus !== "no ROI row") && (
          <Caption1 className={styles.note}>
            ROI is defensible when none of the workflow&apos;s ROI rows carries a caution; otherwise the cautions are
            named, and each row on the ROI tab says what to do about its own.
          </Caption1>
        )}
      </div>

      <div className={styles.section}>
        <Subtitle2 as="h3">90-day roadmap</Subtitle2>
        {openElsewhere.length > 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              {openElsewhere.map((r) => r.workflow).join(", ")} still {openElsewhere.length === 1 ? "has" : "have"} an
              open roadmap. Take one workflow through all 90 days before starting the next.
            </MessageBarBody>
          </MessageBar>
        )}
        {/* Above both states: a delete or a new roadmap changes what is below it. */}
        <SaveConfirmation text={roadmapSaid.text} />
        {existing ? (
          <>
            <Body1 role="status">
              <ShortName name={workflow} /> has a roadmap starting <KeepDates text={existing.startDate} />
              {planning.kind === "excel" ? ` on the sheet “${existing.sheetName}”` : ""}: {done} of{" "}
              {ROADMAP_TASKS.length} tasks done. Set owners, statuses and done dates below.
            </Body1>
            {status && (
              <Body1 data-testid="roadmap-timing">
                <KeepDates text={`${roadmapTiming(status)} ${overdueWords(status.overdue.length)}`} />
              </Body1>
            )}
            <RoadmapActions
              key={`actions:${existing.sheetName}`}
              record={existing}
              kind={planning.kind}
              disabled={busy}
              onRegenerate={(newStart) =>
                void run(
                  (done) => planning.regenerateRoadmap(existing, newStart, done),
                  `Generated the roadmap of ${workflow} again, starting ${newStart}: every task starts open.`,
                )
              }
              onDelete={() =>
                void run(
                  (done) => planning.deleteRoadmap(existing, done),
                  `Deleted the roadmap of ${workflow}${planning.kind === "excel" ? ` and its sheet “${existing.sheetName}”` : ""}.`,
                )
              }
            />
            <RoadmapTasks
              key={`tasks:${existing.sheetName}`}
              record={existing}
              baseline={{ note: baseline, missing: baseline === NO_BASELINE_NOTE }}
              overdue={overdue}
              onSave={(tasks, onDone) => planning.saveRoadmapTasks(existing, tasks, onDone)}
            />
          </>
        ) : (
          <>
            <DateField
              label="Start date"
              value={start}
              onChange={(value, complete) => {
                setStart(value);
                setStartPartial(!complete);
              }}
              error={tried ? startProblem : undefined}
            />
            <Button
              appearance="primary"
              disabled={!workflow || busy}
              onClick={() => {
                setTried(true);
                if (startProblem) return focusFirstProblem();
                void run(
                  (done) => planning.createRoadmap(workflow, start, done),
                  `Generated the roadmap of ${workflow}, starting ${start}.`,
                );
              }}
            >
              Generate roadmap
            </Button>
            {schedule && (
              <Caption1 className={styles.note}>
                The due dates from this start date. Generate the roadmap to record owners, statuses and done dates.
              </Caption1>
            )}
            {schedule &&
              ROADMAP_PHASES.map((phase) => (
                <div key={phase.id}>
                  <Body1>
                    <strong>
                      Days {phase.firstDay}–{phase.lastDay}: {phase.name}
                    </strong>
                  </Body1>
                  <ul className={styles.list} aria-label={phase.name}>
                    {schedule
                      .filter((task) => task.phase === phase.id)
                      .map((task) => (
                        <li key={task.id} data-testid={`task-${task.id}`}>
                          {task.dueDate}: {task.text}
                          {task.id === BASELINE_TASK_ID && (
                            <>
                              {" "}
                              {baseline === NO_BASELINE_NOTE ? (
                                <WarningNote>{baseline}.</WarningNote>
                              ) : (
                                <Caption1>{baseline}.</Caption1>
                              )}
                            </>
                          )}
                        </li>
                      ))}
                  </ul>
                </div>
              ))}
          </>
        )}
      </div>
    </section>
  );
}
