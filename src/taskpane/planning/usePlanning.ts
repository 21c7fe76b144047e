import * as React from "react";
import type { MaturityRecord, RoadmapRecord, RoadmapTaskRecord, RoiEntry, Scenario } from "../../model";
import type { PlanningData, PlanningStore } from "../../workbook/planning-store";
import { describeError, useErrors } from "../errors";
import { SAVED_WITH_LIMITATIONS } from "../hooks/useResponses";

const EMPTY: PlanningData = { scenarios: [], roi: [], maturity: [], roadmaps: [], skipped: [] };

/** The record deleted last, which Undo saves again under the same id until the next write. */
export type Deleted = { kind: "scenario"; record: Scenario } | { kind: "roi"; record: RoiEntry };

/**
 * Called once a write has gone through, at the first attempt or at a Retry from the error bar, with
 * what the write returned: where a panel says what was saved, so that a retried save is confirmed
 * as a first one is.
 */
export type OnDone<T> = (result: T) => void;

/**
 * Scenarios, ROI rows, maturity and roadmaps, read from the store; writes report failures with a
 * retry. `initial`, the data as read just before the first render, is taken after that render
 * rather than read again.
 */
export function usePlanning(store: PlanningStore, initial?: PlanningData) {
  const { report } = useErrors();
  const [data, setData] = React.useState<PlanningData>(EMPTY);
  const readBefore = React.useRef(initial);
  const [deleted, setDeleted] = React.useState<Deleted | null>(null);

  const reload = React.useCallback(async () => {
    try {
      setData(await store.loadPlanning());
    } catch (error) {
      report("Planning data could not be read", error, () => void reload());
    }
  }, [store, report]);

  React.useEffect(() => {
    const before = readBefore.current;
    readBefore.current = undefined;
    if (before) setData(before);
    else void reload();
  }, [reload]);

  /**
   * Runs one write; on failure the message appears with Retry, and the form keeps its input.
   * `onDone` runs once the write has gone through, whether at once or at a Retry.
   * Any write ends the chance to undo the last delete: Undo is offered until the next action.
   */
  const write = React.useCallback(
    async <T>(title: string, action: () => Promise<T>, onDone?: OnDone<T>): Promise<{ result: T } | undefined> => {
      setDeleted(null);
      let result: T;
      try {
        result = await action();
      } catch (error) {
        // Every write answers something the user did: its error takes the focus.
        report(title, error, () => void write(title, action, onDone), { focus: true });
        return undefined;
      }
      const limitations = store.drainLimitations?.() ?? [];
      if (limitations.length > 0) report(SAVED_WITH_LIMITATIONS, limitations.join(" "));
      await reload();
      onDone?.(result);
      return { result };
    },
    [store, report, reload],
  );

  /** Deletes, then offers Undo; a retried delete offers it too, since the action itself sets it. */
  const remove = (title: string, gone: Deleted, action: () => Promise<void>) =>
    write(title, async () => {
      await action();
      setDeleted(gone);
    });

  /**
   * Deletes the roadmap and creates it afresh. A retry after the delete went through only creates:
   * the action remembers what is done. When the create fails after the delete, the pane is read
   * again so that it no longer shows the old roadmap, and the message says the old one is gone.
   */
  const regenerateRoadmap = (record: RoadmapRecord, start: string, onDone?: OnDone<string>) => {
    let removed = false;
    return write(
      "The roadmap was not regenerated",
      async () => {
        if (!removed) {
          await store.deleteRoadmap(record.sheetName);
          removed = true;
        }
        try {
          return await store.createRoadmap(record.workflow, start);
        } catch (error) {
          await reload();
          const reason = describeError(error).replace(/[.\s]*$/, ".");
          throw new Error(
            `The old roadmap is deleted, but the new one could not be created: ${reason} Retry creates it.`,
          );
        }
      },
      onDone,
    );
  };

  return {
    /** Where the records live: the workbook ("excel") or this browser ("local"). */
    kind: store.kind,
    data,
    reload,
    /** The record deleted last, while Undo is still offered. */
    deleted,
    saveScenario: (scenario: Scenario, onDone?: OnDone<void>) =>
      write("The scenario was not saved", () => store.saveScenario(scenario), onDone),
    deleteScenario: (scenario: Scenario) =>
      remove("The scenario was not deleted", { kind: "scenario", record: scenario }, () =>
        store.deleteScenario(scenario.id),
      ),
    saveRoi: (entry: RoiEntry, onDone?: OnDone<void>) =>
      write("The ROI row was not saved", () => store.saveRoi(entry), onDone),
    deleteRoi: (entry: RoiEntry) =>
      remove("The ROI row was not deleted", { kind: "roi", record: entry }, () => store.deleteRoi(entry.id)),
    /** Saves the deleted record again, under its own id. */
    undoDelete: () => {
      if (deleted === null) return Promise.resolve(undefined);
      return deleted.kind === "scenario"
        ? write("The scenario was not restored", () => store.saveScenario(deleted.record))
        : write("The ROI row was not restored", () => store.saveRoi(deleted.record));
    },
    /** Stops offering Undo for the last delete. */
    dismissUndo: () => setDeleted(null),
    saveMaturity: (record: MaturityRecord, onDone?: OnDone<void>) =>
      write("The maturity stage was not saved", () => store.saveMaturity(record), onDone),
    createRoadmap: (workflow: string, start: string, onDone?: OnDone<string>) =>
      write("The roadmap was not created", () => store.createRoadmap(workflow, start), onDone),
    regenerateRoadmap,
    deleteRoadmap: (record: RoadmapRecord, onDone?: OnDone<void>) =>
      write("The roadmap was not deleted", () => store.deleteRoadmap(record.sheetName), onDone),
    saveRoadmapTasks: (record: RoadmapRecord, tasks: readonly RoadmapTaskRecord[], onDone?: OnDone<void>) =>
      write("The task changes were not saved", () => store.saveRoadmapTasks(record.sheetName, tasks), onDone),
    insertTornado: store.insertTornado
      ? (title: string, rows: readonly { label: string; down: number; up: number }[], onDone?: OnDone<string>) =>
          write("The tornado chart was not inserted", () => store.insertTornado!(title, rows), onDone)
      : undefined,
    insertGrid: store.insertGrid
      ? (
          scores: readonly number[],
          rowLayer: number,
          columnLayer: number,
          steps: readonly number[],
          onDone?: OnDone<string>,
        ) => write("The grid was not written", () => store.insertGrid!(scores, rowLayer, columnLayer, steps), onDone)
      : undefined,
  };
}

export type Planning = ReturnType<typeof usePlanning>;
