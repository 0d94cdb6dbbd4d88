// Issue 13, item 4 and the contrast queue: one address ending rounds in all its rooms cannot keep another address's
// rounds, or a class's, out of the server's contrast queue or waiting behind its own. Stand-in threads that hold
// their job until cancelled (no model run), a pool of one thread.

import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, test } from "vitest";
import { packHistory } from "../../shared/report/contrastCompare.ts";
import { ContrastPool, MAX_QUEUED_JOBS, type ContrastJob, type JobListener, type JobTicket } from "../../server/rooms/contrast/contrastPool.ts";
import type { JobOwner } from "../../server/rooms/contrast/fairShare.ts";

/** A stand-in thread: takes a job and holds it (never done) until the pool terminates it. */
const HOLD = `require("node:worker_threads").parentPort.on("message", () => {});`;
const workers: Worker[] = [];
const spawn = () => {
  const w = new Worker(HOLD, { eval: true });
  workers.push(w);
  return w;
};
afterEach(async () => { await Promise.all(workers.splice(0).map((w) => w.terminate())); });

const job = (): ContrastJob => ({ log: {} as ContrastJob["log"], real: packHistory([]), plans: [{ id: "noTregs", label: "c", change: "" }] });

interface Heard { started: boolean; dropped: boolean }
function submit(pool: ContrastPool, owner: JobOwner): { ticket: JobTicket | null; heard: Heard } {
  const heard: Heard = { started: false, dropped: false };
  const listener: JobListener = {
    queued: () => {}, started: () => { heard.started = true; }, progress: () => {}, result: () => {}, done: () => {},
    failed: () => {}, dropped: () => { heard.dropped = true; },
  };
  return { ticket: pool.submit(job(), listener, owner), heard };
}

describe("the contrast queue shared between addresses", () => {
  test("a flood of one address's rounds gives way to another's and to a class's, which also go first", () => {
    const pool = new ContrastPool(1, spawn);
    const A = { address: "10.0.0.2", shared: false }, B = { address: "10.0.0.3", shared: false };
    const flood = Array.from({ length: MAX_QUEUED_JOBS + 8 }, () => submit(pool, A));
    expect(flood.filter((f) => f.ticket !== null).length).toBe(MAX_QUEUED_JOBS + 1); // one running, the queue full
    expect(pool.load).toEqual({ running: 1, queued: MAX_QUEUED_JOBS });

    // Another address's round takes the place of the flood's newest waiting job.
    const honest = submit(pool, B);
    expect(honest.ticket).not.toBeNull();
    expect(flood.filter((f) => f.heard.dropped).length).toBe(1);
    expect(pool.load.queued).toBe(MAX_QUEUED_JOBS);
    // The flood's own next round is still turned away (it holds most of the queue).
    expect(submit(pool, A).ticket).toBeNull();
    // A class's round, even from the flooding address, always gets a place.
    const klass = submit(pool, { address: "10.0.0.2", shared: true });
    expect(klass.ticket).not.toBeNull();
    expect(flood.filter((f) => f.heard.dropped).length).toBe(2);

    // The running job ends: the class's round goes next, then the other address's, before the flood's.
    flood[0].ticket!.cancel();
    expect(klass.heard.started).toBe(true);
    expect(honest.heard.started).toBe(false);
    klass.ticket!.cancel();
    expect(honest.heard.started).toBe(true);
    expect(flood.slice(1).some((f) => f.heard.started)).toBe(false);
  });

  test("two addresses sharing a full queue: neither drops the other's jobs while it holds as much", () => {
    const pool = new ContrastPool(1, spawn);
    const A = { address: "a", shared: false }, B = { address: "b", shared: false };
    for (let k = 0; k <= MAX_QUEUED_JOBS / 2; k++) submit(pool, A);
    const bs = Array.from({ length: MAX_QUEUED_JOBS }, () => submit(pool, B));
    // B gets places from A until they hold about as much; then B's own newest are turned away.
    const queuedB = bs.filter((b) => b.ticket !== null).length;
    expect(queuedB).toBeGreaterThanOrEqual(MAX_QUEUED_JOBS / 2 - 1);
    expect(queuedB).toBeLessThanOrEqual(MAX_QUEUED_JOBS / 2 + 1);
    expect(pool.load.queued).toBe(MAX_QUEUED_JOBS);
  });
});
