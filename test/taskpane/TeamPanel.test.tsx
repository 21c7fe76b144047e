// The Team & history panel shows one round (one workflow on one date) at a time: the latest by
// default, another through the Round select. Its numbers are the model's for that round only.
import * as React from "react";
import { fireEvent, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { LAYERS, STATEMENTS, roundsOf, type AssessmentResponse } from "../../src/model";
import { ErrorProvider } from "../../src/taskpane/errors";
import { formatPercent } from "../../src/taskpane/components/format";
import { TeamPanel } from "../../src/taskpane/components/TeamPanel";
import { respond, type LayerAnswers } from "../model/respond";
import { renderInPane } from "./render";

const claims = (layers: readonly LayerAnswers[], id: string, date: string, respondent: string) =>
  respond(layers, { id, workflow: "Claims", date, respondent });

// Claims, 2026-01-15: Ana [4,4,4,4,4], Ben [3,3,3,3,3], Cy [5,2,4,3,1] complete; Dee leaves
// Adoption blank (partial, not counted).
//   Means 0.8, 0.6, 11/15, 2/3, 8/15; realized 2112/16875 = 0.125155… → "12.5%".
//   Adoption answers 4, 3, 1 on all three statements: 3 points apart, flagged.
// Claims, 2026-04-10: Ana [5,4,4,3,4], Ben [4,5,3,3,4].
//   Means 0.9, 0.9, 0.7, 0.6, 0.8; realized 0.9 × 0.9 × 0.7 × 0.6 × 0.8 = 0.27216 → "27.2%".
//   No statement 3 points apart within April. Across the two dates Workflow runs from Cy's 2 to
//   Ben's 5 and Adoption from 1 to 4: change between rounds, not disagreement.
const JANUARY = "2026-01-15";
const APRIL = "2026-04-10";
const RESPONSES: AssessmentResponse[] = [
  claims([4, 4, 4, 4, 4], "j-ana", JANUARY, "Ana"),
  claims([3, 3, 3, 3, 3], "j-ben", JANUARY, "Ben"),
  claims([5, 4, 4, 3, 4], "a-ana", APRIL, "Ana"),
  claims([3, 3, 3, 3, null], "j-dee", JANUARY, "Dee"),
  // Another workflow, and one whose name differs only by case: neither counts for Claims.
  respond([0, 0, 0, 0, 0], { id: "x", workflow: "claims", date: APRIL, respondent: "Zed" }),
  respond([5, 5, 5, 5, 5], { id: "y", workflow: "Onboarding", date: APRIL, respondent: "Yan" }),
  claims([5, 2, 4, 3, 1], "j-cy", JANUARY, "Cy"),
  claims([4, 5, 3, 3, 4], "a-ben", APRIL, "Ben"),
];

/** The text of every cell, row by row, header included. */
const cells = (table: HTMLElement) =>
  within(table)
    .getAllByRole("row")
    .map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent));

const roundSelect = () => screen.getByRole("combobox", { name: "Round" });
const chooseRound = (date: string) => fireEvent.change(roundSelect(), { target: { value: date } });

/** `minGroup`: the team's smallest group shown in detail; the default 3 when not given. */
function renderTeam(responses: readonly AssessmentResponse[] = RESPONSES, workflow = "Claims", minGroup?: number) {
  return renderInPane(<TeamPanel workflow={workflow} responses={responses} skipped={[]} minGroup={minGroup} />);
}

describe("TeamPanel with two rounds", () => {
  it("shows the latest round by default, with its own response count, means and no flags", () => {
    // April has 2 respondents: its lowest and highest show once the team's smallest group is 2
    // (below it they are withheld: privacy.test.tsx).
    renderTeam(RESPONSES, "Claims", 2);
    expect(roundSelect()).toHaveValue(APRIL);
    expect(
      within(roundSelect())
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual([JANUARY, APRIL]);
    expect(screen.getByRole("heading", { name: `Claims, round ${APRIL}: 2 responses` })).toBeInTheDocument();
    expect(screen.getByText(/^Team realized value \d/)).toHaveTextContent(
      "Team realized value 27.2%, from 2 complete responses.",
    );
    expect(formatPercent(0.9 * 0.9 * 0.7 * 0.6 * 0.8)).toBe("27.2%");
    expect(cells(screen.getByRole("table", { name: "Layer scores across the round's complete responses" }))).toEqual([
      ["Layer", "Mean", "Min", "Max"],
      ["Strategy", "90.0%", "80.0%", "100.0%"],
      ["Workflow", "90.0%", "80.0%", "100.0%"],
      ["Oversight", "70.0%", "60.0%", "80.0%"],
      ["Measurement", "60.0%", "60.0%", "60.0%"],
      ["Adoption", "80.0%", "80.0%", "80.0%"],
    ]);
    // Disagreement is measured within April only; the spread across the two dates is not flagged.
    expect(screen.queryByRole("list", { name: "Statements with divergent answers" })).toBeNull();
    expect(
      screen.getByText("No statement in this round has answers 3 or more answer steps apart."),
    ).toBeInTheDocument();
    expect(cells(screen.getByRole("table", { name: "Responses" }))).toEqual([
      ["Respondent", "Realized"],
      // Ana 1 × 0.8 × 0.8 × 0.6 × 0.8 = 0.3072; Ben 0.8 × 1 × 0.6 × 0.6 × 0.8 = 0.2304.
      ["Ana", "30.7%"],
      ["Ben", "23.0%"],
    ]);
  });

  it("switches to the other round with the Round select: its count, partial response, mean and flags", () => {
    renderTeam();
    chooseRound(JANUARY);
    expect(roundSelect()).toHaveValue(JANUARY);
    expect(
      screen.getByRole("heading", { name: `Claims, round ${JANUARY}: 4 responses, 1 partial` }),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Team realized value \d/)).toHaveTextContent(
      "Team realized value 12.5%, from 3 complete responses.",
    );
    expect(formatPercent(2112 / 16875)).toBe("12.5%");
    // Dee's partial answers are left out of the means, minima and maxima: Strategy 4, 3, 5 → 80%.
    expect(cells(screen.getByRole("table", { name: "Layer scores across the round's complete responses" }))).toEqual([
      ["Layer", "Mean", "Min", "Max"],
      ["Strategy", "80.0%", "60.0%", "100.0%"],
      ["Workflow", "60.0%", "40.0%", "80.0%"],
      ["Oversight", "73.3%", "60.0%", "80.0%"],
      ["Measurement", "66.7%", "60.0%", "80.0%"],
      ["Adoption", "53.3%", "20.0%", "80.0%"],
    ]);
    expect(cells(screen.getByRole("table", { name: "Responses" }))).toEqual([
      ["Respondent", "Realized"],
      ["Ana", "32.8%"], // 0.8^5
      ["Ben", "7.8%"], // 0.6^5
      ["Dee (partial)", "–"],
      ["Cy", "3.8%"], // 1 × 0.4 × 0.8 × 0.6 × 0.2 = 0.0384
    ]);
    // Within January, Adoption runs from Cy's 1 to Ana's 4 on each of its three statements.
    const flags = within(screen.getByRole("list", { name: "Statements with divergent answers" })).getAllByRole(
      "listitem",
    );
    expect(flags.map((li) => li.textContent)).toEqual(
      STATEMENTS.filter((s) => s.layer === "adoption").map((s) => `${s.text} Answers range from 1 to 4.`),
    );

    chooseRound(APRIL);
    expect(screen.getByRole("heading", { name: `Claims, round ${APRIL}: 2 responses` })).toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "Statements with divergent answers" })).toBeNull();
  });

  it("shows, for each round, the model's team result and layer means formatted as percentages", () => {
    renderTeam();
    const rounds = roundsOf(RESPONSES, "Claims");
    expect(rounds).toHaveLength(2);
    for (const round of rounds) {
      chooseRound(round.date);
      const result = round.result!;
      expect(screen.getByText(/^Team realized value \d/)).toHaveTextContent(
        `Team realized value ${formatPercent(result.realized)}, from ${result.respondents} complete responses.`,
      );
      const rows = cells(screen.getByRole("table", { name: "Layer scores across the round's complete responses" }));
      expect(rows.slice(1).map((row) => [row[0], row[1]])).toEqual(
        LAYERS.map((layer, k) => [layer.short, formatPercent(result.layerScores[k])]),
      );
    }
  });

  it("lists every round in the history, with its complete responses and team realized value", () => {
    renderTeam();
    expect(cells(screen.getByRole("table", { name: "Rounds by date" }))).toEqual([
      ["Round", "Complete", "Team realized value"],
      [JANUARY, "3 of 4", "12.5%"],
      [APRIL, "2 of 2", "27.2%"],
    ]);
    expect(screen.getByRole("img", { name: /^Trend of realized value/ })).toHaveAccessibleName(
      `Trend of realized value: ${JANUARY} 12.5%, ${APRIL} 27.2%.`,
    );
  });

  it("follows a newly saved round when the user has not picked one", () => {
    const { rerender } = renderTeam(RESPONSES.filter((r) => r.date === JANUARY));
    expect(screen.queryByRole("combobox", { name: "Round" })).toBeNull();
    expect(
      screen.getByRole("heading", { name: `Claims, round ${JANUARY}: 4 responses, 1 partial` }),
    ).toBeInTheDocument();
    rerender(
      <FluentProvider theme={webLightTheme}>
        <ErrorProvider startupProblems={[]}>
          <TeamPanel workflow="Claims" responses={RESPONSES} skipped={[]} />
        </ErrorProvider>
      </FluentProvider>,
    );
    expect(roundSelect()).toHaveValue(APRIL);
    expect(screen.getByText(/^Team realized value \d/)).toHaveTextContent("Team realized value 27.2%");
  });
});

describe("TeamPanel, other cases", () => {
  it("has no Round select for a single round, and names an undated round “undated”", () => {
    renderTeam([claims([4, 4, 4, 4, 4], "u", "", "Ana")]);
    expect(screen.queryByRole("combobox", { name: "Round" })).toBeNull();
    expect(screen.getByRole("heading", { name: "Claims, round undated: 1 response" })).toBeInTheDocument();
    expect(screen.getByText(/^Team realized value \d/)).toHaveTextContent(
      "Team realized value 32.8%, from 1 complete response.",
    );
  });

  it("shows no team result for a round with only partial responses, and dashes for its means", () => {
    renderTeam([...RESPONSES, claims([5, 5, 5, 5, null], "june", "2026-06-01", "Eve")]);
    chooseRound("2026-06-01");
    expect(
      screen.getByRole("heading", { name: "Claims, round 2026-06-01: 1 response, 1 partial" }),
    ).toBeInTheDocument();
    expect(
      screen.getByText("No team result yet: it needs at least one response with all 15 statements answered."),
    ).toBeInTheDocument();
    const rows = cells(screen.getByRole("table", { name: "Layer scores across the round's complete responses" }));
    // No complete respondent: no lowest or highest either, and the reason says so.
    expect(rows.slice(1).map((row) => row.slice(1))).toEqual(LAYERS.map(() => ["–"]));
    expect(screen.getByTestId("detail-withheld")).toHaveTextContent(/this round has 0 complete respondents/);
    // Withheld with the rest of the detail: no Realized column.
    expect(cells(screen.getByRole("table", { name: "Responses" }))[1]).toEqual(["Eve (partial)"]);
    expect(cells(screen.getByRole("table", { name: "Rounds by date" }))[3]).toEqual(["2026-06-01", "0 of 1", "–"]);
  });

  it("keeps a workflow whose name differs only by case apart", () => {
    renderTeam(RESPONSES, "claims", 1);
    expect(screen.queryByRole("combobox", { name: "Round" })).toBeNull();
    expect(screen.getByRole("heading", { name: `claims, round ${APRIL}: 1 response` })).toBeInTheDocument();
    expect(cells(screen.getByRole("table", { name: "Responses" }))).toEqual([
      ["Respondent", "Realized"],
      ["Zed", "0.0%"],
    ]);
  });

  it("says so when the workflow has no saved responses", () => {
    renderTeam(RESPONSES, "Payroll");
    expect(screen.getByText("No saved responses for “Payroll” yet.")).toBeInTheDocument();
  });
});

describe("TeamPanel, the board report", () => {
  it("puts the report's buttons under a heading of their own, after the privacy setting", () => {
    renderInPane(
      <TeamPanel
        workflow="Claims"
        responses={RESPONSES}
        skipped={[]}
        onMinGroup={async () => true}
        reportActions={<button type="button">Print report</button>}
      />,
    );
    const heading = screen.getByRole("heading", { name: "Board report" });
    const privacy = screen.getByRole("heading", { name: "Privacy" });
    const button = screen.getByRole("button", { name: "Print report" });
    expect(privacy.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(heading.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(heading.parentElement).toContainElement(button);
    expect(heading.parentElement).toHaveTextContent(/One page on the workflow named on the Assessment tab/);
  });
});

describe("TeamPanel, correcting responses", () => {
  const APRIL_ROUND = RESPONSES.filter((r) => r.workflow === "Claims" && r.date === APRIL);

  function renderChangeable(props: Partial<React.ComponentProps<typeof TeamPanel>> = {}) {
    const handlers = { onEdit: jest.fn(), onDelete: jest.fn() };
    // Detail from 2, so the April round (two complete responses) shows each one's realized value.
    renderInPane(
      <TeamPanel workflow="Claims" responses={RESPONSES} skipped={[]} minGroup={2} {...handlers} {...props} />,
    );
    return handlers;
  }

  it("gives each response of the round an Edit and a Delete button, named after it", () => {
    renderChangeable();
    expect(cells(screen.getByRole("table", { name: "Responses" }))).toEqual([
      ["Respondent", "Realized", "Change"],
      ["Ana", "30.7%", "EditDelete"],
      ["Ben", "23.0%", "EditDelete"],
    ]);
    expect(screen.getAllByRole("button", { name: /^(Edit|Delete) / }).map((b) => b.getAttribute("aria-label"))).toEqual(
      ["Edit Ana's response", "Delete Ana's response", "Edit Ben's response", "Delete Ben's response"],
    );
  });

  it.each([
    ["Edit", "onEdit"],
    ["Delete", "onDelete"],
  ] as const)("%s hands over that response", (action, handler) => {
    const handlers = renderChangeable();
    fireEvent.click(screen.getByRole("button", { name: `${action} Ben's response` }));
    expect(handlers[handler]).toHaveBeenCalledWith(APRIL_ROUND[1]);
    expect(handlers[action === "Edit" ? "onDelete" : "onEdit"]).not.toHaveBeenCalled();
  });

  it("tells responses with the same name apart by their place, and marks a partial one", () => {
    const twice = [
      claims([4, 4, 4, 4, 4], "a1", APRIL, "Ana"),
      claims([3, 3, 3, 3, null], "a2", APRIL, "Ana"),
      claims([2, 2, 2, 2, 2], "n1", APRIL, ""),
    ];
    renderChangeable({ responses: twice });
    expect(cells(screen.getByRole("table", { name: "Responses" })).map((row) => row[0])).toEqual([
      "Respondent",
      "Ana",
      "Ana (partial)",
      "anonymous",
    ]);
    expect(screen.getAllByRole("button", { name: /^Edit / }).map((b) => b.getAttribute("aria-label"))).toEqual([
      "Edit Ana's response, 1st in the list",
      "Edit Ana's response, 2nd in the list",
      "Edit the anonymous response",
    ]);
  });

  it("marks the response being edited; it can be opened again but not deleted", () => {
    const handlers = renderChangeable({
      editing: { id: "a-ana", label: "Ana's response of 2026-04-10", unsaved: true },
    });
    expect(cells(screen.getByRole("table", { name: "Responses" }))[1][0]).toBe("Ana (being edited)");
    expect(screen.getByRole("button", { name: "Delete Ana's response" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Delete Ben's response" })).toBeEnabled();
    expect(
      screen.getByText("A response being edited can be deleted once its edit is saved or cancelled."),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Edit Ana's response" }));
    expect(handlers.onEdit).toHaveBeenCalledWith(APRIL_ROUND[0]);
  });

  it.each([
    [false, 1],
    [true, 0],
  ])("Edit of another response, the form's changes unsaved: %s; opened at once %i times", (unsaved, calls) => {
    const handlers = renderChangeable({ editing: { id: "a-ana", label: "Ana's response of 2026-04-10", unsaved } });
    fireEvent.click(screen.getByRole("button", { name: "Edit Ben's response" }));
    expect(handlers.onEdit).toHaveBeenCalledTimes(calls);
  });

  it("asks before dropping unsaved changes for another response, and opens it only when told to", () => {
    const handlers = renderChangeable({
      editing: { id: "a-ana", label: "Ana's response of 2026-04-10", unsaved: true },
    });
    fireEvent.click(screen.getByRole("button", { name: "Edit Ben's response" }));
    const ask = screen.getByRole("group", { name: "Your changes to Ana's response of 2026-04-10 are not saved." });
    expect(ask).toHaveAccessibleDescription("Open Ben's response of 2026-04-10 instead and discard them?");
    expect(within(ask).getByRole("button", { name: "Keep my changes" })).toHaveFocus();
    fireEvent.click(within(ask).getByRole("button", { name: "Keep my changes" }));
    expect(handlers.onEdit).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: "Edit Ben's response" }));
    fireEvent.click(screen.getByRole("button", { name: "Discard changes and edit" }));
    expect(handlers.onEdit).toHaveBeenCalledWith(APRIL_ROUND[1]);
    expect(screen.queryByRole("group", { name: /are not saved/ })).toBeNull();
  });

  it("shows the last delete with Undo, focused, and the message after an undo without it", () => {
    const onUndo = jest.fn();
    const onDismiss = jest.fn();
    const { rerender } = renderInPane(
      <TeamPanel
        workflow="Claims"
        responses={RESPONSES}
        skipped={[]}
        recordNotice={{ text: "Deleted Cy's response of 2026-01-15 for Claims.", onUndo, onDismiss }}
      />,
    );
    const undo = screen.getByRole("button", { name: "Undo" });
    expect(undo).toHaveFocus();
    expect(undo.closest('[role="group"]')).toHaveTextContent("Deleted Cy's response of 2026-01-15 for Claims.");
    fireEvent.click(undo);
    expect(onUndo).toHaveBeenCalledTimes(1);
    rerender(
      <FluentProvider theme={webLightTheme}>
        <ErrorProvider startupProblems={[]}>
          <TeamPanel
            workflow="Claims"
            responses={RESPONSES}
            skipped={[]}
            recordNotice={{ text: "Cy's response of 2026-01-15 is back in the list.", onDismiss }}
          />
        </ErrorProvider>
      </FluentProvider>,
    );
    expect(screen.queryByRole("button", { name: "Undo" })).toBeNull();
    expect(screen.getByRole("group", { name: "Cy's response of 2026-01-15 is back in the list." })).toHaveTextContent(
      "Cy's response of 2026-01-15 is back in the list.",
    );
    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it("holds Edit, Delete and Undo while a change is under way", () => {
    renderChangeable({
      busy: true,
      recordNotice: { text: "Deleted Cy's response.", onUndo: jest.fn(), onDismiss: jest.fn() },
    });
    for (const name of ["Undo", "Edit Ana's response", "Delete Ana's response", "Edit Ben's response"]) {
      expect(screen.getByRole("button", { name })).toBeDisabled();
    }
  });
});
