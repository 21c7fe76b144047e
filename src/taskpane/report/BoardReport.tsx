// The one-page board report of one workflow, drawn from the model's boardReport. Every figure is
// written by the same functions as on the pane's tabs, so the page and the tabs read the same.
import * as React from "react";
import { mergeClasses } from "@fluentui/react-components";
import {
  MATURITY_STAGES,
  NOTHING_TO_FIX,
  planToNextBandText,
  roiFlagText,
  tiedText,
  type BoardReport as BoardReportData,
  type BoardRoadmap,
  type BoardTask,
} from "../../model";
import { DecayCurveChart } from "../components/DecayCurveChart";
import { describeShares } from "../components/WhatMoved";
import { formatNumber, formatPercent, plural, roundInWords } from "../components/format";
import { roiFigureTexts } from "../planning/roi-figures";
import { useReportStyles } from "./report-styles";
import { roadmapTiming } from "../planning/roadmap-words";
import { KeepDates } from "../components/KeepDates";

/** ROI rows shown on the page; the rest are counted, so the report keeps to one page. */
export const ROI_ROWS_SHOWN = 3;
/** Overdue tasks named on the page; the rest are counted. */
export const OVERDUE_SHOWN = 3;

/** Free text typed by users (metric names, owners) is cut on the page, so that it keeps to one page. */
export const METRIC_CHARS = 70;
export const OWNER_CHARS = 30;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

export interface BoardReportProps {
  report: BoardReportData;
  /** The day the report is made (ISO), printed on it. */
  today: string;
  /** The id of the workflow's heading, which the view focuses when it opens. */
  titleId: string;
  titleRef?: React.Ref<HTMLHeadingElement>;
}

/** A titled section of the page, named by its heading for screen readers. */
function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  const styles = useReportStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h3 id={id} className={styles.heading}>
        {title}
      </h3>
      {children}
    </section>
  );
}

/** The report: header, then the sections in two groups of about the same height (two columns on paper). */
export function BoardReport({ report, today, titleId, titleRef }: BoardReportProps) {
  const styles = useReportStyles();
  const { round, result } = report;
  const meta = round
    ? `${roundInWords(round.date, true)} · ${plural(round.respondents, "complete respondent")}` +
      (round.partial > 0 ? ` (${round.partial} partial not counted)` : "")
    : "No round with a team result yet";

  return (
    <article className={styles.page} aria-labelledby={titleId}>
      <header className={styles.header}>
        <p className={styles.kicker}>AGAP board report</p>
        <h2 id={titleId} ref={titleRef} tabIndex={-1} className={styles.title}>
          {report.workflow}
        </h2>
        <p className={styles.meta}>
          <KeepDates text={`${meta} · made ${today}`} />
        </p>
      </header>
      <div className={styles.columns}>
        <div className={styles.column}>
          <ResultSection report={report} />
          <CurveSection report={report} />
          <ActionsSection report={report} />
          <PlanSection report={report} />
          <MaturitySection report={report} />
        </div>
        <div className={styles.column}>
          <MovedSection report={report} />
          <RoiSection report={report} />
          <RoadmapSection roadmap={report.roadmap} />
        </div>
      </div>
      {result === null && (
        <p className={styles.note}>
          The team figures appear once the workflow has a response with all 15 statements answered.
        </p>
      )}
    </article>
  );
}

function ResultSection({ report }: { report: BoardReportData }) {
  const styles = useReportStyles();
  const { result } = report;
  return (
    <Section id="report-result" title="Result">
      {result === null ? (
        <p className={styles.text}>No team result yet: it needs a response with all 15 statements answered.</p>
      ) : (
        <>
          <dl className={styles.figures}>
            <div className={styles.figure}>
              <dt className={styles.figureLabel}>Realized value</dt>
              <dd className={styles.figureValue} data-testid="report-realized">
                {formatPercent(result.realized)}
              </dd>
            </div>
            <div className={styles.figure}>
              <dt className={styles.figureLabel}>Gap</dt>
              <dd className={styles.figureValue}>{formatPercent(result.gap)}</dd>
            </div>
            <div className={styles.figure}>
              <dt className={styles.figureLabel}>Band</dt>
              <dd className={styles.figureValue} data-testid="report-band">
                {result.band}
              </dd>
            </div>
          </dl>
          <p className={styles.note}>{result.bandNote}</p>
        </>
      )}
    </Section>
  );
}

function CurveSection({ report }: { report: BoardReportData }) {
  const styles = useReportStyles();
  const { curve, layers, fixFirst } = report;
  return (
    <Section id="report-curve" title="Decay curve and layer scores">
      {curve === null || layers === null ? (
        <p className={styles.text}>No curve yet: the layer scores come from the team result.</p>
      ) : (
        <>
          <DecayCurveChart surviving={curve.map((point) => point.surviving)} series="Team means" />
          <table className={styles.table} aria-label="Layer scores, team means">
            <thead>
              <tr>
                <th scope="col">Layer</th>
                <th scope="col">Team mean</th>
                <th scope="col">Plan</th>
              </tr>
            </thead>
            <tbody>
              {layers.map((row, k) => {
                const weakestHere = k === fixFirst?.index;
                const strong = weakestHere ? styles.strong : undefined;
                return (
                  <tr key={row.layer.id}>
                    <th scope="row" className={mergeClasses(styles.rowHeader, strong)}>
                      {row.layer.name}
                      {weakestHere && <span className={styles.mark}>weakest</span>}
                    </th>
                    <td className={mergeClasses(styles.number, strong)}>{formatPercent(row.score)}</td>
                    <td className={mergeClasses(styles.number, strong)}>
                      {row.planned === null ? "–" : formatPercent(row.planned)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </Section>
  );
}

function ActionsSection({ report }: { report: BoardReportData }) {
  const styles = useReportStyles();
  const { fixFirst, result, layers } = report;
  return (
    <Section id="report-actions" title={fixFirst ? `Fix first: ${fixFirst.layer.name}` : "Fix first"}>
      {result === null ? (
        <p className={styles.text}>No weakest layer yet: it comes from the team result.</p>
      ) : fixFirst === null ? (
        <p className={styles.text}>{NOTHING_TO_FIX}</p>
      ) : (
        <>
          {fixFirst.tiedWith.length > 0 && layers && (
            <p className={styles.text}>{tiedText(fixFirst, formatPercent(layers[fixFirst.index].score))}</p>
          )}
          <ul className={styles.list} aria-label={`Actions for ${fixFirst.layer.name}`}>
            {fixFirst.actions.map((action) => (
              <li key={action}>{action}</li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

function PlanSection({ report }: { report: BoardReportData }) {
  const styles = useReportStyles();
  const { note } = planToNextBandText(report.plan, {
    percent: (share) => formatPercent(share),
    points: (share) => formatNumber(share * 100, 1),
  });
  return (
    <Section id="report-plan" title="Plan to the next band">
      <p className={styles.text}>{note}</p>
    </Section>
  );
}

function MovedSection({ report }: { report: BoardReportData }) {
  const styles = useReportStyles();
  const { moved } = report;
  return (
    <Section id="report-moved" title="What moved since the last round">
      {moved === null ? (
        <p className={styles.text}>Only one round has a team result: there is no earlier round to compare with.</p>
      ) : (
        <>
          <p className={styles.text}>
            <KeepDates text={describeShares(moved.fromDate, moved.toDate, moved.change, moved.shares)} />
          </p>
          {moved.statementsWithheld !== null ? (
            <p className={styles.note} data-testid="report-statements-withheld">
              <KeepDates text={moved.statementsWithheld} />
            </p>
          ) : (
            moved.statements.length > 0 && (
              <ol className={styles.list} aria-label="Statements whose team mean moved most">
                {moved.statements.map((m) => (
                  <li key={m.statement.id}>
                    {m.statement.text} Team mean {formatNumber(m.before, 1)} → {formatNumber(m.after, 1)}.
                  </li>
                ))}
              </ol>
            )
          )}
        </>
      )}
    </Section>
  );
}

const ROI_STATUS_TEXT = {
  "no ROI row": "No ROI row for this workflow yet, so its return cannot be proven.",
  defensible: "Defensible: no row of this workflow carries a flag.",
  // A flag may only ask for caution (few periods observed), so this does not say the return is unproven.
  flagged: "Flagged: read the return with the cautions under each row before relying on it.",
} as const;

function RoiSection({ report }: { report: BoardReportData }) {
  const styles = useReportStyles();
  const { rows, status } = report.roi;
  const scores = report.layers?.map((layer) => layer.score) ?? null;
  const shown = rows.slice(0, ROI_ROWS_SHOWN);
  return (
    <Section id="report-roi" title="ROI">
      <p className={styles.text} data-testid="report-roi-status">
        {ROI_STATUS_TEXT[status]}
      </p>
      {shown.length > 0 && (
        <ul className={styles.list} aria-label="ROI rows">
          {shown.map(({ entry, figures }) => {
            const measured = roiFigureTexts(entry, figures, scores).measured;
            return (
              <li key={entry.id}>
                {clip(entry.metric, METRIC_CHARS) || "Unnamed metric"}: measured ROI {measured.value}. {measured.note}
                {figures.flags.map((flag) => (
                  <span key={flag.code} className={styles.flag}>
                    {" "}
                    {roiFlagText(flag, formatNumber)}
                  </span>
                ))}
              </li>
            );
          })}
        </ul>
      )}
      {rows.length > shown.length && (
        <p className={styles.note}>And {plural(rows.length - shown.length, "more row")} on the ROI tab.</p>
      )}
    </Section>
  );
}

function MaturitySection({ report }: { report: BoardReportData }) {
  const styles = useReportStyles();
  const { stage, target } = report.maturity;
  const of = MATURITY_STAGES.length;
  let text: string;
  if (stage === null) {
    text = `No stage recorded yet. The target is ${target.name} (stage ${target.level} of ${of}).`;
  } else {
    const distance = target.level - stage.level;
    const where =
      distance > 0
        ? `${plural(distance, "stage")} to go`
        : distance === 0
          ? "the target is reached"
          : `${plural(-distance, "stage")} past the target`;
    text =
      `${stage.name} (stage ${stage.level} of ${of}) against the target ${target.name} ` +
      `(stage ${target.level}): ${where}.`;
  }
  return (
    <Section id="report-maturity" title="Maturity">
      <p className={styles.text}>{text}</p>
    </Section>
  );
}

/** A task as the page names it: its text, then when it is due and who owns it. */
const taskText = (task: BoardTask) =>
  `${task.text} Due ${task.dueDate}${task.owner ? `, owner ${clip(task.owner, OWNER_CHARS)}` : ""}`;

function RoadmapSection({ roadmap }: { roadmap: BoardRoadmap | null }) {
  const styles = useReportStyles();
  if (roadmap === null) {
    return (
      <Section id="report-roadmap" title="90-day roadmap">
        <p className={styles.text}>No roadmap for this workflow yet: the Roadmap tab makes one.</p>
      </Section>
    );
  }
  const overdue = roadmap.overdue.slice(0, OVERDUE_SHOWN);
  return (
    <Section id="report-roadmap" title="90-day roadmap">
      <p className={styles.text}>
        <KeepDates text={roadmapTiming(roadmap)} />
      </p>
      <p className={styles.text} data-testid="report-roadmap-counts">
        {roadmap.done} of {roadmap.total} tasks done, {roadmap.inProgress} in progress, {roadmap.blocked} blocked.
      </p>
      {roadmap.overdue.length === 0 ? (
        <p className={styles.text}>No task is overdue.</p>
      ) : (
        <>
          <p className={mergeClasses(styles.text, styles.flag)}>{plural(roadmap.overdue.length, "task")} overdue:</p>
          <ul className={styles.list} aria-label="Overdue tasks">
            {overdue.map((task) => (
              <li key={task.id}>
                <KeepDates text={`${taskText(task)}, ${task.status.toLowerCase()}.`} />
              </li>
            ))}
          </ul>
          {roadmap.overdue.length > overdue.length && (
            <p className={styles.note}>
              And {plural(roadmap.overdue.length - overdue.length, "more task")} on the Roadmap tab.
            </p>
          )}
        </>
      )}
      <p className={styles.text}>
        <KeepDates text={roadmap.next ? `Next: ${taskText(roadmap.next)}.` : "No task is due from today on."} />
      </p>
    </Section>
  );
}
