// The one catalogue of messages shown in Excel's error tooltip. Each names the argument
// (and the position or row) and says what is allowed.

const ROW_SUFFIX = (row: number | undefined) => (row === undefined ? "" : ` in row ${row + 1}`);

export const messages = {
  blank: (arg: string, where: string, allowed: string, row?: number) =>
    `${arg}: ${where}${ROW_SUFFIX(row)} is blank. Enter ${allowed}; a blank is never counted as 0.`,
  text: (arg: string, where: string, text: string, allowed: string, row?: number) =>
    `${arg}: ${where}${ROW_SUFFIX(row)} holds the text "${clip(text)}". Enter ${allowed}.`,
  boolean: (arg: string, where: string, value: boolean, allowed: string, row?: number) =>
    `${arg}: ${where}${ROW_SUFFIX(row)} holds ${value ? "TRUE" : "FALSE"}. Enter ${allowed}.`,
  outOfRange: (arg: string, where: string, value: number, allowed: string, row?: number) =>
    `${arg}: ${where}${ROW_SUFFIX(row)} is ${formatNumber(value)}. Enter ${allowed}.`,
  notFinite: (arg: string, where: string, row?: number) => `${arg}: ${where}${ROW_SUFFIX(row)} is not a finite number.`,
  upstreamError: (arg: string, where: string, code: string, row?: number) =>
    `${arg}: ${where}${ROW_SUFFIX(row)} holds the error ${code}.`,
  shape: (arg: string, expected: string, rows: number, columns: number) =>
    `${arg}: expected ${expected}; got ${rows} × ${columns} cells.`,
  empty: (arg: string) => `${arg}: the range is empty. Fill in the cells it points to.`,
  allBlank: (arg: string, allowed: string) => `${arg}: every cell is blank. Enter ${allowed}.`,
  singleValue: (arg: string, rows: number, columns: number) =>
    `${arg}: expected one value; got ${rows} × ${columns} cells.`,
  missing: (arg: string, allowed: string) => `${arg} is required. Enter ${allowed}.`,
  unknownStage: (text: string) =>
    `stage: "${clip(text)}" is not a stage. Use 0 to 5, a stage such as "Human Trust", or a layer such as "Oversight".`,
  unknownLayer: (text: string) =>
    `layer: "${clip(text)}" is not a layer. Use 1 to 5 or a name: Strategy, Workflow, Oversight, Measurement, Adoption.`,
  unknownDirection: (text: string) => `direction: "${clip(text)}" is not allowed. Use "lower" or "higher".`,
  onlyOneProfile: (arg: string, rows: number) => `${arg}: expected one profile of five scores; got ${rows} profiles.`,
  oneProfileEach: (arg: string, rows: number) =>
    `${arg}: expected one profile of five scores; got ${rows} profiles. Give one profile each for before and after.`,
  blankLabel: (position: number) => `labels: label ${position} is blank. Give each of the 5 layers a label.`,
  noBaseline: () =>
    "baseline: no baseline was captured, so ROI cannot be proven. Record the metric before the agent goes live.",
  noCurrent: () => "current: no value after go-live yet. Enter the metric as it is now.",
  noCosts: (arg: string) =>
    `${arg}: no costs entered. ROI and payback need the cost to build, integrate, govern and maintain.`,
  zeroCost: () => "costs: total cost is 0, so ROI is undefined.",
  notPaidBack: (periods: number, lessPerPeriodCosts = false) =>
    `benefits: not paid back. Cumulative benefit${lessPerPeriodCosts ? ", less the costs per period," : ""} stays below the cost over all ${periods} period${periods === 1 ? "" : "s"} given.`,
  gapInBenefits: (period: number) =>
    `benefits: period ${period} is blank, but later periods are not. Enter 0 for a period without benefit.`,
  targetUnreachable: (target: number) =>
    `target: ${formatNumber(target)} can never be reached, because realized value cannot exceed 1 (100%).`,
  thresholds: (problem: string) =>
    `thresholds: the four gap limits for Critical, Severe, Material and Managed ${problem}.`,
  labels: (count: number) => `labels: expected 5 labels, one per layer; got ${count}.`,
  internal: (error: unknown) =>
    `AGAP could not compute this: ${clip(error instanceof Error ? error.message : String(error))}`,
};

/**
 * What the arguments that are not plain numbers allow, for use in messages. The wording for each
 * kind of number lives with its limits in the model (LIMITS), so the pane and the tables say the same.
 */
export const allowed = {
  stage: "a stage from 0 to 5 or its name",
  layer: "a layer from 1 to 5 or its name",
  label: "a label",
  direction: '"lower" or "higher"',
  benefit: "a benefit per period",
};

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}
