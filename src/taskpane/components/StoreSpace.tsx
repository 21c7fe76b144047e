import * as React from "react";
import { Button } from "@fluentui/react-components";
import type { AssessmentResponse } from "../../model";
import { STORE_FULL_LEAD, STORE_WARN_SHARE, spaceFigure, type StoreSpace as Space } from "../../workbook/local-space";
import type { PlanningData } from "../../workbook/planning-store";
import type { AssessmentStore } from "../../workbook/store";
import { useErrors } from "../errors";
import { Notice } from "./Notice";
import { download } from "./ExportButtons";

/** The browser store can say how full it is; the workbook has no such limit. */
type Measured = AssessmentStore & { space: () => Space };
const measured = (store: AssessmentStore): store is Measured =>
  store.kind === "local" && typeof (store as Partial<Measured>).space === "function";

/** The way to a store without this limit, said in both notices. */
export const MOVE_TO_WORKBOOK =
  "To move to a workbook, where there is no such limit: in Team & history choose Export .xlsx, open that file in " +
  "Excel and open AGAP in it (Home → Add-ins). Its sheets then hold every record, and AGAP saves there.";

export interface StoreSpaceProps {
  store: AssessmentStore;
  /** What the backup holds: the records as the pane has them. */
  responses: readonly AssessmentResponse[];
  planning: PlanningData;
}

/**
 * How full the browser's storage is. From the share set in local-space the pane warns, with the
 * figure; once a save did not fit (a full-store error was reported) it says the store is full.
 * Both offer the backup and say how to move to a workbook. Inside Excel it shows nothing.
 */
export function StoreSpace({ store, responses, planning }: StoreSpaceProps) {
  const { errors, report } = useErrors();
  const [space, setSpace] = React.useState<Space | null>(null);
  const [dismissed, setDismissed] = React.useState(false);

  // Measured again whenever the saved records change: a save, a delete or an import.
  React.useEffect(() => {
    setSpace(measured(store) ? store.space() : null);
  }, [store, responses, planning]);

  const full = errors.some((error) => error.message.startsWith(STORE_FULL_LEAD));
  if (space === null || (!full && (!space.nearlyFull || dismissed))) return null;

  const downloadBackup = async () => {
    try {
      const [{ buildBackup, backupJson }, { downloadName }] = await Promise.all([
        import(/* webpackChunkName: "import" */ "../../workbook/backup"),
        import(/* webpackChunkName: "export-text" */ "../../workbook/export-text"),
      ]);
      download(downloadName("backup", new Date()), backupJson(buildBackup(responses, planning)), "application/json");
    } catch (error) {
      report("The backup failed", error, () => void downloadBackup());
    }
  };

  const percent = Math.round(STORE_WARN_SHARE * 100);
  return (
    <Notice
      intent="warning"
      title={full ? "This browser's storage is full" : "This browser's storage is nearly full"}
      onDismiss={full ? undefined : () => setDismissed(true)}
      actions={
        <Button size="small" onClick={() => void downloadBackup()}>
          Download backup
        </Button>
      }
    >
      {full
        ? `${spaceFigure(space)}, and the last change did not fit. Everything saved before is kept, and your unsaved answers stay on the form. `
        : `${spaceFigure(space)}; AGAP warns from ${percent}%. Once it is full, nothing more can be saved here. `}
      Download the backup to keep a copy of every record. {MOVE_TO_WORKBOOK}
      {full ? " Or make room here by deleting records you no longer need, then retry." : ""}
    </Notice>
  );
}
