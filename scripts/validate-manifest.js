// Offline manifest validation: XSD schemas in schemas/manifest plus the project's own checks.
// `office-addin-manifest validate` needs an online service, so it is not used here.
// Usage: node scripts/validate-manifest.js [manifest.xml] [--public-url https://host/path/]
//   The icons are looked for in assets/ beside the manifest (dist/assets for dist/manifest.xml).
//   With --public-url, every URL must also lie under that address. Exits 1 on any problem.
"use strict";
const fs = require("fs");
const path = require("path");
const { MANIFEST_PATH, SCHEMA_DIR, baseUrl, runChecks, validateSchema } = require("./manifest-checks");
const { parsePublicUrl } = require("./public-url");

function parseArgs(argv) {
  const options = { file: MANIFEST_PATH, publicUrl: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--public-url") options.publicUrl = parsePublicUrl(argv[++i] || "", "--public-url");
    else if (arg.startsWith("--public-url=")) options.publicUrl = parsePublicUrl(arg.slice(13), "--public-url");
    else if (!arg.startsWith("-")) options.file = path.resolve(arg);
    else throw new Error(`Unknown option ${arg}. Usage: npm run validate -- [manifest.xml] [--public-url URL]`);
  }
  return options;
}

async function main() {
  const { file, publicUrl } = parseArgs(process.argv.slice(2));
  const xml = fs.readFileSync(file, "utf8");
  const rel = path.relative(process.cwd(), file) || file;
  let failed = 0;

  const schema = await validateSchema(xml);
  const schemaRel = path.relative(process.cwd(), SCHEMA_DIR);
  if (schema.valid) {
    console.log(`ok    XSD (${schemaRel}, ${schema.ms} ms)`);
  } else {
    failed++;
    console.log(`FAIL  XSD (${schemaRel})`);
    for (const e of schema.errors) console.log(`        ${e}`);
  }

  for (const { title, problems } of runChecks(xml, { rootDir: path.dirname(file), publicUrl })) {
    if (!problems.length) {
      console.log(`ok    ${title}`);
      continue;
    }
    failed++;
    console.log(`FAIL  ${title}`);
    for (const p of problems) console.log(`        ${p}`);
  }

  let served = null;
  try {
    served = baseUrl(xml);
  } catch {
    served = null; // the checks above have said why
  }
  if (failed) {
    console.error(`\n${rel}: ${failed} check(s) failed`);
    process.exitCode = 1;
  } else {
    console.log(`\n${rel} is valid (the add-in is served from ${served})`);
  }
}

main().catch((err) => {
  console.error(err.message || err);
  process.exitCode = 1;
});
