// The address AGAP is served from. manifest.xml names the development address, and a build with
// AGAP_PUBLIC_URL moves every one of its URLs under the public address; the build gives each custom
// function its help URL under the address it serves (withHelpUrls).
"use strict";

const { DOMParser, XMLSerializer } = require("@xmldom/xmldom");

/** The address `npm start` serves, as manifest.xml names it. */
const DEV_URL = "https://localhost:3000/";
const EXAMPLE = "https://agap.example.org/addin/";

function isLocalHost(hostname) {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === "::1" ||
    host === "0.0.0.0" ||
    host === "::"
  );
}

/** Why a value cannot be the public address, or null when it can. */
function publicUrlProblem(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return `is not an absolute URL (for example ${EXAMPLE})`;
  }
  if (url.protocol !== "https:") return "must start with https://: Office loads add-ins only over https";
  if (isLocalHost(url.hostname)) {
    return (
      "names this machine: every user's Excel must reach the address. " +
      "For development use `npm start`; to try a production build here use `npm run serve:dist`"
    );
  }
  if (url.username || url.password) return "must not contain a user name or password";
  if (url.search || url.hash) return "must not contain a query (?) or fragment (#)";
  return null;
}

/** The public address as a folder URL ending in "/"; throws a message naming the variable. */
function parsePublicUrl(value, variable = "AGAP_PUBLIC_URL") {
  const problem = publicUrlProblem(value);
  if (problem) throw new Error(`${variable}=${value} ${problem}.`);
  const url = new URL(value);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

function rebase(value, from, to) {
  return value.startsWith(from) ? to + value.slice(from.length) : value;
}

function parseStrict(xml) {
  const errors = [];
  const onError = (level, message) => {
    if (level !== "warning") errors.push(message);
  };
  let doc;
  try {
    doc = new DOMParser({ onError }).parseFromString(xml, "application/xml");
  } catch (err) {
    errors.push(err.message);
  }
  if (errors.length) throw new Error(`XML: ${errors.join("; ")}`);
  return doc;
}

/** manifest.xml with every attribute value and text under `from` moved under `to`. */
function rebaseManifest(xml, to, from = DEV_URL) {
  const doc = parseStrict(xml);
  const visit = (node) => {
    if (node.nodeType === 1) {
      for (let i = 0; i < node.attributes.length; i++) {
        const attr = node.attributes[i];
        attr.value = rebase(attr.value, from, to);
      }
    } else if (node.nodeType === 3) {
      const trimmed = node.data.trim();
      if (trimmed.startsWith(from)) node.data = node.data.replace(trimmed, rebase(trimmed, from, to));
    }
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
  };
  visit(doc.documentElement);
  return `${new XMLSerializer().serializeToString(doc)}\n`;
}

/**
 * functions.json with each function's help URL: its section of the help page under `base` (the
 * heading "## AGAP.REALIZED" gets the id "realized"; see scripts/build-help.js).
 */
function withHelpUrls(json, base) {
  const metadata = JSON.parse(json);
  for (const fn of metadata.functions || []) fn.helpUrl = `${base}help/functions.html#${fn.id.toLowerCase()}`;
  return `${JSON.stringify(metadata, null, 2)}\n`;
}

module.exports = {
  DEV_URL,
  isLocalHost,
  publicUrlProblem,
  parsePublicUrl,
  rebaseManifest,
  withHelpUrls,
  parseStrict,
};
