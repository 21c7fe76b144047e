import { screen, within } from "@testing-library/react";
import { NOTHING_TO_FIX, STATEMENTS, latestRound, type Answers } from "../../src/model";
import { ResultsPanel } from "../../src/taskpane/components/ResultsPanel";
import { renderInPane } from "./render";

/** Answers for the 15 statements in order. */
const answersOf = (values: readonly (number | undefined)[]): Answers =>
  Object.fromEntries(STATEMENTS.map((s, i) => [s.id, values[i]]).filter(([, v]) => v !== undefined));

describe("ResultsPanel", () => {
  it("shows realized value, gap, band and the threshold note for complete answers", () => {
    // Layers 0.8, 0.6, 7/15, 0.4, 8/15: realized = 0.8 × 0.6 × 0.46667 × 0.4 × 0.53333 = 0.047787 → 4.8%.
    renderInPane(<ResultsPanel answers={answersOf([4, 4, 4, 3, 3, 3, 2, 3, 2, 2, 2, 2, 3, 3, 2])} />);
    expect(screen.getByTestId("realized")).toHaveTextContent("4.8%");
    expect(screen.getByTestId("gap")).toHaveTextContent("95.2%");
    expect(screen.getByTestId("band")).toHaveTextContent("Critical");
    expect(screen.getByText(/AGAP.BAND takes your own/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Fix first: Measurement" })).toBeInTheDocument();
    expect(within(screen.getByRole("list", { name: "Recommendations" })).getAllByRole("listitem")).toHaveLength(3);
  });

  it.each([
    ["strategy", "80.0%"],
    ["workflow", "60.0%"],
    ["oversight", "46.7%"],
    ["measurement", "40.0%"],
    ["adoption", "53.3%"],
  ])("shows the %s layer score as %s", (layer, text) => {
    renderInPane(<ResultsPanel answers={answersOf([4, 4, 4, 3, 3, 3, 2, 3, 2, 2, 2, 2, 3, 3, 2])} />);
    expect(screen.getByTestId(`score-${layer}`)).toHaveTextContent(text);
  });

  it("with every layer at 100% names no layer to fix first and marks none as weakest", () => {
    renderInPane(<ResultsPanel answers={answersOf(Array(15).fill(5))} />);
    expect(screen.getByTestId("realized")).toHaveTextContent("100.0%");
    expect(screen.getByRole("heading", { name: "Fix first" })).toBeInTheDocument();
    expect(screen.getByTestId("nothing-to-fix")).toHaveTextContent(NOTHING_TO_FIX);
    expect(screen.queryByText("weakest")).not.toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "Recommendations" })).not.toBeInTheDocument();
  });

  it("says which layers tie with the weakest, at its score", () => {
    // Workflow and Measurement at 3 (60%), the rest at 5: Workflow comes first.
    renderInPane(<ResultsPanel answers={answersOf([5, 5, 5, 3, 3, 3, 5, 5, 5, 3, 3, 3, 5, 5, 5])} />);
    expect(screen.getByRole("heading", { name: "Fix first: Workflow Integration" })).toBeInTheDocument();
    expect(screen.getByTestId("tied-weakest")).toHaveTextContent(
      "Tied at 60.0% with Measurement: raising either of them by the same step gains the same.",
    );
    expect(screen.getAllByText("weakest")).toHaveLength(1);
  });

  it("says a layer at 100% can rise no further instead of giving it a lift of +0.00 pts", () => {
    // Strategy at 100%; Workflow at 60%: one answer step (+20 pts) gains 0.2 × (1 × 1 × 0.6 × 1) = 0.12.
    renderInPane(<ResultsPanel answers={answersOf([5, 5, 5, 3, 3, 3, 5, 5, 5, 3, 3, 3, 5, 5, 5])} />);
    const liftOf = (layer: RegExp) => within(screen.getByRole("row", { name: layer })).getAllByRole("cell")[2];
    expect(liftOf(/^Strategy Alignment/)).toHaveTextContent(/^at 100%$/);
    expect(liftOf(/^Workflow Integration/)).toHaveTextContent(/^\+12\.00\spts$/);
  });

  it("shows layer scores as soon as a layer is complete, and no realized value before all are", () => {
    renderInPane(<ResultsPanel answers={answersOf([5, 5, 5, 1, 1])} />);
    expect(screen.getByTestId("score-strategy")).toHaveTextContent("100.0%");
    expect(screen.getByTestId("score-workflow")).toHaveTextContent("–");
    expect(screen.queryByTestId("realized")).not.toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent(/appear once all five layers are answered/);
  });

  it("never counts an unanswered statement as 0", () => {
    // Two of three Strategy answers given: the layer has no score, rather than (5 + 5 + 0) / 15.
    renderInPane(<ResultsPanel answers={answersOf([5, 5])} />);
    expect(screen.getByTestId("score-strategy")).toHaveTextContent("–");
  });

  it("lists the lift per layer, largest for the weakest layer", () => {
    renderInPane(<ResultsPanel answers={answersOf([4, 4, 4, 3, 3, 3, 2, 3, 2, 2, 2, 2, 3, 3, 2])} />);
    const rows = within(screen.getByRole("table", { name: "Layer scores" }))
      .getAllByRole("row")
      .slice(1);
    // Lift for +0.2 on Measurement = 0.2 × 0.8 × 0.6 × 7/15 × 8/15 = 0.0238933 → "+2.39 pts".
    expect(rows[3]).toHaveTextContent("+2.39 pts");
    // Strategy: 0.2 × 0.6 × 7/15 × 0.4 × 8/15 = 0.0119467 → "+1.19 pts".
    expect(rows[0]).toHaveTextContent("+1.19 pts");
  });
});

describe("ResultsPanel with no answers on the form", () => {
  const all = (value: number): Answers => Object.fromEntries(STATEMENTS.map((s) => [s.id, value]));
  // Two complete respondents on 2026-04-02: all 4s (every layer 0.8) and all 2s (every layer 0.4).
  // Team means 0.6 per layer: realized 0.6^5 = 0.07776 → "7.8%".
  const ana = { id: "a", workflow: "Claims", respondent: "Ana", date: "2026-04-02", answers: all(4) };
  const ben = { id: "b", workflow: "Claims", respondent: "Ben", date: "2026-04-02", answers: all(2) };
  const round = latestRound([ana, ben], "Claims");

  it("shows the team's round when nothing was saved in this session", () => {
    renderInPane(<ResultsPanel answers={{}} teamRound={round} />);
    expect(screen.getByTestId("results-source")).toHaveTextContent(/^Team result for Claims, round of 2026-04-02/);
    expect(screen.getByTestId("realized")).toHaveTextContent("7.8%");
    expect(screen.getByTestId("score-measurement")).toHaveTextContent("60.0%");
  });

  it("shows the response saved last, and the team's round beside it", () => {
    renderInPane(<ResultsPanel answers={{}} lastSaved={ben} teamRound={round} />);
    expect(screen.getByTestId("results-source")).toHaveTextContent(
      "From Ben's response of 2026-04-02 for Claims, saved last.",
    );
    // Ben alone: 0.4^5 = 0.01024 → "1.0%".
    expect(screen.getByTestId("realized")).toHaveTextContent("1.0%");
    expect(screen.getByTestId("team-summary")).toHaveTextContent(
      "Team result for Claims, round of 2026-04-02: realized value 7.8%, Critical (2 complete responses).",
    );
  });

  it("shows the answers on the form, said to be unsaved, as soon as there are any", () => {
    renderInPane(<ResultsPanel answers={all(5)} lastSaved={ben} teamRound={round} />);
    expect(screen.getByTestId("results-source")).toHaveTextContent("From the answers on the form, not saved yet.");
    expect(screen.getByTestId("realized")).toHaveTextContent("100.0%");
    expect(screen.queryByTestId("team-summary")).toBeNull();
  });
});
