import type { RoiEntry } from "../../src/model/roi-tracker";

/** A clean ROI row: hours per week fell from 40 to 25, each hour worth 60, costs 3000 + 1000 + 500 + 500. */
export const ROI_ENTRY: RoiEntry = {
  id: "roi-1",
  workflow: "Invoice triage",
  metric: "Hours spent per week",
  unit: "hours",
  direction: "lower",
  baseline: 40,
  baselineDate: "2026-01-05",
  goLiveDate: "2026-02-02",
  current: 25,
  valuePerUnit: 60,
  build: 3000,
  integrate: 1000,
  govern: 500,
  maintain: 500,
  periods: 12,
  horizon: 12,
  discountRate: 0,
  expectedValue: 100_000,
};
