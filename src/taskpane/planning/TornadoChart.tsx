import { makeStyles, tokens } from "@fluentui/react-components";
import { formatPoints } from "../components/format";

const useStyles = makeStyles({
  svg: { width: "100%", maxWidth: "28rem", height: "auto" },
  up: { fill: tokens.colorBrandBackground },
  down: { fill: tokens.colorPaletteRedBackground3 },
  axis: { stroke: tokens.colorNeutralForeground3 },
  label: { fill: tokens.colorNeutralForeground1, fontSize: "10px" },
  value: { fill: tokens.colorNeutralForeground2, fontSize: "9px" },
});

export interface TornadoRow {
  label: string;
  down: number;
  up: number;
}

/** Bars to the left for −Δ and to the right for +Δ, largest swing on top. */
export function TornadoChart({ rows }: { rows: readonly TornadoRow[] }) {
  const styles = useStyles();
  const width = 320;
  const labelWidth = 78;
  const rowHeight = 22;
  const height = rows.length * rowHeight + 10;
  const extent = Math.max(1e-9, ...rows.flatMap((r) => [Math.abs(r.down), Math.abs(r.up)]));
  const half = (width - labelWidth - 10) / 2;
  const centre = labelWidth + half;
  const scale = (v: number) => (Math.abs(v) / extent) * (half - 34);
  const description = `Tornado: ${rows.map((r) => `${r.label} ${formatPoints(r.down, 2)} / ${formatPoints(r.up, 2)}`).join("; ")}.`;
  return (
    <svg className={styles.svg} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={description}>
      <line className={styles.axis} x1={centre} x2={centre} y1={0} y2={height} />
      {rows.map((row, i) => {
        const y = 5 + i * rowHeight;
        return (
          <g key={row.label}>
            <text className={styles.label} x={0} y={y + 13}>
              {row.label}
            </text>
            <rect className={styles.down} x={centre - scale(row.down)} y={y + 3} width={scale(row.down)} height={14} />
            <rect className={styles.up} x={centre} y={y + 3} width={scale(row.up)} height={14} />
            <text className={styles.value} x={centre - scale(row.down) - 2} y={y + 13} textAnchor="end">
              {formatPoints(row.down, 2)}
            </text>
            <text className={styles.value} x={centre + scale(row.up) + 2} y={y + 13}>
              {formatPoints(row.up, 2)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
