import * as React from "react";

/**
 * Whether the element's content is wider than the element itself, so part of it is reached only by
 * scrolling sideways. Follows the pane's width and the content as they change.
 */
export function useOverflowsSideways<T extends HTMLElement>(): [React.RefCallback<T>, boolean] {
  const [overflows, setOverflows] = React.useState(false);
  const observer = React.useRef<ResizeObserver | null>(null);
  const ref = React.useCallback((element: T | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!element) return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    measure();
    // Without ResizeObserver (older hosts), the first measure stands.
    if (typeof ResizeObserver !== "function") return;
    observer.current = new ResizeObserver(measure);
    observer.current.observe(element);
    if (element.firstElementChild) observer.current.observe(element.firstElementChild);
  }, []);
  return [ref, overflows];
}
