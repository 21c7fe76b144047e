// The store outside Excel: the browser's localStorage, under keys of our own.
import type { AssessmentResponse } from "../model";
import { ASSESSMENTS } from "./sheets/assessments";
import { checkList, readChecked, shapeProblem, type Checked, type Shape } from "./local-safety";
import { storeSpace, writeItem, type StoreSpace } from "./local-space";
import { recordProblem } from "./sheets/spec";
import { DRAFT_KEY, RESPONSES_KEY, type AssessmentStore, type Draft, type ResponseList } from "./store";

/** The part of the Web Storage API the store uses; tests pass an in-memory one. */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const RESPONSE_SHAPE: Shape = {
  id: "string",
  workflow: "string",
  respondent: "string",
  date: "string",
  answers: "object",
};

/** A stored response: the right fields, answers as numbers, and what the workbook's reader accepts. */
function responseProblem(item: unknown): string | null {
  const shape = shapeProblem(item, RESPONSE_SHAPE);
  if (shape) return shape;
  const answers = (item as AssessmentResponse).answers as Record<string, unknown>;
  const bad = Object.entries(answers).find(([, value]) => typeof value !== "number");
  if (bad) return `its answer to "${bad[0]}" is ${JSON.stringify(bad[1])}, not a number`;
  const problem = recordProblem(ASSESSMENTS, item as AssessmentResponse);
  return problem ? problem.replace(/^Not saved to [^:]+: /, "") : null;
}

export const checkResponses = (parsed: unknown): Checked<AssessmentResponse[]> =>
  checkList<AssessmentResponse>(parsed, "responses", responseProblem, (r) => r.id);

/** A stored draft: unusable fields make the whole draft unusable (it is kept in the quarantine). */
export function checkDraft(parsed: unknown): Checked<Draft | null> {
  if (parsed === null) return { value: null, problems: [] };
  const problem =
    shapeProblem(parsed, {
      workflow: "string",
      respondent: "string",
      date: "string",
      answers: "object",
      responseId: "string?",
      roundDate: "string?",
    }) ??
    (Object.values((parsed as Draft).answers).some((value) => typeof value !== "number")
      ? "an answer is not a number"
      : null);
  return problem
    ? { value: null, problems: [`the unsaved answers: ${problem}`] }
    : { value: parsed as Draft, problems: [] };
}

const readResponses = (storage: KeyValueStorage, purpose: "write" | "show" = "write") =>
  readChecked(storage, RESPONSES_KEY, checkResponses, [], purpose);

export class LocalStore implements AssessmentStore {
  readonly kind = "local" as const;

  constructor(private readonly storage: KeyValueStorage) {}

  /** The readable responses; damaged ones are kept aside (see local-safety) and listed with why. */
  async listResponses(): Promise<ResponseList> {
    const { value, problems } = readResponses(this.storage, "show");
    return { responses: value, skipped: problems.map((problem, i) => ({ row: i + 1, problem })) };
  }

  async saveResponse(response: AssessmentResponse): Promise<void> {
    // The same check as the Excel store: what the workbook's reader would refuse is not saved.
    const problem = recordProblem(ASSESSMENTS, response);
    if (problem) throw new Error(problem);
    const responses = readResponses(this.storage).value;
    const at = responses.findIndex((existing) => existing.id === response.id);
    if (at >= 0) responses[at] = response;
    else responses.push(response);
    // One whole value replaces the old one; a write that does not fit leaves the old one as it was.
    writeItem(this.storage, RESPONSES_KEY, JSON.stringify(responses));
  }

  async deleteResponse(id: string): Promise<void> {
    const responses = readResponses(this.storage).value;
    const kept = responses.filter((response) => response.id !== id);
    if (kept.length === responses.length) throw new Error(`There is no saved response with the id "${id}".`);
    writeItem(this.storage, RESPONSES_KEY, JSON.stringify(kept));
  }

  /** How much of the browser's storage AGAP's data fills (see local-space). */
  space(): StoreSpace {
    return storeSpace(this.storage);
  }

  async loadDraft(): Promise<Draft | null> {
    return readChecked(this.storage, DRAFT_KEY, checkDraft, null, "show").value;
  }

  async saveDraft(draft: Draft | null): Promise<void> {
    if (draft === null) this.storage.removeItem(DRAFT_KEY);
    else writeItem(this.storage, DRAFT_KEY, JSON.stringify(draft));
  }
}
