// "AGAP Scenarios": named what-ifs, with realized value and the change against the base as live
// formulas over the scores in the same row.
import { LAYERS, LAYER_COUNT, LIMITS, realizedValue, scenarioChange, type Scenario } from "../../model";
import { CHANGE_PERCENT, PERCENT, TEXT, readNumberCell } from "./cells";
import { NA, fail, ok, span, textOf, type CachedValue, type ColumnSpec, type TableSpec } from "./spec";

export const SCENARIOS_SHEET = "AGAP Scenarios";
export const SCENARIOS_TABLE = "AgapScenarios";

const SCORE_KEYS = LAYERS.map((layer) => `score:${layer.id}`);
const BASE_KEYS = LAYERS.map((layer) => `base:${layer.id}`);
const fullProfile = (scores: readonly number[]) =>
  scores.length === LAYER_COUNT && scores.every((s) => typeof s === "number" && Number.isFinite(s));

const scoreColumn =
  (keys: string[], header: (short: string) => string, pick: (s: Scenario) => number[]) =>
  (layer: (typeof LAYERS)[number], k: number): ColumnSpec<Scenario, void> => ({
    key: keys[k],
    header: header(layer.short),
    kind: "input",
    format: PERCENT,
    required: true,
    value: (scenario) => pick(scenario)[k] ?? "",
  });

const columns: ColumnSpec<Scenario, void>[] = [
  { key: "name", header: "Scenario", kind: "text", format: TEXT, required: true, value: (s) => s.name },
  { key: "workflow", header: "Workflow", kind: "text", format: TEXT, required: true, value: (s) => s.workflow },
  { key: "baseLabel", header: "Started from", kind: "text", format: TEXT, required: true, value: (s) => s.baseLabel },
  ...LAYERS.map(
    scoreColumn(
      SCORE_KEYS,
      (short) => `${short} score`,
      (s) => s.scores,
    ),
  ),
  {
    key: "realized",
    header: "Realized value",
    kind: "derived",
    format: PERCENT,
    // A blank score gives #N/A, never the product of the other four.
    formula: (at) => {
      const scores = span(at, SCORE_KEYS);
      return `=IF(COUNT(${scores})<${LAYER_COUNT},NA(),PRODUCT(${scores}))`;
    },
    cached: (s): CachedValue => (fullProfile(s.scores) ? realizedValue(s.scores) : NA),
  },
  {
    key: "change",
    header: "Change vs base",
    kind: "derived",
    format: CHANGE_PERCENT,
    formula: (at) => {
      const base = span(at, BASE_KEYS);
      return `=IF(COUNT(${base})<${LAYER_COUNT},NA(),${at("realized")}-PRODUCT(${base}))`;
    },
    cached: (s): CachedValue => (fullProfile(s.scores) && fullProfile(s.baseScores) ? scenarioChange(s) : NA),
  },
  ...LAYERS.map(
    scoreColumn(
      BASE_KEYS,
      (short) => `Base ${short} score`,
      (s) => s.baseScores,
    ),
  ),
  { key: "id", header: "Scenario ID", kind: "text", format: TEXT, value: (s) => s.id },
];

function parse(cell: (key: string) => unknown, row: number) {
  const name = textOf(cell("name"));
  if (!name) return fail<Scenario>("the scenario name is blank");
  const read = (keys: string[]) => {
    const out: number[] = [];
    for (const key of keys) {
      const header = columns.find((c) => c.key === key)!.header;
      const score = readNumberCell(cell(key), header, LIMITS.score);
      if (!score.ok) return score;
      if (score.value === null) return fail<number[]>(`${header} is blank`);
      out.push(score.value);
    }
    return ok(out);
  };
  const scores = read(SCORE_KEYS);
  if (!scores.ok) return scores;
  const baseScores = read(BASE_KEYS);
  if (!baseScores.ok) return baseScores;
  return ok<Scenario>({
    id: textOf(cell("id")) || `sheet-row-${row}`,
    name,
    workflow: textOf(cell("workflow")),
    baseLabel: textOf(cell("baseLabel")),
    baseScores: baseScores.value,
    scores: scores.value,
  });
}

export const SCENARIOS: TableSpec<Scenario, void> = {
  sheet: SCENARIOS_SHEET,
  table: SCENARIOS_TABLE,
  version: 1,
  columns,
  idKey: "id",
  idOf: (s) => s.id,
  parse,
  matchKey: "name",
};
