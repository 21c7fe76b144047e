// Checks for a manifest (manifest.xml, or dist/manifest.xml of a production build), shared by
// scripts/validate-manifest.js, the build and test/manifest.
// Each check takes the manifest text and returns a list of problems (empty = pass).
"use strict";
const fs = require("fs");
const path = require("path");
const { parseStrict, isLocalHost } = require("./public-url");

const ROOT = path.join(__dirname, "..");
const SCHEMA_DIR = path.join(ROOT, "schemas", "manifest");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";
const NAMESPACE = "AGAP";
const PERMISSIONS = "ReadWriteDocument";

// ---- XML reading: a real parser (xmldom), flattened into the list of elements the checks walk.

const BT_NS = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

// Names as this file spells them, whatever prefixes the manifest happens to use.
function qualifiedName(node) {
  if (node.namespaceURI === BT_NS) return `bt:${node.localName}`;
  if (node.namespaceURI === XSI_NS) return `xsi:${node.localName}`;
  return node.localName || node.nodeName;
}

/** Returns a flat list of elements {name, attrs, text, parent} in document order. */
function parseXml(xml) {
  const doc = parseStrict(xml);
  const elements = [];
  const visit = (node, parent) => {
    const attrs = {};
    for (let i = 0; i < node.attributes.length; i++) {
      const attr = node.attributes[i];
      attrs[attr.prefix === "xmlns" || attr.name === "xmlns" ? attr.name : qualifiedName(attr)] = attr.value;
    }
    const el = { name: qualifiedName(node), attrs, text: "", parent };
    elements.push(el);
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1) visit(child, el);
      else if (child.nodeType === 3 || child.nodeType === 4) el.text += child.data;
    }
    el.text = el.text.trim();
  };
  visit(doc.documentElement, null);
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

/** The folder the add-in's page is served from (its default SourceLocation's folder), or null. */
function baseUrl(elements) {
  const page = named(elements, "SourceLocation").find((e) => parentName(e) === "DefaultSettings");
  try {
    return new URL(".", page.attrs.DefaultValue).href;
  } catch {
    return null;
  }
}

// AppDomains list other sites the pane may open, so they are not the add-in's own URLs.
const ownUrls = (elements) => urls(elements).filter((u) => u.where !== "<AppDomain>");

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

// AppSource requires the custom functions' script, metadata and page on one origin; the rest
// follows so that one host (and one CORS and certificate setup) serves the whole add-in.
function checkOneOrigin(xml) {
  const elements = parseXml(xml);
  const base = baseUrl(elements);
  if (!base) return ["<DefaultSettings><SourceLocation> is missing or not an absolute URL"];
  const origin = new URL(base).origin;
  const problems = [];
  for (const { where, value } of ownUrls(elements)) {
    let other;
    try {
      other = new URL(value).origin;
    } catch {
      continue; // checkHttps reports it
    }
    if (other !== origin) problems.push(`${where}: "${value}" is not on ${origin}, the origin of the add-in's page`);
  }
  return problems;
}

/** For a production manifest: every URL lies under the address it is built for. */
function checkPublicUrl(xml, _rootDir, { publicUrl } = {}) {
  if (!publicUrl) return ["no public address given"];
  const problems = [];
  for (const { where, value } of ownUrls(parseXml(xml))) {
    let host = "";
    try {
      host = new URL(value).hostname;
    } catch {
      host = "";
    }
    if (isLocalHost(host)) problems.push(`${where}: "${value}" names this machine (${host})`);
    else if (!value.startsWith(publicUrl)) problems.push(`${where}: "${value}" is not under ${publicUrl}`);
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
  const base = baseUrl(elements);
  if (!base) return ["cannot tell where assets/ is: <DefaultSettings><SourceLocation> is missing"];
  const assets = `${base}assets/`;
  for (const icon of icons) {
    const url = icon.url || "";
    if (!url.startsWith(assets)) {
      problems.push(`${icon.where}: "${url}" is not under ${assets}`);
      continue;
    }
    const rel = path.posix.join("assets", url.slice(assets.length));
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
  // The least each set must ask for; a manifest may ask for more.
  const atLeast = (found, least) => {
    if (typeof found !== "string") return false;
    const [a, b] = [found, least].map((v) => v.split(".").map(Number));
    return a[0] > b[0] || (a[0] === b[0] && (a[1] ?? 0) >= (b[1] ?? 0));
  };
  for (const [name, version] of [
    ["SharedRuntime", "1.1"],
    ["CustomFunctionsRuntime", "1.2"],
  ]) {
    if (!atLeast(sets.get(name), version)) problems.push(`requirement set ${name} ${version} or later is missing`);
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
  oneOrigin: { title: "every URL is on the origin of the add-in's page", run: checkOneOrigin },
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

/**
 * Runs every own check; returns [{name, title, problems}]. rootDir holds the manifest's assets/;
 * with publicUrl, every URL must also lie under that address.
 */
function runChecks(xml, options = {}) {
  const { rootDir = ROOT, publicUrl } = typeof options === "string" ? { rootDir: options } : options;
  const checks = Object.entries(CHECKS);
  if (publicUrl) {
    checks.push(["publicUrl", { title: `every URL is under ${publicUrl}`, run: checkPublicUrl }]);
  }
  return checks.map(([name, c]) => {
    let problems;
    try {
      problems = c.run(xml, rootDir, { publicUrl });
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
  baseUrl: (xml) => baseUrl(parseXml(xml)),
  urls: (xml) => urls(parseXml(xml)),
  pngSize,
  checkResids,
  checkNamespace,
  checkHttps,
  checkOneOrigin,
  checkPublicUrl,
  checkIcons,
  checkPermissions,
  checkSharedRuntime,
  CHECKS,
  runChecks,
  validateSchema,
};
