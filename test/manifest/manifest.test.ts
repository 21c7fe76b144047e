import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  MANIFEST_PATH,
  ROOT,
  baseUrl,
  checkHttps,
  checkIcons,
  checkNamespace,
  checkOneOrigin,
  checkPermissions,
  checkPublicUrl,
  checkResids,
  checkSharedRuntime,
  parseXml,
  pngSize,
  runChecks,
  validateSchema,
} from "../../scripts/manifest-checks";

const manifest = fs.readFileSync(MANIFEST_PATH, "utf8");

/** The manifest with one edit; fails loudly if the edit matched nothing. */
function mutate(from: string | RegExp, to: string): string {
  const out = manifest.replace(from, to);
  if (out === manifest) throw new Error(`mutation did not apply: ${String(from)}`);
  return out;
}

// Schema validation compiles libxml2 to wasm on each call; give it room on slow machines.
const XSD_TIMEOUT = 20000;

describe("manifest.xml against the Office XSDs", () => {
  it(
    "is valid",
    async () => {
      const result = await validateSchema(manifest);
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
    },
    XSD_TIMEOUT,
  );

  it(
    "rejects an unknown element",
    async () => {
      const result = await validateSchema(mutate("<Version>", "<Colour>blue</Colour><Version>"));
      expect(result.valid).toBe(false);
      expect(result.errors.join("\n")).toMatch(/Colour.*not expected/);
    },
    XSD_TIMEOUT,
  );

  it(
    "rejects a missing required element",
    async () => {
      const result = await validateSchema(mutate(/<Id>[^<]*<\/Id>/, ""));
      expect(result.valid).toBe(false);
      expect(result.errors.join("\n")).toMatch(/Expected is .*Id/);
    },
    XSD_TIMEOUT,
  );

  it(
    "checks inside VersionOverrides too (custom functions without Script)",
    async () => {
      const result = await validateSchema(mutate(/<Script>[\s\S]*?<\/Script>/, ""));
      expect(result.valid).toBe(false);
      expect(result.errors.join("\n")).toMatch(/Script/);
    },
    XSD_TIMEOUT,
  );

  it(
    "rejects a runtime lifetime other than short or long",
    async () => {
      const result = await validateSchema(mutate('lifetime="long"', 'lifetime="forever"'));
      expect(result.valid).toBe(false);
      expect(result.errors.join("\n")).toMatch(/lifetime/);
    },
    XSD_TIMEOUT,
  );
});

describe("reading the XML", () => {
  it("decodes entities and reads attributes whatever the namespace prefix", () => {
    const renamed = manifest.replace(/\bbt:/g, "basic:").replace('xmlns:bt="', 'xmlns:basic="');
    expect(renamed).not.toContain("bt:");
    const elements = parseXml(renamed);
    const description = elements.find((e) => e.name === "bt:String" && e.attrs.id === "GetStarted.Description");
    expect(description?.attrs.DefaultValue).toContain("Home > Open AGAP");
    expect(elements.find((e) => e.name === "Action")?.attrs["xsi:type"]).toBe("ShowTaskpane");
    expect(checkResids(renamed)).toEqual([]);
  });

  it("reads text, CDATA included, and ignores comments", () => {
    const withCdata = mutate(
      "<Permissions>ReadWriteDocument</Permissions>",
      "<Permissions><!-- the least Office allows --><![CDATA[ReadWriteDocument]]></Permissions>",
    );
    expect(checkPermissions(withCdata)).toEqual([]);
  });

  it("refuses XML that is not well formed", () => {
    expect(() => parseXml(mutate("</Permissions>", "</Permission>"))).toThrow(/XML/);
    expect(runChecks(mutate("</Permissions>", "</Permission>")).every((c) => c.problems.length > 0)).toBe(true);
  });
});

describe("resid references", () => {
  it("every resid resolves to a resource of the right kind", () => {
    expect(parseXml(manifest).filter((e) => "resid" in e.attrs).length).toBeGreaterThan(10);
    expect(checkResids(manifest)).toEqual([]);
  });

  it("catches a resid with no resource", () => {
    const broken = mutate('<Label resid="AgapGroup.Label" />', '<Label resid="AgapGroup.Lable" />');
    expect(checkResids(broken)).toEqual([expect.stringContaining('"AgapGroup.Lable"')]);
  });

  it("catches a resid that points at the wrong kind of resource", () => {
    const broken = mutate('<Namespace resid="Functions.Namespace" />', '<Namespace resid="Taskpane.Url" />');
    expect(checkResids(broken)).toEqual([expect.stringMatching(/needs a bt:ShortString.*bt:Url/)]);
  });

  it("catches a resource id declared twice", () => {
    const broken = mutate('<bt:String id="GetStarted.Title"', '<bt:String id="AgapGroup.Label"');
    expect(checkResids(broken).join("\n")).toMatch(/"AgapGroup.Label" is declared twice/);
  });
});

describe("custom functions namespace", () => {
  it("resolves to AGAP", () => {
    expect(checkNamespace(manifest)).toEqual([]);
  });

  it("catches a different namespace value", () => {
    const broken = mutate(
      'id="Functions.Namespace" DefaultValue="AGAP"',
      'id="Functions.Namespace" DefaultValue="CONTOSO"',
    );
    expect(checkNamespace(broken)).toEqual([expect.stringContaining('"CONTOSO"')]);
  });

  it("catches a missing Namespace element", () => {
    expect(checkNamespace(mutate('<Namespace resid="Functions.Namespace" />', ""))).toHaveLength(1);
  });
});

describe("URLs", () => {
  it("every URL is https", () => {
    expect(checkHttps(manifest)).toEqual([]);
  });

  it.each([
    ["a bt:Url", 'DefaultValue="https://localhost:3000/functions.js"'],
    ["a bt:Image", 'DefaultValue="https://localhost:3000/assets/icon-80.png"'],
    ["SupportUrl", '<SupportUrl DefaultValue="https://localhost:3000/help/functions.html"'],
    ["IconUrl", '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"'],
    ["HighResolutionIconUrl", '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"'],
    ["the default SourceLocation", '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"'],
  ])("catches an http URL in %s", (_, original) => {
    const broken = mutate(original, original.replace("https://", "http://"));
    expect(checkHttps(broken)).toEqual([expect.stringContaining("is not an https URL")]);
  });

  it("catches a URL that is not absolute", () => {
    const broken = mutate('DefaultValue="https://localhost:3000/functions.json"', 'DefaultValue="functions.json"');
    expect(checkHttps(broken)).toEqual([expect.stringContaining('"functions.json"')]);
  });
});

describe("one origin", () => {
  it("the development manifest is served from https://localhost:3000/", () => {
    expect(baseUrl(manifest)).toBe("https://localhost:3000/");
    expect(checkOneOrigin(manifest)).toEqual([]);
  });

  it("accepts any https host, with a path", () => {
    const moved = manifest.split("https://localhost:3000/").join("https://agap.example.org/addin/");
    expect(checkOneOrigin(moved)).toEqual([]);
    expect(checkHttps(moved)).toEqual([]);
    expect(checkIcons(moved)).toEqual([]);
  });

  it("catches the functions' script on another origin", () => {
    const broken = mutate(
      'DefaultValue="https://localhost:3000/functions.js"',
      'DefaultValue="https://cdn.example.com/functions.js"',
    );
    expect(checkOneOrigin(broken)).toEqual([
      expect.stringMatching(/Functions.Script.Url.*cdn.example.com.*not on https:\/\/localhost:3000/),
    ]);
  });

  it("catches another port of the same host", () => {
    const broken = mutate(
      'DefaultValue="https://localhost:3000/functions.json"',
      'DefaultValue="https://localhost:3001/functions.json"',
    );
    expect(checkOneOrigin(broken)).toHaveLength(1);
  });
});

describe("a production manifest (checked with its public address)", () => {
  const publicUrl = "https://agap.example.org/addin/";
  const moved = manifest.split("https://localhost:3000/").join(publicUrl);

  it("passes when every URL lies under the address", () => {
    expect(checkPublicUrl(moved, ROOT, { publicUrl })).toEqual([]);
    expect(runChecks(moved, { publicUrl }).filter((c) => c.problems.length)).toEqual([]);
  });

  it("catches a URL that still names localhost", () => {
    const broken = moved.replace(`${publicUrl}functions.json`, "https://localhost:3000/functions.json");
    expect(checkPublicUrl(broken, ROOT, { publicUrl })).toEqual([expect.stringContaining("names this machine")]);
  });

  it("catches a URL outside the address's path", () => {
    const broken = moved.replace(`${publicUrl}functions.json`, "https://agap.example.org/functions.json");
    expect(checkPublicUrl(broken, ROOT, { publicUrl })).toEqual([expect.stringContaining(`is not under ${publicUrl}`)]);
  });

  it("is not run without an address, and the development manifest fails it", () => {
    expect(runChecks(manifest).map((c) => c.name)).not.toContain("publicUrl");
    const dev = runChecks(manifest, { publicUrl }).find((c) => c.name === "publicUrl");
    expect(dev?.problems.length).toBeGreaterThan(5);
  });
});

describe("icons", () => {
  it("every icon is a PNG under assets/ of the size its id or name says", () => {
    expect(checkIcons(manifest)).toEqual([]);
  });

  it.each([16, 32, 64, 80, 128].map((n) => [n, n]))("assets/icon-%i.png is a %i px PNG", (n) => {
    expect(pngSize(fs.readFileSync(path.join(ROOT, "assets", `icon-${n}.png`)))).toEqual({ width: n, height: n });
  });

  it("catches an icon whose file is missing", () => {
    const broken = mutate("assets/icon-80.png", "assets/icon-96.png");
    expect(checkIcons(broken)).toEqual([expect.stringContaining("assets/icon-96.png does not exist")]);
  });

  it("catches an icon of the wrong size", () => {
    const broken = mutate(
      'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"',
      'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png"',
    );
    expect(checkIcons(broken).join("\n")).toMatch(/icon-32.png is 32x32, expected 16x16/);
  });

  it("catches a high-resolution icon that is not 64 px", () => {
    const broken = mutate(
      '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"',
      '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-128.png"',
    );
    expect(checkIcons(broken)).toEqual([expect.stringMatching(/HighResolutionIconUrl.*expected 64x64/)]);
  });

  it("catches an icon served from outside assets/", () => {
    const broken = mutate(
      '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"',
      '<IconUrl DefaultValue="https://cdn.example.com/icon-32.png"',
    );
    expect(checkIcons(broken)).toEqual([expect.stringContaining("is not under https://localhost:3000/assets/")]);
  });

  it("catches an icon file that is not a PNG", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agap-icons-"));
    try {
      fs.cpSync(path.join(ROOT, "assets"), path.join(dir, "assets"), {
        recursive: true,
      });
      fs.writeFileSync(path.join(dir, "assets", "icon-16.png"), "GIF89a not really a png");
      expect(checkIcons(manifest, dir)).toEqual([expect.stringContaining("icon-16.png is not a PNG file")]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("permissions", () => {
  it("are exactly ReadWriteDocument", () => {
    expect(checkPermissions(manifest)).toEqual([]);
  });

  it.each(["ReadWriteMailbox", "WriteDocument", "ReadAllDocument", "ReadWriteDocument ReadWriteMailbox"])(
    "catches %s",
    (value) => {
      const broken = mutate("<Permissions>ReadWriteDocument</Permissions>", `<Permissions>${value}</Permissions>`);
      expect(checkPermissions(broken)).toHaveLength(1);
    },
  );

  it("catches a second Permissions element", () => {
    const broken = mutate("</Permissions>", "</Permissions><Permissions>ReadWriteDocument</Permissions>");
    expect(checkPermissions(broken)).toHaveLength(1);
  });
});

describe("shared runtime", () => {
  it("one long-lived runtime serves the functions and the task pane", () => {
    expect(checkSharedRuntime(manifest)).toEqual([]);
  });

  it("catches a short-lived runtime", () => {
    expect(checkSharedRuntime(mutate('lifetime="long"', 'lifetime="short"'))).toHaveLength(1);
  });

  it("catches a custom functions page that differs from the runtime", () => {
    const broken = mutate(/(<Page>\s*<SourceLocation resid=")Taskpane.Url/, "$1Functions.Script.Url");
    expect(checkSharedRuntime(broken)).toEqual([expect.stringContaining("custom functions <Page>")]);
  });

  it("catches a missing CustomFunctionsRuntime requirement, or one below 1.2", () => {
    const set = '<Set Name="CustomFunctionsRuntime" MinVersion="1.3" />';
    expect(checkSharedRuntime(mutate(set, ""))).toEqual([expect.stringContaining("CustomFunctionsRuntime 1.2")]);
    const old = mutate(set, '<Set Name="CustomFunctionsRuntime" MinVersion="1.1" />');
    expect(checkSharedRuntime(old)).toEqual([expect.stringContaining("CustomFunctionsRuntime 1.2 or later")]);
  });

  it("asks for ExcelApi 1.4, the least every save needs", () => {
    expect(manifest).toContain('<Set Name="ExcelApi" MinVersion="1.4" />');
  });
});
