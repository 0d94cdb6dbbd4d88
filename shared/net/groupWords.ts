// The words players read for the glossary's cell groups (docs/model.md section 5): `cd4` CD4 helper T cells, `cd8` CD8
// killer T cells, `treg` Tregs (regulatory T cells), `nk` NK cells (both kinds). One place, so the HUD, the IL-2
// tug-of-war, its squad rows and the prediction choices say the same; and what a seat's squad holds, a class's split
// clones included. Pure; English (the kiosk has its strings).

import { ROLE_SQUADS, SQUAD_LABELS, type Role } from "../sim/roles.ts";
import type { TugGroup } from "./il2Tug.ts";

export const GROUP_WORDS: Readonly<Record<TugGroup, string>> = {
  cd4: "Helper T cells",
  cd8: "Killer T cells",
  treg: "Tregs",
  nk: "NK cells",
};

/** The cell group of each role's own squad (shared/sim/roles.ts ROLE_SQUADS): 1 helpers, 2 killers, 3 NK cells, 4 Tregs. */
const GROUP_OF_BASE: Readonly<Record<number, TugGroup>> = { 1: "cd4", 2: "cd8", 3: "nk", 4: "treg" };

/**
 * The role's own squad that a seat's `squad` stands for: a class's split clone (squad 5, 6 …) holds the cells of the
 * role's squad at the same place in the seat's list; null when the squad is not the seat's, or the role has none there.
 */
export function baseSquadOf(role: string, squads: readonly number[], squad: number): number | null {
  const k = squads.indexOf(squad);
  const bases: readonly number[] = ROLE_SQUADS[role as Role] ?? [];
  return k >= 0 && k < bases.length ? bases[k] : null;
}

/** What a seat's squad holds, or null when not known. */
export function squadGroup(role: string, squads: readonly number[], squad: number): TugGroup | null {
  const base = baseSquadOf(role, squads, squad);
  return base === null ? null : GROUP_OF_BASE[base] ?? null;
}

/** A seat's squad as a player reads it: "CD8 killer T cells" for a role's own squad, "CD8 killer T cells (squad 6)" for a
 * class's clone of it, "Squad 12" when not known. */
export function squadLabel(role: string, squads: readonly number[], squad: number): string {
  const base = baseSquadOf(role, squads, squad);
  const label = base === null ? undefined : SQUAD_LABELS[base];
  if (!label) return `Squad ${squad}`;
  return base === squad ? label : `${label} (squad ${squad})`;
}
