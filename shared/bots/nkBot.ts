// NK commander: NK cells kill infected and MHC-low tumour cells (the ones killer T cells cannot see). Cells near a
// threat hunt; the rest are sent to the threat groups, MHC-low ones counting double; with no threat in sight they
// climb toward IL-2-rich zones (where they would multiply). Easy only says "hunt", slowly. Called by createBot.

import { uniform, type Command, type Rng } from "../sim/index.ts";
import type { Skill } from "./bot.ts";
import { aim, clusterPoints, dist2, nearest, type Point } from "./clusters.ts";
import type { BotObservation, SeenCell } from "./observe.ts";
import { nearestIndex, sendCells } from "./orders.ts";

const SQUAD = 3;
const HUNT_RANGE = 8;
/** An IL-2 block this rich counts as a zone worth climbing toward, pM. */
const RICH_PM = 100;

export function nkPolicy(skill: Skill, rng: Rng): (obs: BotObservation) => Command[] {
  return (obs) => {
    const nks: SeenCell[] = [], threats: SeenCell[] = [];
    for (const c of obs.cells) {
      if ((c.type === "nkBright" || c.type === "nkDim") && c.squad === SQUAD) nks.push(c);
      else if (c.type === "infected" || c.type === "tumourHidden" || c.type === "tumour") threats.push(c);
    }
    if (!nks.length) return [];
    let richest = 0;
    for (const v of obs.field.pm) richest = Math.max(richest, v);
    if (!threats.length) return richest >= RICH_PM ? [{ kind: "ability", squad: SQUAD, ability: "seekIl2" }] : [{ kind: "release", squad: SQUAD }];
    if (uniform(rng) < skill.blunder) {
      // a poor move: climbing IL-2 instead of chasing the threat
      return [{ kind: "ability", squad: SQUAD, ability: richest >= RICH_PM ? "seekIl2" : "rally" }];
    }
    const out: Command[] = [{ kind: "ability", squad: SQUAD, ability: "hunt" }];
    if (skill.aimNoise > 5) return out;
    // MHC-low cells count twice: only NK cells kill them
    const weighted: Point[] = [];
    for (const t of threats) {
      weighted.push(t);
      if (t.type !== "tumour") weighted.push(t);
    }
    const groups = clusterPoints(weighted, 8, 8).slice(0, skill.deep ? 6 : 2);
    const aimed = groups.map((g) => aim(rng, g, skill.aimNoise, obs.width, obs.height));
    const near = (c: SeenCell) => {
      const t = nearest(c, threats);
      return t !== undefined && dist2(c, t) <= HUNT_RANGE * HUNT_RANGE;
    };
    out.push(...sendCells(nks, (c) => (near(c) ? undefined : aimed[nearestIndex(c, aimed)]), 3));
    return out;
  };
}
