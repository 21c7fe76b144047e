// The layer rules in eslint.config.js, exercised on code that breaks them.
import { ESLint } from "eslint";
import path from "path";

const ROOT = path.resolve(__dirname, "../..");
// Jest cannot run ESLint's dynamic import of the config file, so the same config is handed over.
const config = require("../../eslint.config.js");
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });

async function ruleIds(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.map((message) => message.ruleId ?? message.message);
}

describe("src/model stays pure", () => {
  it.each([
    ['import React from "react";\nexport const x = React;\n', "no-restricted-imports"],
    ['import { Button } from "@fluentui/react-components";\nexport const x = Button;\n', "no-restricted-imports"],
    ['import { x as y } from "../workbook/tables";\nexport const x = y;\n', "no-restricted-imports"],
    ["export const x = document.title;\n", "no-restricted-globals"],
    ["export const x = window.innerWidth;\n", "no-restricted-globals"],
    ["export const x = Office.context;\n", "no-restricted-globals"],
    ["export const x = () => Excel.run(async () => undefined);\n", "no-restricted-globals"],
  ])("rejects %j", async (code, rule) => {
    expect(await ruleIds(code, "src/model/probe.ts")).toContain(rule);
  });

  it("accepts plain TypeScript", async () => {
    expect(await ruleIds("export const double = (x: number): number => x * 2;\n", "src/model/probe.ts")).toEqual([]);
  });
});

describe("custom functions carry no UI and read no workbook", () => {
  it.each([
    ['import React from "react";\nexport const x = React;\n', "no-restricted-imports"],
    ['import { x as y } from "../taskpane/App";\nexport const x = y;\n', "no-restricted-imports"],
    ["export const x = Excel.run;\n", "no-restricted-globals"],
  ])("rejects %j", async (code, rule) => {
    expect(await ruleIds(code, "src/functions/probe.ts")).toContain(rule);
  });
});

describe("Excel.run lives in src/workbook", () => {
  const code = "export const go = () => Excel.run(async (context) => context.sync());\n";
  it("is refused in the task pane", async () => {
    expect(await ruleIds(code, "src/taskpane/probe.ts")).toContain("no-restricted-properties");
  });
  it("is allowed in src/workbook", async () => {
    expect(await ruleIds(code, "src/workbook/probe.ts")).not.toContain("no-restricted-properties");
  });
});
