// Team & history opens on the round the workflow is judged by, as Scenarios, ROI and Portfolio do,
// and a round picked for one workflow does not carry over to another.
import * as React from "react";
import { fireEvent, screen } from "@testing-library/react";
import { type AssessmentResponse } from "../../src/model";
import { TeamPanel } from "../../src/taskpane/components/TeamPanel";
import { respond } from "../model/respond";
import { renderInPane } from "./render";

const complete = (workflow: string, date: string, id: string) => respond([4, 3, 3, 2, 3], { id, workflow, date });
const partial = (workflow: string, date: string, id: string) =>
  respond([4, 3, null, null, null], { id, workflow, date });

const RESPONSES: AssessmentResponse[] = [
  complete("Claims", "2026-01-10", "c1"),
  partial("Claims", "2026-06-01", "c2"),
  complete("Invoices", "2026-01-10", "i1"),
  complete("Invoices", "2026-03-01", "i2"),
];

it("opens on the latest round with a team result, not a newer round with only partial responses", () => {
  renderInPane(<TeamPanel workflow="Claims" responses={RESPONSES} skipped={[]} />);
  expect(screen.getByRole("heading", { name: /Claims, round 2026-01-10/ })).toBeInTheDocument();
  expect(screen.getByRole("combobox", { name: "Round" })).toHaveValue("2026-01-10");
});

/** The panel staying mounted while the workflow changes, as it does in the pane. */
function Switching() {
  const [workflow, setWorkflow] = React.useState("Claims");
  return (
    <>
      <button onClick={() => setWorkflow("Invoices")}>Show Invoices</button>
      <TeamPanel workflow={workflow} responses={RESPONSES} skipped={[]} />
    </>
  );
}

it("forgets the round picked for one workflow when another is shown", () => {
  renderInPane(<Switching />);
  fireEvent.change(screen.getByRole("combobox", { name: "Round" }), { target: { value: "2026-01-10" } });
  expect(screen.getByRole("heading", { name: /Claims, round 2026-01-10/ })).toBeInTheDocument();
  fireEvent.click(screen.getByRole("button", { name: "Show Invoices" }));
  // Invoices also has a round on 2026-01-10; it opens on its own latest, 2026-03-01.
  expect(screen.getByRole("heading", { name: /Invoices, round 2026-03-01/ })).toBeInTheDocument();
});
