// The board report, read by role: every section of a filled workflow with its figures, the words
// of sections that have no data, and the Print report view opened, printed and left by keyboard.
import { act, fireEvent, screen, within } from "@testing-library/react";
import { NOTHING_TO_FIX, boardReport, type AssessmentResponse, type BoardReportInput } from "../../src/model";
import { BoardReport } from "../../src/taskpane/report/BoardReport";
import { PrintReportButton } from "../../src/taskpane/report/PrintReportButton";
import { respond } from "../model/respond";
import { ROI_ENTRY } from "../model/roi-entry";
import { renderInPane } from "./render";
import { numberLocaleFor, setNumberLocale } from "../../src/taskpane/locale";
import { CLAIMS_ROADMAP } from "../model/roadmap-record";

// jsdom lays nothing out and prints nothing: the page itself is checked in the browser
// (test/e2e/board-report.test.ts). It cannot scroll either; the view scrolls to its top.
beforeEach(() => jest.spyOn(window, "scrollTo").mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

const claims = (layers: Parameters<typeof respond>[0], id: string, date: string) =>
  respond(layers, { id, workflow: "Claims", date, respondent: id });

// January: [4, 3, 3, 2, 3] twice → realized 0.8 × 0.6 × 0.6 × 0.4 × 0.6 = 0.06912.
// April: [4, 3, 3, 3, 3] twice → [0.8, 0.6, 0.6, 0.6, 0.6], realized 0.10368 → "10.4%", gap
// 0.89632 → "89.6%", Severe; weakest Workflow (first of four at 0.6). Only Measurement moved:
// +3.456 pts → "+3.5 pts". Plan: to 25%, the four layers at 60% raised to (5/16)^(1/4) = 74.8%,
// 4 × 14.77 = 59.1 points in all.
const RESPONSES: AssessmentResponse[] = [
  claims([4, 3, 3, 2, 3], "Ana", "2026-01-15"),
  claims([4, 3, 3, 2, 3], "Ben", "2026-01-15"),
  claims([4, 3, 3, 3, 3], "Ana", "2026-04-10"),
  claims([4, 3, 3, 3, 3], "Ben", "2026-04-10"),
];
// Day 41 on 2026-02-14: four tasks overdue, the next due 2026-02-15.
const ROADMAP = CLAIMS_ROADMAP;
const FILLED: BoardReportInput = {
  workflow: "Claims",
  responses: RESPONSES,
  roi: [{ ...ROI_ENTRY, workflow: "Claims" }],
  maturity: [{ workflow: "Claims", stage: 2, target: 4 }],
  roadmaps: [ROADMAP],
  today: "2026-02-14",
  // Two complete respondents a round: detail from 2 here; the default, 3, withholds it (below).
  minGroup: 2,
};

const region = (name: string | RegExp) => screen.getByRole("region", { name });
/** A paragraph by its whole text, its dates held in spans of their own (kept on one line). */
const paragraph = (text: string) =>
  screen.getByText((_, element) => element?.tagName === "P" && element.textContent === text);
const show = (input: BoardReportInput) =>
  renderInPane(<BoardReport report={boardReport(input)} today={input.today} titleId="report-title" />);

describe("the board report of a filled workflow", () => {
  beforeEach(() => show(FILLED));

  it("names the workflow, the round and the complete respondents", () => {
    expect(screen.getByRole("heading", { level: 2, name: "Claims" })).toBeTruthy();
    expect(paragraph("Round of 2026-04-10 · 2 complete respondents · made 2026-02-14")).toBeTruthy();
  });

  it("gives realized value, gap and band, with the note on band limits", () => {
    const result = region("Result");
    expect(within(result).getByTestId("report-realized").textContent).toBe("10.4%");
    expect(within(result).getByText("89.6%")).toBeTruthy();
    expect(within(result).getByTestId("report-band").textContent).toBe("Severe");
    expect(within(result).getByText(/^Band limits are AGAP defaults/)).toBeTruthy();
  });

  it("draws the decay curve and the layer scores, the weakest marked, with the plan beside them", () => {
    const curve = region("Decay curve and layer scores");
    expect(within(curve).getByRole("img", { name: /^Decay curve/ })).toBeTruthy();
    const rows = within(within(curve).getByRole("table", { name: "Layer scores, team means" })).getAllByRole("row");
    expect(rows.map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent))).toEqual([
      ["Layer", "Team mean", "Plan"],
      ["Strategy Alignment", "80.0%", "80.0%"],
      ["Workflow Integrationweakest", "60.0%", "74.8%"],
      ["Human Oversight", "60.0%", "74.8%"],
      ["Measurement", "60.0%", "74.8%"],
      ["Business Adoption", "60.0%", "74.8%"],
    ]);
  });

  it("lists the actions for the weakest layer and the plan to the next band", () => {
    const actions = within(region("Fix first: Workflow Integration")).getAllByRole("listitem");
    expect(actions).toHaveLength(3);
    expect(
      paragraph(
        "Tied at 60.0% with Human Oversight, Measurement and Business Adoption: raising any of them by the same " +
          "step gains the same. The first in layer order is shown.",
      ),
    ).toBeInTheDocument();
    expect(actions[0].textContent).toBe(
      "Redesign the workflow so the agent is a step in it, not an extra errand beside it.",
    );
    expect(within(region("Plan to the next band")).getByText(/^Plan to 25\.0%, the next band limit/).textContent).toBe(
      "Plan to 25.0%, the next band limit: raise every layer below 74.8% up to it, lowest first, adding 59.1 " +
        "percentage points of layer score in all.",
    );
  });

  it("says what moved since the round before", () => {
    const moved = region("What moved since the last round");
    expect(within(moved).getByText(/^What moved from/).textContent).toBe(
      "What moved from 2026-01-15 to 2026-04-10: team realized value +3.5\u00a0pts in all. Strategy 0.0\u00a0pts, " +
        "Workflow 0.0\u00a0pts, Oversight 0.0\u00a0pts, Measurement +3.5\u00a0pts, Adoption 0.0\u00a0pts.",
    );
    expect(within(moved).getAllByRole("listitem")).toHaveLength(3);
  });

  it("gives the ROI status and the measured ROI as the ROI tab writes it", () => {
    const roi = region("ROI");
    expect(within(roi).getByTestId("report-roi-status").textContent).toBe(
      "Defensible: no row of this workflow carries a flag.",
    );
    // (900 × 12 − (4500 + 500 × 12)) ÷ 10,500 = 2.857…% → "2.9%".
    expect(within(roi).getByRole("listitem").textContent).toBe(
      "Hours spent per week: measured ROI 2.9%. Over the 12 periods observed, against the baseline, net of every cost.",
    );
  });

  it("gives the maturity stage against its target and where the roadmap stands", () => {
    expect(within(region("Maturity")).getByText(/^Assisted/).textContent).toBe(
      "Assisted (stage 2 of 5) against the target Operational (stage 4): 2 stages to go.",
    );
    const roadmap = region("90-day roadmap");
    expect(within(roadmap).getByText(/^Started/).textContent).toBe(
      "Started 2026-01-05, ends 2026-04-04. Today is day 41 of 90, in Workflow Integration.",
    );
    expect(within(roadmap).getByTestId("report-roadmap-counts").textContent).toBe(
      "2 of 15 tasks done, 1 in progress, 1 blocked.",
    );
    expect(within(roadmap).getByText("4 tasks overdue:")).toBeTruthy();
    expect(within(within(roadmap).getByRole("list", { name: "Overdue tasks" })).getAllByRole("listitem")).toHaveLength(
      3,
    );
    expect(within(roadmap).getByText("And 1 more task on the Roadmap tab.")).toBeTruthy();
    expect(within(roadmap).getByText(/^Next:/).textContent).toBe(
      "Next: Design when people review, approve or take over from the agent. Due 2026-02-15.",
    );
  });
});

describe("the smallest group", () => {
  it("below it, What moved keeps the layer shares and says why the statements are withheld", () => {
    show({ ...FILLED, minGroup: 3 });
    const moved = region("What moved since the last round");
    expect(within(moved).getByText(/^What moved from/)).toBeTruthy();
    expect(within(moved).queryByRole("list")).toBeNull();
    expect(within(moved).getByTestId("report-statements-withheld").textContent).toMatch(
      /^The statements that moved most are withheld: the 2026-01-15 round has 2 complete respondents and the 2026-04-10 round has 2 complete respondents, and they are listed from 3\./,
    );
  });
});

describe("sections without data say so", () => {
  it("every team mean at 100%: no layer to fix first, and none marked weakest", () => {
    show({
      ...FILLED,
      responses: [claims([5, 5, 5, 5, 5], "Ana", "2026-04-10"), claims([5, 5, 5, 5, 5], "Ben", "2026-04-10")],
    });
    expect(within(region("Fix first")).getByText(NOTHING_TO_FIX)).toBeInTheDocument();
    expect(within(region("Fix first")).queryAllByRole("listitem")).toHaveLength(0);
    expect(within(region("Decay curve and layer scores")).queryByText("weakest")).not.toBeInTheDocument();
  });

  it("one round only, no ROI row, no stage recorded and no roadmap", () => {
    show({
      ...FILLED,
      responses: RESPONSES.filter((r) => r.date === "2026-04-10"),
      roi: [],
      maturity: [],
      roadmaps: [],
    });
    expect(within(region("What moved since the last round")).getByText(/^Only one round/).textContent).toBe(
      "Only one round has a team result: there is no earlier round to compare with.",
    );
    expect(within(region("ROI")).getByTestId("report-roi-status").textContent).toBe(
      "No ROI row for this workflow yet, so its return cannot be proven.",
    );
    expect(within(region("Maturity")).getByText(/^No stage/).textContent).toBe(
      "No stage recorded yet. The target is Operational (stage 4 of 5).",
    );
    expect(within(region("90-day roadmap")).getByText(/^No roadmap/).textContent).toBe(
      "No roadmap for this workflow yet: the Roadmap tab makes one.",
    );
  });

  it("an ROI row without a baseline: not provable, with the reason and the flag", () => {
    show({ ...FILLED, roi: [{ ...ROI_ENTRY, workflow: "Claims", baseline: null }] });
    const roi = region("ROI");
    expect(within(roi).getByTestId("report-roi-status").textContent).toBe(
      "Flagged: read the return with the cautions under each row before relying on it.",
    );
    expect(within(roi).getByRole("listitem").textContent).toBe(
      "Hours spent per week: measured ROI not provable yet. Needs a baseline captured before go-live. " +
        "No baseline captured: the return cannot be proven.",
    );
  });

  it("in de-DE, a short observation's periods are written as the figures beside them are", () => {
    setNumberLocale(numberLocaleFor("de-DE"));
    try {
      show({ ...FILLED, roi: [{ ...ROI_ENTRY, workflow: "Claims", periods: 0.8 }] });
      const text = within(region("ROI")).getByRole("listitem").textContent;
      expect(text).toContain("Over the 0,8 periods observed");
      expect(text).toContain("Only 0,8 of 12 periods observed: the measured ROI covers part of the horizon.");
    } finally {
      setNumberLocale(numberLocaleFor("en-US"));
    }
  });

  it("no complete response: no team figures, the other sections still there", () => {
    show({ ...FILLED, responses: [claims([4, 3, null, null, null], "Cy", "2026-04-10")] });
    expect(paragraph("No round with a team result yet · made 2026-02-14")).toBeTruthy();
    expect(within(region("Result")).getByText(/^No team result yet/)).toBeTruthy();
    expect(within(region("Decay curve and layer scores")).queryByRole("img")).toBeNull();
    expect(within(region("Plan to the next band")).getByText(/^No plan yet/)).toBeTruthy();
    expect(within(region("90-day roadmap")).getByTestId("report-roadmap-counts")).toBeTruthy();
  });
});

describe("the Print report view", () => {
  it("opens on the report's title, prints, and goes back to the button with Esc", async () => {
    const print = jest.spyOn(window, "print").mockImplementation(() => undefined);
    renderInPane(
      <PrintReportButton
        workflow="Claims"
        responses={RESPONSES}
        planning={{ roi: FILLED.roi, maturity: FILLED.maturity, roadmaps: FILLED.roadmaps }}
        today={() => "2026-02-14"}
      />,
    );
    const button = screen.getByRole("button", { name: "Print report" });
    fireEvent.click(button);
    const title = await screen.findByRole("heading", { level: 2, name: "Claims" });
    expect(document.activeElement).toBe(title);
    expect(document.documentElement.classList.contains("agap-report-open")).toBe(true);
    expect(title.closest(".agap-board-report")).not.toBeNull();
    // The page rules are in place while the view is open, @page among them.
    const rules = () => [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText));
    expect(rules().some((rule) => /^@page/.test(rule))).toBe(true);

    fireEvent.click(screen.getByRole("button", { name: "Print or save as PDF" }));
    expect(print).toHaveBeenCalledTimes(1);

    await act(async () => {
      fireEvent.keyDown(title, { key: "Escape" });
    });
    expect(screen.queryByRole("region", { name: "Print report" })).toBeNull();
    expect(document.documentElement.classList.contains("agap-report-open")).toBe(false);
    expect(rules().some((rule) => /^@page/.test(rule))).toBe(false);
    expect(document.activeElement).toBe(button);
    print.mockRestore();
  });

  it("Back closes the view too; without a workflow the button is off", async () => {
    const { unmount } = renderInPane(
      <PrintReportButton workflow="" responses={RESPONSES} planning={{ roi: [], maturity: [], roadmaps: [] }} />,
    );
    expect((screen.getByRole("button", { name: "Print report" }) as HTMLButtonElement).disabled).toBe(true);
    unmount();
    renderInPane(
      <PrintReportButton workflow="Claims" responses={RESPONSES} planning={{ roi: [], maturity: [], roadmaps: [] }} />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Print report" }));
    await screen.findByRole("region", { name: "Print report" });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Back" }));
    });
    expect(screen.queryByRole("region", { name: "Print report" })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Print report" }));
  });

  it("a roadmap that cannot be read goes to the error bar, and the pane stays", () => {
    renderInPane(
      <PrintReportButton
        workflow="Claims"
        responses={RESPONSES}
        planning={{ roi: [], maturity: [], roadmaps: [{ ...ROADMAP, startDate: "someday" }] }}
        today={() => "2026-02-14"}
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Print report" }));
    expect(screen.getByText(/The board report could not be made/)).toBeTruthy();
    expect(screen.getByText(/has no valid start date/)).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Print report" })).toBeNull();
  });
});
