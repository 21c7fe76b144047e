export interface OfficeStatus {
  /** The Office host ("Excel", ...), or null outside Office. */
  host: string | null;
  /** Why office.js is not available, when it could not load or did not answer. */
  reason?: string;
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
