// `npm test`: every check, in the order a failure is cheapest to find.
// Lint and types first, then the production builds (the bundle, licence and browser tests read
// dist/; test/build/public-build reads a second build made for a public address), then every
// jest project: unit, property, formula-engine, component and browser.
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");

/** The address and folder of the build that test/build/public-build.test.ts checks. */
const PUBLIC_BUILD_URL = "https://agap.example.org/addin/";
const PUBLIC_BUILD_DIR = path.join(__dirname, "..", "test-artifacts", "public-dist");

function main() {
  const steps = [
    ["lint (ESLint)", "npx", ["eslint", ".", "--max-warnings", "0"]],
    ["format (Prettier)", "npx", ["prettier", "--check", "."]],
    ["types (tsc)", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]],
    ["production build", "npx", ["webpack", "--mode", "production"], { AGAP_PUBLIC_URL: "" }],
    [
      `production build for ${PUBLIC_BUILD_URL}`,
      "npx",
      ["webpack", "--mode", "production", "--output-path", path.relative(process.cwd(), PUBLIC_BUILD_DIR)],
      { AGAP_PUBLIC_URL: PUBLIC_BUILD_URL },
    ],
    ["tests (jest)", "npx", ["jest", "--ci", ...process.argv.slice(2)]],
  ];

  for (const [name, command, args, env = {}] of steps) {
    console.log(`\n=== ${name}: ${command} ${args.join(" ")}`);
    const started = Date.now();
    const result = spawnSync(command, args, {
      stdio: "inherit",
      shell: process.platform === "win32",
      env: { ...process.env, ...env },
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.error) throw result.error;
    if (result.status !== 0) {
      console.error(`\n${name} failed (exit ${result.status}, ${seconds} s).`);
      process.exit(result.status || 1);
    }
    console.log(`=== ${name} passed in ${seconds} s`);
  }
}

module.exports = { PUBLIC_BUILD_URL, PUBLIC_BUILD_DIR };

if (require.main === module) main();
