// Antigen contact, activation and Treg contact suppression (CTLA-4 on dendritic cells), once per tick.
// A T cell touching a cell that shows its antigen gets an antigen signal (0..1) that lingers ~0.3 h after contact ends;
// a naive one may become activated. Rates per hour. Called by step() after the cell lists are built.

import {
  anyInBlocksReach, bit, markNearBlocks, mayReach, NEAR_ANTIGEN, NEAR_DC, nearestOfTwoFixedTypes, nearestOfTypes,
} from "./cellLists.ts";
import { CellType } from "./cellTypes.ts";
import { CTL_TARGETS, NOT_LOOKED } from "./killing.ts";
import { uniform } from "./rng.ts";
import { activate } from "./spawn.ts";
import { CellFlag, perTick, Why, type World } from "./world.ts";

/** Naive T cells are primed only by dendritic cells; activated killers also see antigen on the cells they attack. */
const DC_ONLY = bit(CellType.dendritic);
const KILLER_SOURCES = bit(CellType.dendritic) | bit(CellType.infected) | bit(CellType.tumour) | bit(CellType.islet);

/** Antigen strength a source shows, after Treg suppression on dendritic cells. */
export function shownStrength(world: World, j: number): number {
  const c = world.cells;
  switch (c.type[j]) {
    case CellType.dendritic: return c.strength[j] * (1 - c.suppression[j]);
    case CellType.infected: return 1;
    case CellType.tumour: return c.strength[j];
    case CellType.islet: return world.params.selfAntigenStrength;
    default: return 0;
  }
}

export function suppressDendriticCells(world: World): void {
  const c = world.cells, p = world.params;
  // once an infection or tumour has been cleared, dendritic cells run out of its antigen
  const kind = world.scenario.threat.kind;
  const cleared = world.threatSeen && world.threatCount === 0 && (kind === "virus" || kind === "tumour");
  const fade = cleared ? Math.exp(-world.dtH / p.dcAntigenFadeHours) : 1;
  const type = c.type, n = c.count;
  for (let i = 0; i < n; i++) {
    if (type[i] !== CellType.dendritic) continue;
    c.suppression[i] = 0;
    c.strength[i] *= fade;
  }
  // count Tregs on each dendritic cell in `suppression`, then turn counts into a saturating fraction
  const B = world.blocks, size = B.size, bw = B.w, bh = B.h, near = markNearBlocks(world);
  const flags = c.flags, cx = c.x, cy = c.y, reach = p.contactVoxels;
  for (let i = 0; i < n; i++) {
    if (type[i] !== CellType.treg || flags[i] & CellFlag.dead) continue;
    const x = cx[i], y = cy[i];
    if (!mayReach(near, size, bw, bh, x, y, NEAR_DC, reach)) continue;
    if (!anyInBlocksReach(B.dc, size, bw, bh, x, y, reach)) continue;
    const dc = nearestOfTypes(world, i, x, y, DC_ONLY);
    if (dc >= 0) {
      c.suppression[dc] += 1;
      c.why[i] = Why.suppressing;
    }
  }
  // strong antigen overrides the loss of costimulation (Baecher-Allan 2002): Tregs hold back weak antigen most
  const most = p.tregContactSuppression;
  for (let i = 0; i < n; i++) {
    if (type[i] === CellType.dendritic) {
      const s = c.strength[i];
      c.suppression[i] = most * (1 - Math.exp(-c.suppression[i])) * (1 - s * s);
    }
  }
}

/**
 * An experimental intervention: every dendritic cell stops showing antigen at once (as when a vaccine antigen is gone).
 */
export function removeAntigen(world: World): void {
  const c = world.cells;
  for (let i = 0; i < c.count; i++) if (c.type[i] === CellType.dendritic) c.strength[i] = 0;
}

export function contactAntigen(world: World): void {
  const c = world.cells, p = world.params, rng = world.rng.activate;
  const linger = Math.exp(-world.dtH / p.antigenMemoryHours);
  // per-tick constants and columns, read once
  const B = world.blocks, size = B.size, bw = B.w, bh = B.h, tick = world.tick, near = markNearBlocks(world);
  const reach = p.contactVoxels;
  const type = c.type, flags = c.flags, cx = c.x, cy = c.y, antigen = c.antigen, targetOf = world.targetOf;
  // an hour beside a tumour cell: its PD-L1 speeds exhaustion, and a "cold" tumour lets the cell touch it only part of
  // the time
  const tumourHours = world.patient.tumourExhaustionFold * world.patient.tumourInfiltration * world.dtH;
  for (let i = 0; i < c.count; i++) {
    const t = type[i];
    if ((t !== CellType.cd4 && t !== CellType.cd8) || flags[i] & CellFlag.dead) continue;
    const activatedKiller = t === CellType.cd8 && (flags[i] & CellFlag.activated) !== 0;
    const x = cx[i], y = cy[i];
    const reached = mayReach(near, size, bw, bh, x, y, activatedKiller ? NEAR_ANTIGEN : NEAR_DC, reach)
      && anyInBlocksReach(activatedKiller ? B.antigen : B.dc, size, bw, bh, x, y, reach);
    // an activated killer's target (killing.ts) is found in the same walk: nothing moves or dies before kill()
    let src = -1;
    if (activatedKiller) {
      targetOf[i] = -1;
      if (reached) src = nearestOfTwoFixedTypes(world, i, x, y, KILLER_SOURCES, CTL_TARGETS, targetOf);
    } else {
      if (t === CellType.cd8) targetOf[i] = NOT_LOOKED;
      if (reached) src = nearestOfTypes(world, i, x, y, DC_ONLY);
    }
    c.contact[i] = src;
    let a = antigen[i] * linger;
    if (src >= 0) {
      const s = shownStrength(world, src);
      c.suppression[i] = type[src] === CellType.dendritic ? c.suppression[src] : 0;
      if (s > a) a = s;
      if (s > 0) c.lastAntigenTick[i] = tick;
      // chronic antigen exhausts an activated cell; a tumour's PD-L1 speeds it up
      if (flags[i] & CellFlag.activated) c.antigenHours[i] += type[src] === CellType.tumour ? tumourHours : world.dtH;
      if (!(flags[i] & CellFlag.activated) && uniform(rng) < perTick(p.activationPerHour * s, world.dtH)) {
        activate(world, i, s, rng);
      }
      c.why[i] = Why.engagedAntigen;
    }
    antigen[i] = a;
  }
}
