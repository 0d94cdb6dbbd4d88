// The restart flood's attacker on its own thread, for test/server/abuseLoad.test.ts: as on a visitor's own machine,
// decoding what the server sends (a new tissue's full state after each restart) costs the server nothing. Opens a solo
// room and a class (started), reports {ready}; on "attack" sends 50 control messages a second from each (restarts and
// speed 1; the class's new rounds, starts and speed 1), on "calm" stops; on "stop" reports {rounds, refusals} and leaves.

import { parentPort, workerData } from "node:worker_threads";
import { Client } from "@colyseus/sdk";
import { ClassroomClientMessage, ClassroomServerMessage } from "../../shared/net/classroom.ts";
import { ClientMessage, ServerMessage } from "../../shared/net/messages.ts";

const { url } = workerData as { url: string };
const solo = await new Client(url).create("tissue", { scenarioId: "viral" });
let refusals = 0;
solo.onMessage("*", (type) => { if (type === ServerMessage.refused) refusals++; });
const teacher = await new Client(url).create("classroom", { mode: "classroom", scenarioId: "viral" });
let secret = "";
teacher.onMessage("*", (type, m: { hostSecret?: string }) => { if (type === ClassroomServerMessage.session && m?.hostSecret) secret = m.hostSecret; });
while (!secret) await new Promise((resolve) => setTimeout(resolve, 20));
teacher.send(ClassroomClientMessage.teacher, { secret, action: "start" });
const roundAtStart = () => Number(solo.state.round ?? 0);
while (roundAtStart() === 0 || teacher.state.phase !== "playing") await new Promise((resolve) => setTimeout(resolve, 20));
const startRound = roundAtStart();
parentPort!.postMessage({ ready: true });

let timer: ReturnType<typeof setInterval> | null = null;
let k = 0;
parentPort!.on("message", async (m: string) => {
  if (m === "attack" && !timer) {
    timer = setInterval(() => {
      for (let i = 0; i < 5; i++, k++) {
        solo.send(ClientMessage.control, k % 2 ? { action: "restart" } : { action: "speed", speed: 1 });
        teacher.send(ClassroomClientMessage.teacher, { secret, ...(k % 3 === 0 ? { action: "newRound" } : k % 3 === 1 ? { action: "start" } : { action: "speed", speed: 1 }) });
      }
    }, 100);
  } else if (m === "calm" && timer) {
    clearInterval(timer);
    timer = null;
  } else if (m === "stop") {
    if (timer) clearInterval(timer);
    parentPort!.postMessage({ rounds: roundAtStart() - startRound, refusals, open: solo.connection.isOpen && teacher.connection.isOpen });
    await Promise.all([solo.leave(), teacher.leave()]).catch(() => {});
    parentPort!.close();
  }
});
