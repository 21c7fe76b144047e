import { makeStyles, tokens } from "@fluentui/react-components";
import { CURVE_STAGES, ILLUSTRATIVE_CURVE } from "../../model";
import { formatPercent } from "./format";

const useStyles = makeStyles({
  svg: { width: "100%", height: "auto", maxWidth: "28rem", overflow: "visible" },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  grid: { stroke: tokens.colorNeutralStroke3, strokeWidth: 1 },
  label: { fill: tokens.colorNeutralForeground2, fontSize: "10px" },
  reference: { fill: "none", stroke: tokens.colorNeutralForeground3, strokeWidth: 1.5, strokeDasharray: "4 3" },
  yours: { fill: "none", stroke: tokens.colorBrandForeground1, strokeWidth: 2.5 },
  dot: { fill: tokens.colorBrandForeground1 },
});

const WIDTH = 320;
const HEIGHT = 196;
const PAD = { left: 36, right: 8, top: 22, bottom: 40 };

export interface DecayCurveChartProps {
  /** Surviving share per stage (0–5); null where the layers before it are not all scored yet. */
  surviving: readonly (number | null)[];
}

/** The decay curve drawn in the pane, with the illustrative curve as a dashed reference. */
export function DecayCurveChart({ surviving }: DecayCurveChartProps) {
  const styles = useStyles();
  const x = (stage: number) => PAD.left + (stage * (WIDTH - PAD.left - PAD.right)) / (CURVE_STAGES.length - 1);
  const y = (share: number) => PAD.top + (1 - share) * (HEIGHT - PAD.top - PAD.bottom);
  const path = (values: readonly (number | null)[]) =>
    values
      .map((value, stage) => (value === null ? null : `${x(stage).toFixed(1)},${y(value).toFixed(1)}`))
      .filter((point): point is string => point !== null)
      .join(" ");
  const known = surviving.filter((value): value is number => value !== null);
  const description =
    known.length > 1
      ? `Decay curve: ${surviving
          .map((value, stage) => (value === null ? null : `${CURVE_STAGES[stage]} ${formatPercent(value, 0)}`))
          .filter(Boolean)
          .join(", ")}. Dashed line: the illustrative curve from 100% to 15%.`
      : "Decay curve: answer the statements of the first layer to draw it. Dashed line: the illustrative curve.";
  return (
    <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description}>
      {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
        <g key={tick}>
          <line className={styles.grid} x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
          <text className={styles.label} x={PAD.left - 4} y={y(tick) + 3} textAnchor="end">
            {tick * 100}%
          </text>
        </g>
      ))}
      <line className={styles.axis} x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={HEIGHT - PAD.bottom} />
      {CURVE_STAGES.map((name, stage) => (
        <text
          key={name}
          className={styles.label}
          x={x(stage)}
          y={HEIGHT - PAD.bottom + 12}
          textAnchor="end"
          transform={`rotate(-30 ${x(stage)} ${HEIGHT - PAD.bottom + 12})`}
        >
          {name.split(" ")[0]}
        </text>
      ))}
      <g aria-hidden="true">
        <line className={styles.yours} x1={PAD.left} x2={PAD.left + 18} y1={8} y2={8} />
        <text className={styles.label} x={PAD.left + 22} y={11}>
          your scores
        </text>
        <line className={styles.reference} x1={PAD.left + 100} x2={PAD.left + 118} y1={8} y2={8} />
        <text className={styles.label} x={PAD.left + 122} y={11}>
          illustrative curve
        </text>
      </g>
      <polyline className={styles.reference} points={path(ILLUSTRATIVE_CURVE)} />
      {known.length > 1 && <polyline className={styles.yours} points={path(surviving)} />}
      {surviving.map((value, stage) =>
        value === null ? null : <circle key={stage} className={styles.dot} cx={x(stage)} cy={y(value)} r={3} />,
      )}
    </svg>
  );
}
