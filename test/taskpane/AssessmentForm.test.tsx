import * as React from "react";
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { STATEMENTS } from "../../src/model";
import { AssessmentForm, type AssessmentFormProps } from "../../src/taskpane/components/AssessmentForm";
import type { Draft } from "../../src/workbook/store";
import { renderInPane } from "./render";

const ALL_THREES = Object.fromEntries(STATEMENTS.map((s) => [s.id, 3]));
const firstAnswers = (count: number) => Object.fromEntries(STATEMENTS.slice(0, count).map((s) => [s.id, 2]));

function setup(draft: Partial<Draft> = {}, overrides: Partial<AssessmentFormProps> = {}) {
  const props: AssessmentFormProps = {
    draft: { workflow: "", respondent: "", date: "", answers: {}, ...draft },
    workflows: ["Invoice triage", "Claims intake"],
    saving: false,
    onField: jest.fn(),
    onAnswer: jest.fn(),
    onSave: jest.fn(),
    onNext: jest.fn(),
    onRoundDate: jest.fn(),
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

  it("saves at once when a workflow is named and all 15 statements are answered", () => {
    const props = setup({ workflow: "Invoice triage", answers: ALL_THREES });
    fireEvent.click(screen.getByRole("button", { name: "Save response" }));
    expect(props.onSave).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("group", { name: /unanswered/ })).toBeNull();
  });

  it("refuses to save without a single answer and says why", () => {
    const props = setup({ workflow: "Invoice triage" });
    fireEvent.click(screen.getByRole("button", { name: "Save response" }));
    expect(props.onSave).not.toHaveBeenCalled();
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Answer at least one statement before saving.");
    // Told by an icon as well as by colour, as a field's error is.
    expect(alert.querySelector("svg[aria-hidden='true']")).not.toBeNull();
    expect(screen.queryByRole("group", { name: /unanswered/ })).toBeNull();
  });

  it("passes typed names through as text, whatever they start with", () => {
    const props = setup();
    fireEvent.change(screen.getByRole("textbox", { name: /Respondent/ }), { target: { value: '=HYPERLINK("x")' } });
    expect(props.onField).toHaveBeenCalledWith("respondent", '=HYPERLINK("x")');
  });
});

describe("AssessmentForm, a response with unanswered statements", () => {
  it.each([
    [1, "14 of 15 statements are unanswered."],
    [8, "7 of 15 statements are unanswered."],
    [14, "1 of 15 statements is unanswered."],
  ])("with %i answered, Save first asks, saying “%s”; Save as partial saves", (answered, question) => {
    const props = setup({ workflow: "Claims", answers: firstAnswers(answered) });
    fireEvent.click(screen.getByRole("button", { name: "Save response" }));
    expect(props.onSave).not.toHaveBeenCalled();
    const ask = screen.getByRole("group", { name: question });
    expect(ask).toHaveAccessibleDescription(
      "Save it as a partial response? It is marked partial wherever responses are listed, and left out of the team result until all 15 are answered.",
    );
    // The safe choice has the focus, so a stray Enter keeps answering.
    expect(within(ask).getByRole("button", { name: "Keep answering" })).toHaveFocus();
    fireEvent.click(within(ask).getByRole("button", { name: "Save as partial" }));
    expect(props.onSave).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("group", { name: question })).toBeNull();
  });

  it.each([
    [
      "Keep answering",
      (ask: HTMLElement) => fireEvent.click(within(ask).getByRole("button", { name: "Keep answering" })),
    ],
    [
      "Escape",
      (ask: HTMLElement) =>
        fireEvent.keyDown(within(ask).getByRole("button", { name: "Keep answering" }), { key: "Escape" }),
    ],
  ])("%s closes the question without saving", (_, close) => {
    const props = setup({ workflow: "Claims", answers: firstAnswers(3) });
    fireEvent.click(screen.getByRole("button", { name: "Save response" }));
    close(screen.getByRole("group", { name: "12 of 15 statements are unanswered." }));
    expect(screen.queryByRole("group", { name: /unanswered/ })).toBeNull();
    expect(props.onSave).not.toHaveBeenCalled();
  });

  it("in edit mode the partial question offers to save the changes as partial", () => {
    const props = setup(
      { workflow: "Claims", respondent: "Ana", answers: firstAnswers(6), responseId: "a" },
      { editing: { label: "Ana's response of 2026-04-02", unsaved: true, setAsideAnswered: 0 } },
    );
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    const ask = screen.getByRole("group", { name: "9 of 15 statements are unanswered." });
    fireEvent.click(within(ask).getByRole("button", { name: "Save changes as partial" }));
    expect(props.onSave).toHaveBeenCalledTimes(1);
  });
});

describe("AssessmentForm, Enter in a field", () => {
  // Complete and named, so that any submission would save at once.
  it.each([
    ["Workflow", /^Workflow\*?$/],
    ["Respondent (optional)", "Respondent (optional)"],
    ["Date for this round (optional)", "Date for this round (optional)"],
    ["Response date (optional)", "Response date (optional)"],
  ])("Enter in %s does not save", async (_, label) => {
    const props = setup({ workflow: "Claims", respondent: "Ana", answers: ALL_THREES }, { roundDate: "" });
    const field = screen.getByLabelText(label);
    await userEvent.type(field, "{Enter}");
    expect(props.onSave).not.toHaveBeenCalled();
    expect(screen.queryByRole("group", { name: /unanswered/ })).toBeNull();
  });

  it("submitting the form any other way does not save either", () => {
    const props = setup({ workflow: "Claims", answers: ALL_THREES });
    fireEvent.submit(screen.getByRole("form", { name: "Assessment" }));
    expect(props.onSave).not.toHaveBeenCalled();
  });

  it("with 1 of 15 answered, Enter in Respondent neither saves nor asks", async () => {
    const props = setup({ workflow: "Claims", answers: firstAnswers(1) });
    await userEvent.type(screen.getByRole("textbox", { name: "Respondent (optional)" }), "Ana{Enter}");
    expect(props.onField).toHaveBeenLastCalledWith("respondent", "a");
    expect(props.onSave).not.toHaveBeenCalled();
    expect(screen.queryByRole("group", { name: /unanswered/ })).toBeNull();
  });
});

describe("AssessmentForm, Next respondent", () => {
  it("starts the next respondent at once when nothing is answered", () => {
    const props = setup({ workflow: "Claims", respondent: "Ana" });
    fireEvent.click(screen.getByRole("button", { name: "Next respondent" }));
    expect(props.onNext).toHaveBeenCalledTimes(1);
  });

  it.each([
    ["Ana", "Ana's answers are not saved (4 of 15 answered)."],
    ["", "The answers on the form are not saved (4 of 15 answered)."],
  ])("with answers (respondent “%s”) asks first: “%s”", (respondent, question) => {
    const props = setup({ workflow: "Claims", respondent, answers: firstAnswers(4) });
    fireEvent.click(screen.getByRole("button", { name: "Next respondent" }));
    expect(props.onNext).not.toHaveBeenCalled();
    const ask = screen.getByRole("group", { name: question });
    expect(within(ask).getByRole("button", { name: "Keep answering" })).toHaveFocus();
    fireEvent.click(within(ask).getByRole("button", { name: "Keep answering" }));
    expect(props.onNext).not.toHaveBeenCalled();
    expect(screen.queryByRole("group", { name: question })).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Next respondent" }));
    fireEvent.click(
      within(screen.getByRole("group", { name: question })).getByRole("button", {
        name: "Discard answers and start next",
      }),
    );
    expect(props.onNext).toHaveBeenCalledTimes(1);
  });
});

describe("AssessmentForm, editing a saved response", () => {
  const EDITING = { label: "Ana's response of 2026-04-02", unsaved: false, setAsideAnswered: 0 };
  const saved = { workflow: "Claims", respondent: "Ana", date: "2026-04-02", answers: ALL_THREES, responseId: "a" };

  it("says which response it edits, offers Save changes and Cancel edit, and no Next respondent", () => {
    setup(saved, { editing: EDITING, roundDate: "2026-05-01" });
    const banner = screen.getByRole("group", { name: "Editing Ana's response of 2026-04-02" });
    expect(within(banner).getByRole("button", { name: "Cancel edit" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Save changes" })).toBeEnabled();
    expect(screen.queryByRole("button", { name: "Save response" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Next respondent" })).toBeNull();
    // The round's date is for new respondents; it is not offered while one response is edited.
    expect(screen.queryByLabelText("Date for this round (optional)")).toBeNull();
    expect(screen.getByLabelText("Response date (optional)")).toHaveValue("2026-04-02");
  });

  it("names the new response set aside for the edit", () => {
    setup(saved, { editing: { ...EDITING, setAsideAnswered: 7 } });
    expect(screen.getByRole("group", { name: "Editing Ana's response of 2026-04-02" })).toHaveTextContent(
      "The new response you were answering (7 of 15 answered) is set aside. It comes back when you save or cancel this edit.",
    );
  });

  it.each(["top", "bottom"] as const)("Cancel edit (%s) without changes leaves at once", (where) => {
    const props = setup(saved, { editing: EDITING, onCancelEdit: jest.fn() });
    const buttons = screen.getAllByRole("button", { name: "Cancel edit" });
    expect(buttons).toHaveLength(2);
    fireEvent.click(buttons[where === "top" ? 0 : 1]);
    expect(props.onCancelEdit).toHaveBeenCalledTimes(1);
  });

  it.each(["top", "bottom"] as const)("Cancel edit (%s) with changes asks first, beside that button", (where) => {
    const props = setup(saved, { editing: { ...EDITING, unsaved: true }, onCancelEdit: jest.fn() });
    fireEvent.click(screen.getAllByRole("button", { name: "Cancel edit" })[where === "top" ? 0 : 1]);
    expect(props.onCancelEdit).not.toHaveBeenCalled();
    const ask = screen.getByRole("group", { name: "Your changes to Ana's response of 2026-04-02 are not saved." });
    const banner = screen.getByRole("group", { name: "Editing Ana's response of 2026-04-02" });
    expect(banner.contains(ask)).toBe(where === "top");
    expect(within(ask).getByRole("button", { name: "Keep editing" })).toHaveFocus();
    fireEvent.click(within(ask).getByRole("button", { name: "Discard changes" }));
    expect(props.onCancelEdit).toHaveBeenCalledTimes(1);
  });
});

describe("AssessmentForm, the date for the round", () => {
  it("shows the round's date and reports a new one", () => {
    const props = setup({ workflow: "Claims" }, { roundDate: "2026-04-02", onRoundDate: jest.fn() });
    const field = screen.getByLabelText("Date for this round (optional)");
    expect(field).toHaveValue("2026-04-02");
    expect(field).toHaveAccessibleDescription("Each new respondent starts with this date.");
    fireEvent.change(field, { target: { value: "2026-04-09" } });
    expect(props.onRoundDate).toHaveBeenCalledWith("2026-04-09");
  });

  it("warns when the response's own date would put it in another round, and not when the two agree", () => {
    const warning = /This response goes to the round of 2026-04-03, not to the round date above \(2026-04-02\)\./;
    setup({ workflow: "Claims", date: "2026-04-03" }, { roundDate: "2026-04-02", onRoundDate: jest.fn() });
    expect(screen.getByLabelText("Response date (optional)")).toHaveAccessibleDescription(warning);
    cleanup();
    setup({ workflow: "Claims", date: "2026-04-02" }, { roundDate: "2026-04-02", onRoundDate: jest.fn() });
    expect(screen.queryByText(warning)).toBeNull();
    cleanup();
    // No round date: the response's date is the only one.
    setup({ workflow: "Claims", date: "2026-04-03" }, { roundDate: "", onRoundDate: jest.fn() });
    expect(screen.queryByText(warning)).toBeNull();
  });
});

describe("AssessmentForm, the focus around a question", () => {
  it.each([
    ["Keep answering", async () => userEvent.click(screen.getByRole("button", { name: "Keep answering" }))],
    ["Escape", async () => userEvent.keyboard("{Escape}")],
  ])("%s gives the focus back to the button that asked", async (_, close) => {
    setup({ workflow: "Claims", respondent: "Ana", answers: firstAnswers(4) });
    const next = screen.getByRole("button", { name: "Next respondent" });
    await userEvent.click(next);
    expect(screen.getByRole("button", { name: "Keep answering" })).toHaveFocus();
    await close();
    expect(screen.queryByRole("group", { name: /not saved/ })).toBeNull();
    expect(next).toHaveFocus();
  });

  it("leaves the focus where the user put it when the question goes for another reason", async () => {
    const onSave = jest.fn();
    // The form as the pane holds it: answering the last statement completes the response.
    function Pane() {
      const [answers, setAnswers] = React.useState<Record<string, number>>(firstAnswers(14));
      return (
        <AssessmentForm
          draft={{ workflow: "Claims", respondent: "", date: "", answers }}
          workflows={[]}
          saving={false}
          onField={jest.fn()}
          onAnswer={(id, value) => setAnswers((current) => ({ ...current, [id]: value }))}
          onSave={onSave}
          onNext={jest.fn()}
        />
      );
    }
    renderInPane(<Pane />);
    await userEvent.click(screen.getByRole("button", { name: "Save response" }));
    expect(screen.getByRole("group", { name: "1 of 15 statements is unanswered." })).toBeInTheDocument();
    const last = screen.getByRole("radiogroup", { name: `15. ${STATEMENTS[14].text}` });
    await userEvent.click(within(last).getByRole("radio", { name: "3" }));
    // Nothing is unanswered any more, so there is nothing to ask; the focus stays on the answer.
    expect(screen.queryByRole("group", { name: /unanswered/ })).toBeNull();
    expect(within(last).getByRole("radio", { name: "3" })).toHaveFocus();
    await userEvent.click(screen.getByRole("button", { name: "Save response" }));
    expect(onSave).toHaveBeenCalledTimes(1);
  });
});

describe("AssessmentForm's anonymous round switch", () => {
  const anonymity = (over: Partial<NonNullable<AssessmentFormProps["anonymity"]>> = {}) => ({
    workflow: "Claims",
    date: "2026-04-02",
    on: false,
    named: 0,
    busy: false,
    onChange: jest.fn(),
    ...over,
  });

  it("waits for a workflow, since a round is one workflow on one date", () => {
    setup({}, { anonymity: anonymity({ workflow: "" }) });
    expect(screen.queryByRole("switch", { name: "Anonymous round" })).toBeNull();
    expect(
      screen.getByText("Anonymous round: name the workflow first, since a round is one workflow on one date."),
    ).toBeInTheDocument();
    cleanup();
    setup({ workflow: "Claims" }, { anonymity: anonymity({ workflow: "Claims" }) });
    expect(screen.getByRole("switch", { name: "Anonymous round" })).toBeEnabled();
    expect(screen.queryByText(/^Anonymous round: name the workflow first/)).toBeNull();
  });

  it("turns on at once for a round without names, and hides the Respondent field once on", () => {
    const off = anonymity();
    setup({ workflow: "Claims", date: "2026-04-02" }, { anonymity: off });
    expect(screen.getByRole("switch", { name: "Anonymous round" })).toHaveAccessibleDescription(
      "Keep no names in Claims, 2026-04-02: each response is then saved as “Respondent 1”, “Respondent 2”…",
    );
    fireEvent.click(screen.getByRole("switch", { name: "Anonymous round" }));
    expect(off.onChange).toHaveBeenCalledWith(true);
    expect(screen.getByRole("textbox", { name: "Respondent (optional)" })).toBeInTheDocument();
    cleanup();

    setup({ workflow: "Claims", date: "" }, { anonymity: anonymity({ on: true, date: "" }) });
    expect(screen.queryByRole("textbox", { name: "Respondent (optional)" })).toBeNull();
    expect(
      screen.getByText(
        "No names are asked for or kept in Claims, undated: each response is saved as “Respondent 1”, “Respondent 2”…",
      ),
    ).toBeInTheDocument();
  });

  it("asks before a round with one named response is made anonymous", () => {
    const named = anonymity({ named: 1 });
    setup({ workflow: "Claims", date: "2026-04-02" }, { anonymity: named });
    fireEvent.click(screen.getByRole("switch", { name: "Anonymous round" }));
    expect(named.onChange).not.toHaveBeenCalled();
    expect(screen.getByText("1 saved response of this round carries a name.")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Replace names and make anonymous" }));
    expect(named.onChange).toHaveBeenCalledWith(true);
  });
});
