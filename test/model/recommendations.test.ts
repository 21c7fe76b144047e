import { LAYER_GUIDANCE } from "../../src/model/recommendations";
import { LAYERS } from "../../src/model/layers";

// The article's three actions per layer, which our guidance must reword, not copy.
const ARTICLE_ACTIONS = [
  "Start from the prioritized outcome, then choose the agent",
  "Attach every agent to a named business owner",
  "Quantify the value at stake before building",
  "Redesign the workflow around the agent, do not bolt it on",
  "Give it the access and context to finish work",
  "Make using it easier than not using it",
  "Define decision rights and escalation explicitly",
  "Calibrate oversight to risk, not to anxiety",
  "Name a single accountable owner for the agent",
  "Capture the baseline before deployment, always",
  "Measure outcomes in business terms, not prompts",
  "Report agent value in every operating review",
  "Decide in advance what freed capacity is for",
  "Redesign roles and processes, not just tools",
  "Make the agent load-bearing, not optional",
];

const normal = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

describe("LAYER_GUIDANCE", () => {
  it("covers exactly the five layers", () => {
    expect(Object.keys(LAYER_GUIDANCE).sort()).toEqual(LAYERS.map((layer) => layer.id).sort());
  });

  it("gives every layer three warning signs and three actions", () => {
    for (const layer of LAYERS) {
      expect(LAYER_GUIDANCE[layer.id].warningSigns).toHaveLength(3);
      expect(LAYER_GUIDANCE[layer.id].actions).toHaveLength(3);
    }
  });

  it("has non-empty, distinct sentences", () => {
    const all = LAYERS.flatMap((layer) => [
      ...LAYER_GUIDANCE[layer.id].warningSigns,
      ...LAYER_GUIDANCE[layer.id].actions,
    ]);
    for (const text of all) expect(text.trim().length).toBeGreaterThan(10);
    expect(new Set(all).size).toBe(30);
  });

  it("does not copy the article's actions", () => {
    const ours = LAYERS.flatMap((layer) => LAYER_GUIDANCE[layer.id].actions).map(normal);
    for (const action of ARTICLE_ACTIONS.map(normal)) {
      for (const text of ours) expect(text).not.toContain(action);
    }
  });
});
