// The complete backup: built from what the stores hold, read back with every record checked as the
// stores check it, and merged by id into the browser store and the Excel store alike.
import { STATEMENTS, type AssessmentResponse, type Scenario } from "../../src/model";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  applyMerge,
  backupJson,
  buildBackup,
  entryId,
  parseBackup,
  planMerge,
  type Backup,
  type BackupRecords,
  type ImportStores,
  type MergeEntry,
} from "../../src/workbook/backup";
import { ExcelPlanningStore } from "../../src/workbook/excel-planning";
import { ExcelStore, type DraftSettings } from "../../src/workbook/excel-store";
import { toJson } from "../../src/workbook/export-text";
import { LocalPlanningStore } from "../../src/workbook/local-planning";
import { LocalStore, type KeyValueStorage } from "../../src/workbook/local-store";
import { MATURITY, RESPONSES, ROI_ROWS } from "./consistency-fixture";
import { FakeWorkbook } from "./fake-excel";

function memoryStorage(): KeyValueStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

function memorySettings(): DraftSettings {
  const items = new Map<string, unknown>();
  return {
    get: (name) => items.get(name) ?? null,
    set: (name, value) => void items.set(name, value),
    remove: (name) => void items.delete(name),
    saveAsync: (callback) => callback({ status: "succeeded" } as unknown as Office.AsyncResult<void>),
  };
}

const STORES: [string, () => ImportStores][] = [
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

const globals = globalThis as { Office?: unknown };
beforeAll(() => (globals.Office = { AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" } }));
afterAll(() => delete globals.Office);

const scenario = (id: string, name: string, measurement: number): Scenario => ({
  id,
  name,
  workflow: "Claims",
  baseLabel: "Claims, 2026-04-02 (team mean)",
  baseScores: [0.8, 0.6, 0.5, 0.4, 0.5],
  scores: [0.8, 0.6, 0.5, measurement, 0.5],
});
const SCENARIOS = [scenario("s-1", "Fix measurement", 0.7), scenario("s-2", "Measurement fully", 1)];
const RECORDS = RESPONSES.slice(0, 6);

/** Fills a store with responses, scenarios, ROI rows, maturity and one roadmap with tasks filled in. */
async function fill(stores: ImportStores): Promise<string> {
  for (const response of RECORDS) await stores.assessments.saveResponse(response);
  for (const s of SCENARIOS) await stores.planning.saveScenario(s);
  for (const entry of ROI_ROWS) await stores.planning.saveRoi(entry);
  for (const record of MATURITY) await stores.planning.saveMaturity(record);
  const sheet = await stores.planning.createRoadmap("Claims", "2026-05-04");
  const [first, second, third] = (await stores.planning.loadPlanning()).roadmaps[0].tasks;
  await stores.planning.saveRoadmapTasks(sheet, [
    { ...first, owner: "Ana", status: "Done", doneDate: "2026-05-09" },
    { ...second, owner: "=Bo", status: "In progress" },
    { ...third, status: "Blocked" },
  ]);
  return sheet;
}

async function backupOf(stores: ImportStores): Promise<Backup> {
  const { responses } = await stores.assessments.listResponses();
  return buildBackup(responses, await stores.planning.loadPlanning());
}

async function contents(stores: ImportStores) {
  const { responses } = await stores.assessments.listResponses();
  const { scenarios, roi, maturity, roadmaps } = await stores.planning.loadPlanning();
  return { responses, scenarios, roi, maturity, roadmaps };
}

function read(text: string) {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(result.problem);
  return result;
}

async function importInto(stores: ImportStores, text: string, choose: (entry: MergeEntry) => "mine" | "theirs") {
  const file = read(text);
  const mine = await contents(stores);
  const plan = planMerge(file.records, { responses: mine.responses, planning: mine }, file.rejected);
  const outcome = await applyMerge(plan, choose, stores);
  return { plan, outcome };
}

const keepMine = () => "mine" as const;

describe("buildBackup", () => {
  it("holds every kind of record and the format version, with no timestamp, the same file for the same records", () => {
    const roadmap = {
      workflow: "Claims",
      startDate: "2026-05-04",
      sheetName: "AGAP Roadmap – Claims",
      // A roadmap kept before done dates were recorded: the backup writes "".
      tasks: [{ id: "foundation.outcome", owner: "Ana", status: "Done" as const } as never],
    };
    const planning = { scenarios: SCENARIOS, roi: ROI_ROWS, maturity: MATURITY, roadmaps: [roadmap] };
    const backup = buildBackup(RECORDS, planning);
    expect(backup.format).toBe(BACKUP_FORMAT);
    expect(backup.version).toBe(BACKUP_VERSION);
    expect(backup.responses).toEqual(RECORDS);
    expect(backup.scenarios).toEqual(SCENARIOS);
    expect(backup.roi).toEqual(ROI_ROWS);
    expect(backup.maturity).toEqual(MATURITY);
    expect(backup.roadmaps).toEqual([
      { ...roadmap, tasks: [{ id: "foundation.outcome", owner: "Ana", status: "Done", doneDate: "" }] },
    ]);
    expect(backupJson(backup)).toBe(backupJson(buildBackup(RECORDS, planning)));
    expect(backupJson(backup)).toMatch(/^\{\n {2}"format": "agap-backup",\n {2}"version": 1,/);
  });
});

describe("parseBackup refuses a file of the wrong shape, saying what is wrong", () => {
  it.each([
    [
      "not JSON",
      "{ format: agap",
      /^The file is not valid JSON, so it is not an AGAP backup \(.+\)\. Nothing was imported\.$/,
    ],
    [
      "a list",
      "[1, 2]",
      /^The file holds JSON, but not an AGAP backup: a backup is an object with "format": "agap-backup"\./,
    ],
    [
      "no format",
      '{"version": 1}',
      /^The file is not an AGAP backup: its "format" is missing, where a backup has "agap-backup"\./,
    ],
    ["another format", '{"format": "forms", "version": 1}', /its "format" is "forms"/],
    [
      "a version in words",
      '{"format": "agap-backup", "version": "one"}',
      /^The file's "version" is "one", not a format version/,
    ],
    ["a fraction of a version", '{"format": "agap-backup", "version": 1.5}', /"version" is 1\.5, not a format version/],
    [
      "a list that is not a list",
      '{"format": "agap-backup", "version": 1, "scenarios": {"s": 1}}',
      /^The backup's "scenarios" is \{"s":1\}, not a list of records\. Nothing was imported\.$/,
    ],
  ])("%s", (_what, text, message) => {
    const result = parseBackup(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(message);
  });

  it("refuses a file from a newer format version, naming both versions", () => {
    const newer = { ...buildBackup(RECORDS, { scenarios: [], roi: [], maturity: [], roadmaps: [] }), version: 2 };
    expect(parseBackup(JSON.stringify(newer))).toEqual({
      ok: false,
      problem:
        "This file was made by a newer version of AGAP (format version 2; this version reads version 1). " +
        "Update AGAP to import it. Nothing was imported.",
    });
  });

  it("reads a file with a byte-order mark", () => {
    const text = "\uFEFF" + backupJson(buildBackup(RECORDS, { scenarios: [], roi: [], maturity: [], roadmaps: [] }));
    expect(read(text).records.responses).toEqual(RECORDS);
  });

  it("reads the responses-only JSON export as a file of responses, leaving its computed results out", () => {
    const file = read(toJson(RECORDS));
    expect(file.source).toBe("responses");
    expect(file.records.responses).toEqual(RECORDS);
    expect(file.rejected).toEqual([]);
  });
});

describe("parseBackup lists each record it will not import, with the reason", () => {
  const base = buildBackup(RECORDS.slice(0, 2), {
    scenarios: SCENARIOS.slice(0, 1),
    roi: ROI_ROWS.slice(0, 1),
    maturity: MATURITY.slice(0, 1),
    roadmaps: [],
  });
  const [ana] = base.responses;
  const doc = {
    ...base,
    responses: [
      ana,
      { ...ana, id: "r-7", answers: { ...ana.answers, "strategy.sponsor": 7 } },
      { ...ana, id: "r-old", answers: { ...ana.answers, "strategy.retired": 3 } },
      { ...ana, id: "r-text", answers: { ...ana.answers, "workflow.finishes": "4" } },
      { ...ana, id: "r-blank", workflow: "  " },
      { ...ana, id: "r-date", date: "2026-02-30" },
      { ...ana, respondent: "Ana again" },
      { ...ana, id: "r-control", respondent: "Ana\u0007" },
      { ...ana, id: 12 },
      "a sentence",
    ],
    scenarios: [
      { ...SCENARIOS[0], scores: [0.8, 0.6, 0.5, 0.4] },
      { ...SCENARIOS[1], scores: [0.8, 0.6, 0.5, 1.4, 0.5] },
    ],
    roi: [
      { ...ROI_ROWS[0], horizon: 2.5 },
      { ...ROI_ROWS[1], direction: "up" },
      { ...ROI_ROWS[2], build: "900" },
    ],
    maturity: [
      { workflow: "Claims", stage: 6, target: 4 },
      MATURITY[1],
      { workflow: "Invoice triage", stage: 1, target: 2 },
    ],
    roadmaps: [
      {
        workflow: "Claims",
        startDate: "2026-05-04",
        sheetName: "AGAP Roadmap – Claims",
        tasks: [
          { id: "foundation.outcome", owner: "Ana", status: "Done", doneDate: "2026-05-09" },
          { id: "foundation.owner", owner: "", status: "Later", doneDate: "" },
          { id: "sheet-row-23", owner: "Bo", status: "Not started", doneDate: "" },
        ],
      },
      { workflow: "Claims", startDate: "2026-13-01", sheetName: "", tasks: [] },
    ],
  };
  const file = read(JSON.stringify(doc));

  it("imports the records that pass", () => {
    expect(file.records.responses.map((r) => r.id)).toEqual([ana.id]);
    expect(file.records.scenarios).toEqual([]);
    expect(file.records.roi).toEqual([]);
    expect(file.records.maturity).toEqual([MATURITY[1]]);
    expect(file.records.roadmaps).toEqual([
      {
        workflow: "Claims",
        startDate: "2026-05-04",
        sheetName: "AGAP Roadmap – Claims",
        tasks: [{ id: "foundation.outcome", owner: "Ana", status: "Done", doneDate: "2026-05-09" }],
      },
    ]);
  });

  it("gives every other one a specific reason, in the file's order", () => {
    expect(file.rejected.map((r) => `${r.kind} ${r.index}: ${r.reason}`)).toEqual([
      'response 2: Strategy 2 is "7", not a whole number from 0 to 5',
      `response 3: it answers "strategy.retired", which is not one of AGAP's ${STATEMENTS.length} statements`,
      'response 4: its answer to Workflow 2 is "4", not a number',
      "response 5: the workflow is blank",
      'response 6: its date "2026-02-30" is not a YYYY-MM-DD date',
      "response 7: its id repeats response 1 of the file",
      "response 8: its respondent holds a control character, which a workbook cannot store",
      "response 9: its id is 12, not text",
      'response 10: it is "a sentence", not a record',
      "scenario 1: its scores are [0.8,0.6,0.5,0.4], not 5 numbers, one per layer",
      "scenario 2: Measurement score is 1.4, not a number from 0 to 1 (0% to 100%)",
      "roi 1: Horizon is 2.5, not a whole number of periods, 1 or more",
      'roi 2: its direction is "up"; use "lower" or "higher"',
      'roi 3: its build cost is "900", not a number',
      "maturity 1: its stage is 6, not a whole stage from 1 to 5",
      "maturity 3: its workflow repeats maturity stage 2 of the file",
      'roadmap 1: task 2: Status is "Later"; choose one of Not started,In progress,Done,Blocked; the roadmap\'s other tasks are imported',
      'roadmap 1: task 3: "sheet-row-23" is not one of the 15 roadmap tasks; the roadmap\'s other tasks are imported',
      'roadmap 2: its start date "2026-13-01" is not a YYYY-MM-DD date',
    ]);
  });

  it("labels each record so a person can find it", () => {
    const labels = Object.fromEntries(file.rejected.map((r) => [`${r.kind} ${r.index}`, r.label]));
    expect(labels["response 2"]).toBe("Response 2 of the file (Ana, Claims)");
    expect(labels["response 10"]).toBe("Response 10 of the file");
    expect(labels["roi 1"]).toBe(`ROI row 1 of the file (${ROI_ROWS[0].metric}, Claims)`);
    expect(labels["roadmap 1"]).toBe("Roadmap of Claims from 2026-05-04");
  });
});

describe('keys "__proto__", "constructor" and "prototype" never reach a prototype', () => {
  const text = `{
    "format": "agap-backup",
    "version": 1,
    "responses": [
      {
        "id": "r-1", "workflow": "Claims", "respondent": "Ana", "date": "2026-01-10",
        "answers": { "__proto__": { "polluted": "answers" }, "strategy.outcome": 4 }
      }
    ]
  }`;

  it("refuses the whole file before it is parsed, naming the field and its line", () => {
    expect(parseBackup(text)).toEqual({
      ok: false,
      problem:
        'The file has a field named "__proto__" (line 7). AGAP never writes a field of that name, and a file uses ' +
        "it to reach into the objects a program builds from it, so the file is not read. Nothing was imported.",
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('finds "constructor" and "prototype" too, and a key spelled with escapes', () => {
    const read = parseBackup(
      '{"format":"agap-backup","version":1,\n"constructor":{"prototype":{"polluted":1}},\n"__proto\\u005f_":{}}',
    );
    expect(read.ok ? "" : read.problem).toMatch(
      /^The file has a field named "constructor" \(line 2\), "prototype" \(line 2\), "__proto__" \(line 3\)\. /,
    );
  });

  it("reads text values that happen to say __proto__ as the text they are", () => {
    const file = read(
      '{"format":"agap-backup","version":1,"responses":[' +
        '{"id":"r-1","workflow":"__proto__","respondent":"constructor","date":"2026-01-10","answers":{"strategy.outcome":4}}]}',
    );
    expect(file.records.responses).toEqual([
      {
        id: "r-1",
        workflow: "__proto__",
        respondent: "constructor",
        date: "2026-01-10",
        answers: { "strategy.outcome": 4 },
      },
    ]);
    expect(Object.getPrototypeOf(file.records.responses[0])).toBe(Object.prototype);
  });
});

describe.each(STORES)("exported from %s", (_from, makeSource) => {
  describe.each(STORES)("imported into %s", (_into, makeTarget) => {
    let text: string;
    let original: Awaited<ReturnType<typeof contents>>;
    beforeEach(async () => {
      const source = makeSource();
      await fill(source);
      text = backupJson(await backupOf(source));
      original = await contents(source);
    });

    it("brings every record into an empty store, and a second import adds nothing", async () => {
      const target = makeTarget();
      const first = await importInto(target, text, keepMine);
      expect(first.plan.conflicts).toEqual([]);
      expect(first.plan.rejected).toEqual([]);
      expect(first.outcome.failed).toEqual([]);
      expect(first.outcome.added).toHaveLength(
        RECORDS.length + SCENARIOS.length + ROI_ROWS.length + MATURITY.length + 1,
      );
      const imported = await contents(target);
      expect(imported).toEqual(original);
      expect(imported.roadmaps[0].tasks.slice(0, 3)).toEqual([
        expect.objectContaining({ owner: "Ana", status: "Done", doneDate: "2026-05-09" }),
        expect.objectContaining({ owner: "=Bo", status: "In progress", doneDate: "" }),
        expect.objectContaining({ owner: "", status: "Blocked" }),
      ]);

      const second = await importInto(target, text, () => "theirs");
      expect(second.plan.additions).toEqual([]);
      expect(second.plan.conflicts).toEqual([]);
      expect(second.plan.unchanged).toHaveLength(first.outcome.added.length);
      expect(second.outcome).toEqual({ added: [], replaced: [], kept: [], failed: [] });
      expect(await contents(target)).toEqual(original);
    });
  });
});

describe.each(STORES)("merging into %s", (_name, make) => {
  let stores: ImportStores;
  let sheet: string;
  beforeEach(async () => {
    stores = make();
    sheet = await fill(stores);
  });

  /** The backup of these stores, changed as a colleague's copy would be. */
  async function theirs(change: (records: BackupRecords) => void): Promise<string> {
    const backup = await backupOf(stores);
    change(backup);
    return backupJson(backup);
  }

  it("adds records with new ids, lists records with the same id and other content, and keeps the rest", async () => {
    const newcomer: AssessmentResponse = { ...RECORDS[0], id: "from-home", respondent: "Dee" };
    const text = await theirs((records) => {
      records.responses[1] = { ...records.responses[1], respondent: "Bo (corrected)" };
      records.responses[2] = {
        ...records.responses[2],
        answers: { ...records.responses[2].answers, "strategy.outcome": 0 },
      };
      records.responses.push(newcomer);
      records.scenarios[0] = { ...records.scenarios[0], name: "Fix measurement first" };
      records.roi[1] = { ...records.roi[1], current: 20 };
      records.maturity[0] = { ...records.maturity[0], stage: 3 };
      records.roadmaps[0].tasks[3] = {
        ...records.roadmaps[0].tasks[3],
        owner: "Cy",
        status: "Done",
        doneDate: "2026-05-30",
      };
    });
    const file = read(text);
    const mine = await contents(stores);
    const plan = planMerge(file.records, { responses: mine.responses, planning: mine });
    expect(plan.additions.map((entry) => entry.label)).toEqual(["Dee's response for Claims, 2026-01-10"]);
    expect(plan.conflicts.map((entry) => [entry.label, entry.changes])).toEqual([
      ["Bo (corrected)'s response for Claims, 2026-01-10", ["Respondent: mine “Bo”, theirs “Bo (corrected)”"]],
      [
        "Cy's response for Claims, 2026-01-10",
        [`Strategy 1: mine ${RECORDS[2].answers["strategy.outcome"]}, theirs 0`],
      ],
      ["Scenario “Fix measurement first”", ["Name: mine “Fix measurement”, theirs “Fix measurement first”"]],
      [`ROI row “${ROI_ROWS[1].metric}” of Invoice triage`, [`Current value: mine ${ROI_ROWS[1].current}, theirs 20`]],
      ["Maturity stage of Claims", ["Stage: mine 2, theirs 3"]],
      [
        "Roadmap of Claims from 2026-05-04",
        [
          "“Measure the workflow as it runs today, before the agent goes live.”: owner: mine blank, theirs “Cy”; " +
            "status: mine “Not started”, theirs “Done”; done date: mine blank, theirs “2026-05-30”",
        ],
      ],
    ]);
    expect(plan.unchanged).toHaveLength(RECORDS.length - 2 + 1 + 2 + 1);

    // Theirs for Bo and for the roadmap; mine for the others.
    const take = new Set([entryId(plan.conflicts[0]), entryId(plan.conflicts[5])]);
    const outcome = await applyMerge(plan, (entry) => (take.has(entryId(entry)) ? "theirs" : "mine"), stores);
    expect(outcome.failed).toEqual([]);
    expect(outcome.added.map((entry) => entry.key)).toEqual(["from-home"]);
    expect(outcome.replaced.map((entry) => entry.kind)).toEqual(["response", "roadmap"]);
    expect(outcome.kept.map((entry) => entry.kind)).toEqual(["response", "scenario", "roi", "maturity"]);

    const after = await contents(stores);
    expect(after.responses).toEqual([
      RECORDS[0],
      { ...RECORDS[1], respondent: "Bo (corrected)" },
      ...RECORDS.slice(2),
      newcomer,
    ]);
    expect(after.scenarios).toEqual(mine.scenarios);
    expect(after.roi).toEqual(mine.roi);
    expect(after.maturity).toEqual(mine.maturity);
    expect(after.roadmaps).toHaveLength(1);
    expect(after.roadmaps[0].sheetName).toBe(sheet);
    expect(after.roadmaps[0].tasks[3]).toEqual({
      id: "foundation.baseline",
      owner: "Cy",
      status: "Done",
      doneDate: "2026-05-30",
    });
    expect(after.roadmaps[0].tasks.slice(0, 3)).toEqual(mine.roadmaps[0].tasks.slice(0, 3));

    // The same file again: only the conflicts where mine was kept remain; nothing is added.
    const again = planMerge(file.records, { responses: after.responses, planning: after });
    expect(again.additions).toEqual([]);
    expect(again.conflicts.map((entry) => entry.kind)).toEqual(["response", "scenario", "roi", "maturity"]);
  });

  it("takes theirs for every conflict when asked, and then the stores match the file", async () => {
    const text = await theirs((records) => {
      records.scenarios[1] = { ...records.scenarios[1], scores: [1, 1, 1, 1, 1] };
      records.roi[0] = { ...records.roi[0], horizon: 24, expectedValue: null };
      records.maturity[1] = { ...records.maturity[1], target: 5 };
    });
    const { outcome } = await importInto(stores, text, () => "theirs");
    expect(outcome.replaced.map((entry) => entry.kind)).toEqual(["scenario", "roi", "maturity"]);
    const after = await contents(stores);
    const file = read(text).records;
    expect(after.scenarios).toEqual(file.scenarios);
    expect(after.roi).toEqual(file.roi);
    expect(after.maturity).toEqual(file.maturity);
  });

  it("lists a write the store refuses and goes on with the rest", async () => {
    const text = await theirs((records) => {
      records.responses.push({ ...RECORDS[0], id: "late", respondent: "Late" });
      records.roadmaps.push({ ...records.roadmaps[0], workflow: "Invoice triage", startDate: "2026-06-01" });
    });
    const file = read(text);
    const mine = await contents(stores);
    const plan = planMerge(file.records, { responses: mine.responses, planning: mine });
    const failing: ImportStores = {
      assessments: stores.assessments,
      planning: Object.assign(Object.create(stores.planning) as typeof stores.planning, {
        createRoadmap: () => Promise.reject(new Error("The workbook is read-only.")),
      }),
    };
    const outcome = await applyMerge(plan, keepMine, failing);
    expect(outcome.added.map((entry) => entry.key)).toEqual(["late"]);
    expect(outcome.failed).toEqual([
      { entry: expect.objectContaining({ kind: "roadmap" }), reason: "The workbook is read-only." },
    ]);
  });
});
