import * as React from "react";
import type { MaturityRecord, RoiEntry, Scenario } from "../../model";
import type { PlanningData, PlanningStore } from "../../workbook/planning-store";
import { useErrors } from "../errors";
import { SAVED_WITH_LIMITATIONS } from "../hooks/useResponses";

const EMPTY: PlanningData = { scenarios: [], roi: [], maturity: [], roadmaps: [], skipped: [] };

/** Scenarios, ROI rows, maturity and roadmaps, read from the store; writes report failures with a retry. */
export function usePlanning(store: PlanningStore) {
  const { report } = useErrors();
  const [data, setData] = React.useState<PlanningData>(EMPTY);

  const reload = React.useCallback(async () => {
    try {
      setData(await store.loadPlanning());
    } catch (error) {
      report("Planning data could not be read", error, () => void reload());
    }
  }, [store, report]);

  React.useEffect(() => {
    void reload();
  }, [reload]);

  /** Runs one write; on failure the message appears with Retry, and the form keeps its input. */
  const write = React.useCallback(
    async <T>(title: string, action: () => Promise<T>): Promise<{ result: T } | undefined> => {
      let result: T;
      try {
        result = await action();
      } catch (error) {
        report(title, error, () => void write(title, action));
        return undefined;
      }
      const limitations = store.drainLimitations?.() ?? [];
      if (limitations.length > 0) report(SAVED_WITH_LIMITATIONS, limitations.join(" "));
      await reload();
      return { result };
    },
    [report, reload],
  );

  return {
    data,
    reload,
    saveScenario: (scenario: Scenario) => write("The scenario was not saved", () => store.saveScenario(scenario)),
    saveRoi: (entry: RoiEntry) => write("The ROI row was not saved", () => store.saveRoi(entry)),
    saveMaturity: (record: MaturityRecord) =>
      write("The maturity stage was not saved", () => store.saveMaturity(record)),
    createRoadmap: (workflow: string, start: string) =>
      write("The roadmap was not created", () => store.createRoadmap(workflow, start)),
    insertTornado: store.insertTornado
      ? (title: string, rows: readonly { label: string; down: number; up: number }[]) =>
          write("The tornado chart was not inserted", () => store.insertTornado!(title, rows))
      : undefined,
    insertGrid: store.insertGrid
      ? (scores: readonly number[], rowLayer: number, columnLayer: number, steps: readonly number[]) =>
          write("The grid was not written", () => store.insertGrid!(scores, rowLayer, columnLayer, steps))
      : undefined,
  };
}

export type Planning = ReturnType<typeof usePlanning>;
