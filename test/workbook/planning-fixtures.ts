import type { RoiEntry } from "../../src/model";

/**
 * A complete ROI row. By hand: improvement 40 − 25 = 15 h per week, × 60 per hour × 12 weeks
 * = 10,800 of benefit against 5,000 of costs, so measured ROI = (10,800 − 5,000) / 5,000 = 1.16.
 */
export const ENTRY: RoiEntry = {
  id: "roi-1",
  workflow: "Invoice triage",
  metric: "Hours per week",
  unit: "h",
  direction: "lower",
  baseline: 40,
  baselineDate: "2026-01-10",
  goLiveDate: "2026-02-01",
  current: 25,
  valuePerUnit: 60,
  build: 3000,
  integrate: 1000,
  govern: 500,
  maintain: 500,
  periods: 12,
  horizon: 12,
  discountRate: 0.01,
  expectedValue: 1_000_000,
};

/** The article's example profile, used as a workflow's latest layer scores. */
export const LATEST = [0.8, 0.6, 0.5, 0.4, 0.5];
