import { makeStyles, tokens } from "@fluentui/react-components";
import { formatPercent } from "./format";

const useStyles = makeStyles({
  svg: { width: "100%", maxWidth: "28rem", height: "auto" },
  line: { fill: "none", stroke: tokens.colorBrandForeground1, strokeWidth: 2 },
  dot: { fill: tokens.colorBrandForeground1 },
  base: { stroke: tokens.colorNeutralStroke2 },
  label: { fill: tokens.colorNeutralForeground2, fontSize: "10px" },
});

const WIDTH = 320;
const HEIGHT = 90;
const PAD = 14;

/** Realized value of each dated assessment, oldest first. */
export function TrendChart({ points }: { points: readonly { date: string; realized: number | null }[] }) {
  const styles = useStyles();
  const known = points.filter((point) => point.realized !== null);
  if (known.length < 2) return null;
  const top = Math.max(...known.map((p) => p.realized as number), 0.05);
  const x = (i: number) => PAD + (i * (WIDTH - 2 * PAD)) / (known.length - 1);
  const y = (v: number) => HEIGHT - PAD - (v / top) * (HEIGHT - 2 * PAD);
  const label = `Trend of realized value: ${known
    .map((p) => `${p.date || "undated"} ${formatPercent(p.realized as number)}`)
    .join(", ")}.`;
  return (
    <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <line className={styles.base} x1={PAD} x2={WIDTH - PAD} y1={HEIGHT - PAD} y2={HEIGHT - PAD} />
      <polyline className={styles.line} points={known.map((p, i) => `${x(i)},${y(p.realized as number)}`).join(" ")} />
      {known.map((p, i) => (
        <g key={`${p.date}-${i}`}>
          <circle className={styles.dot} cx={x(i)} cy={y(p.realized as number)} r={3} />
          <text className={styles.label} x={x(i)} y={y(p.realized as number) - 6} textAnchor="middle">
            {formatPercent(p.realized as number, 0)}
          </text>
        </g>
      ))}
    </svg>
  );
}
