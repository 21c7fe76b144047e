// When the themes chunk cannot load, the pane starts in the light theme and says why.
import { fireEvent, screen } from "@testing-library/react";
import { loadThemeOrLight, paneLightTheme } from "../../src/taskpane/theme";
import { renderInPane } from "./render";

// A dropped connection: the chunk with the dark and high-contrast themes fails to load.
jest.mock("../../src/taskpane/other-themes", () => {
  throw new Error("Loading chunk themes failed.");
});

describe("loadThemeOrLight when the themes chunk fails", () => {
  it.each(["dark", "high-contrast"] as const)("falls back from %s to light, with the reason", async (name) => {
    const choice = await loadThemeOrLight(name);
    expect(choice.name).toBe("light");
    expect(choice.theme).toBe(paneLightTheme);
    expect(choice.problem?.title).toBe(
      `The ${name} theme could not be loaded, so the pane uses the light theme (reopen it to try again)`,
    );
    expect(choice.problem?.error).toEqual(new Error("Loading chunk themes failed."));
  });

  it("needs no chunk for the light theme", async () => {
    await expect(loadThemeOrLight("light")).resolves.toEqual({ name: "light", theme: paneLightTheme });
  });
});

describe("ErrorProvider with problems met at start-up", () => {
  it("shows each as an alert that can be dismissed, like any other error", async () => {
    const { problem } = await loadThemeOrLight("dark");
    if (!problem) throw new Error("expected a problem");
    const { unmount } = renderInPane(<p>pane</p>, { startupProblems: [problem] });
    const alert = screen.getByRole("group", {
      name: /^The dark theme could not be loaded, so the pane uses the light theme/,
    });
    expect(alert).toHaveTextContent("Loading chunk themes failed.");
    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(await screen.findByText("pane")).toBeInTheDocument();
    expect(screen.queryByRole("group", { name: /^The dark theme/ })).not.toBeInTheDocument();
    unmount();
  });
});
