import * as React from "react";
import type { AssessmentResponse } from "../../model";
import type { AssessmentStore, ResponseList } from "../../workbook/store";
import { useErrors } from "../errors";

/** Shown when a save succeeded but this Excel skipped a feature (data validation, frozen header…). */
export const SAVED_WITH_LIMITATIONS = "Saved, but this Excel lacks a feature";

/**
 * The saved responses, read from the store (the workbook table inside Excel). `initial`, the list
 * as read just before the first render, is taken as it is rather than read a second time; like a
 * read, it is shown after the first render, which draws the survey without it.
 */
export function useResponses(store: AssessmentStore, initial?: ResponseList) {
  const { report } = useErrors();
  const [list, setList] = React.useState<ResponseList>({ responses: [], skipped: [] });
  const [loading, setLoading] = React.useState(true);
  const readBefore = React.useRef(initial);

  /** Reads the list again; resolves to it, or null once a failure is reported. */
  const reload = React.useCallback(async (): Promise<ResponseList | null> => {
    setLoading(true);
    try {
      const next = await store.listResponses();
      setList(next);
      return next;
    } catch (error) {
      report("Saved responses could not be read", error, () => void reload());
      return null;
    } finally {
      setLoading(false);
    }
  }, [store, report]);

  React.useEffect(() => {
    const before = readBefore.current;
    readBefore.current = undefined;
    if (!before) {
      void reload();
      return;
    }
    setList(before);
    setLoading(false);
  }, [reload]);

  /**
   * Saves one response (a new row, or the row with its id) and reads the list again; resolves to
   * the response as stored (in an anonymous round it carries its label, not the name typed), or
   * false (after reporting) on failure. `retry` replaces the plain retry of the save.
   */
  const save = React.useCallback(
    async (response: AssessmentResponse, retry?: () => void): Promise<AssessmentResponse | false> => {
      try {
        await store.saveResponse(response);
      } catch (error) {
        report("The response was not saved; your answers are kept", error, retry ?? (() => void save(response)), {
          focus: true,
        });
        return false;
      }
      const limitations = store.drainLimitations?.() ?? [];
      if (limitations.length > 0) report(SAVED_WITH_LIMITATIONS, limitations.join(" "));
      const next = await reload();
      return next?.responses.find((stored) => stored.id === response.id) ?? response;
    },
    [store, report, reload],
  );

  /** Deletes one response and reads the list again; resolves false (after reporting) on failure. */
  const remove = React.useCallback(
    async (response: AssessmentResponse, retry?: () => void): Promise<boolean> => {
      try {
        await store.deleteResponse(response.id);
      } catch (error) {
        report("The response was not deleted", error, retry ?? (() => void remove(response)), { focus: true });
        return false;
      }
      await reload();
      return true;
    },
    [store, report, reload],
  );

  return { ...list, loading, reload, save, remove };
}
