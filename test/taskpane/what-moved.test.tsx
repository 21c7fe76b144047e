// What moved between two rounds, read by role: the rounds picked, each layer's share as bars and
// as a table, and the statements whose team mean moved most, against figures worked out by hand.
import { fireEvent, screen, within } from "@testing-library/react";
import { STATEMENTS, roundsOf, type AssessmentResponse } from "../../src/model";
import { TeamPanel } from "../../src/taskpane/components/TeamPanel";
import { WhatMoved } from "../../src/taskpane/components/WhatMoved";
import { CHART_FONT_PX } from "../../src/taskpane/components/chart-parts";
import { respond } from "../model/respond";
import { renderInPane } from "./render";

const claims = (layers: Parameters<typeof respond>[0], id: string, date: string) =>
  respond(layers, { id, workflow: "Claims", date, respondent: id });

// January: Ana answers 4 throughout (0.8 a layer), Ben 3 (0.6): team 0.7 a layer, realized 0.7^5 = 0.16807.
// April: team means Strategy (13 + 11) / 30 = 0.8, Workflow 0.7, Oversight 0.7, Measurement 0.8,
// Adoption (9 + 9) / 30 = 0.6: realized 0.8 × 0.7 × 0.7 × 0.8 × 0.6 = 0.18816, a change of 0.02009.
// June: one partial response only, so no team result and not offered.
const RESPONSES: AssessmentResponse[] = [
  claims([4, 4, 4, 4, 4], "Ana", "2026-01-10"),
  claims([3, 3, 3, 3, 3], "Ben", "2026-01-10"),
  claims([[5, 4, 4], 4, 4, [4, 4, 5], [1, 4, 4]], "Ana", "2026-04-02"),
  claims([[5, 3, 3], 3, 3, [5, 3, 3], [3, 3, 3]], "Ben", "2026-04-02"),
  claims([5, 5, null, null, null], "Cy", "2026-06-01"),
];
const ROUNDS = roundsOf(RESPONSES, "Claims");

// Shares by hand. Workflow and Oversight stay at 0.7 (product 0.49). Three layers move, so a
// moving layer's step is weighted 1/3 with both others before, 1/6 with one after, 1/3 with both after:
//   Strategy 0.7 → 0.8: 0.1 × 0.49 × (0.49/3 + (0.8 × 0.7 + 0.7 × 0.6)/6 + 0.8 × 0.6/3) = 0.023847
//   Measurement: the same move, the same share.
//   Adoption 0.7 → 0.6: −0.1 × 0.49 × (0.49/3 + 2 × 0.56/6 + 0.64/3) = −0.027603
// Together 2 × 0.023847 − 0.027603 = 0.02009, the change.
const SHARES = ["+2.4\u00a0pts", "0.0\u00a0pts", "0.0\u00a0pts", "+2.4\u00a0pts", "-2.8\u00a0pts"];

const cells = (table: HTMLElement) =>
  within(table)
    .getAllByRole("row")
    .map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent));

const text = (id: string) => STATEMENTS.find((s) => s.id === id)!.text;

describe("What moved", () => {
  it("opens on the two latest rounds with a team result, leaving out a round without one", () => {
    renderInPane(<WhatMoved rounds={ROUNDS} />);
    expect(screen.getByRole("heading", { name: "What moved" })).toBeInTheDocument();
    const from = screen.getByRole("combobox", { name: "Before" });
    const to = screen.getByRole("combobox", { name: "After" });
    expect(from).toHaveValue("2026-01-10");
    expect(to).toHaveValue("2026-04-02");
    expect(
      within(from)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["2026-01-10", "2026-04-02"]);
    // The shares are rounded one by one, so their rounded sum can miss the change's by 0.1: said.
    expect(screen.getByText(/went from 16\.8% to 18\.8%: \+2\.0 pts/)).toHaveTextContent(
      /The shares add up to it; each is rounded on its own, so the rounded ones may be a tenth of a point off\.$/,
    );
  });

  it("draws each layer's share as a bar with its value, in 12 px text, and says it all in words", () => {
    renderInPane(<WhatMoved rounds={ROUNDS} />);
    const chart = screen.getByRole("img", { name: /^What moved from 2026-01-10 to 2026-04-02/ });
    expect(chart.getAttribute("aria-label")).toBe(
      "What moved from 2026-01-10 to 2026-04-02: team realized value +2.0\u00a0pts in all. " +
        "Strategy +2.4\u00a0pts, Workflow 0.0\u00a0pts, Oversight 0.0\u00a0pts, Measurement +2.4\u00a0pts, Adoption -2.8\u00a0pts.",
    );
    const groups = [...chart.querySelectorAll("g")];
    expect(groups.map((g) => g.querySelector("title")?.textContent)).toEqual([
      `Strategy Alignment: ${SHARES[0]}`,
      `Workflow Integration: ${SHARES[1]}`,
      `Human Oversight: ${SHARES[2]}`,
      `Measurement: ${SHARES[3]}`,
      `Business Adoption: ${SHARES[4]}`,
    ]);
    groups.forEach((group, i) => expect(group.querySelectorAll("text")[1].textContent).toBe(SHARES[i]));
    // Gains go right of the zero line, the loss left of it, and bars are as long as their shares.
    const bars = groups.map((g) => g.querySelector("rect")!);
    const zero = Number(chart.querySelector("line")!.getAttribute("x1"));
    const width = (i: number) => Number(bars[i].getAttribute("width"));
    expect(Number(bars[0].getAttribute("x"))).toBe(zero);
    expect(Number(bars[4].getAttribute("x")) + width(4)).toBeCloseTo(zero, 9);
    expect(width(1)).toBe(0);
    expect(width(0) / width(4)).toBeCloseTo(0.023847 / 0.027603, 4);
    for (const label of chart.querySelectorAll("text")) {
      expect(parseFloat(getComputedStyle(label).fontSize)).toBeGreaterThanOrEqual(CHART_FONT_PX);
    }
  });

  it("grows every bar from the left edge when all moved up, and from the right when all moved down", () => {
    // January to April without the Adoption answers' change: Strategy and Measurement up only.
    const up = RESPONSES.slice(0, 4).map((r, i) =>
      i < 2 ? r : { ...r, answers: { ...r.answers, "adoption.stopped": i === 2 ? 4 : 3 } },
    );
    for (const [rounds, fromLeft] of [
      [roundsOf(up, "Claims"), true],
      [
        roundsOf(
          up.map((r) => ({ ...r, date: r.date === "2026-01-10" ? "2026-09-01" : r.date })),
          "Claims",
        ),
        false,
      ],
    ] as const) {
      const view = renderInPane(<WhatMoved rounds={rounds} />);
      const chart = screen.getByRole("img", { name: /^What moved/ });
      const width = Number(chart.getAttribute("width"));
      const zero = Number(chart.querySelector("line")!.getAttribute("x1"));
      expect(zero).toBe(fromLeft ? 1 : width - 1);
      for (const group of chart.querySelectorAll("g")) {
        const [name, value] = [...group.querySelectorAll("text")];
        const bar = group.querySelector("rect")!;
        const [x, w] = [Number(bar.getAttribute("x")), Number(bar.getAttribute("width"))];
        expect(fromLeft ? x : x + w).toBeCloseTo(zero, 9);
        // Names start clear of the zero line; values stay inside the chart.
        expect(Number(name.getAttribute("x"))).toBe(fromLeft ? zero + 4 : 0);
        expect(Number(value.getAttribute("x"))).toBeGreaterThan(0);
        expect(Number(value.getAttribute("x"))).toBeLessThan(width);
      }
      view.unmount();
    }
  });

  it("lists the shares in a table beside each layer's team score in both rounds", () => {
    renderInPane(<WhatMoved rounds={ROUNDS} />);
    expect(cells(screen.getByRole("table", { name: "Each layer's share of the change" }))).toEqual([
      ["Layer", "Before", "After", "Share (pts)"],
      ["Strategy", "70.0%", "80.0%", "+2.4"],
      ["Workflow", "70.0%", "70.0%", "0.0"],
      ["Oversight", "70.0%", "70.0%", "0.0"],
      ["Measurement", "70.0%", "80.0%", "+2.4"],
      ["Adoption", "70.0%", "60.0%", "-2.8"],
      ["Realized", "16.8%", "18.8%", "+2.0"],
    ]);
  });

  it("names the three statements whose team mean moved most, largest first", () => {
    // Two respondents a round: listed once the team's smallest group is 2 (withheld below it: privacy.test.tsx).
    renderInPane(<WhatMoved rounds={ROUNDS} minGroup={2} />);
    // Team means 3.5 in January; in April Strategy 1 is 5, Adoption 1 is 2, Measurement 1 is 4.5,
    // Measurement 3 is 4 (fourth, not shown). An equal move keeps statement order.
    const items = within(screen.getByRole("list", { name: "Statements whose team mean moved most" })).getAllByRole(
      "listitem",
    );
    expect(items.map((item) => item.textContent)).toEqual([
      `${text("strategy.outcome")} Team mean 3.5 → 5.0 (+1.5 answer steps).`,
      `${text("adoption.stopped")} Team mean 3.5 → 2.0 (-1.5 answer steps).`,
      `${text("measurement.baseline")} Team mean 3.5 → 4.5 (+1.0 answer steps).`,
    ]);
  });

  it("turns round: from April back to January every share changes sign", () => {
    renderInPane(<WhatMoved rounds={ROUNDS} />);
    fireEvent.change(screen.getByRole("combobox", { name: "Before" }), { target: { value: "2026-04-02" } });
    fireEvent.change(screen.getByRole("combobox", { name: "After" }), { target: { value: "2026-01-10" } });
    const rows = cells(screen.getByRole("table", { name: "Each layer's share of the change" }));
    expect(rows.map((row) => row[3])).toEqual(["Share (pts)", "-2.4", "0.0", "0.0", "-2.4", "+2.8", "-2.0"]);
  });

  it("asks for two different rounds when one is picked twice", () => {
    renderInPane(<WhatMoved rounds={ROUNDS} />);
    fireEvent.change(screen.getByRole("combobox", { name: "Before" }), { target: { value: "2026-04-02" } });
    expect(screen.getByText("Pick two different rounds to see what moved between them.")).toBeInTheDocument();
    expect(screen.queryByRole("img")).toBeNull();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("shows nothing with fewer than two rounds with a team result", () => {
    renderInPane(<WhatMoved rounds={roundsOf(RESPONSES.slice(0, 2), "Claims")} />);
    expect(screen.queryByRole("heading", { name: "What moved" })).toBeNull();
  });
});

describe("What moved in Team & history", () => {
  it("follows the workflow's rounds, below its history", () => {
    renderInPane(<TeamPanel workflow="Claims" responses={RESPONSES} skipped={[]} />);
    const panel = screen.getByRole("region", { name: "Team and history" });
    const headings = within(panel)
      .getAllByRole("heading")
      .map((h) => h.textContent);
    expect(headings.indexOf("What moved")).toBeGreaterThan(headings.indexOf("History"));
    expect(within(panel).getByRole("combobox", { name: "Before" })).toHaveValue("2026-01-10");
    expect(within(panel).getByRole("combobox", { name: "After" })).toHaveValue("2026-04-02");
    expect(cells(within(panel).getByRole("table", { name: "Each layer's share of the change" })).at(-1)).toEqual([
      "Realized",
      "16.8%",
      "18.8%",
      "+2.0",
    ]);
  });

  it("is not shown for a workflow with one round", () => {
    renderInPane(<TeamPanel workflow="Claims" responses={RESPONSES.slice(0, 2)} skipped={[]} />);
    expect(screen.queryByRole("heading", { name: "What moved" })).toBeNull();
  });
});
