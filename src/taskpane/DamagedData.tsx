// What the pane says when data saved in this browser was damaged: what was left out, the damaged
// text for download, and a fresh start that discards it. The readable records are in use already.
import { Button } from "@fluentui/react-components";
import * as React from "react";
import type { DamagedCopy } from "../workbook/local-safety";
import { Notice } from "./components/Notice";

const SHOWN_PROBLEMS = 5;

export interface DamagedDataProps {
  copies: readonly DamagedCopy[];
  /** Discards the kept copies (a fresh start for the damaged part); the readable records stay. */
  onDiscard: () => void;
}

/** The damaged copies as one JSON file, with what was wrong with each. */
export function damagedFile(copies: readonly DamagedCopy[]): Blob {
  return new Blob([JSON.stringify({ format: "agap-damaged-data", copies }, null, 2)], { type: "application/json" });
}

export function DamagedData({ copies, onDiscard }: DamagedDataProps) {
  const [downloaded, setDownloaded] = React.useState(false);
  const [confirming, setConfirming] = React.useState(false);
  if (copies.length === 0) return null;
  const problems = copies.flatMap((copy) => copy.problems);
  const download = () => {
    const url = URL.createObjectURL(damagedFile(copies));
    const link = document.createElement("a");
    link.href = url;
    link.download = "agap-damaged-data.json";
    link.click();
    URL.revokeObjectURL(url);
    setDownloaded(true);
  };
  // Office add-ins cannot show window.confirm, so the pane asks in place.
  const discard = () => (downloaded || confirming ? onDiscard() : setConfirming(true));
  return (
    <Notice
      intent="error"
      title="Some data saved in this browser was damaged"
      actions={
        <>
          <Button size="small" onClick={download}>
            Download it
          </Button>
          <Button size="small" onClick={discard}>
            {confirming ? "Discard without a copy" : "Discard it"}
          </Button>
        </>
      }
    >
      AGAP is using every record it could read. Left out: {problems.slice(0, SHOWN_PROBLEMS).join("; ")}
      {problems.length > SHOWN_PROBLEMS ? `; and ${problems.length - SHOWN_PROBLEMS} more` : ""}. The damaged text is
      kept until you discard it.
      {confirming && " You have not downloaded it: discarding it now loses it for good."}
    </Notice>
  );
}
