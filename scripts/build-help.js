// Turns docs/functions.md into the help page served at /help/functions.html, with its style sheet
// (/help/functions.css).
// Each function heading (e.g. "## AGAP.REALIZED") gets the id "realized", which the help URL
// the build gives every custom function points at (withHelpUrls in scripts/public-url.js).
"use strict";

const fs = require("fs");
const path = require("path");
const { Marked } = require("marked");

const FUNCTION_HEADING = /^AGAP\.([A-Za-z][A-Za-z0-9_.]*)/;

function plainText(markdownInline) {
  return markdownInline
    .replace(/<[^>]*>/g, "")
    .replace(/[`*_~]/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .trim();
}

function slug(text) {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "section"
  );
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

// Function ids are reserved first so that another heading can never take "realized" from AGAP.REALIZED.
function assignHeadingIds(marked, tokens) {
  const headings = [];
  marked.walkTokens(tokens, (token) => {
    if (token.type === "heading") headings.push(token);
  });
  const used = new Set();
  for (const heading of headings) {
    const match = FUNCTION_HEADING.exec(plainText(heading.text));
    if (!match) continue;
    const id = match[1].toLowerCase();
    if (used.has(id)) throw new Error(`docs: function AGAP.${match[1]} has more than one heading`);
    used.add(id);
    heading.anchorId = id;
  }
  for (const heading of headings) {
    if (heading.anchorId) continue;
    const base = slug(plainText(heading.text));
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    heading.anchorId = id;
  }
  return headings;
}

const HELP_STYLE = `
:root { color-scheme: light dark; }
body { margin: 0 auto; max-width: 46rem; padding: 1rem 1.25rem 3rem;
  font: 15px/1.55 "Segoe UI", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", Arial, sans-serif; }
h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 0.5em; }
h1 { margin-top: 0.5em; }
h2 { border-bottom: 1px solid rgba(128, 128, 128, 0.35); padding-bottom: 0.2em; }
:target { scroll-margin-top: 0.5rem; background: rgba(255, 200, 0, 0.18); }
code, pre { font-family: Consolas, "Cascadia Mono", Menlo, monospace; font-size: 0.92em; }
/* Formulas run long without spaces: inline code may break anywhere, so that no line is wider
   than the page; a code block keeps its lines and scrolls inside its own box. */
code { background: rgba(128, 128, 128, 0.15); padding: 0.1em 0.3em; border-radius: 3px; overflow-wrap: anywhere; }
pre { background: rgba(128, 128, 128, 0.12); padding: 0.75em 1em; overflow-x: auto; border-radius: 4px; max-width: 100%; box-sizing: border-box; }
pre code { background: none; padding: 0; overflow-wrap: normal; }
pre:focus-visible { outline: 2px solid #0f6cbd; outline-offset: 1px; }
/* A table wider than the page scrolls inside its own box. */
table { border-collapse: collapse; margin: 1em 0; display: block; overflow-x: auto; max-width: 100%; }
th, td { border: 1px solid rgba(128, 128, 128, 0.4); padding: 0.35em 0.6em; text-align: left; vertical-align: top; }
/* In a narrow pane each row of a table becomes a small card, every cell on a line of its own after
   its column's name, so that nothing is wider than the pane. The roles keep it a table for screen
   readers, whatever its display. */
@media (max-width: 30rem) {
  body { padding: 0.75rem 0.75rem 2rem; }
  table, tbody, tr, td { display: block; }
  table { overflow-x: visible; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  tr { border: 1px solid rgba(128, 128, 128, 0.4); border-radius: 4px; margin: 0 0 0.6em; padding: 0.3em 0.6em; }
  td { border: 0; padding: 0.15em 0; }
  td:empty { display: none; }
  td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
}
/* A column's alignment from the markdown (a class: the page's policy refuses style attributes). */
th.align-left, td.align-left { text-align: left; }
th.align-center, td.align-center { text-align: center; }
th.align-right, td.align-right { text-align: right; }
blockquote { margin: 1em 0; padding: 0 1em; border-left: 4px solid rgba(128, 128, 128, 0.4); }
a { color: #0f6cbd; }
@media (prefers-color-scheme: dark) { a { color: #62abf5; } }
`;

/** The style sheet's name, beside the page (help/functions.css). */
const HELP_STYLE_FILE = "functions.css";

/**
 * The page runs no script and loads nothing but its own style sheet: no inline style (the rules
 * are in HELP_STYLE_FILE, alignments are classes), no frame, no form. frame-ancestors would be
 * ignored here; docs/deploy.md lists it among the host's headers.
 */
const HELP_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

/** Renders the markdown of the function reference to a complete HTML page, styled by HELP_STYLE_FILE. */
function buildHelpHtml(markdown) {
  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      heading(token) {
        const inner = this.parser.parseInline(token.tokens);
        return `<h${token.depth} id="${escapeHtml(token.anchorId)}">${inner}</h${token.depth}>\n`;
      },
      // Each cell carries its column's name, which a narrow page shows before it (see HELP_STYLE).
      table(token) {
        const labels = token.header.map((cell) => plainText(cell.text));
        const cell = (tag, item, attributes) => {
          const align = item.align ? ` class="align-${escapeHtml(item.align)}"` : "";
          return `<${tag}${attributes}${align}>${this.parser.parseInline(item.tokens)}</${tag}>`;
        };
        const head = token.header.map((item) => cell("th", item, ' role="columnheader"')).join("");
        const rows = token.rows.map(
          (row) =>
            `<tr role="row">${row.map((item, i) => cell("td", item, ` role="cell" data-label="${escapeHtml(labels[i] ?? "")}"`)).join("")}</tr>\n`,
        );
        return (
          `<table role="table">\n<thead role="rowgroup">\n<tr role="row">${head}</tr>\n</thead>\n` +
          (rows.length ? `<tbody role="rowgroup">\n${rows.join("")}</tbody>\n` : "") +
          "</table>\n"
        );
      },
    },
  });
  const tokens = marked.lexer(markdown);
  const headings = assignHeadingIds(marked, tokens);
  const h1 = headings.find((h) => h.depth === 1);
  const title = h1 ? plainText(h1.text) : "AGAP function reference";
  // A code block can scroll sideways, so it takes the keyboard focus: arrow keys then scroll it.
  const body = marked.parser(tokens).replace(/<pre>/g, '<pre tabindex="0">');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${HELP_POLICY}">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${HELP_STYLE_FILE}">
</head>
<body>
<main>
${body}</main>
</body>
</html>
`;
}

/** Reads a markdown file and returns the help page HTML. */
function buildHelpPage(markdownPath) {
  return buildHelpHtml(fs.readFileSync(markdownPath, "utf8"));
}

module.exports = { HELP_POLICY, HELP_STYLE, HELP_STYLE_FILE, buildHelpHtml, buildHelpPage };

// `node scripts/build-help.js [in.md] [out.html]` builds the page without webpack.
if (require.main === module) {
  const root = path.resolve(__dirname, "..");
  const input = path.resolve(process.argv[2] || path.join(root, "docs", "functions.md"));
  const output = path.resolve(process.argv[3] || path.join(root, "dist", "help", "functions.html"));
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, buildHelpPage(input));
  const style = path.join(path.dirname(output), HELP_STYLE_FILE);
  fs.writeFileSync(style, HELP_STYLE);
  console.log(`Wrote ${path.relative(process.cwd(), output)} and ${path.relative(process.cwd(), style)}`);
}
