import * as React from "react";
import { Button } from "@fluentui/react-components";
import { ROADMAP_TASKS, parseIsoDate, type RoadmapRecord } from "../../model";
import { ConfirmStep } from "../components/ConfirmStep";
import { DateField } from "../components/DateField";
import { usePanelStyles } from "./styles";
import { plural } from "../components/format";

export interface RoadmapActionsProps {
  record: RoadmapRecord;
  /** "excel": the roadmap is a sheet of the workbook, which the texts name. */
  kind: "excel" | "local";
  disabled?: boolean;
  onRegenerate: (start: string) => void;
  onDelete: () => void;
}

/** Regenerate and Delete for a saved roadmap, each asked first: neither can be undone. */
export function RoadmapActions({ record, kind, disabled, onRegenerate, onDelete }: RoadmapActionsProps) {
  const panel = usePanelStyles();
  const [asking, setAsking] = React.useState<"regenerate" | "delete" | null>(null);
  const [start, setStart] = React.useState(record.startDate);
  const [startPartial, setStartPartial] = React.useState(false);
  const [tried, setTried] = React.useState(false);
  const regenerateButton = React.useRef<HTMLButtonElement>(null);
  const deleteButton = React.useRef<HTMLButtonElement>(null);

  const filled = record.tasks.filter((t) => t.owner.trim() !== "" || t.status !== "Not started" || t.doneDate !== "");
  const sheet = kind === "excel" ? ` on the sheet “${record.sheetName}”` : "";
  const lost =
    filled.length > 0
      ? ` What is filled in on ${plural(filled.length, "task")} (owner, status or done date) is lost.`
      : "";
  const startProblem = startPartial
    ? "Enter the whole date: day, month and year."
    : !start
      ? "Pick the start date."
      : parseIsoDate(start) === null
        ? "Not a calendar date."
        : undefined;

  // Kept: the question closes and the focus goes back to the button that asked it, which is
  // shown again in its place.
  const refocus = React.useRef<"regenerate" | "delete" | null>(null);
  React.useEffect(() => {
    if (asking === null && refocus.current) {
      (refocus.current === "regenerate" ? regenerateButton : deleteButton).current?.focus();
      refocus.current = null;
    }
  }, [asking]);
  const keep = () => {
    refocus.current = asking;
    setAsking(null);
  };

  return (
    <>
      {asking === null && (
        <div className={panel.row}>
          <Button
            ref={regenerateButton}
            size="small"
            disabled={disabled}
            onClick={() => {
              setStart(record.startDate);
              setStartPartial(false);
              setTried(false);
              setAsking("regenerate");
            }}
          >
            Regenerate roadmap…
          </Button>
          <Button ref={deleteButton} size="small" disabled={disabled} onClick={() => setAsking("delete")}>
            Delete roadmap…
          </Button>
        </div>
      )}
      {asking === "regenerate" && (
        <ConfirmStep
          destructive
          question={`Regenerate the roadmap for ${record.workflow}?`}
          detail={
            `A new roadmap replaces the one${sheet} that starts ${record.startDate}. All ${ROADMAP_TASKS.length} ` +
            `tasks start again as Not started, with no owner and no done date.${lost}`
          }
          confirmLabel="Regenerate"
          keepLabel="Keep it"
          onConfirm={() => {
            setTried(true);
            if (startProblem) return;
            setAsking(null);
            onRegenerate(start);
          }}
          onKeep={keep}
        >
          <DateField
            label="Start date of the new roadmap"
            value={start}
            onChange={(value, complete) => {
              setStart(value);
              setStartPartial(!complete);
            }}
            error={tried ? startProblem : undefined}
            fill
          />
        </ConfirmStep>
      )}
      {asking === "delete" && (
        <ConfirmStep
          destructive
          question={`Delete the roadmap for ${record.workflow}?`}
          detail={`The roadmap${sheet} that starts ${record.startDate} is deleted with its ${ROADMAP_TASKS.length} tasks.${lost} This cannot be undone.`}
          confirmLabel="Delete roadmap"
          keepLabel="Keep it"
          onConfirm={() => {
            setAsking(null);
            onDelete();
          }}
          onKeep={keep}
        />
      )}
    </>
  );
}
