// The native controls of the first screen: a field's texts reach its control, inputs report
// values, buttons never submit by accident.
import * as React from "react";
import { fireEvent, screen } from "@testing-library/react";
import { FormField } from "../../src/taskpane/components/FormField";
import { PaneButton } from "../../src/taskpane/components/PaneButton";
import { DateInput, TextInput } from "../../src/taskpane/components/TextInput";
import { renderInPane } from "./render";

function Field(props: { required?: boolean; hint?: string; error?: string; onValue?: (value: string) => void }) {
  const [value, setValue] = React.useState("");
  return (
    <FormField label="Workflow" required={props.required} hint={props.hint} error={props.error}>
      {(control) => (
        <TextInput
          {...control}
          value={value}
          onValueChange={(next) => {
            setValue(next);
            props.onValue?.(next);
          }}
        />
      )}
    </FormField>
  );
}

describe("FormField with TextInput", () => {
  it("names the input by its label, without the required marker", () => {
    renderInPane(<Field required />);
    const input = screen.getByRole("textbox", { name: "Workflow" });
    expect(input).toBeRequired();
    expect(screen.getByText("*")).toHaveAttribute("aria-hidden", "true");
  });

  it.each([
    [{}, "", false],
    [{ hint: "Type a name." }, "Type a name.", false],
    [{ error: "Name the workflow." }, "Name the workflow.", true],
    [{ hint: "Type a name.", error: "Name the workflow." }, "Name the workflow. Type a name.", true],
  ])("with %j describes the input as %j (invalid: %s)", (texts, description, invalid) => {
    renderInPane(<Field {...texts} />);
    const input = screen.getByRole("textbox", { name: "Workflow" });
    expect(input).toHaveAccessibleDescription(description);
    if (invalid) expect(input).toHaveAttribute("aria-invalid", "true");
    else expect(input).not.toHaveAttribute("aria-invalid");
  });

  it("announces an error as an alert", () => {
    renderInPane(<Field error="Name the workflow." />);
    expect(screen.getByRole("alert")).toHaveTextContent("Name the workflow.");
  });

  it("reports each typed value, kept as typed", () => {
    const onValue = jest.fn();
    renderInPane(<Field onValue={onValue} />);
    const input = screen.getByRole("textbox", { name: "Workflow" });
    fireEvent.change(input, { target: { value: '=HYPERLINK("x")' } });
    expect(onValue).toHaveBeenLastCalledWith('=HYPERLINK("x")');
    expect(input).toHaveValue('=HYPERLINK("x")');
  });

  it("gives two fields different ids", () => {
    renderInPane(
      <>
        <Field />
        <Field />
      </>,
    );
    const [first, second] = screen.getAllByRole("textbox", { name: "Workflow" });
    expect(first.id).not.toBe(second.id);
  });
});

describe("PaneButton", () => {
  it("does not submit its form unless asked to", () => {
    const onSubmit = jest.fn((event: React.FormEvent) => event.preventDefault());
    renderInPane(
      <form onSubmit={onSubmit}>
        <PaneButton>Next respondent</PaneButton>
        <PaneButton type="submit" appearance="primary">
          Save response
        </PaneButton>
      </form>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Next respondent" }));
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Save response" }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it.each(["secondary", "primary", "transparent"] as const)("as %s, a disabled button does nothing", (appearance) => {
    const onClick = jest.fn();
    renderInPane(
      <PaneButton appearance={appearance} disabled onClick={onClick}>
        Export CSV
      </PaneButton>,
    );
    const button = screen.getByRole("button", { name: "Export CSV" });
    expect(button).toBeDisabled();
    fireEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });

  it("draws the primary action differently from the others", () => {
    renderInPane(
      <>
        <PaneButton appearance="primary">Save</PaneButton>
        <PaneButton>Next</PaneButton>
      </>,
    );
    expect(screen.getByRole("button", { name: "Save" }).className).not.toBe(
      screen.getByRole("button", { name: "Next" }).className,
    );
  });
});

describe("DateInput", () => {
  it("first commits as a read-only text box, which builds no date editor", () => {
    const firstCommit: Array<[string, boolean, string]> = [];
    // Layout effects run after the first commit's DOM changes and before DateInput's own effect.
    function AfterFirstCommit() {
      React.useLayoutEffect(() => {
        const input = screen.getByLabelText("Date") as HTMLInputElement;
        firstCommit.push([input.type, input.readOnly, input.value]);
      }, []);
      return null;
    }
    renderInPane(
      <>
        <DateInput aria-label="Date" value="2026-11-24" onValueChange={() => {}} />
        <AfterFirstCommit />
      </>,
    );
    expect(firstCommit).toEqual([["text", true, "2026-11-24"]]);
    expect(screen.getByLabelText("Date")).toHaveAttribute("type", "date");
  });

  it("once mounted, is an editable date field that kept its value and reports changes", () => {
    const onValue = jest.fn();
    renderInPane(
      <FormField label="Date (optional)">
        {(control) => <DateInput {...control} value="2026-11-24" onValueChange={onValue} />}
      </FormField>,
    );
    const input = screen.getByLabelText("Date (optional)");
    expect(input).toHaveAttribute("type", "date");
    expect(input).not.toHaveAttribute("readonly");
    expect(input).toHaveValue("2026-11-24");
    fireEvent.change(input, { target: { value: "2026-12-01" } });
    expect(onValue).toHaveBeenLastCalledWith("2026-12-01");
  });

  it("stays read-only when asked to", () => {
    renderInPane(<DateInput aria-label="Start" readOnly value="" onValueChange={() => {}} />);
    expect(screen.getByLabelText("Start")).toHaveAttribute("readonly");
  });
});
