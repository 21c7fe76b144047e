// The floor for the start-up benchmark: React, a FluentProvider and one Button, nothing else.
import { createRoot } from "react-dom/client";
import { Button, FluentProvider, webLightTheme } from "@fluentui/react-components";

createRoot(document.getElementById("root") as HTMLElement).render(
  <FluentProvider theme={webLightTheme}>
    <Button appearance="primary">Start</Button>
  </FluentProvider>,
);
