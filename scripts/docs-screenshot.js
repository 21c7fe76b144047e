// `npm run docs:screenshot`: rewrites docs/screenshot-taskpane.png, the README's picture of the
// pane, from the browser test that visits every tab (the Results tab, light). A plain test run
// leaves the picture as it is.
"use strict";
const { spawnSync } = require("child_process");

const steps = [
  ["npx", ["webpack", "--mode", "production"], {}],
  ["npx", ["jest", "test/e2e/taskpane.test.ts", "--selectProjects", "e2e"], { AGAP_UPDATE_DOCS_SCREENSHOT: "1" }],
];
for (const [command, args, env] of steps) {
  const result = spawnSync(command, args, {
    stdio: "inherit",
    shell: process.platform === "win32",
    env: { ...process.env, ...env },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status || 1);
}
