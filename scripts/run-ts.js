// Runs a TypeScript script (golden table, benchmarks) under ts-node, compiled to CommonJS.
const path = require("path");
require("ts-node").register({
  transpileOnly: true,
  compilerOptions: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx" },
});
const script = process.argv[2];
if (!script) {
  console.error("usage: node scripts/run-ts.js <script.ts> [args...]");
  process.exit(2);
}
process.argv.splice(1, 1);
require(path.resolve(script));
