// Melanoma patients for the response-rate case (responseRates.test.ts, responseUntreated.test.ts): the scenario as
// players meet it, one patient per seed, with or without the high-dose course from day 0.5, judged on day 6.
// A response is a tumour burden at most 0.49× its start (a 30% smaller diameter, RECIST's partial response, in a 2-D
// patch), a complete response no tumour cell left. Both halves run on the runner's 3-minute clock
// (server/experiment/clock.ts: tickSeconds 180, a tick's crawl taken in three crawls of a minute), the cheapest; the
// model document (section 6) compares the treated patients with the game's 1-minute clock: the same one responder
// (seed 4, a hot tumour) on both, so all 20 are classified alike, median day-6 burden 0.96× on both.

import { queueTherapy } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { FAST_TICK_SECONDS } from "../../server/experiment/clock.ts";
import { median, run, SEEDS } from "./harness.ts";

export const DAYS = 6;
const START_DAY = 0.5;
const RESPONSE_BURDEN = 0.49;

export interface Patient { seed: number; hot: boolean; ratio: number }

/** One patient's tumour burden on day 6 over its start, and whether the tumour is hot. */
export function patient(seed: number, treated: boolean): Patient {
  const w = run({
    scenario: SCENARIOS.melanoma, clock: FAST_TICK_SECONDS, seed, days: DAYS,
    at: treated ? [{ day: START_DAY, act: (world) => queueTherapy(world, "highDose", true) }] : [],
  });
  const start = w.history[0].values["threat.burden"], end = w.history.at(-1)!.values["threat.burden"];
  return { seed, hot: w.patient.tumourInfiltration >= 1, ratio: end / start };
}

export const patients = (treated: boolean) => Array.from({ length: SEEDS }, (_, k) => patient(k + 1, treated));
export const responders = (ps: Patient[]) => ps.filter((p) => p.ratio <= RESPONSE_BURDEN);
export const cured = (ps: Patient[]) => ps.filter((p) => p.ratio === 0);
export const medianRatio = (ps: Patient[]) => median(ps.map((p) => p.ratio));
export const listed = (ps: Patient[]) => ps.map((p) => `${p.seed}${p.hot ? "H" : "C"}=${p.ratio.toFixed(2)}`).join(" ");
