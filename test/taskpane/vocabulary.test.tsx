// The tornado's step in the Scenarios tab speaks the glossary's words: a step in pts, and a title
// that names the lift, as the sheet it writes does.
import { act, configure, fireEvent, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import "../../src/taskpane/planning/ScenariosPanel";
import { tornadoSwings } from "../../src/model/sensitivity";
import { LocalPlanningStore } from "../../src/workbook/local-planning";
import { LocalStore, type KeyValueStorage } from "../../src/workbook/local-store";
import { RESPONSES_KEY } from "../../src/workbook/store";
import { respond } from "../model/respond";
import { renderInPane } from "./render";

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

type Rows = readonly { label: string; down: number; up: number }[];

/** The browser's planning store with Excel's tornado, which records what it was asked to write. */
class TornadoStore extends LocalPlanningStore {
  readonly tornadoes: { title: string; rows: Rows }[] = [];
  readonly grids: { rowLayer: number; columnLayer: number }[] = [];
  /** Set to make the next insert fail, as Excel would. */
  failNext: Error | null = null;
  async insertTornado(title: string, rows: Rows): Promise<string> {
    if (this.failNext) throw this.failNext;
    this.tornadoes.push({ title, rows });
    return "AGAP Tornado";
  }
  async insertGrid(_scores: readonly number[], rowLayer: number, columnLayer: number): Promise<string> {
    this.grids.push({ rowLayer, columnLayer });
    return "AGAP Grid (2)";
  }
}

// Scores 0.8, 0.6, 0.6, 0.4, 0.6 (answers 4, 3, 3, 2, 3 on every statement of each layer).
const SCORES = [0.8, 0.6, 0.6, 0.4, 0.6];
const RESPONSE = respond([4, 3, 3, 2, 3], { id: "r1", workflow: "Claims", respondent: "Cy", date: "2026-02-01" });

async function openScenarios(): Promise<TornadoStore> {
  const storage = new MemoryStorage();
  storage.setItem(RESPONSES_KEY, JSON.stringify([RESPONSE]));
  const planningStore = new TornadoStore(storage);
  renderInPane(
    <App office={{ host: null, reason: "test" }} store={new LocalStore(storage)} planningStore={planningStore} />,
    { withErrorBar: false },
  );
  await screen.findByRole("form", { name: "Assessment" });
  await act(async () => {});
  await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Scenarios" })));
  await screen.findByRole("combobox", { name: "Start from" });
  return planningStore;
}

const fieldOf = (control: HTMLElement) => control.closest(".fui-Field") as HTMLElement;
const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });

describe("Scenarios: the tornado's step", () => {
  it.each([
    ["10%", "This is in points of a layer score (pts), not a percentage: type it without “%”."],
    ["0", "Must be above 0 pts."],
    ["150", "Must be at most 100 pts."],
    ["-5 pts", "Must be above 0 pts."],
  ])("“%s” is refused in pts: %s; no tornado is drawn or written", async (typed, message) => {
    const store = await openScenarios();
    const step = screen.getByRole("textbox", { name: "Step" });
    type(step, typed);
    expect(step).toHaveValue(typed);
    expect(fieldOf(step)).toHaveTextContent(message);
    expect(screen.queryByRole("button", { name: "Insert tornado chart in Excel" })).toBeNull();
    expect(store.tornadoes).toHaveLength(0);
  });

  it("reads “0.5” as half a point and says how to type 50 pts", async () => {
    await openScenarios();
    const step = screen.getByRole("textbox", { name: "Step" });
    type(step, "0.5");
    expect(fieldOf(step)).toHaveTextContent("Read as 0.5 pts. For 50 pts, type 50.");
    expect(fieldOf(step).textContent).not.toContain("%");
  });

  it("is a step in pts, explained in answer steps, with no “score points” and no % after it", async () => {
    await openScenarios();
    const step = screen.getByRole("textbox", { name: "Step" });
    expect(step).toHaveValue("10");
    expect(step).toHaveAccessibleDescription(
      "Each layer score moves down and up by this many pts; one answer step is 20 pts.",
    );
    const field = fieldOf(step);
    expect(field).toHaveTextContent(/pts/);
    expect(field.textContent).not.toContain("%");
    expect(document.body.textContent).not.toMatch(/score points/);
  });

  it.each([
    ["5", 0.05, "Lift for a step of ±5 pts"],
    ["10 pts", 0.1, "Lift for a step of ±10 pts"],
  ])("“%s” writes the tornado titled in pts, with the model's lifts", async (typed, step, title) => {
    const store = await openScenarios();
    type(screen.getByRole("textbox", { name: "Step" }), typed);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Insert tornado chart in Excel" })));
    await waitFor(() => expect(store.tornadoes).toHaveLength(1));
    expect(store.tornadoes[0].title).toBe(title);
    // Said beside the button, with the sheet the store wrote.
    expect(screen.getByTestId("save-confirmation")).toHaveTextContent(
      "Added the tornado chart on the sheet “AGAP Tornado”.",
    );
    const expected = tornadoSwings(SCORES, step).map((s) => ({ label: s.layer.short, down: s.down, up: s.up }));
    expect(store.tornadoes[0].rows.map((row) => row.label)).toEqual(expected.map((row) => row.label));
    store.tornadoes[0].rows.forEach((row, i) => {
      expect(row.down).toBeCloseTo(expected[i].down, 12);
      expect(row.up).toBeCloseTo(expected[i].up, 12);
    });
    // By hand: Measurement (0.4) moves most, by the step × 0.8 × 0.6 × 0.6 × 0.6 = step × 0.1728.
    expect(store.tornadoes[0].rows[0]).toMatchObject({ label: "Measurement" });
    expect(store.tornadoes[0].rows[0].up).toBeCloseTo(step * 0.1728, 12);
  });
});

describe("Scenarios: writing to the workbook says what it did", () => {
  it("confirms the grid with the sheet it went to", async () => {
    const store = await openScenarios();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Write grid to the workbook" })));
    await waitFor(() => expect(store.grids).toHaveLength(1));
    expect(screen.getByTestId("save-confirmation")).toHaveTextContent("Wrote the grid on the sheet “AGAP Grid (2)”.");
  });

  it("confirms nothing when the tornado could not be inserted", async () => {
    const store = await openScenarios();
    store.failNext = new Error("The workbook is protected.");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Insert tornado chart in Excel" })));
    expect(store.tornadoes).toHaveLength(0);
    expect(screen.queryByTestId("save-confirmation")).toBeNull();
  });
});
