import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Select,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import {
  BASELINE_TASK_ID,
  ROADMAP_PHASES,
  ROADMAP_TASKS,
  TASK_STATUSES,
  localIsoDate,
  parseIsoDate,
  roadmapDate,
  type RoadmapRecord,
  type RoadmapTaskRecord,
  type TaskStatus,
} from "../../model";
import { DateField } from "../components/DateField";
import { usePanelStyles } from "./styles";
import { SaveConfirmation, useSaveConfirmation } from "../components/SaveConfirmation";
import { WarningNote } from "../components/WarningNote";

const useStyles = makeStyles({
  task: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    overflowWrap: "anywhere",
  },
  // Owner and status side by side where they fit, the done date next or under them; never wider than the pane.
  fields: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(8.5rem, 1fr))",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    // A field brought into view stops above the save bar, which would otherwise cover it.
    "& input, & select": { scrollMarginBottom: "8rem" },
  },
  fill: { minWidth: 0, width: "100%" },
  changed: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`, paddingLeft: "6px" },
  // Stays in sight at the bottom of the pane while there is something to save.
  saveBar: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow8,
  },
  saveText: { flexBasis: "100%" },
});

const same = (a: RoadmapTaskRecord, b: RoadmapTaskRecord) =>
  a.owner === b.owner && a.status === b.status && a.doneDate === b.doneDate;

export interface RoadmapTasksProps {
  record: RoadmapRecord;
  /** The note on the baseline task, and whether it warns. */
  baseline: { note: string; missing: boolean };
  /** The tasks due before today and not done (as saved), each marked in the list. */
  overdue: ReadonlySet<string>;
  /** Saves the changed tasks, and calls `onDone` once they are saved, at once or at a Retry. */
  onSave: (tasks: RoadmapTaskRecord[], onDone: () => void) => Promise<unknown>;
}

/**
 * The tasks of a saved roadmap, from the store's record, each with its owner, status and done
 * date editable. Changes are kept here until saved together; the store's values show otherwise.
 */
export function RoadmapTasks({ record, baseline, overdue, onSave }: RoadmapTasksProps) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const idPrefix = React.useId();
  const [drafts, setDrafts] = React.useState<Record<string, RoadmapTaskRecord>>({});
  const [partial, setPartial] = React.useState<Record<string, boolean>>({});
  const [tried, setTried] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  // Discard starts the fields afresh, so a date field forgets a half-typed date too.
  const [generation, setGeneration] = React.useState(0);

  const stored = new Map(record.tasks.map((task) => [task.id, task]));
  const startValid = parseIsoDate(record.startDate) !== null;
  const changed = Object.values(drafts).filter((draft) => {
    const saved = stored.get(draft.id);
    return saved !== undefined && !same(saved, draft);
  });
  const badDate = (task: RoadmapTaskRecord) =>
    partial[task.id] === true || (task.doneDate !== "" && parseIsoDate(task.doneDate) === null);
  const invalid = changed.some(badDate) || Object.values(partial).some(Boolean);
  const unsaved = changed.length > 0 || invalid;

  // The save bar appears at the bottom of the pane with the first change, and may land on the
  // very field being typed in: that field moves up, clear of it (see scrollMarginBottom).
  const list = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    const active = document.activeElement;
    if (unsaved && active instanceof HTMLElement && list.current?.contains(active)) {
      active.scrollIntoView?.({ block: "nearest" });
    }
  }, [unsaved]);

  const update = (id: string, change: (task: RoadmapTaskRecord) => RoadmapTaskRecord) =>
    setDrafts((current) => {
      const task = current[id] ?? stored.get(id);
      return task ? { ...current, [id]: change(task) } : current;
    });

  const setStatus = (id: string, status: TaskStatus) =>
    update(id, (task) => ({
      ...task,
      status,
      // Done gets today's date unless one is there; a task no longer done has no done date.
      doneDate: status === "Done" ? task.doneDate || localIsoDate(new Date()) : "",
    }));

  const tasksSaved = useSaveConfirmation();
  const save = async () => {
    setTried(true);
    tasksSaved.clear();
    if (invalid || changed.length === 0) return;
    setSaving(true);
    const tasks = changed.map((task) => ({ ...task, owner: task.owner.trim() }));
    await onSave(tasks, () => {
      // A draft saved as it stands is done with; one changed again after a failed attempt stays.
      setDrafts((current) => {
        const next = { ...current };
        for (const task of tasks) {
          const draft = next[task.id];
          if (draft && same({ ...draft, owner: draft.owner.trim() }, task)) delete next[task.id];
        }
        return next;
      });
      setTried(false);
      tasksSaved.confirm(`Saved the changes to ${tasks.length} ${tasks.length === 1 ? "task" : "tasks"}.`);
    });
    setSaving(false);
  };

  const discard = () => {
    setDrafts({});
    setPartial({});
    setTried(false);
    setGeneration((n) => n + 1);
  };

  return (
    <>
      <div ref={list} className={panel.panel}>
        {ROADMAP_PHASES.map((phase) => (
          <div key={phase.id} className={panel.section}>
            <Body1>
              <strong>
                Days {phase.firstDay}–{phase.lastDay}: {phase.name}
              </strong>
            </Body1>
            <ul className={panel.plainList} aria-label={phase.name}>
              {ROADMAP_TASKS.filter((task) => task.phase === phase.id).map((item) => {
                const saved = stored.get(item.id);
                const task = drafts[item.id] ?? saved;
                const textId = `${idPrefix}-${item.id}`;
                const due = startValid ? `${roadmapDate(record.startDate, item.dueDay)}: ` : "";
                const isChanged = task !== undefined && saved !== undefined && !same(saved, task);
                return (
                  <li
                    key={item.id}
                    data-testid={`task-${item.id}`}
                    className={mergeClasses(styles.task, isChanged && styles.changed)}
                  >
                    <span id={textId}>
                      {due}
                      {item.text}
                      {overdue.has(item.id) && (
                        <>
                          {" "}
                          <WarningNote>Overdue.</WarningNote>
                        </>
                      )}
                      {item.id === BASELINE_TASK_ID && (
                        <>
                          {" "}
                          {baseline.missing ? (
                            <WarningNote>{baseline.note}.</WarningNote>
                          ) : (
                            <Caption1>{baseline.note}.</Caption1>
                          )}
                        </>
                      )}
                    </span>
                    {task === undefined ? (
                      <WarningNote>
                        This task is missing from the saved roadmap, so it cannot be updated here. Regenerate the
                        roadmap to bring it back.
                      </WarningNote>
                    ) : (
                      <div key={generation} className={styles.fields} role="group" aria-labelledby={textId}>
                        <Field label="Owner" size="small">
                          <Input
                            size="small"
                            className={styles.fill}
                            value={task.owner}
                            onChange={(_, data) => update(item.id, (t) => ({ ...t, owner: data.value }))}
                          />
                        </Field>
                        <Field label="Status" size="small">
                          <Select
                            size="small"
                            value={task.status}
                            onChange={(_, data) => setStatus(item.id, data.value as TaskStatus)}
                          >
                            {TASK_STATUSES.map((status) => (
                              <option key={status} value={status}>
                                {status}
                              </option>
                            ))}
                          </Select>
                        </Field>
                        <DateField
                          label="Done on"
                          size="small"
                          fill
                          value={task.doneDate}
                          onChange={(value, complete) => {
                            update(item.id, (t) => ({ ...t, doneDate: value }));
                            setPartial((current) => ({ ...current, [item.id]: !complete }));
                          }}
                        />
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
      {unsaved && (
        <div className={styles.saveBar} role="region" aria-label="Unsaved task changes">
          <Body1 className={styles.saveText}>
            {changed.length === 1 ? "1 task changed" : `${changed.length} tasks changed`}, not saved yet.
          </Body1>
          {tried && invalid && (
            <Body1 role="alert" className={styles.saveText}>
              Fix the done dates marked above; nothing is saved until they are valid.
            </Body1>
          )}
          <Button appearance="primary" disabled={saving} onClick={() => void save()}>
            Save task changes
          </Button>
          <Button disabled={saving} onClick={discard}>
            Discard
          </Button>
        </div>
      )}
      {/* Where the save bar was, so the user sees the save went through. */}
      {!unsaved && tasksSaved.text && (
        <div className={styles.saveBar}>
          <SaveConfirmation text={tasksSaved.text} />
        </div>
      )}
    </>
  );
}
