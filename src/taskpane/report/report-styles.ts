// The board report's look: one column in the pane, two columns on one portrait page when printed.
// Sizes are in em of the report's own font size, which is the pane's body size on screen and 9 pt
// on paper, so the whole page shrinks together. Colours are tokens; print-stylesheet.ts gives them
// print-safe values on paper, whatever the pane's theme.
import { makeStyles, tokens } from "@fluentui/react-components";

const PRINT = "@media print";
const FORCED = "@media (forced-colors: active)";

export const useReportStyles = makeStyles({
  // The view that takes the pane's place while the report is open.
  view: {
    boxSizing: "border-box",
    minHeight: "100vh",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    maxWidth: "48rem",
    [PRINT]: { padding: 0, minHeight: 0, maxWidth: "none", rowGap: 0 },
  },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "center",
    [PRINT]: { display: "none" },
  },
  hint: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    [PRINT]: { display: "none" },
  },
  page: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: 1.4,
    display: "flex",
    flexDirection: "column",
    rowGap: "1em",
    minWidth: 0,
    [PRINT]: { fontSize: "9pt", lineHeight: 1.3, rowGap: "0.7em" },
  },
  header: {
    display: "flex",
    flexDirection: "column",
    rowGap: "0.2em",
    paddingBottom: "0.5em",
    borderBottom: `2px solid ${tokens.colorNeutralStroke1}`,
  },
  kicker: {
    margin: 0,
    fontSize: "0.85em",
    textTransform: "uppercase",
    letterSpacing: "0.06em",
    color: tokens.colorNeutralForeground3,
  },
  title: {
    margin: 0,
    fontSize: "1.45em",
    lineHeight: 1.2,
    fontWeight: tokens.fontWeightSemibold,
    // A long workflow name breaks inside a word rather than running off the page.
    overflowWrap: "anywhere",
    // On paper a very long name keeps to two lines; the pane shows it whole.
    [PRINT]: {
      display: "-webkit-box",
      WebkitLineClamp: 2,
      WebkitBoxOrient: "vertical",
      overflow: "hidden",
    },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  meta: { margin: 0, color: tokens.colorNeutralForeground2 },
  // One column in the pane; two on paper, each section kept whole.
  columns: {
    display: "flex",
    flexDirection: "column",
    rowGap: "1em",
    [PRINT]: {
      display: "grid",
      gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
      columnGap: "6mm",
      alignItems: "start",
    },
  },
  column: {
    display: "flex",
    flexDirection: "column",
    rowGap: "1em",
    minWidth: 0,
    [PRINT]: { rowGap: "0.8em" },
  },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: "0.35em",
    minWidth: 0,
    breakInside: "avoid",
  },
  heading: {
    margin: 0,
    fontSize: "1.05em",
    lineHeight: 1.25,
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: "0.15em",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  text: { margin: 0 },
  note: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: "0.9em" },
  list: { margin: 0, paddingLeft: "1.3em", display: "flex", flexDirection: "column", rowGap: "0.2em" },
  figures: {
    display: "grid",
    gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
    columnGap: "0.75em",
    margin: 0,
  },
  figure: { display: "flex", flexDirection: "column", margin: 0, minWidth: 0 },
  figureLabel: { color: tokens.colorNeutralForeground2, fontSize: "0.9em" },
  figureValue: {
    margin: 0,
    fontSize: "1.5em",
    lineHeight: 1.2,
    fontWeight: tokens.fontWeightSemibold,
  },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    "& th, & td": {
      textAlign: "left",
      padding: "0.15em 0.4em 0.15em 0",
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: "top",
    },
    "& thead th": { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  },
  rowHeader: { fontWeight: tokens.fontWeightRegular },
  number: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  strong: { fontWeight: tokens.fontWeightSemibold },
  mark: {
    display: "inline-block",
    marginLeft: "0.4em",
    padding: "0 0.35em",
    borderRadius: tokens.borderRadiusSmall,
    fontSize: "0.8em",
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: tokens.colorPaletteRedBackground3,
    [FORCED]: { color: "CanvasText", backgroundColor: "Canvas", border: "1px solid CanvasText" },
    [PRINT]: { color: "#000", backgroundColor: "transparent", border: "1px solid #000" },
  },
  flag: { color: tokens.colorPaletteRedForeground1 },
});
