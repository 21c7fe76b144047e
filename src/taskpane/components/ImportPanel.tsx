import { Button } from "@fluentui/react-components";
import * as React from "react";
import { Notice } from "./Notice";
import type { AssessmentResponse } from "../../model";
import {
  applyMerge,
  countsOf,
  parseBackup,
  planMerge,
  type Choice,
  type ImportOutcome,
  type MergeEntry,
  type MergePlan,
} from "../../workbook/backup";
import { decodeText, readCsvFile } from "../../workbook/csv-parse";
import { readImportBytes } from "../../workbook/import-limits";
import type { PlanningStore } from "../../workbook/planning-store";
import type { AssessmentStore } from "../../workbook/store";
import { saveSurveyRows, type SurveyGrid, type SurveyOutcome, type SurveyRow } from "../../workbook/survey-import";
import { describeError } from "../errors";
import { BackupReview } from "./BackupReview";
import { SurveyReview } from "./SurveyReview";
import { useImportStyles } from "./import-styles";

export interface ImportPanelProps {
  store: AssessmentStore;
  planningStore: PlanningStore;
  /**
   * Called after an import wrote something, so the pane reads its records again. Without it the
   * panel offers to reload the pane.
   */
  onImported?: () => void | Promise<void>;
}

type Stage =
  | { step: "idle" }
  | { step: "reading"; fileName: string }
  | { step: "backup"; fileName: string; plan: MergePlan; source: "backup" | "responses" }
  | { step: "survey"; fileName: string; grid: SurveyGrid; problems: string[]; saved: AssessmentResponse[] };

/** What the last import did, said in sentences; `failures` one line each. */
interface Report {
  done: string;
  failures: string[];
  limitations: string[];
}

/** The file's bytes; one over the size limit is refused before a byte is read. */
function readBytes(file: File): Promise<Uint8Array> {
  return readImportBytes(
    file,
    file.name,
    () =>
      new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(new Error(`“${file.name}” could not be read: ${describeError(reader.error)}`));
        reader.readAsArrayBuffer(file);
      }),
  );
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** A survey file's cells: an .xlsx through exceljs (loaded only now), anything else as delimited text. */
async function surveyGrid(file: File, bytes: Uint8Array): Promise<{ grid: SurveyGrid; problems: string[] }> {
  if (/\.xls$/i.test(file.name) || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) {
    throw new Error(`“${file.name}” is an old-style .xls workbook; save it as .xlsx or CSV and import that.`);
  }
  if (/\.xlsx$/i.test(file.name) || isZip(bytes)) {
    const [ExcelJS, { readXlsxGrid }] = await Promise.all([
      import(/* webpackChunkName: "exceljs" */ "exceljs"),
      import(/* webpackChunkName: "survey-xlsx" */ "../../workbook/survey-xlsx"),
    ]);
    // The browser build of exceljs arrives as a CommonJS default export.
    const module = ExcelJS as unknown as { default?: typeof import("exceljs") } & typeof import("exceljs");
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const { grid, sheet } = await readXlsxGrid(buffer, module.default ?? module, file.name);
    return { grid, problems: [`Read from the sheet “${sheet}”.`] };
  }
  const { rows, problems } = readCsvFile(bytes, file.name);
  return { grid: rows, problems };
}

function backupReport(outcome: ImportOutcome): Report {
  const parts = [
    outcome.added.length > 0 ? `added ${countsOf(outcome.added)}` : "",
    outcome.replaced.length > 0 ? `replaced ${countsOf(outcome.replaced)} with the file's` : "",
    outcome.kept.length > 0 ? `kept yours for ${countsOf(outcome.kept)}` : "",
  ].filter(Boolean);
  const done = parts.length > 0 ? `Imported: ${parts.join("; ")}.` : "Nothing was imported.";
  return {
    done,
    failures: outcome.failed.map(({ entry, reason }) => `${entry.label}: ${reason}`),
    limitations: [],
  };
}

function surveyReport(outcome: SurveyOutcome): Report {
  const n = outcome.saved.length;
  return {
    done: `Imported ${n} response${n === 1 ? "" : "s"}.`,
    failures: outcome.failed.map(({ row, reason }) => `Row ${row}: ${reason}`),
    limitations: [],
  };
}

/**
 * Import: a backup (merged by id, with a choice where the same record differs) or responses from a
 * survey file (columns mapped, rows checked). Both are reviewed before anything is saved, and both
 * save through the stores, so they work in the browser and in a workbook alike.
 */
export function ImportPanel({ store, planningStore, onImported }: ImportPanelProps) {
  const styles = useImportStyles();
  const [stage, setStage] = React.useState<Stage>({ step: "idle" });
  const [problem, setProblem] = React.useState<string | null>(null);
  const [report, setReport] = React.useState<Report | null>(null);
  const [progress, setProgress] = React.useState<{ done: number; total: number } | null>(null);
  const [stale, setStale] = React.useState(false);
  const backupInput = React.useRef<HTMLInputElement>(null);
  const surveyInput = React.useRef<HTMLInputElement>(null);
  const headingId = React.useId();
  const busy = stage.step === "reading" || progress !== null;

  const open = (kind: "backup" | "survey") => async (event: React.ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // The same file can be chosen again after a cancel.
    input.value = "";
    if (!file) return;
    setProblem(null);
    setReport(null);
    setStage({ step: "reading", fileName: file.name });
    try {
      const bytes = await readBytes(file);
      if (kind === "backup") {
        const read = parseBackup(decodeText(bytes));
        if (!read.ok) throw new Error(read.problem);
        const [{ responses }, planning] = await Promise.all([store.listResponses(), planningStore.loadPlanning()]);
        const plan = planMerge(read.records, { responses, planning }, read.rejected);
        setStage({ step: "backup", fileName: file.name, plan, source: read.source });
      } else {
        const { grid, problems } = await surveyGrid(file, bytes);
        if (grid.every((row) => row.every((cell) => cell === null || String(cell).trim() === ""))) {
          throw new Error(`“${file.name}” holds no rows.`);
        }
        const { responses } = await store.listResponses();
        setStage({ step: "survey", fileName: file.name, grid, problems, saved: responses });
      }
    } catch (error) {
      setProblem(describeError(error));
      setStage({ step: "idle" });
    }
  };

  const finish = async (result: Report, wrote: boolean) => {
    const limitations = [...(store.drainLimitations?.() ?? []), ...(planningStore.drainLimitations?.() ?? [])];
    setReport({ ...result, limitations });
    setProgress(null);
    setStage({ step: "idle" });
    if (!wrote) return;
    if (onImported) await onImported();
    else setStale(true);
  };

  /** Runs the writes; a failure outside any one record (none is expected) is shown, never swallowed. */
  const run = async (write: () => Promise<{ report: Report; wrote: boolean }>) => {
    setProgress({ done: 0, total: 0 });
    try {
      const { report: result, wrote } = await write();
      await finish(result, wrote);
    } catch (error) {
      setProblem(describeError(error));
      setProgress(null);
    }
  };

  const importBackup = (plan: MergePlan, choose: (entry: MergeEntry) => Choice) =>
    run(async () => {
      const outcome = await applyMerge(plan, choose, { assessments: store, planning: planningStore }, (done, total) =>
        setProgress({ done, total }),
      );
      return { report: backupReport(outcome), wrote: outcome.added.length + outcome.replaced.length > 0 };
    });

  const importSurvey = (rows: readonly SurveyRow[]) =>
    run(async () => {
      const outcome = await saveSurveyRows(rows, store, (done, total) => setProgress({ done, total }));
      return { report: surveyReport(outcome), wrote: outcome.saved.length > 0 };
    });

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        Import
      </h3>
      <p className={styles.note}>
        A backup merges by record: what is new is added, what is already here is left, and where the same record differs
        you choose. Survey responses come from a CSV or .xlsx with one row per respondent, such as a Microsoft Forms or
        Google Forms export.
      </p>
      <div className={styles.row}>
        <Button onClick={() => backupInput.current?.click()} disabled={busy}>
          Import backup…
        </Button>
        <Button onClick={() => surveyInput.current?.click()} disabled={busy}>
          Import survey responses…
        </Button>
      </div>
      <input
        ref={backupInput}
        type="file"
        accept=".json,application/json"
        aria-label="Backup file"
        tabIndex={-1}
        className={styles.hidden}
        onChange={open("backup")}
      />
      <input
        ref={surveyInput}
        type="file"
        accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="Survey file"
        tabIndex={-1}
        className={styles.hidden}
        onChange={open("survey")}
      />

      {stage.step === "reading" && <p role="status">Reading “{stage.fileName}”…</p>}
      {progress !== null && (
        <p role="status">
          {progress.total > 0
            ? `Saving ${Math.min(progress.done + 1, progress.total)} of ${progress.total}…`
            : "Saving…"}
        </p>
      )}
      {problem && (
        <Notice intent="error" title="The file was not imported" onDismiss={() => setProblem(null)}>
          {problem}
        </Notice>
      )}
      {report && (
        <Notice
          intent={report.failures.length > 0 ? "error" : "success"}
          title={report.failures.length > 0 ? "Some records were not saved" : undefined}
          onDismiss={() => setReport(null)}
        >
          {report.done}
          {report.limitations.length > 0 && ` ${report.limitations.join(" ")}`}
        </Notice>
      )}
      {report && report.failures.length > 0 && (
        <ul className={styles.list} aria-label="Records not saved">
          {report.failures.map((failure) => (
            <li key={failure}>{failure}</li>
          ))}
        </ul>
      )}
      {stale && (
        <Notice
          intent="info"
          actions={
            <Button size="small" onClick={() => window.location.reload()}>
              Reload now
            </Button>
          }
        >
          The other tabs show the imported records once the pane is reloaded.
        </Notice>
      )}

      {stage.step === "backup" && (
        <BackupReview
          fileName={stage.fileName}
          plan={stage.plan}
          source={stage.source}
          busy={busy}
          onImport={(choose) => void importBackup(stage.plan, choose)}
          onCancel={() => setStage({ step: "idle" })}
        />
      )}
      {stage.step === "survey" && (
        <SurveyReview
          fileName={stage.fileName}
          grid={stage.grid}
          problems={stage.problems}
          saved={stage.saved}
          busy={busy}
          onImport={(rows) => void importSurvey(rows)}
          onCancel={() => setStage({ step: "idle" })}
        />
      )}
    </section>
  );
}
