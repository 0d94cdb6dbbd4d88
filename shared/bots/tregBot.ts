// Treg commander. Infection, cancer and the sandbox (the kiosk's tug-of-war): take the Tregs to where IL-2 is made
// (the groups of switched-on helpers, or the dendritic cells before any helper has switched on) and stand them round
// the edge of each group, where they compete for its IL-2 in plain view without sitting on the dendritic cell itself
// (Tregs on a dendritic cell hold back its activation by contact); once the threat is cleared or nearly so, let them
// go. Autoimmunity (t1d): sit the Tregs on the dendritic cells that show self-antigen, spread so each gets some, which
// starves weakly switched-on killers. Difficulty: how soon, how many spots, how evenly and how accurately.
// Called by createBot.

import { uniform, type Command, type Rng } from "../sim/index.ts";
import type { Skill } from "./bot.ts";
import { aim, clusterPoints, dist2, type Point } from "./clusters.ts";
import { il2Sources, ringAround } from "./il2Sources.ts";
import type { BotObservation, SeenCell } from "./observe.ts";
import { sendCells } from "./orders.ts";

const SQUAD = 4;
const SLACK = 2;
/** Distance from the centre of a helper group at which the Tregs stand, voxels (the edge of its IL-2 cloud). */
const RING_VOXELS = 5;
/** Places on the ring round one spot (the Tregs are dealt out among them). */
const RING_POINTS = 6;
/** Most spots a hard Treg bot covers at once. */
const MAX_SPOTS = 4;

/** Deals cells out to points in turn, nearest pairs first, so every point gets its share. */
function dealOut(cells: readonly SeenCell[], points: readonly Point[]): Map<number, Point> {
  const out = new Map<number, Point>();
  if (!points.length) return out;
  const cap = Math.ceil(cells.length / points.length);
  const load = new Array<number>(points.length).fill(0);
  const pairs: { id: number; k: number; d: number }[] = [];
  for (const c of cells) for (let k = 0; k < points.length; k++) pairs.push({ id: c.id, k, d: dist2(c, points[k]) });
  pairs.sort((a, b) => a.d - b.d || a.id - b.id || a.k - b.k);
  for (const p of pairs) {
    if (out.has(p.id) || load[p.k] >= cap) continue;
    out.set(p.id, points[p.k]);
    load[p.k]++;
  }
  return out;
}

export function tregPolicy(skill: Skill, rng: Rng): (obs: BotObservation) => Command[] {
  let peak = 0;
  let freed = false;
  return (obs) => {
    const dcs: SeenCell[] = [], tregs: SeenCell[] = [];
    for (const c of obs.cells) {
      if (c.type === "dendritic") dcs.push(c);
      else if (c.type === "treg" && c.squad === SQUAD) tregs.push(c);
    }
    if (!tregs.length) return [];

    if (obs.threatKind === "self") {
      if (!dcs.length) return [];
      let points: Point[];
      if (skill.deep) points = dcs.map((d) => ({ x: d.x, y: d.y })); // one share per dendritic cell
      else {
        const groups = clusterPoints(dcs, 8);
        // normal: every group of dendritic cells; easy: only the biggest, aimed loosely
        points = (skill.aimNoise > 5 ? groups.slice(0, 1) : groups).map((g) => aim(rng, g, skill.aimNoise / 2, obs.width, obs.height));
      }
      const plan = dealOut(tregs, points);
      return sendCells(tregs, (c) => plan.get(c.id), SLACK);
    }

    // infection or cancer (or nothing to fight, as in the sandbox: the tug-of-war on its own)
    peak = Math.max(peak, obs.hud.threat);
    // hard lets them go when the threat has fallen to a tenth of its peak; others only once it is gone
    const settled = peak > 0 && (obs.hud.threat === 0 || (skill.deep && obs.hud.threat < 0.1 * peak && obs.day > 2));
    if (settled) {
      if (freed) return [];
      freed = true;
      return [{ kind: "release", squad: SQUAD }];
    }
    const sources = il2Sources(obs);
    if (!sources.length) return [];
    // easy: the biggest spot, aimed loosely; normal: the two biggest; hard: up to four, more Tregs where more helpers are
    const easy = skill.aimNoise > 5;
    const chosen = skill.deep ? sources.slice(0, MAX_SPOTS) : sources.slice(0, easy ? 1 : 2);
    const biggest = chosen[0].n;
    const points: Point[] = [];
    for (const g of chosen) {
      const centre = uniform(rng) < skill.blunder
        ? aim(rng, { x: obs.width / 2, y: obs.height / 2 }, obs.width / 4, obs.width, obs.height)
        : aim(rng, g, skill.aimNoise / 2, obs.width, obs.height);
      const n = skill.deep ? Math.max(2, Math.round((RING_POINTS * g.n) / biggest)) : RING_POINTS;
      points.push(...ringAround(centre, RING_VOXELS, n, obs.width, obs.height));
    }
    const plan = dealOut(tregs, points);
    return sendCells(tregs, (c) => plan.get(c.id), SLACK);
  };
}
