// A save that succeeded in an Excel lacking a feature says which feature it left out, in the one
// error bar, and the save still counts.
import { act, screen } from "@testing-library/react";
import { SAVED_WITH_LIMITATIONS, useResponses } from "../../src/taskpane/hooks/useResponses";
import { DEGRADED } from "../../src/workbook/api-support";
import type { AssessmentStore } from "../../src/workbook/store";
import { renderInPane } from "./render";

function storeLacking(messages: string[]): AssessmentStore & { saved: number } {
  return {
    kind: "excel",
    saved: 0,
    async listResponses() {
      return { responses: [], skipped: [] };
    },
    async saveResponse() {
      this.saved += 1;
    },
    async deleteResponse() {},
    async loadDraft() {
      return null;
    },
    async saveDraft() {},
    drainLimitations: () => messages.splice(0),
  };
}

function Saver({ store, onSaved }: { store: AssessmentStore; onSaved: (ok: boolean) => void }) {
  // save resolves to the response as stored, or false after a failure.
  const { save } = useResponses(store);
  return (
    <button
      onClick={() =>
        void save({ id: "r", workflow: "Claims", respondent: "", date: "", answers: {} }).then((stored) =>
          onSaved(stored !== false),
        )
      }
    >
      Save
    </button>
  );
}

it("shows what this Excel left out after a save that succeeded", async () => {
  const store = storeLacking([DEGRADED.freezePanes, DEGRADED.dataValidation]);
  let result: boolean | undefined;
  renderInPane(<Saver store={store} onSaved={(ok) => (result = ok)} />);
  await act(async () => screen.getByRole("button", { name: "Save" }).click());
  expect(result).toBe(true);
  expect(store.saved).toBe(1);
  expect(await screen.findByText(SAVED_WITH_LIMITATIONS)).toBeInTheDocument();
  expect(screen.getByText(`${DEGRADED.freezePanes} ${DEGRADED.dataValidation}`)).toBeInTheDocument();
});

it("shows nothing extra when the Excel had every feature", async () => {
  const store = storeLacking([]);
  renderInPane(<Saver store={store} onSaved={() => undefined} />);
  await act(async () => screen.getByRole("button", { name: "Save" }).click());
  expect(store.saved).toBe(1);
  expect(screen.queryByText(SAVED_WITH_LIMITATIONS)).not.toBeInTheDocument();
});
