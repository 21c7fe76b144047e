import "@testing-library/jest-dom";
import { configure } from "@testing-library/react";

// jsdom has no layout, hence no ResizeObserver; Fluent's MessageBar observes its own size.
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoLayoutResizeObserver;

// Fluent components under jsdom are slow on a 2-core machine; a full 15-answer form needs time,
// and a test that fills the ROI form twice took more than 30 s once the machine was busy.
jest.setTimeout(90_000);

// The same machine may be busy with other work: waiting for the pane's lazy panels and its
// deferred statements may take longer than Testing Library's default second. A wait that ends
// early passes at once; only a wait for what never comes takes this long.
configure({ asyncUtilTimeout: 10_000 });
