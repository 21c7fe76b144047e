import * as React from "react";
import { Button, Radio, RadioGroup } from "@fluentui/react-components";
import { countsOf, entryId, type Choice, type MergeEntry, type MergePlan } from "../../workbook/backup";
import { useImportStyles } from "./import-styles";

export interface BackupReviewProps {
  fileName: string;
  plan: MergePlan;
  /** "responses" when the file is the responses-only JSON export. */
  source: "backup" | "responses";
  busy: boolean;
  onImport: (choose: (entry: MergeEntry) => Choice) => void;
  onCancel: () => void;
}

const records = (n: number) => `${n} record${n === 1 ? "" : "s"}`;

/** Why an import would write nothing. */
function nothingToImport(plan: MergePlan): string {
  const parts = [
    plan.unchanged.length > 0 ? "every record in the file that can be imported is already here" : "",
    plan.conflicts.length > 0 ? "you are keeping yours where the file differs" : "",
  ].filter(Boolean);
  return parts.length > 0
    ? `Nothing to import: ${parts.join(", and ")}.`
    : "Nothing to import: the file holds no record that can be imported.";
}

/**
 * What a backup would change, before anything is saved: new records, records already here, records
 * here with other content (the user keeps mine or takes theirs, one by one or all at once), and
 * the records the file holds that cannot be imported, with the reason.
 */
export function BackupReview({ fileName, plan, source, busy, onImport, onCancel }: BackupReviewProps) {
  const styles = useImportStyles();
  const [choices, setChoices] = React.useState<ReadonlyMap<string, Choice>>(new Map());
  const headingId = React.useId();
  // The review appears below the buttons: focus moves to its heading, so it is seen and read first.
  const heading = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => heading.current?.focus(), []);
  const choose = (entry: MergeEntry): Choice => choices.get(entryId(entry)) ?? "mine";
  const setAll = (choice: Choice) => setChoices(new Map(plan.conflicts.map((entry) => [entryId(entry), choice])));
  const taken = plan.conflicts.filter((entry) => choose(entry) === "theirs").length;
  const writes = plan.additions.length + taken;

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h4 id={headingId} ref={heading} tabIndex={-1} className={styles.subheading}>
        Backup “{fileName}”
      </h4>
      {source === "responses" && (
        <p className={styles.note}>
          This is the JSON export of responses, not a backup: it holds responses only, and they are all it can bring in.
        </p>
      )}
      <ul className={styles.list} aria-label="What the file would change">
        <li>
          {plan.additions.length > 0
            ? `New here, to be added: ${countsOf(plan.additions)}.`
            : "No record in the file is new here."}
        </li>
        {plan.unchanged.length > 0 && <li>Already here and the same: {records(plan.unchanged.length)}.</li>}
        {plan.conflicts.length > 0 && (
          <li>Here with other content: {records(plan.conflicts.length)}; choose below which to keep.</li>
        )}
        {plan.rejected.length > 0 && <li>Not imported: {records(plan.rejected.length)}, listed below.</li>}
      </ul>

      {plan.conflicts.length > 0 && (
        <>
          <h5 className={styles.subheading}>Here with other content</h5>
          <p className={styles.note}>
            Mine is the record as this pane holds it now; theirs is the file&apos;s. Nothing changes until you import.
          </p>
          <div className={styles.row}>
            <Button size="small" onClick={() => setAll("mine")} disabled={busy}>
              Keep mine for all
            </Button>
            <Button size="small" onClick={() => setAll("theirs")} disabled={busy}>
              Take theirs for all
            </Button>
          </div>
          <ul className={styles.cards} aria-label="Records here with other content">
            {plan.conflicts.map((entry) => {
              const id = entryId(entry);
              const labelId = `conflict-${id}`;
              return (
                <li key={id} className={styles.conflict}>
                  <span id={labelId} className={styles.subheading}>
                    {entry.label}
                  </span>
                  <ul className={styles.list}>
                    {entry.changes.map((line) => (
                      <li key={line} className={styles.note}>
                        {line}
                      </li>
                    ))}
                  </ul>
                  <RadioGroup
                    layout="horizontal"
                    aria-labelledby={labelId}
                    value={choose(entry)}
                    disabled={busy}
                    onChange={(_, data) => setChoices(new Map(choices).set(id, data.value as Choice))}
                  >
                    <Radio value="mine" label="Keep mine" />
                    <Radio value="theirs" label="Take theirs" />
                  </RadioGroup>
                </li>
              );
            })}
          </ul>
        </>
      )}

      {plan.rejected.length > 0 && (
        <>
          <h5 className={styles.subheading}>Not imported</h5>
          <ul className={styles.list} aria-label="Records not imported">
            {plan.rejected.map((record) => (
              <li key={`${record.kind}-${record.index}-${record.reason}`}>
                {record.label}: {record.reason}.
              </li>
            ))}
          </ul>
        </>
      )}

      {writes === 0 && <p className={styles.text}>{nothingToImport(plan)}</p>}
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy || writes === 0} onClick={() => onImport(choose)}>
          {writes === 0 ? "Import" : `Import ${records(writes)}`}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {plan.additions.length + plan.conflicts.length === 0 ? "Close" : "Cancel"}
        </Button>
      </div>
    </section>
  );
}
