// Viral bot rounds with every seat a bot, shared by the tests of viralBots.test.ts: each difficulty and seed is run
// once per test file (a vitest worker's module cache) and read at the days the tests ask, not run again per test.
// A round read at day d stands for a round d days long: in the viral scenario neither the model nor a bot looks at the
// round's length before it ends (the model only to call time up, shared/sim/outcome.ts; the bots only in the clinician's
// last tumour or self doses, shared/bots/clinicianBot.ts), so the state at day d is the same tick for tick.

import { SCENARIOS } from "../../shared/scenarios/index.ts";
import type { Difficulty, MetricValues, Outcome, World } from "../../shared/sim/index.ts";
import { startBotRound, type BotRoundRun } from "./botRound.ts";

/** What a round d days long would end with: its last metrics sample, its peak threat and its outcome. */
export interface RoundAt {
  values: MetricValues;
  peakThreat: number;
  /** As a round of that length would end: its outcome if decided by then, else time up. */
  outcome: Outcome;
}

interface Shared {
  run: BotRoundRun;
  first?: MetricValues;
  marks: Map<number, RoundAt>;
}

/** The days a round is read at, whichever test asks first: the response building, day 4 and the round's end. */
export const READ_DAYS = [1.25, 4, SCENARIOS.viral.days] as const;

const rounds = new Map<string, Shared>();

/** Takes a mark at every wanted day the newest sample reaches, or at the sample that decides the outcome. */
function watch(s: Shared): (world: World) => void {
  let samples = s.run.world.history.length;
  return (world) => {
    if (world.history.length === samples) return;
    samples = world.history.length;
    const m = world.history[samples - 1];
    s.first ??= world.history[0].values;
    for (const day of READ_DAYS) {
      if (s.marks.has(day) || (m.day < day - 1e-9 && world.outcome === "ongoing")) continue;
      s.marks.set(day, { values: m.values, peakThreat: world.peakThreat, outcome: world.outcome === "ongoing" ? "timeUp" : world.outcome });
    }
  };
}

/**
 * The viral round of this difficulty and seed (every seat a bot, the scenario's full length), run as far as `day`
 * (one of READ_DAYS; the round's end when omitted) and read there: the same as a round `day` days long.
 */
export function viralRoundAt(difficulty: Difficulty, seed: number, day: (typeof READ_DAYS)[number] = SCENARIOS.viral.days): RoundAt & { first: MetricValues } {
  const key = `${difficulty}/${seed}`;
  let s = rounds.get(key);
  if (!s) {
    s = { run: startBotRound({ scenarioId: "viral", days: SCENARIOS.viral.days, seed, difficulty }), marks: new Map() };
    rounds.set(key, s);
  }
  if (!s.marks.has(day)) s.run.advance(day, watch(s));
  const at = s.marks.get(day);
  if (!at || !s.first) throw new Error(`viral round ${key} has no sample at day ${day}`);
  return { ...at, first: s.first };
}
