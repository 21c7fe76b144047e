// Offline manifest validation: XSD schemas in schemas/manifest plus the project's own checks.
// `office-addin-manifest validate` needs an online service, so it is not used here.
// Usage: node scripts/validate-manifest.js [manifest.xml]   Exits 1 on any problem.
"use strict";
const fs = require("fs");
const path = require("path");
const { MANIFEST_PATH, SCHEMA_DIR, runChecks, validateSchema } = require("./manifest-checks");

async function main() {
  const file = process.argv[2] ? path.resolve(process.argv[2]) : MANIFEST_PATH;
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

  for (const { title, problems } of runChecks(xml)) {
    if (!problems.length) {
      console.log(`ok    ${title}`);
      continue;
    }
    failed++;
    console.log(`FAIL  ${title}`);
    for (const p of problems) console.log(`        ${p}`);
  }

  if (failed) {
    console.error(`\n${rel}: ${failed} check(s) failed`);
    process.exitCode = 1;
  } else {
    console.log(`\n${rel} is valid`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
