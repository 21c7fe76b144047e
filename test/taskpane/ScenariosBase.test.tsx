// The Scenarios panel stays mounted while another round is saved on the Assessment tab. Its base
// (the "Start from" label, the base scores and the editor's scores) must then follow the new
// round together, so a scenario saved afterwards records the base it was measured against.
import { act, configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { STATEMENTS } from "../../src/model";
import { App } from "../../src/taskpane/App";
// Loaded up front, so the pane's lazy import of the panel resolves at once rather than after
// ts-jest has compiled it during the first test.
import "../../src/taskpane/planning/ScenariosPanel";
import { LocalPlanningStore } from "../../src/workbook/local-planning";
import { LocalStore, type KeyValueStorage } from "../../src/workbook/local-store";
import { PLANNING_KEY } from "../../src/workbook/planning-store";
import { DRAFT_KEY, RESPONSES_KEY } from "../../src/workbook/store";
import { respond } from "../model/respond";
import { renderInPane } from "./render";

// As in planning.test.tsx: role queries skip the per-element visibility walk, which is slow
// under jsdom; queries are scoped to the open panel instead.
configure({ defaultHidden: true });
// Each test renders the whole pane and saves a response through it; on a busy 2-core machine that
// has taken close to the 30 s set in setup.ts. The limit bounds a test; nothing here waits on time.
jest.setTimeout(120_000);

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
const FIELDS = ["Strategy %", "Workflow %", "Oversight %", "Measurement %", "Adoption %"];

// Round 1, 2026-03-15, Ana: Strategy 4,4,4 → 0.8; Workflow 3,3,3 → 0.6; Oversight 2,3,2 → 7/15;
// Measurement 2,2,2 → 0.4; Adoption 3,3,2 → 8/15. Realized 0.047786… → "4.8%".
const ROUND_1 = respond([4, 3, [2, 3, 2], 2, [3, 3, 2]], {
  id: "ana",
  workflow: WORKFLOW,
  respondent: "Ana",
  date: "2026-03-15",
});
const LABEL_1 = `${WORKFLOW}, 2026-03-15 (team mean)`;
const SCORES_1 = [0.8, 0.6, 7 / 15, 0.4, 8 / 15];
// Round 2, 2026-04-20, Ben, typed into the form: 4,4,4 | 4,4,4 | 3,3,3 | 3,3,3 | 4,4,4
// → 0.8, 0.8, 0.6, 0.6, 0.8. Realized 0.8³ × 0.6² = 0.512 × 0.36 = 0.18432 → "18.4%".
const ROUND_2_ANSWERS = [4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 4, 4, 4];
const LABEL_2 = `${WORKFLOW}, 2026-04-20 (team mean)`;
const SCORES_2 = [0.8, 0.8, 0.6, 0.6, 0.8];

const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });
const planning = (storage: MemoryStorage) => storage.getItem(PLANNING_KEY);

function panel(id: string): HTMLElement {
  const element = document.getElementById(`panel-${id}`);
  if (!element) throw new Error(`The ${id} panel is not open.`);
  return element;
}
const scenarios = () => within(panel("scenarios"));
const fieldTexts = () => FIELDS.map((name) => (scenarios().getByRole("textbox", { name }) as HTMLInputElement).value);

async function openScenariosOnRound1(draft = draftOf(WORKFLOW, "Ben", "2026-04-20", ROUND_2_ANSWERS)) {
  const storage = new MemoryStorage();
  storage.setItem(RESPONSES_KEY, JSON.stringify([ROUND_1]));
  storage.setItem(DRAFT_KEY, JSON.stringify(draft));
  renderInPane(
    <App office={PREVIEW} store={new LocalStore(storage)} planningStore={new LocalPlanningStore(storage)} />,
    { withErrorBar: false },
  );
  await screen.findByRole("form", { name: "Assessment" });
  await act(async () => {});
  await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Scenarios" })));
  const base = await scenarios().findByRole("combobox", { name: "Start from" });
  fireEvent.change(base, { target: { value: `saved:${WORKFLOW}` } });
  expect(base).toHaveDisplayValue(LABEL_1);
  expect(base).toHaveAccessibleDescription(
    `${WORKFLOW}: the latest round, 2026-03-15, as the mean of 1 complete response.`,
  );
  expect(fieldTexts()).toEqual(["80", "60", "46.7", "40", "53.3"]);
  expect(SCORES_1.map((s) => String(Math.round(s * 1000) / 10))).toEqual(fieldTexts());
  expect(scenarios().getByTestId("scenario-realized")).toHaveTextContent("4.8%");
  return { storage, base };
}

/**
 * The next respondent's draft, restored when the pane starts: every answer but the last, so the
 * draft is not yet a base of its own. Answering the last statement on the Assessment tab and
 * saving makes it a saved response (15 clicks through the form cost too long in jsdom).
 */
function draftOf(workflow: string, respondent: string, date: string, answers: readonly number[]) {
  return {
    workflow,
    respondent,
    date,
    answers: Object.fromEntries(STATEMENTS.slice(0, -1).map((statement, i) => [statement.id, answers[i]])),
  };
}

/** Answers the last statement as the draft's answers say, saves the response and returns to Scenarios. */
async function finishAndSaveDraft(last: number, saved: string) {
  await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Assessment" })));
  const form = within(panel("assessment"));
  const group = await form.findByRole("radiogroup", { name: `15. ${STATEMENTS[14].text}` });
  fireEvent.click(within(group).getByRole("radio", { name: String(last) }));
  expect(form.getByText("15 of 15 answered")).toBeInTheDocument();
  await act(async () => fireEvent.click(form.getByRole("button", { name: "Save response" })));
  // The confirmation goes on to say what comes next.
  await screen.findByText((text) => text.startsWith(saved));
  await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Scenarios" })));
}

/** Saves round 2 on the Assessment tab, as Ben on 2026-04-20, then returns to Scenarios. */
const saveRound2 = () => finishAndSaveDraft(ROUND_2_ANSWERS[14], `Saved Ben's response for ${WORKFLOW}.`);

async function saveScenario(storage: MemoryStorage, name: string) {
  type(scenarios().getByRole("textbox", { name: "Scenario name" }), name);
  await act(async () => fireEvent.click(scenarios().getByRole("button", { name: "Save scenario" })));
  await waitFor(() => expect(planning(storage)).not.toBeNull());
  return JSON.parse(planning(storage)!).scenarios.find((s: { name: string }) => s.name === name);
}

describe("Scenarios after a new round of the chosen workflow", () => {
  it("starts from the new round: label, fields, realized value and the saved base agree", async () => {
    const { storage, base } = await openScenariosOnRound1();
    await saveRound2();

    expect(base).toHaveDisplayValue(LABEL_2);
    expect(base).toHaveAccessibleDescription(
      `${WORKFLOW}: the latest round, 2026-04-20, as the mean of 1 complete response.`,
    );
    expect(fieldTexts()).toEqual(["80", "80", "60", "60", "80"]);
    expect(0.8 ** 3 * 0.6 ** 2).toBeCloseTo(0.18432, 12);
    expect(scenarios().getByTestId("scenario-realized")).toHaveTextContent("18.4%");
    expect(scenarios().getByTestId("scenario-change")).toHaveTextContent("+0.0 pts");
    const note = scenarios().getByText(/^Base updated/);
    expect(note).toHaveTextContent(`Base updated to “${LABEL_2}” (was “${LABEL_1}”). Every layer now starts from it.`);
    expect(note.closest('[role="group"]')).not.toBeNull();

    const saved = await saveScenario(storage, "After April");
    expect(saved.baseLabel).toBe(LABEL_2);
    expect(saved.baseScores).toEqual(SCORES_2.map((v) => expect.closeTo(v, 12)));
    expect(saved.scores).toEqual(SCORES_2.map((v) => expect.closeTo(v, 12)));
  });

  it("keeps a layer the user changed, moves the others to the new round, and can discard the change", async () => {
    const { storage } = await openScenariosOnRound1();
    type(scenarios().getByRole("textbox", { name: "Oversight %" }), "70");
    await saveRound2();

    // Oversight keeps the typed 70; the four untouched layers take round 2's scores.
    expect(fieldTexts()).toEqual(["80", "80", "70", "60", "80"]);
    // 0.8 × 0.8 × 0.7 × 0.6 × 0.8 = 0.21504 → "21.5%"; against round 2's 0.18432: +3.072 → "+3.1 pts".
    expect(scenarios().getByTestId("scenario-realized")).toHaveTextContent("21.5%");
    expect(scenarios().getByTestId("scenario-change")).toHaveTextContent("+3.1 pts");
    expect(scenarios().getByText(/^Base updated/)).toHaveTextContent(
      `Base updated to “${LABEL_2}” (was “${LABEL_1}”). Your change to Human Oversight was kept; the other layers now start from it.`,
    );

    const saved = await saveScenario(storage, "Oversight to 70%");
    expect(saved.baseLabel).toBe(LABEL_2);
    expect(saved.baseScores).toEqual(SCORES_2.map((v) => expect.closeTo(v, 12)));
    expect(saved.scores).toEqual([0.8, 0.8, 0.7, 0.6, 0.8].map((v) => expect.closeTo(v, 12)));

    fireEvent.click(scenarios().getByRole("button", { name: "Discard my changes" }));
    expect(fieldTexts()).toEqual(["80", "80", "60", "60", "80"]);
    expect(scenarios().getByTestId("scenario-realized")).toHaveTextContent("18.4%");
    expect(scenarios().queryByText(/^Base updated/)).toBeNull();
  });

  it("keeps a half-typed invalid score as typed, with its message", async () => {
    await openScenariosOnRound1();
    type(scenarios().getByRole("textbox", { name: "Measurement %" }), "abc");
    await saveRound2();
    expect(fieldTexts()).toEqual(["80", "80", "60", "abc", "80"]);
    expect(scenarios().getByRole("textbox", { name: "Measurement %" })).toHaveAccessibleDescription(
      "Enter a number, not “abc”.",
    );
    expect(scenarios().getByRole("button", { name: "Save scenario" })).toBeDisabled();
  });

  it("a base chosen again from the list starts over, with no note", async () => {
    const { base } = await openScenariosOnRound1();
    type(scenarios().getByRole("textbox", { name: "Oversight %" }), "70");
    await saveRound2();
    fireEvent.change(base, { target: { value: "typed" } });
    fireEvent.change(base, { target: { value: `saved:${WORKFLOW}` } });
    expect(base).toHaveDisplayValue(LABEL_2);
    expect(fieldTexts()).toEqual(["80", "80", "60", "60", "80"]);
    expect(scenarios().queryByText(/^Base updated/)).toBeNull();
  });

  it("leaves a base that did not change alone: another workflow's new round moves nothing", async () => {
    const { base } = await openScenariosOnRound1(draftOf("Claims", "", "2026-04-20", Array(15).fill(5)));
    type(scenarios().getByRole("textbox", { name: "Oversight %" }), "70");
    await finishAndSaveDraft(5, "Saved the response for Claims.");
    expect(base).toHaveDisplayValue(LABEL_1);
    expect(fieldTexts()).toEqual(["80", "60", "70", "40", "53.3"]);
    expect(scenarios().queryByText(/^Base updated/)).toBeNull();
  });
});
