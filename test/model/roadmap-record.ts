// One roadmap record that several tests share: "Claims", started 2026-01-05 (day 1), so that on
// 2026-02-14 it is day 41, in the Workflow Integration phase. Due dates of its first tasks: day 6 =
// 01-10, 12 = 01-16, 18 = 01-22, 24 = 01-28, 30 = 02-03, 36 = 02-09, 42 = 02-15.
import type { RoadmapRecord } from "../../src/model/scenario";

export const CLAIMS_ROADMAP: RoadmapRecord = {
  workflow: "Claims",
  startDate: "2026-01-05",
  sheetName: "Roadmap Claims",
  tasks: [
    { id: "foundation.outcome", owner: "Ana", status: "Done", doneDate: "2026-01-09" },
    { id: "foundation.workflow", owner: "Ben", status: "Done", doneDate: "2026-01-15" },
    { id: "foundation.guardrails", owner: "Ana", status: "In progress", doneDate: "" },
    { id: "foundation.baseline", owner: "Cy", status: "Blocked", doneDate: "" },
  ],
};
