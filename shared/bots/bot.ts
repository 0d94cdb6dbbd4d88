// The shape every bot shares: a role, a skill level, how often it thinks (ticks) and a pure decide() that turns what a
// player could see into commands. Difficulty settings (think interval in hours, aim noise, mistakes) live here.
// Called by createBot (index.ts) and the role policies.

import { PARAM_SPECS, type Command, type Difficulty, type Role } from "../sim/index.ts";
import type { BotObservation } from "./observe.ts";

export interface Bot {
  role: Role;
  difficulty: Difficulty;
  /** Ticks between two decisions; the room calls decide() this often. */
  thinkEveryTicks: number;
  /** The bot's commands, which the round checks and queues exactly like a person's (shared/round). */
  decide(obs: BotObservation): Command[];
}

export interface Skill {
  /** Simulated hours between decisions. */
  thinkHours: number;
  /** Aim error, voxels (standard spread of a target point). */
  aimNoise: number;
  /** Chance per decision of a poor move (splitting a squad badly, the wrong card, a late card). */
  blunder: number;
  /** Whether the bot re-reads the whole field for the biggest cluster (hard) or keeps to the nearest one. */
  deep: boolean;
}

export const SKILLS: Readonly<Record<Difficulty, Skill>> = {
  easy: { thinkHours: 9, aimNoise: 10, blunder: 0.3, deep: false },
  normal: { thinkHours: 4, aimNoise: 4, blunder: 0.08, deep: false },
  hard: { thinkHours: 1.5, aimNoise: 1, blunder: 0, deep: true },
};

/** The model's tick length when the caller does not say (params.tickSeconds default). */
export const DEFAULT_TICK_SECONDS = PARAM_SPECS.tickSeconds.default;
