// NK commander. Called by createBot.

import type { Rng } from "../sim/index.ts";
import type { Skill } from "./bot.ts";
import type { BotObservation } from "./observe.ts";

export function nkPolicy(_skill: Skill, _rng: Rng): (obs: BotObservation) => unknown[] {
  return (obs) => (obs.hud.threat > 0 ? [{ kind: "ability", squad: 3, ability: "hunt" }] : []);
}
