import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { waitForOffice, type OfficeStatus } from "./office-ready";

function officeIsDark(): boolean {
  try {
    const theme = typeof Office !== "undefined" ? Office.context?.officeTheme : undefined;
    if (!theme) return false;
    if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
    // Older hosts have no isDarkTheme: judge by the background's brightness.
    const hex = (theme.bodyBackgroundColor || "").replace("#", "");
    if (!/^[0-9a-f]{6}$/i.test(hex)) return false;
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    return 0.299 * r + 0.587 * g + 0.114 * b < 128;
  } catch {
    return false;
  }
}

function render(root: ReturnType<typeof createRoot>, office?: OfficeStatus) {
  const theme = office?.host && officeIsDark() ? webDarkTheme : webLightTheme;
  root.render(
    <React.StrictMode>
      <FluentProvider theme={theme}>
        <App office={office} />
      </FluentProvider>
    </React.StrictMode>,
  );
}

const container = document.getElementById("root");
if (!container) throw new Error("AGAP task pane: #root element is missing");
const root = createRoot(container);
render(root);
waitForOffice().then((office) => render(root, office));
