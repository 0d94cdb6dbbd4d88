// Exhaustion of activated T cells under chronic antigen (Wherry 2011): after exhaustionOnsetHours of antigen contact
// (an hour with a tumour cell counts tumourExhaustionFold × PD-L1 hours), a cell's exhaustion grows linearly to 1 over exhaustionSpanHours and never
// falls back (Pauken 2016). An exhausted cell divides less, makes less IL-2 (lost first) and kills less.
// Units: hours of contact, exhaustion 0..1. Read by division, secretion and killing; accrued in activation.ts.

import type { Params } from "./params.ts";
import type { World } from "./world.ts";

/** Exhaustion 0..1 of cell i (0 for cells that never met antigen after activation). */
export function exhaustion(world: World, i: number): number {
  return exhaustionAfter(world.params, world.cells.antigenHours[i]);
}

/** Exhaustion 0..1 after the given hours of antigen contact. */
export function exhaustionAfter(p: Params, antigenHours: number): number {
  const e = (antigenHours - p.exhaustionOnsetHours) / p.exhaustionSpanHours;
  return e <= 0 ? 0 : e >= 1 ? 1 : e;
}
