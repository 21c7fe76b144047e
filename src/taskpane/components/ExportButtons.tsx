import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { AssessmentResponse } from "../../model";
import { LocalPlanningStore } from "../../workbook/local-planning";
import { LocalStore } from "../../workbook/local-store";
import type { PlanningData, PlanningStore } from "../../workbook/planning-store";
import type { AssessmentStore } from "../../workbook/store";
import { useErrors } from "../errors";

// The import panel and its reviews load when this part of the pane is first shown.
const ImportPanel = React.lazy(() =>
  import(/* webpackChunkName: "import" */ "./ImportPanel").then((m) => ({ default: m.ImportPanel })),
);

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  note: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});

/** Offers a file to the browser's downloads. */
export function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Exports of every saved record, and imports; the spreadsheet writer loads only when asked for. */
export interface ExportButtonsProps {
  responses: readonly AssessmentResponse[];
  /** Scenarios, ROI rows, maturity and roadmaps, written as their own sheets in the .xlsx and kept in the backup. */
  planning: PlanningData;
  /**
   * The stores an import saves into. Without them, the browser's own stores (this pane outside
   * Excel, where the pane shows these buttons).
   */
  store?: AssessmentStore;
  planningStore?: PlanningStore;
  /** Called after an import saved something, so the pane reads its records again. */
  onImported?: () => void | Promise<void>;
}

export function ExportButtons({ responses, planning, store, planningStore, onImported }: ExportButtonsProps) {
  const styles = useStyles();
  const { report } = useErrors();
  const [busy, setBusy] = React.useState(false);
  const noteId = React.useId();
  const headingId = React.useId();
  const today = new Date(); // the user's local day names the file
  const empty = responses.length === 0;
  const nothing =
    empty &&
    planning.scenarios.length === 0 &&
    planning.roi.length === 0 &&
    planning.maturity.length === 0 &&
    planning.roadmaps.length === 0;
  const stores = React.useMemo(
    () => ({
      store: store ?? new LocalStore(window.localStorage),
      planningStore: planningStore ?? new LocalPlanningStore(window.localStorage),
    }),
    [store, planningStore],
  );

  const run = (title: string, action: () => Promise<void>) => async () => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      report(title, error, () => void run(title, action)());
    } finally {
      setBusy(false);
    }
  };

  const exportXlsx = run("The .xlsx export failed", async () => {
    const [{ buildAssessmentWorkbook }, { addPlanningSheets }, ExcelJS, { downloadName }] = await Promise.all([
      import(/* webpackChunkName: "export-xlsx" */ "../../workbook/export-xlsx"),
      import(/* webpackChunkName: "export-xlsx" */ "../../workbook/export-planning-xlsx"),
      import(/* webpackChunkName: "exceljs" */ "exceljs"),
      import(/* webpackChunkName: "export-text" */ "../../workbook/export-text"),
    ]);
    // The browser build of exceljs arrives as a CommonJS default export.
    const module = ExcelJS as unknown as { default?: typeof import("exceljs") } & typeof import("exceljs");
    const data = await buildAssessmentWorkbook(responses, module.default ?? module, (workbook) =>
      addPlanningSheets(workbook, planning, [...responses]),
    );
    download(downloadName("xlsx", today), data as BlobPart, XLSX_TYPE);
  });
  const exportCsv = run("The CSV export failed", async () => {
    const { toCsv, downloadName } = await import(/* webpackChunkName: "export-text" */ "../../workbook/export-text");
    // The byte-order mark makes Excel read accented names as UTF-8.
    download(downloadName("csv", today), `\uFEFF${toCsv(responses)}`, "text/csv;charset=utf-8");
  });
  const exportJson = run("The JSON export failed", async () => {
    const { toJson, downloadName } = await import(/* webpackChunkName: "export-text" */ "../../workbook/export-text");
    download(downloadName("json", today), toJson(responses), "application/json");
  });
  const exportBackup = run("The backup failed", async () => {
    const [{ buildBackup, backupJson }, { downloadName }] = await Promise.all([
      import(/* webpackChunkName: "import" */ "../../workbook/backup"),
      import(/* webpackChunkName: "export-text" */ "../../workbook/export-text"),
    ]);
    download(downloadName("backup", today), backupJson(buildBackup(responses, planning)), "application/json");
  });

  return (
    <>
      <section className={styles.section} aria-labelledby={headingId}>
        <h3 id={headingId} className={styles.heading}>
          Export
        </h3>
        <div className={styles.row} role="group" aria-label="Export" aria-describedby={noteId}>
          <Button onClick={exportXlsx} disabled={busy || empty}>
            Export .xlsx
          </Button>
          <Button onClick={exportCsv} disabled={busy || empty}>
            Export CSV
          </Button>
          <Button onClick={exportJson} disabled={busy || empty}>
            Export JSON
          </Button>
          <Button onClick={exportBackup} disabled={busy || nothing}>
            Export backup
          </Button>
        </div>
        <p id={noteId} className={styles.note}>
          CSV and JSON hold the responses only. The .xlsx holds every record as sheets with live formulas, to open in
          Excel. The backup holds every record (responses, scenarios, ROI rows, maturity stages and roadmaps with their
          tasks) and is the file AGAP imports, here or in another browser.
        </p>
        {planning.skipped.length > 0 && (
          <p className={styles.note}>
            {planning.skipped.length} planning row{planning.skipped.length === 1 ? "" : "s"} could not be read and{" "}
            {planning.skipped.length === 1 ? "is" : "are"} not in any export.
          </p>
        )}
      </section>
      <React.Suspense fallback={null}>
        <ImportPanel store={stores.store} planningStore={stores.planningStore} onImported={onImported} />
      </React.Suspense>
    </>
  );
}
