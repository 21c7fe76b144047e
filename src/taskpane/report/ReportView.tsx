// The Print report view: the board report in place of the pane's content, with Back and Print.
// It is drawn in a portal on the body, so that the page (and the print stylesheet) can set the
// pane aside while it is open; the pane stays mounted underneath and keeps everything typed.
import * as React from "react";
import { Button, Portal } from "@fluentui/react-components";
import type { BoardReport as BoardReportData } from "../../model";
import { BoardReport } from "./BoardReport";
import { useReportStyles } from "./report-styles";
import { REPORT_ROOT_CLASS, usePrintStylesheet } from "./print-stylesheet";

export interface ReportViewProps {
  report: BoardReportData;
  today: string;
  /** Closes the view; the caller puts the focus back where the user was. */
  onBack: () => void;
}

export function ReportView({ report, today, onBack }: ReportViewProps) {
  const styles = useReportStyles();
  const titleId = React.useId();
  usePrintStylesheet();

  // The pane is set aside, and the browser's title names the report (the print dialog's header
  // and the PDF's default file name use it); both come back on Back.
  React.useEffect(() => {
    const title = document.title;
    const scroll = window.scrollY;
    document.title = `AGAP board report – ${report.workflow}`;
    window.scrollTo(0, 0);
    return () => {
      document.title = title;
      window.scrollTo(0, scroll);
    };
  }, [report.workflow]);

  // The focus goes to the report's title when it appears (the portal mounts after the first render).
  const focusTitle = React.useCallback((title: HTMLHeadingElement | null) => title?.focus(), []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onBack();
    }
  };

  return (
    <Portal mountNode={{ className: REPORT_ROOT_CLASS }}>
      <div className={styles.view} role="region" aria-label="Print report" onKeyDown={onKeyDown}>
        <div className={styles.toolbar}>
          <Button onClick={onBack}>Back</Button>
          <Button appearance="primary" onClick={() => window.print()}>
            Print or save as PDF
          </Button>
        </div>
        <p className={styles.hint}>
          One portrait page, A4 or Letter. To get a PDF, choose Save as PDF as the printer. Esc goes back.
        </p>
        <BoardReport report={report} today={today} titleId={titleId} titleRef={focusTitle} />
      </div>
    </Portal>
  );
}
