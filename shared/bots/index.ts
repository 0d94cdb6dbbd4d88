// Bots for every role at three skill levels: pure policies that decide from what a player could see (observe) and act
// only through commands, which the round (shared/round) checks and queues exactly like a person's. Seeded, never Math.random.
// Called by the server's room (solo mode fills empty seats) and by tests.

import { ROLES, createRng, type Difficulty, type Role } from "../sim/index.ts";
import { DEFAULT_TICK_SECONDS, SKILLS, type Bot } from "./bot.ts";
import { clinicianPolicy } from "./clinicianBot.ts";
import { effectorPolicy } from "./effectorBot.ts";
import { nkPolicy } from "./nkBot.ts";
import type { BotObservation } from "./observe.ts";
import { tregPolicy } from "./tregBot.ts";

export { observe, observeAs, FIELD_BLOCK, type BotObservation, type SeenCell, type SeenCard, type SeenField } from "./observe.ts";
export { SKILLS, type Bot, type Skill } from "./bot.ts";

/**
 * A bot for one seat. tickSeconds is the model's tick length (world.dtS), used to turn the skill's think interval in
 * hours into ticks. The round's bot seats (shared/round/botSeats.ts) call decide(observe(world, role)) at each multiple
 * of thinkEveryTicks and admit each command as they would a person's (well formed, own squads, cards). Bots keep small memories between
 * calls (when they last dosed, the peak threat), so one bot object serves one round: make a new one on restart.
 * After the round has an outcome they send nothing.
 */
export function createBot(role: Role, difficulty: Difficulty, seed: number, tickSeconds = DEFAULT_TICK_SECONDS): Bot {
  const skill = SKILLS[difficulty];
  const rng = createRng(seed >>> 0, 0xb07 + ROLES.indexOf(role));
  const policy = { effector: effectorPolicy, treg: tregPolicy, nk: nkPolicy, clinician: clinicianPolicy }[role](skill, rng);
  return {
    role,
    difficulty,
    thinkEveryTicks: Math.max(1, Math.round((skill.thinkHours * 3600) / tickSeconds)),
    decide: (obs: BotObservation) => (obs.outcome === "ongoing" || obs.outcome === undefined ? policy(obs) : []),
  };
}
