import * as React from "react";
import { createRoot } from "react-dom/client";
import { AriaLiveAnnouncer, Button, FluentProvider } from "@fluentui/react-components";
import { LocalStore } from "../workbook/local-store";
import { LocalPlanningStore } from "../workbook/local-planning";
import type { PlanningStore } from "../workbook/planning-store";
import type { AssessmentStore } from "../workbook/store";
import { App, type AppProps } from "./App";
import { DamagedData } from "./DamagedData";
import { ErrorProvider, PaneErrorBoundary, describeError } from "./errors";
import { Notice } from "./components/Notice";
import { damagedCopies, discardDamaged, type DamagedCopy } from "../workbook/local-safety";
import { hostSigns, isPlainBrowserTab, waitForOffice, type OfficeStatus } from "./office-ready";
import { chooseTheme, loadThemeOrLight, type ThemeName } from "./theme";
import { numberLocaleChoice, setNumberLocale } from "./locale";

async function openStores(office: OfficeStatus): Promise<{ store: AssessmentStore; planningStore: PlanningStore }> {
  if (office.host === "Excel") {
    // Excel code loads only inside Excel.
    const [{ ExcelStore }, { ExcelPlanningStore }] = await Promise.all([
      import(/* webpackChunkName: "excel-store" */ "../workbook/excel-store"),
      import(/* webpackChunkName: "excel-store" */ "../workbook/excel-planning"),
    ]);
    return { store: new ExcelStore(), planningStore: new ExcelPlanningStore() };
  }
  const storage = browserStorage();
  return { store: new LocalStore(storage), planningStore: new LocalPlanningStore(storage) };
}

/**
 * The browser's storage, where the preview keeps its data. A browser set to block site data
 * throws on the first touch; the pane then says what to change instead of naming the exception.
 */
function browserStorage(): Storage {
  try {
    return window.localStorage;
  } catch (error) {
    throw new Error(
      "this browser blocks site data for this page, and outside Excel the pane keeps its responses there. " +
        `Allow site data for this address, then reopen the pane (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
}

function currentThemeName(office: OfficeStatus): ThemeName {
  const officeTheme = office.host && typeof Office !== "undefined" ? Office.context?.officeTheme : undefined;
  return chooseTheme({
    officeTheme,
    forcedColors: window.matchMedia?.("(forced-colors: active)").matches ?? false,
    prefersDark: window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false,
  });
}

/** The damaged-data notice, gone once the user discards the copies. */
function Damaged({ initial }: { initial: DamagedCopy[] }) {
  const [copies, setCopies] = React.useState(initial);
  return (
    <DamagedData
      copies={copies}
      onDiscard={() => {
        discardDamaged(browserStorage());
        setCopies([]);
      }}
    />
  );
}

/** What replaces the pane when a component fails: the error, and a reload that keeps saved data. */
function Crashed({ error }: { error: unknown }) {
  return (
    <Notice
      intent="error"
      title="The pane stopped after an error"
      actions={
        <Button size="small" onClick={() => window.location.reload()}>
          Reload the pane
        </Button>
      }
    >
      {describeError(error)}. Saved responses and plans are not affected; reloading starts the pane again.
    </Notice>
  );
}

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error("AGAP task pane: the #root element is missing.");
  performance.mark?.("agap-start");
  const officeReady = waitForOffice().then((status) => {
    performance.mark?.("agap-office-ready");
    return status;
  });
  // In a plain browser tab office.js can find no host, so the preview starts at once rather than
  // after office.js is ready (or gives up, after seconds); its answer only adds to the status line.
  // Anywhere an Office host may have opened the page, the pane waits: its store, theme and draft
  // are known only then.
  const preview = isPlainBrowserTab(hostSigns());
  let officeSoFar: OfficeStatus | undefined;
  void officeReady.then((status) => (officeSoFar = status));
  const office: OfficeStatus = preview ? { host: null } : await officeReady;
  // Numbers are read and shown as the workbook writes them (the browser's language outside Excel).
  const numberLocale = numberLocaleChoice(
    office.host === "Excel"
      ? () => import(/* webpackChunkName: "excel-store" */ "../workbook/culture").then((m) => m.readWorkbookCulture())
      : undefined,
  );
  // The dark and high-contrast themes come from their own chunk, fetched beside the stores.
  const [{ store, planningStore }, themeChoice] = await Promise.all([
    openStores(office),
    loadThemeOrLight(currentThemeName(office)),
  ]);
  const { name: themeName, theme, problem: themeProblem } = themeChoice;
  // Read before the first render, so the survey appears once, with the draft in it.
  const initialDraft = await store.loadDraft().then(
    (draft) => ({ draft }),
    (error: unknown) => ({ error }),
  );
  // In the browser, reading once keeps any damaged data aside before the pane shows it; the pane
  // starts from what was read, rather than reading it all again.
  let damaged: DamagedCopy[] = [];
  let initialLists: AppProps["initialLists"];
  if (store.kind === "local") {
    const [responses, planning] = await Promise.all([store.listResponses(), planningStore.loadPlanning()]);
    initialLists = { responses, planning };
    damaged = damagedCopies(browserStorage());
  }
  performance.mark?.("agap-stores-ready");
  // Set once, before the first render: every field and figure reads it (see locale.ts).
  setNumberLocale(await numberLocale);
  // The page around the pane takes the theme's background too (a wide pane in dark mode).
  document.body.style.backgroundColor = theme.colorNeutralBackground1;
  // Native controls (answer scales, the date field, scroll bars) follow the theme too.
  // In forced colors the system's own scheme applies, light or dark, so native icons stay visible.
  document.documentElement.style.colorScheme =
    themeName === "light" ? "light" : themeName === "dark" ? "dark" : "light dark";
  const root = createRoot(container);
  const renderPane = (status: OfficeStatus) =>
    root.render(
      <React.StrictMode>
        <FluentProvider theme={theme}>
          {/* Notices and confirmations are announced through one live region. */}
          <AriaLiveAnnouncer>
            <ErrorProvider startupProblems={themeProblem ? [themeProblem] : []}>
              <PaneErrorBoundary fallback={(error) => <Crashed error={error} />}>
                <Damaged initial={damaged} />
                <App
                  office={status}
                  store={store}
                  planningStore={planningStore}
                  initialDraft={initialDraft}
                  initialLists={initialLists}
                />
              </PaneErrorBoundary>
            </ErrorProvider>
          </AriaLiveAnnouncer>
        </FluentProvider>
      </React.StrictMode>,
    );
  // A preview whose office.js has already answered (or is missing) starts with that answer.
  renderPane(preview ? (officeSoFar ?? office) : office);
  if (preview && !officeSoFar) {
    const late = await officeReady;
    if (late.host) {
      // Cannot happen where office.js finds no host; if it does, the pane must not go on saving to
      // the browser, so it stops and says so (start's one failure handler).
      root.unmount();
      throw new Error(
        `Office answered as ${late.host} after the pane had started as a browser preview. Close and reopen the pane`,
      );
    }
    if (late.reason) renderPane(late);
  }
}

start().catch((error: unknown) => {
  // Nothing rendered yet, so the error is written into the page itself.
  // taskpane.css gives it the pane's font, as Fluent's provider is not there to.
  const root = document.getElementById("root") ?? document.body;
  root.setAttribute("role", "alert");
  root.className = "startup-failure";
  root.textContent = `AGAP could not start: ${error instanceof Error ? error.message : String(error)}`;
});
