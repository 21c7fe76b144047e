// The glossary: one meaning per word, the same words in the function reference (and so the help
// page), the function descriptions and the labels built from it.
import * as fs from "fs";
import * as path from "path";
import {
  ANSWER_STEP_SCORE,
  GLOSSARY,
  TERM_LABELS,
  glossaryEntry,
  glossaryHeading,
  tornadoTitle,
} from "../../src/model/glossary";
import { layerScore } from "../../src/model/assessment";
import { realizedValue } from "../../src/model/layers";
import { layerLifts, liftedValue } from "../../src/model/sensitivity";
import { CORES } from "../../src/functions/core";

// The help-page builder is plain JavaScript without type declarations.
const { buildHelpHtml } = require("../../scripts/build-help") as { buildHelpHtml: (markdown: string) => string };

const ROOT = path.resolve(__dirname, "..", "..");
const DOC = fs.readFileSync(path.join(ROOT, "docs", "functions.md"), "utf8");
const FUNCTIONS_SOURCE = fs.readFileSync(path.join(ROOT, "src", "functions", "functions.ts"), "utf8");

/** Markdown inline text as it reads: links, code and emphasis marks removed. */
const plain = (text: string): string =>
  text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*]/g, "")
    .trim();

/** The lines of a level-2 section, up to the next level-1 or level-2 heading. */
function sectionLines(markdown: string, title: string): string[] {
  const lines = markdown.split("\n");
  const start = lines.indexOf(`## ${title}`);
  if (start < 0) return [];
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^#{1,2}\s/.test(line));
  return end < 0 ? rest : rest.slice(0, end);
}

/** The descriptions in functions.ts's JSDoc (functions.json is generated from them), tags dropped. */
function jsDocDescriptions(source: string): string[] {
  return [...source.matchAll(/\/\*\*([\s\S]*?)\*\//g)]
    .map((match) =>
      match[1]
        .split("\n")
        .map((line) => line.replace(/^\s*\*\s?/, ""))
        .filter((line) => !/^@(customfunction|helpurl)\b/.test(line))
        .join(" "),
    )
    .filter((text) => text.trim().length > 0);
}

// The worked example the glossary uses: Measurement from 0.4 to 0.5 takes realized value from 4.8% to 6.0%.
const EXAMPLE = [0.8, 0.6, 0.5, 0.4, 0.5];

describe("GLOSSARY", () => {
  test("has one entry per id, each a term with a definition in whole sentences", () => {
    const ids = GLOSSARY.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of GLOSSARY) {
      expect(entry.term.trim()).not.toBe("");
      expect(entry.definition).toMatch(/^[A-Z].*\.$/);
      expect(glossaryEntry(entry.id)).toBe(entry);
    }
  });

  test("names percentage points pts, and lift, answer step and step as distinct terms", () => {
    expect(glossaryHeading(glossaryEntry("percentage-point"))).toBe("Percentage point (pts)");
    expect(GLOSSARY.map((entry) => entry.term.toLowerCase())).toEqual(
      expect.arrayContaining(["lift", "answer step", "step", "percentage point"]),
    );
  });

  test("says that AGAP.LIFT, despite its name, returns a realized value and not a lift", () => {
    const lift = glossaryEntry("lift").definition;
    expect(lift).toMatch(/AGAP\.LIFT, despite its name, returns the realized value after the step, not the lift/);
  });

  test("one answer step is the change in layer score when the three answers move by one", () => {
    expect(layerScore([4, 4, 4]) - layerScore([3, 3, 3])).toBeCloseTo(ANSWER_STEP_SCORE, 12);
    expect(ANSWER_STEP_SCORE).toBeCloseTo(0.2, 12);
    expect(glossaryEntry("answer-step").definition).toContain("moves by 0.2 (20 pts)");
  });

  test("its worked figures are the model's: a step of 0.1 on Measurement lifts 4.8% to 6.0%, +1.2 pts", () => {
    const before = realizedValue(EXAMPLE);
    const after = liftedValue(EXAMPLE, 3, 0.1);
    expect(before).toBeCloseTo(0.048, 12);
    expect(after).toBeCloseTo(0.06, 12);
    expect(layerLifts(EXAMPLE, 0.1)[3].lift).toBeCloseTo(0.012, 12);
    // The relative change that a percentage point is not.
    expect((after - before) / before).toBeCloseTo(0.25, 12);
    expect(glossaryEntry("percentage-point").definition).toContain("from 4.8% to 6.0% is +1.2 pts");
    expect(glossaryEntry("percentage-point").definition).toContain("+25%");
    expect(glossaryEntry("lift").definition).toContain("0.012 is +1.2 pts");
  });

  test("what it tells users to do works: AGAP.LIFT minus AGAP.REALIZED is the lift AGAP.SENSITIVITY gives", () => {
    const scores = [EXAMPLE];
    const sensitivity = CORES.SENSITIVITY(scores, 0.1) as unknown[][];
    EXAMPLE.forEach((_, layer) => {
      const lifted = (CORES.LIFT(scores, layer + 1, 0.1) as number[][])[0][0];
      const realized = (CORES.REALIZED(scores) as number[][])[0][0];
      expect(lifted - realized).toBeCloseTo(sensitivity[layer][1] as number, 12);
    });
  });
});

describe("the labels built from the glossary", () => {
  test("the tornado's title, columns and step field speak of lifts, steps and pts", () => {
    expect(tornadoTitle("10")).toBe("Lift for a step of ±10 pts");
    expect([TERM_LABELS.tornadoDown, TERM_LABELS.tornadoUp]).toEqual(["Lift, step down", "Lift, step up"]);
    expect(TERM_LABELS.tornadoStep).toBe("Step");
    expect(TERM_LABELS.tornadoStepHint).toContain("pts");
    expect(TERM_LABELS.liftPerAnswerStep).toBe("Lift for +1 answer step");
  });
});

describe("docs/functions.md and the help page", () => {
  const lines = sectionLines(DOC, "Glossary");

  test("the reference has a Glossary section listing exactly the glossary, in order, word for word", () => {
    const written = lines
      .filter((line) => line.startsWith("- "))
      .map((line) => {
        const match = /^- \*\*([^*]+)\*\*: (.*)$/.exec(line);
        if (!match) throw new Error(`docs/functions.md: a glossary line of another form: ${line}`);
        return { heading: match[1], definition: plain(match[2]) };
      });
    expect(written).toEqual(
      GLOSSARY.map((entry) => ({ heading: glossaryHeading(entry), definition: entry.definition })),
    );
  });

  test("the help page built from it has the glossary under its own anchor, with every term", () => {
    const html = buildHelpHtml(DOC);
    expect(html).toContain('<h2 id="glossary">Glossary</h2>');
    const glossary = html.slice(
      html.indexOf('<h2 id="glossary">'),
      html.indexOf("<h2", html.indexOf('id="glossary"') + 1),
    );
    for (const entry of GLOSSARY) expect(glossary).toContain(`<strong>${glossaryHeading(entry)}</strong>`);
  });

  // "point" as a noun means one thing only: a percentage point. "Point at" and "point to" are verbs.
  const strayPoints = (text: string): string[] =>
    [...text.matchAll(/(\S+\s+)?\bpoints?\b(?=(\s+\w+)?)/gi)]
      .filter((match) => {
        const before = (match[1] ?? "").replace(/[^a-z]/gi, "").toLowerCase();
        const after = (match[2] ?? "").trim().toLowerCase();
        return before !== "percentage" && after !== "at" && after !== "to";
      })
      .map((match) => match[0]);
  const RETIRED = /score points|answer points?|half a point|\+1 point|per point|a point is/i;

  test("the rule finds what it is meant to find", () => {
    expect(strayPoints("Lift for +1 point and 20 score points")).toEqual(["+1 point", "score points"]);
    expect(strayPoints("1.2 percentage points; cells it points to; point at cells")).toEqual([]);
  });

  test("the reference uses 'point' only for percentage points, and none of the retired phrases", () => {
    expect(strayPoints(DOC)).toEqual([]);
    expect(DOC).not.toMatch(RETIRED);
  });

  test("so do the function descriptions that functions.json is generated from", () => {
    const descriptions = jsDocDescriptions(FUNCTIONS_SOURCE);
    expect(descriptions.length).toBeGreaterThanOrEqual(14);
    for (const text of descriptions) {
      expect(strayPoints(text)).toEqual([]);
      expect(text).not.toMatch(RETIRED);
    }
  });

  test("and the glossary and its labels themselves", () => {
    const texts = [...GLOSSARY.map((entry) => entry.definition), ...Object.values(TERM_LABELS)];
    for (const text of texts) {
      expect(strayPoints(text)).toEqual([]);
      expect(text).not.toMatch(RETIRED);
    }
  });

  test("AGAP.LIFT's description and its section say that it returns a realized value, not the lift", () => {
    const liftDoc = /\/\*\*([\s\S]*?)\*\/\s*export function lift\(/.exec(FUNCTIONS_SOURCE)?.[1] ?? "";
    expect(liftDoc).toMatch(/Despite the name, not the lift/);
    const section = sectionLines(DOC, "AGAP.LIFT").join("\n");
    expect(section).toContain("Despite its name, AGAP.LIFT returns the new realized value, not the [lift](#glossary).");
  });
});
