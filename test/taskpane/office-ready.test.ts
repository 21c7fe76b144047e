import { hostSigns, isPlainBrowserTab, type HostSigns } from "../../src/taskpane/office-ready";

// A top-level tab of an ordinary browser: what Chromium shows the page outside Office.
const PLAIN: HostSigns = {
  framed: false,
  search: "",
  name: "",
  savedHostInfo: () => null,
  external: { AddSearchProvider: () => undefined },
  agaveHost: false,
  webview: false,
};

describe("isPlainBrowserTab", () => {
  it("is true only where office.js would find no host", () => {
    expect(isPlainBrowserTab(PLAIN)).toBe(true);
    expect(isPlainBrowserTab({ ...PLAIN, search: "?tab=roi", name: "agap" })).toBe(true);
    expect(isPlainBrowserTab({ ...PLAIN, external: undefined })).toBe(true);
  });

  // Each place an Office host may leave its mark, alone: the pane must then wait for Office.
  it.each<[string, Partial<HostSigns>]>([
    ["a frame (Excel on the web)", { framed: true }],
    ["the host info Office appends to the address", { search: "?_host_Info=Excel$Win32$16.01$en-US$$$$0" }],
    ["the host info after another parameter", { search: "?et=&_host_Info=Excel|Mac|16.01|en-US|x|" }],
    ["the host info anywhere in the query, as office.js reads it", { search: "?ref_host_Info=Excel|Web|16.00|en-US" }],
    ["the host info in the window's name", { name: JSON.stringify({ hostInfo: "Excel|Web|16.00|en-US" }) }],
    ["the host info office.js kept in the session", { savedHostInfo: () => "Excel$Win32$16.01$en-US$$$$0" }],
    ["a host that answers GetHostInfo", { external: { GetHostInfo: () => "Excel$Win32$16.01$en-US" } }],
    ["an older host that answers GetContext", { external: { GetContext: () => ({}) } }],
    ["a global agaveHost", { agaveHost: true }],
    ["an app's web view (WebView2, WKWebView)", { webview: true }],
  ])("is false with %s", (_, sign) => {
    expect(isPlainBrowserTab({ ...PLAIN, ...sign })).toBe(false);
  });

  it("is false when session storage cannot be read: nothing to go on", () => {
    const blocked = () => {
      throw new DOMException("Access is denied for this document.", "SecurityError");
    };
    expect(isPlainBrowserTab({ ...PLAIN, savedHostInfo: blocked })).toBe(false);
  });
});

describe("hostSigns", () => {
  /** A window-like object with only what hostSigns reads. */
  function fakeWindow(overrides: Record<string, unknown> = {}): Window {
    const self: Record<string, unknown> = {
      location: { search: "?x=1" },
      name: "pane",
      sessionStorage: { getItem: (key: string) => (key === "hostInfoValue" ? "Excel|Web" : null) },
      external: {},
      ...overrides,
    };
    if (!("top" in overrides)) self.top = self;
    return self as unknown as Window;
  }

  it("reads the address, name, session, host objects and framing of the window", () => {
    const signs = hostSigns(fakeWindow());
    expect(signs).toMatchObject({ framed: false, search: "?x=1", name: "pane", agaveHost: false, webview: false });
    expect(signs.savedHostInfo()).toBe("Excel|Web");
    expect(hostSigns(fakeWindow({ agaveHost: {} })).agaveHost).toBe(true);
    expect(hostSigns(fakeWindow({ chrome: { webview: {} } })).webview).toBe(true);
    expect(hostSigns(fakeWindow({ chrome: {} })).webview).toBe(false);
    expect(hostSigns(fakeWindow({ webkit: { messageHandlers: {} } })).webview).toBe(true);
    expect(hostSigns(fakeWindow({ webkit: {} })).webview).toBe(false);
  });

  it("takes a page under another, or under a parent it may not read, as framed", () => {
    expect(hostSigns(fakeWindow({ top: {} })).framed).toBe(true);
    const crossOrigin = fakeWindow();
    Object.defineProperty(crossOrigin, "top", {
      get() {
        throw new DOMException("Blocked a frame from accessing a cross-origin frame.", "SecurityError");
      },
    });
    expect(hostSigns(crossOrigin).framed).toBe(true);
  });
});
