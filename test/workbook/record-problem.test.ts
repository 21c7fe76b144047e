// recordProblem checks a record the way readTable reads its row, without laying out a table or
// writing formulas. Here it is held against that full path, written out as it was: the record's
// row built by rowCells in the spec's own layout, then read back by readTable.
import { STATEMENTS, type AssessmentResponse, type RoiEntry, type Scenario } from "../../src/model";
import { ASSESSMENTS } from "../../src/workbook/sheets/assessments";
import { ROI } from "../../src/workbook/sheets/roi";
import { SCENARIOS } from "../../src/workbook/sheets/scenarios";
import {
  headersOf,
  readTable,
  recordProblem,
  rowCells,
  specLayout,
  type TableSpec,
} from "../../src/workbook/sheets/spec";
import { ROI_ENTRY } from "../model/roi-entry";

function throughTheTable<R, C>(spec: TableSpec<R, C>, record: R): string | null {
  const values = rowCells(spec, specLayout(spec), record, 2).values.map((value) => value ?? "");
  const read = readTable(spec, headersOf(spec), [values], 2);
  return read.skipped.length > 0 ? `Not saved to ${spec.sheet}: ${read.skipped[0].problem}.` : null;
}

const answers = Object.fromEntries(STATEMENTS.map((s) => [s.id, 3]));
const RESPONSE: AssessmentResponse = { id: "r1", workflow: "Claims", respondent: "Ana", date: "2026-04-02", answers };
const responses: AssessmentResponse[] = [
  RESPONSE,
  { ...RESPONSE, answers: {} },
  { ...RESPONSE, workflow: "" },
  { ...RESPONSE, workflow: "   " },
  { ...RESPONSE, answers: { ...answers, [STATEMENTS[0].id]: 7 } },
  { ...RESPONSE, answers: { ...answers, [STATEMENTS[4].id]: 2.5 } },
  { ...RESPONSE, date: "2026-02-30" },
  { ...RESPONSE, date: "not a date" },
  { ...RESPONSE, id: "" },
];
const entries: RoiEntry[] = [
  ROI_ENTRY,
  { ...ROI_ENTRY, horizon: 2.5 },
  { ...ROI_ENTRY, horizon: 0 },
  { ...ROI_ENTRY, discountRate: -1 },
  { ...ROI_ENTRY, build: -5 },
  { ...ROI_ENTRY, periods: 0 },
  { ...ROI_ENTRY, metric: "" },
  { ...ROI_ENTRY, baselineDate: "2026-13-01" },
];
const SCENARIO: Scenario = {
  id: "s1",
  name: "Plan A",
  workflow: "Claims",
  baseLabel: "Typed scores",
  baseScores: [0.5, 0.5, 0.5, 0.5, 0.5],
  scores: [0.6, 0.5, 0.5, 0.5, 0.5],
};
const scenarios: Scenario[] = [
  SCENARIO,
  { ...SCENARIO, name: "" },
  { ...SCENARIO, scores: [1.2, 0.5, 0.5, 0.5, 0.5] },
  { ...SCENARIO, baseScores: [Number.NaN, 0.5, 0.5, 0.5, 0.5] },
];

describe("recordProblem says what reading the record's row back would say", () => {
  it.each(responses.map((r, i) => [i, r] as const))("assessment response %i", (_, response) => {
    expect(recordProblem(ASSESSMENTS, response)).toBe(throughTheTable(ASSESSMENTS, response));
  });
  it.each(entries.map((e, i) => [i, e] as const))("ROI entry %i", (_, entry) => {
    expect(recordProblem(ROI, entry)).toBe(throughTheTable(ROI, entry));
  });
  it.each(scenarios.map((s, i) => [i, s] as const))("scenario %i", (_, scenario) => {
    expect(recordProblem(SCENARIOS, scenario)).toBe(throughTheTable(SCENARIOS, scenario));
  });

  it("finds problems as well as passing good records", () => {
    expect(recordProblem(ASSESSMENTS, RESPONSE)).toBeNull();
    expect(recordProblem(ROI, ROI_ENTRY)).toBeNull();
    expect(recordProblem(ROI, { ...ROI_ENTRY, horizon: 2.5 })).toBe(
      "Not saved to AGAP ROI: Horizon is 2.5, not a whole number of periods, 1 or more.",
    );
    const refused = [...responses, ...entries, ...scenarios].length;
    const problems = [
      ...responses.map((r) => recordProblem(ASSESSMENTS, r)),
      ...entries.map((e) => recordProblem(ROI, e)),
      ...scenarios.map((s) => recordProblem(SCENARIOS, s)),
    ].filter((p) => p !== null).length;
    // Most records above are bad on purpose; the comparison above means little if none were.
    expect(problems).toBeGreaterThan(refused / 2);
  });
});
