// Where the team's privacy settings live: in the workbook's document settings inside Excel (saved
// with the file, like the draft), in the browser's storage outside it. And the guard that keeps
// names out of anonymous rounds, whatever path a response takes to the store.
import {
  DEFAULT_TEAM_SETTINGS,
  anonymousRespondent,
  isAnonymousRound,
  isRespondentLabel,
  readTeamSettings,
  type AssessmentResponse,
  type TeamSettings,
} from "../model";
import type { DraftSettings } from "./excel-store";
import type { KeyValueStorage } from "./local-store";
import { readChecked } from "./local-safety";
import { writeItem } from "./local-space";
import type { AssessmentStore, Draft } from "./store";

/** The key of the settings, in the document settings and in the browser's storage alike. */
export const TEAM_SETTINGS_KEY = "agap.team";

/** Settings as read: what can be used, and a message when part of what was stored could not be. */
export interface LoadedTeamSettings {
  settings: TeamSettings;
  /** Null when everything stored was usable (or nothing was stored). */
  problem: string | null;
}

/** Where the team settings are kept. Reading is synchronous in both places, so the pane starts with them. */
export interface TeamSettingsStore {
  readonly kind: "excel" | "local";
  load(): LoadedTeamSettings;
  save(settings: TeamSettings): Promise<void>;
}

const fallbackNote = (settings: TeamSettings) =>
  `Until they are saved again, the smallest group shown in detail is ${settings.minGroup}` +
  (settings.minGroup === DEFAULT_TEAM_SETTINGS.minGroup ? " (the default)" : "") +
  `, and ${settings.anonymousRounds.length} round${settings.anonymousRounds.length === 1 ? " is" : "s are"} anonymous.`;

const problemText = (where: string, problems: readonly string[], settings: TeamSettings) =>
  `The team settings ${where} could not be read in full: ${problems.join("; ")}. ${fallbackNote(settings)}`;

/**
 * The settings in the workbook: one JSON text under `agap.team` in the document settings. A
 * damaged value is left as it is until the next save, which writes what could be read of it.
 */
export class WorkbookTeamSettings implements TeamSettingsStore {
  readonly kind = "excel" as const;

  constructor(private readonly settings: DraftSettings) {}

  load(): LoadedTeamSettings {
    const stored = this.settings.get(TEAM_SETTINGS_KEY);
    if (stored === null || stored === undefined) return { settings: { ...DEFAULT_TEAM_SETTINGS }, problem: null };
    let parsed: unknown = stored;
    if (typeof stored === "string") {
      try {
        parsed = JSON.parse(stored);
      } catch (error) {
        const settings = { ...DEFAULT_TEAM_SETTINGS };
        return {
          settings,
          problem: problemText(
            "saved in this workbook",
            [`they are not readable JSON (${(error as Error).message})`],
            settings,
          ),
        };
      }
    }
    const { settings, problems } = readTeamSettings(parsed);
    return { settings, problem: problems.length ? problemText("saved in this workbook", problems, settings) : null };
  }

  async save(settings: TeamSettings): Promise<void> {
    const document = this.settings;
    document.set(TEAM_SETTINGS_KEY, JSON.stringify(settings));
    await new Promise<void>((resolve, reject) => {
      document.saveAsync((result) => {
        // "failed" is the value of Office.AsyncResultStatus.Failed; compared as text so the
        // module needs no Office global.
        if (String(result.status) === "failed") {
          reject(Object.assign(new Error(result.error.message), { code: result.error.code }));
        } else {
          resolve();
        }
      });
    });
  }
}

/**
 * The settings in the browser's storage. Damaged text is kept aside for download, as for
 * responses and plans (see local-safety), and the usable part is written back at once.
 */
export class BrowserTeamSettings implements TeamSettingsStore {
  readonly kind = "local" as const;

  constructor(private readonly storage: KeyValueStorage) {}

  load(): LoadedTeamSettings {
    const read = readChecked(
      this.storage,
      TEAM_SETTINGS_KEY,
      (parsed) => {
        const { settings, problems } = readTeamSettings(parsed);
        return { value: settings, problems };
      },
      { ...DEFAULT_TEAM_SETTINGS },
      "show",
    );
    return {
      settings: read.value,
      problem: read.problems.length
        ? `${problemText("stored in this browser", read.problems, read.value)} The damaged text is kept for download.`
        : null,
    };
  }

  async save(settings: TeamSettings): Promise<void> {
    writeItem(this.storage, TEAM_SETTINGS_KEY, JSON.stringify(settings));
  }
}

/** The round of a draft: the workflow as it will be saved (trimmed) and the response's date. */
const draftInRound = (draft: Draft, anonymous: (workflow: string, date: string) => boolean) =>
  anonymous(draft.workflow.trim(), draft.date);

/** A respondent a draft in an anonymous round may keep: none, or a label given by AGAP (never typed). */
const keepable = (respondent: string) => respondent === "" || isRespondentLabel(respondent);

/**
 * The draft with no typed respondent kept where its round is anonymous (the set-aside response
 * too). A label stays: it was given by AGAP when the response was saved, not typed.
 */
export function scrubDraft<D extends Draft>(draft: D, anonymous: (workflow: string, date: string) => boolean): D {
  let scrubbed = draft;
  if (!keepable(draft.respondent) && draftInRound(draft, anonymous)) scrubbed = { ...draft, respondent: "" };
  const aside = draft.setAside;
  if (aside && !keepable(aside.respondent) && draftInRound(aside, anonymous)) {
    scrubbed = { ...scrubbed, setAside: { ...aside, respondent: "" } };
  }
  return scrubbed;
}

/**
 * The store with anonymous rounds enforced at its door: a response saved into an anonymous round
 * (from the form, a survey import, a backup or an Undo) is stored under a label, never a name,
 * and a draft in one is stored without its respondent. `settings` is read at each call, so the
 * guard follows the latest settings. Everything else is the store's own, `instanceof` included.
 */
export function guardAnonymity(store: AssessmentStore, settings: () => TeamSettings): AssessmentStore {
  const anonymous = (workflow: string, date: string) => isAnonymousRound(settings(), workflow, date);
  const saveResponse = async (response: AssessmentResponse): Promise<void> => {
    if (!anonymous(response.workflow, response.date)) return store.saveResponse(response);
    // Read afresh for each save: rows typed in the sheet since the last read count too.
    const { responses } = await store.listResponses();
    const round = responses.filter((r) => r.workflow === response.workflow && r.date === response.date);
    return store.saveResponse({ ...response, respondent: anonymousRespondent(response, round) });
  };
  const saveDraft = (draft: Draft | null): Promise<void> =>
    store.saveDraft(draft === null ? null : scrubDraft(draft, anonymous));
  return new Proxy(store, {
    get(target, property) {
      if (property === "saveResponse") return saveResponse;
      if (property === "saveDraft") return saveDraft;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
