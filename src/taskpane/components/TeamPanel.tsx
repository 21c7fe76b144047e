import * as React from "react";
import {
  Body1,
  Caption1,
  Field,
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
  DIVERGENCE_THRESHOLD,
  aggregateLayers,
  assessAnswers,
  isCompleteResponse,
  realizedValue,
  roundDivergence,
  roundsOf,
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

const roundName = (date: string) => date || "undated";

/**
 * One workflow's rounds (one date each): the chosen round's team result, spread and
 * disagreements, its responses, and the history of every round.
 */
export function TeamPanel({ workflow, responses, skipped, actions }: TeamPanelProps) {
  const styles = useStyles();
  const rounds = React.useMemo(() => roundsOf(responses, workflow), [responses, workflow]);
  const [chosen, setChosen] = React.useState<string | null>(null);
  // The most recent round unless the user picked another that still exists.
  const round = rounds.find((r) => r.date === chosen) ?? rounds.at(-1) ?? null;
  const complete = round ? round.responses.filter(isCompleteResponse) : [];
  const spread = aggregateLayers(complete);
  const flags = round ? roundDivergence(round) : [];
  const history = rounds.map((r) => ({ date: r.date, realized: r.result?.realized ?? null }));

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
      ) : round === null ? (
        <Body1>No saved responses for “{workflow}” yet.</Body1>
      ) : (
        <>
          <div className={styles.section}>
            {rounds.length > 1 && (
              <Field label="Round">
                <Select value={round.date} onChange={(_, data) => setChosen(data.value)}>
                  {rounds.map((r) => (
                    <option key={r.date} value={r.date}>
                      {roundName(r.date)}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <Subtitle2 as="h3">
              {workflow}, round {roundName(round.date)}: {round.responses.length} response
              {round.responses.length === 1 ? "" : "s"}
              {round.partial > 0 ? `, ${round.partial} partial` : ""}
            </Subtitle2>
            <Body1>
              {round.result
                ? `Team realized value ${formatPercent(round.result.realized)}, from ${round.result.respondents} complete response${round.result.respondents === 1 ? "" : "s"}.`
                : "No team result yet: it needs at least one response with all 15 statements answered."}
            </Body1>
            <Table size="small" aria-label="Layer scores across the round's complete responses">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Layer</TableHeaderCell>
                  <TableHeaderCell>Mean</TableHeaderCell>
                  <TableHeaderCell>Min</TableHeaderCell>
                  <TableHeaderCell>Max</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {spread.map((a, k) => (
                  <TableRow key={a.layer.id}>
                    <TableCell>{a.layer.short}</TableCell>
                    <TableCell>{pct(round.result?.layerScores[k] ?? null)}</TableCell>
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
              <Body1>No statement in this round has answers {DIVERGENCE_THRESHOLD} or more points apart.</Body1>
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
                  <TableHeaderCell>Respondent</TableHeaderCell>
                  <TableHeaderCell>Realized</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {round.responses.map((response) => (
                  <TableRow key={response.id}>
                    <TableCell>
                      {response.respondent || "anonymous"}
                      {isCompleteResponse(response) ? "" : " (partial)"}
                    </TableCell>
                    <TableCell>{pct(responseRealized(response))}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
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
                  <TableRow key={roundName(r.date)}>
                    <TableCell>{roundName(r.date)}</TableCell>
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
        </>
      )}
      {actions}
    </section>
  );
}
