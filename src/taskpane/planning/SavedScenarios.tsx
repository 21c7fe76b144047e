import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { LAYERS, realizedValue, scenarioChange } from "../../model";
import { formatPercent, formatPoints } from "../components/format";
import { Notice } from "../components/Notice";
import { ShortName } from "../components/ShortName";
import { useOverflowsSideways } from "../hooks/useOverflowsSideways";
import { SaveConfirmation, useSaveConfirmation } from "../components/SaveConfirmation";
import { repeatedNames } from "./names";
import { ScenarioEditForm } from "./ScenarioEditForm";
import { usePanelStyles } from "./styles";
import type { Planning } from "./usePlanning";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  // The name takes the room it needs and wraps; the buttons go under it when the pane is narrow.
  head: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  name: { minWidth: 0, flexGrow: 1, flexBasis: "10rem", overflowWrap: "anywhere" },
  // The label shrinks with the pane, so a long name is cut to the line it has.
  label: { minWidth: 0 },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalXS, marginLeft: "auto" },
  // A long base (it names the workflow) is cut after two lines; its title gives it in full.
  base: {
    paddingLeft: tokens.spacingHorizontalXXL,
    overflowWrap: "anywhere",
    display: "-webkit-box",
    WebkitBoxOrient: "vertical",
    WebkitLineClamp: 2,
    overflow: "hidden",
  },
  // The table scrolls inside itself when many scenarios sit side by side; the pane never does.
  scroll: { overflowX: "auto", maxWidth: "100%" },
  // A column head holds a name on one line, cut short (in full on hover) rather than widening its column.
  columnName: { maxWidth: "12em" },
  // Columns as wide as their contents (Fluent's table shares the width out equally, which cut
  // "Measurement" short at 320 px); past the pane's width the table scrolls inside its frame.
  sideBySide: { tableLayout: "auto", width: "max-content", minWidth: "100%" },
});

/** The saved scenarios: compare side by side, edit or rename, delete with Undo. */
export function SavedScenarios({ planning }: { planning: Planning }) {
  const styles = useStyles();
  const panel = usePanelStyles();
  const { scenarios } = planning.data;
  const [compare, setCompare] = React.useState<string[]>([]);
  const [editing, setEditing] = React.useState<string | null>(null);
  // The scenario last changed with Edit, and what was said of it, shown under it.
  const [editedId, setEditedId] = React.useState<string | null>(null);
  const edited = useSaveConfirmation();
  const compared = scenarios.filter((s) => compare.includes(s.id));
  const repeated = repeatedNames(scenarios);
  const deleted = planning.deleted?.kind === "scenario" ? planning.deleted.record : null;
  const [scrollBox, scrolls] = useOverflowsSideways<HTMLDivElement>();

  return (
    <div className={panel.section}>
      <Subtitle2 as="h3">Saved scenarios</Subtitle2>
      {deleted && (
        <Notice
          intent="info"
          onDismiss={planning.dismissUndo}
          actions={
            <Button size="small" onClick={() => void planning.undoDelete()}>
              Undo
            </Button>
          }
        >
          Deleted the scenario “{deleted.name}”.
        </Notice>
      )}
      {repeated.map(({ workflow, name, count }) => (
        <MessageBar key={JSON.stringify([workflow, name])} intent="warning" layout="multiline">
          <MessageBarBody>
            {count === 2 ? "Two" : count} saved scenarios {workflow ? `of ${workflow}` : "from typed scores"} are called
            “{name}”. Rename one with Edit so they can be told apart.
          </MessageBarBody>
        </MessageBar>
      ))}
      {scenarios.length === 0 ? (
        <Body1>No scenarios saved yet.</Body1>
      ) : (
        <ul className={panel.plainList} aria-label="Saved scenarios">
          {scenarios.map((s) => (
            <li key={s.id} className={styles.item}>
              <div className={styles.head}>
                <Checkbox
                  className={styles.name}
                  label={{
                    className: styles.label,
                    children: (
                      <>
                        <ShortName name={s.name} /> · {formatPercent(realizedValue(s.scores))}
                      </>
                    ),
                  }}
                  checked={compare.includes(s.id)}
                  onChange={(_, data) =>
                    setCompare((current) => (data.checked ? [...current, s.id] : current.filter((id) => id !== s.id)))
                  }
                />
                {editing !== s.id && (
                  <div className={styles.actions}>
                    <Button
                      size="small"
                      aria-label={`Edit “${s.name}”`}
                      onClick={() => {
                        edited.clear();
                        setEditing(s.id);
                      }}
                    >
                      Edit
                    </Button>
                    <Button
                      size="small"
                      aria-label={`Delete “${s.name}”`}
                      onClick={() => void planning.deleteScenario(s)}
                    >
                      Delete
                    </Button>
                  </div>
                )}
              </div>
              <Caption1 className={mergeClasses(panel.note, styles.base)} title={`Base: ${s.baseLabel}`}>
                Base: {s.baseLabel}
              </Caption1>
              {editing === s.id && (
                <ScenarioEditForm
                  scenario={s}
                  scenarios={scenarios}
                  onSave={(changed, onSaved) =>
                    planning.saveScenario(changed, () => {
                      onSaved();
                      setEditedId(changed.id);
                      edited.confirm(`Saved the changes to “${changed.name}”.`);
                    })
                  }
                  onCancel={() => setEditing((open) => (open === s.id ? null : open))}
                />
              )}
              {editedId === s.id && <SaveConfirmation text={edited.text} />}
            </li>
          ))}
        </ul>
      )}
      {compared.length > 0 && scrolls && (
        // A scroll bar alone is easy to miss, and some systems hide it until the pointer moves.
        <Caption1 className={panel.note} data-testid="side-by-side-scrolls">
          The pane is too narrow for every column: scroll the table below sideways to see the other{" "}
          {compared.length === 1 ? "figures" : "scenarios"}.
        </Caption1>
      )}
      {compared.length > 0 && (
        // Focusable, so that a keyboard can scroll the columns past the pane's width.
        <div
          ref={scrollBox}
          className={styles.scroll}
          tabIndex={0}
          role="region"
          aria-label="Scenarios side by side, scrolls sideways"
        >
          <Table size="small" aria-label="Scenarios side by side" className={styles.sideBySide}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Layer</TableHeaderCell>
                {compared.map((s) => (
                  <TableHeaderCell key={s.id}>
                    <ShortName name={s.name} className={styles.columnName} />
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {LAYERS.map((layer, i) => (
                <TableRow key={layer.id}>
                  <TableCell>{layer.short}</TableCell>
                  {compared.map((s) => (
                    <TableCell key={s.id}>{formatPercent(s.scores[i])}</TableCell>
                  ))}
                </TableRow>
              ))}
              <TableRow>
                <TableCell>Realized</TableCell>
                {compared.map((s) => (
                  <TableCell key={s.id}>{formatPercent(realizedValue(s.scores))}</TableCell>
                ))}
              </TableRow>
              <TableRow>
                <TableCell>Against base</TableCell>
                {compared.map((s) => (
                  <TableCell key={s.id}>{formatPoints(scenarioChange(s))}</TableCell>
                ))}
              </TableRow>
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
