import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { LocalStore } from "../workbook/local-store";
import type { AssessmentStore } from "../workbook/store";
import { App } from "./App";
import { ErrorProvider } from "./errors";
import { waitForOffice, type OfficeStatus } from "./office-ready";
import { FLUENT_THEMES, chooseTheme } from "./theme";

async function openStore(office: OfficeStatus): Promise<AssessmentStore> {
  if (office.host === "Excel") {
    // Excel code loads only inside Excel.
    const { ExcelStore } = await import(/* webpackChunkName: "excel-store" */ "../workbook/excel-store");
    return new ExcelStore();
  }
  return new LocalStore(window.localStorage);
}

function currentTheme(office: OfficeStatus) {
  const officeTheme = office.host && typeof Office !== "undefined" ? Office.context?.officeTheme : undefined;
  return FLUENT_THEMES[
    chooseTheme({
      officeTheme,
      forcedColors: window.matchMedia?.("(forced-colors: active)").matches ?? false,
      prefersDark: window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false,
    })
  ];
}

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error("AGAP task pane: the #root element is missing.");
  const office = await waitForOffice();
  const store = await openStore(office);
  createRoot(container).render(
    <React.StrictMode>
      <FluentProvider theme={currentTheme(office)}>
        <ErrorProvider>
          <App office={office} store={store} />
        </ErrorProvider>
      </FluentProvider>
    </React.StrictMode>,
  );
  performance.mark("agap-interactive");
}

start().catch((error: unknown) => {
  // Nothing rendered yet, so the error is written into the page itself.
  const root = document.getElementById("root") ?? document.body;
  root.textContent = `AGAP could not start: ${error instanceof Error ? error.message : String(error)}`;
  root.setAttribute("role", "alert");
});
