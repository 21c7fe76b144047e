// Renders a component the way the pane does: inside Fluent's provider and our error handler.
import * as React from "react";
import { render } from "@testing-library/react";
import { AriaLiveAnnouncer, FluentProvider } from "@fluentui/react-components";
import { ErrorProvider, type StartupProblem } from "../../src/taskpane/errors";
import { ErrorBar } from "../../src/taskpane/components/ErrorBar";
import { paneLightTheme } from "../../src/taskpane/theme";

/** `withErrorBar: false` for components that render their own, like App. */
export function renderInPane(
  ui: React.ReactElement,
  { withErrorBar = true, startupProblems = [] as readonly StartupProblem[] } = {},
) {
  return render(
    <FluentProvider theme={paneLightTheme}>
      <AriaLiveAnnouncer>
        <ErrorProvider startupProblems={startupProblems}>
          {withErrorBar && <ErrorBar />}
          {ui}
        </ErrorProvider>
      </AriaLiveAnnouncer>
    </FluentProvider>,
  );
}
