import * as React from "react";
import { Button, Field, Input, Select } from "@fluentui/react-components";
import {
  LAYERS,
  STATEMENTS,
  STATEMENTS_PER_LAYER,
  assessAnswers,
  type AssessmentResponse,
  roundLabel,
} from "../../model";
import { ANSWER_COLUMNS } from "../../workbook/sheets/assessments";
import {
  columnsOf,
  guessMapping,
  planSurvey,
  readSurvey,
  type DateOrder,
  type SurveyColumn,
  type SurveyGrid,
  type SurveyMapping,
  type SurveyRow,
} from "../../workbook/survey-import";
import { useImportStyles } from "./import-styles";
import { Notice } from "./Notice";
import { KeepDates } from "./KeepDates";
import { plural } from "./format";

export interface SurveyReviewProps {
  fileName: string;
  grid: SurveyGrid;
  /** Oddities of the file the reader worked around, said plainly. */
  problems: readonly string[];
  /** The responses saved now, so rows imported before are not saved twice. */
  saved: readonly AssessmentResponse[];
  busy: boolean;
  onImport: (rows: readonly SurveyRow[]) => void;
  onCancel: () => void;
}

const PREVIEW_ROWS = 3;

/** A column as a choice: its letter and header, cut short; the select shrinks with the pane. */
function columnLabel(column: SurveyColumn): string {
  const header = column.header || "no name";
  return `${column.letter}: ${header.length > 60 ? `${header.slice(0, 59)}…` : header}`;
}

const SLASHED = /^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/;

/** One response's answers by layer: "Strategy 4 4 4 · Workflow 3 – 3 · …" ("–" unanswered). */
function answerLine(response: AssessmentResponse): string {
  return LAYERS.map((layer, k) => {
    const values = STATEMENTS.slice(k * STATEMENTS_PER_LAYER, (k + 1) * STATEMENTS_PER_LAYER).map(
      (statement) => response.answers[statement.id] ?? "–",
    );
    return `${layer.short} ${values.join(" ")}`;
  }).join(" · ");
}

/**
 * Responses from a survey file: the user checks how columns map to statements, respondent, date
 * and workflow (each proposed from the headers, each changeable), sees the first rows as they will
 * be saved and every row that will not be, with the reasons, and only then imports.
 */
export function SurveyReview({ fileName, grid, problems, saved, busy, onImport, onCancel }: SurveyReviewProps) {
  const styles = useImportStyles();
  const [mapping, setMapping] = React.useState<SurveyMapping>(() => guessMapping(grid));
  const [headerText, setHeaderText] = React.useState(String(mapping.headerRow + 1));
  const headingId = React.useId();
  // The review appears below the buttons: focus moves to its heading, so it is seen and read first.
  const heading = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => heading.current?.focus(), []);
  const columns = React.useMemo(() => columnsOf(grid, mapping.headerRow), [grid, mapping.headerRow]);
  const read = React.useMemo(() => readSurvey(grid, mapping), [grid, mapping]);
  const plan = React.useMemo(() => planSurvey(read.rows, saved), [read, saved]);
  const matched = mapping.statements.filter((column) => column !== null).length;
  // A column chosen for more than one statement is allowed (it may be meant), but said.
  const shared = columns
    .map((column) => ({
      column,
      statements: ANSWER_COLUMNS.filter((_, k) => mapping.statements[k] === column.index).map((c) => c.header),
    }))
    .filter(({ statements }) => statements.length > 1);
  const lastHeaderRow = Math.min(20, grid.length);

  const update = (change: Partial<SurveyMapping>) => setMapping((current) => ({ ...current, ...change }));
  const changeHeaderRow = (text: string) => {
    setHeaderText(text);
    // Digits only: "1e1" or "0x2" is not a row number, and stays marked as one to correct.
    const row = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isInteger(row) || row < 1 || row > lastHeaderRow) return;
    const guess = guessMapping(grid, row - 1);
    // A workflow or date typed for the whole file is kept.
    setMapping((current) => ({
      ...guess,
      workflow:
        guess.workflow.kind === "fixed" && current.workflow.kind === "fixed" ? current.workflow : guess.workflow,
      date: guess.date.kind === "fixed" && current.date.kind === "fixed" ? current.date : guess.date,
    }));
  };
  const columnOptions = columns.map((column) => (
    <option key={column.index} value={String(column.index)}>
      {columnLabel(column)}
    </option>
  ));
  const dateColumn = mapping.date.kind === "column" ? mapping.date.column : null;
  const slashedDates =
    dateColumn !== null && grid.slice(mapping.headerRow + 1).some((row) => SLASHED.test(String(row[dateColumn] ?? "")));
  const headerRowValid = String(mapping.headerRow + 1) === headerText;

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h4 id={headingId} ref={heading} tabIndex={-1} className={styles.subheading}>
        Survey responses from “{fileName}”
      </h4>
      {problems.map((problem) => (
        <Notice key={problem} intent="warning">
          {problem}
        </Notice>
      ))}
      <p className={styles.note}>
        AGAP matched the columns it could by their names. Check each one; nothing is saved until you import.
      </p>

      <Field
        label="Column names are on row"
        className={styles.field}
        validationState={headerRowValid ? "none" : "error"}
        validationMessage={headerRowValid ? undefined : `Enter a row from 1 to ${lastHeaderRow}.`}
      >
        <Input
          inputMode="numeric"
          value={headerText}
          onChange={(_, data) => changeHeaderRow(data.value)}
          className={styles.fill}
        />
      </Field>

      <Field label="Workflow" className={styles.field}>
        <Select
          className={styles.fill}
          select={{ className: styles.fill }}
          value={mapping.workflow.kind === "column" ? String(mapping.workflow.column) : "fixed"}
          onChange={(_, data) =>
            update({
              workflow:
                data.value === "fixed" ? { kind: "fixed", name: "" } : { kind: "column", column: Number(data.value) },
            })
          }
        >
          <option value="fixed">One workflow for the whole file</option>
          {columnOptions}
        </Select>
      </Field>
      {mapping.workflow.kind === "fixed" && (
        <Field
          label="Workflow of every row"
          className={styles.field}
          validationState={mapping.workflow.name.trim() ? "none" : "warning"}
          validationMessage={mapping.workflow.name.trim() ? undefined : "Type the workflow these responses assess."}
        >
          <Input
            className={styles.fill}
            value={mapping.workflow.name}
            onChange={(_, data) => update({ workflow: { kind: "fixed", name: data.value } })}
          />
        </Field>
      )}

      <Field label="Respondent" className={styles.field}>
        <Select
          className={styles.fill}
          select={{ className: styles.fill }}
          value={mapping.respondent === null ? "none" : String(mapping.respondent)}
          onChange={(_, data) => update({ respondent: data.value === "none" ? null : Number(data.value) })}
        >
          <option value="none">No respondent names</option>
          {columnOptions}
        </Select>
      </Field>

      <Field label="Date" className={styles.field}>
        <Select
          className={styles.fill}
          select={{ className: styles.fill }}
          value={dateColumn === null ? "fixed" : String(dateColumn)}
          onChange={(_, data) =>
            update({
              date:
                data.value === "fixed"
                  ? { kind: "fixed", date: read.dates.at(-1) ?? "" }
                  : { kind: "column", column: Number(data.value) },
            })
          }
        >
          <option value="fixed">One date for the whole file</option>
          {columnOptions}
        </Select>
      </Field>
      {mapping.date.kind === "fixed" && (
        <Field label="Date of every row" hint="Leave it empty to save the responses undated." className={styles.field}>
          <Input
            type="date"
            className={styles.fill}
            value={mapping.date.date}
            onChange={(_, data) => update({ date: { kind: "fixed", date: data.value } })}
          />
        </Field>
      )}
      {slashedDates && (
        <Field label="Dates such as 3/2/2026 are" className={styles.field}>
          <Select
            className={styles.fill}
            select={{ className: styles.fill }}
            value={mapping.dateOrder}
            onChange={(_, data) => update({ dateOrder: data.value as DateOrder })}
          >
            <option value="mdy">month first (2 March 2026)</option>
            <option value="dmy">day first (3 February 2026)</option>
          </Select>
        </Field>
      )}
      {dateColumn !== null && read.dates.length > 1 && (
        <Notice intent="warning">
          These rows carry {read.dates.length} dates, so they make {read.dates.length} rounds, each with its own team
          result. To count them as one round, choose “One date for the whole file”.
        </Notice>
      )}

      {shared.map(({ column, statements }) => (
        <Notice key={column.index} intent="warning">
          Column {column.letter} is matched to {statements.length} statements: {statements.join(", ")}.
        </Notice>
      ))}
      <details open={matched < STATEMENTS.length || shared.length > 0}>
        <summary className={styles.text}>
          Statements: {matched} of {STATEMENTS.length} matched to columns
        </summary>
        <div className={styles.section}>
          {STATEMENTS.map((statement, k) => (
            <Field
              key={statement.id}
              label={`${ANSWER_COLUMNS[k].header}: ${statement.text}`}
              className={styles.field}
              size="small"
            >
              <Select
                size="small"
                className={styles.fill}
                select={{ className: styles.fill }}
                value={mapping.statements[k] === null ? "none" : String(mapping.statements[k])}
                onChange={(_, data) =>
                  update({
                    statements: mapping.statements.map((column, j) =>
                      j === k ? (data.value === "none" ? null : Number(data.value)) : column,
                    ),
                  })
                }
              >
                <option value="none">Not in the file</option>
                {columnOptions}
              </Select>
            </Field>
          ))}
        </div>
      </details>

      <h5 className={styles.subheading}>What will be imported</h5>
      <ul className={styles.list} aria-label="Import summary">
        <li>{plural(plan.save.length, "response")} to import.</li>
        {plan.already.length > 0 && (
          <li>
            {plural(plan.already.length, "row was", "rows were")} imported before and{" "}
            {plan.already.length === 1 ? "is" : "are"} skipped.
          </li>
        )}
        {plan.changedSince.length > 0 && (
          <li>
            {plural(plan.changedSince.length, "row was", "rows were")} imported before and changed here since;{" "}
            {plan.changedSince.length === 1 ? "it is" : "they are"} left as{" "}
            {plan.changedSince.length === 1 ? "it is" : "they are"}.
          </li>
        )}
        {read.rejected.length > 0 && (
          <li>{plural(read.rejected.length, "row")} cannot be imported; the reasons are listed below.</li>
        )}
      </ul>

      {plan.save.length > 0 && (
        <>
          <p className={styles.note}>
            {plan.save.length > PREVIEW_ROWS ? `The first ${PREVIEW_ROWS}` : "The responses"}, as they will be saved:
          </p>
          <ul className={styles.cards} aria-label="Preview of the responses">
            {plan.save.slice(0, PREVIEW_ROWS).map(({ row, response }) => (
              <li key={row} className={styles.card}>
                <span className={styles.subheading}>
                  Row {row}: {response.respondent || "anonymous"}
                </span>
                <span className={styles.text}>
                  <KeepDates
                    text={`${response.workflow} · ${roundLabel(response.date)} · ${assessAnswers(response.answers).answered} of ${STATEMENTS.length} answered`}
                  />
                </span>
                <span className={styles.answers}>{answerLine(response)}</span>
              </li>
            ))}
          </ul>
        </>
      )}

      {read.rejected.length > 0 && (
        <>
          <h5 className={styles.subheading}>Rows not imported</h5>
          <ul className={styles.list} aria-label="Rows not imported">
            {read.rejected.map((refused) => (
              <li key={refused.row}>
                Row {refused.row}: {refused.reasons.join("; ")}.
              </li>
            ))}
          </ul>
        </>
      )}

      <div className={styles.row}>
        <Button appearance="primary" disabled={busy || plan.save.length === 0} onClick={() => onImport(plan.save)}>
          {`Import ${plural(plan.save.length, "response")}`}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </section>
  );
}
