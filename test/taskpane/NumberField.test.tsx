// NumberField by role: the unit after the number, the note saying how an ambiguous number was
// read (which blocks nothing), and numbers read in the user's locale.
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { NumberField, type NumberFieldProps } from "../../src/taskpane/planning/NumberField";
import type { NumberRule } from "../../src/taskpane/planning/parse";
import { numberLocaleFor, setNumberLocale } from "../../src/taskpane/locale";

afterEach(() => setNumberLocale(numberLocaleFor("en-US")));

/** A field that keeps what is typed, as the panels do. */
function Typed(props: Omit<NumberFieldProps, "text" | "onText"> & { initial?: string }) {
  const [text, setText] = React.useState(props.initial ?? "");
  return <NumberField {...props} text={text} onText={setText} />;
}

function renderField(props: Omit<NumberFieldProps, "text" | "onText"> & { initial?: string }) {
  render(
    <FluentProvider theme={webLightTheme}>
      <Typed {...props} />
    </FluentProvider>,
  );
  return screen.getByRole("textbox", { name: props.label });
}

const type = (box: HTMLElement, value: string) => fireEvent.change(box, { target: { value } });
/** The Fluent Field around a control: the label, the control, the unit and the message. */
const fieldOf = (control: HTMLElement) => control.closest(".fui-Field") as HTMLElement;
/** What the field shows next to the control, after it (the unit). */
const unitOf = (control: HTMLElement) => control.parentElement?.querySelector(".fui-Input__contentAfter");

const PERCENT: NumberRule = { percent: true, min: 0, max: 1 };

describe("NumberField shows its unit", () => {
  it("shows “%” after a percent field, from its rule, once even when the caller passes it too", () => {
    const target = renderField({ label: "Target realized value", rule: PERCENT, initial: "25" });
    expect(unitOf(target)).toHaveTextContent(/^%$/);
    const step = renderField({ label: "Step", rule: PERCENT, contentAfter: "%", initial: "10" });
    expect(unitOf(step)).toHaveTextContent(/^%$/);
  });

  it("shows the unit a caller names, and none for a plain number", () => {
    const horizon = renderField({ label: "Horizon", rule: { integer: true, min: 1 }, unit: "periods" });
    expect(unitOf(horizon)).toHaveTextContent(/^periods$/);
    const cost = renderField({ label: "Build cost", rule: { min: 0 }, unit: "EUR" });
    expect(unitOf(cost)).toHaveTextContent(/^EUR$/);
    const seed = renderField({ label: "Seed", rule: { integer: true } });
    expect(unitOf(seed)).toBeFalsy();
  });
});

describe("NumberField says how a number was read", () => {
  it("in en-US, reads 1,500 as one thousand five hundred and says so, without blocking", () => {
    const cost = renderField({ label: "Build cost", rule: { min: 0 } });
    type(cost, "1,500");
    const note = "Read as one thousand five hundred (1500): here “,” groups thousands. For one point five, type 1.5.";
    expect(cost).toHaveAccessibleDescription(note);
    expect(fieldOf(cost)).toHaveTextContent(note);
    expect(cost).not.toHaveAttribute("aria-invalid", "true");
    // A clear number has no note.
    type(cost, "1,500.00");
    expect(cost).toHaveAccessibleDescription("");
  });

  it("in a percent field, reads 0.5 as 0.5% and says how to type 50%", () => {
    const target = renderField({ label: "Target realized value", rule: PERCENT });
    type(target, "0.5");
    expect(target).toHaveAccessibleDescription("Read as 0.5%. For 50%, type 50.");
    expect(target).not.toHaveAttribute("aria-invalid", "true");
    type(target, "50");
    expect(target).toHaveAccessibleDescription("");
  });

  it("shows a caller's warning and the note together; an error replaces both", () => {
    const cost = renderField({ label: "Build cost", rule: { min: 0 }, warning: "Captured after go-live." });
    type(cost, "1,500");
    expect(cost).toHaveAccessibleDescription(/^Captured after go-live\. Read as one thousand five hundred/);
    type(cost, "0x32");
    expect(cost).toHaveAccessibleDescription(
      "“0x32” is a hexadecimal number: type it in ordinary digits (0x32 is 50).",
    );
    expect(cost).toHaveAttribute("aria-invalid", "true");
  });
});

describe("NumberField in de-DE", () => {
  beforeEach(() => setNumberLocale(numberLocaleFor("de-DE")));

  it("reads 0,8 with no message and 1.500 as fifteen hundred with a note", () => {
    const periods = renderField({ label: "Periods observed", rule: { min: 0, minExclusive: true } });
    type(periods, "0,8");
    expect(periods).toHaveAccessibleDescription("");
    expect(periods).not.toHaveAttribute("aria-invalid", "true");
    type(periods, "1.500");
    expect(periods).toHaveAccessibleDescription(
      "Read as one thousand five hundred (1500): here “.” groups thousands. For one point five, type 1,5.",
    );
  });

  it("refuses 1.5 with what to type instead, and keeps the text", () => {
    const cost = renderField({ label: "Build cost", rule: { min: 0 } });
    type(cost, "1.5");
    expect(cost).toHaveValue("1.5");
    expect(cost).toHaveAccessibleDescription(
      "Here the decimal separator is “,” and digits are grouped with “.” or a space: type 1,5.",
    );
    expect(cost).toHaveAttribute("aria-invalid", "true");
  });
});
