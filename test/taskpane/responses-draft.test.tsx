// The form never loses or saves answers behind the user's back: a partial response is saved only
// once confirmed and is then marked partial; Enter saves nothing; Next respondent asks before it
// clears answers; a new respondent's date comes from the round's date, not from the last one; and
// each action writes the draft once.
import * as React from "react";
import { act, fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { STATEMENTS, type AssessmentResponse } from "../../src/model";
import { App } from "../../src/taskpane/App";
// Loaded up front, so the pane's lazy import resolves at once rather than after ts-jest has
// compiled the module inside the test that waits for it.
import "../../src/taskpane/components/TeamPanel";
import { LocalPlanningStore } from "../../src/workbook/local-planning";
import { LocalStore, type KeyValueStorage } from "../../src/workbook/local-store";
import { DRAFT_KEY, RESPONSES_KEY, type AssessmentStore, type Draft } from "../../src/workbook/store";
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
const every = (value: number) => Object.fromEntries(STATEMENTS.map((s) => [s.id, value]));
const first = (count: number, value = 2) => Object.fromEntries(STATEMENTS.slice(0, count).map((s) => [s.id, value]));

function storageWith(draft: object | null, responses: AssessmentResponse[] = []) {
  const storage = new MemoryStorage();
  if (responses.length > 0) storage.setItem(RESPONSES_KEY, JSON.stringify(responses));
  if (draft) storage.setItem(DRAFT_KEY, JSON.stringify(draft));
  return storage;
}

const stored = (storage: MemoryStorage): AssessmentResponse[] => JSON.parse(storage.getItem(RESPONSES_KEY) ?? "[]");
const storedDraft = (storage: MemoryStorage) => JSON.parse(storage.getItem(DRAFT_KEY)!);

async function renderApp(storage: MemoryStorage, store: AssessmentStore = new LocalStore(storage)) {
  // StrictMode, as the pane runs: React then calls state updaters twice, so a write hidden in
  // one would show up twice in the counts below.
  const view = renderInPane(
    <React.StrictMode>
      <App office={PREVIEW} store={store} planningStore={new LocalPlanningStore(storage)} />
    </React.StrictMode>,
    { withErrorBar: false },
  );
  await screen.findByRole("form", { name: "Assessment" });
  await screen.findByRole("radiogroup", { name: `15. ${STATEMENTS[14].text}` });
  return view;
}

async function click(name: string | RegExp, container: HTMLElement = document.body) {
  await act(async () => fireEvent.click(within(container).getByRole("button", { name })));
}

const respondentField = () => screen.getByRole("textbox", { name: "Respondent (optional)" });
const dateField = () => screen.getByLabelText("Response date (optional)");
const roundDateField = () => screen.getByLabelText("Date for this round (optional)");

function panel(id: string): HTMLElement {
  const element = document.getElementById(`panel-${id}`);
  if (!element) throw new Error(`The ${id} panel is not open.`);
  return element;
}

describe("a response with unanswered statements", () => {
  it("is saved only once confirmed, then marked partial in the notice and in Team & history", async () => {
    const storage = storageWith({ workflow: "Claims", respondent: "Cy", date: "2026-04-02", answers: first(1) });
    await renderApp(storage);
    await click("Save response");
    const ask = screen.getByRole("group", { name: "14 of 15 statements are unanswered." });
    expect(stored(storage)).toEqual([]);
    await click("Save as partial", ask);
    expect(
      await screen.findByText((text) =>
        text.startsWith("Saved Cy's response for Claims as partial (1 of 15 answered)."),
      ),
    ).toBeVisible();
    expect(stored(storage)).toEqual([expect.objectContaining({ respondent: "Cy", answers: first(1) })]);

    await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Team & history" })));
    const team = within(panel("team"));
    await team.findByRole("heading", { name: "Claims, round 2026-04-02: 1 response, 1 partial" });
    const row = team.getByRole("table", { name: "Responses" }).querySelectorAll("tbody tr")[0];
    expect(row.querySelectorAll("td")[0]).toHaveTextContent("Cy (partial)");
    expect(team.getByText(/^No team result yet/)).toBeInTheDocument();
  });

  it("is not saved when the user keeps answering", async () => {
    const storage = storageWith({ workflow: "Claims", respondent: "Cy", date: "", answers: first(3) });
    await renderApp(storage);
    await click("Save response");
    await click("Keep answering", screen.getByRole("group", { name: "12 of 15 statements are unanswered." }));
    expect(stored(storage)).toEqual([]);
    expect(storedDraft(storage).answers).toEqual(first(3));
  });
});

describe("Enter in a field of the pane", () => {
  it("with 1 of 15 answered, Enter in Respondent saves nothing and asks nothing", async () => {
    const storage = storageWith({ workflow: "Claims", respondent: "", date: "", answers: first(1) });
    await renderApp(storage);
    await userEvent.type(respondentField(), "Ana{Enter}");
    expect(respondentField()).toHaveValue("Ana");
    expect(stored(storage)).toEqual([]);
    expect(screen.queryByRole("group", { name: /unanswered/ })).toBeNull();
    expect(screen.queryByText(/^Saved /)).toBeNull();
  });
});

describe("Next respondent", () => {
  it("asks before clearing answers; Keep answering keeps them, in the form and in the saved draft", async () => {
    const draft = { workflow: "Claims", respondent: "Ana", date: "", answers: first(5) };
    const storage = storageWith(draft);
    await renderApp(storage);
    await click("Next respondent");
    const ask = screen.getByRole("group", { name: "Ana's answers are not saved (5 of 15 answered)." });
    expect(storedDraft(storage)).toEqual(draft);
    await click("Keep answering", ask);
    expect(screen.getByText("5 of 15 answered")).toBeInTheDocument();
    expect(respondentField()).toHaveValue("Ana");
    expect(storedDraft(storage)).toEqual(draft);

    await click("Next respondent");
    await click("Discard answers and start next");
    expect(screen.getByText("0 of 15 answered")).toBeInTheDocument();
    expect(respondentField()).toHaveValue("");
    expect(storedDraft(storage)).toEqual({ workflow: "Claims", respondent: "", date: "", answers: {} });
  });
});

describe("the date of a new respondent", () => {
  it("is empty after a save when no date is set for the round", async () => {
    const storage = storageWith({ workflow: "Claims", respondent: "Ana", date: "2026-04-02", answers: every(3) });
    await renderApp(storage);
    expect(roundDateField()).toHaveValue("");
    await click("Save response");
    await screen.findByText((text) => text.startsWith("Saved Ana's response for Claims."));
    expect(stored(storage)[0].date).toBe("2026-04-02");
    expect(dateField()).toHaveValue("");
    expect(storedDraft(storage).date).toBe("");
  });

  it.each([
    ["Save response", every(3)],
    ["Next respondent", {}],
  ])("is the round's date after %s", async (action, answers) => {
    const storage = storageWith({ workflow: "Claims", respondent: "Ana", date: "2026-03-30", answers });
    await renderApp(storage);
    fireEvent.change(roundDateField(), { target: { value: "2026-04-02" } });
    // Ana's own date was typed: the round's date does not overwrite it.
    expect(dateField()).toHaveValue("2026-03-30");
    await click(action);
    expect(dateField()).toHaveValue("2026-04-02");
    expect(roundDateField()).toHaveValue("2026-04-02");
    expect(respondentField()).toHaveValue("");
  });

  it.each([
    ["empty", "", "2026-04-02"],
    ["the round's previous date", "2026-03-01", "2026-04-02"],
    ["a date of its own", "2026-03-30", "2026-03-30"],
  ])("the form's date, %s (“%s”), is “%s” once the round's date is set", async (_, before, after) => {
    const storage = storageWith({
      workflow: "Claims",
      respondent: "",
      date: before,
      answers: {},
      roundDate: "2026-03-01",
    });
    await renderApp(storage);
    fireEvent.change(roundDateField(), { target: { value: "2026-04-02" } });
    expect(dateField()).toHaveValue(after);
  });

  it("the round's date is kept with the draft, so a reload keeps it", async () => {
    const storage = storageWith({ workflow: "Claims", respondent: "", date: "", answers: {} });
    const view = await renderApp(storage);
    fireEvent.change(roundDateField(), { target: { value: "2026-04-02" } });
    expect(storedDraft(storage)).toEqual({
      workflow: "Claims",
      respondent: "",
      date: "2026-04-02",
      answers: {},
      roundDate: "2026-04-02",
    });
    view.unmount();
    await renderApp(storage);
    expect(roundDateField()).toHaveValue("2026-04-02");
    expect(dateField()).toHaveValue("2026-04-02");
  });

  it("clearing the round's date leaves new respondents without one", async () => {
    const storage = storageWith({ workflow: "Claims", respondent: "", date: "", answers: {}, roundDate: "2026-04-02" });
    await renderApp(storage);
    fireEvent.change(roundDateField(), { target: { value: "" } });
    await click("Next respondent");
    expect(dateField()).toHaveValue("");
    expect(storedDraft(storage)).not.toHaveProperty("roundDate");
  });
});

describe("the draft is written once per action", () => {
  const ANA: AssessmentResponse = {
    id: "ana",
    workflow: "Claims",
    respondent: "Ana",
    date: "2026-04-02",
    answers: every(4),
  };

  /** A browser store that counts its draft writes. */
  function countingStore(storage: MemoryStorage) {
    const store = new LocalStore(storage);
    const writes: Draft[] = [];
    const write = store.saveDraft.bind(store);
    store.saveDraft = async (draft) => {
      writes.push(draft as Draft);
      return write(draft);
    };
    return { store, writes };
  }

  const ACTIONS: [string, number, object, () => Promise<void>][] = [
    ["answering a statement", 1, {}, async () => answer(4, 2)],
    [
      "typing a character in Respondent",
      1,
      {},
      async () => void fireEvent.change(respondentField(), { target: { value: "B" } }),
    ],
    [
      "setting the round's date (the form's date follows)",
      1,
      {},
      async () => void fireEvent.change(roundDateField(), { target: { value: "2026-04-02" } }),
    ],
    ["Next respondent with nothing answered", 1, {}, () => click("Next respondent")],
    ["Next respondent over answers (it asks)", 0, first(2), () => click("Next respondent")],
    [
      "Next respondent over answers, confirmed",
      1,
      first(2),
      async () => {
        await click("Next respondent");
        await click("Discard answers and start next");
      },
    ],
    [
      "Save response (complete)",
      1,
      every(1),
      async () => {
        await click("Save response");
        await screen.findByText((text) => text.startsWith("Saved Ben's response for Claims."));
      },
    ],
    ["Save response (partial, it asks)", 0, first(2), () => click("Save response")],
    [
      "Edit from Team & history",
      1,
      first(2),
      async () => {
        await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Team & history" })));
        await click("Edit Ana's response", await within(panel("team")).findByRole("table", { name: "Responses" }));
      },
    ],
  ];

  it.each(ACTIONS)("%s: the draft is written %i time(s)", async (_, expected, answers, action) => {
    const storage = storageWith({ workflow: "Claims", respondent: "Ben", date: "", answers }, [ANA]);
    const { store, writes } = countingStore(storage);
    await renderApp(storage, store);
    expect(writes).toHaveLength(0); // starting up reads the draft, and writes nothing
    await action();
    expect(writes).toHaveLength(expected);
    if (expected > 0) expect(writes.at(-1)).toEqual(storedDraft(storage));
  });

  it("Cancel edit and Save changes each write the draft once", async () => {
    const storage = storageWith({ workflow: "Claims", respondent: "Ben", date: "", answers: first(2) }, [ANA]);
    const { store, writes } = countingStore(storage);
    await renderApp(storage, store);
    await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Team & history" })));
    const table = await within(panel("team")).findByRole("table", { name: "Responses" });
    await click("Edit Ana's response", table);
    await click("Cancel edit", screen.getByRole("group", { name: "Editing Ana's response of 2026-04-02" }));
    expect(writes).toHaveLength(2);
    expect(writes[1]).toEqual({ workflow: "Claims", respondent: "Ben", date: "", answers: first(2) });

    await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Team & history" })));
    await click("Edit Ana's response", table);
    answer(0, 5);
    await click("Save changes");
    await screen.findByText(/^Saved the changes to Ana's response/);
    // Edit, the answer, and the form's return to Ben's answers.
    expect(writes).toHaveLength(5);
    expect(writes[4]).toEqual({ workflow: "Claims", respondent: "Ben", date: "", answers: first(2) });
  });
});
