// One fixture of saved records for the consistency tests: several workflows, two or more rounds,
// partial respondents, names that differ only by case, a name a spreadsheet would read as a
// fraction, an undated round, ROI rows and maturity records.
import type { AssessmentResponse, MaturityRecord, RoiEntry } from "../../src/model";
import { ROI_ENTRY } from "../model/roi-entry";
import { respond, type LayerAnswers } from "../model/respond";

let next = 0;
const r = (workflow: string, date: string, layers: readonly LayerAnswers[], respondent = "") =>
  respond(layers, { id: `c-${++next}`, workflow, date, respondent });

export const RESPONSES: AssessmentResponse[] = [
  // Claims, January: three complete respondents and one who stopped after two layers.
  r("Claims", "2026-01-10", [4, 3, [2, 3, 1], 2, 3], "Ana"),
  r("Claims", "2026-01-10", [5, 2, 4, [1, 2, 2], 3], "Bo"),
  r("Claims", "2026-01-10", [3, 4, 3, 1, [2, 2, 4]], "Cy"),
  r("Claims", "2026-01-10", [0, 0, null, null, null], "Di"),
  // Claims, April: two complete respondents.
  r("Claims", "2026-04-02", [4, 4, 3, 3, 4], "Ana"),
  r("Claims", "2026-04-02", [5, 3, [4, 4, 3], 3, 3], "Bo"),
  // "claims" is another workflow: names match exactly, case included.
  r("claims", "2026-01-10", [1, 1, 1, 1, 1], "Eve"),
  // "1/2": an undated round with a result, and a later dated round with only a partial response.
  r("1/2", "", [2, 3, 4, 5, 1], "Fay"),
  r("1/2", "", [[2, 2, 2], 3, 4, [5, 5, 4], 1]),
  r("1/2", "2026-03-01", [5, 5, 5, null, null], "Gus"),
  // Invoice triage: one round of two.
  r("Invoice triage", "2026-02-01", [4, 4, 4, 2, 3], "Hal"),
  r("Invoice triage", "2026-02-01", [3, 3, 4, 2, 2], "Ivy"),
];

export const ROI_ROWS: RoiEntry[] = [
  // Maintain 500 a week on top of 4,500 paid once.
  { ...ROI_ENTRY, id: "roi-claims", workflow: "Claims", discountRate: 0.01, expectedValue: 250_000 },
  { ...ROI_ENTRY, id: "roi-invoice", workflow: "Invoice triage", maintain: null, periods: 6, horizon: 24 },
  { ...ROI_ENTRY, id: "roi-half", workflow: "1/2", baseline: null, baselineDate: "", expectedValue: 40_000 },
];

export const MATURITY: MaturityRecord[] = [
  { workflow: "Claims", stage: 2, target: 4 },
  { workflow: "Invoice triage", stage: 3, target: 4 },
];

/** Every workflow of the fixture, in first-seen order. */
export const WORKFLOWS = ["Claims", "claims", "1/2", "Invoice triage"];
