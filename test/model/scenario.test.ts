import { ROADMAP_TASKS } from "../../src/model/roadmap";
import { roadmapStatus } from "../../src/model/board-report";
import { TASK_STATUSES, roadmapDone, roadmapIsOpen, scenarioChange, type TaskStatus } from "../../src/model/scenario";

const ARTICLE = [0.8, 0.6, 0.5, 0.4, 0.5];

describe("scenarioChange", () => {
  it.each([
    // base, scores, change by hand
    [[0.5, 1, 1, 1, 1], [0.8, 1, 1, 1, 1], 0.3], // 0.8 − 0.5
    [ARTICLE, [0.8, 0.6, 0.5, 0.6, 0.5], 0.024], // 0.072 − 0.048: Measurement 0.4 → 0.6
    [[0.8, 0.6, 0.5, 0.6, 0.5], ARTICLE, -0.024], // the same move undone
    [ARTICLE, ARTICLE, 0], // nothing moved
    [[0.8, 0.8, 0.8, 0.8, 0.8], [0.6, 0.6, 0.6, 0.6, 0.6], -0.24992], // 0.07776 − 0.32768
    [ARTICLE, [1, 1, 1, 1, 1], 0.952], // 1 − 0.048: the whole gap
  ])("from %j to %j is %d", (baseScores, scores, expected) => {
    expect(scenarioChange({ baseScores, scores })).toBeCloseTo(expected, 12);
  });

  describe("a zero layer", () => {
    it("in the base: the change is the scenario's whole realized value", () => {
      // 0.8 × 0.6 × 0.5 × 0.4 × 0.5 − 0
      expect(scenarioChange({ baseScores: [0, 0.6, 0.5, 0.4, 0.5], scores: ARTICLE })).toBeCloseTo(0.048, 12);
    });

    it("in the scenario: the change is minus the base", () => {
      expect(scenarioChange({ baseScores: ARTICLE, scores: [0.8, 0.6, 0.5, 0, 0.5] })).toBeCloseTo(-0.048, 12);
    });
  });
});

describe("TASK_STATUSES", () => {
  it("are Not started, In progress, Done and Blocked", () => {
    expect([...TASK_STATUSES]).toEqual(["Not started", "In progress", "Done", "Blocked"]);
  });
});

describe("roadmapIsOpen", () => {
  const tasks = (statuses: TaskStatus[]) =>
    statuses.map((status, i) => ({ id: `t${i}`, owner: "", status, doneDate: "" }));
  const allDone = (): TaskStatus[] => ROADMAP_TASKS.map(() => "Done");

  it("is closed when all 15 tasks are done", () => {
    expect(ROADMAP_TASKS).toHaveLength(15);
    expect(roadmapIsOpen({ tasks: tasks(allDone()) })).toBe(false);
  });

  it.each(["Not started", "In progress", "Blocked"] as TaskStatus[])("is open when one task of 15 is %s", (status) => {
    const statuses = allDone();
    statuses[7] = status;
    expect(roadmapIsOpen({ tasks: tasks(statuses) })).toBe(true);
  });

  it("is open when no task has started", () => {
    expect(roadmapIsOpen({ tasks: tasks(ROADMAP_TASKS.map(() => "Not started")) })).toBe(true);
  });

  describe("fewer than 15 tasks", () => {
    it.each([0, 1, 14])("is open with %i tasks, all done", (count) => {
      expect(roadmapIsOpen({ tasks: tasks(new Array(count).fill("Done")) })).toBe(true);
    });
  });
});

describe("roadmapDone", () => {
  const row = (id: string, status: TaskStatus) => ({ id, owner: "", status, doneDate: "" });
  const ids = ROADMAP_TASKS.map((task) => task.id);

  it("counts the plan's tasks recorded as done", () => {
    expect(roadmapDone({ tasks: [] })).toBe(0);
    expect(roadmapDone({ tasks: [row(ids[0], "Done"), row(ids[1], "In progress"), row(ids[2], "Done")] })).toBe(2);
    expect(roadmapDone({ tasks: ids.map((id) => row(id, "Done")) })).toBe(15);
  });

  it("leaves out rows that are not tasks of the plan, and counts a task once", () => {
    expect(roadmapDone({ tasks: [row("typed-by-hand", "Done"), row(ids[3], "Done"), row(ids[3], "Done")] })).toBe(1);
  });

  it("is the count roadmapStatus reports, whatever the day", () => {
    const tasks = ids.map((id, i) => row(id, i % 3 === 0 ? "Done" : i % 3 === 1 ? "Blocked" : "Not started"));
    const record = {
      workflow: "Claims",
      startDate: "2026-01-05",
      sheetName: "Roadmap",
      tasks: [...tasks, row("x", "Done")],
    };
    for (const today of ["2026-01-05", "2026-02-20", "2026-06-01"]) {
      expect(roadmapStatus(record, today).done).toBe(roadmapDone(record));
    }
    // Tasks 0, 3, 6, 9 and 12 of 15 are done.
    expect(roadmapDone(record)).toBe(5);
  });
});
