import * as React from "react";
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ROADMAP_TASKS, parseIsoDate, type RoadmapRecord } from "../../model";
import { DateField } from "./DateField";
import { usePanelStyles } from "./styles";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

export interface RoadmapActionsProps {
  record: RoadmapRecord;
  /** "excel": the roadmap is a sheet of the workbook, which the texts name. */
  kind: "excel" | "local";
  disabled?: boolean;
  onRegenerate: (start: string) => void;
  onDelete: () => void;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/** Regenerate and Delete for a saved roadmap, each asked first: neither can be undone. */
export function RoadmapActions({ record, kind, disabled, onRegenerate, onDelete }: RoadmapActionsProps) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const [asking, setAsking] = React.useState<"regenerate" | "delete" | null>(null);
  const [start, setStart] = React.useState(record.startDate);
  const [startPartial, setStartPartial] = React.useState(false);
  const [tried, setTried] = React.useState(false);

  const filled = record.tasks.filter((t) => t.owner.trim() !== "" || t.status !== "Not started" || t.doneDate !== "");
  const sheet = kind === "excel" ? ` on the sheet “${record.sheetName}”` : "";
  const startProblem = startPartial
    ? "Enter the whole date: day, month and year."
    : !start
      ? "Pick the start date."
      : parseIsoDate(start) === null
        ? "Not a calendar date."
        : undefined;
  const close = () => setAsking(null);
  const lost =
    filled.length > 0
      ? ` What is filled in on ${plural(filled.length, "task")} (owner, status or done date) is lost.`
      : "";
  const regenerateText =
    `A new roadmap replaces the one${sheet} that starts ${record.startDate}. All ${ROADMAP_TASKS.length} tasks ` +
    `start again as Not started, with no owner and no done date.${lost}`;
  const deleteText = `The roadmap${sheet} that starts ${record.startDate} is deleted with its ${ROADMAP_TASKS.length} tasks.${lost} This cannot be undone.`;

  return (
    <>
      <div className={panel.row}>
        <Button
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
        <Button disabled={disabled} onClick={() => setAsking("delete")}>
          Delete roadmap…
        </Button>
      </div>

      <Dialog modalType="alert" open={asking === "regenerate"} onOpenChange={(_, data) => !data.open && close()}>
        <DialogSurface>
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              setTried(true);
              if (startProblem) return;
              close();
              onRegenerate(start);
            }}
          >
            <DialogBody>
              <DialogTitle>Regenerate the roadmap for {record.workflow}?</DialogTitle>
              <DialogContent className={styles.content}>
                <Body1>{regenerateText}</Body1>
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
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" type="submit">
                  Regenerate
                </Button>
                <Button type="button" onClick={close}>
                  Cancel
                </Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>

      <Dialog modalType="alert" open={asking === "delete"} onOpenChange={(_, data) => !data.open && close()}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Delete the roadmap for {record.workflow}?</DialogTitle>
            <DialogContent>{deleteText}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  close();
                  onDelete();
                }}
              >
                Delete roadmap
              </Button>
              <Button onClick={close}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
