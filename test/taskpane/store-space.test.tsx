// A browser store near or past its quota: the pane warns from the chosen share with the figure,
// and once a save does not fit it says so, keeps the answers on the form and everything saved,
// and offers the backup and the way to a workbook.
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { STATEMENTS, type AssessmentResponse } from "../../src/model";
import { App } from "../../src/taskpane/App";
import { StoreSpace } from "../../src/taskpane/components/StoreSpace";
import { LocalPlanningStore } from "../../src/workbook/local-planning";
import { STORE_QUOTA_CHARS, STORE_WARN_SHARE } from "../../src/workbook/local-space";
import { LocalStore } from "../../src/workbook/local-store";
import { DRAFT_KEY, RESPONSES_KEY, type AssessmentStore } from "../../src/workbook/store";
import { fullableStorage, memoryStorage } from "../workbook/memory-storage";
import { answer } from "./answer";
import { renderInPane } from "./render";

const PREVIEW = { host: null, reason: "test" };
const every = (value: number) => Object.fromEntries(STATEMENTS.map((s) => [s.id, value]));
const first = (count: number, value: number) =>
  Object.fromEntries(STATEMENTS.slice(0, count).map((s) => [s.id, value]));
const EMPTY_PLANNING = { scenarios: [], roi: [], maturity: [], roadmaps: [], skipped: [] };

const response = (i: number): AssessmentResponse => ({
  id: `r-${i}`,
  workflow: "Claims",
  respondent: `Respondent ${i}`,
  date: "2026-04-02",
  answers: every(3),
});

/** Enough real responses to fill the given share of the quota. */
function responsesFilling(share: number): AssessmentResponse[] {
  const each = JSON.stringify(response(10_000)).length + 1;
  return Array.from({ length: Math.ceil((share * STORE_QUOTA_CHARS) / each) }, (_, i) => response(i + 1));
}

describe("the warning before the browser's storage is full", () => {
  it("shows the figure, the share it warns from, the backup and the way to a workbook, and can be dismissed", async () => {
    const storage = memoryStorage();
    const responses = responsesFilling(STORE_WARN_SHARE + 0.04);
    storage.setItem(RESPONSES_KEY, JSON.stringify(responses));
    renderInPane(<StoreSpace store={new LocalStore(storage)} responses={responses} planning={EMPTY_PLANNING} />);

    const warning = await screen.findByRole("group", { name: /This browser's storage is nearly full/ });
    expect(warning).toHaveAttribute("data-intent", "warning");
    expect(warning).toHaveTextContent(
      "AGAP's data fills 4.2 MB of about 5 MB this browser allows; AGAP warns from 80%. Once it is full, nothing more can be saved here.",
    );
    expect(warning).toHaveTextContent(/Export \.xlsx, open that file in Excel and open AGAP in it/);
    expect(within(warning).getByRole("button", { name: "Download backup" })).toBeEnabled();

    await act(async () => fireEvent.click(within(warning).getByRole("button", { name: "Dismiss" })));
    expect(screen.queryByRole("group", { name: /storage is nearly full/ })).toBeNull();
  });

  it("is not shown below the share, nor for the workbook", async () => {
    const storage = memoryStorage();
    const responses = responsesFilling(STORE_WARN_SHARE - 0.01);
    storage.setItem(RESPONSES_KEY, JSON.stringify(responses));
    const local = new LocalStore(storage);
    const view = renderInPane(<StoreSpace store={local} responses={responses} planning={EMPTY_PLANNING} />);
    await act(async () => {});
    expect(screen.queryByRole("group")).toBeNull();
    view.unmount();

    // The Excel store keeps records in the workbook, which has no such quota.
    // A store that could measure, but says it is the workbook.
    const workbook = Object.create(local, { kind: { value: "excel" } }) as AssessmentStore;
    storage.setItem(RESPONSES_KEY, JSON.stringify(responsesFilling(0.95)));
    expect(local.space().nearlyFull).toBe(true);
    renderInPane(<StoreSpace store={workbook} responses={responses} planning={EMPTY_PLANNING} />);
    await act(async () => {});
    expect(screen.queryByRole("group")).toBeNull();
  });
});

describe("a save that does not fit", () => {
  it("says the store is full, keeps the answers on the form and everything saved, offers the backup, and a retry saves once there is room", async () => {
    const storage = fullableStorage();
    const saved = response(1);
    storage.setItem(RESPONSES_KEY, JSON.stringify([saved]));
    const draft = { workflow: "Claims", respondent: "Cy", date: "2026-04-02", answers: first(14, 2) };
    storage.setItem(DRAFT_KEY, JSON.stringify(draft));
    renderInPane(
      <App office={PREVIEW} store={new LocalStore(storage)} planningStore={new LocalPlanningStore(storage)} />,
      { withErrorBar: false },
    );
    await screen.findByRole("radiogroup", { name: `15. ${STATEMENTS[14].text}` });

    storage.full = true;
    await act(async () => answer(14, 4));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save response" })));

    const failed = await screen.findByRole("group", { name: /The response was not saved; your answers are kept/ });
    expect(failed).toHaveTextContent(
      /This browser's storage for AGAP is full, so this change was not saved \(AGAP's data fills 0\.0 MB of about 5 MB this browser allows\)\. Everything saved before is kept, and your unsaved answers stay on the form\./,
    );
    const full = screen.getByRole("group", { name: /This browser's storage is full/ });
    expect(full).toHaveTextContent(/the last change did not fit\. Everything saved before is kept/);
    expect(full).toHaveTextContent(/Export \.xlsx, open that file in Excel and open AGAP in it/);
    expect(within(full).queryByRole("button", { name: "Dismiss" })).toBeNull();

    // The answers stay on the form; nothing stored changed, the draft saved before included.
    expect(screen.getByText("15 of 15 answered")).toBeInTheDocument();
    expect(
      within(screen.getByRole("radiogroup", { name: `15. ${STATEMENTS[14].text}` })).getByRole("radio", { name: "4" }),
    ).toBeChecked();
    expect(JSON.parse(storage.getItem(RESPONSES_KEY)!)).toEqual([saved]);
    expect(JSON.parse(storage.getItem(DRAFT_KEY)!)).toEqual(draft);

    // The backup holds what is saved, offered as a download named for the day.
    const blobs: Blob[] = [];
    const names: string[] = [];
    const url = URL as unknown as { createObjectURL?: (blob: Blob) => string; revokeObjectURL?: () => void };
    const kept = url.createObjectURL;
    url.createObjectURL = (blob) => (blobs.push(blob), "blob:backup");
    // jsdom has neither; the download revokes its address a second later, after this test.
    url.revokeObjectURL ??= () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    try {
      await act(async () => fireEvent.click(within(full).getByRole("button", { name: "Download backup" })));
      await waitFor(() => expect(names).toHaveLength(1));
    } finally {
      click.mockRestore();
      url.createObjectURL = kept;
    }
    expect(names[0]).toMatch(/backup.*\.json$/);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(blobs[0]);
    });
    expect(JSON.parse(text)).toMatchObject({ format: "agap-backup", responses: [saved] });

    // Room made: each Retry writes what is on the form, and the full-store notice goes with the errors.
    storage.full = false;
    const onForm = { ...first(14, 2), [STATEMENTS[14].id]: 4 };
    const draftFailed = screen.getByRole("group", { name: "The draft could not be saved in this browser" });
    expect(draftFailed).toHaveTextContent(/^The draft could not be saved.*This browser's storage for AGAP is full/);
    await act(async () => fireEvent.click(within(draftFailed).getByRole("button", { name: "Retry" })));
    expect(JSON.parse(storage.getItem(DRAFT_KEY)!)).toEqual({ ...draft, answers: onForm });
    await act(async () => fireEvent.click(within(failed).getByRole("button", { name: "Retry" })));
    await waitFor(() => expect(JSON.parse(storage.getItem(RESPONSES_KEY)!)).toHaveLength(2));
    const [, retried] = JSON.parse(storage.getItem(RESPONSES_KEY)!) as AssessmentResponse[];
    expect(retried).toMatchObject({ respondent: "Cy", answers: onForm });
    expect(screen.queryByRole("group", { name: /storage is full|not saved/ })).toBeNull();

    // Save again updates the same response rather than adding a second copy.
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save response" })));
    await screen.findByText(/^Saved Cy's response for Claims\./);
    expect(JSON.parse(storage.getItem(RESPONSES_KEY)!)).toEqual([saved, retried]);
  });
});
