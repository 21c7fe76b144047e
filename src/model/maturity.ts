/** One stage of the maturity model. A stage belongs to one workflow, never to a whole organisation. */
export interface MaturityStage {
  level: 1 | 2 | 3 | 4 | 5;
  name: string;
  characteristics: string;
  primaryRisk: string;
  signatureKpi: string;
  executiveImplication: string;
}

/** The five maturity stages, in order. */
export const MATURITY_STAGES: readonly MaturityStage[] = [
  {
    level: 1,
    name: "Experimenting",
    characteristics: "Stand-alone pilots and proofs of concept, chosen out of curiosity rather than need.",
    primaryRisk: "Pilots multiply while none reaches production.",
    signatureKpi: "Pilots running compared with pilots in production",
    executiveImplication: "Define what a pilot must show before it earns a place in a real workflow.",
  },
  {
    level: 2,
    name: "Assisted",
    characteristics: "The agent helps individual people; the workflow and the organisation stay as they were.",
    primaryRisk: "Hours saved disappear into other work and no value is banked.",
    signatureKpi: "How much people actually rely on the agent, not how many licences exist",
    executiveImplication: "Treat tool usage as a starting point, not as a change in how the business runs.",
  },
  {
    level: 3,
    name: "Embedded",
    characteristics: "The agent works inside a core workflow, with people supervising it.",
    primaryRisk: "Unclear escalation and shaky trust stall further use.",
    signatureKpi: "Share of the workflow's steps the agent completes",
    executiveImplication: "Fund oversight and measurement before widening the agent's scope.",
  },
  {
    level: 4,
    name: "Operational",
    characteristics: "The agent is a reliable, measured and governed part of daily operations.",
    primaryRisk: "Scope grows faster than the controls that govern it.",
    signatureKpi: "Outcome attributed to the agent in time, cost or revenue",
    executiveImplication: "This is the goal for most workflows; it is where most of the value sits.",
  },
  {
    level: 5,
    name: "Autonomous",
    characteristics: "The agent acts inside set limits, and people step in only on exceptions.",
    primaryRisk: "Too much is delegated, and the agent breaks outside its guardrails.",
    signatureKpi: "Rate of exceptions and quality of human interventions",
    executiveImplication: "Go here only for chosen workflows whose governance is already mature.",
  },
];

/** The stage most workflows should aim for: Operational. */
export const DEFAULT_TARGET_STAGE = 4;

/**
 * Finds a maturity stage by level (1–5) or name, ignoring case. Undefined when nothing matches.
 *
 * @example
 * maturityStage("operational")?.level //=> 4
 * maturityStage(2)?.name //=> "Assisted"
 */
export function maturityStage(key: number | string): MaturityStage | undefined {
  if (typeof key === "number") return MATURITY_STAGES.find((stage) => stage.level === key);
  const wanted = key.trim().toLowerCase();
  return MATURITY_STAGES.find((stage) => stage.name.toLowerCase() === wanted);
}
