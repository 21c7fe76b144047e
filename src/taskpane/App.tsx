import * as React from "react";
import { Button, Tab, TabList, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import {
  STATEMENTS,
  STATEMENT_COUNT,
  assessAnswers,
  latestRound,
  responseFiguresShown,
  workflowNames,
  type AssessmentResponse,
} from "../model";
import type { AssessmentStore, ResponseList } from "../workbook/store";
import type { PlanningData, PlanningStore } from "../workbook/planning-store";
import { usePlanning } from "./planning/usePlanning";
import { AssessmentForm, type ResponseSaved } from "./components/AssessmentForm";
import { ErrorBar } from "./components/ErrorBar";
import { Notice } from "./components/Notice";
import { ExportButtons } from "./components/ExportButtons";
import { StoreSpace } from "./components/StoreSpace";
import { useErrors } from "./errors";
import { numberLocale } from "./locale";
import { describeResponse, describeResponseAtStart } from "./components/format";
import { KeepDates } from "./components/KeepDates";
import type { RecordNotice } from "./components/TeamPanel";
import { newId, responseFromDraft, useDraft, type InitialDraft } from "./hooks/useDraft";
import { useTeamSettings } from "./hooks/useTeamSettings";
import type { TeamSettingsStore } from "../workbook/team-settings";
import { useResponses } from "./hooks/useResponses";
import type { OfficeStatus } from "./office-ready";

// Panels off the first screen load on demand, keeping the first load small.
const ResultsPanel = React.lazy(() =>
  import(/* webpackChunkName: "results" */ "./components/ResultsPanel").then((m) => ({ default: m.ResultsPanel })),
);
const TeamPanel = React.lazy(() =>
  import(/* webpackChunkName: "team" */ "./components/TeamPanel").then((m) => ({ default: m.TeamPanel })),
);
const ScenariosPanel = React.lazy(() =>
  import(/* webpackChunkName: "scenarios" */ "./planning/ScenariosPanel").then((m) => ({ default: m.ScenariosPanel })),
);
const RoiPanel = React.lazy(() =>
  import(/* webpackChunkName: "roi" */ "./planning/RoiPanel").then((m) => ({ default: m.RoiPanel })),
);
const RoadmapPanel = React.lazy(() =>
  import(/* webpackChunkName: "roadmap" */ "./planning/RoadmapPanel").then((m) => ({ default: m.RoadmapPanel })),
);
const PrintReportButton = React.lazy(() =>
  import(/* webpackChunkName: "report" */ "./report/PrintReportButton").then((m) => ({ default: m.PrintReportButton })),
);

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "40rem",
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  // Fluent's Title2 and Caption1 sizes, on plain elements: the first screen draws no Text components.
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
  },
  caption: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  link: { color: tokens.colorBrandForegroundLink },
  status: { color: tokens.colorNeutralForeground3 },
  // Six tabs do not fit on one line of a narrow pane: they wrap rather than scroll sideways.
  tabs: { flexWrap: "wrap" },
});

export function statusLine(office: OfficeStatus): string {
  if (office.host === "Excel") return "Connected to this workbook: saved responses go to the sheet AGAP Assessments.";
  if (office.host) return `Running inside ${office.host}; AGAP needs Excel. Data stays in this browser.`;
  // The reason follows as its own sentence: reasons may hold brackets or colons of their own.
  const why = office.reason ? ` ${office.reason.replace(/\.?$/, ".")}` : "";
  return `Preview outside Excel: data is kept in this browser and can be exported.${why}`;
}

type TabId = "assessment" | "results" | "team" | "scenarios" | "roi" | "roadmap";
const TAB_LABELS: Record<TabId, string> = {
  assessment: "Assessment",
  results: "Results",
  team: "Team & history",
  scenarios: "Scenarios",
  roi: "ROI",
  roadmap: "Roadmap",
};

/** Two versions of a response hold the same values (ids aside). */
function sameResponse(a: AssessmentResponse, b: AssessmentResponse): boolean {
  return (
    a.workflow === b.workflow &&
    a.respondent === b.respondent &&
    a.date === b.date &&
    STATEMENTS.every((statement) => a.answers[statement.id] === b.answers[statement.id])
  );
}

const answeredIn = (answers: AssessmentResponse["answers"]) => assessAnswers(answers).answered;

/** Said when the response set aside for an edit is back on the form. */
const backOnForm = (answered: number) =>
  `The new response you were answering is back on the form (${answered} of ${STATEMENT_COUNT} answered).`;

export interface AppProps {
  office: OfficeStatus;
  store: AssessmentStore;
  planningStore: PlanningStore;
  /** The draft as read before the first render; without it the pane reads it itself. */
  initialDraft?: InitialDraft;
  /** The saved responses and planning data as read before the first render (the browser's store). */
  initialLists?: { responses: ResponseList; planning: PlanningData };
  /** Where the team's privacy settings live; by default beside the store (workbook or browser). */
  teamSettings?: TeamSettingsStore;
}

export function App({ office, store: plainStore, planningStore, initialDraft, initialLists, teamSettings }: AppProps) {
  const styles = useStyles();
  const { report } = useErrors();
  // Privacy settings, and the store through which no name reaches an anonymous round.
  const privacy = useTeamSettings(plainStore, teamSettings);
  const store = privacy.store;
  const {
    draft,
    loaded,
    restored,
    setAnswer,
    setField,
    setRoundDate,
    startNext,
    startEdit,
    finishEdit,
    dismissRestored,
  } = useDraft(store, initialDraft, privacy.isAnonymous);
  const { responses, skipped, loading, reload, save, remove } = useResponses(store, initialLists?.responses);
  const planning = usePlanning(planningStore, initialLists?.planning);
  const [tab, setTab] = React.useState<TabId>("assessment");
  const [saving, setSaving] = React.useState(false);
  const [changing, setChanging] = React.useState(false);
  // The last delete, undoable until the next action; or what its Undo did.
  const [record, setRecord] = React.useState<{ text: string; deleted?: AssessmentResponse } | null>(null);
  // A new response's id, chosen at its first save attempt and kept until one succeeds, so a retry
  // or a second press after a failure updates the same row instead of adding another.
  const newResponseId = React.useRef<string | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  // What the last save did, said beside the Save button; its key makes each save a new notice.
  const [confirmation, setConfirmation] = React.useState<ResponseSaved | null>(null);
  const confirm = (text: string, next: boolean) =>
    setConfirmation((current) => ({ key: (current?.key ?? 0) + 1, text, next }));
  // Once the next response is under way, the last save's "the form is clear" is out of date.
  const answerAfterSave = React.useCallback(
    (statementId: string, value: number) => {
      setConfirmation(null);
      setAnswer(statementId, value);
    },
    [setAnswer],
  );
  const fieldAfterSave = React.useCallback(
    (field: "workflow" | "respondent" | "date", value: string) => {
      if (field === "respondent") setConfirmation(null);
      setField(field, value);
    },
    [setField],
  );
  const [lastSavedId, setLastSavedId] = React.useState<string | null>(null);
  const [reporting, setReporting] = React.useState(false);
  const workflows = React.useMemo(() => workflowNames(responses), [responses]);

  // The saved response the form edits, as it is in the list (null while the list loads, or if gone).
  const original = draft.responseId ? (responses.find((r) => r.id === draft.responseId) ?? null) : null;
  const editing = draft.responseId
    ? {
        id: draft.responseId,
        label: original
          ? describeResponse(original)
          : loading
            ? "a saved response"
            : "a response no longer in the saved list (saving adds it again)",
        unsaved: !original || !sameResponse(original, responseFromDraft(draft)),
        setAsideAnswered: draft.setAside ? answeredIn(draft.setAside.answers) : 0,
      }
    : null;

  const onSave = async () => {
    setRecord(null);
    setSaving(true);
    const id = draft.responseId ?? (newResponseId.current ??= newId());
    // As stored: in an anonymous round it carries its label rather than any name typed. Retry
    // after a failure runs the whole save again, with the form as it is then and the same id.
    const response = await save(responseFromDraft(draft, id), () => saveAgain.current());
    setSaving(false);
    if (!response) return;
    newResponseId.current = null;
    setLastSavedId(response.id);
    const answered = answeredIn(response.answers);
    const partial = answered < STATEMENT_COUNT ? ` as partial (${answered} of ${STATEMENT_COUNT} answered)` : "";
    if (draft.responseId) {
      const aside = finishEdit();
      const back = aside && answeredIn(aside.answers) > 0 ? ` ${backOnForm(answeredIn(aside.answers))}` : "";
      confirm(`Saved the changes to ${describeResponse(response)}${partial}.${back}`, !aside);
    } else {
      const who = response.respondent ? `${response.respondent}'s response` : "the response";
      confirm(
        `Saved ${who} for ${response.workflow}${partial}. The form is clear for the next respondent; the workflow and round date stay.`,
        true,
      );
      startNext();
    }
  };

  // The latest onSave, for the error bar's Retry.
  const saveAgain = React.useRef(() => {});
  saveAgain.current = () => void onSave();

  const onNext = () => {
    setRecord(null);
    setConfirmation(null);
    newResponseId.current = null;
    startNext();
  };

  const onEdit = (response: AssessmentResponse) => {
    setRecord(null);
    setConfirmation(null);
    if (draft.responseId !== response.id) startEdit(response);
    selectTab("assessment");
  };

  const onCancelEdit = () => {
    setRecord(null);
    const aside = finishEdit();
    if (aside && answeredIn(aside.answers) > 0) setNotice(backOnForm(answeredIn(aside.answers)));
  };

  const onDelete = async (response: AssessmentResponse) => {
    setRecord(null);
    setChanging(true);
    const ok = await remove(response, () => void onDelete(response));
    setChanging(false);
    if (ok) setRecord({ text: `Deleted ${describeResponse(response)} for ${response.workflow}.`, deleted: response });
  };

  const onUndo = async (deleted: AssessmentResponse) => {
    setRecord(null);
    setChanging(true);
    // A row typed by hand has an id naming its position ("sheet-row-5"). Once it is deleted, that
    // position holds the next row, so the response comes back under an id of its own.
    const back = deleted.id.startsWith("sheet-row-") ? { ...deleted, id: newId() } : deleted;
    const ok = await save(back, () => void onUndo(deleted));
    setChanging(false);
    if (ok) setRecord({ text: `${describeResponseAtStart(deleted)} is back in the list.` });
  };

  const recordNotice: RecordNotice | null = record && {
    text: record.text,
    onUndo: record.deleted && (() => void onUndo(record.deleted as AssessmentResponse)),
    onDismiss: () => setRecord(null),
  };

  const insertReport = async () => {
    if (!store.insertReport) return;
    setReporting(true);
    try {
      // The planning records as they are now: the report's status rows are taken from them.
      const planningNow = await planningStore.loadPlanning();
      const sheet = await store.insertReport(draft.workflow.trim(), responses, {
        planning: planningNow,
        minGroup: privacy.settings.minGroup,
        // In Excel the pane's number locale is the workbook's culture.
        decimal: numberLocale().decimal,
      });
      setNotice(`Report added on the sheet “${sheet}”.`);
      const limitations = store.drainLimitations?.() ?? [];
      if (limitations.length > 0) report("Report added, but this Excel lacks a feature", limitations.join(" "));
    } catch (error) {
      report("The report could not be inserted", error, () => void insertReport());
    } finally {
      setReporting(false);
    }
  };

  const [visited, setVisited] = React.useState<ReadonlySet<TabId>>(() => new Set<TabId>(["assessment"]));
  const selectTab = (id: TabId) => {
    setTab(id);
    setVisited((current) => (current.has(id) ? current : new Set([...current, id])));
  };

  // The board report of the workflow on the form: printed in the browser, or a sheet in Excel.
  const reportActions = (
    <>
      {/* Its own boundary: the button's chunk loading never blanks the Team panel. */}
      <React.Suspense fallback={null}>
        <PrintReportButton
          workflow={draft.workflow.trim()}
          responses={responses}
          planning={planning.data}
          minGroup={privacy.settings.minGroup}
        />
      </React.Suspense>
      {store.kind === "excel" && (
        <Button onClick={insertReport} disabled={reporting || draft.workflow.trim() === ""}>
          {reporting ? "Inserting report…" : "Insert report sheet"}
        </Button>
      )}
    </>
  );
  const actions =
    store.kind === "excel" ? null : (
      <ExportButtons
        responses={responses}
        planning={planning.data}
        store={store}
        planningStore={planningStore}
        onImported={async () => {
          await Promise.all([reload(), planning.reload()]);
        }}
      />
    );

  // Results follows the workflow on the form: the response saved last in this session if it is of
  // that workflow, else the one saved last for it; with no saved response of the form's workflow
  // (or none named), the one saved last in this session, else the one saved last of all (the pane
  // reopened on an empty form). Worked out when the list or the workflow changes, not on every
  // answer typed on the form.
  const formWorkflow = draft.workflow.trim();
  const lastSaved = React.useMemo(() => {
    const inSession = lastSavedId ? responses.find((r) => r.id === lastSavedId) : undefined;
    if (inSession && (formWorkflow === "" || inSession.workflow === formWorkflow)) return inSession;
    return responses.filter((r) => r.workflow === formWorkflow).at(-1) ?? inSession ?? responses.at(-1) ?? null;
  }, [responses, lastSavedId, formWorkflow]);
  // A response saved before this session shows its own figures only where Team & history lists
  // them (its round has the smallest group); otherwise Results gives its team's round alone.
  const minGroup = privacy.settings.minGroup;
  const savedShown = React.useMemo(
    () =>
      lastSaved && (lastSaved.id === lastSavedId || responseFiguresShown(responses, lastSaved, minGroup))
        ? lastSaved
        : null,
    [responses, lastSaved, lastSavedId, minGroup],
  );
  const teamWorkflow = lastSaved?.workflow ?? formWorkflow;
  const teamRound = React.useMemo(() => latestRound(responses, teamWorkflow), [responses, teamWorkflow]);

  const panel = (id: TabId): React.ReactNode => {
    const workflow = draft.workflow.trim();
    switch (id) {
      case "assessment":
        return (
          <AssessmentForm
            draft={draft}
            workflows={workflows}
            saving={saving}
            editing={editing}
            roundDate={draft.roundDate ?? ""}
            onRoundDate={setRoundDate}
            onField={fieldAfterSave}
            onAnswer={answerAfterSave}
            onSave={onSave}
            onNext={onNext}
            onCancelEdit={onCancelEdit}
            confirmation={confirmation}
            onDismissConfirmation={() => setConfirmation(null)}
            onShowResults={() => selectTab("results")}
            anonymity={privacy.anonymityOf(draft, responses, save)}
          />
        );
      case "results":
        return (
          <ResultsPanel
            answers={draft.answers}
            lastSaved={savedShown}
            teamRound={teamRound}
            formWorkflow={formWorkflow}
          />
        );
      case "team":
        return (
          <TeamPanel
            workflow={workflow}
            responses={responses}
            skipped={skipped}
            reportActions={reportActions}
            actions={actions}
            onEdit={onEdit}
            onDelete={(response) => void onDelete(response)}
            editing={editing}
            recordNotice={recordNotice}
            busy={saving || changing || privacy.busy}
            minGroup={privacy.settings.minGroup}
            onMinGroup={privacy.saveMinGroup}
            isAnonymous={privacy.isAnonymous}
            onReplaceNames={(named) => void privacy.replaceNames(named, save)}
          />
        );
      case "scenarios":
        return (
          <ScenariosPanel
            planning={planning}
            responses={responses}
            draftWorkflow={workflow}
            draftAnswers={draft.answers}
            minGroup={privacy.settings.minGroup}
          />
        );
      case "roi":
        return <RoiPanel planning={planning} responses={responses} workflow={workflow} />;
      case "roadmap":
        return <RoadmapPanel planning={planning} responses={responses} workflow={workflow} />;
    }
  };

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.title}>AGAP assessment</h1>
        <span className={mergeClasses(styles.caption, styles.status)} data-testid="mode">
          {statusLine(office)}
        </span>
      </header>

      <ErrorBar />
      <StoreSpace store={store} responses={responses} planning={planning.data} />
      {restored > 0 && (
        <Notice intent="info" onDismiss={dismissRestored}>
          Your unsaved answers were restored: {restored} of {STATEMENT_COUNT} answered.
        </Notice>
      )}
      {notice && (
        <Notice key={notice} intent="success" onDismiss={() => setNotice(null)}>
          <KeepDates text={notice} />
        </Notice>
      )}

      <TabList
        aria-label="Sections"
        // Small tabs: six of them fit on two rows of a 320 px pane.
        size="small"
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, data) => selectTab(data.value as TabId)}
      >
        {(Object.keys(TAB_LABELS) as TabId[]).map((id) => (
          <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
            {TAB_LABELS[id]}
          </Tab>
        ))}
      </TabList>

      {!loaded ? (
        <p>Loading your draft…</p>
      ) : (
        // A panel stays mounted once opened, so half-typed input survives a look at another tab.
        (Object.keys(TAB_LABELS) as TabId[])
          .filter((id) => visited.has(id))
          .map((id) => (
            <div key={id} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={id !== tab}>
              <React.Suspense fallback={<p>Loading…</p>}>{panel(id)}</React.Suspense>
            </div>
          ))
      )}

      <span className={styles.caption}>
        <a className={styles.link} href="help/functions.html" target="_blank" rel="noopener">
          Function reference
        </a>
      </span>
    </main>
  );
}
