// Checks of the production bundles in dist/ (npm test builds them before jest runs).
import crypto from "crypto";
import fs from "fs";
import path from "path";
import zlib from "zlib";
import { DEV_URL } from "../../scripts/public-url";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const SHIPPED = ["functions.js", "taskpane.js"];

function read(file: string): string {
  const full = path.join(DIST, file);
  if (!fs.existsSync(full)) throw new Error(`${full} is missing: run "npm run build" first (npm test does).`);
  return fs.readFileSync(full, "utf8");
}

/** Packages whose code webpack put into a bundle, read from its source map. */
export function bundledPackages(bundle: string): string[] {
  const map = JSON.parse(read(`${bundle}.map`)) as { sources: string[] };
  const names = new Set<string>();
  for (const source of map.sources) {
    const at = source.lastIndexOf("node_modules/");
    if (at < 0) continue;
    const parts = source.slice(at + "node_modules/".length).split("/");
    names.add(parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]);
  }
  return [...names].sort();
}

function packageLicense(name: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8"));
  const license = manifest.license ?? manifest.licenses;
  if (typeof license === "string") return license;
  if (license && typeof license === "object" && "type" in license) return String(license.type);
  if (Array.isArray(license)) return license.map((l: { type: string }) => l.type).join(" OR ");
  return "UNKNOWN";
}

const PERMISSIVE =
  /^\(?(MIT|ISC|BSD-2-Clause|BSD-3-Clause|Apache-2\.0|0BSD|Unlicense|CC0-1\.0)( (OR|AND) (MIT|ISC|BSD-2-Clause|BSD-3-Clause|Apache-2\.0|0BSD|Unlicense|CC0-1\.0))*\)?$/;

describe("licences of shipped packages", () => {
  it.each(SHIPPED)("%s contains only permissively licensed packages", (bundle) => {
    const packages = bundledPackages(bundle);
    const refused = packages
      .map((name) => ({ name, license: packageLicense(name) }))
      .filter(({ license }) => /GPL/i.test(license) || !PERMISSIVE.test(license));
    expect(refused).toEqual([]);
  });

  it("the task pane bundle really lists its packages (the check has something to check)", () => {
    expect(bundledPackages("taskpane.js")).toEqual(expect.arrayContaining(["react", "react-dom"]));
  });

  it("the licence rule refuses GPL, AGPL and unknown licences", () => {
    for (const license of ["GPL-3.0", "AGPL-3.0-only", "GPL-3.0-or-later", "UNKNOWN", "SEE LICENSE IN LICENSE.txt"]) {
      expect(PERMISSIVE.test(license) && !/GPL/i.test(license)).toBe(false);
    }
    expect(PERMISSIVE.test("MIT")).toBe(true);
    expect(PERMISSIVE.test("(MIT OR Apache-2.0)")).toBe(true);
  });
});

describe("shipped code", () => {
  it.each(SHIPPED)("%s has no eval and no new Function", (bundle) => {
    const code = read(bundle);
    expect(code).not.toMatch(/\beval\s*\(/);
    expect(code).not.toMatch(/new\s+Function\s*\(/);
    expect(code).not.toMatch(/[^.\w]Function\s*\(\s*["'`]/);
  });

  it.each(SHIPPED)("%s does not ship HyperFormula (GPLv3, tests only)", (bundle) => {
    expect(bundledPackages(bundle)).not.toContain("hyperformula");
    expect(read(bundle)).not.toMatch(/hyperformula/i);
  });

  it("functions.js carries no React and stays within 15 KB gzip", () => {
    const code = read("functions.js");
    expect(bundledPackages("functions.js").filter((name) => /react|fluentui/.test(name))).toEqual([]);
    expect(zlib.gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(15 * 1024);
  });

  it("functions.json gives each function its help section under the address the build serves", () => {
    const functions = JSON.parse(read("functions.json")).functions as { id: string; helpUrl?: string }[];
    expect(functions).toHaveLength(15);
    for (const fn of functions) expect(fn.helpUrl).toBe(`${DEV_URL}help/functions.html#${fn.id.toLowerCase()}`);
  });

  it("functions.js makes no network request", () => {
    expect(read("functions.js")).not.toMatch(/\bfetch\s*\(|XMLHttpRequest|sendBeacon|WebSocket|importScripts/);
  });

  it("the task pane page loads no script, style or font from another host but office.js", () => {
    const html = read("taskpane.html");
    // The minified page may leave attribute values unquoted.
    const urls = [...html.matchAll(/(?:src|href)\s*=\s*(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)].map(
      (match) => match[1] ?? match[2] ?? match[3],
    );
    const outside = urls.filter((url) => /^(https?:)?\/\//.test(url));
    expect(outside).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
  });

  it("the task pane page names its own scripts (deferred) and styles before office.js, which stays a plain script", () => {
    const html = read("taskpane.html");
    const tags = [...html.matchAll(/<(script|link)\b[^>]*>/g)].map((match) => match[0]);
    const office = tags.findIndex((tag) => tag.includes("appsforoffice.microsoft.com"));
    const own = (name: string) => tags.findIndex((tag) => new RegExp(`(src|href)="?${name}[" >]`).test(tag));
    // Fetched at once, not after office.js has loaded and run; run after it, once the page is parsed.
    for (const script of ["functions.js", "taskpane.js"]) {
      expect(own(script)).toBeGreaterThanOrEqual(0);
      expect(own(script)).toBeLessThan(office);
      expect(tags[own(script)]).toMatch(/\bdefer\b/);
    }
    expect(own("griffel.css")).toBeLessThan(office);
    expect(tags[office]).not.toMatch(/\b(defer|async)\b/);
    expect(tags.filter((tag) => /(src|href)="?(functions|taskpane)\.js/.test(tag))).toHaveLength(2);
    // Deferred scripts run in order: the pane's first, so the survey does not wait for the functions.
    expect(own("taskpane.js")).toBeLessThan(own("functions.js"));
  });
});

/** The Content-Security-Policy of a built page, directive by directive (the page holds exactly one). */
function policyOf(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\s[^>]*http-equiv=(?:"|')?Content-Security-Policy[^>]*>/gi)];
  expect(metas).toHaveLength(1);
  const content = /content=(?:"([^"]*)"|'([^']*)')/.exec(metas[0][0]);
  const text = content?.[1] ?? content?.[2] ?? "";
  return new Map(
    text
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

/** What in a built page the policy would have to allow inline: script bodies, style elements, style and on* attributes. */
function inlineCode(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc=/.test(match[1]) || match[2].trim()) found.push(match[0].slice(0, 80));
  }
  for (const match of html.matchAll(/<style\b[^>]*>/gi)) found.push(match[0]);
  // Attributes inside tags only (the help page's text may quote them).
  for (const tag of html.matchAll(/<[a-z][^>]*>/gi)) {
    for (const attribute of tag[0].matchAll(/\s(style|on[a-z]+)=/gi))
      found.push(`${attribute[1]} in ${tag[0].slice(0, 80)}`);
  }
  return found;
}

describe("Content-Security-Policy of the built pages", () => {
  it("taskpane.html: scripts from this origin and office.js's host only, no inline code, no eval", () => {
    const html = read("taskpane.html");
    const policy = policyOf(html);
    expect(Object.fromEntries(policy)).toEqual({
      "default-src": ["'none'"],
      "script-src": ["'self'", "https://appsforoffice.microsoft.com"],
      "style-src": [
        "'self'",
        // The empty <style> that Fluent's FluentProvider fills through CSSOM with the theme.
        "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
        // style="display:none" on office.js's hidden telemetry frame, and nothing else.
        "'unsafe-hashes'",
        "'sha256-aqNNdDLnnrDOnTNdkJpYlAxKVJtLt9CtFLklmInuUAE='",
      ],
      "img-src": ["'self'"],
      "font-src": ["'self'"],
      "connect-src": ["'self'"],
      "frame-src": ["https://appsforoffice.microsoft.com", "https://telemetryservice.firstpartyapps.oaspapps.com"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "form-action": ["'none'"],
    });
    expect(inlineCode(html)).toEqual([]);
  });

  it("the hashes in taskpane.html's policy are those of the empty string and of display:none", () => {
    const hash = (text: string) => `'sha256-${crypto.createHash("sha256").update(text).digest("base64")}'`;
    expect(policyOf(read("taskpane.html")).get("style-src")).toEqual([
      "'self'",
      hash(""),
      "'unsafe-hashes'",
      hash("display:none"),
    ]);
  });

  it("taskpane.html: the policy comes before every script, style sheet and style it governs", () => {
    const html = read("taskpane.html");
    const meta = html.search(/<meta\s[^>]*Content-Security-Policy/i);
    const first = html.search(/<(script|link|style)\b/i);
    expect(meta).toBeGreaterThan(0);
    expect(meta).toBeLessThan(first);
    expect(html).toMatch(/<link[^>]*href=(?:"|')?taskpane\.css/);
    expect(read("taskpane.css")).toMatch(/margin:\s*0/);
  });

  it("help/functions.html: loads its own style sheet and nothing else, with no inline code", () => {
    const html = read("help/functions.html");
    expect(Object.fromEntries(policyOf(html))).toEqual({
      "default-src": ["'none'"],
      "style-src": ["'self'"],
      "img-src": ["'self'"],
      "base-uri": ["'none'"],
      "form-action": ["'none'"],
    });
    expect(inlineCode(html)).toEqual([]);
    expect(html).toMatch(/<link[^>]*href=(?:"|')?functions\.css/);
    expect(read("help/functions.css")).toMatch(/overflow-x:\s*auto/);
  });
});
