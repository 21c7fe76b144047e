import { makeStyles, tokens } from "@fluentui/react-components";

/** Layout shared by the planning panels. */
export const usePanelStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  // Three figures side by side where they fit; in a 320 px pane the third takes a row of its own
  // rather than breaking "+12.4 pts" in two.
  figures: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(7rem, 1fr))",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  figure: { display: "flex", flexDirection: "column", alignItems: "flex-start" },
  big: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  note: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  /** A list read as a list, drawn without bullets. */
  plainList: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  narrow: { maxWidth: "9rem" },
  /** A small button under a field, at its start rather than stretched across the column. */
  useName: { alignSelf: "flex-start" },
  // A select is as wide as its longest option unless told otherwise: a long workflow name would
  // push a narrow pane sideways. The select shrinks with the pane; its title gives the name in full.
  fitField: { gridTemplateColumns: "minmax(0, 1fr)" },
  fitSelect: { minWidth: 0, maxWidth: "100%" },
  facts: {
    margin: 0,
    "& dt": { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalXS },
    "& dd": { margin: 0, color: tokens.colorNeutralForeground2 },
  },
});
