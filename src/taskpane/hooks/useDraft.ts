import * as React from "react";
import type { AssessmentResponse } from "../../model";
import type { AssessmentStore, Draft } from "../../workbook/store";
import { useErrors } from "../errors";

export const EMPTY_DRAFT: Draft = { workflow: "", respondent: "", date: "", answers: {} };

function newId(): string {
  const crypto = globalThis.crypto;
  return crypto && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `r-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** The response a draft becomes when saved. */
export function responseFromDraft(draft: Draft, id: string = draft.responseId ?? newId()): AssessmentResponse {
  return {
    id,
    workflow: draft.workflow.trim(),
    respondent: draft.respondent.trim(),
    date: draft.date,
    answers: { ...draft.answers },
  };
}

/**
 * The assessment form's state. The draft is restored from the store on start and written back on
 * every change, so closing the pane, reloading or a failed save loses nothing.
 */
/** A draft read before the first render, so the form appears with it at once. */
export type InitialDraft = { draft: Draft | null } | { error: unknown };

const isRestorable = (saved: Draft | null): saved is Draft =>
  saved !== null && (Object.keys(saved.answers ?? {}).length > 0 || saved.workflow !== "");

export function useDraft(store: AssessmentStore, initial?: InitialDraft) {
  const { report } = useErrors();
  const preloaded = initial && "draft" in initial ? initial.draft : null;
  const [draft, setDraft] = React.useState<Draft>(() =>
    preloaded ? { ...EMPTY_DRAFT, ...preloaded, answers: { ...preloaded.answers } } : EMPTY_DRAFT,
  );
  const [loaded, setLoaded] = React.useState(initial !== undefined);
  const [restored, setRestored] = React.useState(isRestorable(preloaded));

  React.useEffect(() => {
    if (initial) {
      if ("error" in initial) report("Your saved draft could not be read", initial.error);
      return;
    }
    let active = true;
    store
      .loadDraft()
      .then((saved) => {
        if (!active || !saved) return;
        setDraft({ ...EMPTY_DRAFT, ...saved, answers: { ...saved.answers } });
        setRestored(isRestorable(saved));
      })
      .catch((error) => report("Your saved draft could not be read", error))
      .finally(() => active && setLoaded(true));
    return () => {
      active = false;
    };
    // The initial draft is read once, on mount; later changes of `initial` are ignored.
  }, [store, report]);

  const persist = React.useCallback(
    (next: Draft) => {
      const write = () =>
        store.saveDraft(next).catch((error) => report("The draft could not be saved in the workbook", error, write));
      void write();
    },
    [store, report],
  );

  const update = React.useCallback(
    (change: (current: Draft) => Draft) => {
      setDraft((current) => {
        const next = change(current);
        persist(next);
        return next;
      });
    },
    [persist],
  );

  const setAnswer = React.useCallback(
    (statementId: string, value: number) => update((d) => ({ ...d, answers: { ...d.answers, [statementId]: value } })),
    [update],
  );
  const setField = React.useCallback(
    (field: "workflow" | "respondent" | "date", value: string) => update((d) => ({ ...d, [field]: value })),
    [update],
  );
  /** Starts the next response: answers cleared, workflow and date kept for the next respondent. */
  const startNext = React.useCallback(
    () => update((d) => ({ ...EMPTY_DRAFT, workflow: d.workflow, date: d.date })),
    [update],
  );

  return { draft, loaded, restored, setAnswer, setField, startNext, dismissRestored: () => setRestored(false) };
}
