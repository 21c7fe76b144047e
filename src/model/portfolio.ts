import { DEFAULT_TARGET_STAGE } from "./maturity";
import { workflowNames, type AssessmentResponse } from "./team";
import { type Band } from "./bands";
import { LAYERS } from "./layers";
import { latestRound, responsesByWorkflow } from "./rounds";
import { ROI_FLAG_SHORT, roiFlags, type RoiEntry, type RoiFlagCode } from "./roi-tracker";

/** Where one workflow stands on the maturity model, and where it should get to. */
export interface MaturityRecord {
  workflow: string;
  stage: number;
  target: number;
}

export type RoiStatus = "no ROI row" | "defensible" | "flagged";

export interface PortfolioRow {
  workflow: string;
  stage: number | null;
  target: number;
  latestDate: string | null;
  latestRealized: number | null;
  band: Band | null;
  weakest: string | null;
  roiStatus: RoiStatus;
  /** The flags raised on the workflow's ROI rows, each once, in ROI_FLAG_SHORT's order; empty unless flagged. */
  roiCautions: RoiFlagCode[];
}

/**
 * One row per workflow: its stage and target, the latest team result, and whether its ROI stands up.
 *
 * @example
 * portfolio(responses, [{ workflow: "Claims", stage: 2, target: 4 }], [])[0]
 * //=> { workflow: "Claims", stage: 2, target: 4, latestRealized: 0.0778, band: "Critical", weakest: "…", roiStatus: "no ROI row", … }
 */
export function portfolio(
  responses: readonly AssessmentResponse[],
  maturity: readonly MaturityRecord[],
  roi: readonly RoiEntry[],
): PortfolioRow[] {
  const names = workflowNames([...responses, ...maturity, ...roi]);
  // Each list is grouped by workflow once: looking each workflow up in the whole lists would cost
  // workflows × responses (3,000,000 steps for 10,000 responses across 300 workflows).
  const responsesOf = responsesByWorkflow(responses);
  const records = new Map<string, MaturityRecord>();
  for (const m of maturity) if (!records.has(m.workflow)) records.set(m.workflow, m);
  const roiOf = new Map<string, RoiEntry[]>();
  for (const entry of roi) {
    const rows = roiOf.get(entry.workflow);
    if (rows) rows.push(entry);
    else roiOf.set(entry.workflow, [entry]);
  }
  return names.map((workflow) => {
    const record = records.get(workflow);
    const latest = latestRound(responsesOf.get(workflow) ?? [], workflow);
    const result = latest?.result ?? null;
    const rows = roiOf.get(workflow) ?? [];
    const raised = new Set(rows.flatMap((entry) => roiFlags(entry).map((flag) => flag.code)));
    const roiCautions = (Object.keys(ROI_FLAG_SHORT) as RoiFlagCode[]).filter((code) => raised.has(code));
    const roiStatus: RoiStatus = rows.length === 0 ? "no ROI row" : roiCautions.length > 0 ? "flagged" : "defensible";
    return {
      workflow,
      stage: record?.stage ?? null,
      target: record?.target ?? DEFAULT_TARGET_STAGE,
      latestDate: latest?.date ?? null,
      latestRealized: result?.realized ?? null,
      band: result?.band ?? null,
      weakest: result ? LAYERS[result.weakest].name : null,
      roiStatus,
      roiCautions,
    };
  });
}
