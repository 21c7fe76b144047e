import * as React from "react";
import { assessAnswers, type AssessmentResponse } from "../../model";
import type { AssessmentStore, Draft } from "../../workbook/store";
import { scrubDraft } from "../../workbook/team-settings";
import { useErrors } from "../errors";

export const EMPTY_DRAFT: Draft = { workflow: "", respondent: "", date: "", answers: {} };

/** A fresh id for a response saved for the first time. */
export function newId(): string {
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
 * The form's state as the pane keeps it: the draft, plus what only the pane needs. Both stores
 * keep the draft as one JSON value, so these fields are saved and restored with it.
 */
export interface PaneDraft extends Draft {
  /** The date each new respondent starts with; "" or absent when the round has none. */
  roundDate?: string;
  /** While a saved response is edited: the new response that was on the form, brought back after. */
  setAside?: Draft;
}

/** A draft read before the first render, so the form appears with it at once. */
export type InitialDraft = { draft: Draft | null } | { error: unknown };

/**
 * The answers a stored draft brings back, for the "restored" notice; 0 when it brings none (a
 * workflow name or date kept for the next respondent is not unsaved work).
 */
const restoredAnswers = (saved: Draft | null): number =>
  saved && typeof saved.answers === "object" && saved.answers !== null ? assessAnswers(saved.answers).answered : 0;

const plainDraft = (draft: Draft): Draft => ({
  workflow: draft.workflow,
  respondent: draft.respondent,
  date: draft.date,
  answers: { ...draft.answers },
});

const isDraftLike = (value: unknown): value is Draft => {
  if (typeof value !== "object" || value === null) return false;
  const d = value as Record<string, unknown>;
  return (
    typeof d.workflow === "string" &&
    typeof d.respondent === "string" &&
    typeof d.date === "string" &&
    typeof d.answers === "object" &&
    d.answers !== null
  );
};

/** A stored draft as the pane's state; the pane's own fields are kept only when well formed. */
function fromStored(saved: Draft): PaneDraft {
  const extra = saved as Draft & Record<string, unknown>;
  const draft: PaneDraft = plainDraft({ ...EMPTY_DRAFT, ...saved, answers: saved.answers ?? {} });
  if (typeof saved.responseId === "string") draft.responseId = saved.responseId;
  if (typeof extra.roundDate === "string" && extra.roundDate !== "") draft.roundDate = extra.roundDate;
  if (draft.responseId && isDraftLike(extra.setAside)) draft.setAside = plainDraft(extra.setAside);
  return draft;
}

/** The form for the next respondent: the workflow kept, the date the round's (or none). */
const nextRespondent = (d: PaneDraft): PaneDraft => ({
  ...EMPTY_DRAFT,
  workflow: d.workflow,
  date: d.roundDate ?? "",
  ...(d.roundDate ? { roundDate: d.roundDate } : {}),
});

/** Whether a round (workflow as saved, date) is anonymous; none is without it. */
export type AnonymousRound = (workflow: string, date: string) => boolean;
const noAnonymousRound: AnonymousRound = () => false;

/**
 * The assessment form's state. The draft is restored from the store on start and written back
 * once per change, so closing the pane, reloading or a failed save loses nothing. Writing is done
 * beside the state update, never inside a state updater (React may call those twice). In an
 * anonymous round no typed respondent is kept, in the state or in the stored draft: it is
 * cleared at each change, and when a round becomes anonymous.
 */
export function useDraft(store: AssessmentStore, initial?: InitialDraft, anonymous: AnonymousRound = noAnonymousRound) {
  const { report } = useErrors();
  const preloaded = initial && "draft" in initial ? initial.draft : null;
  const [draft, setDraft] = React.useState<PaneDraft>(() =>
    scrubDraft(preloaded ? fromStored(preloaded) : EMPTY_DRAFT, anonymous),
  );
  const anonymousNow = React.useRef(anonymous);
  anonymousNow.current = anonymous;
  // The latest draft, read by changes made in the same event before React renders again.
  const latest = React.useRef(draft);
  const [loaded, setLoaded] = React.useState(initial !== undefined);
  const [restored, setRestored] = React.useState(() => restoredAnswers(preloaded));

  /** Writes the latest draft; a retry writes whatever is latest by then. */
  const persist = React.useCallback(() => {
    const write = (): Promise<void> =>
      store
        .saveDraft(latest.current)
        .catch((error) =>
          report(
            `The draft could not be saved ${store.kind === "excel" ? "in the workbook" : "in this browser"}`,
            error,
            () => void write(),
          ),
        );
    void write();
  }, [store, report]);

  React.useEffect(() => {
    if (initial) {
      if ("error" in initial) report("Your saved draft could not be read", initial.error);
      // A name kept in a stored draft of an anonymous round is cleared from storage too.
      else if (initial.draft && scrubDraft(initial.draft, anonymousNow.current) !== initial.draft) persist();
      return;
    }
    let active = true;
    store
      .loadDraft()
      .then((saved) => {
        if (!active || !saved) return;
        const stored = fromStored(saved);
        latest.current = scrubDraft(stored, anonymousNow.current);
        setDraft(latest.current);
        // A name kept in a stored draft of an anonymous round is cleared from storage too.
        if (latest.current !== stored) persist();
        setRestored(restoredAnswers(saved));
      })
      .catch((error) => report("Your saved draft could not be read", error))
      .finally(() => active && setLoaded(true));
    return () => {
      active = false;
    };
    // The initial draft is read once, on mount; later changes of `initial` are ignored.
  }, [store, report, persist]);

  const update = React.useCallback(
    (change: (current: PaneDraft) => PaneDraft) => {
      latest.current = scrubDraft(change(latest.current), anonymousNow.current);
      setDraft(latest.current);
      persist();
    },
    [persist],
  );

  // A round made anonymous while its respondent is on the form: the name goes, here and in storage.
  React.useEffect(() => {
    if (scrubDraft(latest.current, anonymous) !== latest.current) update((d) => d);
  }, [anonymous, update]);

  const setAnswer = React.useCallback(
    (statementId: string, value: number) => update((d) => ({ ...d, answers: { ...d.answers, [statementId]: value } })),
    [update],
  );
  const setField = React.useCallback(
    (field: "workflow" | "respondent" | "date", value: string) => update((d) => ({ ...d, [field]: value })),
    [update],
  );
  /**
   * Sets the date each new respondent starts with. The response on the form takes it too while
   * it is new and its date is still empty or the round's previous date.
   */
  const setRoundDate = React.useCallback(
    (value: string) =>
      update((d) => {
        const { roundDate: previous = "", ...rest } = d;
        const follows = !d.responseId && (d.date === "" || d.date === previous);
        return { ...rest, ...(value ? { roundDate: value } : {}), date: follows ? value : d.date };
      }),
    [update],
  );
  /** Starts the next response: answers and respondent cleared, workflow kept, the round's date (or none). */
  const startNext = React.useCallback(() => update(nextRespondent), [update]);
  /**
   * Opens a saved response in the form. A new response on the form is set aside and comes back
   * with `finishEdit`; when another saved response was being edited, its changes are dropped
   * (the pane asks first) and the response set aside before it stays set aside.
   */
  const startEdit = React.useCallback(
    (response: AssessmentResponse) =>
      update((d) => ({
        workflow: response.workflow,
        respondent: response.respondent,
        date: response.date,
        answers: { ...response.answers },
        responseId: response.id,
        ...(d.roundDate ? { roundDate: d.roundDate } : {}),
        ...(d.responseId ? (d.setAside ? { setAside: d.setAside } : {}) : { setAside: plainDraft(d) }),
      })),
    [update],
  );
  /**
   * Ends editing a saved response (after it was saved, or to drop the changes): the response set
   * aside comes back, or the form starts the next respondent. Returns what came back.
   */
  const finishEdit = React.useCallback((): Draft | null => {
    const aside = latest.current.setAside ?? null;
    update((d) =>
      d.setAside
        ? { ...plainDraft(d.setAside), ...(d.roundDate ? { roundDate: d.roundDate } : {}) }
        : nextRespondent(d),
    );
    return aside;
  }, [update]);

  return {
    draft,
    loaded,
    restored,
    setAnswer,
    setField,
    setRoundDate,
    startNext,
    startEdit,
    finishEdit,
    dismissRestored: () => setRestored(0),
  };
}
