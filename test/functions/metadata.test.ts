// The functions.json that the build generates from the JSDoc in src/functions/functions.ts.
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { DEV_URL, withHelpUrls } from "../../scripts/public-url";

const ROOT = join(__dirname, "..", "..");
const SOURCE = join(ROOT, "src", "functions", "functions.ts");
const BUILT = join(ROOT, "dist", "functions.json");

const IDS = [
  "REALIZED",
  "GAP",
  "STAGE",
  "CURVE",
  "ROI",
  "PROJECTED",
  "PAYBACK",
  "LAYER",
  "SCORES",
  "BAND",
  "WEAKEST",
  "LIFT",
  "SENSITIVITY",
  "PLAN",
  "ATTRIBUTION",
];

/** Parameters by function, in order; a trailing "?" marks an optional one. */
const PARAMETERS: Record<string, string[]> = {
  REALIZED: ["scores"],
  GAP: ["scores"],
  STAGE: ["stage", "scores?"],
  CURVE: ["scores?", "expected_value?"],
  ROI: ["baseline", "current", "value_per_unit", "costs", "direction?", "periods?", "per_period_costs?"],
  PROJECTED: ["expected_value", "scores"],
  PAYBACK: ["costs", "benefits", "per_period_costs?"],
  LAYER: ["answers"],
  SCORES: ["answers"],
  BAND: ["gap_or_scores", "thresholds?"],
  WEAKEST: ["scores", "labels?"],
  LIFT: ["scores", "layer", "delta"],
  SENSITIVITY: ["scores", "delta?"],
  PLAN: ["scores", "target"],
  ATTRIBUTION: ["before", "after"],
};

const MATRIX_PARAMETERS = new Set([
  "scores",
  "answers",
  "costs",
  "per_period_costs",
  "benefits",
  "gap_or_scores",
  "thresholds",
  "labels",
  "stage",
  "before",
  "after",
]);
/** Functions whose result spills (or can spill); ROI and PAYBACK give one value. */
const SPILLING = new Set(IDS.filter((id) => id !== "ROI" && id !== "PAYBACK"));

interface Parameter {
  name: string;
  description?: string;
  dimensionality?: string;
  optional?: boolean;
  type?: string;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: Parameter[];
  result: { dimensionality?: string };
}

let generated: { metadataJson: string; errors: string[] };
let functions: FunctionMetadata[] = [];

beforeAll(async () => {
  generated = await generateCustomFunctionsMetadata(SOURCE, false);
  if (generated.metadataJson) functions = JSON.parse(generated.metadataJson).functions;
});

/** The metadata of one function; fails clearly when generation produced nothing. */
function metadataOf(id: string): FunctionMetadata {
  const found = functions.find((f) => f.id === id);
  if (!found) throw new Error(`No metadata for ${id}. Generation errors: ${generated.errors.join("; ") || "none"}`);
  return found;
}

describe("custom functions metadata generated from the JSDoc", () => {
  it("generates without errors", () => {
    expect(generated.errors).toEqual([]);
    expect(generated.metadataJson).not.toBe("");
  });

  it("holds exactly the 15 ids, without the AGAP. prefix", () => {
    expect(functions.map((f) => f.id).sort()).toEqual([...IDS].sort());
  });

  describe.each(IDS)("%s", (id) => {
    it("has a description, and its help link once the build adds it (the source names no address)", () => {
      const f = metadataOf(id);
      expect(f.description?.trim()).toBeTruthy();
      expect(f.helpUrl).toBeUndefined();
      const built = JSON.parse(withHelpUrls(generated.metadataJson, DEV_URL)).functions as FunctionMetadata[];
      expect(built.find((g) => g.id === id)?.helpUrl).toBe(
        `https://localhost:3000/help/functions.html#${id.toLowerCase()}`,
      );
    });

    it("has its parameters in order, each described, optional exactly where documented", () => {
      const f = metadataOf(id);
      expect(f.parameters.map((p) => (p.optional ? `${p.name}?` : p.name))).toEqual(PARAMETERS[id]);
      for (const p of f.parameters) {
        expect(p.description?.trim()).toBeTruthy();
        expect(p.optional ?? false).toBe(PARAMETERS[id].includes(`${p.name}?`));
      }
    });

    it("takes ranges as matrices and single values as scalars", () => {
      for (const p of metadataOf(id).parameters) {
        expect([p.name, p.dimensionality ?? "scalar"]).toEqual([
          p.name,
          MATRIX_PARAMETERS.has(p.name) ? "matrix" : "scalar",
        ]);
      }
    });

    it(SPILLING.has(id) ? "returns a matrix (spills)" : "returns a single value", () => {
      expect(metadataOf(id).result.dimensionality ?? "scalar").toBe(SPILLING.has(id) ? "matrix" : "scalar");
    });
  });
});

// Builds nothing: compares a functions.json left by an earlier build, or says there is none.
describe(existsSync(BUILT) ? "dist/functions.json" : "dist/functions.json (not built; generated metadata only)", () => {
  it(
    existsSync(BUILT)
      ? "equals the metadata generated from the source, with the help links the build adds"
      : "the generated metadata is a complete document",
    () => {
      const fresh = JSON.parse(generated.metadataJson || "null");
      expect(fresh).toEqual(expect.objectContaining({ functions: expect.any(Array) }));
      if (existsSync(BUILT)) {
        const withLinks = JSON.parse(withHelpUrls(generated.metadataJson, DEV_URL));
        expect(JSON.parse(readFileSync(BUILT, "utf8"))).toEqual(withLinks);
      }
    },
  );
});
