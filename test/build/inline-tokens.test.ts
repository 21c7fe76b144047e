// The loader that turns Fluent's `tokens.name` into the CSS variable it stands for, and the bundles
// it leaves without Fluent's table of tokens (npm test builds dist/ before jest runs).
import fs from "fs";
import path from "path";
import { transformSync } from "@babel/core";
import { tokens } from "@fluentui/react-components";

const { inlineTokens } = require("../../scripts/inline-tokens-loader") as { inlineTokens: object };

const DIST = path.resolve(__dirname, "../../dist");

function inline(code: string): string {
  const result = transformSync(code, {
    babelrc: false,
    configFile: false,
    plugins: [inlineTokens],
    sourceType: "module",
  });
  return result?.code ?? "";
}

describe("inline-tokens loader", () => {
  test("a token read from Fluent becomes its CSS variable, the same string the table holds", () => {
    const out = inline(
      'import { tokens } from "@fluentui/react-components";\n' +
        "export const gap = tokens.spacingHorizontalM;\n" +
        "export const edge = `calc(${tokens.strokeWidthThin} + 0.25px)`;",
    );
    expect(out).toContain(`gap = ${JSON.stringify(tokens.spacingHorizontalM)}`);
    expect(tokens.spacingHorizontalM).toBe("var(--spacingHorizontalM)");
    expect(out).toContain('`calc(${"var(--strokeWidthThin)"} + 0.25px)`');
    expect(out).not.toMatch(/tokens\./);
  });

  test("works under another name and from each package that exports the table", () => {
    for (const source of ["@fluentui/react-theme", "@fluentui/tokens", "@fluentui/react-components"]) {
      const out = inline(`import { tokens as t } from "${source}";\nexport const c = t.colorNeutralForeground1;`);
      expect(out).toContain('c = "var(--colorNeutralForeground1)"');
    }
  });

  test("leaves alone a `tokens` that is not Fluent's: another module's, a parameter, a computed read", () => {
    const other = 'import { tokens } from "./lexer";\nexport const n = tokens.colorNeutralForeground1;';
    expect(inline(other)).toContain("n = tokens.colorNeutralForeground1");
    const shadowed =
      'import { tokens } from "@fluentui/react-components";\n' +
      "export function f(tokens) { return tokens.colorNeutralForeground1; }";
    expect(inline(shadowed)).toContain("return tokens.colorNeutralForeground1");
    const computed = 'import { tokens } from "@fluentui/react-components";\nexport const g = (k) => tokens[k];';
    expect(inline(computed)).toContain("tokens[k]");
  });

  test("a name that is not a token stops the build with the name", () => {
    expect(() =>
      inline('import { tokens } from "@fluentui/react-components";\nexport const x = tokens.colourNeutral;'),
    ).toThrow(/tokens\.colourNeutral is not one of Fluent's theme tokens/);
  });
});

describe("the built bundles", () => {
  test("no bundle carries Fluent's table of tokens", () => {
    const maps = fs.readdirSync(DIST).filter((f) => f.endsWith(".js.map"));
    expect(maps).toEqual(expect.arrayContaining(["taskpane.js.map", "functions.js.map"]));
    const withTable = maps.filter((map) =>
      (JSON.parse(fs.readFileSync(path.join(DIST, map), "utf8")) as { sources: string[] }).sources.some((s) =>
        /@fluentui\/tokens\/lib\/tokens\.js$/.test(s),
      ),
    );
    expect(withTable).toEqual([]);
  });
});
