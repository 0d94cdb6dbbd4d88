// The experiment's worker pool: results come back in job order whatever order the threads finish in, the pool never
// runs more threads than asked, failures reject with the seed named, and the real worker.ts runs under type stripping.

import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { THERAPY_NAMES, makeParams, parseScenario, type Scenario } from "../../shared/sim/index.ts";
import { runPool } from "../../server/experiment/pool.ts";
import { runSeed, type SeedJob } from "../../server/experiment/run.ts";

/** A stand-in worker: answers each job after a delay that shrinks as the seed grows, so later seeds finish first. */
const FAKE = `
const { parentPort, threadId } = require("node:worker_threads");
parentPort.on("message", (job) => {
  if (job.seed === 99) return parentPort.postMessage({ type: "error", seed: 99, message: "boom" });
  if (job.seed === 98) process.exit(3);
  parentPort.postMessage({ type: "progress", seed: job.seed, tick: 1, total: 2 });
  setTimeout(() => parentPort.postMessage({ type: "result", result: {
    seed: job.seed, outcome: "ongoing", outcomeDay: null, stateHash: "t" + threadId, ticks: 2, samples: [],
  } }), (10 - job.seed) * 60);
});`;
const fake = () => new Worker(FAKE, { eval: true });
const jobs = (...seeds: number[]) => seeds.map((seed) => ({ seed }) as SeedJob);

describe("runPool", () => {
  it("returns results in job order when later jobs finish first", async () => {
    const finished: number[] = [];
    const progress: number[] = [];
    const out = await runPool(jobs(1, 2, 3, 4, 5, 6), 3, {
      spawn: fake, onResult: (r) => finished.push(r.seed), onProgress: (seed) => progress.push(seed),
    });
    expect(out.map((r) => r.seed)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(finished).not.toEqual([1, 2, 3, 4, 5, 6]); // the stand-in really finished out of order
    expect(progress.sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(out.map((r) => r.stateHash)).size).toBe(3); // three threads shared the work
  });

  it("uses no more threads than jobs, and one thread when asked", async () => {
    expect(new Set((await runPool(jobs(1, 2), 8, { spawn: fake })).map((r) => r.stateHash)).size).toBe(2);
    expect(new Set((await runPool(jobs(1, 2, 3), 1, { spawn: fake })).map((r) => r.stateHash)).size).toBe(1);
    expect(await runPool([], 2, { spawn: fake })).toEqual([]);
  });

  it("rejects naming the seed when a job fails, or when a thread dies", async () => {
    await expect(runPool(jobs(1, 99, 3), 2, { spawn: fake })).rejects.toThrow(/seed 99 failed: boom/);
    await expect(runPool(jobs(1, 98), 2, { spawn: fake })).rejects.toThrow(/exit code 3/);
  });

  it("runs the real worker.ts (the model's .ts files in a worker thread) with the same result as in-process", async () => {
    const r = parseScenario({
      id: "tiny", name: "Tiny", summary: "Small.", teacherNotes: { notice: [], tryThis: [] },
      grid: { width: 16, height: 16 }, days: 1, vessels: [{ x0: 0, y0: 8, x1: 15, y1: 8 }],
      tissue: { kind: "tissue", spacing: 2 }, threat: { kind: "none", sites: [] },
      populations: [{ type: "cd8", count: 5, placement: { kind: "vessels" } }],
    }, THERAPY_NAMES);
    if (!r.ok) throw new Error(r.errors.join("; "));
    const scenario: Scenario = r.scenario;
    const job = (seed: number): SeedJob => ({ scenario, params: makeParams(), seed, days: 0.02, everyHours: 0.25, therapies: [] });
    const out = await runPool([job(5), job(6)], 2);
    expect(out.map((x) => x.seed)).toEqual([5, 6]);
    expect(out[1]).toEqual(runSeed(job(6)));
  });
});
