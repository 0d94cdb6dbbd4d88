// The server's contrast pool: never more threads at once than its size, whatever the number of rounds ending; the
// rounds waiting hear how many are ahead of them; a cancelled job (a new round, a closed room) frees its place or its
// thread for the next. And a room's RoundContrasts: one job per round, progress then each result once, a late device
// catches up, a new round drops the old job. Stand-in threads (no model run).

import { Worker } from "node:worker_threads";
import { describe, expect, test } from "vitest";
import type { ContrastUpdate } from "../../shared/net/contrast.ts";
import { logStartOf } from "../../shared/report/commandLog.ts";
import { packHistory } from "../../shared/report/contrastCompare.ts";
import { ContrastPool, type ContrastJob, type JobListener } from "../../server/rooms/contrast/contrastPool.ts";
import { RoundContrasts } from "../../server/rooms/contrast/RoundContrasts.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { createWorld, makeParams, step } from "../../shared/sim/index.ts";

/** A stand-in contrast thread: for each planned contrast, a progress message and a result, 40 ms apart. */
const FAKE = `
const { parentPort } = require("node:worker_threads");
parentPort.on("message", ({ jobId, job }) => {
  let k = 0;
  const next = () => {
    if (k === job.plans.length) return parentPort.postMessage({ jobId, kind: "done" });
    const plan = job.plans[k++];
    parentPort.postMessage({ jobId, kind: "progress", done: k / job.plans.length });
    parentPort.postMessage({ jobId, kind: "result", result: { ...plan, summary: plan.label + ": x", days: [], series: [] } });
    setTimeout(next, 40);
  };
  next();
});`;

function counting() {
  let live = 0, most = 0;
  const spawn = () => {
    const w = new Worker(FAKE, { eval: true });
    live++;
    most = Math.max(most, live);
    w.on("exit", () => live--);
    return w;
  };
  return { spawn, most: () => most, live: () => live };
}

const job = (n: number): ContrastJob => ({ log: {} as ContrastJob["log"], real: packHistory([]), plans: Array.from({ length: n }, (_, k) => ({ id: "noTregs", label: `c${k}`, change: "" })) });

function recorder() {
  const heard: string[] = [];
  const ahead: number[] = [];
  let resolve = () => {};
  const finished = new Promise<void>((r) => (resolve = r));
  const listener: JobListener = {
    queued: (n) => { ahead.push(n); heard.push("queued"); },
    started: () => heard.push("started"),
    progress: () => heard.push("progress"),
    result: (r) => heard.push(`result ${r.label}`),
    done: () => { heard.push("done"); resolve(); },
    failed: (m) => { heard.push(`failed ${m}`); resolve(); },
  };
  return { listener, heard, ahead, finished };
}

const waitUntil = async (ok: () => boolean) => {
  for (let k = 0; k < 400 && !ok(); k++) await new Promise((r) => setTimeout(r, 10));
  expect(ok()).toBe(true);
};

describe("the contrast pool", () => {
  test("one thread for five rounds: one job at a time, the others told how many are ahead", async () => {
    const threads = counting();
    const pool = new ContrastPool(1, threads.spawn);
    const rounds = Array.from({ length: 5 }, () => recorder());
    rounds.forEach((r) => expect(pool.submit(job(2), r.listener)).not.toBeNull());
    expect(pool.load).toEqual({ running: 1, queued: 4 });
    expect(rounds[0].heard).toEqual(["started"]);
    expect(rounds[4].ahead[0]).toBe(4);
    await Promise.all(rounds.map((r) => r.finished));
    expect(threads.most()).toBe(1); // the one thread took each next job
    for (const r of rounds) expect(r.heard.filter((h) => h !== "queued")).toEqual(["started", "progress", "result c0", "progress", "result c1", "done"]);
    expect(rounds[4].ahead).toEqual([4, 3, 2, 1]);
    await waitUntil(() => threads.live() === 0); // threads stop when the queue is empty
  });

  test("cancelling a waiting job frees its place; cancelling a running one frees its thread", async () => {
    const threads = counting();
    const pool = new ContrastPool(1, threads.spawn);
    const a = recorder(), b = recorder(), c = recorder();
    const ta = pool.submit(job(50), a.listener)!;
    let most = 0;
    const watch = setInterval(() => (most = Math.max(most, pool.load.running)), 5);
    const tb = pool.submit(job(1), b.listener)!;
    pool.submit(job(1), c.listener);
    tb.cancel();
    expect(c.ahead.at(-1)).toBe(1);
    ta.cancel();
    await c.finished;
    expect(a.heard).not.toContain("done");
    clearInterval(watch);
    expect(b.heard).toEqual(["queued"]);
    expect(c.heard.at(-1)).toBe("done");
    expect(most).toBe(1);
  });
});

describe("a room's contrasts", () => {
  test("one job per round; progress, each result once; a late device catches up; a new round drops the old job", async () => {
    const threads = counting();
    const pool = new ContrastPool(1, threads.spawn);
    const sent: ContrastUpdate[] = [];
    const contrasts = new RoundContrasts((u) => sent.push(u), () => pool);
    const scenario = { ...SCENARIOS.viral, days: 0.01 };
    const world = createWorld(scenario, makeParams(scenario.params), 3);
    contrasts.startRound(logStartOf(world), 0);
    contrasts.commands(0, [{ kind: "therapy", therapy: "highDose" }]);
    for (let t = 0; t < 15; t++) step(world);
    contrasts.roundEnded(world.tick, world.history);
    expect(pool.load.running).toBe(1);
    await waitUntil(() => sent.some((u) => u.status === "done"));
    const planned = sent[0].planned.map((p) => p.id);
    expect(planned).toEqual(["noTregs", "noTherapy", "otherTherapy"]);
    expect(sent.filter((u) => u.result).map((u) => u.result!.id)).toEqual(planned);
    const late = contrasts.catchUp();
    expect(late[0]).toMatchObject({ status: "done", round: 0 });
    expect(late.slice(1).map((u) => u.result!.id)).toEqual(planned);

    // the next round ends, then a new one starts before its contrasts are done: the job is dropped, nothing more is sent
    contrasts.startRound(logStartOf(world), 1);
    contrasts.roundEnded(world.tick, world.history);
    contrasts.startRound(logStartOf(world), 2);
    const count = sent.length;
    await waitUntil(() => pool.load.running === 0 && pool.load.queued === 0);
    await new Promise((r) => setTimeout(r, 150));
    expect(sent.length).toBe(count);
    expect(contrasts.catchUp()).toEqual([]);
  });
});
