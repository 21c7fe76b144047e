// A warning or an error inside a line: the icon and the words, never colour alone; the words are what a screen
// reader reads.
import { screen } from "@testing-library/react";
import { ErrorNote, WarningNote } from "../../src/taskpane/components/WarningNote";
import { renderInPane } from "./render";

describe("WarningNote", () => {
  it("shows Fluent's warning icon before the words, hidden from screen readers", () => {
    renderInPane(
      <p>
        Day 24: capture the baseline. <WarningNote>No baseline in AGAP ROI yet.</WarningNote>
      </p>,
    );
    const note = screen.getByText("No baseline in AGAP ROI yet.");
    const icons = note.querySelectorAll("svg");
    expect(icons).toHaveLength(1);
    expect(icons[0]).toHaveAttribute("aria-hidden", "true");
    // The icon comes first, then the words, and adds no text of its own.
    expect(note.firstElementChild).toBe(icons[0]);
    expect(note).toHaveTextContent(/^No baseline in AGAP ROI yet\.$/);
  });
});

describe("ErrorNote", () => {
  it("is an alert with Fluent's error icon before the words, hidden from screen readers", () => {
    renderInPane(<ErrorNote>Answer at least one statement before saving.</ErrorNote>);
    const note = screen.getByRole("alert");
    const icons = note.querySelectorAll("svg");
    expect(icons).toHaveLength(1);
    expect(icons[0]).toHaveAttribute("aria-hidden", "true");
    expect(note.firstElementChild).toBe(icons[0]);
    expect(note).toHaveTextContent(/^Answer at least one statement before saving\.$/);
  });
});
