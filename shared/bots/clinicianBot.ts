// Clinician. Called by createBot.

import type { Rng } from "../sim/index.ts";
import type { Skill } from "./bot.ts";
import type { BotObservation } from "./observe.ts";

export function clinicianPolicy(_skill: Skill, _rng: Rng): (obs: BotObservation) => unknown[] {
  return (obs) => {
    const card = obs.cards.find((c) => c.therapy === "highDose");
    if (obs.threatKind === "tumour" && card && card.doses === 0 && !card.running && obs.hud.leak < 0.5) {
      return [{ kind: "therapy", therapy: "highDose", course: true }];
    }
    return [];
  };
}
