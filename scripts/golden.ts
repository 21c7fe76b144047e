// `npm run golden` writes docs/golden.md; `npm run golden -- --check` only compares and fails when it is stale.
import * as fs from "fs";
import * as path from "path";
import { GOLDEN_PATH, checkGolden, renderGoldenTable } from "./golden-table";

function main(args: readonly string[]): number {
  const unknown = args.filter((arg) => arg !== "--check");
  if (unknown.length > 0) {
    console.error(`golden: unknown argument ${unknown.join(" ")}. Usage: golden [--check]`);
    return 2;
  }
  const text = renderGoldenTable();
  const shown = path.relative(process.cwd(), GOLDEN_PATH);
  if (args.includes("--check")) {
    const current = fs.existsSync(GOLDEN_PATH) ? fs.readFileSync(GOLDEN_PATH, "utf8") : null;
    const problem = checkGolden(current, text);
    if (problem) {
      console.error(problem);
      return 1;
    }
    console.log(`${shown} is up to date.`);
    return 0;
  }
  fs.mkdirSync(path.dirname(GOLDEN_PATH), { recursive: true });
  fs.writeFileSync(GOLDEN_PATH, text);
  console.log(`Wrote ${shown}.`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
