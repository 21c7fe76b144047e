// A backup imported from Team & history shows in the pane at once: the pane reads its records
// again after the import, so the list and its Edit buttons include what came in.
import { act, fireEvent, screen, within } from "@testing-library/react";
import { TextDecoder, TextEncoder } from "util";
import { STATEMENTS, type AssessmentResponse } from "../../src/model";
import { App } from "../../src/taskpane/App";
// Loaded up front, so the pane's lazy imports resolve at once.
import "../../src/taskpane/components/TeamPanel";
import "../../src/taskpane/components/ImportPanel";
import { backupJson, buildBackup } from "../../src/workbook/backup";
import { LocalPlanningStore } from "../../src/workbook/local-planning";
import { LocalStore, type KeyValueStorage } from "../../src/workbook/local-store";
import { DRAFT_KEY, RESPONSES_KEY } from "../../src/workbook/store";
import { renderInPane } from "./render";

Object.assign(globalThis, { TextDecoder, TextEncoder });

class MemoryStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

const every = (value: number) => Object.fromEntries(STATEMENTS.map((s) => [s.id, value]));
const ANA: AssessmentResponse = {
  id: "ana",
  workflow: "Claims",
  respondent: "Ana",
  date: "2026-04-02",
  answers: every(4),
};
const CY: AssessmentResponse = {
  id: "cy",
  workflow: "Claims",
  respondent: "Cy",
  date: "2026-04-02",
  answers: every(2),
};

it("lists the imported response in Team & history without a reload, ready to edit", async () => {
  const storage = new MemoryStorage();
  storage.setItem(RESPONSES_KEY, JSON.stringify([ANA]));
  storage.setItem(DRAFT_KEY, JSON.stringify({ workflow: "Claims", respondent: "", date: "", answers: {} }));
  renderInPane(
    <App
      office={{ host: null, reason: "test" }}
      store={new LocalStore(storage)}
      planningStore={new LocalPlanningStore(storage)}
    />,
    { withErrorBar: false },
  );
  await screen.findByRole("form", { name: "Assessment" });
  await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Team & history" })));
  const team = within(document.getElementById("panel-team")!);
  await team.findByRole("heading", { name: "Claims, round 2026-04-02: 1 response" });

  const backup = backupJson(buildBackup([CY], { scenarios: [], roi: [], maturity: [], roadmaps: [] }));
  const file = new File([backup], "agap-backup-2026-11-24.json", { type: "application/json" });
  fireEvent.change(await team.findByLabelText("Backup file"), { target: { files: [file] } });
  const importButton = await team.findByRole("button", { name: "Import 1 record" }, { timeout: 10_000 });
  await act(async () => fireEvent.click(importButton));
  await team.findByText("Imported: added 1 response.");

  await team.findByRole("heading", { name: "Claims, round 2026-04-02: 2 responses" });
  expect(team.getByRole("button", { name: "Edit Cy's response" })).toBeEnabled();
  expect(team.queryByRole("button", { name: "Reload now" })).toBeNull();
});
