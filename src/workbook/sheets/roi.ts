// "AGAP ROI": the ROI tracker, one metric of one workflow per row. Every figure is a portable
// formula (no AGAP functions, no dynamic arrays), so a colleague without the add-in sees it
// recompute: build, integrate and govern are paid once, maintain every period.
import {
  DIRECTIONS,
  LAYERS,
  LAYER_COUNT,
  LIMITS,
  ROI_FLAG_TEXT,
  latestRound,
  roiFigures,
  roiFlags,
  type AssessmentResponse,
  type Direction,
  type Limit,
  type RoiEntry,
  type RoiNumberField,
} from "../../model";
import {
  DATE_FORMAT,
  MONEY,
  PERCENT,
  PERIODS,
  RATE,
  ROUND_DATE_FORMAT,
  TEXT,
  dateToSerial,
  readDateCell,
  readNumberCell,
  storedDate,
} from "./cells";
import { latestDateFormula, roundScoreFormula } from "./round-formulas";
import {
  NA,
  fail,
  ok,
  quoted,
  span,
  textOf,
  type CachedValue,
  type ColumnSpec,
  type RowAddress,
  type TableSpec,
} from "./spec";

export const ROI_SHEET = "AGAP ROI";
export const ROI_TABLE = "AgapRoi";

/** What the derived columns need besides the row: the saved responses, for the latest round. */
export interface RoiContext {
  responses: readonly AssessmentResponse[];
}

const LATEST_KEYS = LAYERS.map((layer) => `latest:${layer.id}`);
const ONE_OFF_KEYS = ["build", "integrate", "govern"];
const COST_KEYS = [...ONE_OFF_KEYS, "maintain"];

const NUMBER_COLUMNS: { key: RoiNumberField; header: string; format: string; limit: Limit; former?: string[] }[] = [
  { key: "baseline", header: "Baseline value", format: "General", limit: LIMITS.number },
];

/** The number inputs, in sheet order after the dates. */
const MONEY_AND_PERIODS: { key: RoiNumberField; header: string; format: string; limit: Limit; former?: string[] }[] = [
  { key: "current", header: "Current value", format: "General", limit: LIMITS.number },
  { key: "valuePerUnit", header: "Value per unit", format: MONEY, limit: LIMITS.money },
  { key: "build", header: "Build cost", format: MONEY, limit: LIMITS.money },
  { key: "integrate", header: "Integrate cost", format: MONEY, limit: LIMITS.money },
  { key: "govern", header: "Govern cost", format: MONEY, limit: LIMITS.money },
  {
    key: "maintain",
    header: "Maintain cost per period",
    format: MONEY,
    limit: LIMITS.money,
    former: ["Maintain cost"],
  },
  { key: "periods", header: "Periods observed", format: PERIODS, limit: LIMITS.periods },
  { key: "horizon", header: "Horizon", format: PERIODS, limit: LIMITS.horizon },
  { key: "discountRate", header: "Discount rate", format: RATE, limit: LIMITS.discountRate },
  { key: "expectedValue", header: "Expected value", format: MONEY, limit: LIMITS.money },
];

const numberColumn = (spec: (typeof MONEY_AND_PERIODS)[number]): ColumnSpec<RoiEntry, RoiContext> => ({
  key: spec.key,
  header: spec.header,
  formerHeaders: spec.former,
  kind: "input",
  format: spec.format === "General" ? null : spec.format,
  required: true,
  value: (entry) => entry[spec.key] ?? "",
});

/** The parts every figure shares, as formula text over the row's cells. */
function parts(at: RowAddress) {
  const d = at("direction");
  const [e, h, i, m] = [at("baseline"), at("current"), at("valuePerUnit"), at("maintain")];
  const oneOff = `SUM(${span(at, ONE_OFF_KEYS)})`;
  return {
    oneOff,
    maintain: m,
    // Improvement per period × value per unit; an unknown direction gives #N/A.
    benefit: `(IF(${d}="higher",${h}-${e},IF(OR(${d}="",${d}="lower"),${e}-${h},NA()))*${i})`,
    unmeasurable: `COUNT(${e})=0,COUNT(${h})=0,COUNT(${i})=0,COUNT(${span(at, COST_KEYS)})=0`,
    badHorizon: `${at("horizon")}<1,${at("horizon")}<>INT(${at("horizon")})`,
  };
}

/** The model's flag words; the sheet's formula builds the same sentences from its cells. */
const FLAG_TEXT = ROI_FLAG_TEXT;

/** The flag text of a row: the model's flag messages, one after another. */
export function roiFlagText(entry: RoiEntry): string {
  return roiFlags(entry)
    .map((flag) => flag.message)
    .join(" ");
}

const latestScoresOf = (entry: RoiEntry, context: RoiContext) =>
  latestRound(context.responses, entry.workflow)?.result?.layerScores ?? null;
const figures = (entry: RoiEntry, context: RoiContext) => roiFigures(entry, latestScoresOf(entry, context));
const orNA = (value: number | null): CachedValue => (value === null ? NA : value);

const columns: ColumnSpec<RoiEntry, RoiContext>[] = [
  { key: "workflow", header: "Workflow", kind: "text", format: TEXT, required: true, value: (e) => e.workflow },
  { key: "metric", header: "Metric", kind: "text", format: TEXT, required: true, value: (e) => e.metric },
  { key: "unit", header: "Unit", kind: "text", format: TEXT, required: true, value: (e) => e.unit },
  {
    key: "direction",
    header: "Direction",
    kind: "text",
    format: TEXT,
    required: true,
    value: (e) => e.direction,
    validation: {
      kind: "list",
      items: DIRECTIONS,
      title: "Direction",
      message: 'Choose "lower" when less is better (hours, cost) or "higher" when more is better (revenue, quality).',
    },
  },
  ...NUMBER_COLUMNS.map(numberColumn),
  {
    key: "baselineDate",
    header: "Baseline capture date",
    kind: "input",
    format: DATE_FORMAT,
    required: true,
    value: (e) => storedDate(e.baselineDate),
  },
  {
    key: "goLiveDate",
    header: "Go-live date",
    kind: "input",
    format: DATE_FORMAT,
    required: true,
    value: (e) => storedDate(e.goLiveDate),
  },
  ...MONEY_AND_PERIODS.map(numberColumn),
  {
    key: "projected",
    header: "Projected value",
    kind: "derived",
    format: MONEY,
    formula: (at) => {
      const latest = span(at, LATEST_KEYS);
      return `=IF(OR(COUNT(${at("expectedValue")})=0,COUNT(${latest})<${LAYER_COUNT}),NA(),${at("expectedValue")}*PRODUCT(${latest}))`;
    },
    cached: (e, c) => orNA(figures(e, c).projected),
  },
  {
    key: "measuredRoi",
    header: "Measured ROI",
    kind: "derived",
    format: PERCENT,
    formula: (at) => {
      const { oneOff, maintain, benefit, unmeasurable } = parts(at);
      const n = at("periods");
      const cost = `(${oneOff}+${maintain}*${n})`;
      return `=IF(OR(${unmeasurable},COUNT(${n})=0),NA(),IF(OR(${n}<=0,${cost}=0),NA(),(${benefit}*${n}-${cost})/${cost}))`;
    },
    cached: (e, c) => orNA(figures(e, c).measuredRoi),
  },
  {
    key: "npv",
    header: "NPV",
    kind: "derived",
    format: MONEY,
    // -PV of the net benefit per period is the NPV of equal flows at the end of each period.
    formula: (at) => {
      const { oneOff, maintain, benefit, unmeasurable, badHorizon } = parts(at);
      const [o, p] = [at("horizon"), at("discountRate")];
      return (
        `=IF(OR(${unmeasurable},COUNT(${o})=0,COUNT(${p})=0),NA(),` +
        `IF(OR(${badHorizon},${p}<=-1),NA(),-PV(${p},${o},${benefit}-${maintain})-${oneOff}))`
      );
    },
    cached: (e, c) => orNA(figures(e, c).npv),
  },
  {
    key: "payback",
    header: "Payback",
    kind: "derived",
    format: PERIODS,
    formula: (at) => {
      const { oneOff, maintain, benefit, unmeasurable, badHorizon } = parts(at);
      const o = at("horizon");
      const net = `(${benefit}-${maintain})`;
      return (
        `=IF(OR(${unmeasurable},COUNT(${o})=0),NA(),IF(OR(${badHorizon}),NA(),` +
        `IF(${oneOff}<=0,0,IF(${net}<=0,NA(),IF(${oneOff}/${net}>${o},NA(),${oneOff}/${net})))))`
      );
    },
    cached: (e, c) => orNA(figures(e, c).payback),
  },
  {
    key: "flags",
    header: "Flags",
    kind: "derived",
    format: null,
    formula: (at) => {
      const [e, f, g, n, o] = [at("baseline"), at("baselineDate"), at("goLiveDate"), at("periods"), at("horizon")];
      const costs = span(at, COST_KEYS);
      const flags = [
        `IF(COUNT(${e})=0,${quoted(FLAG_TEXT.noBaseline + " ")},` +
          `IF(AND(COUNT(${f})=1,COUNT(${g})=1),IF(${f}>${g},${quoted(FLAG_TEXT.afterGoLive + " ")},""),""))`,
        `IF(COUNT(${costs})=0,${quoted(FLAG_TEXT.noCosts + " ")},"")`,
        `IF(AND(COUNT(${n})=1,COUNT(${o})=1),IF(${n}<${o},${quoted(FLAG_TEXT.shortBefore)}&${n}&` +
          `${quoted(FLAG_TEXT.shortMiddle)}&${o}&${quoted(FLAG_TEXT.shortAfter)},""),"")`,
      ];
      return `=TRIM(${flags.join("&")})`;
    },
    cached: (e) => roiFlagText(e),
  },
  { key: "id", header: "ROI ID", kind: "text", format: TEXT, value: (e) => e.id },
  ...LAYERS.map((layer, k): ColumnSpec<RoiEntry, RoiContext> => ({
    key: LATEST_KEYS[k],
    header: `Latest ${layer.short} score`,
    kind: "derived",
    format: PERCENT,
    formula: (at) => roundScoreFormula(k, at("workflow"), at("latestDate")),
    cached: (e, c) => latestScoresOf(e, c)?.[k] ?? NA,
  })),
  {
    key: "latestDate",
    header: "Latest assessment",
    kind: "derived",
    format: ROUND_DATE_FORMAT,
    since: 2,
    formula: (at) => latestDateFormula(at("workflow")),
    cached: (e, c) => {
      const round = latestRound(c.responses, e.workflow);
      return round ? (round.date ? dateToSerial(round.date) : 0) : NA;
    },
  },
];

function parse(cell: (key: string) => unknown, row: number) {
  const workflow = textOf(cell("workflow"));
  if (!workflow) return fail<RoiEntry>("the workflow is blank");
  const way = textOf(cell("direction")).toLowerCase() || "lower";
  if (!DIRECTIONS.includes(way as Direction)) {
    return fail<RoiEntry>(`Direction is "${String(cell("direction"))}"; use "lower" or "higher"`);
  }
  const numbers: Partial<Pick<RoiEntry, RoiNumberField>> = {};
  for (const spec of [...NUMBER_COLUMNS, ...MONEY_AND_PERIODS]) {
    const read = readNumberCell(cell(spec.key), spec.header, spec.limit);
    if (!read.ok) return read;
    numbers[spec.key] = read.value;
  }
  const baselineDate = readDateCell(cell("baselineDate"), "Baseline capture date");
  if (!baselineDate.ok) return baselineDate;
  const goLiveDate = readDateCell(cell("goLiveDate"), "Go-live date");
  if (!goLiveDate.ok) return goLiveDate;
  return ok<RoiEntry>({
    id: textOf(cell("id")) || `sheet-row-${row}`,
    workflow,
    metric: textOf(cell("metric")),
    unit: textOf(cell("unit")),
    direction: way as Direction,
    baselineDate: baselineDate.value,
    goLiveDate: goLiveDate.value,
    ...(numbers as Pick<RoiEntry, RoiNumberField>),
  });
}

/**
 * Version 1 typed the latest scores in as values and counted maintain once; version 2 makes the
 * latest round live formulas ("Latest assessment" added), renames "Maintain cost" to a cost per
 * period and rewrites every figure without AGAP functions.
 */
export const ROI: TableSpec<RoiEntry, RoiContext> = {
  sheet: ROI_SHEET,
  table: ROI_TABLE,
  version: 2,
  columns,
  idKey: "id",
  idOf: (e) => e.id,
  parse,
  matchKey: "workflow",
};
