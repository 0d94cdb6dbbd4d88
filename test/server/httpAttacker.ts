// The HTTP attacks of abuseLoadHttp.test.ts on their own thread: as on a visitor's own machine, making the requests and
// reading the answers cost the server's event loop nothing, so what the honest room loses is what the server pays.
// workerData: {port, attack, code}. On "attack" it starts (huge bodies, slow connections or seat requests, from
// ATTACKER), on "calm" it stops, waits for its lanes and answers {calm}; on "stop" it reports what it saw and ends.

import type { Socket } from "node:net";
import { parentPort, workerData } from "node:worker_threads";
import { ATTACKER, openSockets, rawRequest } from "./abuseTools.ts";

export type HttpAttack = "hugeBodies" | "slowConnections" | "seatRequests";
/** What the attacker saw: the answers' statuses by count, and the most connections held open at once. */
export interface AttackReport { statuses: Record<number, number>; held: number }

const { port, attack, code } = workerData as { port: number; attack: HttpAttack; code?: string };
const statuses: Record<number, number> = {};
let held = 0;
const answered = (status: number) => { statuses[status] = (statuses[status] ?? 0) + 1; };

/** Runs `once` over and over (at most `max` times) on `lanes` lanes until stopped; the stop waits for the lanes. */
function loop(lanes: number, max: number, once: (k: number) => Promise<unknown>): () => Promise<void> {
  let stopped = false;
  const lane = async (w: number) => {
    for (let k = 0; !stopped && k < max; k++) await once(k * lanes + w).catch(() => undefined);
  };
  const running = Array.from({ length: lanes }, (_, w) => lane(w));
  return async () => { stopped = true; await Promise.all(running); };
}

const chunk = Buffer.alloc(64 * 1024, 0x20);

/** Starts one turn of the attack; returns its stop. */
function start(): () => Promise<void> {
  if (attack === "hugeBodies") {
    // Four streams of 8 MB at a time to matchmaking and the page, over and over (issue 13, item 5).
    return loop(4, 50, async (k) => {
      const a = await rawRequest({
        port, method: "POST", path: k % 2 ? "/matchmake/create/tissue" : "/", from: ATTACKER,
        headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
        body: Array.from({ length: 128 }, () => chunk),
      });
      answered(a.status);
    });
  }
  if (attack === "seatRequests") {
    // Seats without a code (join, joinOrCreate) and reservations in a class by its code (items 2 and 3).
    return loop(6, 400, async (k) => {
      const [method, room] = k % 3 === 0 ? ["join", "classroom"] : k % 3 === 1 ? ["joinOrCreate", "classroom"] : ["joinById", code];
      const a = await rawRequest({ port, method: "POST", path: `/matchmake/${method}/${room}`, from: ATTACKER, headers: { "content-type": "application/json" }, body: ["{}"] });
      answered(a.status);
    });
  }
  // 200 heads dripping a byte at a time from one address (item 6).
  let sockets: Socket[] = [];
  let drip: ReturnType<typeof setInterval> | undefined;
  const opened = openSockets(port, 200, ATTACKER).then((s) => {
    sockets = s;
    held = Math.max(held, s.filter((x) => !x.destroyed).length);
    for (const x of s) if (!x.destroyed) x.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
    drip = setInterval(() => { for (const x of sockets) if (!x.destroyed) x.write("a"); }, 200);
  });
  return async () => {
    await opened;
    clearInterval(drip);
    for (const x of sockets) x.destroy();
  };
}

let stop: (() => Promise<void>) | null = null;
parentPort!.on("message", async (m: string) => {
  if (m === "attack" && !stop) stop = start();
  else if (m === "calm") {
    await stop?.();
    stop = null;
    parentPort!.postMessage({ calm: true });
  } else if (m === "stop") {
    await stop?.();
    parentPort!.postMessage({ report: { statuses, held } satisfies AttackReport });
    parentPort!.close();
  }
});
parentPort!.postMessage({ ready: true });
