// One contract, two stores: the browser store and the Excel store (on the Office.js fake) keep the
// same records and give them back the same way. Every case runs against both.
import type { Scenario } from "../../src/model";
import { ExcelPlanningStore } from "../../src/workbook/excel-planning";
import { ExcelStore, type DraftSettings } from "../../src/workbook/excel-store";
import { LocalPlanningStore } from "../../src/workbook/local-planning";
import { QUARANTINE_KEY } from "../../src/workbook/local-safety";
import {
  STORE_QUOTA_CHARS,
  STORE_WARN_SHARE,
  StoreFullError,
  isQuotaError,
  spaceFigure,
  storeSpace,
} from "../../src/workbook/local-space";
import { LocalStore } from "../../src/workbook/local-store";
import type { PlanningStore } from "../../src/workbook/planning-store";
import type { AssessmentStore, Draft } from "../../src/workbook/store";
import { MATURITY, RESPONSES, ROI_ROWS } from "./consistency-fixture";
import { FakeWorkbook } from "./fake-excel";
import { fullableStorage, memoryStorage } from "./memory-storage";

/** Document settings as Office keeps them: values by name, saved on saveAsync. */
function memorySettings(): DraftSettings {
  const items = new Map<string, unknown>();
  return {
    get: (name) => items.get(name) ?? null,
    set: (name, value) => void items.set(name, value),
    remove: (name) => void items.delete(name),
    saveAsync: (callback) => callback({ status: "succeeded" } as unknown as Office.AsyncResult<void>),
  };
}

interface Stores {
  assessments: AssessmentStore;
  planning: PlanningStore;
}

const STORES: [string, () => Stores][] = [
  [
    "the browser store",
    () => {
      const storage = memoryStorage();
      return { assessments: new LocalStore(storage), planning: new LocalPlanningStore(storage) };
    },
  ],
  [
    "the Excel store",
    () => {
      const book = new FakeWorkbook();
      return {
        assessments: new ExcelStore({ run: book.run, settings: memorySettings() }),
        planning: new ExcelPlanningStore({ run: book.run }),
      };
    },
  ],
];

const scenario = (id: string, name: string, measurement: number): Scenario => ({
  id,
  name,
  workflow: "Claims",
  baseLabel: "assessment of Claims on 2026-04-02",
  baseScores: [0.8, 0.6, 0.5, 0.4, 0.5],
  scores: [0.8, 0.6, 0.5, measurement, 0.5],
});

// The Excel store reads the result codes from the Office global, as in Excel.
const globals = globalThis as { Office?: unknown };
beforeAll(() => (globals.Office = { AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" } }));
afterAll(() => delete globals.Office);

describe.each(STORES)("%s", (_name, make) => {
  let stores: Stores;
  beforeEach(() => (stores = make()));

  it("starts empty", async () => {
    expect(await stores.assessments.listResponses()).toEqual({ responses: [], skipped: [] });
    const planning = await stores.planning.loadPlanning();
    expect(planning).toEqual({ scenarios: [], roi: [], maturity: [], roadmaps: [], skipped: [] });
  });

  it("gives back every saved response as saved, in saved order", async () => {
    for (const response of RESPONSES) await stores.assessments.saveResponse(response);
    expect(await stores.assessments.listResponses()).toEqual({ responses: RESPONSES, skipped: [] });
  });

  it("updates a response saved again under its id, in place, without a second copy", async () => {
    for (const response of RESPONSES.slice(0, 3)) await stores.assessments.saveResponse(response);
    const changed = {
      ...RESPONSES[1],
      respondent: "Bo (corrected)",
      answers: { ...RESPONSES[1].answers, "adoption.stopped": 5 },
    };
    await stores.assessments.saveResponse(changed);
    expect((await stores.assessments.listResponses()).responses).toEqual([RESPONSES[0], changed, RESPONSES[2]]);
  });

  it("keeps a draft until it is cleared", async () => {
    const draft: Draft = {
      workflow: "Claims",
      respondent: "Ana",
      date: "2026-04-02",
      answers: { "strategy.outcome": 4 },
    };
    expect(await stores.assessments.loadDraft()).toBeNull();
    await stores.assessments.saveDraft(draft);
    expect(await stores.assessments.loadDraft()).toEqual(draft);
    await stores.assessments.saveDraft(null);
    expect(await stores.assessments.loadDraft()).toBeNull();
  });

  it("adds scenarios and replaces one saved again under its id", async () => {
    await stores.planning.saveScenario(scenario("s1", "Fix measurement", 0.7));
    await stores.planning.saveScenario(scenario("s2", "Fix it fully", 1));
    await stores.planning.saveScenario(scenario("s1", "Fix measurement (revised)", 0.8));
    expect((await stores.planning.loadPlanning()).scenarios).toEqual([
      scenario("s1", "Fix measurement (revised)", 0.8),
      scenario("s2", "Fix it fully", 1),
    ]);
  });

  it("adds ROI rows and replaces one saved again under its id", async () => {
    for (const entry of ROI_ROWS) await stores.planning.saveRoi(entry);
    const changed = { ...ROI_ROWS[0], current: 20, maintain: 650 };
    await stores.planning.saveRoi(changed);
    expect((await stores.planning.loadPlanning()).roi).toEqual([changed, ...ROI_ROWS.slice(1)]);
  });

  it("keeps one maturity record per workflow", async () => {
    for (const record of MATURITY) await stores.planning.saveMaturity(record);
    await stores.planning.saveMaturity({ workflow: "Claims", stage: 3, target: 5 });
    expect((await stores.planning.loadPlanning()).maturity).toEqual([
      { workflow: "Claims", stage: 3, target: 5 },
      MATURITY[1],
    ]);
  });

  it("records a roadmap with every task not started, under the name it returns", async () => {
    const name = await stores.planning.createRoadmap("Claims", "2026-05-04");
    const { roadmaps } = await stores.planning.loadPlanning();
    expect(roadmaps).toHaveLength(1);
    expect(roadmaps[0]).toMatchObject({ workflow: "Claims", startDate: "2026-05-04", sheetName: name });
    expect(roadmaps[0].tasks.length).toBeGreaterThan(10);
    expect(roadmaps[0].tasks.every((task) => task.status === "Not started" && task.owner === "")).toBe(true);
  });

  it("keeps names exactly as typed, case and formula-looking text included", async () => {
    const odd = [
      { ...RESPONSES[6], id: "odd-1", workflow: "=1+1", respondent: "+Ana" },
      { ...RESPONSES[6], id: "odd-2", workflow: "CLAIMS", respondent: "@bo" },
      { ...RESPONSES[6], id: "odd-3", workflow: "1/2", respondent: "-" },
    ];
    for (const response of odd) await stores.assessments.saveResponse(response);
    expect((await stores.assessments.listResponses()).responses).toEqual(odd);
  });

  it("refuses, with the same reason, a record its workbook reader would not read back", async () => {
    await expect(stores.planning.saveRoi({ ...ROI_ROWS[0], horizon: 2.5 })).rejects.toThrow(
      "Not saved to AGAP ROI: Horizon is 2.5, not a whole number of periods, 1 or more.",
    );
    await expect(stores.assessments.saveResponse({ ...RESPONSES[0], date: "2026-02-30" })).rejects.toThrow(
      /^Not saved to AGAP Assessments: the date is "2026-02-30", not a date\.$/,
    );
    expect((await stores.planning.loadPlanning()).roi).toEqual([]);
    expect((await stores.assessments.listResponses()).responses).toEqual([]);
  });

  it("deletes a response by id, keeps the others in order, and refuses an id it does not hold", async () => {
    for (const response of RESPONSES.slice(0, 4)) await stores.assessments.saveResponse(response);
    await stores.assessments.deleteResponse(RESPONSES[1].id);
    expect((await stores.assessments.listResponses()).responses).toEqual([RESPONSES[0], RESPONSES[2], RESPONSES[3]]);
    await expect(stores.assessments.deleteResponse("nobody")).rejects.toThrow(
      /no(?: saved)? response with the id "nobody"/,
    );
    // Undo is saving it again: it comes back with the same id.
    await stores.assessments.saveResponse(RESPONSES[1]);
    expect((await stores.assessments.listResponses()).responses.map((r) => r.id)).toEqual(
      [0, 2, 3, 1].map((i) => RESPONSES[i].id),
    );
  });

  it("deletes the last response, leaving none", async () => {
    await stores.assessments.saveResponse(RESPONSES[0]);
    await stores.assessments.deleteResponse(RESPONSES[0].id);
    expect((await stores.assessments.listResponses()).responses).toEqual([]);
  });

  it("renames and deletes scenarios and ROI rows", async () => {
    await stores.planning.saveScenario(scenario("s1", "First", 0.6));
    await stores.planning.saveScenario(scenario("s2", "Second", 0.7));
    await stores.planning.saveScenario(scenario("s1", "First, renamed", 0.6));
    await stores.planning.deleteScenario("s2");
    expect((await stores.planning.loadPlanning()).scenarios).toEqual([scenario("s1", "First, renamed", 0.6)]);
    await expect(stores.planning.deleteScenario("s2")).rejects.toThrow(/no scenario with the id "s2"/);

    for (const entry of ROI_ROWS) await stores.planning.saveRoi(entry);
    await stores.planning.saveRoi({ ...ROI_ROWS[1], metric: "Invoices per clerk" });
    await stores.planning.deleteRoi(ROI_ROWS[0].id);
    expect((await stores.planning.loadPlanning()).roi).toEqual([
      { ...ROI_ROWS[1], metric: "Invoices per clerk" },
      ROI_ROWS[2],
    ]);
    await expect(stores.planning.deleteRoi("none")).rejects.toThrow(/no ROI row with the id "none"/);
  });

  it("keeps task owners, statuses and done dates, regenerates and deletes a roadmap", async () => {
    const name = await stores.planning.createRoadmap("Claims", "2026-05-04");
    const [first, second] = (await stores.planning.loadPlanning()).roadmaps[0].tasks;
    const edited = [
      { ...first, owner: "Ana", status: "Done" as const, doneDate: "2026-05-20" },
      { ...second, owner: "=Bo", status: "In progress" as const },
    ];
    await stores.planning.saveRoadmapTasks(name, edited);
    const tasks = (await stores.planning.loadPlanning()).roadmaps[0].tasks;
    expect(tasks.slice(0, 2)).toEqual(edited);
    expect(tasks.slice(2).every((task) => task.status === "Not started")).toBe(true);
    await expect(stores.planning.saveRoadmapTasks(name, [{ ...first, status: "Later" as never }])).rejects.toThrow(
      /Status is "Later"/,
    );

    await stores.planning.deleteRoadmap(name);
    expect((await stores.planning.loadPlanning()).roadmaps).toEqual([]);
    const again = await stores.planning.createRoadmap("Claims", "2026-06-01");
    const regenerated = (await stores.planning.loadPlanning()).roadmaps;
    expect(regenerated).toHaveLength(1);
    expect(regenerated[0]).toMatchObject({ sheetName: again, startDate: "2026-06-01" });
    await expect(stores.planning.deleteRoadmap("AGAP Roadmap – nobody")).rejects.toThrow(/roadmap/);
  });
});

// The browser store alone has a quota: a write past it is refused, and it must cost nothing saved.
describe("the browser store when the browser's storage is full", () => {
  let storage: ReturnType<typeof fullableStorage>;
  let assessments: LocalStore;
  let planning: LocalPlanningStore;
  beforeEach(() => {
    storage = fullableStorage();
    assessments = new LocalStore(storage);
    planning = new LocalPlanningStore(storage);
  });

  /** Every stored value, to compare before and after a refused write. */
  const stored = () => new Map(storage.map);

  const FULL =
    /^This browser's storage for AGAP is full, so this change was not saved \(AGAP's data fills \d+\.\d MB of about 5 MB this browser allows\)\. Everything saved before is kept/;

  it("refuses a response with a specific error, keeps every saved one, and saves it on a retry once space is freed", async () => {
    for (const response of RESPONSES.slice(0, 3)) await assessments.saveResponse(response);
    const before = stored();
    storage.full = true;
    const attempt = assessments.saveResponse(RESPONSES[3]);
    await expect(attempt).rejects.toBeInstanceOf(StoreFullError);
    await expect(assessments.saveResponse(RESPONSES[3])).rejects.toThrow(FULL);
    expect(storage.refused).toBe(2);
    expect(stored()).toEqual(before);
    expect((await assessments.listResponses()).responses).toEqual(RESPONSES.slice(0, 3));

    // A correction of a saved response is refused the same way and leaves the saved one as it was.
    await expect(assessments.saveResponse({ ...RESPONSES[1], respondent: "Bo (corrected)" })).rejects.toThrow(FULL);
    expect((await assessments.listResponses()).responses).toEqual(RESPONSES.slice(0, 3));

    storage.full = false;
    await assessments.saveResponse(RESPONSES[3]);
    expect((await assessments.listResponses()).responses).toEqual(RESPONSES.slice(0, 4));
  });

  it("refuses a draft with a specific error, keeps the draft saved before, and saves it on a retry", async () => {
    const draft: Draft = {
      workflow: "Claims",
      respondent: "Ana",
      date: "2026-04-02",
      answers: { "strategy.outcome": 4 },
    };
    await assessments.saveDraft(draft);
    await assessments.saveResponse(RESPONSES[0]);
    const before = stored();
    storage.full = true;
    const next = { ...draft, answers: { ...draft.answers, "strategy.owner": 3 } };
    await expect(assessments.saveDraft(next)).rejects.toThrow(FULL);
    expect(stored()).toEqual(before);
    expect(await assessments.loadDraft()).toEqual(draft);

    storage.full = false;
    await assessments.saveDraft(next);
    expect(await assessments.loadDraft()).toEqual(next);
    expect((await assessments.listResponses()).responses).toEqual([RESPONSES[0]]);
  });

  it("refuses every planning save with a specific error, keeps the planning saved before, and saves on a retry", async () => {
    await planning.saveScenario(scenario("s1", "First", 0.6));
    await planning.saveRoi(ROI_ROWS[0]);
    await planning.saveMaturity(MATURITY[0]);
    const roadmap = await planning.createRoadmap("Claims", "2026-05-04");
    const before = stored();
    const saved = await planning.loadPlanning();
    const [task] = saved.roadmaps[0].tasks;
    storage.full = true;

    const writes: [string, () => Promise<unknown>][] = [
      ["a scenario", () => planning.saveScenario(scenario("s2", "Second", 0.7))],
      ["an ROI row", () => planning.saveRoi(ROI_ROWS[1])],
      ["a maturity stage", () => planning.saveMaturity({ workflow: "Claims", stage: 3, target: 5 })],
      ["a roadmap", () => planning.createRoadmap("Invoice triage", "2026-05-04")],
      ["roadmap tasks", () => planning.saveRoadmapTasks(roadmap, [{ ...task, owner: "Ana", status: "In progress" }])],
    ];
    for (const [what, write] of writes) {
      await expect(write()).rejects.toThrow(FULL);
      expect([what, stored()]).toEqual([what, before]);
    }
    expect(await planning.loadPlanning()).toEqual(saved);

    storage.full = false;
    for (const [, write] of writes) await write();
    const after = await planning.loadPlanning();
    expect(after.scenarios.map((s) => s.id)).toEqual(["s1", "s2"]);
    expect(after.roi).toEqual([ROI_ROWS[0], ROI_ROWS[1]]);
    expect(after.maturity).toEqual([{ workflow: "Claims", stage: 3, target: 5 }]);
    expect(after.roadmaps.map((r) => r.workflow)).toEqual(["Claims", "Invoice triage"]);
    expect(after.roadmaps[0].tasks[0]).toEqual({ ...task, owner: "Ana", status: "In progress" });
  });

  it("shows the usable records, and keeps damaged data under its own key, when there is no room to set it aside", async () => {
    storage.map.set("agap.responses", JSON.stringify([RESPONSES[0], { id: 3 }]));
    storage.map.set("agap.planning", JSON.stringify({ scenarios: [{ id: "s" }], maturity: [MATURITY[0]] }));
    const before = stored();
    storage.full = true;
    // Shown: the usable records, and what could not be read; nothing is written.
    expect(await assessments.listResponses()).toEqual({
      responses: [RESPONSES[0]],
      skipped: [{ row: 1, problem: expect.stringMatching(/^responses item 2: /) }],
    });
    expect((await planning.loadPlanning()).maturity).toEqual([MATURITY[0]]);
    expect(stored()).toEqual(before);
    // Written: refused, so the damaged text is never replaced before it is set aside.
    await expect(assessments.saveResponse(RESPONSES[1])).rejects.toThrow(FULL);
    await expect(planning.saveMaturity(MATURITY[1])).rejects.toThrow(FULL);
    expect(stored()).toEqual(before);
    storage.full = false;
    await assessments.saveResponse(RESPONSES[1]);
    expect((await assessments.listResponses()).responses).toEqual([RESPONSES[0], RESPONSES[1]]);
    expect(storage.map.get("agap.damaged")).toContain('{\\"id\\":3}');
    await planning.saveMaturity(MATURITY[1]);
    expect((await planning.loadPlanning()).maturity).toEqual(MATURITY.slice(0, 2));
    expect(storage.map.get("agap.damaged")).toContain('\\"scenarios\\":[{\\"id\\":\\"s\\"}]');
  });

  it("knows a quota error by its name or by the older codes, and nothing else", () => {
    expect(isQuotaError(new DOMException("full", "QuotaExceededError"))).toBe(true);
    expect(isQuotaError({ name: "NS_ERROR_DOM_QUOTA_REACHED" })).toBe(true);
    expect(isQuotaError({ name: "Error", code: 22 })).toBe(true);
    expect(isQuotaError({ name: "Error", code: 1014 })).toBe(true);
    expect(isQuotaError(new DOMException("no", "SecurityError"))).toBe(false);
    expect(isQuotaError(new Error("QuotaExceededError"))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it("measures the characters AGAP's keys hold against the quota, and warns from the chosen share", () => {
    expect(QUARANTINE_KEY).toBe("agap.damaged");
    storage.map.set("agap.responses", "x".repeat(1000));
    storage.map.set("agap.damaged", "y".repeat(10));
    storage.map.set("someone.else", "z".repeat(10_000));
    expect(storeSpace(storage)).toEqual({
      used: "agap.responses".length + 1000 + "agap.damaged".length + 10,
      quota: STORE_QUOTA_CHARS,
      nearlyFull: false,
    });
    const warnAt = STORE_WARN_SHARE * STORE_QUOTA_CHARS;
    storage.map.set("agap.responses", "x".repeat(warnAt - "agap.responses".length - "agap.damaged".length - 11));
    expect(storeSpace(storage).nearlyFull).toBe(false);
    storage.map.set("agap.responses", "x".repeat(warnAt - "agap.responses".length - "agap.damaged".length - 10));
    expect(storeSpace(storage).nearlyFull).toBe(true);
    expect(spaceFigure(storeSpace(storage))).toBe("AGAP's data fills 4.0 MB of about 5 MB this browser allows");
  });
});
