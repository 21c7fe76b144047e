// Checks of the production bundles in dist/ (npm test builds them before jest runs).
import fs from "fs";
import path from "path";
import zlib from "zlib";

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
});
