// Effector commander: helpers (squad 1) gather on dendritic cells in clusters, where together they make IL-2 (scattered
// helpers fizzle); naive killers (squad 2) go to the same spots to be primed and hear that IL-2; switched-on killers go
// after the infected or tumour cells, hunting once close. Easy is slow and sometimes splits a squad badly; hard re-aims
// every hour or two at the biggest threats. Positions in voxels. Called by createBot.

import { uniform, type Command, type Rng } from "../sim/index.ts";
import type { Skill } from "./bot.ts";
import { aim, clusterPoints, dist2, nearest, type Cluster, type Point } from "./clusters.ts";
import type { BotObservation, SeenCell } from "./observe.ts";
import { nearestIndex, sendCells } from "./orders.ts";

/** Killers this close to a threat are left to hunt on their own, voxels. */
const HUNT_RANGE = 7;
/** Cells this close to their destination are not re-sent, voxels. */
const SLACK = 3;
/** Helpers per dendritic-cell spot that keep an IL-2 cloud going (a hard bot opens more spots only with more helpers). */
const HELPERS_PER_SPOT = 60;

/** Where the helpers should sit: dendritic-cell spots, best first. */
function helperSpots(obs: BotObservation, skill: Skill, rng: Rng, dcs: SeenCell[], threatClusters: Cluster[], helpers: number): Point[] {
  const groups = clusterPoints(dcs, 6);
  if (!groups.length) return [];
  if (!skill.deep) {
    // normal: the two biggest groups' centres; easy: one, with a shaky aim
    const k = skill.aimNoise > 5 ? 1 : Math.min(2, groups.length);
    return groups.slice(0, k).map((g) => aim(rng, g, skill.aimNoise, obs.width, obs.height));
  }
  // hard: groups near the threat first (their IL-2 reaches the killers at work), on an actual dendritic cell
  const score = (g: Cluster) => {
    const t = nearest(g, threatClusters);
    return g.n / (1 + (t ? Math.sqrt(dist2(g, t)) : 0) / 25);
  };
  const ranked = groups.slice().sort((a, b) => score(b) - score(a));
  const k = Math.max(1, Math.min(3, ranked.length, Math.floor(helpers / HELPERS_PER_SPOT)));
  return ranked.slice(0, k).map((g) => {
    const dc = nearest(g, dcs)!;
    return { x: dc.x, y: dc.y };
  });
}

export function effectorPolicy(skill: Skill, rng: Rng): (obs: BotObservation) => Command[] {
  let released = false;
  return (obs) => {
    // with no foreign threat (autoimmunity, the sandbox) the effector commander leaves the cells to themselves
    if (obs.threatKind !== "virus" && obs.threatKind !== "tumour") {
      if (released) return [];
      released = true;
      return [{ kind: "release", squad: 1 }, { kind: "release", squad: 2 }];
    }
    const dcs: SeenCell[] = [], threats: SeenCell[] = [], helpers: SeenCell[] = [], killers: SeenCell[] = [];
    for (const c of obs.cells) {
      if (c.type === "dendritic") dcs.push(c);
      else if (c.type === "infected" || c.type === "tumour") threats.push(c); // MHC-low cells hide from killers
      else if (c.squad === 1 && c.type === "cd4") helpers.push(c);
      else if (c.squad === 2 && c.type === "cd8") killers.push(c);
    }
    const threatClusters = clusterPoints(threats, 8, 8);
    const out: Command[] = [];

    // helpers
    const spots = helperSpots(obs, skill, rng, dcs, threatClusters, helpers.length);
    if (spots.length) {
      if (uniform(rng) < skill.blunder) {
        // a poor move: the squad is split between a spot and a point far from any dendritic cell
        const stray = aim(rng, { x: obs.width / 2, y: obs.height / 2 }, obs.width / 3, obs.width, obs.height);
        out.push(...sendCells(helpers, (c) => (c.id % 2 ? spots[0] : stray), SLACK));
      } else {
        out.push(...sendCells(helpers, (c) => spots[nearestIndex(c, spots)], SLACK));
      }
    }

    // killers
    if (!threats.length && obs.hud.threat === 0) {
      // the threat is gone: let them go (they contract on their own)
      out.push({ kind: "release", squad: 2 });
      return out;
    }
    const targets = skill.deep ? threatClusters.slice(0, 4) : threatClusters.slice(0, skill.aimNoise > 5 ? 1 : 2);
    const aimed = targets.map((t) => aim(rng, t, skill.aimNoise, obs.width, obs.height));
    const nearThreat = (c: SeenCell) => {
      const t = nearest(c, threats);
      return t !== undefined && dist2(c, t) <= HUNT_RANGE * HUNT_RANGE;
    };
    const easy = skill.aimNoise > 5;
    // hunting first (it applies to the whole squad), then orders for the cells that should be elsewhere
    if (!easy && killers.some((c) => c.activated && nearThreat(c))) out.push({ kind: "ability", squad: 2, ability: "hunt" });
    out.push(...sendCells(killers, (c) => {
      if (!c.activated) return spots.length ? spots[nearestIndex(c, spots)] : undefined;
      if (!aimed.length || (!easy && nearThreat(c))) return undefined;
      return aimed[nearestIndex(c, aimed)];
    }, SLACK));
    return out;
  };
}
