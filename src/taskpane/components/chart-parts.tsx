// What the pane's three SVG charts share. Each is drawn at the width it is shown at (one unit of
// its viewBox is one CSS pixel), so a 12 px label is 12 px on screen in a 320 px pane as in a wide
// one. Labels are placed so that they neither overlap nor leave the chart, from a conservative
// estimate of their width. Colours come from Fluent's tokens, and from the system's colours when
// colours are forced. Every chart's values can also be read as a table.
import * as React from "react";
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";

/** The size of every text in a chart, in CSS pixels: the pane's caption size, never scaled down. */
export const CHART_FONT_PX = 12;
/** The height of one line of chart text. */
export const LINE_PX = 16;
/** How far a 12 px text reaches above and below its baseline. */
const ASCENT = 11;
const DESCENT = 4;
/** The least space between two labels. */
const GAP = 6;

/** The width a chart is drawn at before it is measured, or where nothing is laid out (tests): a 320 px pane. */
export const FALLBACK_WIDTH = 296;

/** Characters, in ems, as wide as or wider than in DejaVu Sans, the widest common fallback font. */
const NARROW = new Set([..." .,:;'!|()[]ijlftrI1\u00a0\u202f"]);
const WIDE = new Set([..."MWmw%@+\u2212=±Δ"]);

/** A width no narrower than the text will take at the chart's font size. */
export function textWidth(text: string, size: number = CHART_FONT_PX): number {
  let ems = 0;
  for (const char of text) {
    if (NARROW.has(char)) ems += 0.42;
    else if (WIDE.has(char)) ems += 1;
    else if (char >= "A" && char <= "Z") ems += 0.8;
    else ems += 0.66;
  }
  return Math.ceil(ems * size);
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Whether two boxes come closer than `gap` to each other. */
export const overlaps = (a: Box, b: Box, gap = 0): boolean =>
  a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;

const inside = (box: Box, bounds: Box): boolean =>
  box.left >= bounds.left && box.right <= bounds.right && box.top >= bounds.top && box.bottom <= bounds.bottom;

/** A label where it is drawn: its text anchor and baseline, and the box it takes. */
export interface Label {
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
  box: Box;
}

/** The label for `text` anchored at x on the baseline y. */
export function labelAt(text: string, x: number, y: number, anchor: Label["anchor"]): Label {
  const width = textWidth(text);
  const left = anchor === "start" ? x : anchor === "middle" ? x - width / 2 : x - width;
  return { x, y, anchor, box: { left, right: left + width, top: y - ASCENT, bottom: y + DESCENT } };
}

/** A line drawn through points, as [x, y] pairs. */
export type Polyline = readonly (readonly [number, number])[];

/** Whether a line passes through the box: its segments are followed in steps of a pixel or less. */
export function crosses(line: Polyline, box: Box): boolean {
  for (let i = 1; i < line.length; i++) {
    const [x0, y0] = line[i - 1];
    const [x1, y1] = line[i];
    const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0)));
    for (let s = 0; s <= steps; s++) {
      const px = x0 + ((x1 - x0) * s) / steps;
      const py = y0 + ((y1 - y0) * s) / steps;
      if (px > box.left && px < box.right && py > box.top && py < box.bottom) return true;
    }
  }
  return false;
}

/**
 * The first of the candidate places that stays within bounds, clear of every box taken and of the
 * lines; failing that the first within bounds and clear of the boxes; failing that the first
 * within bounds, or the first. The chosen box is added to `taken`.
 */
export function chooseLabel(
  candidates: readonly Label[],
  taken: Box[],
  bounds: Box,
  lines: readonly Polyline[] = [],
): Label {
  const within = candidates.filter((label) => inside(label.box, bounds));
  const apart = within.filter((label) => taken.every((box) => !overlaps(label.box, box, 2)));
  const chosen =
    apart.find((label) => lines.every((line) => !crosses(line, label.box))) ?? apart[0] ?? within[0] ?? candidates[0];
  taken.push(chosen.box);
  return chosen;
}

/**
 * Labels centred under the x of each point, moved in to stay within the width, each on the first
 * line where it clears the labels before it: one line when they fit, more when they do not.
 */
export function labelRows(xs: readonly number[], texts: readonly string[], width: number) {
  const lineEnds: number[] = [];
  return xs.map((x, i) => {
    const size = textWidth(texts[i]);
    const left = Math.min(Math.max(0, x - size / 2), Math.max(0, width - size));
    let line = lineEnds.findIndex((end) => left >= end + GAP);
    if (line < 0) line = lineEnds.length;
    lineEnds[line] = left + size;
    return { left, line };
  });
}

/**
 * The width of the element the callback ref is set on, in whole CSS pixels, followed as it
 * changes; `fallback` until it is measured. Measured before the first paint, so that the chart
 * is never shown scaled.
 */
export function useMeasuredWidth(fallback: number = FALLBACK_WIDTH): [(element: HTMLElement | null) => void, number] {
  const [element, setElement] = React.useState<HTMLElement | null>(null);
  const [width, setWidth] = React.useState(fallback);
  React.useLayoutEffect(() => {
    if (!element) return;
    const measure = () => {
      const measured = Math.floor(element.getBoundingClientRect().width);
      if (measured > 0) setWidth(measured);
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, width];
}

const FORCED = "@media (forced-colors: active)";

export const useChartStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  // The frame takes the width it is given and is never widened by the chart inside it, which is
  // drawn at the frame's measured width.
  frame: { width: "100%", maxWidth: "32rem", minWidth: 0, contain: "inline-size" },
  svg: { display: "block" },
  text: {
    fill: tokens.colorNeutralForeground1,
    fontSize: `${CHART_FONT_PX}px`,
    [FORCED]: { fill: "CanvasText" },
  },
  quiet: {
    fill: tokens.colorNeutralForeground2,
    fontSize: `${CHART_FONT_PX}px`,
    [FORCED]: { fill: "CanvasText" },
  },
  // A value written across a line stays readable: the background's colour is drawn under it.
  halo: {
    stroke: tokens.colorNeutralBackground1,
    strokeWidth: "4px",
    strokeLinejoin: "round",
    paintOrder: "stroke",
    [FORCED]: { stroke: "Canvas" },
  },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1, [FORCED]: { stroke: "CanvasText" } },
  grid: { stroke: tokens.colorNeutralStroke3, strokeWidth: 1, [FORCED]: { stroke: "GrayText" } },
  caption: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    [FORCED]: { color: "CanvasText" },
  },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  key: { display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  // Columns as wide as their content: a point's name takes the room its figures do not need.
  table: { tableLayout: "auto" },
  summary: {
    cursor: "pointer",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    [FORCED]: { color: "CanvasText" },
  },
});

export interface ChartTableProps {
  /** What the disclosure says, e.g. "Values of the decay curve". */
  summary: string;
  /** The table's accessible name. */
  label: string;
  columns: readonly string[];
  rows: readonly (readonly string[])[];
}

/** A chart's values as a table, behind a disclosure under the chart. */
export function ChartTable({ summary, label, columns, rows }: ChartTableProps) {
  const styles = useChartStyles();
  return (
    <details>
      <summary className={styles.summary}>{summary}</summary>
      <Table size="extra-small" aria-label={label} className={styles.table}>
        <TableHeader>
          <TableRow>
            {columns.map((column) => (
              <TableHeaderCell key={column}>{column}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row, r) => (
            <TableRow key={r}>
              {row.map((cell, i) => (
                <TableCell key={i}>{cell}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </details>
  );
}
