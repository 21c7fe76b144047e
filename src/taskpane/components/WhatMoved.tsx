import * as React from "react";
import {
  Body1,
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
  DEFAULT_MIN_GROUP,
  attribution,
  statementsMovedMost,
  movedStatementsWithheld,
  type AssessmentRound,
  type LayerShare,
  roundLabel,
} from "../../model";
import { LINE_PX, textWidth, useChartStyles, useMeasuredWidth } from "./chart-parts";
import { formatNumber, formatPercent, formatPoints } from "./format";
import { KeepDates } from "./KeepDates";

const FORCED = "@media (forced-colors: active)";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  // The two selects share a row while there is room, and stack in a narrow pane.
  picks: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  pick: { flexGrow: 1, flexBasis: "8rem", minWidth: 0 },
  note: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  // "Measurement", the longest layer name, fits beside the figures in a 320 px pane.
  layerColumn: { width: "36%" },
  // A figure stays on one line: the table's columns fit a 320 px pane without breaking one.
  figure: { whiteSpace: "nowrap" },
  up: { fill: tokens.colorBrandBackground, [FORCED]: { fill: "Highlight" } },
  down: { fill: tokens.colorPaletteRedBackground3, [FORCED]: { fill: "CanvasText" } },
});

const ROW = 40;
const BAR = 14;
/** A share in signed pts; an unmoved layer's 0 without a sign. */
const share = (value: number) => (value === 0 ? formatPoints(0, 1).replace(/^\+/, "") : formatPoints(value, 1));

/** A share as a signed number of pts, for a column headed in pts. */
const points = (value: number) => share(value).replace(/\s*pts$/, "");

/** Says in words what the chart shows: the two rounds, the change and every layer's share. */
export function describeShares(from: string, to: string, change: number, shares: readonly LayerShare[]): string {
  const each = shares.map((s) => `${s.layer.short} ${share(s.share)}`).join(", ");
  return `What moved from ${roundLabel(from)} to ${roundLabel(to)}: team realized value ${share(change)} in all. ${each}.`;
}

/**
 * Each layer's share of the change as a horizontal bar from a zero line: to the right for a gain,
 * to the left for a loss, with its value at the bar's end. Drawn at the width it is shown at.
 */
function SharesChart({ shares, description }: { shares: readonly LayerShare[]; description: string }) {
  const styles = useStyles();
  const chart = useChartStyles();
  const [frame, width] = useMeasuredWidth();
  const gains = shares.some((s) => s.share > 0);
  const losses = shares.some((s) => s.share < 0);
  const room = Math.max(...shares.map((s) => textWidth(share(s.share)))) + 6;
  // The zero line: in the middle when there are gains and losses, else at the side the bars grow from.
  const zero = gains && losses ? Math.round(width / 2) : losses ? width - 1 : 1;
  const longest = Math.max(8, (gains && losses ? width / 2 : width) - room - 2);
  const extent = Math.max(1e-12, ...shares.map((s) => Math.abs(s.share)));
  const length = (value: number) => (Math.abs(value) / extent) * longest;
  const height = shares.length * ROW + 2;

  return (
    <div ref={frame} className={chart.frame}>
      <svg
        className={chart.svg}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={description}
      >
        <line className={chart.axis} x1={zero} x2={zero} y1={0} y2={height} />
        {shares.map((s, i) => {
          const top = i * ROW;
          const bar = length(s.share);
          const left = s.share < 0 || (!gains && losses);
          const text = share(s.share);
          return (
            <g key={s.layer.id}>
              <title>{`${s.layer.name}: ${text}`}</title>
              {/* The name has a line of its own above its bar, clear of the zero line. */}
              <text className={chart.text} x={losses ? 0 : zero + 4} y={top + LINE_PX - 4}>
                {s.layer.short}
              </text>
              <rect
                className={s.share < 0 ? styles.down : styles.up}
                x={s.share < 0 ? zero - bar : zero}
                y={top + 18}
                width={bar}
                height={BAR}
              />
              <text
                className={chart.text}
                x={left ? zero - bar - 4 : zero + bar + 4}
                y={top + 29}
                textAnchor={left ? "end" : "start"}
              >
                {text}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/** Why the statements that moved most are not listed, or null when both rounds are large enough. */
export function statementsWithheld(from: AssessmentRound, to: AssessmentRound, minGroup: number): string | null {
  const size = (round: AssessmentRound) => ({ date: round.date, respondents: round.result?.respondents ?? 0 });
  return movedStatementsWithheld(size(from), size(to), minGroup);
}

/**
 * What moved between two rounds of one workflow that have a team result: each layer's share of
 * the change in team realized value (its Shapley value, from the model), as bars and as a table,
 * and the three statements whose team mean moved most (withheld when either round is smaller
 * than the team's minimum group). Nothing is shown below two such rounds.
 */
export function WhatMoved({
  rounds,
  minGroup = DEFAULT_MIN_GROUP,
}: {
  rounds: readonly AssessmentRound[];
  /** The smallest group whose detail is shown (the team's setting). */
  minGroup?: number;
}) {
  const styles = useStyles();
  const chart = useChartStyles();
  const scored = rounds.filter((round) => round.result !== null);
  const [picked, setPicked] = React.useState<{ from?: string; to?: string }>({});
  if (scored.length < 2) return null;
  const find = (date: string | undefined) => scored.find((round) => round.date === date);
  const from = find(picked.from) ?? scored[scored.length - 2];
  const to = find(picked.to) ?? scored[scored.length - 1];
  const before = from.result!;
  const after = to.result!;
  const shares = attribution(before.layerScores, after.layerScores);
  const change = after.realized - before.realized;
  const withheld = statementsWithheld(from, to, minGroup);
  const moved = withheld ? [] : statementsMovedMost(from.responses, to.responses);
  const same = from.date === to.date;
  const choose = (key: "from" | "to") => (_: unknown, data: { value: string }) =>
    setPicked((current) => ({ ...current, [key]: data.value }));
  const options = scored.map((round) => (
    <option key={round.date} value={round.date}>
      {roundLabel(round.date)}
    </option>
  ));

  return (
    <div className={styles.section}>
      <Subtitle2 as="h3">What moved</Subtitle2>
      <div className={styles.picks}>
        <Field label="Before" className={styles.pick}>
          <Select value={from.date} onChange={choose("from")}>
            {options}
          </Select>
        </Field>
        <Field label="After" className={styles.pick}>
          <Select value={to.date} onChange={choose("to")}>
            {options}
          </Select>
        </Field>
      </div>
      {same ? (
        <Body1>Pick two different rounds to see what moved between them.</Body1>
      ) : (
        <>
          <Body1>
            Team realized value went from {formatPercent(before.realized)} to {formatPercent(after.realized)}:{" "}
            {share(change)}. Each layer&apos;s share of that change is below. The shares add up to it; each is rounded
            on its own, so the rounded ones may be a tenth of a point off.
          </Body1>
          <figure className={chart.figure}>
            <SharesChart shares={shares} description={describeShares(from.date, to.date, change, shares)} />
            <figcaption className={chart.caption}>
              A layer&apos;s share is what its move added or took away, averaged over every order in which the five
              layers could have moved. A layer that did not move has no share.
            </figcaption>
          </figure>
          <Table size="small" aria-label="Each layer's share of the change">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.layerColumn}>Layer</TableHeaderCell>
                <TableHeaderCell>Before</TableHeaderCell>
                <TableHeaderCell>After</TableHeaderCell>
                <TableHeaderCell>Share (pts)</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shares.map((s) => (
                <TableRow key={s.layer.id}>
                  <TableCell>{s.layer.short}</TableCell>
                  <TableCell className={styles.figure}>{formatPercent(before.layerScores[s.index])}</TableCell>
                  <TableCell className={styles.figure}>{formatPercent(after.layerScores[s.index])}</TableCell>
                  <TableCell className={styles.figure}>{points(s.share)}</TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableCell>Realized</TableCell>
                <TableCell className={styles.figure}>{formatPercent(before.realized)}</TableCell>
                <TableCell className={styles.figure}>{formatPercent(after.realized)}</TableCell>
                <TableCell className={styles.figure}>{points(change)}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
          <Subtitle2 as="h4">Statements whose team mean moved most</Subtitle2>
          {withheld ? (
            <Body1 data-testid="statements-withheld">
              <KeepDates text={withheld} />
            </Body1>
          ) : moved.length === 0 ? (
            <Body1>No statement&apos;s team mean moved.</Body1>
          ) : (
            <ol className={styles.list} aria-label="Statements whose team mean moved most">
              {moved.map((m) => (
                <li key={m.statement.id}>
                  {m.statement.text} Team mean {formatNumber(m.before, 1)} → {formatNumber(m.after, 1)} (
                  {m.change > 0 ? "+" : ""}
                  {formatNumber(m.change, 1)} answer steps).
                </li>
              ))}
            </ol>
          )}
          <Body1 className={styles.note}>
            Team means are taken over the responses that answered all 15 statements, on the 0 to 5 scale.
          </Body1>
        </>
      )}
    </div>
  );
}
