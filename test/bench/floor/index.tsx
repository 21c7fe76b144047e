// The floor for the start-up benchmark: React, a FluentProvider and one Button, nothing else.
// On the page marked data-wait-for-office (line 6c) it renders in Office.onReady, as Microsoft's
// add-in templates do; elsewhere it renders at once.
import { createRoot } from "react-dom/client";
import { Button, FluentProvider, webLightTheme } from "@fluentui/react-components";

function render(): void {
  createRoot(document.getElementById("root") as HTMLElement).render(
    <FluentProvider theme={webLightTheme}>
      <Button appearance="primary">Start</Button>
    </FluentProvider>,
  );
}

if (document.documentElement.hasAttribute("data-wait-for-office")) {
  Office.onReady().then(render, (error: unknown) => {
    document.body.textContent = `Office.onReady failed: ${String(error)}`;
  });
} else {
  render();
}
