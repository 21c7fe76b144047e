// Importing a backup in the pane: what is new, what is already here, what differs (keep mine or
// take theirs, one by one or for all) and what cannot be imported, all before anything is saved.
import { configure, fireEvent, screen, within } from "@testing-library/react";
import { TextDecoder, TextEncoder } from "util";
import type { AssessmentResponse, RoiEntry, Scenario } from "../../src/model";
import { ExportButtons } from "../../src/taskpane/components/ExportButtons";
// Loaded up front, so the lazy import in ExportButtons resolves at once.
import { ImportPanel } from "../../src/taskpane/components/ImportPanel";
import { backupJson, buildBackup, type Backup } from "../../src/workbook/backup";
import { LocalPlanningStore } from "../../src/workbook/local-planning";
import { LocalStore, type KeyValueStorage } from "../../src/workbook/local-store";
import { ROI_ENTRY } from "../model/roi-entry";
import { respond } from "../model/respond";
import { renderInPane } from "./render";

Object.assign(globalThis, { TextDecoder, TextEncoder });
configure({ defaultHidden: true });

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

const ANA = respond([4, 3, 2, 2, 3], { id: "r-ana", workflow: "Claims", respondent: "Ana", date: "2026-04-02" });
const BO = respond([3, 3, 3, 3, 3], { id: "r-bo", workflow: "Claims", respondent: "Bo", date: "2026-04-02" });
const CY = respond([5, 4, 4, 4, 4], { id: "r-cy", workflow: "Claims", respondent: "Cy", date: "2026-04-02" });
const SCENARIO: Scenario = {
  id: "s-1",
  name: "Fix measurement",
  workflow: "Claims",
  baseLabel: "Claims, 2026-04-02 (team mean)",
  baseScores: [0.8, 0.6, 0.5, 0.4, 0.5],
  scores: [0.8, 0.6, 0.5, 0.7, 0.5],
};

async function seeded() {
  const storage = new MemoryStorage();
  const store = new LocalStore(storage);
  const planningStore = new LocalPlanningStore(storage);
  await store.saveResponse(ANA);
  await store.saveResponse(BO);
  await planningStore.saveScenario(SCENARIO);
  return { storage, store, planningStore };
}

/** A colleague's backup: Ana the same, Bo corrected, Cy new, the scenario renamed, a bad ROI row, a roadmap. */
function theirs(): Backup {
  const backup = buildBackup([ANA, { ...BO, respondent: "Bo B." }, CY], {
    scenarios: [{ ...SCENARIO, name: "Fix measurement first" }],
    roi: [{ ...ROI_ENTRY, horizon: 2.5 } as RoiEntry],
    maturity: [],
    roadmaps: [
      {
        workflow: "Claims",
        startDate: "2026-05-04",
        sheetName: "AGAP Roadmap – Claims",
        tasks: [{ id: "foundation.outcome", owner: "Ana", status: "Done", doneDate: "2026-05-09" }],
      },
    ],
  });
  return backup;
}

function chooseBackup(text: string, name = "agap-backup-2026-11-24.json") {
  const file = new File([text], name, { type: "application/json" });
  fireEvent.change(screen.getByLabelText("Backup file"), { target: { files: [file] } });
}

const listItems = (name: string) =>
  within(screen.getByRole("list", { name }))
    .getAllByRole("listitem")
    .map((item) => item.textContent);

const choice = (label: string, option: "Keep mine" | "Take theirs") =>
  within(screen.getByRole("radiogroup", { name: label })).getByRole("radio", { name: option });

describe("importing a backup", () => {
  it("lists new, same, differing and refused records, and saves the user's choices only on import", async () => {
    const { storage, store, planningStore } = await seeded();
    const before = new Map(storage.data);
    const onImported = jest.fn();
    renderInPane(<ImportPanel store={store} planningStore={planningStore} onImported={onImported} />);
    chooseBackup(backupJson(theirs()));
    const heading = await screen.findByRole(
      "heading",
      { name: "Backup “agap-backup-2026-11-24.json”" },
      { timeout: 10_000 },
    );
    expect(heading).toHaveFocus();

    expect(listItems("What the file would change")).toEqual([
      "New here, to be added: 1 response, 1 roadmap.",
      "Already here and the same: 1 record.",
      "Here with other content: 2 records; choose below which to keep.",
      "Not imported: 1 record, listed below.",
    ]);
    expect(listItems("Records not imported")).toEqual([
      `ROI row 1 of the file (${ROI_ENTRY.metric}, ${ROI_ENTRY.workflow}): Horizon is 2.5, not a whole number of periods, 1 or more.`,
    ]);
    // One item per record; each holds its own list of what differs.
    const conflicts = Array.from(screen.getByRole("list", { name: "Records here with other content" }).children);
    expect(conflicts.map((item) => item.firstChild?.textContent)).toEqual([
      "Bo B.'s response for Claims, 2026-04-02",
      "Scenario “Fix measurement first”",
    ]);
    expect(conflicts[0]).toHaveTextContent("Respondent: mine “Bo”, theirs “Bo B.”");
    expect(conflicts[1]).toHaveTextContent("Name: mine “Fix measurement”, theirs “Fix measurement first”");

    // Mine is kept unless the user says otherwise.
    const bo = "Bo B.'s response for Claims, 2026-04-02";
    const scenario = "Scenario “Fix measurement first”";
    expect(choice(bo, "Keep mine")).toBeChecked();
    expect(choice(scenario, "Keep mine")).toBeChecked();
    expect(screen.getByRole("button", { name: "Import 2 records" })).toBeEnabled();
    fireEvent.click(screen.getByRole("button", { name: "Take theirs for all" }));
    expect(choice(bo, "Take theirs")).toBeChecked();
    expect(choice(scenario, "Take theirs")).toBeChecked();
    fireEvent.click(choice(scenario, "Keep mine"));
    expect(choice(scenario, "Keep mine")).toBeChecked();
    expect(choice(bo, "Take theirs")).toBeChecked();

    // Nothing is written before the import.
    expect(storage.data).toEqual(before);
    fireEvent.click(screen.getByRole("button", { name: "Import 3 records" }));
    await screen.findByText(
      "Imported: added 1 response, 1 roadmap; replaced 1 response with the file's; kept yours for 1 scenario.",
    );
    expect(onImported).toHaveBeenCalledTimes(1);
    const { responses } = await store.listResponses();
    expect(responses).toEqual([ANA, { ...BO, respondent: "Bo B." }, CY]);
    const planning = await planningStore.loadPlanning();
    expect(planning.scenarios).toEqual([SCENARIO]);
    expect(planning.roi).toEqual([]);
    expect(planning.roadmaps).toHaveLength(1);
    expect(planning.roadmaps[0].tasks[0]).toEqual({
      id: "foundation.outcome",
      owner: "Ana",
      status: "Done",
      doneDate: "2026-05-09",
    });

    // The same file again adds nothing; only the scenario kept as mine still differs.
    chooseBackup(backupJson(theirs()));
    await screen.findByRole("heading", { name: "Backup “agap-backup-2026-11-24.json”" }, { timeout: 10_000 });
    expect(listItems("What the file would change")).toEqual([
      "No record in the file is new here.",
      "Already here and the same: 4 records.",
      "Here with other content: 1 record; choose below which to keep.",
      "Not imported: 1 record, listed below.",
    ]);
    expect(
      screen.getByText(
        "Nothing to import: every record in the file that can be imported is already here, and you are keeping yours where the file differs.",
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Import" })).toBeDisabled();
    // Taking theirs for the one that differs would import it.
    fireEvent.click(choice(scenario, "Take theirs"));
    expect(screen.getByRole("button", { name: "Import 1 record" })).toBeEnabled();
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("heading", { name: /^Backup / })).toBeNull();
  });

  it("refuses a file from a newer version of AGAP, and a file that is not a backup, and changes nothing", async () => {
    const { storage, store, planningStore } = await seeded();
    const before = new Map(storage.data);
    renderInPane(<ImportPanel store={store} planningStore={planningStore} />);
    chooseBackup(JSON.stringify({ ...theirs(), version: 2 }));
    expect(
      await screen.findByRole("group", { name: "The file was not imported" }, { timeout: 10_000 }),
    ).toHaveTextContent(
      "The file was not imported This file was made by a newer version of AGAP (format version 2; this version reads version 1). Update AGAP to import it. Nothing was imported.",
    );
    chooseBackup("Timestamp,Name\r\n", "forms.csv");
    expect(await screen.findByText(/^The file is not valid JSON, so it is not an AGAP backup/)).toBeInTheDocument();
    expect(storage.data).toEqual(before);
  });

  it("offers to reload the pane when nothing told it how to read the records again", async () => {
    const { store, planningStore } = await seeded();
    renderInPane(<ImportPanel store={store} planningStore={planningStore} />);
    chooseBackup(backupJson(buildBackup([CY], { scenarios: [], roi: [], maturity: [], roadmaps: [] })));
    fireEvent.click(await screen.findByRole("button", { name: "Import 1 record" }, { timeout: 10_000 }));
    await screen.findByText("Imported: added 1 response.");
    expect(screen.getByText("The other tabs show the imported records once the pane is reloaded.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Reload now" })).toBeEnabled();
  });
});

describe("the export buttons", () => {
  const empty = { scenarios: [], roi: [], maturity: [], roadmaps: [], skipped: [] };

  it("say what each file holds, offer the backup, and show the import", async () => {
    const { store, planningStore } = await seeded();
    renderInPane(
      <ExportButtons
        responses={[ANA] as AssessmentResponse[]}
        planning={empty}
        store={store}
        planningStore={planningStore}
      />,
    );
    const group = screen.getByRole("group", { name: "Export" });
    expect(
      within(group)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Export .xlsx", "Export CSV", "Export JSON", "Export backup"]);
    expect(group).toHaveAccessibleDescription(
      "CSV and JSON hold the responses only. The .xlsx holds every record as sheets with live formulas, to open in Excel. The backup holds every record (responses, scenarios, ROI rows, maturity stages and roadmaps with their tasks) and is the file AGAP imports, here or in another browser.",
    );
    expect(await screen.findByRole("heading", { name: "Import" }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Import backup…" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Import survey responses…" })).toBeEnabled();
  });

  it("offer the backup when only planning records exist, and nothing when there is nothing", async () => {
    const { store, planningStore } = await seeded();
    const first = renderInPane(
      <ExportButtons
        responses={[]}
        planning={{ ...empty, scenarios: [SCENARIO] }}
        store={store}
        planningStore={planningStore}
      />,
    );
    expect(screen.getByRole("button", { name: "Export backup" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Export CSV" })).toBeDisabled();
    await screen.findByRole("heading", { name: "Import" }, { timeout: 10_000 });
    first.unmount();
    renderInPane(<ExportButtons responses={[]} planning={empty} store={store} planningStore={planningStore} />);
    expect(screen.getByRole("button", { name: "Export backup" })).toBeDisabled();
    await screen.findByRole("heading", { name: "Import" }, { timeout: 10_000 });
  });
});
