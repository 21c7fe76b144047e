import { ROADMAP_TASKS, type RoiEntry, type Scenario } from "../../src/model";
import { damagedCopies } from "../../src/workbook/local-safety";
import { LocalPlanningStore } from "../../src/workbook/local-planning";
import { PLANNING_KEY } from "../../src/workbook/planning-store";
import { memoryStorage } from "./memory-storage";

const scenario: Scenario = {
  id: "s-1",
  name: '=HYPERLINK("x")',
  workflow: "Invoice triage",
  baseLabel: "typed scores",
  baseScores: [0.8, 0.6, 0.5, 0.4, 0.5],
  scores: [0.8, 0.6, 0.5, 0.7, 0.5],
};

const entry: RoiEntry = {
  id: "roi-1",
  workflow: "Invoice triage",
  metric: "Hours",
  unit: "h",
  direction: "lower",
  baseline: 40,
  baselineDate: "2026-01-10",
  goLiveDate: "",
  current: null,
  valuePerUnit: null,
  build: null,
  integrate: null,
  govern: null,
  maintain: null,
  periods: null,
  horizon: null,
  discountRate: null,
  expectedValue: null,
};

describe("LocalPlanningStore", () => {
  it("starts empty and round-trips scenarios, ROI rows and maturity, replacing by id or workflow", async () => {
    const storage = memoryStorage();
    const store = new LocalPlanningStore(storage);
    await expect(store.loadPlanning()).resolves.toEqual({
      scenarios: [],
      roi: [],
      maturity: [],
      roadmaps: [],
      skipped: [],
    });
    await store.saveScenario(scenario);
    await store.saveScenario({ ...scenario, id: "s-2" });
    await store.saveScenario({ ...scenario, name: "renamed" });
    await store.saveRoi(entry);
    await store.saveRoi({ ...entry, current: 25 });
    await store.saveMaturity({ workflow: "Invoice triage", stage: 2, target: 4 });
    await store.saveMaturity({ workflow: "Invoice triage", stage: 3, target: 4 });
    const data = await store.loadPlanning();
    expect(data.scenarios).toEqual([
      { ...scenario, name: "renamed" },
      { ...scenario, id: "s-2" },
    ]);
    expect(data.roi).toEqual([{ ...entry, current: 25 }]);
    expect(data.maturity).toEqual([{ workflow: "Invoice triage", stage: 3, target: 4 }]);
    expect(JSON.parse(storage.map.get(PLANNING_KEY)!).scenarios).toHaveLength(2);
  });

  it("records a roadmap with every task not started, under the name its sheet would get", async () => {
    const store = new LocalPlanningStore(memoryStorage());
    const name = await store.createRoadmap("Invoice triage", "2026-01-05");
    const again = await store.createRoadmap("Invoice triage", "2026-04-01");
    expect(name).toBe("AGAP Roadmap – Invoice triage");
    expect(again).toBe("AGAP Roadmap – Invoice tria (2)"); // 31 characters, suffix included
    const long = await store.createRoadmap("Accounts payable: vendor [EU] onboarding?", "2026-01-05");
    expect(long).toBe("AGAP Roadmap – Accounts payable");
    const { roadmaps } = await store.loadPlanning();
    expect(roadmaps[0]).toEqual({
      workflow: "Invoice triage",
      startDate: "2026-01-05",
      sheetName: name,
      tasks: ROADMAP_TASKS.map((task) => ({ id: task.id, owner: "", status: "Not started", doneDate: "" })),
    });
    expect(roadmaps.map((r) => r.sheetName)).toEqual([name, again, long]);
  });

  it("refuses a start date that is not a date and a blank workflow", async () => {
    const storage = memoryStorage();
    const store = new LocalPlanningStore(storage);
    await expect(store.createRoadmap("x", "2026-13-01")).rejects.toThrow(/not a YYYY-MM-DD date/);
    await expect(store.createRoadmap(" ", "2026-01-01")).rejects.toThrow(/Name the workflow/);
    expect(storage.map.size).toBe(0);
  });

  it("starts from what it can read when the stored data is damaged, keeping the damaged text aside", async () => {
    const storage = memoryStorage();
    storage.setItem(PLANNING_KEY, "{not json");
    const read = await new LocalPlanningStore(storage).loadPlanning();
    expect(read).toMatchObject({ scenarios: [], roi: [], maturity: [], roadmaps: [] });
    expect(read.skipped).toEqual([
      { sheet: "this browser", row: 1, problem: expect.stringMatching(/^it is not readable JSON/) },
    ]);
    expect(damagedCopies(storage)).toEqual([{ key: PLANNING_KEY, text: "{not json", problems: expect.any(Array) }]);
    // A save now starts from the sound data; the damaged text stays kept.
    storage.setItem(PLANNING_KEY, JSON.stringify({ scenarios: "nope" }));
    await new LocalPlanningStore(storage).saveScenario(scenario);
    expect((await new LocalPlanningStore(storage).loadPlanning()).scenarios).toEqual([scenario]);
    expect(damagedCopies(storage).map((copy) => copy.text)).toEqual([
      "{not json",
      JSON.stringify({ scenarios: "nope" }),
    ]);
  });
});
