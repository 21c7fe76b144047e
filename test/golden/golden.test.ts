// The golden table: docs/golden.md must be exactly what the generator writes, and its numbers
// must agree with computations done by hand.
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import {
  GOLDEN_PATH,
  STALE_MESSAGE,
  checkGolden,
  computeGoldenRow,
  formatNumber,
  renderGoldenTable,
} from "../../scripts/golden-table";
import { GOLDEN_ATTRIBUTION_CASES, GOLDEN_CASES, GOLDEN_ROI_CASES, GOLDEN_TARGET } from "./cases";

const ROOT = path.resolve(__dirname, "..", "..");
const generated = renderGoldenTable();
const onDisk = fs.existsSync(GOLDEN_PATH) ? fs.readFileSync(GOLDEN_PATH, "utf8") : "";

/** The summary table of docs/golden.md, keyed by case id: column name -> cell text. */
function summaryRows(markdown: string): Map<string, Record<string, string>> {
  const section = markdown.split("\n## Summary\n")[1]?.split("\n## ")[0] ?? "";
  const lines = section.split("\n").filter((line) => line.startsWith("|"));
  const cells = (line: string) =>
    line
      .slice(1, -1)
      .split("|")
      .map((cell) => cell.trim());
  const header = cells(lines[0] ?? "|");
  const rows = new Map<string, Record<string, string>>();
  for (const line of lines.slice(2)) {
    const values = cells(line);
    rows.set(values[0], Object.fromEntries(header.map((name, i) => [name, values[i]])));
  }
  return rows;
}

/** The table of the ROI tracker section, keyed by case id: column name -> cell text. */
function roiRows(markdown: string): Map<string, Record<string, string>> {
  return sectionRows(markdown, "ROI tracker");
}

/** The table of one level-2 section, keyed by its first column: column name -> cell text. */
function sectionRows(markdown: string, heading: string): Map<string, Record<string, string>> {
  const section = markdown.split(`\n## ${heading}\n`)[1]?.split("\n## ")[0] ?? "";
  const lines = section.split("\n").filter((line) => line.startsWith("|"));
  const cells = (line: string) =>
    line
      .slice(1, -1)
      .split("|")
      .map((cell) => cell.trim());
  const header = cells(lines[0] ?? "|");
  return new Map(
    lines.slice(2).map((line) => {
      const values = cells(line);
      return [values[0], Object.fromEntries(header.map((name, i) => [name, values[i]]))];
    }),
  );
}

/** The bullet list of one case section: label -> text. */
function caseFacts(markdown: string, id: string): Record<string, string> {
  const section = markdown.split(`\n### ${id}: `)[1]?.split("\n### ")[0] ?? "";
  const facts: Record<string, string> = {};
  for (const match of section.matchAll(/^- ([^:]+): (.*)$/gm)) facts[match[1]] = match[2];
  return facts;
}

describe("docs/golden.md", () => {
  test("is up to date with the generator", () => {
    const problem = checkGolden(onDisk, generated);
    if (problem) throw new Error(problem);
  });

  test("is already in Prettier's form, so formatting the repository cannot make it stale", () => {
    const prettier = path.join(ROOT, "node_modules", "prettier", "bin", "prettier.cjs");
    const formatted = execFileSync(process.execPath, [prettier, "--stdin-filepath", GOLDEN_PATH], {
      cwd: ROOT,
      input: generated,
      encoding: "utf8",
    });
    expect(formatted).toBe(generated);
  });

  test("npm run golden -- --check passes on the committed file", () => {
    const run = spawnSync(process.execPath, ["scripts/run-ts.js", "scripts/golden.ts", "--check"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(run.stderr).not.toContain("stale");
    expect(run.stdout).toContain("up to date");
    expect(run.status).toBe(0);
  }, 30000);

  test("the check reports a stale or missing file with the message that tells what to run", () => {
    expect(checkGolden(generated, generated)).toBeNull();
    expect(checkGolden(generated.replace("0.327680", "0.327681"), generated)).toBe(
      "docs/golden.md is stale: run npm run golden",
    );
    expect(checkGolden(null, generated)).toBe(STALE_MESSAGE);
  });

  test("has one section per case and covers the required kinds of case", () => {
    const ids = GOLDEN_CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(generated).toContain(`\n### ${id}: `);
    expect([...summaryRows(generated).keys()]).toEqual(ids);
    expect(ids).toEqual(expect.arrayContaining(["all-5s", "all-4s", "all-3s", "article-answers", "article-profile"]));
  });
});

describe("golden table spot checks against hand computation", () => {
  const rows = summaryRows(onDisk);

  test("all 4s: 0.8^5 = 0.32768, gap 0.67232, Material, first layer reported on a five-way tie", () => {
    const row = rows.get("all-4s");
    expect(row).toMatchObject({
      Strategy: "0.800000",
      Adoption: "0.800000",
      realized: "0.327680",
      gap: "0.672320",
      band: "Material",
      weakest: "Strategy Alignment (tie)",
      [`plan to ${GOLDEN_TARGET}`]: "already met",
    });
    // Lift of one layer at +0.1: 0.1 x 0.8^4 = 0.04096.
    expect(onDisk.split("\n### all-4s: ")[1]).toContain("| Strategy Alignment   | 4 4 4   | 0.800000 | 0.040960 ");
  });

  test("all 3s: 0.6^5 = 0.07776, Critical; the plan raises every layer to 0.25^(1/5)", () => {
    expect(rows.get("all-3s")).toMatchObject({ realized: "0.077760", gap: "0.922240", band: "Critical" });
    // 0.25^(1/5) = exp(ln(0.25) / 5) = 0.757858 to six places.
    expect(rows.get("all-3s")?.[`plan to ${GOLDEN_TARGET}`]).toBe("raise 5 layers to 0.757858");
  });

  test("all 5s: nothing lost, Contained, target already met", () => {
    expect(rows.get("all-5s")).toMatchObject({ realized: "1.000000", gap: "0.000000", band: "Contained" });
    expect(caseFacts(onDisk, "all-5s")[`Plan to ${GOLDEN_TARGET}`]).toBe("already met");
  });

  test("the article's profile: 0.048 and 0.952, Critical, Measurement weakest", () => {
    expect(rows.get("article-profile")).toMatchObject({
      realized: "0.048000",
      gap: "0.952000",
      band: "Critical",
      weakest: "Measurement",
    });
    // Sensitivity by hand: 0.1 x product of the other four layers.
    const section = onDisk.split("\n### article-profile: ")[1];
    expect(section).toContain("| Strategy Alignment   | -       | 0.800000 | 0.006000 ");
    expect(section).toContain("| Measurement          | -       | 0.400000 | 0.012000 ");
    // Curve by hand: 0.8, 0.48, 0.24, 0.096, 0.048.
    expect(section).toContain("| 3     | Human Trust            | 0.240000  | 0.240000 |");
  });

  test("closest whole answers to the article: 12/15 x 9/15 x 7/15 x 6/15 x 8/15", () => {
    const byHand = (12 / 15) * (9 / 15) * (7 / 15) * (6 / 15) * (8 / 15);
    expect(rows.get("article-answers")?.realized).toBe(byHand.toFixed(6));
    expect(byHand.toFixed(6)).toBe("0.047787");
    expect(rows.get("article-answers")?.weakest).toBe("Measurement");
  });

  test("a zero layer gives 0 and a gap of 1; the tie and the band limit behave as specified", () => {
    expect(rows.get("zero-layer")).toMatchObject({ realized: "0.000000", gap: "1.000000", weakest: "Measurement" });
    expect(rows.get("tied-weakest")?.weakest).toBe("Workflow Integration (tie)");
    expect(rows.get("band-boundary")).toMatchObject({ realized: "0.250000", gap: "0.750000", band: "Severe" });
    expect(rows.get("contained")?.band).toBe("Contained");
    expect(rows.get("managed")?.band).toBe("Managed");
  });

  test("every planned case reaches the target", () => {
    for (const golden of GOLDEN_CASES) {
      const row = computeGoldenRow(golden);
      if (!row.plan.met) expect(formatNumber(row.plan.realized)).toBe(formatNumber(GOLDEN_TARGET));
    }
  });
});

describe("golden ROI rows against hand computation", () => {
  const rows = roiRows(onDisk);

  test("has one row per ROI case, in order", () => {
    expect([...rows.keys()]).toEqual(GOLDEN_ROI_CASES.map((c) => c.id));
  });

  test("one-off costs only: ROI 6 300 / 4 500 = 1.4, NPV 6 300, payback 5", () => {
    expect(rows.get("roi-one-off")).toMatchObject({
      "one-off": "4500",
      "per period": "0",
      "benefit per period": "900.000000",
      "measured ROI": "1.400000",
      NPV: "6300.000000",
      payback: "5.000000",
    });
  });

  test("maintain every month: counted 12 times in the ROI, taken off every month in NPV and payback", () => {
    // cost 4 500 + 12 × 500 = 10 500; (10 800 − 10 500) / 10 500 = 1/35; NPV 12 × 400 − 4 500; payback 4 500 / 400
    expect(rows.get("roi-monthly-maintain")).toMatchObject({
      "measured ROI": (1 / 35).toFixed(6),
      NPV: "300.000000",
      payback: "11.250000",
    });
  });

  test("discounted: the annuity closed form at 1% over 24 months", () => {
    const npv = (750 * (1 - 1.01 ** -24)) / 0.01 - 4500;
    expect(npv).toBeCloseTo(11432.540443, 5);
    expect(rows.get("roi-discounted")).toMatchObject({
      "measured ROI": ((10800 - 6300) / 6300).toFixed(6),
      NPV: npv.toFixed(6),
      payback: "6.000000",
    });
  });

  test("part of a month, maintain only, maintain above the benefit, payback past the horizon, higher is better", () => {
    expect(rows.get("roi-part-month")?.["measured ROI"]).toBe(((2250 - 4875) / 4875).toFixed(6));
    expect(rows.get("roi-maintain-only")).toMatchObject({ "measured ROI": "0.800000", payback: "0.000000" });
    expect(rows.get("roi-maintain-exceeds")).toMatchObject({ NPV: "-5700.000000", payback: "none" });
    expect(rows.get("roi-beyond-horizon")).toMatchObject({ NPV: "-2100.000000", payback: "none" });
    // 280 a quarter net at 5% over 3 quarters, less 200; payback 200 / 280
    const npv = 280 * (1 / 1.05 + 1 / 1.05 ** 2 + 1 / 1.05 ** 3) - 200;
    expect(rows.get("roi-higher")).toMatchObject({
      "measured ROI": ((900 - 260) / 260).toFixed(6),
      NPV: npv.toFixed(6),
      payback: (200 / 280).toFixed(6),
    });
  });
});

describe("golden attribution rows against hand computation", () => {
  const rows = sectionRows(onDisk, "Attribution of change");
  const SHORT = ["Strategy", "Workflow", "Oversight", "Measurement", "Adoption"];
  const shares = (id: string) => SHORT.map((name) => rows.get(id)?.[name]);

  /** The definition: each layer's contribution averaged over the 120 orders in which the layers move. */
  function byOrders(before: readonly number[], after: readonly number[]): number[] {
    const orders: number[][] = [[]];
    for (let n = 0; n < 5; n++) {
      const longer = orders
        .splice(0)
        .flatMap((o) => Array.from({ length: n + 1 }, (_, at) => [...o.slice(0, at), n, ...o.slice(at)]));
      orders.push(...longer);
    }
    expect(orders).toHaveLength(120);
    const totals = [0, 0, 0, 0, 0];
    for (const order of orders) {
      const current = before.slice();
      for (const i of order) {
        const was = current.reduce((p, x) => p * x, 1);
        current[i] = after[i];
        totals[i] += current.reduce((p, x) => p * x, 1) - was;
      }
    }
    return totals.map((total) => total / 120);
  }

  test("has one row per attribution case, in order", () => {
    expect([...rows.keys()]).toEqual(GOLDEN_ATTRIBUTION_CASES.map((c) => c.id));
  });

  test("one layer moving takes the whole change: 0.2 × 0.8 × 0.6 × 0.5 × 0.5 = 0.024", () => {
    expect(rows.get("one-layer")).toMatchObject({ "realized before": "0.048000", "realized after": "0.072000" });
    expect(shares("one-layer")).toEqual(["0.000000", "0.000000", "0.000000", "0.024000", "0.000000"]);
  });

  test("two layers: 0.2 × (0.4 + 0.6) / 2 × 0.15 and 0.2 × (0.6 + 0.8) / 2 × 0.15", () => {
    expect(rows.get("two-layers")?.change).toBe("0.036000");
    expect(shares("two-layers")).toEqual(["0.015000", "0.000000", "0.000000", "0.021000", "0.000000"]);
  });

  test("a gain and a loss that cancel, two layers leaving 0, and five alike moves", () => {
    expect(rows.get("offsetting")?.change).toBe("0.000000");
    expect(shares("offsetting")).toEqual(["0.375000", "0.000000", "0.000000", "0.000000", "-0.375000"]);
    expect(shares("from-zero")).toEqual(["0.100000", "0.000000", "0.000000", "0.100000", "0.000000"]);
    expect(rows.get("every-layer")?.change).toBe((0.8 ** 5 - 0.6 ** 5).toFixed(6));
    expect(shares("every-layer")).toEqual(new Array(5).fill(((0.8 ** 5 - 0.6 ** 5) / 5).toFixed(6)));
  });

  test("every row agrees with the average over the 120 orders, and its shares add up to its change", () => {
    for (const c of GOLDEN_ATTRIBUTION_CASES) {
      const oracle = byOrders(c.before, c.after);
      expect(shares(c.id)).toEqual(oracle.map((x) => (Math.abs(x) < 5e-7 ? 0 : x).toFixed(6)));
      const sum = oracle.reduce((a, b) => a + b, 0);
      expect(Number(rows.get(c.id)?.change)).toBeCloseTo(sum, 6);
    }
  });
});
