// Treg commander. Called by createBot.

import type { Rng } from "../sim/index.ts";
import type { Skill } from "./bot.ts";
import type { BotObservation } from "./observe.ts";

export function tregPolicy(_skill: Skill, _rng: Rng): (obs: BotObservation) => unknown[] {
  return () => [{ kind: "release", squad: 4 }];
}
