// Scenario names that a reader could not tell apart: the same letters, whatever the case or the
// spaces around them.
import { nameKey as key, type Scenario } from "../../model";

/**
 * The saved scenario, other than the one with `exceptId`, that carries the name already.
 *
 * @example
 * sameNameAs(" plan a", [{ id: "1", name: "Plan A" }]) //=> { id: "1", name: "Plan A" }
 */
export function sameNameAs<T extends Pick<Scenario, "id" | "name">>(
  name: string,
  scenarios: readonly T[],
  exceptId?: string,
): T | undefined {
  if (!name.trim()) return undefined;
  return scenarios.find((s) => s.id !== exceptId && key(s.name) === key(name));
}

/**
 * The name, or the name numbered "(2)", "(3)"… when a saved scenario already has it.
 *
 * @example
 * uniqueName("Plan to 25%", [{ id: "1", name: "Plan to 25%" }]) //=> "Plan to 25% (2)"
 */
export function uniqueName(name: string, scenarios: readonly Pick<Scenario, "id" | "name">[]): string {
  if (!sameNameAs(name, scenarios)) return name;
  for (let n = 2; ; n++) {
    const numbered = `${name} (${n})`;
    if (!sameNameAs(numbered, scenarios)) return numbered;
  }
}

/**
 * Names carried by more than one saved scenario of the same workflow, each with its workflow and
 * how many carry it. Two workflows may each have their "Plan A" (see scenariosOf).
 *
 * @example
 * repeatedNames([{ workflow: "W", name: "A" }, { workflow: "W", name: "a " }, { workflow: "V", name: "A" }])
 * //=> [{ workflow: "W", name: "A", count: 2 }]
 */
export function repeatedNames(
  scenarios: readonly Pick<Scenario, "workflow" | "name">[],
): { workflow: string; name: string; count: number }[] {
  const groups = new Map<string, { workflow: string; name: string; count: number }>();
  for (const s of scenarios) {
    const id = JSON.stringify([s.workflow, key(s.name)]);
    const group = groups.get(id);
    if (group) group.count++;
    else groups.set(id, { workflow: s.workflow, name: s.name.trim(), count: 1 });
  }
  return [...groups.values()].filter((g) => g.count > 1);
}

/**
 * The scenarios a new name must differ from: those of the same workflow. Two workflows may
 * each have their "Plan A".
 */
export const scenariosOf = <T extends Pick<Scenario, "workflow">>(scenarios: readonly T[], workflow: string): T[] =>
  scenarios.filter((s) => s.workflow === workflow);

/** The message next to a name field when another scenario of the workflow already has the name. */
export const duplicateError = (name: string) =>
  `Another scenario of this workflow is already called “${name.trim()}”. Choose a name that tells them apart.`;
