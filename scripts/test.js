// `npm test`: every check, in the order a failure is cheapest to find.
// Lint and types first, then a production build (the bundle, licence and browser tests read dist/),
// then every jest project: unit, property, formula-engine, component and browser.
const { spawnSync } = require("child_process");

const steps = [
  ["lint (ESLint)", "npx", ["eslint", ".", "--max-warnings", "0"]],
  ["format (Prettier)", "npx", ["prettier", "--check", "."]],
  ["types (tsc)", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]],
  ["production build", "npx", ["webpack", "--mode", "production"]],
  ["tests (jest)", "npx", ["jest", "--ci", ...process.argv.slice(2)]],
];

for (const [name, command, args] of steps) {
  console.log(`\n=== ${name}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", shell: process.platform === "win32" });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(`\n${name} failed (exit ${result.status}, ${seconds} s).`);
    process.exit(result.status || 1);
  }
  console.log(`=== ${name} passed in ${seconds} s`);
}
