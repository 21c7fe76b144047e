import * as React from "react";
import { fireEvent, screen, within } from "@testing-library/react";
import { STATEMENTS } from "../../src/model";
import { AssessmentForm, type AssessmentFormProps } from "../../src/taskpane/components/AssessmentForm";
import type { Draft } from "../../src/workbook/store";
import { renderInPane } from "./render";

function setup(draft: Partial<Draft> = {}, overrides: Partial<AssessmentFormProps> = {}) {
  const props: AssessmentFormProps = {
    draft: { workflow: "", respondent: "", date: "", answers: {}, ...draft },
    workflows: ["Invoice triage", "Claims intake"],
    saving: false,
    onField: jest.fn(),
    onAnswer: jest.fn(),
    onSave: jest.fn(),
    onNext: jest.fn(),
    ...overrides,
  };
  renderInPane(<AssessmentForm {...props} />);
  return props;
}

describe("AssessmentForm", () => {
  it("first commits the first statement only, then all fifteen in one transition", () => {
    const firstCommit: number[] = [];
    // Layout effects run after the first commit's DOM changes, before the form's own effect.
    function AfterFirstCommit() {
      React.useLayoutEffect(() => {
        firstCommit.push(screen.getAllByRole("radiogroup").length);
      }, []);
      return null;
    }
    renderInPane(
      <>
        <AssessmentForm
          draft={{ workflow: "", respondent: "", date: "", answers: {} }}
          workflows={[]}
          saving={false}
          onField={jest.fn()}
          onAnswer={jest.fn()}
          onSave={jest.fn()}
          onNext={jest.fn()}
        />
        <AfterFirstCommit />
      </>,
    );
    expect(firstCommit).toEqual([1]);
    expect(screen.getAllByRole("radiogroup")).toHaveLength(15);
  });

  it("groups the 15 statements by layer, each with a 0–5 scale", () => {
    setup();
    const groups = screen.getAllByRole("radiogroup");
    expect(groups).toHaveLength(15);
    for (const group of groups) {
      expect(
        within(group)
          .getAllByRole("radio")
          .map((r) => r.getAttribute("value")),
      ).toEqual(["0", "1", "2", "3", "4", "5"]);
    }
    expect(screen.getAllByRole("group").filter((g) => g.tagName === "FIELDSET")).toHaveLength(5);
  });

  it.each(STATEMENTS.map((statement, index) => [index + 1, statement] as const))(
    "labels statement %i with its text and the scale's end points",
    (number, statement) => {
      setup();
      const group = screen.getByRole("radiogroup", { name: `${number}. ${statement.text}` });
      expect(group).toHaveAccessibleDescription(/0 · strongly disagree.*strongly agree · 5/);
    },
  );

  it.each([
    [{}, "0 of 15 answered"],
    [{ "strategy.outcome": 0 }, "1 of 15 answered"],
    [Object.fromEntries(STATEMENTS.slice(0, 11).map((s) => [s.id, 3])), "11 of 15 answered"],
    [Object.fromEntries(STATEMENTS.map((s) => [s.id, 5])), "15 of 15 answered"],
  ])("shows progress for %j as %s", (answers, text) => {
    setup({ answers });
    expect(screen.getByText(text)).toBeInTheDocument();
  });

  it("reports an answer with its statement id and value", () => {
    const props = setup();
    const group = screen.getByRole("radiogroup", { name: new RegExp(STATEMENTS[4].text.slice(0, 20)) });
    fireEvent.click(within(group).getByRole("radio", { name: "3" }));
    expect(props.onAnswer).toHaveBeenCalledWith(STATEMENTS[4].id, 3);
  });

  it("shows an answered statement as checked", () => {
    setup({ answers: { "measurement.baseline": 2 } });
    const group = screen.getByRole("radiogroup", { name: new RegExp(STATEMENTS[9].text.slice(0, 20)) });
    expect(within(group).getByRole("radio", { name: "2" })).toBeChecked();
  });

  it("refuses to save without a workflow and says why", () => {
    const props = setup();
    fireEvent.click(screen.getByRole("button", { name: "Save response" }));
    expect(props.onSave).not.toHaveBeenCalled();
    expect(screen.getByText("Name the workflow before saving.")).toBeInTheDocument();
  });

  it("saves when a workflow is named", () => {
    const props = setup({ workflow: "Invoice triage" });
    fireEvent.click(screen.getByRole("button", { name: "Save response" }));
    expect(props.onSave).toHaveBeenCalledTimes(1);
  });

  it("passes typed names through as text, whatever they start with", () => {
    const props = setup();
    fireEvent.change(screen.getByRole("textbox", { name: /Respondent/ }), { target: { value: '=HYPERLINK("x")' } });
    expect(props.onField).toHaveBeenCalledWith("respondent", '=HYPERLINK("x")');
  });
});
