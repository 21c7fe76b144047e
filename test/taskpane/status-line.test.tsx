import { statusLine } from "../../src/taskpane/App";

describe("statusLine", () => {
  it("says where the data goes, then why office.js is missing, without brackets inside brackets", () => {
    const line = statusLine({
      host: null,
      reason: "office.js could not be loaded: it is blocked, or this computer is offline.",
    });
    expect(line).toBe(
      "Preview outside Excel: data is kept in this browser and can be exported. " +
        "office.js could not be loaded: it is blocked, or this computer is offline.",
    );
    expect(statusLine({ host: null, reason: "Office.onReady failed: timeout (5 s)" })).toMatch(/\(5 s\)\.$/);
  });

  it("is one plain sentence when office.js answered outside Office", () => {
    expect(statusLine({ host: null })).toBe("Preview outside Excel: data is kept in this browser and can be exported.");
  });
});
