// The team settings in both places they live, damaged values included, and anonymous rounds end
// to end in the stores: a name typed for an anonymous round is found nowhere afterwards (the
// stored draft, the stored rows, the workbook's cells, the .xlsx read back, CSV, JSON, backup).
import * as ExcelJS from "exceljs";
import { DEFAULT_TEAM_SETTINGS, STATEMENTS, type AssessmentResponse, type TeamSettings } from "../../src/model";
import { buildBackup, backupJson } from "../../src/workbook/backup";
import { ExcelStore, type DraftSettings } from "../../src/workbook/excel-store";
import { buildAssessmentWorkbook } from "../../src/workbook/export-xlsx";
import { toCsv, toJson } from "../../src/workbook/export-text";
import { QUARANTINE_KEY, damagedCopies } from "../../src/workbook/local-safety";
import { LocalStore } from "../../src/workbook/local-store";
import { planSurvey, readSurvey, saveSurveyRows, type SurveyGrid } from "../../src/workbook/survey-import";
import { DRAFT_KEY, RESPONSES_KEY, type AssessmentStore } from "../../src/workbook/store";
import {
  BrowserTeamSettings,
  TEAM_SETTINGS_KEY,
  WorkbookTeamSettings,
  guardAnonymity,
  scrubDraft,
} from "../../src/workbook/team-settings";
import { FakeWorkbook } from "./fake-excel";
import { memoryStorage } from "./memory-storage";

/** Document settings as Office keeps them; `saved` is what the file would hold after saveAsync. */
function documentSettings(
  fail?: string,
): DraftSettings & { values: Map<string, unknown>; saved: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  const settings = {
    values,
    saved: new Map<string, unknown>(),
    get: (name: string) => values.get(name) ?? null,
    set: (name: string, value: unknown) => void values.set(name, value),
    remove: (name: string) => void values.delete(name),
    saveAsync: (callback: (result: Office.AsyncResult<void>) => void) => {
      if (!fail) settings.saved = new Map(values);
      callback({
        status: fail ? "failed" : "succeeded",
        error: fail ? { name: "Settings", message: fail, code: 5001 } : undefined,
      } as unknown as Office.AsyncResult<void>);
    },
  };
  return settings;
}

const CHOSEN: TeamSettings = {
  minGroup: 5,
  anonymousRounds: [
    { workflow: "Claims", date: "2026-04-02" },
    { workflow: "Claims", date: "" },
  ],
};

describe("team settings in the workbook", () => {
  it("start at the defaults, and round-trip through the document settings, saved with the file", async () => {
    const document = documentSettings();
    const store = new WorkbookTeamSettings(document);
    expect(store.load()).toEqual({ settings: DEFAULT_TEAM_SETTINGS, problem: null });
    await store.save(CHOSEN);
    expect(JSON.parse(document.saved.get(TEAM_SETTINGS_KEY) as string)).toEqual(CHOSEN);
    expect(new WorkbookTeamSettings(document).load()).toEqual({ settings: CHOSEN, problem: null });
  });

  it("reject a failed save with Office's message", async () => {
    await expect(
      new WorkbookTeamSettings(documentSettings("The settings could not be saved.")).save(CHOSEN),
    ).rejects.toThrow("The settings could not be saved.");
  });

  it("say what is damaged, fall back to the default for that part only, and leave the stored text alone", () => {
    const document = documentSettings();
    const stored = JSON.stringify({ minGroup: "three", anonymousRounds: CHOSEN.anonymousRounds });
    document.set(TEAM_SETTINGS_KEY, stored);
    document.set(DRAFT_KEY, "the draft");
    expect(new WorkbookTeamSettings(document).load()).toEqual({
      settings: { minGroup: 3, anonymousRounds: CHOSEN.anonymousRounds },
      problem:
        'The team settings saved in this workbook could not be read in full: the smallest group, "three": The smallest ' +
        "group must be a whole number from 1 to 50. Until they are saved again, the smallest group shown in detail is 3 " +
        "(the default), and 2 rounds are anonymous.",
    });
    expect(document.values.get(TEAM_SETTINGS_KEY)).toBe(stored);
    expect(document.values.get(DRAFT_KEY)).toBe("the draft");

    document.set(TEAM_SETTINGS_KEY, "{not json");
    const broken = new WorkbookTeamSettings(document).load();
    expect(broken.settings).toEqual(DEFAULT_TEAM_SETTINGS);
    expect(broken.problem).toMatch(
      /^The team settings saved in this workbook could not be read in full: they are not readable JSON \(.+\)\. Until they are saved again, the smallest group shown in detail is 3 \(the default\), and 0 rounds are anonymous\.$/,
    );
  });
});

describe("team settings in the browser", () => {
  it("start at the defaults and round-trip under their own key, beside the other data", async () => {
    const storage = memoryStorage();
    storage.setItem(RESPONSES_KEY, "[]");
    const store = new BrowserTeamSettings(storage);
    expect(store.load()).toEqual({ settings: DEFAULT_TEAM_SETTINGS, problem: null });
    await store.save(CHOSEN);
    expect(JSON.parse(storage.getItem(TEAM_SETTINGS_KEY)!)).toEqual(CHOSEN);
    expect(new BrowserTeamSettings(storage).load()).toEqual({ settings: CHOSEN, problem: null });
    expect(storage.getItem(RESPONSES_KEY)).toBe("[]");
  });

  it("keep damaged text aside for download, use what can be read, and touch no other key", () => {
    const storage = memoryStorage();
    const responses = JSON.stringify([{ id: "a" }]);
    storage.setItem(RESPONSES_KEY, responses);
    const stored = JSON.stringify({ minGroup: 99, anonymousRounds: [CHOSEN.anonymousRounds[0], 5] });
    storage.setItem(TEAM_SETTINGS_KEY, stored);
    const loaded = new BrowserTeamSettings(storage).load();
    expect(loaded.settings).toEqual({ minGroup: 3, anonymousRounds: [CHOSEN.anonymousRounds[0]] });
    expect(loaded.problem).toBe(
      "The team settings stored in this browser could not be read in full: the smallest group, 99: The smallest group " +
        "must be a whole number from 1 to 50; anonymous round 2 is 5, not a workflow and a date. Until they are saved " +
        "again, the smallest group shown in detail is 3 (the default), and 1 round is anonymous. The damaged text is " +
        "kept for download.",
    );
    expect(damagedCopies(storage)).toEqual([
      { key: TEAM_SETTINGS_KEY, text: stored, problems: expect.any(Array) as unknown },
    ]);
    // The usable part is written back, so the next read is clean; other data is untouched.
    expect(new BrowserTeamSettings(storage).load()).toEqual({ settings: loaded.settings, problem: null });
    expect(storage.getItem(RESPONSES_KEY)).toBe(responses);

    storage.setItem(TEAM_SETTINGS_KEY, "{oops");
    const broken = new BrowserTeamSettings(storage).load();
    expect(broken.settings).toEqual(DEFAULT_TEAM_SETTINGS);
    expect(broken.problem).toMatch(/could not be read in full: it is not readable JSON/);
    expect(storage.getItem(QUARANTINE_KEY)).toContain("{oops");
  });
});

// ---------------------------------------------------------------------------------------------
// Anonymous rounds in the stores
// ---------------------------------------------------------------------------------------------

const TYPED = "Zoë Quintanilla-Marsh";
const FIRST_NAME = "Zoë";
const answers = (value: number) => Object.fromEntries(STATEMENTS.map((s) => [s.id, value]));
const APRIL = "2026-04-02";
const ANONYMOUS: TeamSettings = { minGroup: 3, anonymousRounds: [{ workflow: "Claims", date: APRIL }] };

const globals = globalThis as { Office?: unknown };
beforeAll(() => (globals.Office = { AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" } }));
afterAll(() => delete globals.Office);

type Made = { store: AssessmentStore; everything: () => string };

const STORES: [string, () => Made][] = [
  [
    "the browser store",
    () => {
      const storage = memoryStorage();
      return { store: new LocalStore(storage), everything: () => JSON.stringify([...storage.map.entries()]) };
    },
  ],
  [
    "the Excel store on the fake workbook",
    () => {
      const book = new FakeWorkbook();
      const document = documentSettings();
      return {
        store: new ExcelStore({ run: book.run, settings: document }),
        // Every cell of every sheet (values and formulas), every table, and the document settings.
        everything: () =>
          JSON.stringify([
            book.sheets.map((sheet) => [sheet.name, [...sheet.cells.values()]]),
            book.tables,
            [...document.values.entries()],
            [...document.saved.entries()],
          ]),
      };
    },
  ],
];

describe.each(STORES)("an anonymous round in %s", (_name, make) => {
  let made: Made;
  let settings: TeamSettings;
  let store: AssessmentStore;
  beforeEach(() => {
    made = make();
    settings = ANONYMOUS;
    store = guardAnonymity(made.store, () => settings);
  });

  const response = (id: string, respondent: string, date = APRIL, workflow = "Claims"): AssessmentResponse => ({
    id,
    workflow,
    respondent,
    date,
    answers: answers(3),
  });

  it("keeps no typed name anywhere: draft, rows, .xlsx, CSV, JSON and backup", async () => {
    await store.saveDraft({ workflow: " Claims ", respondent: TYPED, date: APRIL, answers: { "strategy.outcome": 4 } });
    expect((await store.loadDraft())?.respondent).toBe("");
    await store.saveResponse(response("a", TYPED));
    await store.saveResponse(response("b", "Ben Typed"));
    await store.saveResponse(response("c", ""));
    // A named round beside it keeps its names: the guard acts on the anonymous round only.
    await store.saveResponse(response("d", "Dee Named", "2026-01-10"));
    const { responses } = await store.listResponses();
    expect(responses.map((r) => [r.id, r.respondent])).toEqual([
      ["a", "Respondent 1"],
      ["b", "Respondent 2"],
      ["c", "Respondent 3"],
      ["d", "Dee Named"],
    ]);
    // An edit of a saved response, sent with a name, keeps its label.
    await store.saveResponse({ ...response("b", TYPED), answers: answers(4) });
    expect((await store.listResponses()).responses[1]).toEqual({
      ...response("b", "Respondent 2"),
      answers: answers(4),
    });

    const stored = made.everything();
    expect(stored).not.toContain(FIRST_NAME);
    expect(stored).not.toContain("Ben Typed");
    expect(stored).toContain("Dee Named");

    const anonymous = (await store.listResponses()).responses;
    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load(await buildAssessmentWorkbook(anonymous, ExcelJS));
    const cells: string[] = [];
    xlsx.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => void cells.push(JSON.stringify(cell.value)))),
    );
    expect(cells.join("\n")).toContain("Respondent 2");
    expect(cells.join("\n")).not.toContain(FIRST_NAME);
    for (const text of [toCsv(anonymous), toJson(anonymous), backupJson(buildBackup(anonymous, emptyPlanning))]) {
      expect(text).toContain("Respondent 1");
      expect(text).not.toContain(FIRST_NAME);
      expect(text).not.toContain("Ben Typed");
    }
  });

  it("labels a survey import into the round, and leaves other rounds' names as in the file", async () => {
    const header = ["Name", ...STATEMENTS.map((_, i) => `Q${i + 1}`)];
    const grid: SurveyGrid = [header, [TYPED, ...STATEMENTS.map(() => 4)], ["Ben Typed", ...STATEMENTS.map(() => 2)]];
    const mapping = {
      headerRow: 0,
      statements: STATEMENTS.map((_, i) => i + 1),
      respondent: 0,
      workflow: { kind: "fixed", name: "Claims" } as const,
      date: { kind: "fixed", date: APRIL } as const,
      dateOrder: "mdy" as const,
    };
    const read = readSurvey(grid, mapping);
    expect(read.rows.map((r) => r.response.respondent)).toEqual([TYPED, "Ben Typed"]);
    await store.saveResponse(response("earlier", ""));
    const outcome = await saveSurveyRows(read.rows, store);
    expect(outcome.failed).toEqual([]);
    expect((await store.listResponses()).responses.map((r) => r.respondent)).toEqual([
      "Respondent 1",
      "Respondent 2",
      "Respondent 3",
    ]);
    expect(made.everything()).not.toContain(FIRST_NAME);
    // Read again, the file's rows are the ones saved already: their labels are not a change.
    const again = planSurvey(read.rows, (await store.listResponses()).responses);
    expect([again.save.length, again.already.length, again.changedSince.length]).toEqual([0, 2, 0]);

    // The same people in May, with other answers (so other rows, not the April ones again).
    const may = grid.map((row, r) => (r === 0 ? row : row.map((cell, c) => (c === 0 ? cell : 5))));
    const named = readSurvey(may, { ...mapping, date: { kind: "fixed", date: "2026-05-01" } });
    await saveSurveyRows(named.rows, store);
    expect((await store.listResponses()).responses.slice(3).map((r) => r.respondent)).toEqual([TYPED, "Ben Typed"]);
  });

  it("follows the settings as they are at each save", async () => {
    settings = DEFAULT_TEAM_SETTINGS;
    await store.saveResponse(response("a", "Ana"));
    settings = ANONYMOUS;
    await store.saveResponse(response("b", "Ben"));
    expect((await store.listResponses()).responses.map((r) => r.respondent)).toEqual(["Ana", "Respondent 1"]);
    // The store itself is the wrapped one, with its own kind and methods.
    expect(store.kind).toBe(made.store.kind);
  });
});

const emptyPlanning = { scenarios: [], roi: [], maturity: [], roadmaps: [] };

describe("scrubDraft", () => {
  const anonymous = (workflow: string, date: string) => workflow === "Claims" && date === APRIL;
  it("clears a typed respondent of a draft in an anonymous round, and of the response set aside", () => {
    const inRound = { workflow: "Claims ", respondent: TYPED, date: APRIL, answers: {} };
    const elsewhere = { workflow: "Claims", respondent: "Ana", date: "", answers: {} };
    expect(scrubDraft(inRound, anonymous).respondent).toBe("");
    expect(scrubDraft(elsewhere, anonymous)).toBe(elsewhere);
    const editing = { ...elsewhere, responseId: "x", setAside: inRound };
    expect(scrubDraft(editing, anonymous)).toEqual({ ...editing, setAside: { ...inRound, respondent: "" } });
    // A label given by AGAP to a saved response stays while that response is edited.
    const labelled = { ...inRound, respondent: "Respondent 2", responseId: "b" };
    expect(scrubDraft(labelled, anonymous)).toBe(labelled);
  });
});
