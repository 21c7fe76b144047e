// Where a roadmap stands, in words: the Roadmap tab and the board report say it alike, from the
// model's roadmapStatus.
import type { BoardRoadmap } from "../../model";
import { plural } from "../components/format";

/**
 * The roadmap's place in its 90 days on the day it is judged.
 *
 * @example
 * roadmapTiming({ ...status, startDate: "2026-01-05", endDate: "2026-04-04", day: 41, phase: "Build" })
 * //=> "Started 2026-01-05, ends 2026-04-04. Today is day 41 of 90, in Build."
 */
export function roadmapTiming(roadmap: BoardRoadmap): string {
  const span = `Started ${roadmap.startDate}, ends ${roadmap.endDate}.`;
  if (roadmap.day < 1)
    return `Starts ${roadmap.startDate}, ends ${roadmap.endDate}: ${plural(1 - roadmap.day, "day")} to go.`;
  if (roadmap.phase === null) return `${span} The 90 days are over.`;
  return `${span} Today is day ${roadmap.day} of 90, in ${roadmap.phase}.`;
}

/**
 * How many tasks are late, for a line above the list that marks them.
 *
 * @example
 * overdueWords(3) //=> "3 tasks overdue: due before today and not done, marked below."
 * overdueWords(0) //=> "No task is overdue."
 */
export function overdueWords(count: number): string {
  return count === 0
    ? "No task is overdue."
    : `${plural(count, "task")} overdue: due before today and not done, marked below.`;
}
