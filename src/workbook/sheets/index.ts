// Every AGAP table spec, in the order the sheets appear in a workbook.
import { ASSESSMENTS } from "./assessments";
import { PORTFOLIO } from "./portfolio";
import { ROI } from "./roi";
import { SCENARIOS } from "./scenarios";
import type { TableSpec } from "./spec";
import { SUMMARY } from "./summary";

// The specs differ in their record types; a list of them holds any.
export const ALL_SPECS: readonly TableSpec<any, any>[] = [ASSESSMENTS, SUMMARY, SCENARIOS, ROI, PORTFOLIO];
