import "@testing-library/jest-dom";

// jsdom has no layout, hence no ResizeObserver; Fluent's MessageBar observes its own size.
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoLayoutResizeObserver;

// Fluent components under jsdom are slow on a 2-core machine; a full 15-answer form needs time.
jest.setTimeout(30_000);
