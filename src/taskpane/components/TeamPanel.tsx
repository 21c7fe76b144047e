import {
  Body1,
  Caption1,
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
  DIVERGENCE_THRESHOLD,
  aggregateLayers,
  assessAnswers,
  assessmentHistory,
  divergentStatements,
  realizedValue,
  type AssessmentResponse,
} from "../../model";
import { formatPercent } from "./format";
import { TrendChart } from "./TrendChart";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  note: { color: tokens.colorNeutralForeground3 },
  flag: { color: tokens.colorPaletteRedForeground1 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const pct = (value: number | null) => (value === null ? "–" : formatPercent(value));

function responseRealized(response: AssessmentResponse): number | null {
  const { layerScores, complete } = assessAnswers(response.answers);
  return complete ? realizedValue(layerScores as number[]) : null;
}

export interface TeamPanelProps {
  workflow: string;
  responses: readonly AssessmentResponse[];
  skipped: readonly { row: number; problem: string }[];
  actions?: React.ReactNode;
}

/** Several respondents and dates for one workflow: their spread, disagreements and trend. */
export function TeamPanel({ workflow, responses, skipped, actions }: TeamPanelProps) {
  const styles = useStyles();
  const mine = responses.filter((response) => response.workflow === workflow);
  const aggregates = aggregateLayers(mine);
  const flags = divergentStatements(mine);
  const history = assessmentHistory(responses, workflow);

  return (
    <section className={styles.panel} aria-label="Team and history">
      {skipped.length > 0 && (
        <Body1 role="alert">
          {skipped.length} row{skipped.length === 1 ? "" : "s"} of the assessments table could not be read and{" "}
          {skipped.length === 1 ? "is" : "are"} left out: {skipped.map((s) => `row ${s.row} (${s.problem})`).join("; ")}
          .
        </Body1>
      )}
      {workflow.trim() === "" ? (
        <Body1>Name or pick a workflow on the Assessment tab to see its team results and history.</Body1>
      ) : mine.length === 0 ? (
        <Body1>No saved responses for “{workflow}” yet.</Body1>
      ) : (
        <>
          <div className={styles.section}>
            <Subtitle2 as="h3">
              {workflow}: {mine.length} response{mine.length === 1 ? "" : "s"}
            </Subtitle2>
            <Table size="small" aria-label="Layer scores across respondents">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Layer</TableHeaderCell>
                  <TableHeaderCell>Mean</TableHeaderCell>
                  <TableHeaderCell>Min</TableHeaderCell>
                  <TableHeaderCell>Max</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {aggregates.map((a) => (
                  <TableRow key={a.layer.id}>
                    <TableCell>{a.layer.short}</TableCell>
                    <TableCell>{pct(a.mean)}</TableCell>
                    <TableCell>{pct(a.min)}</TableCell>
                    <TableCell>{pct(a.max)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>

          <div className={styles.section}>
            <Subtitle2 as="h3">Where the team disagrees</Subtitle2>
            {flags.length === 0 ? (
              <Body1>No statement has answers {DIVERGENCE_THRESHOLD} or more points apart.</Body1>
            ) : (
              <ul className={styles.list} aria-label="Statements with divergent answers">
                {flags.map((flag) => (
                  <li key={flag.statement.id} className={styles.flag}>
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
                  <TableHeaderCell>Date</TableHeaderCell>
                  <TableHeaderCell>Respondent</TableHeaderCell>
                  <TableHeaderCell>Realized</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {mine.map((response) => (
                  <TableRow key={response.id}>
                    <TableCell>{response.date || "undated"}</TableCell>
                    <TableCell>{response.respondent || "anonymous"}</TableCell>
                    <TableCell>{pct(responseRealized(response))}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>

          <div className={styles.section}>
            <Subtitle2 as="h3">History</Subtitle2>
            <Table size="small" aria-label="Assessments by date">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Date</TableHeaderCell>
                  <TableHeaderCell>Respondents</TableHeaderCell>
                  <TableHeaderCell>Team realized value</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {history.map((point) => (
                  <TableRow key={point.date || "undated"}>
                    <TableCell>{point.date || "undated"}</TableCell>
                    <TableCell>{point.respondents}</TableCell>
                    <TableCell>{pct(point.realized)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <TrendChart points={history} />
            <Caption1 className={styles.note}>
              Team realized value multiplies the mean layer scores of everyone who answered on that date.
            </Caption1>
          </div>
        </>
      )}
      {actions}
    </section>
  );
}
