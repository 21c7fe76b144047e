import { ROADMAP_TASKS, localIsoDate, scheduleRoadmap } from "../../src/model/roadmap";

// The tasks fall due on days 6, 12, …, 90; day 1 is the start date, so day d is start + (d − 1) days.
const DUE_DAYS = [6, 12, 18, 24, 30, 36, 42, 48, 54, 60, 66, 72, 78, 84, 90];

describe("scheduleRoadmap dates", () => {
  it("uses the due days the dates below are computed from", () => {
    expect(ROADMAP_TASKS.map((item) => item.dueDay)).toEqual(DUE_DAYS);
  });

  describe("month ends", () => {
    it("starts on 31 January of a common year", () => {
      // + 5, 11, 17, 23 stay in February; + 29: 28 days to 28 Feb, 1 more → 1 Mar;
      // + 35 … 59 → 7, 13, 19, 25, 31 Mar; + 65 … 89 → 6, 12, 18, 24, 30 Apr
      expect(scheduleRoadmap("2025-01-31").map((item) => item.dueDate)).toEqual([
        "2025-02-05",
        "2025-02-11",
        "2025-02-17",
        "2025-02-23",
        "2025-03-01",
        "2025-03-07",
        "2025-03-13",
        "2025-03-19",
        "2025-03-25",
        "2025-03-31",
        "2025-04-06",
        "2025-04-12",
        "2025-04-18",
        "2025-04-24",
        "2025-04-30",
      ]);
    });

    it("starts on 30 April, a 30-day month", () => {
      // + 29 → 29 May; + 59: 2 days to 31 May, 28 more → 28 Jun; + 89: 2 to 30 Jun, 28 more → 28 Jul
      const schedule = scheduleRoadmap("2024-04-30");
      expect(schedule[0].dueDate).toBe("2024-05-05");
      expect(schedule[4].dueDate).toBe("2024-05-29");
      expect(schedule[9].dueDate).toBe("2024-06-28");
      expect(schedule[14].dueDate).toBe("2024-07-28");
    });

    it("lands a due date on a month's last day", () => {
      // 2 Mar + 29 = 31 Mar; + 59 = 30 Apr; + 89 = 30 May
      const schedule = scheduleRoadmap("2025-03-02");
      expect(schedule[4].dueDate).toBe("2025-03-31");
      expect(schedule[9].dueDate).toBe("2025-04-30");
      expect(schedule[14].dueDate).toBe("2025-05-30");
    });
  });

  describe("leap years", () => {
    it("starts on 31 January of a leap year and passes 29 February", () => {
      // + 29: 29 Feb exists in 2024; + 59: 30 more → 30 Mar; + 89: 30 more → 29 Apr
      expect(scheduleRoadmap("2024-01-31").map((item) => item.dueDate)).toEqual([
        "2024-02-05",
        "2024-02-11",
        "2024-02-17",
        "2024-02-23",
        "2024-02-29",
        "2024-03-06",
        "2024-03-12",
        "2024-03-18",
        "2024-03-24",
        "2024-03-30",
        "2024-04-05",
        "2024-04-11",
        "2024-04-17",
        "2024-04-23",
        "2024-04-29",
      ]);
    });

    it("starts on 29 February", () => {
      // + 5 → 5 Mar; + 29 → 29 Mar; + 59: 2 to 31 Mar, 28 more → 28 Apr; + 89: 2 to 30 Apr, 28 more → 28 May
      const schedule = scheduleRoadmap("2024-02-29");
      expect(schedule[0].dueDate).toBe("2024-03-05");
      expect(schedule[4].dueDate).toBe("2024-03-29");
      expect(schedule[9].dueDate).toBe("2024-04-28");
      expect(schedule[14].dueDate).toBe("2024-05-28");
    });

    it("follows the century rule: 2000 is a leap year, 2100 is not", () => {
      // From 31 Jan, + 29 is 29 Feb in a leap year and 1 Mar otherwise
      expect(scheduleRoadmap("2000-01-31")[4].dueDate).toBe("2000-02-29");
      expect(scheduleRoadmap("2100-01-31")[4].dueDate).toBe("2100-03-01");
    });

    it("rejects 29 February of a common year as a start", () => {
      expect(() => scheduleRoadmap("2025-02-29")).toThrow(RangeError);
      expect(() => scheduleRoadmap("2100-02-29")).toThrow(RangeError);
    });
  });

  describe("crossing the year", () => {
    it("crosses into a leap year and passes its 29 February", () => {
      // From 15 Dec 2023: + 17: 16 days to 31 Dec, 1 more → 1 Jan 2024;
      // + 77: 47 → 31 Jan, 29 → 29 Feb, 1 more → 1 Mar; + 89 → 13 Mar
      const schedule = scheduleRoadmap("2023-12-15");
      expect(schedule[0].dueDate).toBe("2023-12-20");
      expect(schedule[1].dueDate).toBe("2023-12-26");
      expect(schedule[2].dueDate).toBe("2024-01-01");
      expect(schedule[7].dueDate).toBe("2024-01-31");
      expect(schedule[11].dueDate).toBe("2024-02-24");
      expect(schedule[12].dueDate).toBe("2024-03-01");
      expect(schedule[14].dueDate).toBe("2024-03-13");
    });

    it("starts on 31 December", () => {
      // + 5 → 5 Jan; + 89: 31 → 31 Jan, 28 → 28 Feb (2025 is common), 30 more → 30 Mar
      const schedule = scheduleRoadmap("2024-12-31");
      expect(schedule[0].dueDate).toBe("2025-01-05");
      expect(schedule[14].dueDate).toBe("2025-03-30");
    });

    it("crosses the century", () => {
      // From 1 Dec 2099: + 29 → 30 Dec 2099 (day 30); + 35: 30 days to 31 Dec, 5 more → 5 Jan 2100
      const schedule = scheduleRoadmap("2099-12-01");
      expect(schedule[4].dueDate).toBe("2099-12-30");
      expect(schedule[5].dueDate).toBe("2100-01-05");
    });
  });

  describe("order", () => {
    it("never gives a task a date before the one listed before it", () => {
      for (const start of ["2024-01-31", "2023-12-15", "2024-02-29", "2099-12-01"]) {
        const dates = scheduleRoadmap(start).map((item) => item.dueDate);
        expect([...dates].sort()).toEqual(dates);
        expect(new Set(dates).size).toBe(15);
      }
    });
  });
});

describe("localIsoDate", () => {
  it("gives the calendar date where the user is, late at night and early in the morning alike", () => {
    expect(localIsoDate(new Date(2026, 1, 14, 23, 59))).toBe("2026-02-14");
    expect(localIsoDate(new Date(2026, 1, 14, 0, 0))).toBe("2026-02-14");
    // Single-digit months and days are padded; a leap day is kept.
    expect(localIsoDate(new Date(2024, 1, 29, 12))).toBe("2024-02-29");
    expect(localIsoDate(new Date(2027, 0, 3, 12))).toBe("2027-01-03");
  });
});
