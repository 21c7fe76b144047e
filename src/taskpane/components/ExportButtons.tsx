import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { PaneButton } from "./PaneButton";
import type { AssessmentResponse } from "../../model";
import type { PlanningData } from "../../workbook/planning-store";
import { useErrors } from "../errors";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
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

/** Exports of every saved response; the spreadsheet writer loads only when asked for. */
export interface ExportButtonsProps {
  responses: readonly AssessmentResponse[];
  /** Scenarios, ROI rows, maturity and roadmaps, written as their own sheets in the .xlsx. */
  planning: PlanningData;
}

export function ExportButtons({ responses, planning }: ExportButtonsProps) {
  const styles = useStyles();
  const { report } = useErrors();
  const [busy, setBusy] = React.useState(false);
  const today = new Date(); // the user's local day names the file
  const empty = responses.length === 0;

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

  return (
    <div className={styles.row} role="group" aria-label="Export">
      <PaneButton onClick={exportXlsx} disabled={busy || empty}>
        Export .xlsx
      </PaneButton>
      <PaneButton onClick={exportCsv} disabled={busy || empty}>
        Export CSV
      </PaneButton>
      <PaneButton onClick={exportJson} disabled={busy || empty}>
        Export JSON
      </PaneButton>
    </div>
  );
}
