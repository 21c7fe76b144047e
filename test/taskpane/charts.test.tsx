// The pane's three charts, read as a person or a screen reader would: every point of the decay
// curve names the layer it follows and carries its value, the trend has dated points, the tornado
// speaks the terms of its table, and each chart's values are all in its text alternative.
import userEvent from "@testing-library/user-event";
import { screen, within } from "@testing-library/react";
import { ILLUSTRATIVE_CURVE, LAYERS, survivingShares, tornadoSwings } from "../../src/model";
import { TERM_LABELS } from "../../src/model/glossary";
import { DecayCurveChart } from "../../src/taskpane/components/DecayCurveChart";
import { TrendChart } from "../../src/taskpane/components/TrendChart";
import { TornadoChart } from "../../src/taskpane/planning/TornadoChart";
import { textWidth } from "../../src/taskpane/components/chart-parts";
import { formatPercent, formatPoints } from "../../src/taskpane/components/format";
import { renderInPane } from "./render";

/** The text of every cell, row by row, header included. */
const cells = (table: HTMLElement) =>
  within(table)
    .getAllByRole("row")
    .map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent));

/** The drawn texts of a chart, in document order. */
const drawnTexts = (chart: HTMLElement) => [...chart.querySelectorAll("text")].map((text) => text.textContent);

/** The group of an SVG chart whose <title> is exactly `title`. */
function groupTitled(chart: HTMLElement, title: string): SVGGElement {
  const found = [...chart.querySelectorAll("g > title")].filter((t) => t.textContent === title);
  expect(found.map((t) => t.textContent)).toEqual([title]);
  return found[0].parentElement as unknown as SVGGElement;
}

const number = (element: Element, attribute: string) => Number(element.getAttribute(attribute));

/** Opens a chart's table of values, as a person would. */
async function openTable(summary: string, name: string): Promise<HTMLElement> {
  await userEvent.click(screen.getByText(summary));
  expect(screen.getByText(summary).closest("details")).toHaveProperty("open", true);
  return screen.getByRole("table", { name });
}

describe("DecayCurveChart", () => {
  // Scores 0.8, 0.6, 0.5, 0.4, 0.5: left after each layer 1, 0.8, 0.48, 0.24, 0.096, 0.048.
  const surviving = survivingShares([0.8, 0.6, 0.5, 0.4, 0.5]);
  const shown = ["100%", "80%", "48%", "24%", "10%", "5%"];

  it("uses the pane's percent format for the values it shows", () => {
    expect(surviving.map((share) => formatPercent(share as number, 0))).toEqual(shown);
  });

  it("labels every point with the layer it follows, under that point, and never with a curve stage's word", () => {
    renderInPane(<DecayCurveChart surviving={surviving} />);
    const chart = screen.getByRole("img", { name: /^Decay curve/ });
    const names = ["Expected", ...LAYERS.map((layer) => layer.short)];
    const titles = ["Expected value, before any layer", ...LAYERS.map((layer) => `After ${layer.name}`)];
    titles.forEach((title, stage) => {
      const group = groupTitled(chart, title);
      const label = group.querySelector("text")!;
      expect(label).toHaveTextContent(names[stage]);
      // The label spans the x of its point: its tick and the point's dot share it.
      const tick = number(group.querySelector("line")!, "x1");
      const dot = number(groupTitled(chart, `${title}: ${shown[stage]}`).querySelector("circle")!, "cx");
      expect(tick).toBeCloseTo(dot, 6);
      expect(number(label, "x")).toBeLessThanOrEqual(dot);
      expect(number(label, "x") + textWidth(names[stage])).toBeGreaterThanOrEqual(dot);
    });
    // The old labels were each curve stage's first word: "Agent" under Strategy Alignment.
    for (const word of ["Agent", "Human", "Business", "Measurement Visibility"]) {
      expect(drawnTexts(chart)).not.toContain(word);
    }
  });

  it("writes each point's value beside it", () => {
    renderInPane(<DecayCurveChart surviving={surviving} />);
    const chart = screen.getByRole("img", { name: /^Decay curve/ });
    shown.forEach((value, stage) => {
      const title = stage === 0 ? "Expected value, before any layer" : `After ${LAYERS[stage - 1].name}`;
      const group = groupTitled(chart, `${title}: ${value}`);
      expect(group.querySelector("text")).toHaveTextContent(value);
    });
  });

  it("names every point and its value in its accessible name", () => {
    renderInPane(<DecayCurveChart surviving={surviving} />);
    expect(screen.getByRole("img", { name: /^Decay curve/ })).toHaveAccessibleName(
      "Decay curve, the share of the expected value left after each layer: expected value 100%, " +
        "after Strategy Alignment 80%, after Workflow Integration 48%, after Human Oversight 24%, " +
        "after Measurement 10%, after Business Adoption 5%. Dashed line: the illustrative curve, from 100% to 15%.",
    );
  });

  it("names whose scores the solid line follows, in the legend and the table: a team's round says so", async () => {
    renderInPane(<DecayCurveChart surviving={surviving} series="Team means" />);
    expect(screen.getByText("Team means: the value left after each layer")).toBeInTheDocument();
    expect(screen.getByText("Illustrative curve: a typical decay, for comparison")).toBeInTheDocument();
    expect(screen.queryByText(/Your scores/)).not.toBeInTheDocument();
    const table = await openTable("Values of the decay curve", "Decay curve values");
    expect(cells(table)[0]).toEqual(["Position on the curve", "Team means", "Illustrative curve"]);
  });

  it("has a table of every value, the illustrative curve's included", async () => {
    renderInPane(<DecayCurveChart surviving={surviving} />);
    const table = await openTable("Values of the decay curve", "Decay curve values");
    expect(cells(table)).toEqual([
      ["Position on the curve", "Your scores", "Illustrative curve"],
      ["Expected value", "100%", "100%"],
      ["After Strategy Alignment", "80%", "80%"],
      ["After Workflow Integration", "48%", "60%"],
      ["After Human Oversight", "24%", "45%"],
      ["After Measurement", "10%", "30%"],
      ["After Business Adoption", "5%", "15%"],
    ]);
    expect(ILLUSTRATIVE_CURVE.map((share) => formatPercent(share, 0))).toEqual(
      cells(table)
        .slice(1)
        .map((row) => row[2]),
    );
  });

  it("stops where a layer is not fully answered, and says so in the text and the table", async () => {
    renderInPane(<DecayCurveChart surviving={survivingShares([0.8, null, 1, 1, 1])} />);
    const chart = screen.getByRole("img", { name: /^Decay curve/ });
    expect(chart).toHaveAccessibleName(
      "Decay curve, the share of the expected value left after each layer: expected value 100%, " +
        "after Strategy Alignment 80%; the curve goes on once Workflow Integration is fully answered. " +
        "Dashed line: the illustrative curve, from 100% to 15%.",
    );
    expect(chart.querySelectorAll("circle")).toHaveLength(2);
    const table = await openTable("Values of the decay curve", "Decay curve values");
    expect(cells(table).map((row) => row[1])).toEqual(["Your scores", "100%", "80%", "–", "–", "–", "–"]);
  });

  it("is drawn at the width it is shown at, so its 12 px text is never scaled down", () => {
    renderInPane(<DecayCurveChart surviving={surviving} />);
    const chart = screen.getByRole("img", { name: /^Decay curve/ });
    const [width, height] = [chart.getAttribute("width"), chart.getAttribute("height")];
    expect(chart.getAttribute("viewBox")).toBe(`0 0 ${width} ${height}`);
  });
});

describe("TrendChart", () => {
  const points = [
    { date: "", realized: 0.1 },
    { date: "2026-01-15", realized: 0.125155 },
    { date: "2026-02-20", realized: null },
    { date: "2026-04-10", realized: 0.27216 },
  ];

  it("puts each dated round's date under its point and its value beside it; the undated round is off the time axis", () => {
    renderInPane(<TrendChart points={points} />);
    const chart = screen.getByRole("img", { name: /^Trend of realized value/ });
    for (const [date, value] of [
      ["2026-01-15", "12.5%"],
      ["2026-04-10", "27.2%"],
    ]) {
      const group = groupTitled(chart, `${date}: ${value}`);
      expect([...group.querySelectorAll("text")].map((text) => text.textContent)).toEqual([value, date]);
    }
    expect(chart.querySelectorAll("circle")).toHaveLength(2);
    expect(drawnTexts(chart)).not.toContain("2026-02-20");
    expect(drawnTexts(chart)).not.toContain("undated");
  });

  it("names every date and value in its accessible name, and the rounds it leaves off the line", () => {
    renderInPane(<TrendChart points={points} />);
    const left =
      "Not drawn, with no complete response yet: 2026-02-20. " +
      "Not on the line, as it has no date: the undated round, at 10.0%.";
    expect(screen.getByRole("img", { name: /^Trend of realized value/ })).toHaveAccessibleName(
      `Trend of realized value: 2026-01-15 12.5%, 2026-04-10 27.2%. ${left}`,
    );
    expect(screen.getByText(/oldest first/)).toHaveTextContent(left);
  });

  it("draws nothing below two dated rounds with a result, the undated one not counted", () => {
    const { container } = renderInPane(<TrendChart points={points.slice(0, 3)} />);
    expect(screen.queryByRole("img")).toBeNull();
    expect(container.querySelector("svg")).toBeNull();
  });

  it("is drawn at the width it is shown at", () => {
    renderInPane(<TrendChart points={points} />);
    const chart = screen.getByRole("img", { name: /^Trend of realized value/ });
    expect(chart.getAttribute("viewBox")).toBe(`0 0 ${chart.getAttribute("width")} ${chart.getAttribute("height")}`);
  });
});

describe("TornadoChart", () => {
  // As ScenariosPanel builds them: scores 0.8, 0.6, 0.5, 0.4, 0.5 and a step of 0.1.
  const rows = tornadoSwings([0.8, 0.6, 0.5, 0.4, 0.5], 0.1).map((s) => ({
    label: s.layer.short,
    down: s.down,
    up: s.up,
  }));
  // The headers of the table of lifts, in the glossary's words, which the sheet's table has too.
  const TABLE = ["Layer", "Lift, step down", "Lift, step up"];

  it("heads its two sides and its table in the glossary's terms, as the sheet's table of lifts", async () => {
    expect(TABLE.slice(1)).toEqual([TERM_LABELS.tornadoDown, TERM_LABELS.tornadoUp]);
    renderInPane(<TornadoChart rows={rows} />);
    const chart = screen.getByRole("img", { name: /^Tornado/ });
    expect(drawnTexts(chart).slice(0, 2)).toEqual(TABLE.slice(1));
    const table = await openTable("Values of the tornado", "Tornado values");
    expect(cells(table)[0]).toEqual(TABLE);
    expect(screen.getByText(TERM_LABELS.tornadoNote)).toBeInTheDocument();
  });

  it("labels every bar with its layer and both lifts, largest swing first", () => {
    renderInPane(<TornadoChart rows={rows} />);
    const chart = screen.getByRole("img", { name: /^Tornado/ });
    expect(rows[0].label).toBe("Measurement");
    for (const row of rows) {
      const [down, up] = [formatPoints(row.down, 2), formatPoints(row.up, 2)];
      const group = groupTitled(chart, `${row.label}: Lift, step down ${down}; Lift, step up ${up}.`);
      expect([...group.querySelectorAll("text")].map((text) => text.textContent)).toEqual([row.label, down, up]);
    }
    // Measurement: 0.1 × 0.8 × 0.6 × 0.5 × 0.5 = 0.012 either way.
    expect(drawnTexts(chart)).toEqual(expect.arrayContaining([formatPoints(-0.012, 2), formatPoints(0.012, 2)]));
  });

  it("holds every value in its accessible name and its table", async () => {
    renderInPane(<TornadoChart rows={rows} />);
    const chart = screen.getByRole("img", { name: /^Tornado/ });
    const table = await openTable("Values of the tornado", "Tornado values");
    const expected = rows.map((row) => [row.label, formatPoints(row.down, 2), formatPoints(row.up, 2)]);
    expect(cells(table).slice(1)).toEqual(expected);
    for (const [layer, down, up] of expected) {
      expect(chart.getAttribute("aria-label")).toContain(`${layer}: Lift, step down ${down}; Lift, step up ${up}.`);
    }
  });

  it("takes other headings and caption from its caller", async () => {
    renderInPane(
      <TornadoChart
        rows={rows}
        layerLabel="Layer"
        downLabel="Lift for −10%"
        upLabel="Lift for +10%"
        caption="Lifts."
      />,
    );
    const chart = screen.getByRole("img", { name: /^Tornado/ });
    expect(drawnTexts(chart).slice(0, 2)).toEqual(["Lift for −10%", "Lift for +10%"]);
    expect(chart.getAttribute("aria-label")).toContain(
      `Measurement: Lift for −10% ${formatPoints(-0.012, 2)}; Lift for +10% ${formatPoints(0.012, 2)}.`,
    );
    const table = await openTable("Values of the tornado", "Tornado values");
    expect(cells(table)[0]).toEqual(["Layer", "Lift for −10%", "Lift for +10%"]);
    expect(screen.getByText("Lifts.")).toBeInTheDocument();
  });

  it("is drawn at the width it is shown at", () => {
    renderInPane(<TornadoChart rows={rows} />);
    const chart = screen.getByRole("img", { name: /^Tornado/ });
    expect(chart.getAttribute("viewBox")).toBe(`0 0 ${chart.getAttribute("width")} ${chart.getAttribute("height")}`);
  });
});
