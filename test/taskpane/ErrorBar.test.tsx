// The one error bar: an error that answers the user's own action takes the focus, once; an error
// from the background leaves the focus where the user is.
import { act, fireEvent, screen } from "@testing-library/react";
import { useErrors } from "../../src/taskpane/errors";
import { renderInPane } from "./render";

/** Two buttons: one reports as a user's action does, one as a background read does. */
function Reporter({ retry }: { retry?: () => void }) {
  const { report } = useErrors();
  return (
    <>
      <button
        onClick={() =>
          report("The response was not saved", new Error("The sheet is protected."), retry, { focus: true })
        }
      >
        Save
      </button>
      <button onClick={() => report("The list was not read again", new Error("Busy."))}>Refresh</button>
    </>
  );
}

/** Focuses a button and clicks it, as a keyboard user pressing it does; returns the button. */
function press(name: string): HTMLElement {
  const button = screen.getByRole("button", { name });
  button.focus();
  act(() => fireEvent.click(button));
  return button;
}

describe("ErrorBar", () => {
  it("moves the focus to an error that answers the user's action, and only once", () => {
    renderInPane(<Reporter />);
    const save = press("Save");
    const error = screen.getByRole("group", { name: "The response was not saved" });
    expect(error).toHaveFocus();
    expect(error).toHaveTextContent("The sheet is protected.");

    // Back on the button, a background error appears below it without taking the focus back.
    save.focus();
    act(() => fireEvent.click(screen.getByRole("button", { name: "Refresh" })));
    expect(screen.getByRole("group", { name: "The list was not read again" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Refresh" })).not.toHaveFocus();
    expect(save).toHaveFocus();
  });

  it("leaves the focus alone for a background error", () => {
    renderInPane(<Reporter />);
    const refresh = press("Refresh");
    expect(screen.getByRole("group", { name: "The list was not read again" })).toBeInTheDocument();
    expect(refresh).toHaveFocus();
  });

  it("takes the focus again for the same action failing again (a new report)", () => {
    renderInPane(<Reporter />);
    const save = screen.getByRole("button", { name: "Save" });
    act(() => fireEvent.click(save));
    save.focus();
    act(() => fireEvent.click(save));
    // The same failure replaces its earlier report, and the new report takes the focus.
    expect(screen.getAllByRole("group", { name: "The response was not saved" })).toHaveLength(1);
    expect(screen.getByRole("group", { name: "The response was not saved" })).toHaveFocus();
  });

  it("gives the focus back to where the user pressed when the error is dismissed", () => {
    renderInPane(<Reporter />);
    const save = press("Save");
    expect(screen.getByRole("group", { name: "The response was not saved" })).toHaveFocus();
    act(() => fireEvent.click(screen.getByRole("button", { name: "Dismiss" })));
    expect(screen.queryByRole("group", { name: "The response was not saved" })).toBeNull();
    expect(save).toHaveFocus();
  });

  it("gives the focus back before a Retry runs, so a retried action that fails again takes it anew", () => {
    let retries = 0;
    const retry = () => {
      retries++;
      expect(screen.getByRole("button", { name: "Save" })).toHaveFocus();
    };
    renderInPane(<Reporter retry={retry} />);
    const save = press("Save");
    act(() => fireEvent.click(screen.getByRole("button", { name: "Retry" })));
    expect(retries).toBe(1);
    expect(save).toHaveFocus();
  });

  it("moves the focus nowhere when an error that never took it is dismissed", () => {
    renderInPane(<Reporter />);
    const refresh = press("Refresh");
    press("Dismiss");
    expect(screen.queryByRole("group", { name: "The list was not read again" })).toBeNull();
    expect(refresh).not.toHaveFocus();
    expect(screen.getByRole("button", { name: "Save" })).not.toHaveFocus();
  });
});
