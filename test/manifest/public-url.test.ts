// The public address of a production build (AGAP_PUBLIC_URL) and how the build moves URLs under it.
import * as fs from "fs";
import * as path from "path";
import { MANIFEST_PATH, ROOT, parseXml, runChecks, urls, validateSchema } from "../../scripts/manifest-checks";
import { DEV_URL, parsePublicUrl, publicUrlProblem, withHelpUrls, rebaseManifest } from "../../scripts/public-url";

const manifest = fs.readFileSync(MANIFEST_PATH, "utf8");

describe("the public address", () => {
  it.each([
    ["https://agap.example.org/addin/", "https://agap.example.org/addin/"],
    ["https://agap.example.org/addin", "https://agap.example.org/addin/"],
    ["https://agap.example.org", "https://agap.example.org/"],
    ["https://AGAP.Example.org:8443/a/b/", "https://agap.example.org:8443/a/b/"],
  ])("%s is served as %s", (value, expected) => {
    expect(parsePublicUrl(value)).toBe(expected);
  });

  it.each([
    ["http://agap.example.org/", /must start with https:\/\//],
    ["ftp://agap.example.org/", /must start with https:\/\//],
    ["https://localhost/", /names this machine/],
    ["https://localhost:3000/", /names this machine/],
    ["https://dev.localhost/", /names this machine/],
    ["https://127.0.0.1:8443/", /names this machine/],
    ["https://[::1]/", /names this machine/],
    ["agap.example.org/addin", /not an absolute URL/],
    ["https://user:secret@agap.example.org/", /user name or password/],
    ["https://agap.example.org/?v=2", /query/],
    ["https://agap.example.org/#top", /fragment/],
  ])("%s is refused", (value, reason) => {
    expect(publicUrlProblem(value)).toMatch(reason);
    expect(() => parsePublicUrl(value)).toThrow(new RegExp(`^AGAP_PUBLIC_URL=.*${reason.source}`));
  });
});

describe("moving the development manifest to a public address", () => {
  const publicUrl = "https://agap.example.org/addin/";
  const moved = rebaseManifest(manifest, publicUrl);

  it("moves every URL under the address and leaves no localhost", () => {
    const found = urls(moved);
    expect(found.length).toBe(urls(manifest).length);
    for (const { value } of found) expect(value.startsWith(publicUrl)).toBe(true);
    expect(moved).not.toMatch(/localhost/i);
  });

  it("changes nothing else", () => {
    const shape = (xml: string) =>
      parseXml(xml).map(({ name, attrs, text }) => ({ name, attrs: JSON.stringify(attrs), text }));
    const back = moved.split(publicUrl).join(DEV_URL);
    expect(shape(back)).toEqual(shape(manifest));
  });

  it("is still valid against the XSDs and passes every check, with the address", async () => {
    const schema = await validateSchema(moved);
    expect(schema.errors).toEqual([]);
    expect(runChecks(moved, { rootDir: ROOT, publicUrl }).filter((c) => c.problems.length)).toEqual([]);
  }, 20000);

  it("at the root of a host too", () => {
    for (const { value } of urls(rebaseManifest(manifest, "https://agap.example.org/"))) {
      expect(value).toMatch(/^https:\/\/agap\.example\.org\/(assets|help|functions|taskpane)/);
    }
  });
});

describe("functions.json's help URLs, from the build's address", () => {
  const metadata = JSON.stringify({ functions: [{ id: "REALIZED" }, { id: "GAP", helpUrl: "https://old.example/x" }] });

  it("gives each function its section of the help page under the address the build serves", () => {
    for (const base of [DEV_URL, "https://agap.example.org/addin/"]) {
      const given = JSON.parse(withHelpUrls(metadata, base));
      expect(given.functions.map((f: { helpUrl?: string }) => f.helpUrl)).toEqual([
        `${base}help/functions.html#realized`,
        `${base}help/functions.html#gap`,
      ]);
    }
  });

  it("functions.ts names no address: no @helpurl tag, no localhost", () => {
    const source = fs.readFileSync(path.join(ROOT, "src/functions/functions.ts"), "utf8");
    expect(source).not.toMatch(/@helpurl/);
    expect(source).not.toMatch(/localhost|127\.0\.0\.1/);
    expect([...source.matchAll(/@customfunction\b/g)]).toHaveLength(15);
  });
});
