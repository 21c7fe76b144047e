import {
  BASELINE_TASK_ID,
  ROADMAP_PHASES,
  ROADMAP_TASKS,
  ROI_PROOF_TASK_ID,
  parseIsoDate,
  roadmapDate,
  scheduleRoadmap,
} from "../../src/model/roadmap";

const taskById = (id: string) => ROADMAP_TASKS.find((item) => item.id === id);

describe("ROADMAP_PHASES", () => {
  it("are days 1–30 Foundation, 31–60 Workflow Integration and 61–90 Governance & Scale", () => {
    expect(ROADMAP_PHASES.map((phase) => [phase.name, phase.firstDay, phase.lastDay])).toEqual([
      ["Foundation", 1, 30],
      ["Workflow Integration", 31, 60],
      ["Governance & Scale", 61, 90],
    ]);
  });
});

describe("ROADMAP_TASKS", () => {
  it("has 15 tasks with unique ids", () => {
    expect(ROADMAP_TASKS).toHaveLength(15);
    expect(new Set(ROADMAP_TASKS.map((item) => item.id)).size).toBe(15);
  });

  it("has five tasks per phase, listed phase by phase", () => {
    expect(ROADMAP_TASKS.map((item) => item.phase)).toEqual([
      ...new Array(5).fill("foundation"),
      ...new Array(5).fill("integration"),
      ...new Array(5).fill("governance"),
    ]);
  });

  it("makes every task due inside its own phase", () => {
    for (const item of ROADMAP_TASKS) {
      const phase = ROADMAP_PHASES.find((candidate) => candidate.id === item.phase)!;
      expect(Number.isInteger(item.dueDay)).toBe(true);
      expect(item.dueDay).toBeGreaterThanOrEqual(phase.firstDay);
      expect(item.dueDay).toBeLessThanOrEqual(phase.lastDay);
    }
  });

  it("prefixes every id with its phase and gives every task a text", () => {
    for (const item of ROADMAP_TASKS) {
      expect(item.id.startsWith(`${item.phase}.`)).toBe(true);
      expect(item.text.trim().length).toBeGreaterThan(10);
    }
  });

  describe("dependencies", () => {
    it("captures the baseline in phase 1", () => {
      expect(taskById(BASELINE_TASK_ID)?.phase).toBe("foundation");
    });

    it("proves ROI in phase 3, depending on the baseline", () => {
      const proof = taskById(ROI_PROOF_TASK_ID);
      expect(proof?.phase).toBe("governance");
      expect(proof?.dependsOn).toContain(BASELINE_TASK_ID);
    });

    it("only depends on existing tasks that are due earlier", () => {
      for (const item of ROADMAP_TASKS) {
        for (const id of item.dependsOn) {
          const before = taskById(id);
          expect(before).toBeDefined();
          expect(before!.dueDay).toBeLessThan(item.dueDay);
        }
      }
    });
  });
});

describe("parseIsoDate", () => {
  it("parses a calendar date to its UTC time", () => {
    expect(parseIsoDate("1970-01-01")).toBe(0);
    expect(parseIsoDate("1970-01-02")).toBe(86_400_000);
    // 2024-01-01 is 19 723 days after 1970-01-01; 29 February is 59 days later: 19 782 × 86 400 000
    expect(parseIsoDate("2024-02-29")).toBe(1_709_164_800_000);
  });

  describe("dates that do not exist", () => {
    it("are rejected", () => {
      expect(parseIsoDate("2023-02-29")).toBeNull(); // 2023 is not a leap year
      expect(parseIsoDate("2100-02-29")).toBeNull(); // nor is 2100
      expect(parseIsoDate("2024-13-01")).toBeNull();
      expect(parseIsoDate("2024-00-10")).toBeNull();
      expect(parseIsoDate("2024-04-31")).toBeNull();
      expect(parseIsoDate("2024-01-00")).toBeNull();
    });

    it("accepts 29 February in a leap year, including 2000", () => {
      expect(parseIsoDate("2000-02-29")).not.toBeNull();
    });
  });

  describe("text that is not YYYY-MM-DD", () => {
    it("is rejected", () => {
      expect(parseIsoDate("2024-1-1")).toBeNull();
      expect(parseIsoDate("24-01-01")).toBeNull();
      expect(parseIsoDate("2024-01-01T00:00")).toBeNull();
      expect(parseIsoDate(" 2024-01-01")).toBeNull();
      expect(parseIsoDate("01/02/2024")).toBeNull();
      expect(parseIsoDate("")).toBeNull();
    });
  });
});

describe("roadmapDate", () => {
  it("makes day 1 the start date", () => {
    expect(roadmapDate("2024-05-17", 1)).toBe("2024-05-17");
  });

  describe("month ends and leap years", () => {
    it("counts 29 February in a leap year", () => {
      // 1 Feb + 29 days: 29 days of February 2024 take us to 1 March
      expect(roadmapDate("2024-02-01", 30)).toBe("2024-03-01");
    });

    it("skips 29 February in a common year", () => {
      // 1 Feb + 29 days: 28 days of February 2023, then 1 more
      expect(roadmapDate("2023-02-01", 30)).toBe("2023-03-02");
    });

    it("follows the century rules", () => {
      expect(roadmapDate("2000-02-01", 30)).toBe("2000-03-01"); // 2000 is a leap year
      expect(roadmapDate("2100-02-01", 30)).toBe("2100-03-02"); // 2100 is not
    });

    it("rolls over a 31-day and a 30-day month end", () => {
      expect(roadmapDate("2024-01-31", 2)).toBe("2024-02-01");
      expect(roadmapDate("2024-04-30", 2)).toBe("2024-05-01");
    });
  });

  describe("crossing the year", () => {
    it("moves into the next year", () => {
      // 15 Dec + 29 days: 16 days to 31 Dec, 13 more
      expect(roadmapDate("2024-12-15", 30)).toBe("2025-01-13");
      // 15 Dec + 89 days: 31 to 15 Jan, 31 to 15 Feb, 13 to 28 Feb, 14 more
      expect(roadmapDate("2024-12-15", 90)).toBe("2025-03-14");
    });
  });

  describe("a start that is not a date", () => {
    it("throws a RangeError", () => {
      expect(() => roadmapDate("2023-02-29", 1)).toThrow(RangeError);
      expect(() => roadmapDate("tomorrow", 1)).toThrow(RangeError);
    });
  });
});

describe("scheduleRoadmap", () => {
  it("dates all 15 tasks from the start, in a leap year", () => {
    const schedule = scheduleRoadmap("2024-02-01");
    expect(schedule).toHaveLength(15);
    // days 6, 24, 30, 60, 66, 90 from 1 Feb 2024 (February has 29 days)
    const due = (id: string) => schedule.find((item) => item.id === id)?.dueDate;
    expect(schedule[0].dueDate).toBe("2024-02-06");
    expect(due(BASELINE_TASK_ID)).toBe("2024-02-24");
    expect(schedule[4].dueDate).toBe("2024-03-01");
    expect(schedule[9].dueDate).toBe("2024-03-31");
    expect(due(ROI_PROOF_TASK_ID)).toBe("2024-04-06");
    expect(schedule[14].dueDate).toBe("2024-04-30");
  });

  it("gives a different end date in a common year", () => {
    // 1 Feb 2023 + 89 days: 27 to 28 Feb, 31 to 31 Mar, 30 to 30 Apr, 1 more
    expect(scheduleRoadmap("2023-02-01")[14].dueDate).toBe("2023-05-01");
  });

  it("crosses the year", () => {
    const schedule = scheduleRoadmap("2024-12-15");
    expect(schedule[3].dueDate).toBe("2025-01-07"); // day 24: 16 days to 31 Dec, 7 more
    expect(schedule[14].dueDate).toBe("2025-03-14");
  });

  it("names each task's phase and keeps the task's own fields", () => {
    const schedule = scheduleRoadmap("2026-01-05");
    expect(schedule.map((item) => item.phaseName)).toEqual([
      ...new Array(5).fill("Foundation"),
      ...new Array(5).fill("Workflow Integration"),
      ...new Array(5).fill("Governance & Scale"),
    ]);
    schedule.forEach((item, i) => expect(item).toMatchObject(ROADMAP_TASKS[i]));
    expect(schedule[14].dueDate).toBe("2026-04-04"); // 5 Jan + 89: 31 to 5 Feb, 28 to 5 Mar, 30 more
  });

  it("throws for a start that is not a date", () => {
    expect(() => scheduleRoadmap("2024-02-30")).toThrow(RangeError);
  });
});
