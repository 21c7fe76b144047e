// The planning tabs (Scenarios, ROI, Roadmap) in the whole App: bad input gets a message next to
// its field, what was typed stays in the field, and nothing reaches storage until it is valid.
import { act, configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
// The panels the pane imports lazily, loaded up front: the lazy import then resolves at once, not
// after ts-jest has compiled the module inside a test that waits for it.
import "../../src/taskpane/planning/ScenariosPanel";
import "../../src/taskpane/planning/RoiPanel";
import "../../src/taskpane/planning/RoadmapPanel";
import { LocalPlanningStore } from "../../src/workbook/local-planning";
import { LocalStore, type KeyValueStorage } from "../../src/workbook/local-store";
import { PLANNING_KEY } from "../../src/workbook/planning-store";
import { DRAFT_KEY, RESPONSES_KEY } from "../../src/workbook/store";
import { numberLocaleFor, setNumberLocale } from "../../src/taskpane/locale";
import { respond } from "../model/respond";
import { renderInPane } from "./render";

// Role queries skip their per-element visibility check (getComputedStyle up every ancestor), which
// costs about half a second per query on these long forms under jsdom. Nothing here is hidden: the
// pane renders only the open tab, and absence is asserted by query, not by visibility.
configure({ defaultHidden: true });

class MemoryStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

const PREVIEW = { host: null, reason: "test" };
const WORKFLOW = "Invoice triage";

// Ana's answers per layer: Strategy 4,4,4 → 0.8; Workflow 3,3,3 → 0.6; Oversight 2,3,2 → 7/15;
// Measurement 2,2,2 → 0.4; Adoption 3,3,2 → 8/15. Realized 0.8 × 0.6 × 7/15 × 0.4 × 8/15 = 0.047786… → "4.8%".
const ANA = respond([4, 3, [2, 3, 2], 2, [3, 3, 2]], {
  id: "ana",
  workflow: WORKFLOW,
  respondent: "Ana",
  date: "2026-03-15",
});
const CLAIMS = respond([3, 3, 3, 3, 3], { id: "c1", workflow: "Claims", respondent: "Cy", date: "2026-02-01" });

function seeded(): MemoryStorage {
  const storage = new MemoryStorage();
  // Ana's is saved last, so Scenarios starts on her workflow's round.
  storage.setItem(RESPONSES_KEY, JSON.stringify([CLAIMS, ANA]));
  return storage;
}

async function renderApp(storage: MemoryStorage, tab: string) {
  renderInPane(
    <App office={PREVIEW} store={new LocalStore(storage)} planningStore={new LocalPlanningStore(storage)} />,
    { withErrorBar: false },
  );
  await screen.findByRole("form", { name: "Assessment" });
  // The saved responses are read before the tab opens, as they are by the time a person clicks it.
  await act(async () => {});
  // Acted on, so the lazily loaded panel has rendered before the test queries it.
  await act(async () => fireEvent.click(screen.getByRole("tab", { name: tab })));
}

const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const planning = (storage: MemoryStorage) => storage.getItem(PLANNING_KEY);

/** The Fluent Field around a control: the label, the control and its message. */
const fieldOf = (control: HTMLElement) => control.closest(".fui-Field") as HTMLElement;

/** The message is next to the field: inside the same Field, and the control's accessible description. */
function expectMessageAt(control: HTMLElement, message: string | RegExp, invalid = true) {
  expect(fieldOf(control)).toHaveTextContent(message);
  expect(control).toHaveAccessibleDescription(message);
  if (invalid) expect(control).toHaveAttribute("aria-invalid", "true");
}

function expectNoMessageAt(control: HTMLElement) {
  expect(control).not.toHaveAttribute("aria-invalid", "true");
  expect(fieldOf(control).querySelector(".fui-Field__validationMessage")).toBeNull();
}

/** Panels stay mounted (hidden) once opened; this file also queries hidden elements, so scope to one panel. */
function panel(id: string): HTMLElement {
  const element = document.getElementById(`panel-${id}`);
  if (!element) throw new Error(`The ${id} panel is not open.`);
  return element;
}

describe("Scenarios: layer scores typed as text", () => {
  async function openScenarios() {
    const storage = seeded();
    await renderApp(storage, "Scenarios");
    const base = await screen.findByRole("combobox", { name: "Start from" });
    expect(base).toHaveDisplayValue(`${WORKFLOW}, 2026-03-15 (team mean)`);
    expect(screen.getByTestId("scenario-realized")).toHaveTextContent("4.8%");
    return storage;
  }

  it.each([
    ["abc", "Enter a number, not “abc”."],
    ["120", "Must be at most 100%."],
    ["-5", "Must be at least 0%."],
    ["", "Required."],
  ])(
    "Measurement “%s”: %s next to the field, text kept, realized from the last valid score, nothing saved",
    async (text, message) => {
      const storage = await openScenarios();
      const measurement = screen.getByRole("textbox", { name: "Measurement %" });
      // A valid 50 first: the last valid score, 0.8 × 0.6 × 7/15 × 0.5 × 8/15 = 0.059733… → "6.0%".
      type(measurement, "50");
      expect(screen.getByTestId("scenario-realized")).toHaveTextContent("6.0%");
      expectNoMessageAt(measurement);
      type(measurement, text);

      expect(measurement).toHaveValue(text);
      expectMessageAt(measurement, message);
      expect(screen.getByTestId("scenario-realized")).toHaveTextContent(percent(0.8 * 0.6 * (7 / 15) * 0.5 * (8 / 15)));
      expect(screen.getByRole("slider", { name: "Measurement" })).toHaveValue("50");
      // The other four fields have no message.
      for (const other of ["Strategy %", "Workflow %", "Oversight %", "Adoption %"]) {
        expectNoMessageAt(screen.getByRole("textbox", { name: other }));
      }
      expect(screen.getByText(/nothing is saved until they are valid/)).toBeInTheDocument();

      type(screen.getByRole("textbox", { name: "Scenario name" }), "Try");
      const save = screen.getByRole("button", { name: "Save scenario" });
      expect(save).toBeDisabled();
      await act(async () => fireEvent.click(save));
      expect(planning(storage)).toBeNull();

      // Fixing the field lets the scenario through with the score typed.
      type(measurement, "55");
      expectNoMessageAt(measurement);
      expect(save).toBeEnabled();
      await act(async () => fireEvent.click(save));
      await waitFor(() => expect(planning(storage)).not.toBeNull());
      const saved = JSON.parse(planning(storage)!).scenarios;
      expect(saved).toHaveLength(1);
      expect(saved[0]).toMatchObject({ name: "Try", workflow: WORKFLOW });
      expect(saved[0].scores[3]).toBeCloseTo(0.55, 12);
      expect(saved[0].baseScores[3]).toBeCloseTo(0.4, 12);
    },
  );

  it.each([
    ["150", 100],
    ["-20", 0],
  ])("a slider dragged to %s stops at its limit (%s%%); the field follows with no message", async (drag, stop) => {
    await openScenarios();
    const slider = screen.getByRole("slider", { name: "Measurement" });
    type(slider, drag);
    expect(slider).toHaveValue(String(stop));
    const measurement = screen.getByRole("textbox", { name: "Measurement %" });
    expect(measurement).toHaveValue(String(stop));
    expectNoMessageAt(measurement);
    // Realized with Measurement at the limit: 0.8 × 0.6 × 7/15 × (1 or 0) × 8/15.
    const realized = 0.8 * 0.6 * (7 / 15) * (stop / 100) * (8 / 15);
    expect(screen.getByTestId("scenario-realized")).toHaveTextContent(percent(realized));
    expect(screen.getByRole("button", { name: "Save scenario" })).toBeEnabled();
  });

  it("asks for a name before saving a scenario, and saves nothing without one", async () => {
    const storage = await openScenarios();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save scenario" })));
    expectMessageAt(screen.getByRole("textbox", { name: "Scenario name" }), "Name the scenario before saving.");
    await waitFor(() => expect(screen.getByRole("textbox", { name: "Scenario name" })).toHaveFocus());
    expect(planning(storage)).toBeNull();
  });
});

describe("Scenarios: where it starts", () => {
  const startFrom = () => screen.findByRole("combobox", { name: "Start from" });

  it("on an empty form, the latest round of the workflow saved last, as Results follows it", async () => {
    // Claims was saved after Invoice triage here: Claims 3,3,3 in every layer → 0.6⁵ = 7.8%.
    const storage = new MemoryStorage();
    storage.setItem(RESPONSES_KEY, JSON.stringify([ANA, CLAIMS]));
    await renderApp(storage, "Scenarios");
    expect(await startFrom()).toHaveDisplayValue("Claims, 2026-02-01 (team mean)");
    expect(screen.getByTestId("scenario-realized")).toHaveTextContent("7.8%");
  });

  it("with a workflow on the form, that workflow's latest round, whichever was saved last", async () => {
    const storage = new MemoryStorage();
    storage.setItem(RESPONSES_KEY, JSON.stringify([ANA, CLAIMS]));
    storage.setItem(DRAFT_KEY, JSON.stringify({ workflow: WORKFLOW, respondent: "", date: "", answers: {} }));
    await renderApp(storage, "Scenarios");
    expect(await startFrom()).toHaveDisplayValue(`${WORKFLOW}, 2026-03-15 (team mean)`);
    expect(screen.getByTestId("scenario-realized")).toHaveTextContent("4.8%");
  });

  it("with nothing saved, typed scores", async () => {
    await renderApp(new MemoryStorage(), "Scenarios");
    expect(await startFrom()).toHaveDisplayValue("Typed scores");
  });
});

describe("Scenarios: plan to a target", () => {
  async function openWithTypedScores(scores: string[]) {
    const storage = seeded();
    await renderApp(storage, "Scenarios");
    const base = await screen.findByRole("combobox", { name: "Start from" });
    fireEvent.change(base, { target: { value: "typed" } });
    ["Strategy %", "Workflow %", "Oversight %", "Measurement %", "Adoption %"].forEach((name, i) =>
      type(screen.getByRole("textbox", { name }), scores[i]),
    );
    return storage;
  }

  it.each([
    ["0", "Must be above 0%."],
    ["150", "Must be at most 100%."],
    ["-10", "Must be above 0%."],
    ["abc", "Enter a number, not “abc”."],
    ["", "Required."],
  ])("target “%s”: %s next to the field, the text kept, no plan offered", async (text, message) => {
    const storage = await openWithTypedScores(["80", "60", "50", "40", "50"]);
    const target = screen.getByRole("textbox", { name: "Target realized value" });
    type(target, text);
    expect(target).toHaveValue(text);
    expectMessageAt(target, message);
    expect(screen.queryByRole("list", { name: "Planned changes" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Save plan as scenario" })).toBeNull();
    expect(planning(storage)).toBeNull();
  });

  it("plans to 10% from 80/60/50/40/50: the three lowest rise to (0.1/0.48)^(1/3) = 59.3%", async () => {
    const storage = await openWithTypedScores(["80", "60", "50", "40", "50"]);
    // 0.8 × 0.6 × 0.5 × 0.4 × 0.5 = 0.048.
    expect(screen.getByTestId("scenario-realized")).toHaveTextContent("4.8%");
    type(screen.getByRole("textbox", { name: "Target realized value" }), "10");
    // Sorted 0.4, 0.5, 0.5, 0.6, 0.8. One layer: 0.1/(0.5·0.5·0.6·0.8) = 0.833 > 0.5; two:
    // √(0.1/0.24) = 0.645 > 0.5; three: L³ = 0.1/0.48, L = 0.592816… ≤ 0.6, so three rise to L.
    const level = Math.cbrt(0.1 / 0.48);
    expect(level).toBeCloseTo(0.592816, 6);
    const items = within(screen.getByRole("list", { name: "Planned changes" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items).toEqual([
      "Strategy Alignment: 80.0% (unchanged)",
      "Workflow Integration: 60.0% (unchanged)",
      "Human Oversight: 50.0% → 59.3%",
      "Measurement: 40.0% → 59.3%",
      "Business Adoption: 50.0% → 59.3%",
    ]);
    // Total improvement 3L − (0.5 + 0.4 + 0.5) = 0.378447… → "+37.8 pts".
    expect(3 * level - 1.4).toBeCloseTo(0.378447, 6);
    expect(screen.getByText(/Every layer below 59\.3% rises to it/)).toHaveTextContent(
      "realized value becomes 10.0%. Total improvement +37.8 pts of layer score, summed across layers.",
    );

    // Save scenario pressed first with no name: the name field says so ...
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save scenario" })));
    expect(screen.getByText("Name the scenario before saving.")).toBeInTheDocument();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save plan as scenario" })));
    await waitFor(() => expect(planning(storage)).not.toBeNull());
    const [saved] = JSON.parse(planning(storage)!).scenarios;
    expect(saved.name).toBe("Plan to 10%");
    // ... until a scenario is saved after all, named by the plan.
    expect(screen.queryByText("Name the scenario before saving.")).not.toBeInTheDocument();
    expect(saved.scores).toEqual([0.8, 0.6, level, level, level].map((v) => expect.closeTo(v, 12)));
    expect(await screen.findByRole("checkbox", { name: "Plan to 10% · 10.0%" })).toBeInTheDocument();
  });

  // "2,5" written with a decimal comma must never be read as 25.
  it("target “2,5” is not read as 25%", async () => {
    await openWithTypedScores(["80", "60", "50", "40", "50"]);
    const target = screen.getByRole("textbox", { name: "Target realized value" });
    type(target, "2,5");
    expect(target).toHaveValue("2,5");
    // Either a message or 2.5% (already met at 4.8%) is right; a plan to 25% is not.
    expect(screen.queryByText(/realized value becomes 25\.0%/)).toBeNull();
  });

  it("says the target is already met and offers no change", async () => {
    await openWithTypedScores(["80", "60", "50", "40", "50"]);
    type(screen.getByRole("textbox", { name: "Target realized value" }), "4");
    expect(within(panel("scenarios")).getByRole("status")).toHaveTextContent("Already met: realized value is 4.8%.");
    expect(screen.queryByRole("list", { name: "Planned changes" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Save plan as scenario" })).toBeNull();
  });

  it("offers no plan while a score is invalid", async () => {
    await openWithTypedScores(["80", "60", "50", "abc", "50"]);
    type(screen.getByRole("textbox", { name: "Target realized value" }), "10");
    expect(screen.queryByRole("list", { name: "Planned changes" })).toBeNull();
  });
});

/** The ROI form's Workflow field: a text box with the saved workflows as suggestions. */
const roiWorkflow = (form: HTMLElement) => within(form).getByRole("combobox", { name: /^Workflow/ });

describe("ROI rows", () => {
  async function openRoi() {
    const storage = seeded();
    await renderApp(storage, "ROI");
    const form = await screen.findByRole("form", { name: "ROI row" });
    const box = (name: string | RegExp) => within(form).getByRole("textbox", { name });
    type(roiWorkflow(form), WORKFLOW);
    type(box(/^Metric/), "Handling time");
    type(box("Unit"), "hours");
    return { storage, form, box };
  }

  /**
   * Fills the row: 40 → 25 hours at 60 per hour, one-off costs 2900/1000/500, maintain 50 a period,
   * 12 of 12 periods at 1%.
   */
  function fillNumbers(box: (name: string) => HTMLElement, baseline: string | null = "40") {
    if (baseline !== null) type(box("Baseline value (per period)"), baseline);
    type(box("Value now (per period)"), "25");
    type(box("Money per unit"), "60");
    type(box("Build cost"), "2900");
    type(box("Integrate cost"), "1000");
    type(box("Govern cost"), "500");
    type(box("Maintain cost per period"), "50");
    type(box("Periods observed"), "12");
    type(box("Horizon (periods)"), "12");
    type(box("Discount rate per period"), "1");
  }

  it.each([
    ["Build cost", "-3000", "Must be at least 0."],
    ["Money per unit", "abc", "Enter a number, not “abc”."],
    ["Periods observed", "0", "Must be above 0."],
    ["Horizon (periods)", "2.5", "Enter a whole number."],
    ["Discount rate per period", "-100", "Must be above -100%."],
    ["Baseline value (per period)", "forty", "Enter a number, not “forty”."],
  ])("%s “%s”: %s next to the field; nothing saved; the text kept", async (label, text, message) => {
    const { storage, form, box } = await openRoi();
    type(box("Baseline value (per period)"), "40");
    type(box("Value now (per period)"), "25");
    const field = box(label);
    type(field, text);
    expectMessageAt(field, message);
    await act(async () => fireEvent.click(within(form).getByRole("button", { name: "Add ROI row" })));
    expect(
      within(form).getByText("Fix the fields marked above; nothing is saved until they are valid."),
    ).toHaveAttribute("role", "alert");
    expect(planning(storage)).toBeNull();
    expect(screen.queryByTestId("roi-row")).toBeNull();
    // The focus goes to the field with the problem.
    await waitFor(() => expect(field).toHaveFocus());
    // Nothing typed is lost: the bad text and every other field keep their values.
    expect(field).toHaveValue(text);
    expect(box("Value now (per period)")).toHaveValue("25");
    expect(box(/^Metric/)).toHaveValue("Handling time");
  });

  it("says once, at the top of the form, that amounts are in the user's currency and what a period is", async () => {
    const { form } = await openRoi();
    expect(within(form).getByTestId("roi-units")).toHaveTextContent(
      "Use one currency and one period throughout. Every amount is in your currency; a period is the span the " +
        "baseline is measured over, such as a week or a month, and every “per period” figure uses that same span.",
    );
  });

  it("shows each field's unit after it: the metric's unit, currency, periods and %", async () => {
    const { box } = await openRoi();
    const unitOf = (label: string) => box(label).parentElement?.querySelector(".fui-Input__contentAfter");
    // The metric's unit, as typed in the Unit field ("hours").
    expect(unitOf("Baseline value (per period)")).toHaveTextContent(/^hours$/);
    expect(unitOf("Value now (per period)")).toHaveTextContent(/^hours$/);
    // Outside Excel no currency is known, so amounts say "currency" (AGAP keeps none of its own).
    for (const label of ["Money per unit", "Build cost", "Integrate cost", "Govern cost", "Maintain cost per period"]) {
      expect(unitOf(label)).toHaveTextContent(/^currency$/);
    }
    expect(unitOf("Expected value (business case)")).toHaveTextContent(/^currency$/);
    expect(unitOf("Periods observed")).toHaveTextContent(/^periods$/);
    expect(unitOf("Horizon (periods)")).toHaveTextContent(/^periods$/);
    expect(unitOf("Discount rate per period")).toHaveTextContent(/^%$/);
    // The measured values follow the Unit field; with none they are plain units.
    type(box("Unit"), "");
    expect(unitOf("Baseline value (per period)")).toHaveTextContent(/^units$/);
  });

  /** The next write of the planning data fails, as a busy store does; the ones after it work. */
  function failNextPlanningWrite(storage: MemoryStorage) {
    let failures = 1;
    const setItem = storage.setItem.bind(storage);
    storage.setItem = (key, value) => {
      if (key === PLANNING_KEY && failures-- > 0) throw new Error("The storage is busy.");
      setItem(key, value);
    };
  }

  it("a failed save reports with Retry; Retry saves the row and says so under the Save button", async () => {
    const { storage, form, box } = await openRoi();
    fillNumbers(box);
    failNextPlanningWrite(storage);
    await act(async () => fireEvent.click(within(form).getByRole("button", { name: "Add ROI row" })));
    const error = screen.getByRole("group", { name: "The ROI row was not saved" });
    expect(planning(storage)).toBeNull();
    expect(within(form).queryByTestId("save-confirmation")).toBeNull();

    await act(async () => fireEvent.click(within(error).getByRole("button", { name: "Retry" })));
    expect(JSON.parse(planning(storage)!).roi).toHaveLength(1);
    expect(within(form).getByTestId("save-confirmation").textContent).toBe(
      `Saved the ROI row “Handling time” for ${WORKFLOW}. The form is clear for the next row of ${WORKFLOW}; Edit in the list above changes a saved row.`,
    );
  });

  it("a Retry after the form changed saves the row as it was, and says the changes since are not saved", async () => {
    const { storage, form, box } = await openRoi();
    fillNumbers(box);
    failNextPlanningWrite(storage);
    await act(async () => fireEvent.click(within(form).getByRole("button", { name: "Add ROI row" })));
    type(box("Money per unit"), "70");
    const error = screen.getByRole("group", { name: "The ROI row was not saved" });
    await act(async () => fireEvent.click(within(error).getByRole("button", { name: "Retry" })));
    const [row] = JSON.parse(planning(storage)!).roi;
    expect(row.valuePerUnit).toBe(60);
    expect(box("Money per unit")).toHaveValue("70");
    expect(within(form).getByTestId("save-confirmation").textContent).toBe(
      `Saved the ROI row “Handling time” for ${WORKFLOW} as it was when Save was pressed. ` +
        "The changes made since are not saved yet: press Save ROI row to save them.",
    );
    // Saved again, the row takes the change, under the same id.
    await act(async () => fireEvent.click(within(form).getByRole("button", { name: "Save ROI row" })));
    const rows = JSON.parse(planning(storage)!).roi;
    expect(rows).toEqual([{ ...row, valuePerUnit: 70 }]);
    expect(within(form).getByTestId("save-confirmation").textContent).toBe(
      `Saved the ROI row “Handling time” for ${WORKFLOW}. The form is clear for the next row of ${WORKFLOW}; Edit in the list above changes a saved row.`,
    );
  });

  it("clears the form after a row is saved, so the next metric typed is added beside it, not over it", async () => {
    const { storage, form, box } = await openRoi();
    fillNumbers(box);
    await act(async () => fireEvent.click(within(form).getByRole("button", { name: "Add ROI row" })));
    expect(JSON.parse(planning(storage)!).roi).toHaveLength(1);
    // The workflow stays; the row's own fields are empty, and the button still adds.
    expect(roiWorkflow(form)).toHaveValue(WORKFLOW);
    expect(box(/^Metric/)).toHaveValue("");
    expect(box("Build cost")).toHaveValue("");
    expect(within(form).queryByTestId("roi-editing")).toBeNull();
    expect(within(form).getByTestId("save-confirmation").textContent).toBe(
      `Saved the ROI row “Handling time” for ${WORKFLOW}. The form is clear for the next row of ${WORKFLOW}; Edit in the list above changes a saved row.`,
    );

    type(box(/^Metric/), "Invoices per FTE");
    type(box("Unit"), "invoices");
    fillNumbers(box);
    await act(async () => fireEvent.click(within(form).getByRole("button", { name: "Add ROI row" })));
    const rows = JSON.parse(planning(storage)!).roi;
    expect(rows.map((r: { metric: string }) => r.metric)).toEqual(["Handling time", "Invoices per FTE"]);
    expect(new Set(rows.map((r: { id: string }) => r.id)).size).toBe(2);
  });

  describe("in a workbook whose currency Excel names", () => {
    beforeEach(() => setNumberLocale({ ...numberLocaleFor("en-US"), currency: "€" }));
    afterEach(() => setNumberLocale(numberLocaleFor("en-US")));

    it("the fields, the note at the top and the figures all name the same currency", async () => {
      const { form, box } = await openRoi();
      const unitOf = (label: string) => box(label).parentElement?.querySelector(".fui-Input__contentAfter");
      for (const label of ["Money per unit", "Build cost", "Maintain cost per period"]) {
        expect(unitOf(label)).toHaveTextContent(/^€$/);
      }
      expect(within(form).getByTestId("roi-units")).toHaveTextContent("Every amount is in €; a period is the span");
      fillNumbers(box);
      await act(async () => fireEvent.click(within(form).getByRole("button", { name: "Add ROI row" })));
      const row = await screen.findByTestId("roi-row");
      // The same NPV as in your currency (5,167, worked out below); only its unit is named.
      expect(within(row).getByTestId("roi-npv")).toHaveTextContent(/^5,167$/);
      expect(within(row).getByTestId("roi-npv-note")).toHaveTextContent(/^In €, over 12 periods at 1\.0% a period\.$/);
    });
  });

  describe("in de-DE", () => {
    beforeEach(() => setNumberLocale(numberLocaleFor("de-DE")));
    afterEach(() => setNumberLocale(numberLocaleFor("en-US")));

    it("a short observation is flagged with the periods written as the figures beside it are", async () => {
      const { form, box } = await openRoi();
      fillNumbers(box);
      type(box("Periods observed"), "0,8");
      await act(async () => fireEvent.click(within(form).getByRole("button", { name: "Add ROI row" })));
      const row = await screen.findByTestId("roi-row");
      expect(within(row).getByTestId("measured-roi-note")).toHaveTextContent(/^Over the 0,8 periods observed/);
      expect(within(row).getByTestId("flag-short-observation")).toHaveTextContent(
        /^Only 0,8 of 12 periods observed: the measured ROI covers part of the horizon\.$/,
      );
    });
  });

  it("offers the saved workflow when the name typed differs only by case or spacing", async () => {
    const { form } = await openRoi();
    const workflow = roiWorkflow(form);
    type(workflow, `  ${WORKFLOW.toUpperCase()} `);
    expect(fieldOf(workflow)).toHaveTextContent(
      `“${WORKFLOW}” is saved already. Names are matched exactly, so this row would belong to a separate workflow.`,
    );
    await act(async () => fireEvent.click(within(form).getByRole("button", { name: `Use “${WORKFLOW}”` })));
    expect(workflow).toHaveValue(WORKFLOW);
    expect(within(form).queryByRole("button", { name: /^Use “/ })).toBeNull();
    expect(fieldOf(workflow)).not.toHaveTextContent(/saved already/);
  });

  it("suggests every saved workflow under the Workflow field, which still takes a new name", async () => {
    const { form, storage, box } = await openRoi();
    const workflow = roiWorkflow(form);
    const list = document.getElementById(workflow.getAttribute("list") ?? "");
    expect(list?.tagName).toBe("DATALIST");
    expect(Array.from(list!.querySelectorAll("option")).map((o) => o.value)).toEqual(["Claims", WORKFLOW]);
    type(workflow, "Onboarding");
    fillNumbers(box);
    await act(async () => fireEvent.click(within(form).getByRole("button", { name: "Add ROI row" })));
    await waitFor(() => expect(planning(storage)).not.toBeNull());
    expect(JSON.parse(planning(storage)!).roi[0]).toMatchObject({ workflow: "Onboarding", metric: "Handling time" });
  });

  it("names what is missing: workflow and metric", async () => {
    const { storage, form, box } = await openRoi();
    type(roiWorkflow(form), "");
    type(box(/^Metric/), " ");
    await act(async () => fireEvent.click(within(form).getByRole("button", { name: "Add ROI row" })));
    expect(fieldOf(roiWorkflow(form))).toHaveTextContent("Name the workflow.");
    expect(fieldOf(box(/^Metric/))).toHaveTextContent("Name the metric.");
    // The first of the two problems takes the focus.
    await waitFor(() => expect(roiWorkflow(form)).toHaveFocus());
    expect(planning(storage)).toBeNull();
  });

  it("a baseline captured after go-live: a warning next to its date, then the flag once saved; ROI 116.0%", async () => {
    const { storage, form, box } = await openRoi();
    fillNumbers(box);
    const captured = within(form).getByLabelText("Baseline captured on");
    type(captured, "2026-03-10");
    expectNoMessageAt(captured);
    type(within(form).getByLabelText("Agent went live on"), "2026-03-01");
    expectMessageAt(captured, /Captured after go-live/, false);
    expect(fieldOf(captured).querySelector(".fui-Field__validationMessage")).toHaveTextContent(
      "Captured after go-live: this baseline may already include the agent's effect, and the ROI will be flagged.",
    );

    await act(async () => fireEvent.click(within(form).getByRole("button", { name: "Add ROI row" })));
    const row = await screen.findByTestId("roi-row");
    expect(within(row).getByTestId("flag-baseline-after-go-live")).toHaveTextContent(
      "Baseline captured after go-live: it may already include the agent's effect, so the ROI is not defensible.",
    );
    for (const other of ["no-baseline", "no-costs", "short-observation"]) {
      expect(within(row).queryByTestId(`flag-${other}`)).toBeNull();
    }
    // Benefit (40 − 25) × 60 × 12 = 10 800; cost 2900 + 1000 + 500 once and 50 × 12 periods = 5 000;
    // ROI (10 800 − 5 000) / 5 000 = 1.16.
    expect(within(row).getByTestId("measured-roi")).toHaveTextContent("116.0%");
    expect(within(row).getByTestId("measured-roi-note")).toHaveTextContent(
      "Over the 12 periods observed, against the baseline, net of every cost.",
    );
    // Every figure says its unit and span. Net per period 900 − 50 = 850; NPV at 1% over 12 periods
    // 850 × (1 − 1.01^−12) / 0.01 − 4 400 = 5 166.9…; payback 4 400 / 850 = 5.18 periods.
    expect(within(row).getByTestId("roi-npv")).toHaveTextContent(/^5,167$/);
    expect(within(row).getByTestId("roi-npv-note")).toHaveTextContent(
      "In your currency, over 12 periods at 1.0% a period.",
    );
    expect(within(row).getByTestId("roi-payback")).toHaveTextContent(/^5\.2 periods$/);
    // No expected value was typed: the projected figure says so instead of showing a dash.
    expect(within(row).getByTestId("roi-projected")).toHaveTextContent(/^no figure yet$/);
    expect(within(row).getByTestId("roi-projected-note")).toHaveTextContent(
      "Needs the expected value (business case).",
    );
    expect(row.textContent).not.toContain("–");
    const saved = JSON.parse(planning(storage)!).roi;
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      workflow: WORKFLOW,
      metric: "Handling time",
      unit: "hours",
      direction: "lower",
      baseline: 40,
      baselineDate: "2026-03-10",
      goLiveDate: "2026-03-01",
      build: 2900,
      maintain: 50,
      discountRate: 0.01,
    });
    // The form is clear for the next row.
    expect(within(form).getByRole("button", { name: "Add ROI row" })).toBeInTheDocument();
    expect(box("Build cost")).toHaveValue("");
  });

  it("without a baseline: flag-no-baseline, and measured ROI is “not provable yet”, never a number", async () => {
    const { storage, form, box } = await openRoi();
    fillNumbers(box, null);
    type(within(form).getByLabelText("Agent went live on"), "2026-03-01");
    // A warning told by its icon and its words, not by colour alone.
    const goLiveWarning = within(form).getByText(/Capture the baseline and its date first/);
    expect(goLiveWarning.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    await act(async () => fireEvent.click(within(form).getByRole("button", { name: "Add ROI row" })));
    const row = await screen.findByTestId("roi-row");
    expect(within(row).getByTestId("flag-no-baseline")).toHaveTextContent(
      "No baseline captured: the return cannot be proven.",
    );
    const measured = within(row).getByTestId("measured-roi");
    expect(measured).toHaveTextContent(/^not provable yet$/);
    expect(measured.textContent).not.toMatch(/\d/);
    expect(within(row).getByTestId("measured-roi-note")).toHaveTextContent("Needs a baseline captured before go-live.");
    // NPV and payback need the baseline too, and say so in words.
    for (const id of ["roi-npv", "roi-payback"]) {
      expect(within(row).getByTestId(id)).toHaveTextContent(/^no figure yet$/);
      expect(within(row).getByTestId(`${id}-note`)).toHaveTextContent("Needs a baseline captured before go-live.");
    }
    expect(JSON.parse(planning(storage)!).roi[0].baseline).toBeNull();
  });

  // The ROI form lives in the panel's state: the panel must stay mounted across tab switches.
  it("a half-typed row survives a look at another tab", async () => {
    const { box } = await openRoi();
    type(box("Baseline value (per period)"), "40");
    // The clicks are acted on, so the lazily loaded panel has rendered when the query runs.
    await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Scenarios" })));
    expect(within(panel("scenarios")).getByRole("combobox", { name: "Start from" })).toBeInTheDocument();
    await act(async () => fireEvent.click(screen.getByRole("tab", { name: "ROI" })));
    const form = within(panel("roi")).getByRole("form", { name: "ROI row" });
    expect(within(form).getByRole("textbox", { name: /^Metric/ })).toHaveValue("Handling time");
    expect(within(form).getByRole("textbox", { name: "Baseline value (per period)" })).toHaveValue("40");
  });
});

describe("Roadmap", () => {
  it("starts on today, asks for a start date next to the field once it is cleared, and writes nothing without one", async () => {
    const storage = seeded();
    const pad = (n: number) => String(n).padStart(2, "0");
    const day = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    const before = day(new Date());
    await renderApp(storage, "Roadmap");
    const generate = await screen.findByRole("button", { name: "Generate roadmap" });
    const start = screen.getByLabelText("Start date");
    // Today where the test runs (either side of midnight, should it pass while the pane opens).
    expect([before, day(new Date())]).toContain((start as HTMLInputElement).value);
    type(start, "");
    expectNoMessageAt(start);
    await act(async () => fireEvent.click(generate));
    expectMessageAt(start, "Pick the start date.");
    await waitFor(() => expect(start).toHaveFocus());
    expect(planning(storage)).toBeNull();
    expect(screen.queryByTestId("task-foundation.baseline")).toBeNull();
  });

  it("generates a roadmap with hand-computed dates; another workflow then warns of the open one", async () => {
    const storage = seeded();
    await renderApp(storage, "Roadmap");
    const workflow = await within(panel("roadmap")).findByRole("combobox", { name: "Workflow" });
    fireEvent.change(workflow, { target: { value: WORKFLOW } });
    expect(workflow).toHaveValue(WORKFLOW);
    expect(
      within(workflow)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Claims", WORKFLOW]); // in the order first saved
    expect(screen.queryByText(/still has an open roadmap/)).toBeNull();
    type(screen.getByLabelText("Start date"), "2024-02-01");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Generate roadmap" })));
    await waitFor(() => expect(planning(storage)).not.toBeNull());
    const { roadmaps } = JSON.parse(planning(storage)!);
    expect(roadmaps).toHaveLength(1);
    expect(roadmaps[0]).toMatchObject({ workflow: WORKFLOW, startDate: "2024-02-01" });
    expect(roadmaps[0].tasks).toHaveLength(15);
    // Day 1 is 1 February 2024; 2024 is a leap year, so day 30 is 1 March.
    expect(screen.getByTestId("task-foundation.baseline")).toHaveTextContent(/^2024-02-24: /);
    expect(screen.getByTestId("task-foundation.baseline")).toHaveTextContent("No baseline in AGAP ROI yet.");
    expect(
      within(screen.getByTestId("task-foundation.baseline"))
        .getByText("No baseline in AGAP ROI yet.")
        .querySelector('svg[aria-hidden="true"]'),
    ).not.toBeNull();
    expect(screen.getByTestId("task-foundation.owner")).toHaveTextContent(/^2024-03-01: /);
    expect(screen.getByTestId("task-integration.tune")).toHaveTextContent(/^2024-03-31: /);
    expect(screen.getByTestId("task-governance.target-stage")).toHaveTextContent(/^2024-04-30: /);

    fireEvent.change(workflow, { target: { value: "Claims" } });
    expect(workflow).toHaveValue("Claims");
    expect(await screen.findByText(/still has an open roadmap/)).toHaveTextContent(
      `${WORKFLOW} still has an open roadmap. Take one workflow through all 90 days before starting the next.`,
    );
  });

  // One roadmap per workflow: a second click must not add another record (and another sheet).
  it("a second click on Generate roadmap does not add a second roadmap for the same workflow", async () => {
    const storage = seeded();
    await renderApp(storage, "Roadmap");
    fireEvent.change(await within(panel("roadmap")).findByRole("combobox", { name: "Workflow" }), {
      target: { value: WORKFLOW },
    });
    type(screen.getByLabelText("Start date"), "2024-02-01");
    const generate = screen.getByRole("button", { name: "Generate roadmap" });
    await act(async () => fireEvent.click(generate));
    await waitFor(() => expect(JSON.parse(planning(storage)!).roadmaps).toHaveLength(1));
    await act(async () => fireEvent.click(generate));
    expect(JSON.parse(planning(storage)!).roadmaps).toHaveLength(1);
  });
});
