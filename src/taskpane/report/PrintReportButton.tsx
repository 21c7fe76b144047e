// The entry to the Print report view, shown with Team & history's actions. The view itself, its
// styles and the print stylesheet load when the button is first pressed.
import * as React from "react";
import { Button } from "@fluentui/react-components";
import {
  boardReport,
  localIsoDate,
  type AssessmentResponse,
  type BoardReport,
  type MaturityRecord,
  type RoadmapRecord,
  type RoiEntry,
} from "../../model";
import { useErrors } from "../errors";

const ReportView = React.lazy(() =>
  import(/* webpackChunkName: "report-view" */ "./ReportView").then((m) => ({ default: m.ReportView })),
);

/** Today in the user's time zone, as an ISO date. */
const localToday = () => localIsoDate(new Date());

export interface PrintReportButtonProps {
  /** The workflow Team & history shows. */
  workflow: string;
  responses: readonly AssessmentResponse[];
  planning: {
    roi: readonly RoiEntry[];
    maturity: readonly MaturityRecord[];
    roadmaps: readonly RoadmapRecord[];
  };
  /** The smallest group whose detail is shown (the team's setting); the model's default when not given. */
  minGroup?: number;
  /** The day the report is made; today by default. */
  today?: () => string;
}

/** "Print report": opens the one-page board report of the workflow; Back returns here. */
export function PrintReportButton({
  workflow,
  responses,
  planning,
  minGroup,
  today = localToday,
}: PrintReportButtonProps) {
  const { report } = useErrors();
  const [open, setOpen] = React.useState<{ report: BoardReport; today: string } | null>(null);
  const button = React.useRef<HTMLButtonElement>(null);
  const returning = React.useRef(false);

  const show = () => {
    const day = today();
    try {
      setOpen({
        report: boardReport({
          workflow,
          responses,
          roi: planning.roi,
          maturity: planning.maturity,
          roadmaps: planning.roadmaps,
          today: day,
          minGroup,
        }),
        today: day,
      });
    } catch (error) {
      report("The board report could not be made", error, show);
    }
  };

  // Back puts the focus on this button again, once the pane is shown again.
  React.useEffect(() => {
    if (open === null && returning.current) {
      returning.current = false;
      button.current?.focus();
    }
  }, [open]);

  return (
    <div>
      <Button ref={button} onClick={show} disabled={workflow === ""}>
        Print report
      </Button>
      {open && (
        <React.Suspense fallback={<span role="status">Opening the report…</span>}>
          <ReportView
            report={open.report}
            today={open.today}
            onBack={() => {
              returning.current = true;
              setOpen(null);
            }}
          />
        </React.Suspense>
      )}
    </div>
  );
}
