import {
  Badge,
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
  BAND_THRESHOLD_NOTE,
  LAYERS,
  LAYER_GUIDANCE,
  assessAnswers,
  bandOf,
  layerLifts,
  realizedValue,
  NOTHING_TO_FIX,
  fixFirst,
  survivingShares,
  tiedText,
  type Answers,
  type AssessmentResponse,
  type AssessmentRound,
  type FixFirst,
  type TeamResult,
} from "../../model";
import { KeepDates } from "./KeepDates";
import { DecayCurveChart } from "./DecayCurveChart";
import { ANSWER_STEP_SCORE, TERM_LABELS } from "../../model";
import { describeResponse, formatNumber, formatPercent, formatPoints, plural, roundInWords } from "./format";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    // Fluent's tables share their width out evenly: the layer's name, "Measurement" the longest
    // word, gets the room it needs in a 320 px pane (its "weakest" badge goes under it there).
    "& table[aria-label='Layer scores'] th:first-child": { width: "37%" },
    // The lift column gets the most of the rest, so "+1.83 pts" stays on one line at 320 px.
    "& table[aria-label='Layer scores'] th:nth-child(2)": { width: "20%" },
  },
  headline: { display: "grid", gridTemplateColumns: "repeat(3, 1fr)", columnGap: tokens.spacingHorizontalS },
  figure: { display: "flex", flexDirection: "column", alignItems: "flex-start" },
  big: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

/** The figures one result view shows, all from the model. */
interface ResultFigures {
  layerScores: readonly (number | null)[];
  /** Null until every layer has a score. */
  realized: number | null;
  band: string | null;
  /** The weakest layer and those tied with it; null until complete, or with every layer at 100%. */
  fix: FixFirst | null;
}

function figuresOfAnswers(answers: Answers): ResultFigures {
  const { layerScores, complete } = assessAnswers(answers);
  const scores = complete ? (layerScores as number[]) : null;
  const realized = scores ? realizedValue(scores) : null;
  return {
    layerScores,
    realized,
    band: realized === null ? null : bandOf(1 - realized),
    fix: scores ? fixFirst(scores) : null,
  };
}

const figuresOfTeam = (result: TeamResult): ResultFigures => ({
  layerScores: result.layerScores,
  realized: result.realized,
  band: result.band,
  fix: fixFirst(result.layerScores),
});

export interface ResultsPanelProps {
  /** The answers on the form (the draft). */
  answers: Answers;
  /** The response saved last, shown when the form holds no answers. */
  lastSaved?: AssessmentResponse | null;
  /** The round the draft's workflow is judged by, when it has one. */
  teamRound?: AssessmentRound | null;
  /** The workflow named on the form ("" for none): Team & history shows that one. */
  formWorkflow?: string;
}

/**
 * Results of what the user is looking at: the answers on the form while there are any; once
 * they are saved (the form is empty again), the response saved last and the team's round.
 */
export function ResultsPanel({ answers, lastSaved = null, teamRound = null, formWorkflow }: ResultsPanelProps) {
  const styles = useStyles();
  const drafting = assessAnswers(answers).answered > 0;
  const team = teamRound?.result ?? null;
  // Team & history follows the workflow on the form: it has this round's detail only when the form names it.
  const whereDetail =
    teamRound && formWorkflow !== undefined && formWorkflow !== teamRound.workflow
      ? `Name “${teamRound.workflow}” on the Assessment tab to see its detail in Team & history.`
      : "Team & history has the detail.";
  const teamLine = teamRound && team && (
    <Body1 data-testid="team-summary">
      <KeepDates
        text={`Team result for ${teamRound.workflow}, ${roundInWords(teamRound.date)}: realized value ${formatPercent(team.realized)}, ${team.band} (${plural(team.respondents, "complete response")}). ${whereDetail}`}
      />
    </Body1>
  );

  if (drafting) {
    return (
      <section className={styles.panel} aria-label="Results">
        <Caption1 className={styles.note} data-testid="results-source">
          From the answers on the form, not saved yet.
        </Caption1>
        <ResultView figures={figuresOfAnswers(answers)} />
      </section>
    );
  }
  if (lastSaved) {
    return (
      <section className={styles.panel} aria-label="Results">
        <Caption1 className={styles.note} data-testid="results-source">
          <KeepDates text={`From ${describeResponse(lastSaved)} for ${lastSaved.workflow}, saved last.`} />
        </Caption1>
        {teamLine}
        {/* Beside the team's line, the figures below are one response's: said so above them. */}
        {teamLine && (
          <Subtitle2 as="h3" data-testid="results-whose">
            This response
          </Subtitle2>
        )}
        <ResultView figures={figuresOfAnswers(lastSaved.answers)} series="This response" />
      </section>
    );
  }
  if (teamRound && team) {
    return (
      <section className={styles.panel} aria-label="Results">
        <Caption1 className={styles.note} data-testid="results-source">
          <KeepDates
            text={`Team result for ${teamRound.workflow}, ${roundInWords(teamRound.date)}: the mean of each layer over its complete responses. ${whereDetail}`}
          />
        </Caption1>
        <ResultView figures={figuresOfTeam(team)} series="Team means" />
      </section>
    );
  }
  return (
    <section className={styles.panel} aria-label="Results">
      <ResultView figures={figuresOfAnswers(answers)} />
    </section>
  );
}

/** One result's figures; `series` names whose scores the decay curve follows. */
function ResultView({ figures, series }: { figures: ResultFigures; series?: string }) {
  const styles = useStyles();
  const { layerScores, realized, band, fix } = figures;
  const scores = realized === null ? null : (layerScores as number[]);
  const surviving = survivingShares(layerScores);
  const lifts = scores ? layerLifts(scores, ANSWER_STEP_SCORE) : null;

  return (
    <>
      {realized === null ? (
        <Body1 role="status">
          Realized value, gap and band appear once all five layers are answered. Layer scores show as each layer is
          completed.
        </Body1>
      ) : (
        <div className={styles.headline}>
          <div className={styles.figure}>
            <Caption1>Realized value</Caption1>
            <span className={styles.big} data-testid="realized">
              {formatPercent(realized)}
            </span>
          </div>
          <div className={styles.figure}>
            <Caption1>Gap</Caption1>
            <span className={styles.big} data-testid="gap">
              {formatPercent(1 - realized)}
            </span>
          </div>
          <div className={styles.figure}>
            <Caption1>Band</Caption1>
            <Badge appearance="tint" size="large" data-testid="band">
              {band}
            </Badge>
          </div>
        </div>
      )}
      {realized !== null && <Caption1 className={styles.note}>{BAND_THRESHOLD_NOTE}</Caption1>}

      <Table size="small" aria-label="Layer scores">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Layer</TableHeaderCell>
            <TableHeaderCell>Score</TableHeaderCell>
            <TableHeaderCell>{TERM_LABELS.liftPerAnswerStep}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {LAYERS.map((layer, index) => (
            <TableRow key={layer.id}>
              <TableCell>
                {layer.name}
                {fix?.index === index && (
                  <Badge appearance="filled" color="danger" size="medium" style={{ marginLeft: 6 }}>
                    weakest
                  </Badge>
                )}
              </TableCell>
              <TableCell data-testid={`score-${layer.id}`}>
                {layerScores[index] === null ? "–" : formatPercent(layerScores[index] as number)}
              </TableCell>
              <TableCell>
                {lifts === null ? "–" : lifts[index].atLimit ? "at 100%" : formatPoints(lifts[index].lift, 2)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {lifts && (
        <Caption1 className={styles.note}>
          Lift: the percentage points (pts) realized value gains if that layer&apos;s mean answer rose by one answer
          step (+{formatNumber(ANSWER_STEP_SCORE * 100)} pts of layer score), the other layers unchanged. The weakest
          layer always gains most.
        </Caption1>
      )}

      {realized !== null && fix === null && (
        <div className={styles.section}>
          <Subtitle2 as="h3">Fix first</Subtitle2>
          <Body1 data-testid="nothing-to-fix">{NOTHING_TO_FIX}</Body1>
        </div>
      )}
      {fix !== null && (
        <div className={styles.section}>
          <Subtitle2 as="h3">Fix first: {LAYERS[fix.index].name}</Subtitle2>
          {fix.tiedWith.length > 0 && (
            <Body1 data-testid="tied-weakest">{tiedText(fix, formatPercent(layerScores[fix.index] as number))}</Body1>
          )}
          <Body1>This layer caps everything the others deliver. Signs it is leaking:</Body1>
          <ul className={styles.list}>
            {LAYER_GUIDANCE[LAYERS[fix.index].id].warningSigns.map((sign) => (
              <li key={sign}>{sign}</li>
            ))}
          </ul>
          <Body1>What to do:</Body1>
          <ul className={styles.list} aria-label="Recommendations">
            {LAYER_GUIDANCE[LAYERS[fix.index].id].actions.map((action) => (
              <li key={action}>{action}</li>
            ))}
          </ul>
        </div>
      )}

      <div className={styles.section}>
        <Subtitle2 as="h3">Decay curve</Subtitle2>
        <DecayCurveChart surviving={surviving} series={series} />
      </div>
    </>
  );
}
