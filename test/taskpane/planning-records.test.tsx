// Correcting planning records in the pane: scenarios renamed, edited and deleted with Undo, a
// name two scenarios share warned about, ROI rows edited and deleted with Undo, a roadmap's tasks
// edited and read back from the store, the roadmap regenerated or deleted after a confirmation.
// Each panel runs on usePlanning over the browser store, as in the pane; the store's saved JSON
// is the record the assertions read.
import * as React from "react";
import { act, configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import {
  DEFAULT_TARGET_STAGE,
  ROADMAP_TASKS,
  boardReport,
  planToNextBand,
  roadmapStatus,
  type RoadmapRecord,
  type RoiEntry,
  type Scenario,
} from "../../src/model";
import { BoardReport } from "../../src/taskpane/report/BoardReport";
import { roadmapTiming } from "../../src/taskpane/planning/roadmap-words";
import { CLAIMS_ROADMAP } from "../model/roadmap-record";
import { RoadmapPanel } from "../../src/taskpane/planning/RoadmapPanel";
import { RoiPanel } from "../../src/taskpane/planning/RoiPanel";
import { ScenariosPanel } from "../../src/taskpane/planning/ScenariosPanel";
import { usePlanning, type Planning } from "../../src/taskpane/planning/usePlanning";
import { LocalPlanningStore } from "../../src/workbook/local-planning";
import type { KeyValueStorage } from "../../src/workbook/local-store";
import { PLANNING_KEY, type PlanningStore } from "../../src/workbook/planning-store";
import { renderInPane } from "./render";

// As in planning.test.tsx: role queries skip the per-element visibility walk, which is slow under
// jsdom. Only the panel under test is rendered.
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

interface Stored {
  scenarios: Scenario[];
  roi: RoiEntry[];
  maturity: unknown[];
  roadmaps: RoadmapRecord[];
}

const WORKFLOW = "Invoice triage";

// 0.8 × 0.6 × 0.5 × 0.4 × 0.5 = 0.048 → "4.8%".
const PLAN_A: Scenario = {
  id: "s-a",
  name: "Plan A",
  workflow: WORKFLOW,
  baseLabel: "Typed scores",
  baseScores: [0.8, 0.6, 0.5, 0.4, 0.5],
  scores: [0.8, 0.6, 0.5, 0.4, 0.5],
};
// 0.8 × 0.8 × 0.6 × 0.6 × 0.8 = 0.18432 → "18.4%".
const PLAN_B: Scenario = {
  id: "s-b",
  name: "Plan B",
  workflow: WORKFLOW,
  baseLabel: "Typed scores",
  baseScores: [0.8, 0.6, 0.5, 0.4, 0.5],
  scores: [0.8, 0.8, 0.6, 0.6, 0.8],
};
const ROW: RoiEntry = {
  id: "roi-1",
  workflow: WORKFLOW,
  metric: "Handling time",
  unit: "hours",
  direction: "lower",
  baseline: 40,
  baselineDate: "2026-03-01",
  goLiveDate: "2026-03-10",
  current: 25,
  valuePerUnit: 60,
  build: 2900,
  integrate: 1000,
  govern: 500,
  maintain: 50,
  periods: 12,
  horizon: 12,
  discountRate: 0.01,
  expectedValue: null,
};

function seeded(data: Partial<Stored>): MemoryStorage {
  const storage = new MemoryStorage();
  storage.setItem(PLANNING_KEY, JSON.stringify({ scenarios: [], roi: [], maturity: [], roadmaps: [], ...data }));
  return storage;
}

/**
 * A store over `storage` whose `method` throws `message` at its first `times` calls and then works,
 * as a busy or locked workbook does.
 */
function failingFirst(
  storage: MemoryStorage,
  method: "saveScenario" | "saveRoadmapTasks" | "createRoadmap",
  { times = 1, message = "The workbook is busy." } = {},
): LocalPlanningStore {
  const store = new LocalPlanningStore(storage);
  const real = store[method].bind(store) as (...args: unknown[]) => Promise<unknown>;
  let failures = times;
  Object.assign(store, {
    [method]: async (...args: unknown[]) => {
      if (failures-- > 0) throw new Error(message);
      return real(...args);
    },
  });
  return store;
}

const stored = (storage: MemoryStorage): Stored => JSON.parse(storage.getItem(PLANNING_KEY)!);
const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });
const click = (element: HTMLElement) => act(async () => fireEvent.click(element));

/** The panel on usePlanning over the store, inside the pane's provider and error bar. */
function Harness({ store, panel }: { store: PlanningStore; panel: (planning: Planning) => React.ReactElement }) {
  const planning = usePlanning(store);
  return panel(planning);
}

async function show(store: PlanningStore, panel: (planning: Planning) => React.ReactElement) {
  const view = renderInPane(<Harness store={store} panel={panel} />);
  // The store is read after the first render.
  await act(async () => {});
  return view;
}

const scenarios = (planning: Planning) => (
  <ScenariosPanel planning={planning} responses={[]} draftWorkflow="" draftAnswers={{}} />
);
const roi = (planning: Planning) => <RoiPanel planning={planning} responses={[]} workflow="" />;
/** The roadmap panel with no workflow typed on the Assessment tab, unless one is given. */
const roadmapPanel = (draftWorkflow: string) =>
  function RoadmapHere(planning: Planning) {
    return <RoadmapPanel planning={planning} responses={[]} workflow={draftWorkflow} />;
  };
const roadmap = roadmapPanel("");

describe("Saved scenarios: rename, edit, delete with Undo", () => {
  it("saved without a change, a scenario keeps its exact scores; a score typed anew replaces only its own", async () => {
    // Scores of team means, finer than the tenths of a percent the fields show: 35/60 shows as 58.3.
    // Realized 0.5 × 35/60 × 53/60 × 0.4 × 0.5 = 0.0515277… → "5.2%", +0.35277… pts on the base
    // 0.8 × 0.6 × 0.5 × 0.4 × 0.5 = 0.048 → "+0.4 pts". From the shown 58.3 and 88.3 it would be
    // 0.0514789 → "5.1%" and "+0.3 pts".
    const fine: Scenario = { ...PLAN_A, scores: [0.5, 35 / 60, 53 / 60, 0.4, 0.5] };
    const storage = seeded({ scenarios: [fine, PLAN_B] });
    await show(new LocalPlanningStore(storage), scenarios);
    expect(screen.getByRole("checkbox", { name: "Plan A · 5.2%" })).toBeInTheDocument();
    await click(screen.getByRole("button", { name: "Edit “Plan A”" }));
    let form = screen.getByRole("form", { name: "Edit scenario “Plan A”" });
    expect(within(form).getByRole("textbox", { name: /^Workflow %/ })).toHaveValue("58.3");
    // The form's figures are the list's: both from the exact scores.
    expect(within(form).getByText(/against its base\.$/)).toHaveTextContent(
      "Realized value 5.2%, +0.4 pts against its base.",
    );
    await click(within(form).getByRole("button", { name: "Save changes" }));
    expect(stored(storage).scenarios).toEqual([fine, PLAN_B]);

    await click(screen.getByRole("button", { name: "Edit “Plan A”" }));
    form = screen.getByRole("form", { name: "Edit scenario “Plan A”" });
    type(within(form).getByRole("textbox", { name: /^Measurement %/ }), "45");
    await click(within(form).getByRole("button", { name: "Save changes" }));
    expect(stored(storage).scenarios).toEqual([{ ...fine, scores: [0.5, 35 / 60, 53 / 60, 0.45, 0.5] }, PLAN_B]);
  });

  it("renames a scenario in place: same id, same scores, the new name in the list", async () => {
    const storage = seeded({ scenarios: [PLAN_A, PLAN_B] });
    await show(new LocalPlanningStore(storage), scenarios);
    await click(screen.getByRole("button", { name: "Edit “Plan A”" }));
    const form = screen.getByRole("form", { name: "Edit scenario “Plan A”" });
    const name = within(form).getByRole("textbox", { name: /^Name/ });
    expect(name).toHaveValue("Plan A");
    type(name, "  Hire a reviewer ");
    await click(within(form).getByRole("button", { name: "Save changes" }));

    expect(stored(storage).scenarios).toEqual([{ ...PLAN_A, name: "Hire a reviewer" }, PLAN_B]);
    expect(await screen.findByRole("checkbox", { name: "Hire a reviewer · 4.8%" })).toBeInTheDocument();
    expect(screen.queryByRole("checkbox", { name: /^Plan A/ })).toBeNull();
    expect(screen.queryByRole("form", { name: /^Edit scenario/ })).toBeNull();
    // Said under the scenario, in the list item where the form was.
    const item = screen.getByRole("checkbox", { name: "Hire a reviewer · 4.8%" }).closest("li") as HTMLElement;
    expect(within(item).getByTestId("save-confirmation")).toHaveTextContent("Saved the changes to “Hire a reviewer”.");
    // Gone once another edit starts.
    await click(screen.getByRole("button", { name: "Edit “Plan B”" }));
    expect(screen.queryByTestId("save-confirmation")).toBeNull();
  });

  it("a failed edit keeps the form open with what was typed; Retry saves it, closes the form and says so", async () => {
    const storage = seeded({ scenarios: [PLAN_A, PLAN_B] });
    const store = failingFirst(storage, "saveScenario");
    await show(store, scenarios);
    await click(screen.getByRole("button", { name: "Edit “Plan A”" }));
    const form = screen.getByRole("form", { name: "Edit scenario “Plan A”" });
    type(within(form).getByRole("textbox", { name: /^Name/ }), "Hire a reviewer");
    await click(within(form).getByRole("button", { name: "Save changes" }));
    const error = screen.getByRole("group", { name: "The scenario was not saved" });
    expect(screen.getByRole("form", { name: "Edit scenario “Plan A”" })).toBeInTheDocument();
    expect(within(form).getByRole("textbox", { name: /^Name/ })).toHaveValue("Hire a reviewer");
    expect(stored(storage).scenarios).toEqual([PLAN_A, PLAN_B]);

    await click(within(error).getByRole("button", { name: "Retry" }));
    expect(stored(storage).scenarios).toEqual([{ ...PLAN_A, name: "Hire a reviewer" }, PLAN_B]);
    expect(screen.queryByRole("form", { name: /^Edit scenario/ })).toBeNull();
    const item = screen.getByRole("checkbox", { name: "Hire a reviewer · 4.8%" }).closest("li") as HTMLElement;
    expect(within(item).getByTestId("save-confirmation")).toHaveTextContent("Saved the changes to “Hire a reviewer”.");
  });

  it("changes typed between a failed edit and its Retry are kept: the form stays open with them", async () => {
    const storage = seeded({ scenarios: [PLAN_A, PLAN_B] });
    const store = failingFirst(storage, "saveScenario");
    await show(store, scenarios);
    await click(screen.getByRole("button", { name: "Edit “Plan A”" }));
    const form = screen.getByRole("form", { name: "Edit scenario “Plan A”" });
    const name = within(form).getByRole("textbox", { name: /^Name/ });
    type(name, "Hire a reviewer");
    await click(within(form).getByRole("button", { name: "Save changes" }));
    type(name, "Hire two reviewers");
    await click(
      within(screen.getByRole("group", { name: "The scenario was not saved" })).getByRole("button", { name: "Retry" }),
    );
    // The save that failed went through; the newer name is still on the open form, not lost.
    expect(stored(storage).scenarios).toEqual([{ ...PLAN_A, name: "Hire a reviewer" }, PLAN_B]);
    expect(screen.getByRole("form", { name: "Edit scenario “Hire a reviewer”" })).toBeInTheDocument();
    expect(name).toHaveValue("Hire two reviewers");
    expect(screen.getByTestId("save-confirmation")).toHaveTextContent("Saved the changes to “Hire a reviewer”.");
  });

  it("a Retry that goes through after another scenario was opened for editing leaves that one open", async () => {
    const storage = seeded({ scenarios: [PLAN_A, PLAN_B] });
    const store = failingFirst(storage, "saveScenario");
    await show(store, scenarios);
    await click(screen.getByRole("button", { name: "Edit “Plan A”" }));
    const formA = screen.getByRole("form", { name: "Edit scenario “Plan A”" });
    type(within(formA).getByRole("textbox", { name: /^Name/ }), "Hire a reviewer");
    await click(within(formA).getByRole("button", { name: "Save changes" }));
    await click(screen.getByRole("button", { name: "Edit “Plan B”" }));
    await click(
      within(screen.getByRole("group", { name: "The scenario was not saved" })).getByRole("button", { name: "Retry" }),
    );
    expect(stored(storage).scenarios).toEqual([{ ...PLAN_A, name: "Hire a reviewer" }, PLAN_B]);
    expect(screen.getByRole("form", { name: "Edit scenario “Plan B”" })).toBeInTheDocument();
  });

  it("edits a scenario's scores against its own base; an invalid score blocks the save", async () => {
    const storage = seeded({ scenarios: [PLAN_A] });
    await show(new LocalPlanningStore(storage), scenarios);
    await click(screen.getByRole("button", { name: "Edit “Plan A”" }));
    const form = screen.getByRole("form", { name: "Edit scenario “Plan A”" });
    const measurement = within(form).getByRole("textbox", { name: "Measurement %" });
    expect(measurement).toHaveValue("40");

    type(measurement, "abc");
    expect(measurement).toHaveAttribute("aria-invalid", "true");
    await click(within(form).getByRole("button", { name: "Save changes" }));
    expect(
      within(form).getByText("Fix the scores marked above; nothing is saved until they are valid."),
    ).toHaveAttribute("role", "alert");
    expect(stored(storage).scenarios).toEqual([PLAN_A]);

    // 0.8 × 0.6 × 0.5 × 0.5 × 0.5 = 0.06 → "6.0%"; against the base 0.048: +1.2 pts.
    type(measurement, "50");
    expect(within(form).getByText(/^Realized value/)).toHaveTextContent(
      "Realized value 6.0%, +1.2 pts against its base.",
    );
    await click(within(form).getByRole("button", { name: "Save changes" }));
    const [saved] = stored(storage).scenarios;
    expect(saved).toEqual({ ...PLAN_A, scores: [0.8, 0.6, 0.5, 0.5, 0.5] });
    expect(await screen.findByRole("checkbox", { name: "Plan A · 6.0%" })).toBeInTheDocument();
  });

  it("Cancel leaves the scenario as it was", async () => {
    const storage = seeded({ scenarios: [PLAN_A] });
    await show(new LocalPlanningStore(storage), scenarios);
    await click(screen.getByRole("button", { name: "Edit “Plan A”" }));
    const form = screen.getByRole("form", { name: "Edit scenario “Plan A”" });
    type(within(form).getByRole("textbox", { name: /^Name/ }), "Other");
    await click(within(form).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("form", { name: /^Edit scenario/ })).toBeNull();
    expect(stored(storage).scenarios).toEqual([PLAN_A]);
    expect(screen.getByRole("checkbox", { name: "Plan A · 4.8%" })).toBeInTheDocument();
  });

  it("deletes a scenario and Undo saves it again with the same id and content", async () => {
    const storage = seeded({ scenarios: [PLAN_A, PLAN_B] });
    await show(new LocalPlanningStore(storage), scenarios);
    await click(screen.getByRole("button", { name: "Delete “Plan A”" }));

    expect(stored(storage).scenarios).toEqual([PLAN_B]);
    expect(screen.queryByRole("checkbox", { name: /^Plan A/ })).toBeNull();
    const notice = screen.getByText("Deleted the scenario “Plan A”.").closest<HTMLElement>('[role="group"]')!;
    expect(notice).not.toBeNull();
    await click(within(notice).getByRole("button", { name: "Undo" }));

    // Back under its own id; a restored record goes to the end of the list.
    expect(stored(storage).scenarios).toEqual([PLAN_B, PLAN_A]);
    expect(await screen.findByRole("checkbox", { name: "Plan A · 4.8%" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Undo" })).toBeNull();
  });

  it("Undo is offered until the next write, then no longer", async () => {
    const storage = seeded({ scenarios: [PLAN_A, PLAN_B] });
    await show(new LocalPlanningStore(storage), scenarios);
    await click(screen.getByRole("button", { name: "Delete “Plan A”" }));
    expect(screen.getByRole("button", { name: "Undo" })).toBeInTheDocument();

    // The next action is a write: Plan B renamed.
    await click(screen.getByRole("button", { name: "Edit “Plan B”" }));
    type(
      within(screen.getByRole("form", { name: "Edit scenario “Plan B”" })).getByRole("textbox", { name: /^Name/ }),
      "Plan B, revised",
    );
    await click(screen.getByRole("button", { name: "Save changes" }));
    expect(stored(storage).scenarios).toEqual([{ ...PLAN_B, name: "Plan B, revised" }]);
    expect(screen.queryByRole("button", { name: "Undo" })).toBeNull();
    expect(screen.queryByText(/Deleted the scenario/)).toBeNull();
  });

  it("Dismiss closes the Undo offer and keeps the scenario deleted", async () => {
    const storage = seeded({ scenarios: [PLAN_A] });
    await show(new LocalPlanningStore(storage), scenarios);
    await click(screen.getByRole("button", { name: "Delete “Plan A”" }));
    await click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("button", { name: "Undo" })).toBeNull();
    expect(stored(storage).scenarios).toEqual([]);
    expect(screen.getByText("No scenarios saved yet.")).toBeInTheDocument();
  });
});

describe("Scenario names two scenarios share", () => {
  it("refuses a name another scenario of the workflow has, whatever the case and spaces", async () => {
    // The panel starts from typed scores, which belong to no workflow: so does this “Plan A”.
    const typedPlanA = { ...PLAN_A, workflow: "" };
    const storage = seeded({ scenarios: [typedPlanA] });
    await show(new LocalPlanningStore(storage), scenarios);
    const name = screen.getByRole("textbox", { name: "Scenario name" });
    type(name, "Plan B");
    expect(name).not.toHaveAccessibleDescription(/already called/);
    type(name, " plan a ");
    expect(name).toHaveAccessibleDescription(
      "Another scenario of this workflow is already called “plan a”. Choose a name that tells them apart.",
    );
    expect(name).toHaveAttribute("aria-invalid", "true");
    await click(screen.getByRole("button", { name: "Save scenario" }));
    expect(stored(storage).scenarios.map((s) => s.name)).toEqual(["Plan A"]);

    type(name, "Plan B");
    await click(screen.getByRole("button", { name: "Save scenario" }));
    expect(stored(storage).scenarios.map((s) => s.name)).toEqual(["Plan A", "Plan B"]);
    expect(name).toHaveValue("");
    expect(screen.getByText("Saved “Plan B”. It is listed under Saved scenarios, below.")).toBeInTheDocument();
  });

  it("a save that fails twice is saved once at the second Retry: the name cleared, and said", async () => {
    const storage = seeded({ scenarios: [] });
    const store = failingFirst(storage, "saveScenario", { times: 2 });
    await show(store, scenarios);
    const name = screen.getByRole("textbox", { name: "Scenario name" });
    const retry = () =>
      click(
        within(screen.getByRole("group", { name: "The scenario was not saved" })).getByRole("button", {
          name: "Retry",
        }),
      );

    type(name, "Plan B");
    await click(screen.getByRole("button", { name: "Save scenario" }));
    expect(name).toHaveValue("Plan B");
    // Retried as it was typed: saved, the field cleared, and said.
    await retry();
    await retry();
    expect(stored(storage).scenarios.map((s) => s.name)).toEqual(["Plan B"]);
    expect(name).toHaveValue("");
    expect(screen.getByText("Saved “Plan B”. It is listed under Saved scenarios, below.")).toBeInTheDocument();
  });

  it("a name typed between a failed save and its Retry stays in the field", async () => {
    const storage = seeded({ scenarios: [] });
    const store = failingFirst(storage, "saveScenario");
    await show(store, scenarios);
    const name = screen.getByRole("textbox", { name: "Scenario name" });
    type(name, "Plan B");
    await click(screen.getByRole("button", { name: "Save scenario" }));
    type(name, "Plan C");
    await click(
      within(screen.getByRole("group", { name: "The scenario was not saved" })).getByRole("button", { name: "Retry" }),
    );
    expect(stored(storage).scenarios.map((s) => s.name)).toEqual(["Plan B"]);
    expect(name).toHaveValue("Plan C");
    expect(screen.getByText("Saved “Plan B”. It is listed under Saved scenarios, below.")).toBeInTheDocument();
  });

  it("allows a name a scenario of another workflow has", async () => {
    const storage = seeded({ scenarios: [PLAN_A] });
    await show(new LocalPlanningStore(storage), scenarios);
    // The panel starts from typed scores, which belong to no workflow: “Plan A” of the workflow is no twin.
    const name = screen.getByRole("textbox", { name: "Scenario name" });
    type(name, "plan a");
    expect(name).not.toHaveAccessibleDescription(/already called/);
    await click(screen.getByRole("button", { name: "Save scenario" }));
    expect(stored(storage).scenarios.map((s) => [s.name, s.workflow])).toEqual([
      ["Plan A", WORKFLOW],
      ["plan a", ""],
    ]);
    // Allowed, so not warned about either: the two belong to different workflows.
    expect(screen.queryByText(/saved scenarios .* are called/)).toBeNull();
  });

  it("warns about two scenarios of one workflow that share a name, naming the workflow", async () => {
    // Written elsewhere (an older version, another copy of the workbook): the pane refuses such a save itself.
    const twin = { ...PLAN_B, name: " plan a" };
    const storage = seeded({ scenarios: [PLAN_A, twin, { ...PLAN_A, id: "typed-a", workflow: "" }] });
    await show(new LocalPlanningStore(storage), scenarios);
    const warnings = screen.getAllByText(/saved scenarios .* are called/);
    expect(warnings.map((w) => w.textContent)).toEqual([
      `Two saved scenarios of ${WORKFLOW} are called “Plan A”. Rename one with Edit so they can be told apart.`,
    ]);
    // Renamed, the warning goes.
    await click(screen.getByRole("button", { name: "Edit “ plan a”" }));
    const form = screen.getByRole("form", { name: "Edit scenario “ plan a”" });
    type(within(form).getByRole("textbox", { name: /^Name/ }), "Plan C");
    await click(within(form).getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(screen.queryByText(/saved scenarios .* are called/)).toBeNull());
  });

  it("warns in the edit form when the new name is another scenario's, not when it is its own", async () => {
    const storage = seeded({ scenarios: [PLAN_A, PLAN_B] });
    await show(new LocalPlanningStore(storage), scenarios);
    await click(screen.getByRole("button", { name: "Edit “Plan B”" }));
    const name = within(screen.getByRole("form", { name: "Edit scenario “Plan B”" })).getByRole("textbox", {
      name: /^Name/,
    });
    expect(name).not.toHaveAccessibleDescription(/already called/);
    type(name, "PLAN A");
    expect(name).toHaveAccessibleDescription(/^Another scenario of this workflow is already called “PLAN A”\./);
    expect(name).toHaveAttribute("aria-invalid", "true");
  });

  it("starts the target at the next band limit above the starting point, where the board report plans to", async () => {
    const storage = seeded({});
    await show(new LocalPlanningStore(storage), scenarios);
    const plan = planToNextBand([0.5, 0.5, 0.5, 0.5, 0.5]);
    expect(plan.status === "planned" && plan.target).toBeCloseTo(0.1, 12);
    const target = screen.getByRole("textbox", { name: "Target realized value" });
    expect(target).toHaveValue("10");
    expect(target).toHaveAccessibleDescription(/^The next band limit above the starting point/);
    type(target, "25");
    expect(target).toHaveValue("25");
    expect(target).not.toHaveAccessibleDescription(/next band limit/);
  });

  it("a plan saved twice is numbered, so the two can be told apart", async () => {
    const storage = seeded({});
    await show(new LocalPlanningStore(storage), scenarios);
    // Typed scores start at 50% each: realized 0.5^5 = 3.1%, so the target starts at the next band
    // limit above it, 1 − 0.9 = 10%.
    const savePlan = screen.getByRole("button", { name: "Save plan as scenario" });
    await click(savePlan);
    await waitFor(() => expect(stored(storage).scenarios).toHaveLength(1));
    await click(savePlan);
    await waitFor(() => expect(stored(storage).scenarios).toHaveLength(2));
    expect(stored(storage).scenarios.map((s) => s.name)).toEqual(["Plan to 10%", "Plan to 10% (2)"]);
    expect(screen.queryByText(/saved scenarios are called/)).toBeNull();
  });
});

describe("ROI rows: edit and delete with Undo", () => {
  it("Edit fills the form and names the row; saving replaces the row under its id", async () => {
    const storage = seeded({ roi: [ROW] });
    await show(new LocalPlanningStore(storage), roi);
    await click(screen.getByRole("button", { name: "Edit the ROI row “Invoice triage · Handling time”" }));
    const form = screen.getByRole("form", { name: "ROI row" });
    expect(within(form).getByTestId("roi-editing")).toHaveTextContent(
      "Editing the row “Invoice triage · Handling time”. Save ROI row replaces it; New row starts an empty one.",
    );
    const metric = within(form).getByRole("textbox", { name: /^Metric/ });
    expect(metric).toHaveValue("Handling time");
    expect(within(form).getByRole("combobox", { name: /^Workflow/ })).toHaveFocus();
    type(metric, "Time to resolve");
    type(within(form).getByRole("textbox", { name: "Build cost" }), "3100");
    await click(within(form).getByRole("button", { name: "Save ROI row" }));

    expect(stored(storage).roi).toEqual([{ ...ROW, metric: "Time to resolve", build: 3100 }]);
    expect(within(form).getByTestId("save-confirmation").textContent).toBe(
      `Saved the ROI row “Time to resolve” for ${WORKFLOW}. The form is clear for the next row of ${WORKFLOW}; Edit in the list above changes a saved row.`,
    );
    const rows = screen.getAllByTestId("roi-row");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent(`${WORKFLOW} · Time to resolve (hours)`);
  });

  it("New row asks before dropping typing that is not saved, and Keep it keeps every field", async () => {
    const storage = seeded({ roi: [ROW] });
    await show(new LocalPlanningStore(storage), roi);
    const form = screen.getByRole("form", { name: "ROI row" });
    const metric = within(form).getByRole("textbox", { name: /^Metric/ });
    // Nothing typed: a new row starts at once.
    await click(within(form).getByRole("button", { name: "New row" }));
    expect(screen.queryByRole("group", { name: /drop what is typed/ })).toBeNull();

    type(metric, "Errors per week");
    await click(within(form).getByRole("button", { name: "New row" }));
    const ask = screen.getByRole("group", { name: "Start a new row and drop what is typed here?" });
    expect(ask).toHaveTextContent("This row is not saved: Add ROI row saves it.");
    expect(within(ask).getByRole("button", { name: "Keep it" })).toHaveFocus();
    await click(within(ask).getByRole("button", { name: "Keep it" }));
    expect(metric).toHaveValue("Errors per week");
    type(metric, "");

    // Editing a saved row: unchanged, New row starts at once; changed, it asks, and dropping clears.
    await click(screen.getByRole("button", { name: "Edit the ROI row “Invoice triage · Handling time”" }));
    await click(within(form).getByRole("button", { name: "New row" }));
    expect(metric).toHaveValue("");
    await click(screen.getByRole("button", { name: "Edit the ROI row “Invoice triage · Handling time”" }));
    type(within(form).getByRole("textbox", { name: "Build cost" }), "3100");
    await click(within(form).getByRole("button", { name: "New row" }));
    const again = screen.getByRole("group", { name: "Start a new row and drop what is typed here?" });
    expect(again).toHaveTextContent("The changes to the row “Invoice triage · Handling time” are not saved.");
    await click(within(again).getByRole("button", { name: "Drop it and start a new row" }));
    expect(metric).toHaveValue("");
    expect(within(form).getByRole("textbox", { name: "Build cost" })).toHaveValue("");
    expect(stored(storage).roi).toEqual([ROW]);
  });

  it("Edit asks before dropping typing that is not saved, then opens the row", async () => {
    const storage = seeded({ roi: [ROW] });
    await show(new LocalPlanningStore(storage), roi);
    const form = screen.getByRole("form", { name: "ROI row" });
    const metric = within(form).getByRole("textbox", { name: /^Metric/ });
    type(metric, "Errors per week");
    const editRow = () => screen.getByRole("button", { name: "Edit the ROI row “Invoice triage · Handling time”" });
    await click(editRow());
    const ask = screen.getByRole("group", {
      name: "Open the row “Invoice triage · Handling time” and drop what is typed here?",
    });
    await click(within(ask).getByRole("button", { name: "Keep it" }));
    expect(metric).toHaveValue("Errors per week");
    await click(editRow());
    await click(screen.getByRole("button", { name: "Drop it and open that row" }));
    expect(metric).toHaveValue("Handling time");
    expect(within(form).getByTestId("roi-editing")).toHaveTextContent(
      "Editing the row “Invoice triage · Handling time”.",
    );
  });

  it("Delete removes the row, and the form no longer edits it; Undo brings it back unchanged", async () => {
    const storage = seeded({ roi: [ROW] });
    await show(new LocalPlanningStore(storage), roi);
    await click(screen.getByRole("button", { name: "Edit the ROI row “Invoice triage · Handling time”" }));
    await click(screen.getByRole("button", { name: "Delete the ROI row “Invoice triage · Handling time”" }));

    expect(stored(storage).roi).toEqual([]);
    expect(screen.queryByTestId("roi-row")).toBeNull();
    const form = screen.getByRole("form", { name: "ROI row" });
    expect(within(form).getByRole("textbox", { name: /^Metric/ })).toHaveValue("");
    expect(within(form).getByRole("button", { name: "Add ROI row" })).toBeInTheDocument();
    expect(screen.getByText("Deleted the ROI row “Invoice triage · Handling time”.")).toBeInTheDocument();

    await click(screen.getByRole("button", { name: "Undo" }));
    expect(stored(storage).roi).toEqual([ROW]);
    expect(await screen.findByTestId("roi-row")).toHaveTextContent(`${WORKFLOW} · Handling time (hours)`);
    expect(screen.queryByRole("button", { name: "Undo" })).toBeNull();
  });
});

/** A store holding one roadmap of WORKFLOW from 2024-02-01, as the pane generates it. */
async function withRoadmap(): Promise<{ storage: MemoryStorage; sheet: string }> {
  const storage = seeded({});
  const sheet = await new LocalPlanningStore(storage).createRoadmap(WORKFLOW, "2024-02-01");
  return { storage, sheet };
}

const task = (id: string) => screen.getByTestId(`task-${id}`);
const fieldsOf = (id: string) => {
  const item = within(task(id));
  return {
    owner: item.getByRole("textbox", { name: "Owner" }),
    status: item.getByRole("combobox", { name: "Status" }),
    done: item.getByLabelText("Done on"),
  };
};

describe("Roadmap tasks from the store", () => {
  it("shows a saved roadmap's tasks after a fresh render, with no click: due dates, owners, statuses", async () => {
    const { storage } = await withRoadmap();
    await show(new LocalPlanningStore(storage), roadmap);
    expect(screen.getByRole("combobox", { name: "Workflow" })).toHaveValue(WORKFLOW);
    expect(screen.getByRole("status")).toHaveTextContent(
      `${WORKFLOW} has a roadmap starting 2024-02-01: 0 of 15 tasks done. Set owners, statuses and done dates below.`,
    );
    // Day 24 of a roadmap from 1 February 2024; day 30 is 1 March (2024 is a leap year).
    expect(task("foundation.baseline")).toHaveTextContent(/^2024-02-24: Measure the workflow/);
    expect(task("foundation.owner")).toHaveTextContent(/^2024-03-01: /);
    expect(screen.getAllByRole("textbox", { name: "Owner" })).toHaveLength(ROADMAP_TASKS.length);
    const owner = fieldsOf("foundation.owner");
    expect([owner.owner, owner.status, owner.done].map((f) => (f as HTMLInputElement).value)).toEqual([
      "",
      "Not started",
      "",
    ]);
    // Generating again is not offered while the roadmap exists; regenerating and deleting are.
    expect(screen.queryByRole("button", { name: "Generate roadmap" })).toBeNull();
    expect(screen.getByRole("button", { name: "Regenerate roadmap…" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Delete roadmap…" })).toBeInTheDocument();
  });

  it("says where the 90 days stand and marks the overdue tasks, as the board report counts them", async () => {
    const today = "2026-02-14";
    const storage = seeded({ roadmaps: [CLAIMS_ROADMAP] });
    await show(new LocalPlanningStore(storage), (planning) => (
      <RoadmapPanel planning={planning} responses={[]} workflow="Claims" today={today} />
    ));
    // Day 41 of a roadmap from 2026-01-05. Due before 02-14: days 6, 12, 18, 24, 30 and 36; the first
    // two are done, so four are overdue.
    const status = roadmapStatus(CLAIMS_ROADMAP, today);
    expect(status.overdue.map((t) => t.dueDate)).toEqual(["2026-01-22", "2026-01-28", "2026-02-03", "2026-02-09"]);
    const marked = ROADMAP_TASKS.filter((t) => within(task(t.id)).queryByText("Overdue.") !== null);
    expect(marked.map((t) => t.id)).toEqual(status.overdue.map((t) => t.id));
    // Each mark has the warning icon, not colour alone.
    expect(within(task(marked[0].id)).getByText("Overdue.").querySelector("svg")).not.toBeNull();
    const timing = screen.getByTestId("roadmap-timing").textContent;
    expect(timing).toBe(`${roadmapTiming(status)} 4 tasks overdue: due before today and not done, marked below.`);
    expect(roadmapTiming(status)).toBe(
      "Started 2026-01-05, ends 2026-04-04. Today is day 41 of 90, in Workflow Integration.",
    );

    // The board report of the same day says the same of the same roadmap.
    const report = renderInPane(
      <BoardReport
        report={boardReport({
          workflow: "Claims",
          responses: [],
          roi: [],
          maturity: [],
          roadmaps: [CLAIMS_ROADMAP],
          today,
        })}
        today={today}
        titleId="report-title"
      />,
    );
    const section = within(report.container).getByRole("region", { name: "90-day roadmap" });
    expect(within(section).getByText(/^Started /).textContent).toBe(roadmapTiming(status));
    expect(within(section).getByText(/overdue:$/).textContent).toBe("4 tasks overdue:");
  });

  it("saves owners, statuses and done dates together; they survive a re-render from the store", async () => {
    const { storage, sheet } = await withRoadmap();
    const first = await show(new LocalPlanningStore(storage), roadmap);
    const owner = fieldsOf("foundation.owner");
    type(owner.owner, "  Dana Ruiz ");
    type(owner.status, "In progress");
    const baseline = fieldsOf("foundation.baseline");
    type(baseline.owner, "Sam");
    type(baseline.status, "Done");
    type(baseline.done, "2024-02-20");
    const bar = screen.getByRole("region", { name: "Unsaved task changes" });
    expect(bar).toHaveTextContent("2 tasks changed, not saved yet.");
    // Nothing is written before Save.
    expect(stored(storage).roadmaps[0].tasks.every((t) => t.owner === "" && t.status === "Not started")).toBe(true);
    await click(within(bar).getByRole("button", { name: "Save task changes" }));
    // The bar gives way to what was saved, where the user pressed Save.
    expect(screen.queryByRole("region", { name: "Unsaved task changes" })).toBeNull();
    expect(screen.getByTestId("save-confirmation")).toHaveTextContent("Saved the changes to 2 tasks.");

    const saved = stored(storage).roadmaps[0];
    expect(saved.sheetName).toBe(sheet);
    const byId = new Map(saved.tasks.map((t) => [t.id, t]));
    expect(byId.get("foundation.owner")).toEqual({
      id: "foundation.owner",
      owner: "Dana Ruiz",
      status: "In progress",
      doneDate: "",
    });
    expect(byId.get("foundation.baseline")).toEqual({
      id: "foundation.baseline",
      owner: "Sam",
      status: "Done",
      doneDate: "2024-02-20",
    });
    expect(saved.tasks.filter((t) => t.owner !== "" || t.status !== "Not started")).toHaveLength(2);
    expect(screen.queryByRole("region", { name: "Unsaved task changes" })).toBeNull();

    // A new pane over the same storage: the values come from the store's record.
    first.unmount();
    await show(new LocalPlanningStore(storage), roadmap);
    const again = fieldsOf("foundation.owner");
    expect(again.owner).toHaveValue("Dana Ruiz");
    expect(again.status).toHaveValue("In progress");
    const done = fieldsOf("foundation.baseline");
    expect([done.owner, done.status, done.done].map((f) => (f as HTMLInputElement).value)).toEqual([
      "Sam",
      "Done",
      "2024-02-20",
    ]);
    expect(screen.getByRole("status")).toHaveTextContent("1 of 15 tasks done.");
  });

  it("Done fills in today's date when none is set; leaving Done clears it; Discard restores the store's values", async () => {
    const { storage } = await withRoadmap();
    await show(new LocalPlanningStore(storage), roadmap);
    const fields = fieldsOf("integration.embed");
    const local = (d: Date) =>
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    // The date before and after the change: a run across midnight still passes.
    const before = local(new Date());
    type(fields.status, "Done");
    const after = local(new Date());
    expect([before, after]).toContain((fields.done as HTMLInputElement).value);
    type(fields.status, "Blocked");
    expect(fields.done).toHaveValue("");
    type(fields.owner, "Lee");
    await click(screen.getByRole("button", { name: "Discard" }));
    const reset = fieldsOf("integration.embed");
    expect([reset.owner, reset.status, reset.done].map((f) => (f as HTMLInputElement).value)).toEqual([
      "",
      "Not started",
      "",
    ]);
    expect(screen.queryByRole("region", { name: "Unsaved task changes" })).toBeNull();
    expect(stored(storage).roadmaps[0].tasks.every((t) => t.owner === "" && t.status === "Not started")).toBe(true);
  });

  it("a failed save reports with Retry and keeps what was typed; Retry saves it and says so", async () => {
    const { storage } = await withRoadmap();
    const store = failingFirst(storage, "saveRoadmapTasks");
    await show(store, roadmap);
    type(fieldsOf("foundation.owner").owner, "Dana");
    await click(screen.getByRole("button", { name: "Save task changes" }));
    const error = screen.getByRole("group", { name: "The task changes were not saved" });
    expect(error).toHaveTextContent("The workbook is busy.");
    expect(fieldsOf("foundation.owner").owner).toHaveValue("Dana");
    expect(stored(storage).roadmaps[0].tasks.find((t) => t.id === "foundation.owner")!.owner).toBe("");

    expect(screen.queryByTestId("save-confirmation")).toBeNull();

    await click(within(error).getByRole("button", { name: "Retry" }));
    expect(stored(storage).roadmaps[0].tasks.find((t) => t.id === "foundation.owner")!.owner).toBe("Dana");
    expect(screen.queryByRole("group", { name: "The task changes were not saved" })).toBeNull();
    expect(screen.queryByRole("region", { name: "Unsaved task changes" })).toBeNull();
    // A retried save is confirmed as a first one is.
    expect(screen.getByTestId("save-confirmation")).toHaveTextContent("Saved the changes to 1 task.");
  });
});

describe("Regenerating and deleting a roadmap", () => {
  async function withFilledRoadmap() {
    const { storage, sheet } = await withRoadmap();
    await new LocalPlanningStore(storage).saveRoadmapTasks(sheet, [
      { id: "foundation.owner", owner: "Dana", status: "In progress", doneDate: "" },
      { id: "foundation.outcome", owner: "", status: "Done", doneDate: "2024-02-05" },
    ]);
    return { storage, sheet };
  }

  it("Regenerate asks first, saying what is lost; keeping the roadmap changes nothing", async () => {
    const { storage } = await withFilledRoadmap();
    const before = stored(storage);
    await show(new LocalPlanningStore(storage), roadmap);
    await click(screen.getByRole("button", { name: "Regenerate roadmap…" }));
    const dialog = screen.getByRole("group", { name: `Regenerate the roadmap for ${WORKFLOW}?` });
    expect(dialog).toHaveAccessibleDescription(
      "A new roadmap replaces the one that starts 2024-02-01. All 15 tasks start again as Not started, with no owner and no done date. What is filled in on 2 tasks (owner, status or done date) is lost.",
    );
    expect(within(dialog).getByLabelText("Start date of the new roadmap")).toHaveValue("2024-02-01");
    // The safe choice has the focus; choosing it gives the focus back to the button that asked.
    const keep = within(dialog).getByRole("button", { name: "Keep it" });
    expect(keep).toHaveFocus();
    await click(keep);
    expect(screen.queryByRole("group", { name: /^Regenerate the roadmap/ })).toBeNull();
    expect(screen.getByRole("button", { name: "Regenerate roadmap…" })).toHaveFocus();
    expect(stored(storage)).toEqual(before);
    expect(fieldsOf("foundation.owner").owner).toHaveValue("Dana");
  });

  it("Escape keeps the roadmap too", async () => {
    const { storage } = await withFilledRoadmap();
    const before = stored(storage);
    await show(new LocalPlanningStore(storage), roadmap);
    await click(screen.getByRole("button", { name: "Delete roadmap…" }));
    const question = screen.getByRole("group", { name: `Delete the roadmap for ${WORKFLOW}?` });
    await act(async () =>
      fireEvent.keyDown(within(question).getByRole("button", { name: "Delete roadmap" }), { key: "Escape" }),
    );
    expect(screen.queryByRole("group", { name: /^Delete the roadmap/ })).toBeNull();
    expect(screen.getByRole("button", { name: "Delete roadmap…" })).toHaveFocus();
    expect(stored(storage)).toEqual(before);
  });

  it("Regenerate from a new start date: one roadmap, every task reset, due dates from the new start", async () => {
    const { storage } = await withFilledRoadmap();
    await show(new LocalPlanningStore(storage), roadmap);
    await click(screen.getByRole("button", { name: "Regenerate roadmap…" }));
    const dialog = screen.getByRole("group", { name: `Regenerate the roadmap for ${WORKFLOW}?` });
    type(within(dialog).getByLabelText("Start date of the new roadmap"), "2024-03-01");
    await click(within(dialog).getByRole("button", { name: "Regenerate" }));

    const { roadmaps } = stored(storage);
    expect(roadmaps).toHaveLength(1);
    expect(roadmaps[0]).toMatchObject({ workflow: WORKFLOW, startDate: "2024-03-01" });
    expect(roadmaps[0].tasks).toEqual(
      ROADMAP_TASKS.map((t) => ({ id: t.id, owner: "", status: "Not started", doneDate: "" })),
    );
    // Day 24 from 1 March 2024 is 24 March; day 30 is 30 March.
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(/has a roadmap starting 2024-03-01/));
    expect(task("foundation.baseline")).toHaveTextContent(/^2024-03-24: /);
    expect(task("foundation.owner")).toHaveTextContent(/^2024-03-30: /);
    expect(fieldsOf("foundation.owner").owner).toHaveValue("");
    expect(screen.getByTestId("save-confirmation")).toHaveTextContent(
      `Generated the roadmap of ${WORKFLOW} again, starting 2024-03-01: every task starts open.`,
    );
  });

  it("when the new roadmap cannot be created, the pane says the old one is gone, and Retry creates it", async () => {
    const { storage } = await withFilledRoadmap();
    const store = failingFirst(storage, "createRoadmap", { message: "Excel could not add the sheet" });
    await show(store, roadmap);
    await click(screen.getByRole("button", { name: "Regenerate roadmap…" }));
    await click(screen.getByRole("button", { name: "Regenerate" }));

    const error = screen.getByRole("group", { name: "The roadmap was not regenerated" });
    expect(error).toHaveTextContent(
      "The old roadmap is deleted, but the new one could not be created: Excel could not add the sheet. Retry creates it.",
    );
    expect(stored(storage).roadmaps).toEqual([]);
    expect(screen.queryByTestId("save-confirmation")).toBeNull();
    // The pane no longer shows the deleted roadmap: only the preview of a new one, with no task fields.
    expect(screen.queryByRole("textbox", { name: "Owner" })).toBeNull();
    expect(screen.getByText(/^The due dates from this start date\. Generate the roadmap/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Generate roadmap" })).toBeInTheDocument();

    await click(within(error).getByRole("button", { name: "Retry" }));
    const { roadmaps } = stored(storage);
    expect(roadmaps).toHaveLength(1);
    expect(roadmaps[0]).toMatchObject({ workflow: WORKFLOW, startDate: "2024-02-01" });
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(/has a roadmap starting 2024-02-01/));
    expect(screen.getByTestId("save-confirmation")).toHaveTextContent(
      `Generated the roadmap of ${WORKFLOW} again, starting 2024-02-01: every task starts open.`,
    );
  });

  it("Delete asks first; once confirmed the roadmap is gone and a new one can be generated", async () => {
    const { storage } = await withFilledRoadmap();
    await show(new LocalPlanningStore(storage), roadmapPanel(WORKFLOW));
    await click(screen.getByRole("button", { name: "Delete roadmap…" }));
    const dialog = screen.getByRole("group", { name: `Delete the roadmap for ${WORKFLOW}?` });
    expect(dialog).toHaveAccessibleDescription(
      "The roadmap that starts 2024-02-01 is deleted with its 15 tasks. What is filled in on 2 tasks (owner, status or done date) is lost. This cannot be undone.",
    );
    await click(within(dialog).getByRole("button", { name: "Delete roadmap" }));

    expect(stored(storage).roadmaps).toEqual([]);
    expect(screen.queryByRole("group", { name: /^Delete the roadmap/ })).toBeNull();
    expect(screen.queryByRole("textbox", { name: "Owner" })).toBeNull();
    expect(screen.getByText(/^The due dates from this start date\. Generate the roadmap/)).toBeInTheDocument();
    expect(screen.getByTestId("save-confirmation")).toHaveTextContent(`Deleted the roadmap of ${WORKFLOW}.`);
    // The workflow typed on the Assessment tab stays listed, and gets a new roadmap.
    type(screen.getByLabelText("Start date"), "2024-05-01");
    await click(screen.getByRole("button", { name: "Generate roadmap" }));
    expect(stored(storage).roadmaps).toHaveLength(1);
    expect(screen.getByTestId("save-confirmation")).toHaveTextContent(
      `Generated the roadmap of ${WORKFLOW}, starting 2024-05-01.`,
    );
    // Generate roadmap is gone with the click; the focus is on what it did, not lost to the page.
    expect(screen.queryByRole("button", { name: "Generate roadmap" })).toBeNull();
    expect(screen.getByTestId("save-confirmation")).toHaveFocus();
  });
});

describe("Portfolio: the ROI verdict", () => {
  it("names the cautions that flag a workflow's ROI, each once, and says where each is explained", async () => {
    // One row with no costs, one observed for 3 of 12 periods; a third workflow's row is clean.
    const storage = seeded({
      roi: [
        { ...ROW, build: null, integrate: null, govern: null, maintain: null },
        { ...ROW, id: "roi-2", metric: "Errors", periods: 3 },
        {
          ...ROW,
          id: "roi-3",
          metric: "Errors",
          periods: 3,
          build: null,
          integrate: null,
          govern: null,
          maintain: null,
        },
        { ...ROW, id: "roi-4", workflow: "Claims" },
      ],
    });
    await show(new LocalPlanningStore(storage), roadmap);
    const table = screen.getByRole("table", { name: "Portfolio" });
    const cellOf = (workflow: string) =>
      within(within(table).getByRole("row", { name: new RegExp(`^${workflow}`) })).getAllByRole("cell")[3];
    expect(cellOf(WORKFLOW)).toHaveTextContent(/· flagged: no costs, part of horizon observed$/);
    expect(cellOf("Claims")).toHaveTextContent(/· defensible$/);
    expect(
      screen.getByText(/^ROI is defensible when none of the workflow's ROI rows carries a caution/),
    ).toBeInTheDocument();
  });
});

describe("Maturity stage", () => {
  it("says beside the button what was saved", async () => {
    const storage = seeded({});
    await show(new LocalPlanningStore(storage), roadmapPanel(WORKFLOW));
    expect(screen.queryByTestId("save-confirmation")).toBeNull();
    // Nothing saved yet: the select starts at 1, and a line says the Portfolio's "–" is not a stage.
    expect(screen.getByTestId("no-stage-saved")).toHaveTextContent(
      `No stage saved for ${WORKFLOW} yet: the Portfolio shows “–” until you pick one and save it.`,
    );
    await click(screen.getByRole("button", { name: "Save stage" }));
    expect(stored(storage).maturity).toEqual([{ workflow: WORKFLOW, stage: 1, target: DEFAULT_TARGET_STAGE }]);
    expect(screen.queryByTestId("no-stage-saved")).toBeNull();
    expect(screen.getByTestId("save-confirmation")).toHaveTextContent(
      `Saved stage 1 for ${WORKFLOW}, with stage ${DEFAULT_TARGET_STAGE} as its target.`,
    );
  });
});
