import { screen, within } from "@testing-library/react";
import { STATEMENTS, type Answers } from "../../src/model";
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
    expect(screen.getByText(/you can set your own/)).toBeInTheDocument();
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
