// Where the task pane keeps its data: the workbook inside Excel, the browser's storage outside it.
import type { Answers, AssessmentResponse } from "../model";
import type { ReportPlanning } from "./sheets/report";

/** The unsaved state of the assessment form, autosaved on every answer. */
export interface Draft {
  workflow: string;
  respondent: string;
  date: string;
  answers: Answers;
  /** Set when the draft edits a saved response, so saving updates that row. */
  responseId?: string;
  /** The date each new respondent of this round starts with; absent when none was set. */
  roundDate?: string;
  /** Answers put aside while a saved response is edited; they come back when the edit ends. */
  setAside?: Draft;
}

/** Rows of the assessments table, and the rows that could not be read (with the reason). */
export interface ResponseList {
  responses: AssessmentResponse[];
  skipped: { row: number; problem: string }[];
}

export interface AssessmentStore {
  readonly kind: "excel" | "local";
  listResponses(): Promise<ResponseList>;
  /** Adds the response, or updates the row with the same id. */
  saveResponse(response: AssessmentResponse): Promise<void>;
  /** Deletes the response with the id; rejects when there is none. */
  deleteResponse(id: string): Promise<void>;
  loadDraft(): Promise<Draft | null>;
  saveDraft(draft: Draft | null): Promise<void>;
  /** Creates a report sheet for one workflow; returns its name. Excel only. */
  insertReport?(workflow: string, responses: readonly AssessmentResponse[], options?: ReportOptions): Promise<string>;
  /** Excel only: features this Excel lacked in the writes since the last call, each said once. */
  drainLimitations?(): string[];
}

/** What a report sheet needs besides the responses. */
export interface ReportOptions {
  /** The smallest group whose detail is shown; DEFAULT_MIN_GROUP when absent. */
  minGroup?: number;
  /** The day the report is inserted (YYYY-MM-DD); today, in local time, when absent. */
  today?: string;
  /** The ROI rows, maturity records and roadmaps the report's status rows come from. */
  planning?: ReportPlanning;
  /** The workbook's decimal separator, for the numbers inside the sheet's sentences; "." when absent. */
  decimal?: string;
}

export const DRAFT_KEY = "agap.draft";
export const RESPONSES_KEY = "agap.responses";
