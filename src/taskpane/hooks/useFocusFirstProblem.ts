import * as React from "react";

/**
 * After a refused submit, moves the focus to the first control in `container` marked invalid
 * (aria-invalid, which Fluent's Field sets on its control), once the render that marks it is drawn.
 * Returns the function to call when the submit is refused.
 *
 * @example
 * const focusFirstProblem = useFocusFirstProblem(formRef);
 * const save = () => { setTried(true); if (!valid) return focusFirstProblem(); … };
 */
export function useFocusFirstProblem(container: React.RefObject<HTMLElement | null>): () => void {
  const [requests, setRequests] = React.useState(0);
  React.useEffect(() => {
    if (requests === 0) return;
    container.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [requests, container]);
  return React.useCallback(() => setRequests((n) => n + 1), []);
}
