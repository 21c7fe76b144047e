// Team privacy in the pane: below the team's smallest group a round shows only the team mean of
// each layer (no Min, Max or disagreements; the reason is said), the setting is saved with a
// confirmation, and an anonymous round keeps no typed name, on the form, in storage or in its rows.
import * as React from "react";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { STATEMENTS, roundsOf, type AssessmentResponse, type TeamSettings } from "../../src/model";
import { App } from "../../src/taskpane/App";
import { TeamPanel } from "../../src/taskpane/components/TeamPanel";
import { WhatMoved } from "../../src/taskpane/components/WhatMoved";
import "../../src/taskpane/planning/ScenariosPanel";
import { LocalPlanningStore } from "../../src/workbook/local-planning";
import { LocalStore } from "../../src/workbook/local-store";
import { DRAFT_KEY, RESPONSES_KEY } from "../../src/workbook/store";
import type { InitialDraft } from "../../src/taskpane/hooks/useDraft";
import { BrowserTeamSettings, TEAM_SETTINGS_KEY } from "../../src/workbook/team-settings";
import { respond, type LayerAnswers } from "../model/respond";
import { memoryStorage } from "../workbook/memory-storage";
import { answer } from "./answer";
import { renderInPane } from "./render";

const APRIL = "2026-04-10";
const claims = (layers: readonly LayerAnswers[], id: string, respondent: string, date = APRIL) =>
  respond(layers, { id, workflow: "Claims", date, respondent });

// Ana [4,4,4,4,4] and Ben [1,3,3,3,3]: Strategy 0.8 and 0.2 → mean 50%, min 20%, max 80%; the
// three Strategy statements are 3 points apart, so flagged once detail shows.
const ANA = claims([4, 4, 4, 4, 4], "a", "Ana");
const BEN = claims([1, 3, 3, 3, 3], "b", "Ben");
// Cy [4,3,3,3,3]: Strategy 0.8 → three respondents, mean (0.8 + 0.2 + 0.8) / 3 = 60%.
const CY = claims([4, 3, 3, 3, 3], "c", "Cy");

const layerTable = () => screen.getByRole("table", { name: "Layer scores across the round's complete responses" });
const headers = (table: HTMLElement) =>
  within(table)
    .getAllByRole("columnheader")
    .map((cell) => cell.textContent);
const strategyRow = () =>
  Array.from(within(layerTable()).getAllByRole("row")[1].querySelectorAll("td"), (cell) => cell.textContent);
const REASON_2 =
  "Only the team mean is shown: this round has 2 complete respondents, and detail appears from 3. " +
  "Lowest and highest scores, spreads and disagreements could single someone out.";

/** The panel with the setting kept as App keeps it: saved, then passed down. */
function TeamWithSetting({ responses, start = 3 }: { responses: AssessmentResponse[]; start?: number }) {
  const [minGroup, setMinGroup] = React.useState(start);
  return (
    <TeamPanel
      workflow="Claims"
      responses={responses}
      skipped={[]}
      minGroup={minGroup}
      onMinGroup={async (value) => {
        setMinGroup(value);
        return true;
      }}
    />
  );
}

describe("Team & history below and at the smallest group", () => {
  it("withholds Min, Max and disagreements in a 2-respondent round, and says why", () => {
    renderInPane(<TeamWithSetting responses={[ANA, BEN]} />);
    expect(headers(layerTable())).toEqual(["Layer", "Mean"]);
    expect(strategyRow()).toEqual(["Strategy", "50.0%"]);
    expect(screen.getByTestId("detail-withheld")).toHaveTextContent(REASON_2);
    expect(screen.queryByRole("list", { name: "Statements with divergent answers" })).toBeNull();
    expect(screen.getByText(/^Withheld for this round, as the lowest and highest scores are/)).toHaveTextContent(
      "with fewer than 3 complete respondents, a disagreement could point to one person.",
    );
    // Each person's own figure would tell more than the lowest and highest do: the list names the
    // responses without it, and says why.
    const responses = screen.getByRole("table", { name: "Responses" });
    expect(headers(responses)).toEqual(["Respondent"]);
    expect(
      within(responses)
        .getAllByRole("row")
        .map((row) => row.textContent),
    ).toEqual(["Respondent", "Ana", "Ben"]);
    expect(screen.getByTestId("response-figures-withheld")).toHaveTextContent(
      "Each response's realized value is withheld too, for the same reason.",
    );
  });

  it("shows them in a 3-respondent round", () => {
    renderInPane(<TeamWithSetting responses={[ANA, BEN, CY]} />);
    expect(headers(layerTable())).toEqual(["Layer", "Mean", "Min", "Max"]);
    expect(strategyRow()).toEqual(["Strategy", "60.0%", "20.0%", "80.0%"]);
    expect(screen.queryByTestId("detail-withheld")).toBeNull();
    expect(headers(screen.getByRole("table", { name: "Responses" }))).toEqual(["Respondent", "Realized"]);
    expect(screen.queryByTestId("response-figures-withheld")).toBeNull();
    const flags = within(screen.getByRole("list", { name: "Statements with divergent answers" })).getAllByRole(
      "listitem",
    );
    expect(flags.map((li) => li.textContent)).toEqual(
      STATEMENTS.filter((s) => s.layer === "strategy").map((s) => `${s.text} Answers range from 1 to 4.`),
    );
  });

  it("shows the detail of a 2-respondent round once the smallest group is set to 2, with a confirmation", async () => {
    renderInPane(<TeamWithSetting responses={[ANA, BEN]} />);
    const field = screen.getByRole("textbox", { name: "Smallest group shown in detail" });
    // Its unit after the number.
    expect(field.parentElement?.querySelector(".fui-Input__contentAfter")).toHaveTextContent(/^respondents$/);
    fireEvent.change(field, { target: { value: "0" } });
    fireEvent.click(screen.getByRole("button", { name: "Save smallest group" }));
    expect(screen.getByText("The smallest group must be a whole number from 1 to 50.")).toBeInTheDocument();
    expect(headers(layerTable())).toEqual(["Layer", "Mean"]);

    fireEvent.change(field, { target: { value: "2" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save smallest group" })));
    expect(screen.getByTestId("save-confirmation")).toHaveTextContent(
      "Saved: rounds with fewer than 2 complete respondents show only the team mean of each layer.",
    );
    expect(headers(layerTable())).toEqual(["Layer", "Mean", "Min", "Max"]);
    expect(strategyRow()).toEqual(["Strategy", "50.0%", "20.0%", "80.0%"]);
    expect(screen.getByRole("list", { name: "Statements with divergent answers" })).toBeInTheDocument();
    expect(screen.queryByTestId("detail-withheld")).toBeNull();
  });

  it("keeps the setting and says nothing was saved when the save fails", async () => {
    renderInPane(
      <TeamPanel workflow="Claims" responses={[ANA, BEN]} skipped={[]} minGroup={3} onMinGroup={async () => false} />,
    );
    fireEvent.change(screen.getByRole("textbox", { name: "Smallest group shown in detail" }), {
      target: { value: "2" },
    });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save smallest group" })));
    expect(screen.queryByTestId("save-confirmation")).toBeNull();
    expect(headers(layerTable())).toEqual(["Layer", "Mean"]);
  });
});

describe("Team & history for an anonymous round", () => {
  it("says the round is anonymous, and points out names left in it with a way to replace them", () => {
    const onReplaceNames = jest.fn();
    const labelled = { ...CY, respondent: "Respondent 1" };
    renderInPane(
      <TeamPanel
        workflow="Claims"
        responses={[ANA, labelled, BEN]}
        skipped={[]}
        isAnonymous={(workflow, date) => workflow === "Claims" && date === APRIL}
        onReplaceNames={onReplaceNames}
      />,
    );
    expect(screen.getByText(/^Anonymous round: its responses keep no names/)).toBeInTheDocument();
    expect(
      screen.getByText(
        "This round is anonymous, yet 2 of its responses still carry names (typed into the sheet, or not yet replaced).",
      ),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Replace names by labels" }));
    expect(onReplaceNames).toHaveBeenCalledWith([ANA, BEN]);
  });

  it("says nothing of anonymity for a named round", () => {
    renderInPane(<TeamPanel workflow="Claims" responses={[ANA, BEN]} skipped={[]} isAnonymous={() => false} />);
    expect(screen.queryByText(/^Anonymous round/)).toBeNull();
    expect(screen.queryByRole("button", { name: "Replace names by labels" })).toBeNull();
  });
});

describe("What moved below the smallest group", () => {
  // January: Ana and Ben (2 respondents); April: Ana, Ben and Cy again (3).
  const JAN = "2026-01-10";
  const january = [claims([2, 2, 2, 2, 2], "ja", "Ana", JAN), claims([3, 3, 3, 3, 3], "jb", "Ben", JAN)];
  const rounds = roundsOf([...january, ANA, BEN, CY], "Claims");

  it("withholds the statements that moved most when either round is below it, and says why", () => {
    renderInPane(<WhatMoved rounds={rounds} minGroup={3} />);
    expect(screen.queryByRole("list", { name: "Statements whose team mean moved most" })).toBeNull();
    expect(screen.getByTestId("statements-withheld")).toHaveTextContent(
      "The statements that moved most are withheld: the 2026-01-10 round has 2 complete respondents, and they are " +
        "listed from 3. In so small a group a statement's team mean can show how one person answered.",
    );
    // The layer shares, from the layer means, stay.
    expect(screen.getByRole("table", { name: "Each layer's share of the change" })).toBeInTheDocument();
  });

  it("lists them when both rounds reach it", () => {
    renderInPane(<WhatMoved rounds={rounds} minGroup={2} />);
    expect(screen.queryByTestId("statements-withheld")).toBeNull();
    expect(
      within(screen.getByRole("list", { name: "Statements whose team mean moved most" })).getAllByRole("listitem"),
    ).toHaveLength(3);
  });
});

// ---------------------------------------------------------------------------------------------
// The whole pane
// ---------------------------------------------------------------------------------------------

const PREVIEW = { host: null, reason: "test" };
const TYPED = "Zoë Quintanilla";

async function renderApp(storage = memoryStorage(), settings?: TeamSettings, initialDraft?: InitialDraft) {
  const teamSettings = new BrowserTeamSettings(storage);
  if (settings) await teamSettings.save(settings);
  renderInPane(
    <App
      office={PREVIEW}
      store={new LocalStore(storage)}
      planningStore={new LocalPlanningStore(storage)}
      teamSettings={teamSettings}
      initialDraft={initialDraft}
    />,
    { withErrorBar: false },
  );
  await screen.findByRole("form", { name: "Assessment" });
  return storage;
}

const anonymousSwitch = () => screen.getByRole("switch", { name: "Anonymous round" });
const respondentField = () => screen.queryByRole("textbox", { name: "Respondent (optional)" });

describe("an anonymous round in the pane", () => {
  it("drops a name typed before, saves each response under a label, and keeps the name nowhere", async () => {
    const storage = await renderApp();
    fireEvent.change(screen.getByRole("combobox", { name: /Workflow/ }), { target: { value: "Claims" } });
    fireEvent.change(screen.getByLabelText("Date for this round (optional)"), { target: { value: APRIL } });
    fireEvent.change(respondentField()!, { target: { value: TYPED } });
    expect(storage.getItem(DRAFT_KEY)).toContain(TYPED);

    await act(async () => fireEvent.click(anonymousSwitch()));
    expect(anonymousSwitch()).toBeChecked();
    expect(respondentField()).toBeNull();
    expect(screen.getByText(/^No names are asked for or kept in Claims,/)).toBeInTheDocument();
    expect(JSON.parse(storage.getItem(TEAM_SETTINGS_KEY)!)).toEqual({
      minGroup: 3,
      anonymousRounds: [{ workflow: "Claims", date: APRIL }],
    });
    expect(JSON.parse(storage.getItem(DRAFT_KEY)!).respondent).toBe("");

    await waitFor(() => expect(document.querySelectorAll('[role="radiogroup"]')).toHaveLength(15));
    STATEMENTS.forEach((_, i) => answer(i, 3));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save response" })));
    await screen.findByText(/^Saved Respondent 1's response for Claims\./);
    const saved = JSON.parse(storage.getItem(RESPONSES_KEY)!) as AssessmentResponse[];
    expect(saved.map((r) => r.respondent)).toEqual(["Respondent 1"]);
    expect([...storage.map.values()].join("\n")).not.toContain("Zoë");

    await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Team & history" })));
    const rows = within(await screen.findByRole("table", { name: "Responses" })).getAllByRole("row");
    expect(rows[1]).toHaveTextContent(/^Respondent 1/);
    expect(screen.getByText(/^Anonymous round: its responses keep no names/)).toBeInTheDocument();
    // Fifteen answers in jsdom take most of the time: a bound for a busy machine, not a wait.
  }, 90_000);

  it("asks before replacing the names of a round made anonymous, and replaces them only when told", async () => {
    const storage = memoryStorage();
    storage.setItem(RESPONSES_KEY, JSON.stringify([ANA, BEN, claims([3, 3, 3, 3, 3], "o", "Olga", "2026-01-01")]));
    storage.setItem(DRAFT_KEY, JSON.stringify({ workflow: "Claims", respondent: "", date: APRIL, answers: {} }));
    await renderApp(storage);
    // The saved responses are read: the workflow is offered among the earlier ones.
    await waitFor(() => expect(document.querySelector('datalist option[value="Claims"]')).not.toBeNull());

    fireEvent.click(anonymousSwitch());
    expect(screen.getByText("2 saved responses of this round carry names.")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Keep the names" }));
    expect(anonymousSwitch()).not.toBeChecked();
    expect(storage.getItem(TEAM_SETTINGS_KEY)).toBeNull();
    expect(respondentField()).not.toBeNull();

    fireEvent.click(anonymousSwitch());
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Replace names and make anonymous" })));
    await waitFor(() =>
      expect((JSON.parse(storage.getItem(RESPONSES_KEY)!) as AssessmentResponse[]).map((r) => r.respondent)).toEqual([
        "Respondent 1",
        "Respondent 2",
        "Olga", // another round, not made anonymous
      ]),
    );
    expect(anonymousSwitch()).toBeChecked();
    expect(respondentField()).toBeNull();
    expect(storage.getItem(RESPONSES_KEY)).not.toMatch(/"Ana"|"Ben"/);
  });

  it.each([
    ["read by the pane", false],
    ["read before the first render", true],
  ])("clears a name from a stored draft of an anonymous round at start (%s)", async (_how, preload) => {
    const storage = memoryStorage();
    const draft = { workflow: "Claims", respondent: TYPED, date: APRIL, answers: { [STATEMENTS[0].id]: 2 } };
    storage.setItem(DRAFT_KEY, JSON.stringify(draft));
    const settings = { minGroup: 3, anonymousRounds: [{ workflow: "Claims", date: APRIL }] };
    await renderApp(storage, settings, preload ? { draft } : undefined);
    await waitFor(() => expect(JSON.parse(storage.getItem(DRAFT_KEY)!)).toEqual({ ...draft, respondent: "" }));
    expect(anonymousSwitch()).toBeChecked();
    expect(respondentField()).toBeNull();
  });

  it("reports damaged settings and goes on with the default smallest group", async () => {
    const storage = memoryStorage();
    storage.setItem(TEAM_SETTINGS_KEY, JSON.stringify({ minGroup: "many", anonymousRounds: [] }));
    await renderApp(storage);
    expect(await screen.findByText("The team settings are damaged")).toBeInTheDocument();
    expect(screen.getByText(/the smallest group shown in detail is 3 \(the default\)/)).toBeInTheDocument();
  });

  it("withholds the Scenarios range of a 2-respondent round, with the reason", async () => {
    const storage = memoryStorage();
    storage.setItem(RESPONSES_KEY, JSON.stringify([ANA, BEN]));
    await renderApp(storage);
    await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Scenarios" })));
    expect(await screen.findByTestId("range-withheld")).toHaveTextContent(
      `The range is withheld, as it is drawn from each respondent's scores. ${REASON_2}`,
    );
    expect(screen.queryByTestId("uncertainty")).toBeNull();
  });

  it("shows the Scenarios range of a 2-respondent round once the smallest group is 2", async () => {
    const storage = memoryStorage();
    storage.setItem(RESPONSES_KEY, JSON.stringify([ANA, BEN]));
    await renderApp(storage, { minGroup: 2, anonymousRounds: [] });
    await act(async () => fireEvent.click(screen.getByRole("tab", { name: "Scenarios" })));
    expect(await screen.findByTestId("uncertainty")).toHaveTextContent(/^P10 .* · P50 .* · P90 /);
    expect(screen.queryByTestId("range-withheld")).toBeNull();
  });
});
