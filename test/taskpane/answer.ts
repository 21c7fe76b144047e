// Answering a statement of the form as a user would: find its scale by the statement's words,
// then click the radio button named by the answer. The scale is found from its label rather than
// by a page-wide role query: with Fluent's styles in the page, jsdom spends most of a second
// on each page-wide role query, and a test answering 15 statements would take its time there.
import { fireEvent, screen, within } from "@testing-library/react";
import { STATEMENTS } from "../../src/model";

/** The answer scale of one statement (0-based index), as the role "radiogroup" named by its text. */
export function answerScale(statementIndex: number): HTMLElement {
  const label = screen.getByText(`${statementIndex + 1}. ${STATEMENTS[statementIndex].text}`);
  const group = document.querySelector<HTMLElement>(`[role="radiogroup"][aria-labelledby="${label.id}"]`);
  if (!group) throw new Error(`No answer scale is labelled by statement ${statementIndex + 1}.`);
  return group;
}

export function answer(statementIndex: number, value: number): void {
  fireEvent.click(within(answerScale(statementIndex)).getByRole("radio", { name: String(value) }));
}
