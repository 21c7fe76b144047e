export interface OfficeStatus {
  /** The Office host ("Excel", ...), or null outside Office. */
  host: string | null;
  /** Why office.js is not available, when it could not load or did not answer. */
  reason?: string;
}

/** What a page may carry that tells office.js which Office host, if any, opened it. */
export interface HostSigns {
  /** Whether the page is framed by another: Excel on the web opens the pane in a frame. */
  framed: boolean;
  /** `location.search`: Office appends `_host_Info=` to the pane's address. */
  search: string;
  /** `window.name`: Office on the web may carry the host there, as JSON with a `hostInfo`. */
  name: string;
  /** office.js keeps the host it found in session storage, for pages the pane navigates to. */
  savedHostInfo: () => string | null;
  /** `window.external`: older Windows hosts answer GetHostInfo or GetContext through it. */
  external: unknown;
  /** Some hosts define a global `agaveHost`. */
  agaveHost: boolean;
  /**
   * Whether the page runs in an app's web view: WebView2 (`chrome.webview`), as Excel on Windows
   * opens it, or WKWebView with message handlers (`webkit.messageHandlers`), as on a Mac or iPad.
   */
  webview: boolean;
}

/** The signs of the current page. */
export function hostSigns(win: Window = window): HostSigns {
  let framed = true;
  try {
    framed = win.top !== win;
  } catch {
    // A cross-origin parent throws when read: framed.
  }
  return {
    framed,
    search: win.location.search,
    name: win.name,
    savedHostInfo: () => win.sessionStorage.getItem("hostInfoValue"),
    external: (win as Window & { external?: unknown }).external,
    agaveHost: "agaveHost" in win,
    webview: Boolean(
      (win as Window & { chrome?: { webview?: unknown } }).chrome?.webview ||
      (win as Window & { webkit?: { messageHandlers?: unknown } }).webkit?.messageHandlers,
    ),
  };
}

/**
 * True only when office.js can find no Office host: the page is a top-level browser tab whose
 * address, name and session carry no host information, and no host object answers. It looks
 * where office.js looks (its host-info lookup reads the same places), so a page an Office host
 * opened is never taken for a preview. When in doubt, false: the pane then waits for Office.
 *
 * @example isPlainBrowserTab({ framed: false, search: "", name: "", savedHostInfo: () => null, external: {}, agaveHost: false, webview: false }) // true
 * @example isPlainBrowserTab({ ..., search: "?_host_Info=Excel$Win32$16.01$en-US$$$$0" }) // false
 */
export function isPlainBrowserTab(signs: HostSigns): boolean {
  if (signs.framed || signs.agaveHost || signs.webview) return false;
  // office.js takes the host info after "_host_Info=" anywhere in the query, so this does too.
  if (/_host_Info=/i.test(signs.search)) return false;
  if (/hostInfo/i.test(signs.name)) return false;
  const external = signs.external as Record<string, unknown> | null | undefined;
  if (external && (typeof external.GetHostInfo !== "undefined" || typeof external.GetContext !== "undefined")) {
    return false;
  }
  try {
    if (signs.savedHostInfo()) return false;
  } catch {
    // Session storage blocked: nothing to go on, so wait for Office.
    return false;
  }
  return true;
}

/**
 * Waits for office.js. Never rejects and never hangs: the page also has to work as a
 * plain-browser preview, where office.js may be blocked or never become ready.
 */
export function waitForOffice(timeoutMs = 4000): Promise<OfficeStatus> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    return Promise.resolve({
      host: null,
      reason: "office.js could not be loaded: it is blocked, or this computer is offline.",
    });
  }
  return new Promise<OfficeStatus>((resolve) => {
    let settled = false;
    const settle = (status: OfficeStatus) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(status);
    };
    const timer = setTimeout(
      () => settle({ host: null, reason: `Office did not become ready within ${timeoutMs} ms.` }),
      timeoutMs,
    );
    try {
      Office.onReady().then(
        (info) => settle({ host: info && info.host ? String(info.host) : null }),
        (err: unknown) => settle({ host: null, reason: `Office.onReady failed: ${describe(err)}` }),
      );
    } catch (err) {
      settle({ host: null, reason: `Office.onReady failed: ${describe(err)}` });
    }
  });
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
