import * as React from "react";
import {
  isAnonymousRound,
  isRespondentLabel,
  withAnonymousRound,
  type AssessmentResponse,
  type TeamSettings,
} from "../../model";
import type { AssessmentStore, Draft } from "../../workbook/store";
import {
  BrowserTeamSettings,
  WorkbookTeamSettings,
  guardAnonymity,
  type TeamSettingsStore,
} from "../../workbook/team-settings";
import { useErrors } from "../errors";

/** Where the team settings live: the workbook inside Excel, this browser outside it. */
export function teamSettingsFor(kind: AssessmentStore["kind"]): TeamSettingsStore {
  return kind === "excel"
    ? new WorkbookTeamSettings(Office.context.document.settings)
    : new BrowserTeamSettings(window.localStorage);
}

/** Saves one response; resolves to it as stored, or false once the failure is reported (useResponses' save). */
export type SaveResponse = (response: AssessmentResponse, retry?: () => void) => Promise<AssessmentResponse | false>;

/** The responses of one round that carry a typed name (not a label, not blank). */
export const namedIn = (responses: readonly AssessmentResponse[], workflow: string, date: string) =>
  responses.filter(
    (r) => r.workflow === workflow && r.date === date && r.respondent !== "" && !isRespondentLabel(r.respondent),
  );

/** What the Assessment form needs to show and change whether the draft's round is anonymous. */
export interface RoundAnonymity {
  workflow: string;
  date: string;
  on: boolean;
  /** Saved responses of the round that carry a name. */
  named: number;
  busy: boolean;
  onChange: (on: boolean) => void;
}

/**
 * The team's privacy settings, read at once (both places read synchronously) and saved on
 * change, and the store with anonymous rounds enforced (see guardAnonymity). Damaged settings
 * are reported once, and the pane goes on with what could be read.
 */
export function useTeamSettings(store: AssessmentStore, source?: TeamSettingsStore) {
  const { report } = useErrors();
  const [settingsStore] = React.useState(() => source ?? teamSettingsFor(store.kind));
  const [loaded] = React.useState(() => settingsStore.load());
  const [settings, setSettings] = React.useState<TeamSettings>(loaded.settings);
  // Read by the guard at each save, so a save right after a change follows it.
  const current = React.useRef(settings);
  const [busy, setBusy] = React.useState(false);

  React.useEffect(() => {
    if (loaded.problem) report("The team settings are damaged", new Error(loaded.problem));
  }, [loaded, report]);

  const guarded = React.useMemo(() => guardAnonymity(store, () => current.current), [store]);

  const saveSettings = React.useCallback(
    async (next: TeamSettings, retry: () => void): Promise<boolean> => {
      try {
        await settingsStore.save(next);
      } catch (error) {
        report("The team settings were not saved", error, retry);
        return false;
      }
      current.current = next;
      setSettings(next);
      return true;
    },
    [settingsStore, report],
  );

  /** Saves the smallest group shown in detail (already checked with checkMinGroup). */
  const saveMinGroup = React.useCallback(
    (minGroup: number): Promise<boolean> =>
      saveSettings({ ...current.current, minGroup }, () => void saveMinGroup(minGroup)),
    [saveSettings],
  );

  /** Replaces the names of a round's responses by labels; the guard gives each its label. */
  const replaceNames = React.useCallback(
    async (named: readonly AssessmentResponse[], save: SaveResponse): Promise<boolean> => {
      setBusy(true);
      try {
        for (const response of named) {
          if (!(await save(response, () => void replaceNames(named, save)))) return false;
        }
        return true;
      } finally {
        setBusy(false);
      }
    },
    [],
  );

  /**
   * Makes a round anonymous (after the user agreed to replace its names) or named again. The
   * setting is saved first, so that no save can add a name once the names are being replaced;
   * a round left with names after a failure says so on Team & history, with the same action.
   */
  const setRoundAnonymous = React.useCallback(
    async (
      workflow: string,
      date: string,
      on: boolean,
      responses: readonly AssessmentResponse[],
      save: SaveResponse,
    ): Promise<boolean> => {
      setBusy(true);
      try {
        const next = withAnonymousRound(current.current, workflow, date, on);
        const retry = () => void setRoundAnonymous(workflow, date, on, responses, save);
        if (!(await saveSettings(next, retry))) return false;
      } finally {
        setBusy(false);
      }
      return on ? replaceNames(namedIn(responses, workflow, date), save) : true;
    },
    [saveSettings, replaceNames],
  );

  const isAnonymous = React.useCallback(
    (workflow: string, date: string) => isAnonymousRound(settings, workflow, date),
    [settings],
  );

  /** The form's control for the draft's round: its workflow (as saved) and the response's date. */
  const anonymityOf = (draft: Draft, responses: readonly AssessmentResponse[], save: SaveResponse): RoundAnonymity => {
    const workflow = draft.workflow.trim();
    return {
      workflow,
      date: draft.date,
      on: isAnonymous(workflow, draft.date),
      named: namedIn(responses, workflow, draft.date).length,
      busy,
      onChange: (on) => void setRoundAnonymous(workflow, draft.date, on, responses, save),
    };
  };

  return { store: guarded, settings, busy, saveMinGroup, isAnonymous, replaceNames, anonymityOf };
}
