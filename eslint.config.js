// ESLint: the Office add-in rules (office-addins plugin, React flavour) plus the layer boundaries.
const officeAddins = require("eslint-plugin-office-addins");
const globals = require("globals");
const tseslint = require("typescript-eslint");

const officeGlobals = ["Office", "Excel", "OfficeExtension", "CustomFunctions"];
const domGlobals = ["window", "document", "localStorage", "sessionStorage", "navigator", "location", "fetch"];

module.exports = [
  { ignores: ["dist/", "coverage/", "node_modules/", "test-artifacts/", "schemas/"] },
  // The plugin's shared config stops at .ts; extend it to .tsx for the task pane.
  ...officeAddins.configs.react.map((config) =>
    config.files ? { ...config, files: ["**/*.{js,mjs,cjs,ts,cts,mts,tsx}"] } : config,
  ),
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parser: tseslint.parser, // set here: the plugin's own parser import resolves to undefined
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      "no-undef": "off", // TypeScript checks names.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "react/react-in-jsx-scope": "off",
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Function']",
          message: "No new Function: the bundles must not evaluate code.",
        },
      ],
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off", "no-undef": "error" },
  },
  {
    // The model is pure: no Office, React, DOM or other layers.
    files: ["src/model/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-*", "@fluentui/*", "office-*", "@microsoft/*", "exceljs"],
              message: "src/model stays pure.",
            },
            {
              group: ["../functions/*", "../workbook/*", "../taskpane/*", "../functions", "../workbook", "../taskpane"],
              message: "src/model depends on nothing else in src.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", ...officeGlobals, ...domGlobals],
    },
  },
  {
    // Custom functions are thin adapters over the model: no UI, no workbook access.
    files: ["src/functions/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-*", "@fluentui/*", "exceljs"], message: "Custom functions carry no UI code." },
            {
              group: ["../workbook/*", "../taskpane/*", "../workbook", "../taskpane"],
              message: "Custom functions are pure: they read nothing from the workbook.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", ...domGlobals],
    },
  },
  {
    // Only src/workbook calls Excel.run.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/workbook/**"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "Excel", property: "run", message: "Excel.run lives in src/workbook." },
      ],
    },
  },
  {
    // The Office.js load/sync rules read any `.value` or `.formula` as an Office proxy; tests that
    // read exceljs or HyperFormula objects are not Office.js code.
    files: ["test/**/*.{ts,tsx}"],
    ignores: ["test/workbook/excel-*.test.ts"],
    rules: {
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-before-read": "off",
    },
  },
];
