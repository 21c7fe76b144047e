// The first screen's controls are Fluent's: notices are MessageBars announced through the
// pane's live region, dates warn about a date typed in part, and the date editor is built only
// after the first render.
import * as React from "react";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { DateField } from "../../src/taskpane/components/DateField";
import { Notice } from "../../src/taskpane/components/Notice";
import { renderInPane } from "./render";

// jsdom has no innerText, which Fluent's announcer writes its live region with; here it is
// textContent, which is what a browser's innerText setter amounts to for plain text.
beforeAll(() => {
  if (!("innerText" in HTMLElement.prototype)) {
    Object.defineProperty(HTMLElement.prototype, "innerText", {
      configurable: true,
      get(this: HTMLElement) {
        return this.textContent;
      },
      set(this: HTMLElement, text: string) {
        this.textContent = text;
      },
    });
  }
});

/** The text Fluent's AriaLiveAnnouncer has put in its live region. */
const announced = () =>
  [...document.querySelectorAll("[aria-live]")].map((region) => region.textContent ?? "").join(" ");

describe("Notice", () => {
  it("is named by its title, and the title and message are announced when it appears", async () => {
    function Later() {
      const [shown, setShown] = React.useState(false);
      return shown ? (
        <Notice intent="error" title="The response was not saved">
          The workbook is read-only.
        </Notice>
      ) : (
        <button onClick={() => setShown(true)}>Save</button>
      );
    }
    renderInPane(<Later />);
    expect(announced()).toBe("");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    const notice = screen.getByRole("group", { name: "The response was not saved" });
    expect(notice).toHaveTextContent("The workbook is read-only.");
    await waitFor(() => expect(announced()).toMatch(/The response was not saved.*The workbook is read-only/));
  });

  it("without a title, is named by its message", () => {
    renderInPane(<Notice intent="success">Saved Ana&apos;s response.</Notice>);
    expect(screen.getByRole("group", { name: "Saved Ana's response." })).toBeInTheDocument();
  });

  it.each(["error", "success", "info", "warning"] as const)(
    "shows the %s intent by an icon as well as colour",
    (intent) => {
      renderInPane(<Notice intent={intent}>Text</Notice>);
      expect(screen.getByRole("group", { name: "Text" }).querySelector("svg")).not.toBeNull();
    },
  );

  it("dismisses, and offers its actions", () => {
    const onDismiss = jest.fn();
    const onUndo = jest.fn();
    renderInPane(
      <Notice intent="success" onDismiss={onDismiss} actions={<button onClick={onUndo}>Undo</button>}>
        Deleted.
      </Notice>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(onUndo).toHaveBeenCalledTimes(1);
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });
});

describe("DateField", () => {
  it("with deferEditor, first commits as a read-only text box, which builds no date editor", () => {
    const firstCommit: Array<[string, boolean, string]> = [];
    // Layout effects run after the first commit's DOM changes and before DateField's own effect.
    function AfterFirstCommit() {
      React.useLayoutEffect(() => {
        const input = screen.getByLabelText("Date") as HTMLInputElement;
        firstCommit.push([input.type, input.readOnly, input.value]);
      }, []);
      return null;
    }
    renderInPane(
      <>
        <DateField label="Date" deferEditor value="2026-11-24" onChange={() => {}} />
        <AfterFirstCommit />
      </>,
    );
    expect(firstCommit).toEqual([["text", true, "2026-11-24"]]);
    const input = screen.getByLabelText("Date");
    expect(input).toHaveAttribute("type", "date");
    expect(input).not.toHaveAttribute("readonly");
    expect(input).toHaveValue("2026-11-24");
  });

  it("reports each change as complete, and says so when a date is typed only in part", () => {
    const onChange = jest.fn();
    function Controlled() {
      const [value, setValue] = React.useState("");
      return (
        <DateField
          label="Date (optional)"
          value={value}
          onChange={(next, complete) => {
            setValue(next);
            onChange(next, complete);
          }}
        />
      );
    }
    renderInPane(<Controlled />);
    const input = screen.getByLabelText("Date (optional)");
    fireEvent.change(input, { target: { value: "2026-12-01" } });
    expect(onChange).toHaveBeenLastCalledWith("2026-12-01", true);
    // A browser reports a half-typed date as an empty value with badInput set.
    Object.defineProperty(input, "validity", { value: { badInput: true }, configurable: true });
    fireEvent.change(input, { target: { value: "" } });
    expect(onChange).toHaveBeenLastCalledWith("", false);
    expect(screen.getByText("Enter the whole date: day, month and year.")).toBeInTheDocument();
  });
});
