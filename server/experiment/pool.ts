// A pool of worker threads that runs seed jobs in parallel and returns the results in job order, whatever the pool
// size, so outputs are identical for any --workers. Called by main.ts; each thread runs worker.ts.

import { Worker } from "node:worker_threads";
import type { SeedJob, SeedResult } from "./run.ts";

export type FromWorker =
  | { type: "progress"; seed: number; tick: number; total: number }
  | { type: "result"; result: SeedResult }
  | { type: "error"; seed: number; message: string };

export interface PoolEvents {
  onProgress?: (seed: number, tick: number, total: number) => void;
  onResult?: (result: SeedResult) => void;
  /** Starts one worker thread; tests pass stand-ins. Default: worker.ts. */
  spawn?: () => Worker;
}

const WORKER_URL = new URL("./worker.ts", import.meta.url);

export function runPool(jobs: readonly SeedJob[], size: number, events: PoolEvents = {}): Promise<SeedResult[]> {
  const spawn = events.spawn ?? (() => new Worker(WORKER_URL));
  const results: SeedResult[] = new Array(jobs.length);
  const count = Math.max(1, Math.min(size, jobs.length));
  if (jobs.length === 0) return Promise.resolve(results);
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0, done = 0, failed = false;
    const stopAll = () => { for (const w of workers) void w.terminate(); };
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      stopAll();
      reject(err);
    };
    const give = (w: Worker, slot: { index: number }) => {
      if (next >= jobs.length) return;
      slot.index = next++;
      w.postMessage(jobs[slot.index]);
    };
    for (let k = 0; k < count; k++) {
      const w = spawn();
      const slot = { index: -1 };
      workers.push(w);
      w.on("message", (msg: FromWorker) => {
        if (failed) return;
        if (msg.type === "progress") events.onProgress?.(msg.seed, msg.tick, msg.total);
        else if (msg.type === "error") fail(new Error(`seed ${msg.seed} failed: ${msg.message}`));
        else if (msg.result.seed !== jobs[slot.index].seed) {
          fail(new Error(`a worker answered seed ${msg.result.seed} while running seed ${jobs[slot.index].seed}`));
        } else {
          results[slot.index] = msg.result;
          events.onResult?.(msg.result);
          if (++done === jobs.length) {
            stopAll();
            resolve(results);
          } else give(w, slot);
        }
      });
      w.on("error", (err) => fail(err instanceof Error ? err : new Error(String(err))));
      w.on("exit", (code) => {
        if (done < jobs.length) fail(new Error(`a worker thread stopped (exit code ${code}) before every seed was run`));
      });
      give(w, slot);
    }
  });
}
