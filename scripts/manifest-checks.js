// Checks for manifest.xml, shared by scripts/validate-manifest.js and test/manifest.
// Each check takes the manifest text and returns a list of problems (empty = pass).
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const SCHEMA_DIR = path.join(ROOT, "schemas", "manifest");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";
const ASSET_URL_PREFIX = "https://localhost:3000/assets/";
const NAMESPACE = "AGAP";
const PERMISSIONS = "ReadWriteDocument";

// ---- Minimal XML reader. Enough for a well-formed manifest; the XSD check catches the rest.

function decode(text) {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Returns a flat list of elements {name, attrs, text, parent} in document order. */
function parseXml(xml) {
  const src = xml.replace(/<!--[\s\S]*?-->/g, "").replace(/<\?[\s\S]*?\?>/g, "");
  const tag = /<(\/?)([\w:.-]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  const attr = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  const elements = [];
  const stack = [];
  let last = 0;
  let m;
  while ((m = tag.exec(src))) {
    const top = stack[stack.length - 1];
    if (top) top.text += decode(src.slice(last, m.index));
    last = tag.lastIndex;
    const [, closing, name, rawAttrs, selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`XML: unexpected </${name}>`);
      open.text = open.text.trim();
      continue;
    }
    const attrs = {};
    let a;
    while ((a = attr.exec(rawAttrs))) attrs[a[1]] = decode(a[3] !== undefined ? a[3] : a[4]);
    const el = { name, attrs, text: "", parent: top || null };
    elements.push(el);
    if (!selfClosing) stack.push(el);
  }
  if (stack.length) throw new Error(`XML: <${stack[stack.length - 1].name}> is not closed`);
  return elements;
}

const named = (elements, name) => elements.filter((e) => e.name === name);
const parentName = (el) => (el.parent ? el.parent.name : "");

const RESOURCE_KINDS = {
  "bt:Images": "bt:Image",
  "bt:Urls": "bt:Url",
  "bt:ShortStrings": "bt:ShortString",
  "bt:LongStrings": "bt:LongString",
};

/** Map id -> {kind, value, el} of everything declared under Resources. */
function resources(elements) {
  const map = new Map();
  for (const el of elements) {
    const kind = RESOURCE_KINDS[parentName(el)];
    if (kind && el.parent.parent && el.parent.parent.name === "Resources") {
      map.set(el.attrs.id, { kind, value: el.attrs.DefaultValue, el });
    }
  }
  return map;
}

// The resource kind each referring element needs, where the schema fixes it.
const RESID_KIND = {
  Runtime: "bt:Url",
  SourceLocation: "bt:Url",
  FunctionFile: "bt:Url",
  LearnMoreUrl: "bt:Url",
  "bt:Image": "bt:Image",
  Label: "bt:ShortString",
  Title: "bt:ShortString",
  Namespace: "bt:ShortString",
  Description: "bt:LongString",
};

// ---- Own checks

function checkResids(xml) {
  const elements = parseXml(xml);
  const res = resources(elements);
  const problems = [];
  const seen = new Set();
  for (const el of elements) {
    if (RESOURCE_KINDS[parentName(el)] && el.attrs.id) {
      if (seen.has(el.attrs.id)) problems.push(`resource id "${el.attrs.id}" is declared twice`);
      seen.add(el.attrs.id);
    }
  }
  for (const el of elements) {
    if (!("resid" in el.attrs)) continue;
    const id = el.attrs.resid;
    const found = res.get(id);
    if (!found) {
      problems.push(`<${el.name} resid="${id}"> does not match any id in Resources`);
      continue;
    }
    const want = RESID_KIND[el.name];
    if (want && found.kind !== want) {
      problems.push(`<${el.name} resid="${id}"> needs a ${want} but "${id}" is a ${found.kind}`);
    }
  }
  return problems;
}

function checkNamespace(xml) {
  const elements = parseXml(xml);
  const ns = named(elements, "Namespace");
  if (ns.length !== 1) return [`expected one custom functions <Namespace>, found ${ns.length}`];
  const found = resources(elements).get(ns[0].attrs.resid);
  const value = found && found.value;
  return value === NAMESPACE
    ? []
    : [`custom functions namespace resolves to ${JSON.stringify(value)}, expected "${NAMESPACE}"`];
}

/** Every URL the manifest declares, with where it came from. */
function urls(elements) {
  const list = [];
  const add = (where, value) => list.push({ where, value: value === undefined ? "" : value });
  for (const el of elements) {
    const resKind = RESOURCE_KINDS[parentName(el)];
    if (resKind === "bt:Url" || resKind === "bt:Image") {
      add(`${resKind} "${el.attrs.id}"`, el.attrs.DefaultValue);
    } else if (["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"].includes(el.name)) {
      if (!("resid" in el.attrs)) add(`<${el.name}>`, el.attrs.DefaultValue);
    } else if (el.name === "AppDomain") {
      add("<AppDomain>", el.text);
    }
    // Locale overrides of a URL are URLs too.
    if (el.name === "Override" || el.name === "bt:Override") {
      const owner = el.parent;
      const ownerKind = RESOURCE_KINDS[parentName(owner)];
      if (
        ownerKind === "bt:Url" ||
        ownerKind === "bt:Image" ||
        ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"].includes(owner.name)
      ) {
        add(`override of <${owner.name}> for ${el.attrs.Locale}`, el.attrs.Value);
      }
    }
  }
  return list;
}

function checkHttps(xml) {
  const problems = [];
  for (const { where, value } of urls(parseXml(xml))) {
    let protocol = "";
    try {
      protocol = new URL(value).protocol;
    } catch {
      protocol = "";
    }
    if (protocol !== "https:") problems.push(`${where}: "${value}" is not an https URL`);
  }
  return problems;
}

/** Width and height from a PNG's IHDR chunk, or null if the bytes are not a PNG. */
function pngSize(buf) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(signature)) return null;
  if (buf.toString("ascii", 12, 16) !== "IHDR") return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function checkIcons(xml, rootDir = ROOT) {
  const elements = parseXml(xml);
  const res = resources(elements);
  const icons = [];
  for (const [id, r] of res) {
    if (r.kind !== "bt:Image") continue;
    const m = /(\d+)x(\d+)/.exec(id);
    icons.push({
      where: `bt:Image "${id}"`,
      url: r.value,
      size: m ? Number(m[1]) : null,
    });
  }
  // Office wants a 32 px icon and a 64 px high-resolution icon.
  for (const [name, size] of [
    ["IconUrl", 32],
    ["HighResolutionIconUrl", 64],
  ]) {
    for (const el of named(elements, name)) icons.push({ where: `<${name}>`, url: el.attrs.DefaultValue, size });
  }

  const problems = [];
  const actual = new Map();
  for (const icon of icons) {
    const url = icon.url || "";
    if (!url.startsWith(ASSET_URL_PREFIX)) {
      problems.push(`${icon.where}: "${url}" is not under ${ASSET_URL_PREFIX}`);
      continue;
    }
    const rel = path.posix.join("assets", url.slice(ASSET_URL_PREFIX.length));
    const file = path.join(rootDir, ...rel.split("/"));
    if (!rel.startsWith("assets/") || !fs.existsSync(file)) {
      problems.push(`${icon.where}: ${rel} does not exist`);
      continue;
    }
    const size = pngSize(fs.readFileSync(file));
    if (!size) {
      problems.push(`${icon.where}: ${rel} is not a PNG file`);
      continue;
    }
    actual.set(icon.where, size);
    const fromName = /icon-(\d+)\.png$/.exec(rel);
    const expected = [icon.size, fromName ? Number(fromName[1]) : null].filter((n) => n !== null);
    if (!expected.length) problems.push(`${icon.where}: cannot tell the intended size of ${rel}`);
    for (const n of new Set(expected)) {
      if (size.width !== n || size.height !== n) {
        problems.push(`${icon.where}: ${rel} is ${size.width}x${size.height}, expected ${n}x${n}`);
      }
    }
  }
  // A ribbon <bt:Image size="N"> must point at an N px image.
  for (const el of named(elements, "bt:Image")) {
    if (!("size" in el.attrs) || !("resid" in el.attrs)) continue;
    const size = actual.get(`bt:Image "${el.attrs.resid}"`);
    const n = Number(el.attrs.size);
    if (size && (size.width !== n || size.height !== n)) {
      problems.push(`<bt:Image size="${n}" resid="${el.attrs.resid}"> points at a ${size.width}x${size.height} image`);
    }
  }
  return [...new Set(problems)];
}

function checkPermissions(xml) {
  const perms = named(parseXml(xml), "Permissions").map((e) => e.text);
  if (perms.length === 1 && perms[0] === PERMISSIONS) return [];
  return [`permissions must be exactly ${PERMISSIONS}, found ${JSON.stringify(perms)}`];
}

// The functions and the task pane share one runtime only if all three point at the same page.
function checkSharedRuntime(xml) {
  const elements = parseXml(xml);
  const problems = [];
  const sets = new Map(named(elements, "Set").map((e) => [e.attrs.Name, e.attrs.MinVersion]));
  for (const [name, version] of [
    ["SharedRuntime", "1.1"],
    ["CustomFunctionsRuntime", "1.2"],
  ]) {
    if (sets.get(name) !== version) problems.push(`requirement set ${name} ${version} is missing`);
  }
  const runtimes = named(elements, "Runtime");
  if (runtimes.length !== 1 || runtimes[0].attrs.lifetime !== "long") {
    problems.push(`expected one <Runtime lifetime="long">, found ${runtimes.length}`);
  }
  const runtime = runtimes[0] && runtimes[0].attrs.resid;
  const page = named(elements, "SourceLocation").find((e) => parentName(e) === "Page");
  const action = named(elements, "Action").find((e) => e.attrs["xsi:type"] === "ShowTaskpane");
  const actionSrc = action && named(elements, "SourceLocation").find((e) => e.parent === action);
  for (const [what, el] of [
    ["custom functions <Page>", page],
    ["ShowTaskpane action", actionSrc],
  ]) {
    const resid = el && el.attrs.resid;
    if (resid !== runtime)
      problems.push(`${what} uses ${JSON.stringify(resid)}, not the runtime's ${JSON.stringify(runtime)}`);
  }
  return problems;
}

const CHECKS = {
  resids: {
    title: "every resid resolves to a resource of the right kind",
    run: checkResids,
  },
  namespace: {
    title: `custom functions namespace is ${NAMESPACE}`,
    run: checkNamespace,
  },
  https: { title: "every URL is https", run: checkHttps },
  icons: {
    title: "every icon is a PNG under assets/ of the size its name says",
    run: checkIcons,
  },
  permissions: {
    title: `permissions are exactly ${PERMISSIONS}`,
    run: checkPermissions,
  },
  sharedRuntime: {
    title: "one long-lived shared runtime serves functions and task pane",
    run: checkSharedRuntime,
  },
};

/** Runs every own check; returns [{name, title, problems}]. */
function runChecks(xml, rootDir = ROOT) {
  return Object.entries(CHECKS).map(([name, c]) => {
    let problems;
    try {
      problems = c.run(xml, rootDir);
    } catch (err) {
      problems = [String(err && err.message ? err.message : err)];
    }
    return { name, title: c.title, problems };
  });
}

// ---- XSD validation (offline, libxml2 compiled to wasm)

function schemaFiles(schemaDir = SCHEMA_DIR) {
  const read = (f) => ({
    fileName: f,
    contents: fs.readFileSync(path.join(schemaDir, f), "utf8"),
  });
  const others = fs
    .readdirSync(schemaDir)
    .filter((f) => f.endsWith(".xsd") && f !== MAIN_SCHEMA)
    .sort();
  return { schema: [read(MAIN_SCHEMA)], preload: others.map(read) };
}

/** Resolves to {valid, errors: string[], ms}. */
async function validateSchema(xml, schemaDir = SCHEMA_DIR) {
  const { validateXML } = require("xmllint-wasm");
  const started = Date.now();
  const result = await validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    ...schemaFiles(schemaDir),
  });
  const errors = result.errors.map((e) => (e.loc ? `line ${e.loc.lineNumber}: ${e.message}` : e.message));
  if (!result.valid && !errors.length) errors.push(result.rawOutput.trim() || "invalid");
  return { valid: result.valid, errors, ms: Date.now() - started };
}

module.exports = {
  ROOT,
  SCHEMA_DIR,
  MANIFEST_PATH: path.join(ROOT, "manifest.xml"),
  parseXml,
  pngSize,
  checkResids,
  checkNamespace,
  checkHttps,
  checkIcons,
  checkPermissions,
  checkSharedRuntime,
  CHECKS,
  runChecks,
  validateSchema,
};
