import type { RoiEntry } from "../../src/model";
import { ROI_ENTRY } from "../model/roi-entry";

/**
 * A complete ROI row: the model tests' ROI_ENTRY, dated and discounted differently. By hand:
 * improvement 40 − 25 = 15 h per week, × 60 per hour × 12 weeks = 10,800 of benefit against 5,000
 * of costs, so measured ROI = (10,800 − 5,000) / 5,000 = 1.16.
 */
export const ENTRY: RoiEntry = {
  ...ROI_ENTRY,
  metric: "Hours per week",
  unit: "h",
  baselineDate: "2026-01-10",
  goLiveDate: "2026-02-01",
  discountRate: 0.01,
  expectedValue: 1_000_000,
};

/** The article's example profile, used as a workflow's latest layer scores. */
export const LATEST = [0.8, 0.6, 0.5, 0.4, 0.5];
