// Correcting saved responses in the pane, with the browser store: open one from Team & history,
// change it and save it again (same id, same place in the list), or delete it and undo that.
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { STATEMENTS, type AssessmentResponse } from "../../src/model";
import { App } from "../../src/taskpane/App";
// Loaded up front, so the pane's lazy import resolves at once rather than after ts-jest has
// compiled the module inside the test that waits for it.
import "../../src/taskpane/components/TeamPanel";
import { LocalPlanningStore } from "../../src/workbook/local-planning";
import { LocalStore, type KeyValueStorage } from "../../src/workbook/local-store";
import { DRAFT_KEY, RESPONSES_KEY } from "../../src/workbook/store";
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
const DATE = "2026-04-02";
const every = (value: number) => Object.fromEntries(STATEMENTS.map((s) => [s.id, value]));
// Ana answers 4 everywhere (0.8 per layer, realized 0.8^5 = 0.32768 → "32.8%"); Ben 3 (0.6^5 → "7.8%").
const ANA: AssessmentResponse = { id: "ana", workflow: "Claims", respondent: "Ana", date: DATE, answers: every(4) };
const BEN: AssessmentResponse = { id: "ben", workflow: "Claims", respondent: "Ben", date: DATE, answers: every(3) };
const EMPTY_FORM = { workflow: "Claims", respondent: "", date: "", answers: {} };

function storageWith(draft: object = EMPTY_FORM, responses: AssessmentResponse[] = [ANA, BEN]) {
  const storage = new MemoryStorage();
  // Detail from 2 complete respondents, so that the list shows each response's realized value.
  storage.setItem(TEAM_SETTINGS_KEY, JSON.stringify({ minGroup: 2, anonymousRounds: [] }));
  storage.setItem(RESPONSES_KEY, JSON.stringify(responses));
  storage.setItem(DRAFT_KEY, JSON.stringify(draft));
  return storage;
}

const stored = (storage: MemoryStorage): AssessmentResponse[] => JSON.parse(storage.getItem(RESPONSES_KEY)!);
const storedDraft = (storage: MemoryStorage) => JSON.parse(storage.getItem(DRAFT_KEY)!);

async function renderApp(storage: MemoryStorage) {
  const view = renderInPane(
    <App
      office={PREVIEW}
      store={new LocalStore(storage)}
      planningStore={new LocalPlanningStore(storage)}
      teamSettings={new BrowserTeamSettings(storage)}
    />,
    { withErrorBar: false },
  );
  await screen.findByRole("form", { name: "Assessment" });
  return view;
}

function panel(id: string): HTMLElement {
  const element = document.getElementById(`panel-${id}`);
  if (!element) throw new Error(`The ${id} panel is not open.`);
  return element;
}

async function showTab(name: string) {
  await act(async () => fireEvent.click(screen.getByRole("tab", { name })));
}

/** Opens Team & history and waits for its list of responses. */
async function showTeam() {
  await showTab("Team & history");
  return within(await within(panel("team")).findByRole("table", { name: "Responses" }));
}

const responseRows = (table: ReturnType<typeof within>) =>
  table
    .getAllByRole("row")
    .map((row: HTMLElement) => [...row.querySelectorAll("td")].slice(0, 2).map((cell) => cell.textContent));

async function click(name: string | RegExp, container: HTMLElement = document.body) {
  await act(async () => fireEvent.click(within(container).getByRole("button", { name })));
}

const checked = (statementIndex: number) => {
  const group = screen.getByRole("radiogroup", { name: `${statementIndex + 1}. ${STATEMENTS[statementIndex].text}` });
  return within(group)
    .getAllByRole("radio")
    .find((radio) => (radio as HTMLInputElement).checked)
    ?.getAttribute("value");
};

/**
 * Matches the innermost element holding exactly this text, even when parts of it (dates, kept
 * on one line) sit in elements of their own.
 */
const fullText = (text: string) => (_: string, element: Element | null) =>
  element?.textContent === text && ![...element.children].some((child) => child.textContent === text);

const banner = (name: string) => screen.getByRole("group", { name: `Editing ${name}` });

describe("editing a saved response", () => {
  it("opens it from Team & history, saves the change in place: same id, same row, same count", async () => {
    const storage = storageWith();
    await renderApp(storage);
    const team = await showTeam();
    expect(responseRows(team).slice(1)).toEqual([
      ["Ana", "32.8%"],
      ["Ben", "7.8%"],
    ]);
    await click("Edit Ana's response", panel("team"));

    expect(screen.getByRole("tab", { name: "Assessment" })).toHaveAttribute("aria-selected", "true");
    const editing = banner(`Ana's response of ${DATE}`);
    expect(editing).toHaveFocus();
    expect(screen.getByRole("textbox", { name: "Respondent (optional)" })).toHaveValue("Ana");
    expect(screen.getByLabelText("Response date (optional)")).toHaveValue(DATE);
    expect(screen.getByText("15 of 15 answered")).toBeInTheDocument();
    expect(checked(0)).toBe("4");

    answer(0, 1);
    fireEvent.change(screen.getByRole("textbox", { name: "Respondent (optional)" }), { target: { value: "Ana M." } });
    await click("Save changes");
    expect(await screen.findByText(fullText(`Saved the changes to Ana M.'s response of ${DATE}.`))).toBeInTheDocument();

    // The same record, changed where it stood; Ben untouched.
    expect(stored(storage)).toEqual([
      { ...ANA, respondent: "Ana M.", answers: { ...ANA.answers, [STATEMENTS[0].id]: 1 } },
      BEN,
    ]);
    // The form is back to a new response for the same workflow.
    expect(screen.queryByRole("group", { name: /^Editing / })).toBeNull();
    expect(screen.getByText("0 of 15 answered")).toBeInTheDocument();
    expect(storedDraft(storage)).toEqual(EMPTY_FORM);

    const after = await showTeam();
    expect(within(panel("team")).getByRole("heading", { name: `Claims, round ${DATE}: 2 responses` })).toBeVisible();
    // Strategy (1 + 4 + 4)/15 = 0.6, the rest 0.8: 0.6 × 0.8^4 = 0.24576.
    expect(responseRows(after).slice(1)).toEqual([
      ["Ana M.", "24.6%"],
      ["Ben", "7.8%"],
    ]);
  });

  it("sets aside a new response being answered, and brings it back when the edit is cancelled", async () => {
    const dee = {
      workflow: "Claims",
      respondent: "Dee",
      date: "",
      answers: { [STATEMENTS[0].id]: 5, [STATEMENTS[1].id]: 2 },
    };
    const storage = storageWith(dee);
    await renderApp(storage);
    await showTeam();
    await click("Edit Ben's response", panel("team"));
    expect(banner(`Ben's response of ${DATE}`)).toHaveTextContent(
      "The new response you were answering (2 of 15 answered) is set aside.",
    );
    expect(screen.getByRole("textbox", { name: "Respondent (optional)" })).toHaveValue("Ben");
    await click("Cancel edit", banner(`Ben's response of ${DATE}`));

    expect(
      screen.getByText("The new response you were answering is back on the form (2 of 15 answered)."),
    ).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Respondent (optional)" })).toHaveValue("Dee");
    expect(checked(0)).toBe("5");
    expect(storedDraft(storage)).toEqual(dee);
    expect(stored(storage)).toEqual([ANA, BEN]);
  });

  it("keeps the edit and the response set aside through a reload, and saving brings that response back", async () => {
    const dee = { workflow: "Claims", respondent: "Dee", date: "", answers: { [STATEMENTS[3].id]: 1 } };
    const storage = storageWith(dee);
    const first = await renderApp(storage);
    await showTeam();
    await click("Edit Ana's response", panel("team"));
    answer(14, 0);
    first.unmount();

    await renderApp(storage);
    expect(banner(`Ana's response of ${DATE}`)).toHaveTextContent("(1 of 15 answered) is set aside");
    // Statements after the first render in a transition, just after the first paint.
    await screen.findByRole("radiogroup", { name: `15. ${STATEMENTS[14].text}` });
    expect(checked(14)).toBe("0");
    await click("Save changes");
    expect(
      await screen.findByText(
        fullText(
          `Saved the changes to Ana's response of ${DATE}. The new response you were answering is back on the form (1 of 15 answered).`,
        ),
      ),
    ).toBeInTheDocument();
    expect(stored(storage)[0]).toEqual({ ...ANA, answers: { ...ANA.answers, [STATEMENTS[14].id]: 0 } });
    expect(storedDraft(storage)).toEqual(dee);
  });

  it("asks before Cancel edit drops changes; discarding leaves the saved response as it was", async () => {
    const storage = storageWith();
    await renderApp(storage);
    await showTeam();
    await click("Edit Ana's response", panel("team"));
    answer(2, 0);
    await click("Cancel edit", banner(`Ana's response of ${DATE}`));
    const ask = screen.getByRole("group", { name: `Your changes to Ana's response of ${DATE} are not saved.` });
    await click("Keep editing", ask);
    expect(checked(2)).toBe("0");
    await click("Cancel edit", banner(`Ana's response of ${DATE}`));
    await click("Discard changes");
    expect(screen.queryByRole("group", { name: /^Editing / })).toBeNull();
    expect(stored(storage)).toEqual([ANA, BEN]);
    expect(storedDraft(storage)).toEqual(EMPTY_FORM);
  });

  it("changing nothing leaves nothing to ask: Cancel edit leaves at once", async () => {
    const storage = storageWith();
    await renderApp(storage);
    await showTeam();
    await click("Edit Ana's response", panel("team"));
    // The same answer clicked again is no change.
    answer(0, 4);
    await click("Cancel edit", banner(`Ana's response of ${DATE}`));
    expect(screen.queryByRole("group", { name: /not saved/ })).toBeNull();
    expect(screen.queryByRole("group", { name: /^Editing / })).toBeNull();
  });
});

describe("deleting a saved response", () => {
  it("deletes it, and Undo brings it back with the same id and answers", async () => {
    const storage = storageWith();
    await renderApp(storage);
    await showTeam();
    await click("Delete Ben's response", panel("team"));
    expect(stored(storage)).toEqual([ANA]);
    const team = within(panel("team"));
    expect(team.getByRole("heading", { name: `Claims, round ${DATE}: 1 response` })).toBeVisible();
    const undo = team.getByRole("button", { name: "Undo" });
    expect(undo).toHaveFocus();
    expect(undo.closest('[role="group"]')).toHaveTextContent(`Deleted Ben's response of ${DATE} for Claims.`);

    await click("Undo", panel("team"));
    expect(stored(storage)).toEqual([ANA, BEN]);
    expect(team.getByRole("heading", { name: `Claims, round ${DATE}: 2 responses` })).toBeVisible();
    expect(team.queryByRole("button", { name: "Undo" })).toBeNull();
    expect(team.getByText(fullText(`Ben's response of ${DATE} is back in the list.`))).toBeInTheDocument();
  });

  it("deleting the last response of a round still offers Undo", async () => {
    const storage = storageWith(EMPTY_FORM, [ANA]);
    await renderApp(storage);
    await showTeam();
    await click("Delete Ana's response", panel("team"));
    const team = within(panel("team"));
    expect(team.getByText("No saved responses for “Claims” yet.")).toBeInTheDocument();
    await click("Undo", panel("team"));
    expect(stored(storage)).toEqual([ANA]);
    expect(team.getByRole("table", { name: "Responses" })).toBeInTheDocument();
  });

  const complete = { ...EMPTY_FORM, respondent: "Cy", date: DATE, answers: every(2) };
  it.each([
    ["Delete of another response", complete, async () => click("Delete Ana's response", panel("team"))],
    ["Edit of another response", complete, async () => click("Edit Ana's response", panel("team"))],
    [
      "Save response",
      complete,
      async () => {
        await showTab("Assessment");
        await click("Save response", panel("assessment"));
        await screen.findByText((text) => text.startsWith("Saved Cy's response for Claims."));
      },
    ],
    [
      "Next respondent",
      EMPTY_FORM,
      async () => {
        await showTab("Assessment");
        await click("Next respondent", panel("assessment"));
      },
    ],
  ])("Undo is gone after the next action: %s", async (_, draft, nextAction) => {
    const storage = storageWith(draft);
    await renderApp(storage);
    await showTeam();
    await click("Delete Ben's response", panel("team"));
    expect(within(panel("team")).getByRole("button", { name: "Undo" })).toBeInTheDocument();
    await nextAction();
    await showTab("Team & history");
    expect(within(panel("team")).queryByText(/Deleted Ben's response/)).toBeNull();
    expect(stored(storage).map((r) => r.id)).not.toContain("ben");
  });

  it("says so when a delete fails, and Retry deletes with Undo offered", async () => {
    const storage = storageWith();
    const store = new LocalStore(storage);
    const realDelete = store.deleteResponse.bind(store);
    let failures = 1;
    store.deleteResponse = async (id) => {
      if (failures-- > 0) throw new Error("The sheet is protected.");
      return realDelete(id);
    };
    renderInPane(<App office={PREVIEW} store={store} planningStore={new LocalPlanningStore(storage)} />, {
      withErrorBar: false,
    });
    await screen.findByRole("form", { name: "Assessment" });
    await showTeam();
    await click("Delete Ben's response", panel("team"));
    const alert = await screen.findByRole("group", { name: "The response was not deleted" });
    expect(alert).toHaveTextContent("The sheet is protected.");
    expect(stored(storage)).toEqual([ANA, BEN]);
    await click("Retry", alert);
    await waitFor(() => expect(stored(storage)).toEqual([ANA]));
    expect(await within(panel("team")).findByRole("button", { name: "Undo" })).toBeInTheDocument();
  });
});
