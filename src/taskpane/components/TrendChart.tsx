import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { roundLabel } from "../../model";
import {
  LINE_PX,
  chooseLabel,
  labelAt,
  labelRows,
  textWidth,
  useChartStyles,
  useMeasuredWidth,
  type Box,
  type Polyline,
} from "./chart-parts";
import { formatPercent } from "./format";

const FORCED = "@media (forced-colors: active)";

const useStyles = makeStyles({
  line: { fill: "none", stroke: tokens.colorBrandForeground1, strokeWidth: 2, [FORCED]: { stroke: "Highlight" } },
  dot: { fill: tokens.colorBrandForeground1, [FORCED]: { fill: "Highlight" } },
});

export interface TrendPoint {
  /** ISO date of the round, or "" for the undated one. */
  date: string;
  /** The round's team realized value; null while it has no complete response. */
  realized: number | null;
}

const TOP = 22;
const PLOT_HEIGHT = 84;
/** Room beside the first and last points for a value centred on them. */
const SIDE = Math.ceil(textWidth("100.0%") / 2) + 4;

const dateOf = (point: TrendPoint) => roundLabel(point.date);

/** The rounds on the line: dated, with a result. An undated round has no place on a time axis. */
const onLine = (points: readonly TrendPoint[]) =>
  points.filter((point): point is { date: string; realized: number } => point.realized !== null && point.date !== "");

/** What the chart leaves out, in words: rounds with no complete response, and the undated round. */
function leftOut(points: readonly TrendPoint[]): string {
  const missing = points.filter((point) => point.realized === null).map(dateOf);
  const undated = points.find((point) => point.date === "" && point.realized !== null);
  return (
    (missing.length > 0 ? ` Not drawn, with no complete response yet: ${missing.join(", ")}.` : "") +
    (undated
      ? ` Not on the line, as it has no date: the undated round, at ${formatPercent(undated.realized as number)}.`
      : "")
  );
}

/** Says in words what the chart shows: every dated round's date and value, and the rounds left out. */
export function describeTrend(points: readonly TrendPoint[]): string {
  const known = onLine(points);
  return `Trend of realized value: ${known.map((p) => `${dateOf(p)} ${formatPercent(p.realized)}`).join(", ")}.${leftOut(points)}`;
}

/**
 * The team realized value of each dated round, oldest first: each point carries its value, and its
 * date stands under it. The undated round is named beside the chart, not placed on its time axis.
 * Nothing is drawn below two dated rounds with a result.
 */
export function TrendChart({ points }: { points: readonly TrendPoint[] }) {
  const styles = useStyles();
  const chart = useChartStyles();
  const [frame, width] = useMeasuredWidth();
  const known = onLine(points);
  if (known.length < 2) return null;

  const top = Math.max(...known.map((point) => point.realized), 0.05);
  const bottom = TOP + PLOT_HEIGHT;
  const x = (i: number) => SIDE + (i * (width - 2 * SIDE)) / (known.length - 1);
  const y = (value: number) => bottom - (value / top) * PLOT_HEIGHT;
  const line: Polyline = known.map((point, i) => [x(i), y(point.realized)] as const);

  // Each value goes where it is clear of the line, the other points and the other values.
  const taken: Box[] = line.map(([px, py]) => ({ left: px - 4, right: px + 4, top: py - 4, bottom: py + 4 }));
  const bounds: Box = { left: 0, top: 0, right: width, bottom: bottom + 20 };
  const values = known.map((point, i) => {
    const text = formatPercent(point.realized);
    const [px, py] = line[i];
    return {
      text,
      label: chooseLabel(
        [
          labelAt(text, px, py - 10, "middle"),
          labelAt(text, px, py + 18, "middle"),
          labelAt(text, px + 6, py - 7, "start"),
          labelAt(text, px - 6, py - 7, "end"),
          labelAt(text, px + 6, py + 16, "start"),
          labelAt(text, px - 6, py + 16, "end"),
        ],
        taken,
        bounds,
        [line],
      ),
    };
  });

  const dates = labelRows(
    known.map((_, i) => x(i)),
    known.map(dateOf),
    width,
  );
  const datesTop = bottom + 22;
  const lines = Math.max(...dates.map((date) => date.line)) + 1;
  const height = datesTop + lines * LINE_PX + 2;

  return (
    <figure className={chart.figure}>
      <div ref={frame} className={chart.frame}>
        <svg
          className={chart.svg}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={describeTrend(points)}
        >
          <line className={chart.axis} x1={0} x2={width} y1={bottom} y2={bottom} />
          <polyline className={styles.line} points={line.map(([px, py]) => `${px},${py}`).join(" ")} />
          {known.map((point, i) => (
            <g key={`${point.date}-${i}`}>
              <title>{`${dateOf(point)}: ${values[i].text}`}</title>
              <line className={chart.axis} x1={x(i)} x2={x(i)} y1={bottom} y2={bottom + 4} />
              <circle className={styles.dot} cx={x(i)} cy={y(point.realized)} r={3.5} />
              <text
                className={mergeClasses(chart.text, chart.halo)}
                x={values[i].label.x}
                y={values[i].label.y}
                textAnchor={values[i].label.anchor}
              >
                {values[i].text}
              </text>
              <text className={chart.quiet} x={dates[i].left} y={datesTop + (dates[i].line + 1) * LINE_PX - 4}>
                {dateOf(point)}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <figcaption className={chart.caption}>
        Team realized value of each dated round, oldest first, with the round&apos;s date under it.
        {leftOut(points)}
      </figcaption>
    </figure>
  );
}
