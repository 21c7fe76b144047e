import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { LocalStore } from "../workbook/local-store";
import { LocalPlanningStore } from "../workbook/local-planning";
import type { PlanningStore } from "../workbook/planning-store";
import type { AssessmentStore } from "../workbook/store";
import { App } from "./App";
import { ErrorProvider } from "./errors";
import { waitForOffice, type OfficeStatus } from "./office-ready";
import { chooseTheme, loadThemeOrLight, type ThemeName } from "./theme";

async function openStores(office: OfficeStatus): Promise<{ store: AssessmentStore; planningStore: PlanningStore }> {
  if (office.host === "Excel") {
    // Excel code loads only inside Excel.
    const [{ ExcelStore }, { ExcelPlanningStore }] = await Promise.all([
      import(/* webpackChunkName: "excel-store" */ "../workbook/excel-store"),
      import(/* webpackChunkName: "excel-store" */ "../workbook/excel-planning"),
    ]);
    return { store: new ExcelStore(), planningStore: new ExcelPlanningStore() };
  }
  return { store: new LocalStore(window.localStorage), planningStore: new LocalPlanningStore(window.localStorage) };
}

function currentThemeName(office: OfficeStatus): ThemeName {
  const officeTheme = office.host && typeof Office !== "undefined" ? Office.context?.officeTheme : undefined;
  return chooseTheme({
    officeTheme,
    forcedColors: window.matchMedia?.("(forced-colors: active)").matches ?? false,
    prefersDark: window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false,
  });
}

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error("AGAP task pane: the #root element is missing.");
  performance.mark?.("agap-start");
  const office = await waitForOffice();
  performance.mark?.("agap-office-ready");
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
  performance.mark?.("agap-stores-ready");
  // The page around the pane takes the theme's background too (a wide pane in dark mode).
  document.body.style.backgroundColor = theme.colorNeutralBackground1;
  // Native controls (answer scales, the date field, scroll bars) follow the theme too.
  document.documentElement.style.colorScheme = themeName === "light" ? "light" : "dark";
  createRoot(container).render(
    <React.StrictMode>
      <FluentProvider theme={theme}>
        <ErrorProvider startupProblems={themeProblem ? [themeProblem] : []}>
          <App office={office} store={store} planningStore={planningStore} initialDraft={initialDraft} />
        </ErrorProvider>
      </FluentProvider>
    </React.StrictMode>,
  );
}

start().catch((error: unknown) => {
  // Nothing rendered yet, so the error is written into the page itself.
  const root = document.getElementById("root") ?? document.body;
  root.textContent = `AGAP could not start: ${error instanceof Error ? error.message : String(error)}`;
  root.setAttribute("role", "alert");
});
