import * as model from "../../src/model";
import * as layers from "../../src/model/layers";
import * as curve from "../../src/model/curve";
import * as assessment from "../../src/model/assessment";
import * as bands from "../../src/model/bands";
import * as sensitivity from "../../src/model/sensitivity";
import * as weakest from "../../src/model/weakest";
import * as plan from "../../src/model/plan";
import * as roi from "../../src/model/roi";
import * as maturity from "../../src/model/maturity";
import * as roadmap from "../../src/model/roadmap";
import * as recommendations from "../../src/model/recommendations";

const modules = {
  layers,
  curve,
  assessment,
  bands,
  sensitivity,
  weakest,
  plan,
  roi,
  maturity,
  roadmap,
  recommendations,
};

describe("model index", () => {
  it.each(Object.entries(modules))("re-exports everything from %s", (_name, mod) => {
    const names = Object.keys(mod);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names)
      expect((model as Record<string, unknown>)[name]).toBe((mod as Record<string, unknown>)[name]);
  });
});
