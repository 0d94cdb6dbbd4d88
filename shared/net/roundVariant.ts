// A round's variant of its scenario: parameter overrides (within each parameter's range) and how many dendritic cells
// show antigen. Used by the sandbox controls (between rounds) and by lesson plans (a round with more Tregs). Pure.
// Called by TissueRoomBase.startRound (scenarioWithVariant) and by the sandbox and lesson-plan desks.

import { checkParamValue, type Scenario } from "../sim/index.ts";

export interface RoundVariant {
  /** Parameter overrides, on top of the scenario's own (each checked against its spec in params.ts). */
  params?: Record<string, number>;
  /** Dendritic cells placed (all in the scenario's first dendritic population); absent: the scenario's own number. */
  dendriticCells?: number;
}

/** Most dendritic cells a variant may place (the scenarios place 4 to 12). */
export const MAX_DENDRITIC_CELLS = 16;

/** Null when the variant is allowed; otherwise a sentence saying what is wrong. */
export function checkVariant(v: RoundVariant): string | null {
  for (const [name, value] of Object.entries(v.params ?? {})) {
    const problem = checkParamValue(name, value);
    if (problem) return problem;
  }
  const d = v.dendriticCells;
  if (d !== undefined && !(Number.isInteger(d) && d >= 0 && d <= MAX_DENDRITIC_CELLS)) {
    return `dendritic cells must be a whole number from 0 to ${MAX_DENDRITIC_CELLS}`;
  }
  return null;
}

/** The scenario as this round plays it: its length (days) and the variant's overrides; the base is not changed. */
export function scenarioWithVariant(base: Scenario, days?: number, variant?: RoundVariant): Scenario {
  let s: Scenario = days !== undefined ? { ...base, days } : base;
  if (!variant) return s;
  if (variant.params && Object.keys(variant.params).length) s = { ...s, params: { ...s.params, ...variant.params } };
  const dc = variant.dendriticCells;
  if (dc !== undefined) {
    let placed = false;
    const populations = s.populations
      .map((p) => {
        if (p.type !== "dendritic") return p;
        if (placed) return { ...p, count: 0 };
        placed = true;
        return { ...p, count: dc };
      });
    s = { ...s, populations };
  }
  return s;
}
