// Importing survey responses in the pane: the columns matched from the headers and changed by the
// user, the preview of the rows as they will be saved, every refused row with its reasons, and
// nothing in storage until the import is confirmed.
import { configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { TextDecoder, TextEncoder } from "util";
import { STATEMENTS } from "../../src/model";
import { ImportPanel } from "../../src/taskpane/components/ImportPanel";
import { LocalPlanningStore } from "../../src/workbook/local-planning";
import { LocalStore, type KeyValueStorage } from "../../src/workbook/local-store";
import { RESPONSES_KEY } from "../../src/workbook/store";
import { renderInPane } from "./render";

// jsdom has no TextDecoder; the pane's browsers all do.
Object.assign(globalThis, { TextDecoder, TextEncoder });
// Nothing here is hidden by style; role queries skip their slow visibility walk under jsdom.
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

const TEXTS = STATEMENTS.map((statement) => statement.text);
const quoted = (value: string | number) =>
  /[",\r\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : value;
const line = (values: readonly (string | number)[]) => values.map(quoted).join(",");

const ANA = [4, 4, 4, 3, 3, 3, 2, 3, 2, 2, 2, 2, 3, 3, 2];
const BO = [1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5, 0, 1, 2, 3];

// Google Forms' layout: Timestamp, then the questions. Two good rows and two bad ones.
const CSV =
  [
    line(["Timestamp", "Your name", ...TEXTS]),
    line(["2026/03/02 2:05:31 PM GMT+1", "Ana", ...ANA]),
    line(["2026/03/02 3:10:00 PM GMT+1", "<b>Bo</b>", ...BO.slice(0, 14), "strongly agree"]),
    line(["2026/03/02 3:12:00 PM GMT+1", "Cy", ...ANA.slice(0, 3), 7, ...ANA.slice(4)]),
    line(["2026/03/02 3:20:00 PM GMT+1", "Di", ...ANA.slice(0, 12), "Agree", ...ANA.slice(13)]),
  ].join("\r\n") + "\r\n";

function chooseFile(text: string, name: string) {
  const file = new File([text], name, { type: "text/csv" });
  fireEvent.change(screen.getByLabelText("Survey file"), { target: { files: [file] } });
}

function renderPanel(storage: MemoryStorage, onImported = jest.fn()) {
  renderInPane(
    <ImportPanel
      store={new LocalStore(storage)}
      planningStore={new LocalPlanningStore(storage)}
      onImported={onImported}
    />,
  );
  return onImported;
}

const listItems = (name: string) =>
  within(screen.getByRole("list", { name }))
    .getAllByRole("listitem")
    .map((item) => item.textContent);

describe("importing survey responses", () => {
  it("maps the columns, previews the rows, lists the refused ones, and saves only on confirmation", async () => {
    const storage = new MemoryStorage();
    const onImported = renderPanel(storage);
    chooseFile(CSV, "forms.csv");
    const heading = await screen.findByRole(
      "heading",
      { name: "Survey responses from “forms.csv”" },
      { timeout: 10_000 },
    );
    // The review opens below the buttons; the focus goes to it.
    expect(heading).toHaveFocus();

    // Matched from the headers: the name, the timestamp and all 15 statements; no workflow column.
    expect(screen.getByRole("combobox", { name: "Respondent" })).toHaveValue("1");
    expect(screen.getByRole("combobox", { name: "Date" })).toHaveValue("0");
    expect(screen.getByRole("combobox", { name: "Workflow" })).toHaveValue("fixed");
    expect(screen.getByText("Statements: 15 of 15 matched to columns")).toBeInTheDocument();
    const strategy1 = screen.getByRole("combobox", { name: `Strategy 1: ${TEXTS[0]}` });
    expect(strategy1).toHaveValue("2");
    expect(within(strategy1).getByRole("option", { name: `C: ${TEXTS[0].slice(0, 59)}…` })).toBeInTheDocument();

    // Without a workflow every row is refused, with every reason it has.
    const noWorkflow = "no workflow: choose the workflow column, or type one workflow for the whole file";
    expect(listItems("Rows not imported")).toEqual([
      `Row 2: ${noWorkflow}.`,
      `Row 3: ${noWorkflow}.`,
      `Row 4: ${noWorkflow}; Workflow 1 (column F): “7” is outside 0 to 5.`,
      `Row 5: ${noWorkflow}; Adoption 1 (column O): “Agree” is text, not an answer from 0 to 5.`,
    ]);
    expect(screen.getByRole("button", { name: "Import 0 responses" })).toBeDisabled();

    fireEvent.change(screen.getByRole("textbox", { name: "Workflow of every row" }), {
      target: { value: "Claims" },
    });
    expect(listItems("Rows not imported")).toEqual([
      "Row 4: Workflow 1 (column F): “7” is outside 0 to 5.",
      "Row 5: Adoption 1 (column O): “Agree” is text, not an answer from 0 to 5.",
    ]);
    expect(listItems("Import summary")).toEqual([
      "2 responses to import.",
      "2 rows cannot be imported; the reasons are listed below.",
    ]);
    // The preview: as they will be saved; a name with markup stays text.
    expect(listItems("Preview of the responses")).toEqual([
      "Row 2: AnaClaims · 2026-03-02 · 15 of 15 answeredStrategy 4 4 4 · Workflow 3 3 3 · Oversight 2 3 2 · Measurement 2 2 2 · Adoption 3 3 2",
      "Row 3: <b>Bo</b>Claims · 2026-03-02 · 15 of 15 answeredStrategy 1 2 3 · Workflow 4 5 0 · Oversight 1 2 3 · Measurement 4 5 0 · Adoption 1 2 5",
    ]);
    expect(screen.queryByText("Bo", { selector: "b" })).toBeNull();

    // A statement the user unmatches is left unanswered.
    fireEvent.change(screen.getByRole("combobox", { name: `Adoption 3: ${TEXTS[14]}` }), {
      target: { value: "none" },
    });
    expect(screen.getByText("Statements: 14 of 15 matched to columns")).toBeInTheDocument();
    expect(listItems("Preview of the responses")[1]).toContain("14 of 15 answered");
    expect(listItems("Preview of the responses")[1]).toContain("Adoption 1 2 –");
    // A column chosen for two statements is said.
    fireEvent.change(screen.getByRole("combobox", { name: `Adoption 3: ${TEXTS[14]}` }), {
      target: { value: "15" },
    });
    const shared = screen.getByText("Column P is matched to 2 statements: Adoption 2, Adoption 3.");
    // A warning by its icon and role as well as its colour: Fluent's MessageBar, intent warning.
    expect(shared.closest("[data-intent]")).toHaveAttribute("data-intent", "warning");
    expect(shared.closest('[role="group"]')).not.toBeNull();
    fireEvent.change(screen.getByRole("combobox", { name: `Adoption 3: ${TEXTS[14]}` }), {
      target: { value: "16" },
    });
    expect(screen.queryByText(/is matched to 2 statements/)).toBeNull();

    expect(storage.getItem(RESPONSES_KEY)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Import 2 responses" }));
    await screen.findByText("Imported 2 responses.");
    expect(onImported).toHaveBeenCalledTimes(1);
    const saved = JSON.parse(storage.getItem(RESPONSES_KEY)!) as { respondent: string; workflow: string }[];
    expect(saved.map((r) => [r.respondent, r.workflow])).toEqual([
      ["Ana", "Claims"],
      ["<b>Bo</b>", "Claims"],
    ]);
    expect(screen.queryByRole("heading", { name: /^Survey responses from/ })).toBeNull();

    // The same file again: both rows are found, nothing is added.
    chooseFile(CSV, "forms.csv");
    await screen.findByRole("heading", { name: "Survey responses from “forms.csv”" }, { timeout: 10_000 });
    fireEvent.change(screen.getByRole("textbox", { name: "Workflow of every row" }), {
      target: { value: "Claims" },
    });
    expect(listItems("Import summary")).toEqual([
      "0 responses to import.",
      "2 rows were imported before and are skipped.",
      "2 rows cannot be imported; the reasons are listed below.",
    ]);
    expect(screen.getByRole("button", { name: "Import 0 responses" })).toBeDisabled();
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("heading", { name: /^Survey responses from/ })).toBeNull();
    expect(JSON.parse(storage.getItem(RESPONSES_KEY)!)).toHaveLength(2);
  });

  it("finds the header on row 3 of a semicolon file, takes a workflow column, and lets the user move the header row", async () => {
    const storage = new MemoryStorage();
    renderPanel(storage);
    const rows = [
      ["Team survey, March"],
      [],
      ["Workflow", "Respondent", "Date", ...STATEMENTS.map((_, k) => `Q${k + 1}`)],
      ["Claims", "Ana", "25/03/2026", ...ANA],
      ["", "Bo", "25/03/2026", ...BO],
    ];
    chooseFile("\uFEFF" + rows.map((r) => r.join(";")).join("\r\n"), "hand-made.csv");
    await screen.findByRole("heading", { name: "Survey responses from “hand-made.csv”" }, { timeout: 10_000 });
    expect(screen.getByRole("textbox", { name: "Column names are on row" })).toHaveValue("3");
    expect(screen.getByRole("combobox", { name: "Workflow" })).toHaveValue("0");
    expect(screen.getByRole("combobox", { name: "Dates such as 3/2/2026 are" })).toHaveValue("dmy");
    expect(listItems("Rows not imported")).toEqual(["Row 5: the workflow (column A) is empty."]);
    expect(listItems("Preview of the responses")[0]).toMatch(/^Row 4: AnaClaims · 2026-03-25 · 15 of 15 answered/);

    // One workflow for the whole file instead: Bo's row is read too.
    fireEvent.change(screen.getByRole("combobox", { name: "Workflow" }), { target: { value: "fixed" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Workflow of every row" }), {
      target: { value: "Claims" },
    });
    expect(screen.queryByRole("list", { name: "Rows not imported" })).toBeNull();
    expect(screen.getByRole("button", { name: "Import 2 responses" })).toBeEnabled();

    // A row number in another notation is not read as one: "1e0" and "0x1" leave the header where it is.
    const headerRow = screen.getByRole("textbox", { name: "Column names are on row" });
    for (const typed of ["1e0", "0x1", "1.0"]) {
      fireEvent.change(headerRow, { target: { value: typed } });
      expect(headerRow).toHaveValue(typed);
      expect(headerRow).toHaveAccessibleDescription("Enter a row from 1 to 5.");
      expect(screen.getByRole("button", { name: "Import 2 responses" })).toBeEnabled();
    }

    // With the header moved to row 1, nothing matches any more and every row says why.
    fireEvent.change(headerRow, { target: { value: "1" } });
    expect(screen.getByText("Statements: 0 of 15 matched to columns")).toBeInTheDocument();
    expect(listItems("Rows not imported")[0]).toBe("Row 3: no column is matched to a statement.");
    expect(screen.getByRole("button", { name: "Import 0 responses" })).toBeDisabled();
    expect(storage.getItem(RESPONSES_KEY)).toBeNull();
  });

  it("says plainly when a file cannot be read as a survey", async () => {
    renderPanel(new MemoryStorage());
    chooseFile("", "empty.csv");
    const alert = await screen.findByRole("group", { name: "The file was not imported" }, { timeout: 10_000 });
    expect(alert).toHaveTextContent("The file was not imported “empty.csv” holds no rows.");
    chooseFile("not a workbook", "old.xls");
    await waitFor(() =>
      expect(screen.getByRole("group", { name: "The file was not imported" })).toHaveTextContent(
        "“old.xls” is an old-style .xls workbook; save it as .xlsx or CSV and import that.",
      ),
    );
  });
});
