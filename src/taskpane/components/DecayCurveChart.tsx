import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ILLUSTRATIVE_CURVE, LAYERS } from "../../model";
import {
  ChartTable,
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
  reference: {
    fill: "none",
    stroke: tokens.colorNeutralForeground3,
    strokeWidth: 1.5,
    strokeDasharray: "4 3",
    [FORCED]: { stroke: "CanvasText" },
  },
  yours: { fill: "none", stroke: tokens.colorBrandForeground1, strokeWidth: 2.5, [FORCED]: { stroke: "Highlight" } },
  dot: { fill: tokens.colorBrandForeground1, [FORCED]: { fill: "Highlight" } },
});

/** The points of the curve: the expected value, then the value left after each layer. */
const POINTS = [
  { name: "Expected value", short: "Expected", title: "Expected value, before any layer" },
  ...LAYERS.map((layer) => ({ name: `After ${layer.name}`, short: layer.short, title: `After ${layer.name}` })),
];

const TOP = 22;
const PLOT_HEIGHT = 132;
const TICKS = [0, 0.25, 0.5, 0.75, 1];
/** Room left of the plot for the percent ticks, and right of it for the last point's value. */
const LEFT = textWidth("100%") + 8;
const RIGHT = textWidth("100%") + 8;

const whole = (share: number) => formatPercent(share, 0);

/** Says in words what the chart shows: every point with its layer and value. */
export function describeDecayCurve(surviving: readonly (number | null)[]): string {
  const shown = surviving
    .map((value, i) =>
      value === null ? null : `${i === 0 ? "expected value" : `after ${LAYERS[i - 1].name}`} ${whole(value)}`,
    )
    .filter((part): part is string => part !== null);
  const gap = surviving.findIndex((value) => value === null);
  const rest = gap > 0 ? `; the curve goes on once ${LAYERS[gap - 1].name} is fully answered` : "";
  return (
    `Decay curve, the share of the expected value left after each layer: ${shown.join(", ")}${rest}. ` +
    `Dashed line: the illustrative curve, from ${whole(ILLUSTRATIVE_CURVE[0])} to ${whole(ILLUSTRATIVE_CURVE.at(-1)!)}.`
  );
}

export interface DecayCurveChartProps {
  /** Surviving share per stage (0–5); null where the layers before it are not all scored yet. */
  surviving: readonly (number | null)[];
  /** Whose scores the solid line follows, in the legend and the table: "Your scores" by default, "Team means" for a round. */
  series?: string;
}

/**
 * The decay curve drawn in the pane, with the illustrative curve as a dashed reference. Every
 * point is labelled with the layer it follows and carries its value; the values are also a table.
 */
export function DecayCurveChart({ surviving, series = "Your scores" }: DecayCurveChartProps) {
  const styles = useStyles();
  const chart = useChartStyles();
  const [frame, width] = useMeasuredWidth();
  const step = (width - LEFT - RIGHT) / (POINTS.length - 1);
  const x = (stage: number) => LEFT + stage * step;
  const y = (share: number) => TOP + (1 - share) * PLOT_HEIGHT;
  const bottom = TOP + PLOT_HEIGHT;
  const path = (values: readonly (number | null)[]) =>
    values
      .map((value, stage) => (value === null ? null : `${x(stage).toFixed(1)},${y(value).toFixed(1)}`))
      .filter((point): point is string => point !== null)
      .join(" ");
  const known = surviving.filter((value): value is number => value !== null);

  // Values go beside their points, clear of the other points, of each other and of the curve: up
  // and to the right of a point is clear of a falling curve, and down and to the left as well.
  const taken: Box[] = surviving.flatMap((value, stage) =>
    value === null ? [] : [{ left: x(stage) - 4, right: x(stage) + 4, top: y(value) - 4, bottom: y(value) + 4 }],
  );
  const bounds: Box = { left: LEFT - 2, top: 0, right: width, bottom: bottom + 2 };
  const line: Polyline = surviving.flatMap((value, stage) => (value === null ? [] : [[x(stage), y(value)] as const]));
  const values = surviving.map((value, stage) => {
    if (value === null) return null;
    const text = whole(value);
    const [px, py] = [x(stage), y(value)];
    const label = chooseLabel(
      [
        labelAt(text, px + 6, py - 7, "start"),
        labelAt(text, px - 6, py + 16, "end"),
        labelAt(text, px - 6, py - 7, "end"),
        labelAt(text, px + 6, py + 16, "start"),
      ],
      taken,
      bounds,
      [line],
    );
    return { stage, value, text, label };
  });

  const names = labelRows(
    POINTS.map((_, stage) => x(stage)),
    POINTS.map((point) => point.short),
    width,
  );
  const lines = Math.max(...names.map((name) => name.line)) + 1;
  const height = bottom + 6 + lines * LINE_PX + 2;

  return (
    <figure className={chart.figure}>
      <div ref={frame} className={chart.frame}>
        <svg
          className={chart.svg}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={describeDecayCurve(surviving)}
        >
          {TICKS.map((tick) => (
            <g key={tick}>
              <line className={chart.grid} x1={LEFT} x2={width - RIGHT} y1={y(tick)} y2={y(tick)} />
              <text className={chart.quiet} x={LEFT - 6} y={y(tick) + 4} textAnchor="end">
                {whole(tick)}
              </text>
            </g>
          ))}
          <line className={chart.axis} x1={LEFT} x2={LEFT} y1={TOP} y2={bottom} />
          <line className={chart.axis} x1={LEFT} x2={width - RIGHT} y1={bottom} y2={bottom} />
          {POINTS.map((point, stage) => (
            <g key={point.name}>
              <title>{point.title}</title>
              <line className={chart.axis} x1={x(stage)} x2={x(stage)} y1={bottom} y2={bottom + 4} />
              <text className={chart.text} x={names[stage].left} y={bottom + 6 + (names[stage].line + 1) * LINE_PX - 4}>
                {point.short}
              </text>
            </g>
          ))}
          <polyline className={styles.reference} points={path(ILLUSTRATIVE_CURVE)} />
          {known.length > 1 && <polyline className={styles.yours} points={path(surviving)} />}
          {values.map((point) =>
            point === null ? null : (
              <g key={point.stage}>
                <title>{`${POINTS[point.stage].title}: ${point.text}`}</title>
                <circle className={styles.dot} cx={x(point.stage)} cy={y(point.value)} r={3.5} />
                <text
                  className={mergeClasses(chart.text, chart.halo)}
                  x={point.label.x}
                  y={point.label.y}
                  textAnchor={point.label.anchor}
                >
                  {point.text}
                </text>
              </g>
            ),
          )}
        </svg>
      </div>
      <figcaption className={mergeClasses(chart.caption, chart.legend)}>
        <span className={chart.key}>
          <svg width="24" height="8" aria-hidden="true">
            <line className={styles.yours} x1={0} x2={24} y1={4} y2={4} />
          </svg>
          {series}: the value left after each layer
        </span>
        <span className={chart.key}>
          <svg width="24" height="8" aria-hidden="true">
            <line className={styles.reference} x1={0} x2={24} y1={4} y2={4} />
          </svg>
          Illustrative curve: a typical decay, for comparison
        </span>
      </figcaption>
      <ChartTable
        summary="Values of the decay curve"
        label="Decay curve values"
        // Not "Point": in AGAP a point is a percentage point (pts, see the glossary).
        columns={["Position on the curve", series, "Illustrative curve"]}
        rows={POINTS.map((point, stage) => [
          point.name,
          surviving[stage] === null || surviving[stage] === undefined ? "–" : whole(surviving[stage] as number),
          whole(ILLUSTRATIVE_CURVE[stage]),
        ])}
      />
    </figure>
  );
}
