// Treg commander. Infection and cancer: park the Tregs away from the dendritic cells and the fight while the response
// builds (Tregs there soak up IL-2 and hold helpers back), then let them back once the threat is cleared or nearly so.
// Autoimmunity (t1d): sit the Tregs on the dendritic cells that show self-antigen, spread so each gets some, which
// starves weakly switched-on killers. Difficulty: how soon, how evenly and how accurately. Called by createBot.

import { uniform, type Rng } from "../sim/index.ts";
import type { Skill } from "./bot.ts";
import { aim, clusterPoints, dist2, type Point } from "./clusters.ts";
import type { BotObservation, SeenCell } from "./observe.ts";
import { sendCells } from "./orders.ts";

const SQUAD = 4;
const SLACK = 2;

/** The grid point farthest from every dendritic cell and threat (a coarse search every 8 voxels). */
function quietCorner(obs: BotObservation, avoid: readonly Point[]): Point {
  let best: Point = { x: 4, y: 4 }, bd = -1;
  for (let y = 4; y < obs.height; y += 8) {
    for (let x = 4; x < obs.width; x += 8) {
      let d = Infinity;
      for (const a of avoid) d = Math.min(d, dist2({ x, y }, a));
      if (d > bd) { bd = d; best = { x, y }; }
    }
  }
  return best;
}

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

export function tregPolicy(skill: Skill, rng: Rng): (obs: BotObservation) => unknown[] {
  let peak = 0;
  let parked: Point | undefined;
  let freed = false;
  return (obs) => {
    const dcs: SeenCell[] = [], tregs: SeenCell[] = [], threats: SeenCell[] = [];
    for (const c of obs.cells) {
      if (c.type === "dendritic") dcs.push(c);
      else if (c.type === "treg" && c.squad === SQUAD) tregs.push(c);
      else if (c.type === "infected" || c.type === "tumour" || c.type === "tumourHidden") threats.push(c);
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

    if (obs.threatKind === "none") {
      if (freed) return [];
      freed = true;
      return [{ kind: "release", squad: SQUAD }];
    }

    // infection or cancer
    peak = Math.max(peak, obs.hud.threat);
    // hard lets them back when the threat has fallen to a tenth of its peak; others only once it is gone
    const settled = peak > 0 && (obs.hud.threat === 0 || (skill.deep && obs.hud.threat < 0.1 * peak && obs.day > 2));
    if (settled) {
      if (freed) return [];
      freed = true;
      return [{ kind: "release", squad: SQUAD }];
    }
    if (!parked || (skill.deep && uniform(rng) < 0.25)) {
      const avoid: Point[] = [...dcs, ...clusterPoints(threats, 8, 6)];
      parked = avoid.length ? quietCorner(obs, avoid) : { x: obs.width / 2, y: obs.height / 2 };
      if (uniform(rng) < skill.blunder) parked = aim(rng, { x: obs.width / 2, y: obs.height / 2 }, obs.width / 4, obs.width, obs.height);
      else parked = aim(rng, parked, skill.aimNoise, obs.width, obs.height);
    }
    const spot = parked;
    return sendCells(tregs, () => spot, 6);
  };
}
