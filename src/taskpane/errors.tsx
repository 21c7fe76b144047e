// The one place errors go: every failure is reported here and shown to the user,
// with a retry where the action can be repeated.
import * as React from "react";

export interface ReportedError {
  id: number;
  title: string;
  message: string;
  retry?: () => void;
  /**
   * The error answers what the user just did (a save, a delete): it takes the focus, and so comes
   * into view, wherever the user is in the pane. Errors from the background never take it.
   */
  focus?: boolean;
}

export interface ReportOptions {
  /** See ReportedError.focus. */
  focus?: boolean;
}

interface ErrorContextValue {
  errors: ReportedError[];
  report: (title: string, error: unknown, retry?: () => void, options?: ReportOptions) => void;
  dismiss: (id: number) => void;
}

const ErrorContext = React.createContext<ErrorContextValue | null>(null);

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === "object" && error !== null && "message" in error)
    return String((error as { message: unknown }).message);
  return String(error);
}

export interface StartupProblem {
  title: string;
  error: unknown;
}

/** `startupProblems`: failures met before the first render, shown like any other error. */
export function ErrorProvider({
  children,
  startupProblems = [],
}: {
  children: React.ReactNode;
  startupProblems?: readonly StartupProblem[];
}) {
  const [errors, setErrors] = React.useState<ReportedError[]>(() =>
    startupProblems.map((problem, index) => ({
      id: index + 1,
      title: problem.title,
      message: describeError(problem.error),
    })),
  );
  const nextId = React.useRef(startupProblems.length + 1);
  const report = React.useCallback((title: string, error: unknown, retry?: () => void, options?: ReportOptions) => {
    const entry = { id: nextId.current++, title, message: describeError(error), retry, focus: options?.focus };
    // The same failure repeated replaces its earlier report instead of stacking up.
    setErrors((current) => [...current.filter((e) => e.title !== title), entry]);
  }, []);
  const dismiss = React.useCallback((id: number) => setErrors((current) => current.filter((e) => e.id !== id)), []);

  React.useEffect(() => {
    const onError = (event: ErrorEvent) => report("Something went wrong", event.error ?? event.message);
    const onRejection = (event: PromiseRejectionEvent) => report("Something went wrong", event.reason);
    window.addEventListener("error", onError);
    window.addEventListener("unhandledrejection", onRejection);
    return () => {
      window.removeEventListener("error", onError);
      window.removeEventListener("unhandledrejection", onRejection);
    };
  }, [report]);

  const value = React.useMemo(() => ({ errors, report, dismiss }), [errors, report, dismiss]);
  return <ErrorContext.Provider value={value}>{children}</ErrorContext.Provider>;
}

export function useErrors(): ErrorContextValue {
  const value = React.useContext(ErrorContext);
  if (!value) throw new Error("useErrors must be used inside <ErrorProvider>");
  return value;
}

interface BoundaryState {
  error: unknown;
}

/**
 * The last line: anything that escapes a component is shown as an error with a way out, never a
 * blank pane. Saved data is untouched, so reloading the pane starts it again from the store.
 */
export class PaneErrorBoundary extends React.Component<
  { fallback: (error: unknown) => React.ReactNode; children: React.ReactNode },
  BoundaryState
> {
  state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error ?? new Error("An unknown error") };
  }

  render(): React.ReactNode {
    return this.state.error !== null ? this.props.fallback(this.state.error) : this.props.children;
  }
}
