// Effector commander: helpers (squad 1) to the dendritic cells in clusters, killers (squad 2) to the threat.
// Called by createBot.

import type { Rng } from "../sim/index.ts";
import type { Skill } from "./bot.ts";
import { aim, clusterPoints } from "./clusters.ts";
import type { BotObservation } from "./observe.ts";

export function effectorPolicy(skill: Skill, rng: Rng): (obs: BotObservation) => unknown[] {
  return (obs) => {
    const out: unknown[] = [];
    const dcs = clusterPoints(obs.cells.filter((c) => c.type === "dendritic"), 6);
    if (dcs.length) {
      const p = aim(rng, dcs[0], skill.aimNoise, obs.width, obs.height);
      out.push({ kind: "target", squad: 1, x: p.x, y: p.y });
    }
    out.push({ kind: "release", squad: 2 });
    return out;
  };
}
