// A production build for a public address, served the way docs/deploy.md says. npm test builds it
// into test-artifacts/public-dist with AGAP_PUBLIC_URL=https://agap.example.org/addin/.
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { runChecks, urls, validateSchema } from "../../scripts/manifest-checks";
import { serveHttp } from "../../scripts/serve-dist";
import { PUBLIC_BUILD_DIR, PUBLIC_BUILD_URL } from "../../scripts/test";
import { launch, waitForSurvey } from "../e2e/support/browser";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const BASE_PATH = new URL(PUBLIC_BUILD_URL).pathname;

function read(dir: string, file: string): string {
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) {
    const build =
      dir === DIST
        ? "npx webpack --mode production"
        : `AGAP_PUBLIC_URL=${PUBLIC_BUILD_URL} npx webpack --mode production --output-path ${path.relative(ROOT, dir)}`;
    throw new Error(`${full} is missing. Build first: \`${build}\` (npm test does it).`);
  }
  return fs.readFileSync(full, "utf8");
}

interface FunctionMetadata {
  id: string;
  helpUrl?: string;
}

const manifest = () => read(PUBLIC_BUILD_DIR, "manifest.xml");
const metadata = (dir = PUBLIC_BUILD_DIR): FunctionMetadata[] => JSON.parse(read(dir, "functions.json")).functions;

/** The path on the local server that a public URL names. */
const localPath = (url: string) => new URL(url).pathname;

let server: { origin: string; close(): Promise<void> };
beforeAll(async () => {
  read(PUBLIC_BUILD_DIR, "taskpane.html");
  server = await serveHttp({ root: PUBLIC_BUILD_DIR, basePath: BASE_PATH });
});
afterAll(() => server?.close());

describe(`the manifest of a build for ${PUBLIC_BUILD_URL}`, () => {
  it("is valid against the XSDs", async () => {
    const result = await validateSchema(manifest());
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  }, 20000);

  it("passes every own check, with the public address", () => {
    const results = runChecks(manifest(), { rootDir: PUBLIC_BUILD_DIR, publicUrl: PUBLIC_BUILD_URL });
    expect(results.map((r) => r.name)).toContain("publicUrl");
    expect(results.filter((r) => r.problems.length)).toEqual([]);
  });

  it("names no localhost, and every URL lies under the address, on its one origin", () => {
    const found = urls(manifest());
    expect(found.length).toBeGreaterThanOrEqual(10);
    for (const { value } of found) {
      expect(new URL(value).origin).toBe(new URL(PUBLIC_BUILD_URL).origin);
      expect(value.startsWith(PUBLIC_BUILD_URL)).toBe(true);
    }
    expect(manifest()).not.toMatch(/localhost|127\.0\.0\.1/i);
  });

  it("every URL it names is served, from the address's path", async () => {
    for (const { where, value } of urls(manifest())) {
      const response = await fetch(server.origin + localPath(value));
      expect([where, response.status]).toEqual([where, 200]);
    }
  });
});

describe("functions.json of that build", () => {
  it("has every help URL under the address, on a heading of the served help page", async () => {
    const functions = metadata();
    expect(functions.length).toBe(15);
    const help = `${PUBLIC_BUILD_URL}help/functions.html`;
    const response = await fetch(server.origin + localPath(help));
    expect(response.status).toBe(200);
    // The served page is minified: attribute values may have lost their quotes.
    const html = await response.text();
    const ids = new Set([...html.matchAll(/<h[1-6] id=(?:"([^"]+)"|([^\s">]+))/g)].map((m) => m[1] ?? m[2]));
    expect(ids.size).toBeGreaterThan(15);
    for (const fn of functions) {
      expect(fn.helpUrl?.startsWith(`${help}#`)).toBe(true);
      expect([fn.id, ids.has(new URL(fn.helpUrl ?? "").hash.slice(1))]).toEqual([fn.id, true]);
    }
    expect(JSON.stringify(functions)).not.toMatch(/localhost/);
  });

  it("differs from the development build's only in its help URLs", () => {
    const dev = metadata(DIST);
    const strip = (fns: FunctionMetadata[]) => fns.map((f) => ({ ...f, helpUrl: new URL(f.helpUrl ?? "").hash }));
    expect(strip(metadata())).toEqual(strip(dev));
  });
});

describe("the build without AGAP_PUBLIC_URL", () => {
  it("keeps the development manifest as it is", () => {
    expect(read(DIST, "manifest.xml")).toBe(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
  });

  it("keeps the development help URLs", () => {
    for (const fn of metadata(DIST)) expect(fn.helpUrl).toMatch(/^https:\/\/localhost:3000\/help\/functions\.html#/);
  });
});

describe("served as docs/deploy.md says", () => {
  it.each([
    ["functions.json", "application/json; charset=utf-8", "no-cache"],
    ["functions.js", "text/javascript; charset=utf-8", "no-cache"],
    ["taskpane.html", "text/html; charset=utf-8", "no-cache"],
    ["assets/icon-32.png", "image/png", "public, max-age=86400"],
  ])("%s: %s, Cache-Control %s, readable from other origins", async (file, type, cache) => {
    const response = await fetch(`${server.origin}${BASE_PATH}${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(type);
    expect(response.headers.get("cache-control")).toBe(cache);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    // no-cache keeps a copy but asks again: the server must answer the check with 304.
    const again = await fetch(`${server.origin}${BASE_PATH}${file}`, {
      headers: { "If-None-Match": response.headers.get("etag") ?? "" },
    });
    expect(again.status).toBe(304);
  });

  it("nothing outside the address's path", async () => {
    expect((await fetch(`${server.origin}/taskpane.html`)).status).toBe(404);
    expect((await fetch(`${server.origin}${BASE_PATH}..%2f..%2fpackage.json`)).status).toBe(404);
  });
});

describe("the task pane under the address's path", () => {
  it("starts, and loads every file it asks for (the lazy themes chunk and styles too) from that path", async () => {
    // In the dark scheme the pane fetches its themes chunk, which webpack finds from the script's own URL.
    // The pages' Content-Security-Policy is enforced: 'self' must cover the address's origin and path.
    const session = await launch({ colorScheme: "dark", enforceCsp: true });
    try {
      const page = await session.newPage();
      const own: { url: string; status: number }[] = [];
      page.on("response", (response) => {
        if (response.url().startsWith(server.origin)) own.push({ url: response.url(), status: response.status() });
      });
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) errors.push(message.text());
      });
      await page.goto(`${server.origin}${BASE_PATH}taskpane.html`);
      await page.getByRole("heading", { name: "AGAP assessment" }).waitFor({ timeout: 20_000 });
      await waitForSurvey(page);
      // The help link is relative, so it follows the pane to the path.
      const help = await page
        .locator('a[href$="help/functions.html"]')
        .first()
        .evaluate((a) => (a as HTMLAnchorElement).href);
      expect(help).toBe(`${server.origin}${BASE_PATH}help/functions.html`);

      expect(errors).toEqual([]);
      expect(own.filter((r) => r.status !== 200 || !new URL(r.url).pathname.startsWith(BASE_PATH))).toEqual([]);
      const files = own.map((r) => new URL(r.url).pathname.slice(BASE_PATH.length));
      expect(files).toEqual(
        expect.arrayContaining([
          "taskpane.html",
          "taskpane.css",
          "functions.js",
          "taskpane.js",
          "griffel.css",
          "themes.js",
        ]),
      );
      // The same policy as the development build's: nothing in it names an address.
      const policy = (html: string) =>
        /http-equiv=(?:"|')?Content-Security-Policy(?:"|')?\s+content="([^"]*)"/i.exec(html)?.[1];
      expect(policy(read(PUBLIC_BUILD_DIR, "taskpane.html"))).toBeTruthy();
      expect(policy(read(PUBLIC_BUILD_DIR, "taskpane.html"))).toBe(policy(read(DIST, "taskpane.html")));
    } finally {
      await session.close();
    }
  }, 60_000);
});

describe("a production build for an address Office cannot use", () => {
  // The address is checked before anything is compiled, so these fail fast.
  it.each([
    ["http://agap.example.org/addin/", "must start with https://"],
    ["https://localhost:3443/addin/", "names this machine"],
  ])(
    "AGAP_PUBLIC_URL=%s fails, saying it %s",
    (address, reason) => {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), "agap-refused-"));
      try {
        const result = spawnSync(
          process.execPath,
          [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out],
          { cwd: ROOT, encoding: "utf8", env: { ...process.env, AGAP_PUBLIC_URL: address }, timeout: 120_000 },
        );
        expect(result.status).not.toBe(0);
        expect(result.stdout + result.stderr).toContain(`AGAP_PUBLIC_URL=${address} ${reason}`);
        expect(fs.readdirSync(out)).toEqual([]);
      } finally {
        fs.rmSync(out, { recursive: true, force: true });
      }
    },
    150_000,
  );
});
