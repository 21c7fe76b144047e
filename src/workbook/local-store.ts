// The store outside Excel: the browser's localStorage, under keys of our own.
import type { AssessmentResponse } from "../model";
import { ASSESSMENTS } from "./sheets/assessments";
import { recordProblem } from "./sheets/spec";
import { DRAFT_KEY, RESPONSES_KEY, type AssessmentStore, type Draft, type ResponseList } from "./store";

/** The part of the Web Storage API the store uses; tests pass an in-memory one. */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

function readJson<T>(storage: KeyValueStorage, key: string, fallback: T): T {
  const text = storage.getItem(key);
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new Error(`The saved data under "${key}" is damaged and could not be read: ${(error as Error).message}`);
  }
}

export class LocalStore implements AssessmentStore {
  readonly kind = "local" as const;

  constructor(private readonly storage: KeyValueStorage) {}

  async listResponses(): Promise<ResponseList> {
    return { responses: readJson<AssessmentResponse[]>(this.storage, RESPONSES_KEY, []), skipped: [] };
  }

  async saveResponse(response: AssessmentResponse): Promise<void> {
    // The same check as the Excel store: what the workbook's reader would refuse is not saved.
    const problem = recordProblem(ASSESSMENTS, response);
    if (problem) throw new Error(problem);
    const responses = readJson<AssessmentResponse[]>(this.storage, RESPONSES_KEY, []);
    const at = responses.findIndex((existing) => existing.id === response.id);
    if (at >= 0) responses[at] = response;
    else responses.push(response);
    this.storage.setItem(RESPONSES_KEY, JSON.stringify(responses));
  }

  async deleteResponse(id: string): Promise<void> {
    const responses = readJson<AssessmentResponse[]>(this.storage, RESPONSES_KEY, []);
    const kept = responses.filter((response) => response.id !== id);
    if (kept.length === responses.length) throw new Error(`There is no saved response with the id "${id}".`);
    this.storage.setItem(RESPONSES_KEY, JSON.stringify(kept));
  }

  async loadDraft(): Promise<Draft | null> {
    return readJson<Draft | null>(this.storage, DRAFT_KEY, null);
  }

  async saveDraft(draft: Draft | null): Promise<void> {
    if (draft === null) this.storage.removeItem(DRAFT_KEY);
    else this.storage.setItem(DRAFT_KEY, JSON.stringify(draft));
  }
}
