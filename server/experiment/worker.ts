// Worker-thread entry of the experiment pool: receives one seed job at a time, runs it and posts progress and the
// result back. Imports the model's .ts files directly (Node's type stripping). Started by pool.ts.

import { parentPort } from "node:worker_threads";
import { runSeed, type SeedJob } from "./run.ts";
import type { FromWorker } from "./pool.ts";

const port = parentPort;
if (!port) throw new Error("worker.ts runs only as a worker thread started by pool.ts");

port.on("message", (job: SeedJob) => {
  const post = (msg: FromWorker) => port.postMessage(msg);
  try {
    const result = runSeed(job, (tick, total) => post({ type: "progress", seed: job.seed, tick, total }));
    post({ type: "result", result });
  } catch (err) {
    post({ type: "error", seed: job.seed, message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
