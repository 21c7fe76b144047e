// Formulas for a round's team result over the assessments table, as the model defines it: the rows
// of one workflow (matched exactly, with EXACT) on one date, complete rows only, mean per layer.
// Structured references grow with the table; SUMPRODUCT keeps them portable to spreadsheets
// without dynamic arrays.
import { ANSWER_MAX, LAYERS, STATEMENTS_PER_LAYER } from "../../model";
import { ANSWER_COLUMNS, ASSESSMENTS, COMPLETE_COUNT } from "./assessments";
import { tableColumn } from "./spec";

const WORKFLOWS = tableColumn(ASSESSMENTS, "workflow");
const DATES = tableColumn(ASSESSMENTS, "date");
const ANSWERED = tableColumn(ASSESSMENTS, "answered");

/** 1 for each complete row of the workflow, else 0. */
export const completeRows = (workflowCell: string) =>
  `EXACT(${WORKFLOWS},${workflowCell})*(${ANSWERED}=${COMPLETE_COUNT})`;

/** 1 for each row of the workflow on the date (a serial; 0 or blank for undated), else 0. */
export const roundRows = (workflowCell: string, dateCell: string) =>
  `EXACT(${WORKFLOWS},${workflowCell})*(${DATES}=${dateCell})`;

/** 1 for each complete row of the round. */
export const completeRoundRows = (workflowCell: string, dateCell: string) =>
  `${completeRows(workflowCell)}*(${DATES}=${dateCell})`;

/**
 * The date of the workflow's latest round with a team result: 0 when that round is undated,
 * #N/A when the workflow has no complete row.
 *
 * @example
 * latestDateFormula("$A2") //=> "=IF(SUMPRODUCT(EXACT(AgapAssessments[Workflow],$A2)*…)=0,NA(),SUMPRODUCT(MAX(…*AgapAssessments[Date])))"
 */
export function latestDateFormula(workflowCell: string): string {
  const rows = completeRows(workflowCell);
  return `=IF(SUMPRODUCT(${rows})=0,NA(),SUMPRODUCT(MAX(${rows}*${DATES})))`;
}

/**
 * Layer k's team score in a round: the mean of its answers over the round's complete rows, ÷ 5.
 * SUMPRODUCT with the rows as a separate argument reads only numbers, so blank answers of
 * partial rows never break it. #N/A when the round has no complete row.
 */
export function roundScoreFormula(k: number, workflowCell: string, dateCell: string): string {
  const rows = completeRoundRows(workflowCell, dateCell);
  const sums = Array.from(
    { length: STATEMENTS_PER_LAYER },
    (_, j) => `SUMPRODUCT(${rows},${tableColumn(ASSESSMENTS, ANSWER_COLUMNS[k * STATEMENTS_PER_LAYER + j].key)})`,
  );
  const count = `SUMPRODUCT(${rows})`;
  return `=IF(${count}=0,NA(),(${sums.join("+")})/(${ANSWER_MAX * STATEMENTS_PER_LAYER}*${count}))`;
}

/** The count of the round's rows, complete or not. */
export const roundResponsesFormula = (workflowCell: string, dateCell: string) =>
  `=SUMPRODUCT(${roundRows(workflowCell, dateCell)})`;

/** The count of the round's complete rows. */
export const roundCompleteFormula = (workflowCell: string, dateCell: string) =>
  `=SUMPRODUCT(${completeRoundRows(workflowCell, dateCell)})`;

export const LAYER_COUNT_IN_ROUND = LAYERS.length;

/**
 * The date of the workflow's round with a team result just before the one on `latestCell`: the
 * latest complete row's date below it (0 for the undated round, which comes before every dated
 * one). `none` (a text) when there is no such round or the latest cell holds no date.
 *
 * @example
 * previousDateFormula("$B$2", "$B$3", "no earlier round") //=> '=IF(COUNT($B$3)=1,IF(SUMPRODUCT(…*(AgapAssessments[Date]<$B$3))=0,"no earlier round",SUMPRODUCT(MAX(…))),"no earlier round")'
 */
export function previousDateFormula(workflowCell: string, latestCell: string, none: string): string {
  const rows = `${completeRows(workflowCell)}*(${DATES}<${latestCell})`;
  const text = `"${none.replace(/"/g, '""')}"`;
  return `=IF(COUNT(${latestCell})=1,IF(SUMPRODUCT(${rows})=0,${text},SUMPRODUCT(MAX(${rows}*${DATES}))),${text})`;
}

/**
 * The lowest or highest score of layer k among the round's complete respondents, each the sum of
 * its three answers ÷ 15. Rows outside the round count as 0 (highest) or as 16, above any sum
 * (lowest). #N/A when the round has no complete row.
 */
export function roundLayerExtremeFormula(
  extreme: "min" | "max",
  k: number,
  workflowCell: string,
  dateCell: string,
): string {
  const rows = completeRoundRows(workflowCell, dateCell);
  const answers = Array.from({ length: STATEMENTS_PER_LAYER }, (_, j) =>
    tableColumn(ASSESSMENTS, ANSWER_COLUMNS[k * STATEMENTS_PER_LAYER + j].key),
  );
  const sum = `(${answers.join("+")})`;
  const most = ANSWER_MAX * STATEMENTS_PER_LAYER;
  const picked = extreme === "max" ? `MAX((${rows})*${sum})` : `MIN((${rows})*${sum}+(1-(${rows}))*${most + 1})`;
  return `=IF(SUMPRODUCT(${rows})=0,NA(),SUMPRODUCT(${picked})/${most})`;
}
