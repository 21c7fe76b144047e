// The set-up a browser suite shares: one server on dist/, one fresh Chromium profile and its page,
// the page's uncaught errors, and whatever the suite asks for besides; all of it closed after the file.
import fs from "fs";
import os from "os";
import path from "path";
import type { Page } from "playwright-core";
import {
  ROOT,
  launch,
  openTaskpane,
  requireBuildAndBrowser,
  serveDist,
  type LaunchOptions,
  type Server,
  type Session,
} from "./browser";

/** Where suites leave screenshots, PDFs and measurements for a person to look at. */
export const ARTIFACTS = path.join(ROOT, "test-artifacts");

export interface SuiteOptions extends LaunchOptions {
  /** Make test-artifacts/ before the first test. */
  artifacts?: boolean;
  /** Open the task pane and wait for its 15 statements before the first test. */
  openPane?: boolean;
  /** Make a temporary folder named with this prefix before the first test, and remove it after the file. */
  workFolder?: string;
  /** Launch no profile of its own: the suite opens its profiles with openProfile. */
  noBrowser?: boolean;
}

export interface BrowserSuite {
  readonly server: Server;
  readonly session: Session;
  readonly page: Page;
  /** The message of every uncaught error of the suite's pages, in order. */
  readonly pageErrors: string[];
  /** The temporary folder asked for with workFolder. */
  readonly work: string;
  /** Launches another fresh profile, whose page's errors go to pageErrors; it is closed after the file. */
  openProfile(options?: LaunchOptions): Promise<{ session: Session; page: Page }>;
}

/**
 * Registers the file's beforeAll and afterAll: call it once, at the top level of a suite. Its
 * beforeAll runs before any the suite registers after the call, so those can use what it returns.
 */
export function browserSuite(options: SuiteOptions = {}): BrowserSuite {
  const { artifacts, openPane, workFolder, noBrowser, ...launchOptions } = options;
  let server: Server | undefined;
  let session: Session | undefined;
  let page: Page | undefined;
  let work: string | undefined;
  const pageErrors: string[] = [];
  const profiles: Session[] = [];

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The suite has no ${what}: it is set up in beforeAll, or not asked for.`);
    return value;
  };
  const collectErrors = (target: Page) => target.on("pageerror", (error) => pageErrors.push(error.message));

  beforeAll(async () => {
    requireBuildAndBrowser();
    if (artifacts) fs.mkdirSync(ARTIFACTS, { recursive: true });
    if (workFolder) work = fs.mkdtempSync(path.join(os.tmpdir(), workFolder));
    server = await serveDist();
    if (noBrowser) return;
    session = await launch(launchOptions);
    page = await session.newPage();
    collectErrors(page);
    if (openPane) await openTaskpane(page, server.url);
  });

  afterAll(async () => {
    for (const profile of profiles) await profile.close();
    await session?.close();
    await server?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  return {
    get server() {
      return ready(server, "server");
    },
    get session() {
      return ready(session, "browser profile");
    },
    get page() {
      return ready(page, "page");
    },
    pageErrors,
    get work() {
      return ready(work, "work folder");
    },
    async openProfile(profileOptions: LaunchOptions = {}) {
      const profile = await launch(profileOptions);
      profiles.push(profile);
      const profilePage = await profile.newPage();
      collectErrors(profilePage);
      return { session: profile, page: profilePage };
    },
  };
}
