// The machine's own floor for a room tick, measured in the same run as the room benchmarks: a fixed piece of pure
// arithmetic (no memory traffic, no allocation, no I/O) as long as the room's median tick, run 20 times a second with
// the thread asleep in between, exactly as a room's fixed-step timer paces its ticks. On a quiet computer its p99 is
// close to its median; on a shared virtual machine the same work sometimes takes many times longer. ms, wall clock.

import { BASE_TICKS_PER_SECOND } from "../../shared/net/roundPace.ts";
import { percentile } from "./benchServer.ts";

/** Ticks per second of the rooms. */
const PACE_HZ = BASE_TICKS_PER_SECOND;
const DATA = new Float64Array(4000).map((_, i) => i * 0.001);

/** `reps` passes of square roots over DATA: the same instructions every time. */
function work(reps: number): number {
  let s = 0;
  for (let r = 0; r < reps; r++) for (let i = 0; i < DATA.length; i++) s += Math.sqrt(DATA[i] + r);
  return s;
}

/** Passes of work() that take about `ms` back to back (median of a few tries, after warming the JIT). */
function calibrate(ms: number): number {
  for (let i = 0; i < 50; i++) work(20);
  const tries: number[] = [];
  for (let i = 0; i < 21; i++) {
    const t0 = performance.now();
    work(100);
    tries.push((performance.now() - t0) / 100);
  }
  return Math.max(1, Math.round(ms / percentile(tries, 50)));
}

export interface PacedBaseline { workMs: number; p50: number; p99: number; samples: number }

/** Runs work(reps) `count` times at 20 Hz; wall-clock ms of each. */
async function paced(reps: number, count: number): Promise<number[]> {
  const samples: number[] = [];
  let sink = 0;
  await new Promise<void>((done) => {
    const timer = setInterval(() => {
      const t0 = performance.now();
      sink += work(reps);
      samples.push(performance.now() - t0);
      if (samples.length >= count) {
        clearInterval(timer);
        done();
      }
    }, 1000 / PACE_HZ);
  });
  if (!Number.isFinite(sink)) throw new Error("paced baseline: the work went wrong");
  return samples;
}

/** Paced samples used to match the work's paced median to the tick's (work runs slower paced than back to back). */
const TUNING_SAMPLES = 40;

/**
 * Runs work whose paced median is about `workMs` at 20 Hz for `seconds` and returns its wall-clock p50 and p99.
 * Bounded: 2 s of tuning, then seconds × 20 samples.
 */
export async function pacedBaseline(workMs: number, seconds: number): Promise<PacedBaseline> {
  let reps = calibrate(workMs);
  reps = Math.max(1, Math.round(reps * workMs / percentile(await paced(reps, TUNING_SAMPLES), 50)));
  const samples = await paced(reps, Math.max(20, Math.round(seconds * PACE_HZ)));
  return { workMs, p50: percentile(samples, 50), p99: percentile(samples, 99), samples: samples.length };
}

/** Prints the baseline lines for a room benchmark whose ticks have median `tickP50` and p99 `tickP99` (ms). */
export async function logPacedBaseline(log: (line: string) => void, name: string, tickP50: number, tickP99: number, seconds: number): Promise<PacedBaseline> {
  const base = await pacedBaseline(tickP50, seconds);
  log(`${name} baseline: fixed arithmetic tuned to the tick's median (${base.workMs.toFixed(2)} ms) paced at ${PACE_HZ} Hz on this machine just after, ${base.samples} samples: p50 ${base.p50.toFixed(2)}, p99 ${base.p99.toFixed(2)}`);
  log(`${name} baseline ms p99: ${base.p99.toFixed(2)}`);
  log(`${name} ms p99 / baseline: ${(tickP99 / base.p99).toFixed(2)}`);
  return base;
}
