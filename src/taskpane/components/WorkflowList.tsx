/**
 * The saved workflows as a native suggestion list for a text field (`list={id}`): a pick list
 * that still takes a new name, without a heavy popup component.
 */
export function WorkflowList({ id, names }: { id: string; names: readonly string[] }) {
  return (
    <datalist id={id}>
      {names.map((name) => (
        <option key={name} value={name} />
      ))}
    </datalist>
  );
}
