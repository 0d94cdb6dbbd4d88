// A contrast thread: receives one round's job at a time (its log, the contrasts to run, the real round's metrics),
// replays the round once per contrast with that one change, and posts progress and each contrast's charts and line
// of text as soon as it is done. Never on a room's event loop. Started by contrastPool.ts; messages defined there.

import { parentPort } from "node:worker_threads";
import { changeFor } from "../../../shared/report/contrasts.ts";
import { compareRuns, unpackHistory } from "../../../shared/report/contrastCompare.ts";
import { replayRound } from "../../../shared/report/replay.ts";
import type { FromContrastWorker, ContrastJobMessage } from "./contrastPool.ts";

const port = parentPort;
if (!port) throw new Error("contrastWorker.ts runs only as a worker thread started by contrastPool.ts");

port.on("message", (m: ContrastJobMessage) => {
  const post = (msg: FromContrastWorker) => port.postMessage(msg);
  const { job } = m;
  try {
    const runs = job.plans.length, real = unpackHistory(job.real);
    job.plans.forEach((plan, k) => {
      const world = replayRound(job.log, changeFor(plan.id, job.log), (tick, total) => post({ jobId: m.jobId, kind: "progress", done: (k + tick / Math.max(1, total)) / runs }));
      post({ jobId: m.jobId, kind: "result", result: compareRuns(plan, job.log.scenario, real, world.history) });
    });
    post({ jobId: m.jobId, kind: "done" });
  } catch (err) {
    post({ jobId: m.jobId, kind: "error", message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
