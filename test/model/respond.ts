import { statementsOf } from "../../src/model/assessment";
import { LAYERS } from "../../src/model/layers";
import type { AssessmentResponse } from "../../src/model/team";

/**
 * Answers for one layer: one number for all three statements, a triple (undefined leaves a
 * statement unanswered), or null to leave the whole layer unanswered.
 */
export type LayerAnswers = number | readonly [number | undefined, number | undefined, number | undefined] | null;

/** Builds a response from per-layer answers in layer order. */
export function respond(
  layers: readonly LayerAnswers[],
  fields: Partial<Omit<AssessmentResponse, "answers">> = {},
): AssessmentResponse {
  const answers: Record<string, number> = {};
  LAYERS.forEach((layer, k) => {
    const given = layers[k] ?? null;
    statementsOf(layer.id).forEach((statement, j) => {
      const value = given === null ? undefined : typeof given === "number" ? given : given[j];
      if (value !== undefined) answers[statement.id] = value;
    });
  });
  return {
    id: fields.id ?? "r1",
    workflow: fields.workflow ?? "Invoice triage",
    respondent: fields.respondent ?? "",
    date: fields.date ?? "",
    answers,
  };
}
