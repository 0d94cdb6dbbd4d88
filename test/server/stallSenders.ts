// Honest senders on their own thread, for test/server/abuseStall.test.ts: `count` students join a class by its code
// and each sends `perSecond` messages a second from this thread's event loop, which keeps running (and its sockets
// keep sending) while the server's loop in the test's main thread is blocked. Reports {joined}, then on "stop"
// {sent, closed}: the close codes of any sender the server closed.

import { parentPort, workerData } from "node:worker_threads";
import { Client, type Room } from "@colyseus/sdk";

interface Job { url: string; code: string; count: number; perSecond: number; type: string; payload: unknown }

const job = workerData as Job;
const rooms: Room[] = [];
const closed: number[] = [];
let sent = 0;
for (let i = 0; i < job.count; i++) {
  const room = await new Client(job.url).joinById(job.code);
  room.onMessage("*", () => {});
  room.onLeave((code: number) => closed.push(code));
  rooms.push(room);
}
parentPort!.postMessage({ joined: rooms.length });
const timer = setInterval(() => {
  for (const room of rooms) {
    if (!room.connection.isOpen) continue;
    room.send(job.type, job.payload);
    sent++;
  }
}, 1000 / job.perSecond);
parentPort!.on("message", async (m: string) => {
  if (m !== "stop") return;
  clearInterval(timer);
  await new Promise((resolve) => setTimeout(resolve, 300)); // closes in flight arrive
  parentPort!.postMessage({ sent, closed: [...closed] });
  for (const room of rooms) if (room.connection.isOpen) await room.leave().catch(() => {});
  parentPort!.close();
});
