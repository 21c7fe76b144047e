import type { LayerId } from "./layers";

/** What failure looks like in a layer, and what to do about it, in our own words. */
export interface LayerGuidance {
  warningSigns: readonly string[];
  actions: readonly string[];
}

export const LAYER_GUIDANCE: Readonly<Record<LayerId, LayerGuidance>> = {
  strategy: {
    warningSigns: [
      "The agent was chosen because it was possible, not because the result was needed.",
      "Nobody senior is asking for the result.",
      "No one can put a money or hours figure on what is at stake.",
    ],
    actions: [
      "Start from the business result you most need, then decide whether an agent serves it.",
      "Give the agent a business owner who wants the result and will defend it.",
      "Estimate the value at stake before any more build work.",
    ],
  },
  workflow: {
    warningSigns: [
      "People must leave their usual tools to use the agent.",
      "Use was high at launch and has been falling since.",
      "The agent suggests work that a person then has to carry out by hand.",
    ],
    actions: [
      "Redesign the workflow so the agent is a step in it, not an extra errand beside it.",
      "Give the agent the access and context it needs to finish tasks.",
      "Make the route through the agent the easiest way to get the work done.",
    ],
  },
  oversight: {
    warningSigns: [
      "Every output is checked again by hand, so the time saving vanishes.",
      "Or nothing is checked, and risk builds up unseen.",
      "After a mistake, nobody can say who approved the action.",
    ],
    actions: [
      "Write down which decisions the agent takes alone and which it escalates.",
      "Match the depth of review to the risk of each decision.",
      "Name one owner who answers for the agent's actions.",
    ],
  },
  measurement: {
    warningSigns: [
      "There is no record of how the work performed before the agent.",
      "Reports count prompts and logins rather than results.",
      "Asked for the return, the team can only say the agent seems to help.",
    ],
    actions: [
      "Capture a baseline before go-live, every time.",
      "Measure the business result the agent was meant to change.",
      "Put the agent's measured value into each regular operating review.",
    ],
  },
  adoption: {
    warningSigns: [
      "People use the agent, but no process or role has changed.",
      "Time saved is absorbed by other work and never redeployed.",
      "Under pressure, the team falls back to the old way of working.",
    ],
    actions: [
      "Decide up front what the freed time will be used for.",
      "Change roles and process steps, not only the tools.",
      "Make the agent something the workflow depends on, not an optional extra.",
    ],
  },
};
