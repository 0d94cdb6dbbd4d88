// Runs one seed of an experiment: builds the world, schedules the therapy courses, steps it for the given days and
// samples every metric at a fixed interval (day 0 and the last tick included). Units: ticks and days.
// Steps through the shared Round (shared/round), the loop the rooms and tests drive (no bots are seated here).
// Called by worker.ts inside a worker thread (and by unit tests directly).

import { Round } from "../../shared/round/index.ts";
import {
  createWorld, hoursToTicks, queueTherapy, sampleMetrics, stateHash,
  type Outcome, type Params, type Scenario, type World,
} from "../../shared/sim/index.ts";
import type { TherapyCourse } from "./args.ts";

/** Everything one seed needs; plain data so it can cross to a worker thread. */
export interface SeedJob {
  scenario: Scenario;
  params: Params;
  seed: number;
  days: number;
  everyHours: number;
  therapies: TherapyCourse[];
}

export interface Sample { tick: number; day: number; values: Record<string, number> }

export interface SeedResult {
  seed: number;
  outcome: Outcome;
  /** Day the outcome was decided, or null while it is still "ongoing". */
  outcomeDay: number | null;
  stateHash: string;
  ticks: number;
  samples: Sample[];
}

/** The ticks at which a run of `total` ticks is sampled: 0, every, 2·every, … and always the last tick. */
export function sampleTicks(total: number, every: number): number[] {
  const out: number[] = [];
  const k = Math.max(1, every);
  for (let t = 0; t <= total; t += k) out.push(t);
  if (out[out.length - 1] !== total) out.push(total);
  return out;
}

export type ProgressFn = (tick: number, totalTicks: number) => void;

export function runSeed(job: SeedJob, onProgress?: ProgressFn, progressEveryTicks = 30): SeedResult {
  const round = new Round(createWorld(job.scenario, job.params, job.seed));
  const world = round.world;
  for (const t of job.therapies) queueTherapy(world, t.therapy, true, hoursToTicks(world, t.day * 24));
  const total = hoursToTicks(world, job.days * 24);
  const every = Math.max(1, hoursToTicks(world, job.everyHours));
  const samples: Sample[] = [];
  let outcomeDay: number | null = null;
  for (const due of sampleTicks(total, every)) {
    while (world.tick < due) {
      round.tick(); // the round goes on past its outcome: an experiment runs its whole length
      if (outcomeDay === null && world.outcome !== "ongoing") outcomeDay = (world.tick * world.dtS) / 86400;
      if (onProgress && world.tick % progressEveryTicks === 0) onProgress(world.tick, total);
    }
    const m = sampleMetrics(world);
    samples.push({ tick: m.tick, day: m.day, values: m.values });
  }
  if (onProgress && (total === 0 || total % progressEveryTicks !== 0)) onProgress(total, total);
  return { seed: job.seed, outcome: world.outcome, outcomeDay, stateHash: stateHash(world), ticks: world.tick, samples };
}
