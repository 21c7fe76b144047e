// Damaged data in the browser's storage: every case starts, keeps every record it can read, says
// what was damaged, and keeps the damaged text aside until the user discards it.
import { LocalPlanningStore } from "../../src/workbook/local-planning";
import { damagedCopies, discardDamaged, QUARANTINE_KEY } from "../../src/workbook/local-safety";
import { LocalStore } from "../../src/workbook/local-store";
import { PLANNING_KEY } from "../../src/workbook/planning-store";
import { DRAFT_KEY, RESPONSES_KEY } from "../../src/workbook/store";
import { RESPONSES, ROI_ROWS } from "./consistency-fixture";
import { memoryStorage } from "./memory-storage";

const good = RESPONSES.slice(0, 2);

describe.each([
  ["broken JSON", "[{", [], /not readable JSON/],
  ["an object instead of a list", "{}", [], /the responses are object, not a list/],
  ["[null]", "[null]", [], /responses item 1: it is not a record/],
  [
    "one bad record among good ones",
    JSON.stringify([good[0], { ...good[1], id: 7 }, good[1]]),
    good,
    /item 2: its "id" is number/,
  ],
  [
    "an answer out of range",
    JSON.stringify([good[0], { ...good[1], answers: { "strategy.outcome": 9 } }]),
    [good[0]],
    /Strategy 1 is "9"/,
  ],
  ["a repeated id", JSON.stringify([good[0], good[0]]), [good[0]], /repeats the id/],
  [
    "a __proto__ field",
    `[${JSON.stringify(good[0])},{"__proto__":{"polluted":true},"id":"x"}]`,
    [good[0]],
    /"__proto__" field/,
  ],
])("stored responses with %s", (_case, text, kept, problem) => {
  it("start, keep every readable record, say what was wrong and keep the text aside", async () => {
    const storage = memoryStorage();
    storage.setItem(RESPONSES_KEY, text as string);
    const list = await new LocalStore(storage).listResponses();
    expect(list.responses).toEqual(kept);
    expect(list.skipped.map((s) => s.problem).join(" | ")).toMatch(problem as RegExp);
    expect(damagedCopies(storage)).toEqual([{ key: RESPONSES_KEY, text, problems: expect.any(Array) }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Saving goes on from the sound records, and the kept copy stays until it is discarded.
    await new LocalStore(storage).saveResponse(RESPONSES[3]);
    expect((await new LocalStore(storage).listResponses()).responses).toEqual([...(kept as []), RESPONSES[3]]);
    expect(damagedCopies(storage)).toHaveLength(1);
    discardDamaged(storage);
    expect(damagedCopies(storage)).toEqual([]);
  });
});

describe("a damaged draft", () => {
  it.each([
    ["a number for the workflow", JSON.stringify({ workflow: 7, respondent: "", date: "", answers: {} })],
    ["text for an answer", JSON.stringify({ workflow: "Claims", respondent: "", date: "", answers: { a: "4" } })],
    ["broken JSON", "{"],
  ])("with %s starts empty and keeps the text aside", async (_case, text) => {
    const storage = memoryStorage();
    storage.setItem(DRAFT_KEY, text);
    expect(await new LocalStore(storage).loadDraft()).toBeNull();
    expect(damagedCopies(storage).map((copy) => copy.text)).toEqual([text]);
  });
});

describe("a damaged planning record", () => {
  it("keeps the readable scenarios, ROI rows, stages and roadmaps, and lists the rest", async () => {
    const storage = memoryStorage();
    const roadmap = {
      workflow: "Claims",
      startDate: "2026-05-04",
      sheetName: "AGAP Roadmap – Claims",
      // Kept before done dates were recorded: still readable.
      tasks: [{ id: "foundation.outcome", owner: "Ana", status: "Done" }],
    };
    storage.setItem(
      PLANNING_KEY,
      JSON.stringify({
        scenarios: [{ id: "s", name: "x", workflow: "w", baseLabel: "", baseScores: [0.5], scores: "high" }],
        roi: [ROI_ROWS[0], { ...ROI_ROWS[1], horizon: 2.5 }],
        maturity: [
          { workflow: "Claims", stage: 9, target: 4 },
          { workflow: "Invoices", stage: 2, target: 4 },
        ],
        roadmaps: [roadmap, { ...roadmap, sheetName: "other", tasks: [{ id: "t", owner: "", status: "Later" }] }],
      }),
    );
    const data = await new LocalPlanningStore(storage).loadPlanning();
    expect(data.scenarios).toEqual([]);
    expect(data.roi).toEqual([ROI_ROWS[0]]);
    expect(data.maturity).toEqual([{ workflow: "Invoices", stage: 2, target: 4 }]);
    expect(data.roadmaps).toEqual([{ ...roadmap, tasks: [{ ...roadmap.tasks[0], doneDate: "" }] }]);
    expect(data.skipped.map((s) => s.problem)).toEqual([
      expect.stringMatching(/^scenarios item 1: its "scores" is string, not array/),
      expect.stringMatching(/^roi item 2: Horizon is 2.5/),
      expect.stringMatching(/^maturity item 1: its stages are 9 and 4/),
      expect.stringMatching(/^roadmaps item 2: task "t": Status is "Later"/),
    ]);
    expect(storage.map.has(QUARANTINE_KEY)).toBe(true);
  });
});
