import { makeStyles, tokens } from "@fluentui/react-components";
import { ChartTable, LINE_PX, textWidth, useChartStyles, useMeasuredWidth } from "../components/chart-parts";
import { formatPoints } from "../components/format";
import { TERM_LABELS } from "../../model/glossary";

const FORCED = "@media (forced-colors: active)";

const useStyles = makeStyles({
  up: { fill: tokens.colorBrandBackground, [FORCED]: { fill: "Highlight" } },
  down: { fill: tokens.colorPaletteRedBackground3, [FORCED]: { fill: "CanvasText" } },
});

export interface TornadoRow {
  label: string;
  down: number;
  up: number;
}

export interface TornadoChartProps {
  /** One row per layer, largest swing first. */
  rows: readonly TornadoRow[];
  /**
   * The headings of the chart and of its table: the layer, and the lift for each side of the step.
   * By default the glossary's, which the sheet's table of lifts has too.
   */
  layerLabel?: string;
  downLabel?: string;
  upLabel?: string;
  /** What the chart shows, under it. */
  caption?: string;
}

const ROW = 40;
const BAR = 14;

const lift = (change: number) => formatPoints(change, 2);

/** Bars to the left for a step down and to the right for a step up, largest swing on top, each with its value. */
export function TornadoChart({
  rows,
  layerLabel = "Layer",
  downLabel = TERM_LABELS.tornadoDown,
  upLabel = TERM_LABELS.tornadoUp,
  caption = TERM_LABELS.tornadoNote,
}: TornadoChartProps) {
  const styles = useStyles();
  const chart = useChartStyles();
  const [frame, width] = useMeasuredWidth();
  const centre = Math.round(width / 2);
  // The headings sit either side of the axis; when one is too long for its half, each takes a line.
  const side = centre - 6;
  const headingsFit = textWidth(downLabel) <= side && textWidth(upLabel) <= side;
  const headHeight = (headingsFit ? 1 : 2) * LINE_PX + 6;
  const height = headHeight + rows.length * ROW;
  const widest = Math.max(0, ...rows.flatMap((row) => [textWidth(lift(row.down)), textWidth(lift(row.up))]));
  const longest = Math.max(8, centre - widest - 10);
  const extent = Math.max(1e-9, ...rows.flatMap((row) => [Math.abs(row.down), Math.abs(row.up)]));
  const scale = (change: number) => (Math.abs(change) / extent) * longest;
  const describeRow = (row: TornadoRow) => `${row.label}: ${downLabel} ${lift(row.down)}; ${upLabel} ${lift(row.up)}.`;
  const description = `Tornado: ${caption} ` + rows.map(describeRow).join(" ");

  return (
    <figure className={chart.figure}>
      <div ref={frame} className={chart.frame}>
        <svg
          className={chart.svg}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={description}
        >
          {headingsFit ? (
            <>
              <text className={chart.quiet} x={centre - 6} y={LINE_PX - 2} textAnchor="end">
                {downLabel}
              </text>
              <text className={chart.quiet} x={centre + 6} y={LINE_PX - 2}>
                {upLabel}
              </text>
            </>
          ) : (
            <>
              <text className={chart.quiet} x={0} y={LINE_PX - 2}>
                {downLabel}
              </text>
              <text className={chart.quiet} x={width} y={2 * LINE_PX - 2} textAnchor="end">
                {upLabel}
              </text>
            </>
          )}
          <line className={chart.axis} x1={centre} x2={centre} y1={headHeight - 4} y2={height} />
          {rows.map((row, i) => {
            const top = headHeight + i * ROW;
            const down = scale(row.down);
            const up = scale(row.up);
            return (
              <g key={row.label}>
                <title>{describeRow(row)}</title>
                <text className={chart.text} x={0} y={top + 12}>
                  {row.label}
                </text>
                <rect className={styles.down} x={centre - down} y={top + 18} width={down} height={BAR} />
                <rect className={styles.up} x={centre} y={top + 18} width={up} height={BAR} />
                <text className={chart.text} x={centre - down - 4} y={top + 29} textAnchor="end">
                  {lift(row.down)}
                </text>
                <text className={chart.text} x={centre + up + 4} y={top + 29}>
                  {lift(row.up)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className={chart.caption}>{caption}</figcaption>
      <ChartTable
        summary="Values of the tornado"
        label="Tornado values"
        columns={[layerLabel, downLabel, upLabel]}
        rows={rows.map((row) => [row.label, lift(row.down), lift(row.up)])}
      />
    </figure>
  );
}
