// Clinician: plays therapy cards by scenario. Cancer: high-dose IL-2 while the vascular leak is low, stopping short of
// the dose-limiting line (hard gives single doses and waits for the leak to recover; normal gives one course early).
// Type 1 diabetes: a low-dose course early, repeated when it ends (hard). Infection: little or nothing; hard adds
// CD122-biased IL-2 late if the infection keeps growing. Easy plays late and sometimes the wrong card. One course of a
// card at a time. Time in days (from the observation). Called by createBot.

import { uniform, type Command, type Rng, type TherapyName } from "../sim/index.ts";
import type { Skill } from "./bot.ts";
import type { BotObservation } from "./observe.ts";

/** Hours between two single high-dose doses (the course's own interval). */
const HIGH_DOSE_EVERY_H = 8;
/** Leak level at which a careful clinician stops dosing, and where it may start again. */
const LEAK_STOP = 0.6;
const LEAK_RESUME = 0.25;

const card = (obs: BotObservation, t: TherapyName) => obs.cards.find((c) => c.therapy === t);
const give = (therapy: TherapyName, course: boolean): Command => ({ kind: "therapy", therapy, course });

export function clinicianPolicy(skill: Skill, rng: Rng): (obs: BotObservation) => Command[] {
  const easy = skill.aimNoise > 5;
  // an easy clinician starts a day or two late; the wrong card is decided once, per round
  const startDay = easy ? 1.5 + uniform(rng) * 1.5 : skill.deep ? 0.25 : 1;
  const wrongCard = uniform(rng) < skill.blunder;
  let lastDoseDay = -Infinity;
  let resting = false;
  let peakThreat = 0;
  let biasedGiven = false;

  return (obs) => {
    if (obs.day < startDay) return [];
    peakThreat = Math.max(peakThreat, obs.hud.threat);
    const lastDay = obs.days - 0.5;

    if (obs.threatKind === "tumour") {
      const hd = card(obs, "highDose");
      if (!hd || hd.running || obs.day > lastDay) return [];
      if (wrongCard) return hd.doses === 0 && (card(obs, "lowDose")?.doses ?? 0) === 0 ? [give("lowDose", true)] : [];
      if (!skill.deep) {
        // one course, early; the ward withholds doses if the leak reaches the line
        return hd.doses === 0 && obs.hud.leak < 0.3 ? [give("highDose", true)] : [];
      }
      if (resting) {
        if (obs.hud.leak > LEAK_RESUME) return [];
        resting = false;
      }
      if (obs.hud.leak >= LEAK_STOP) {
        resting = true;
        return [];
      }
      if ((obs.day - lastDoseDay) * 24 < HIGH_DOSE_EVERY_H - 0.01) return [];
      lastDoseDay = obs.day;
      return [give("highDose", false)];
    }

    if (obs.threatKind === "self") {
      const ld = card(obs, "lowDose");
      if (!ld || ld.running) return [];
      if (wrongCard) return (card(obs, "highDose")?.doses ?? 0) === 0 ? [give("highDose", false)] : [];
      // hard renews the course while the round lasts; the others give one
      if (ld.doses === 0 || (skill.deep && obs.day < lastDay)) return [give("lowDose", true)];
      return [];
    }

    if (obs.threatKind === "virus") {
      if (wrongCard) return (card(obs, "highDose")?.doses ?? 0) === 0 ? [give("highDose", false)] : [];
      // hard: one CD122-biased dose if, past day 3, the infection is still near its peak
      if (skill.deep && !biasedGiven && obs.day > 3 && peakThreat > 0 && obs.hud.threat > 0.7 * peakThreat) {
        biasedGiven = true;
        return [give("cd122Biased", false)];
      }
    }
    return [];
  };
}
