import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { STATEMENTS } from "../../src/model";
import { App } from "../../src/taskpane/App";
// Loaded up front, so the pane's lazy import resolves at once rather than after ts-jest has
// compiled the module inside the test that waits for it.
import "../../src/taskpane/components/TeamPanel";
import { LocalPlanningStore } from "../../src/workbook/local-planning";
import { LocalStore, type KeyValueStorage } from "../../src/workbook/local-store";
import { DRAFT_KEY, RESPONSES_KEY, type AssessmentStore } from "../../src/workbook/store";
import { BrowserTeamSettings, TEAM_SETTINGS_KEY } from "../../src/workbook/team-settings";
import { answer } from "./answer";
import { renderInPane } from "./render";

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

async function renderApp(store: AssessmentStore, storage: KeyValueStorage = new MemoryStorage()) {
  const planningStore = new LocalPlanningStore(storage);
  renderInPane(
    <App
      office={PREVIEW}
      store={store}
      planningStore={planningStore}
      teamSettings={new BrowserTeamSettings(storage)}
    />,
    {
      withErrorBar: false,
    },
  );
  await screen.findByRole("form", { name: "Assessment" });
}

/** Opens the pane on an empty browser store and saves Ana's all-fours response for Claims. */
async function saveAnaForClaims(): Promise<{ storage: MemoryStorage; saved: HTMLElement }> {
  const storage = new MemoryStorage();
  await renderApp(new LocalStore(storage));
  fireEvent.change(screen.getByRole("combobox", { name: /Workflow/ }), { target: { value: "Claims" } });
  fireEvent.change(screen.getByRole("textbox", { name: /Respondent/ }), { target: { value: "Ana" } });
  STATEMENTS.forEach((_, i) => answer(i, 4));
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save response" })));
  const saved = await screen.findByRole("group", { name: /^Saved Ana's response for Claims\./ });
  return { storage, saved };
}

describe("App with the browser store", () => {
  it("autosaves the draft on every answer and restores it on the next start", async () => {
    const storage = new MemoryStorage();
    await renderApp(new LocalStore(storage));
    fireEvent.change(screen.getByRole("combobox", { name: /Workflow/ }), { target: { value: "Invoice triage" } });
    answer(0, 4);
    answer(7, 1);
    const saved = JSON.parse(storage.getItem(DRAFT_KEY)!);
    expect(saved.workflow).toBe("Invoice triage");
    expect(saved.answers).toEqual({ [STATEMENTS[0].id]: 4, [STATEMENTS[7].id]: 1 });
  });

  it("restores a saved draft and says so", async () => {
    const storage = new MemoryStorage();
    storage.setItem(
      DRAFT_KEY,
      JSON.stringify({ workflow: "Claims", respondent: "Ana", date: "", answers: { "adoption.stopped": 5 } }),
    );
    await renderApp(new LocalStore(storage));
    expect(
      await screen.findByRole("group", { name: "Your unsaved answers were restored: 1 of 15 answered." }),
    ).toBeInTheDocument();
    expect(screen.getByText("1 of 15 answered")).toBeInTheDocument();
    // Statements after the first render in a transition, just after the first paint.
    const group = await screen.findByRole("radiogroup", { name: new RegExp(STATEMENTS[12].text.slice(0, 25)) });
    expect(within(group).getByRole("radio", { name: "5" })).toBeChecked();
  });

  it("says nothing about restoring when the stored draft holds no answers, only the workflow and date", async () => {
    const storage = new MemoryStorage();
    storage.setItem(DRAFT_KEY, JSON.stringify({ workflow: "Claims", respondent: "", date: "2026-04-02", answers: {} }));
    await renderApp(new LocalStore(storage));
    expect(screen.getByRole("combobox", { name: /Workflow/ })).toHaveValue("Claims");
    expect(screen.queryByText(/restored/)).not.toBeInTheDocument();
  });

  it("after a save, confirms beside the Save button with the focus on it, and offers the next step", async () => {
    const { saved } = await saveAnaForClaims();
    // The confirmation sits after the Save button, in the form's footer, and holds the focus.
    const form = screen.getByRole("form", { name: "Assessment" });
    const save = within(form).getByRole("button", { name: "Save response" });
    expect(form).toContainElement(saved);
    expect(save.compareDocumentPosition(saved) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(saved.parentElement).toHaveFocus();
    fireEvent.click(within(saved).getByRole("button", { name: "Answer for the next respondent" }));
    expect(screen.getByRole("textbox", { name: /Respondent/ })).toHaveFocus();
    // Results, right after the save, shows the saved response and the team's round.
    fireEvent.click(within(saved).getByRole("button", { name: "See results" }));
    const results = await screen.findByRole("region", { name: "Results" });
    expect(within(results).getByTestId("results-source")).toHaveTextContent(/Ana's undated response for Claims/);
    // All fours: every layer 0.8, realized 0.8^5 = 0.32768.
    expect(within(results).getByTestId("realized")).toHaveTextContent("32.8%");
    expect(within(results).getByTestId("team-summary")).toHaveTextContent(/realized value 32\.8%.*1 complete response/);
  });

  it("after a save, the confirmation goes once the next response is begun: a name or an answer", async () => {
    const { storage } = await saveAnaForClaims();
    fireEvent.change(screen.getByRole("textbox", { name: /Respondent/ }), { target: { value: "Finn" } });
    expect(screen.queryByRole("group", { name: /^Saved Ana's response/ })).toBeNull();
    // Finn's one answer, saved as partial; the next answer begins the next response.
    answer(0, 3);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save response" })));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save as partial" })));
    await screen.findByRole("group", { name: /^Saved Finn's response for Claims as partial/ });
    answer(1, 2);
    expect(screen.queryByRole("group", { name: /^Saved Finn's response/ })).toBeNull();
    expect(JSON.parse(storage.getItem(RESPONSES_KEY) ?? "[]")).toHaveLength(2);
  });

  it("Results follows the workflow on the form, not only the response saved last", async () => {
    const storage = new MemoryStorage();
    const answers = (value: number) => Object.fromEntries(STATEMENTS.map((s) => [s.id, value]));
    storage.setItem(
      RESPONSES_KEY,
      JSON.stringify([{ id: "p1", workflow: "Payroll", respondent: "Cy", date: "2026-03-01", answers: answers(3) }]),
    );
    // Each response's figures are shown from a group of one (below it, see the test after next).
    storage.setItem(TEAM_SETTINGS_KEY, JSON.stringify({ minGroup: 1, anonymousRounds: [] }));
    await renderApp(new LocalStore(storage), storage);
    fireEvent.change(screen.getByRole("combobox", { name: /Workflow/ }), { target: { value: "Claims" } });
    fireEvent.change(screen.getByRole("textbox", { name: /Respondent/ }), { target: { value: "Ana" } });
    STATEMENTS.forEach((_, i) => answer(i, 4));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save response" })));
    await screen.findByRole("group", { name: /^Saved Ana's response for Claims\./ });
    const source = async () => {
      await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Results" })));
      return within(await screen.findByRole("region", { name: "Results" })).getByTestId("results-source");
    };
    expect(await source()).toHaveTextContent(/Ana's undated response for Claims/);
    // Another workflow with a saved response is named on the form: Results shows that one's.
    await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Assessment" })));
    fireEvent.change(screen.getByRole("combobox", { name: /Workflow/ }), { target: { value: "Payroll" } });
    expect(await source()).toHaveTextContent("From Cy's response of 2026-03-01 for Payroll, saved last.");
    // All threes: 0.6 per layer, realized 0.6^5 = 0.07776.
    expect(screen.getByTestId("realized")).toHaveTextContent("7.8%");
    // A workflow with nothing saved yet: the response saved last in this session, named as such.
    await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Assessment" })));
    fireEvent.change(screen.getByRole("combobox", { name: /Workflow/ }), { target: { value: "Invoices" } });
    expect(await source()).toHaveTextContent(/Ana's undated response for Claims, saved last/);
  });

  it("reopened on an empty form, Results shows the response saved last, or only its team's round below the smallest group", async () => {
    const storage = new MemoryStorage();
    const answers = (value: number) => Object.fromEntries(STATEMENTS.map((s) => [s.id, value]));
    storage.setItem(
      RESPONSES_KEY,
      JSON.stringify([
        { id: "c1", workflow: "Claims", respondent: "Ana", date: "2026-03-01", answers: answers(4) },
        { id: "p1", workflow: "Payroll", respondent: "Cy", date: "2026-03-01", answers: answers(3) },
        { id: "p2", workflow: "Payroll", respondent: "Dee", date: "2026-03-01", answers: answers(5) },
      ]),
    );
    const openResults = async () => {
      await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Results" })));
      return screen.findByRole("region", { name: "Results" });
    };
    // Payroll's round has 2 complete responses, below the default smallest group of 3: Dee's own
    // figures would single her out beside the mean, so only the team's round is shown.
    await renderApp(new LocalStore(storage), storage);
    expect(screen.getByRole("combobox", { name: /Workflow/ })).toHaveValue("");
    let results = await openResults();
    // The team: threes and fives, each layer (0.6 + 1) / 2 = 0.8, realized 0.8^5 = 0.32768.
    expect(within(results).getByTestId("results-source")).toHaveTextContent(
      "Team result for Payroll, round of 2026-03-01: the mean of each layer over its complete responses. " +
        "Name “Payroll” on the Assessment tab to see its detail in Team & history.",
    );
    expect(within(results).getByTestId("realized")).toHaveTextContent("32.8%");
    expect(within(results).queryByText(/Dee/)).not.toBeInTheDocument();

    // From a group of 2, Team & history lists each response's figures, and Results shows Dee's.
    cleanup();
    storage.setItem(TEAM_SETTINGS_KEY, JSON.stringify({ minGroup: 2, anonymousRounds: [] }));
    await renderApp(new LocalStore(storage), storage);
    results = await openResults();
    expect(within(results).getByTestId("results-source")).toHaveTextContent(
      "From Dee's response of 2026-03-01 for Payroll, saved last.",
    );
    expect(within(results).getByTestId("team-summary")).toHaveTextContent(
      /^Team result for Payroll, round of 2026-03-01: realized value 32\.8%.*2 complete responses.*Name “Payroll” on the Assessment tab/,
    );
    // The figures under the team's line are said to be this one response's: all fives, 100%.
    expect(within(results).getByRole("heading", { name: "This response" })).toBeInTheDocument();
    expect(within(results).getByTestId("realized")).toHaveTextContent("100.0%");
  });

  it("moves the focus to the first problem when Save finds one", async () => {
    const storage = new MemoryStorage();
    await renderApp(new LocalStore(storage));
    answer(0, 4);
    fireEvent.click(screen.getByRole("button", { name: "Save response" }));
    const workflow = screen.getByRole("combobox", { name: /Workflow/ });
    expect(workflow).toHaveFocus();
    expect(workflow).toHaveAccessibleDescription(/Name the workflow before saving\./);
    fireEvent.change(workflow, { target: { value: "Claims" } });
    fireEvent.click(screen.getByRole("button", { name: "Next respondent" }));
    fireEvent.click(screen.getByRole("button", { name: "Discard answers and start next" }));
    fireEvent.click(screen.getByRole("button", { name: "Save response" }));
    // Nothing answered: the focus goes to the first statement.
    expect(
      within(screen.getByRole("radiogroup", { name: new RegExp(`^1\\. `) })).getAllByRole("radio")[0],
    ).toHaveFocus();
    expect(screen.getByRole("alert")).toHaveTextContent("Answer at least one statement before saving.");
  });

  it("offers the saved workflow whose name differs only in case or spacing", async () => {
    const storage = new MemoryStorage();
    storage.setItem(
      RESPONSES_KEY,
      JSON.stringify([{ id: "a", workflow: "Claims", respondent: "", date: "", answers: { "strategy.outcome": 3 } }]),
    );
    await renderApp(new LocalStore(storage));
    const workflow = screen.getByRole("combobox", { name: /Workflow/ });
    fireEvent.change(workflow, { target: { value: " claims " } });
    expect(workflow).toHaveAccessibleDescription(/“Claims” is saved already/);
    fireEvent.click(screen.getByRole("button", { name: "Use “Claims”" }));
    expect(workflow).toHaveValue("Claims");
    expect(screen.queryByRole("button", { name: "Use “Claims”" })).not.toBeInTheDocument();
  });

  it("saves a response, keeps the workflow for the next respondent and clears the answers", async () => {
    const storage = new MemoryStorage();
    await renderApp(new LocalStore(storage));
    fireEvent.change(screen.getByRole("combobox", { name: /Workflow/ }), { target: { value: "Invoice triage" } });
    fireEvent.change(screen.getByRole("textbox", { name: /Respondent/ }), { target: { value: "+1" } });
    STATEMENTS.forEach((_, i) => answer(i, 3));
    fireEvent.click(screen.getByRole("button", { name: "Save response" }));
    expect(await screen.findByText(/Saved \+1's response for Invoice triage/)).toBeInTheDocument();
    const responses = JSON.parse(storage.getItem(RESPONSES_KEY)!);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ workflow: "Invoice triage", respondent: "+1" });
    expect(Object.values(responses[0].answers)).toEqual(Array(15).fill(3));
    expect(screen.getByText("0 of 15 answered")).toBeInTheDocument();
    expect(JSON.parse(storage.getItem(DRAFT_KEY)!).workflow).toBe("Invoice triage");
  });

  it("shows a failed save, keeps every answer, and saves on Retry", async () => {
    const storage = new MemoryStorage();
    const store = new LocalStore(storage);
    const realSave = store.saveResponse.bind(store);
    let failures = 1;
    store.saveResponse = async (response) => {
      if (failures-- > 0) throw new Error("The sheet is protected.");
      return realSave(response);
    };
    await renderApp(store);
    fireEvent.change(screen.getByRole("combobox", { name: /Workflow/ }), { target: { value: "Claims" } });
    answer(0, 2);
    fireEvent.click(screen.getByRole("button", { name: "Save response" }));
    fireEvent.click(screen.getByRole("button", { name: "Save as partial" }));
    const alert = await screen.findByRole("group", { name: "The response was not saved; your answers are kept" });
    expect(alert).toHaveTextContent("The response was not saved; your answers are kept");
    expect(alert).toHaveTextContent("The sheet is protected.");
    // The error answers the user's Save: it takes the focus, so it is seen and read from the button below.
    await waitFor(() => expect(alert).toHaveFocus());
    expect(screen.getByText("1 of 15 answered")).toBeInTheDocument();
    expect(JSON.parse(storage.getItem(DRAFT_KEY)!).answers).toEqual({ [STATEMENTS[0].id]: 2 });

    await act(async () => fireEvent.click(within(alert).getByRole("button", { name: "Retry" })));
    await waitFor(() => expect(JSON.parse(storage.getItem(RESPONSES_KEY)!)).toHaveLength(1));
    // The retried save ends as any save does: confirmed beside the Save button, the form cleared.
    await screen.findByRole("group", { name: /^Saved the response for Claims as partial \(1 of 15 answered\)/ });
    expect(screen.getByText("0 of 15 answered")).toBeInTheDocument();
  });

  it("shows the latest round's team result; the January round, chosen, has its own aggregates and flag", async () => {
    const storage = new MemoryStorage();
    const base = Object.fromEntries(STATEMENTS.map((s) => [s.id, 3]));
    storage.setItem(
      RESPONSES_KEY,
      JSON.stringify([
        {
          id: "a",
          workflow: "Claims",
          respondent: "Ana",
          date: "2026-01-10",
          answers: { ...base, "strategy.outcome": 1 },
        },
        {
          id: "b",
          workflow: "Claims",
          respondent: "Ben",
          date: "2026-01-10",
          answers: { ...base, "strategy.outcome": 4 },
        },
        { id: "c", workflow: "Claims", respondent: "Ana", date: "2026-04-02", answers: base },
      ]),
    );
    storage.setItem(DRAFT_KEY, JSON.stringify({ workflow: "Claims", respondent: "", date: "", answers: {} }));
    // A team that shows detail from one respondent up (the default of 3 would withhold it here).
    storage.setItem(TEAM_SETTINGS_KEY, JSON.stringify({ minGroup: 1, anonymousRounds: [] }));
    await renderApp(new LocalStore(storage), storage);
    await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Team & history" })));
    const round = await screen.findByRole("combobox", { name: "Round" });
    // April, the latest round: Ana alone, 0.6 on every layer; nothing to disagree on.
    expect(round).toHaveValue("2026-04-02");
    const layers = () => screen.getByRole("table", { name: "Layer scores across the round's complete responses" });
    expect(within(layers()).getAllByRole("row")[1]).toHaveTextContent(/Strategy60\.0%60\.0%60\.0%/);
    expect(screen.queryByRole("list", { name: "Statements with divergent answers" })).toBeNull();

    fireEvent.change(round, { target: { value: "2026-01-10" } });
    // Strategy per response: (1+3+3)/15 = 0.4667 and (4+3+3)/15 = 0.6667 → mean 0.5667, min 0.4667, max 0.6667.
    expect(within(layers()).getAllByRole("row")[1]).toHaveTextContent(/Strategy56\.7%46\.7%66\.7%/);
    const flags = screen.getByRole("list", { name: "Statements with divergent answers" });
    expect(within(flags).getAllByRole("listitem")).toHaveLength(1);
    expect(flags).toHaveTextContent("Answers range from 1 to 4.");
    const history = screen.getByRole("table", { name: "Rounds by date" });
    expect(within(history).getAllByRole("row")).toHaveLength(3);
    expect(screen.getByRole("button", { name: "Export .xlsx" })).toBeEnabled();
  });
});

describe("App started with the lists read before its first render", () => {
  it("shows them without reading the stores again, and reads afresh after a save", async () => {
    const storage = new MemoryStorage();
    const base = Object.fromEntries(STATEMENTS.map((s) => [s.id, 3]));
    storage.setItem(
      RESPONSES_KEY,
      JSON.stringify([{ id: "a", workflow: "Claims", respondent: "Ana", date: "2026-01-10", answers: base }]),
    );
    storage.setItem(DRAFT_KEY, JSON.stringify({ workflow: "Claims", respondent: "", date: "", answers: {} }));
    const store = new LocalStore(storage);
    const planningStore = new LocalPlanningStore(storage);
    const initialLists = { responses: await store.listResponses(), planning: await planningStore.loadPlanning() };
    const listResponses = jest.spyOn(store, "listResponses");
    const loadPlanning = jest.spyOn(planningStore, "loadPlanning");
    renderInPane(
      <App
        office={PREVIEW}
        store={store}
        planningStore={planningStore}
        initialLists={initialLists}
        teamSettings={new BrowserTeamSettings(storage)}
      />,
      { withErrorBar: false },
    );
    await screen.findByRole("form", { name: "Assessment" });
    // The saved workflow is offered from the list read before the render, with no read of its own.
    expect(document.querySelector('datalist option[value="Claims"]')).not.toBeNull();
    await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Team & history" })));
    const responses = await screen.findByRole("table", { name: "Responses" });
    expect(within(responses).getAllByRole("row")).toHaveLength(2);
    expect(listResponses).not.toHaveBeenCalled();
    expect(loadPlanning).not.toHaveBeenCalled();

    await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Assessment" })));
    answer(0, 4);
    fireEvent.click(screen.getByRole("button", { name: "Save response" }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save as partial" })));
    await screen.findByRole("group", { name: /^Saved the response for Claims as partial/ });
    expect(listResponses).toHaveBeenCalled();
  });
});
