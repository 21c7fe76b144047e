// The help page as scripts/build-help.js writes it: everything its policy would refuse is kept out
// of the page (the built page itself is checked in bundle.test.ts).
const { HELP_POLICY, HELP_STYLE, HELP_STYLE_FILE, buildHelpHtml } = require("../../scripts/build-help") as {
  HELP_POLICY: string;
  HELP_STYLE: string;
  HELP_STYLE_FILE: string;
  buildHelpHtml: (markdown: string) => string;
};

const TABLE = [
  "# AGAP function reference",
  "",
  "| left | centre | right |",
  "| :--- | :----: | ----: |",
  "| a | b | c |",
].join("\n");

describe("the help page and its policy", () => {
  it("carries the policy, and links its style sheet instead of holding a <style>", () => {
    const html = buildHelpHtml(TABLE);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${HELP_POLICY}">`);
    expect(html).toContain(`<link rel="stylesheet" href="${HELP_STYLE_FILE}">`);
    expect(html).not.toMatch(/<style|<script/i);
    expect(HELP_POLICY).toMatch(/^default-src 'none'; style-src 'self';/);
    expect(HELP_POLICY).not.toMatch(/unsafe|script-src/);
  });

  it("aligns table columns with classes, since the policy refuses style attributes", () => {
    const html = buildHelpHtml(TABLE);
    expect(html).not.toMatch(/\sstyle=/);
    for (const side of ["left", "center", "right"]) {
      expect(html).toContain(`class="align-${side}"`);
      expect(HELP_STYLE).toContain(`td.align-${side} { text-align: ${side}; }`);
    }
  });
});
