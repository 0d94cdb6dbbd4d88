// A server process started by `npm run start:cluster` tells the front (cluster/main.ts, its parent) which Colyseus
// process id it has and where it listens, so the front can route its rooms' WebSockets; and it stops when the front
// is gone, rather than run on unreachable. Does nothing in a process started any other way. Called by server/main.ts.

import { matchMaker } from "@colyseus/core";

/** What a process sends the front once it listens. */
export interface ProcessReady {
  type: "cytokine:listening";
  processId: string;
  port: number;
}

export function isProcessReady(message: unknown): message is ProcessReady {
  const m = message as Partial<ProcessReady> | null;
  return typeof m === "object" && m !== null && m.type === "cytokine:listening" && typeof m.processId === "string" && typeof m.port === "number";
}

export function tellClusterFront(port: number): void {
  if (process.env.CLUSTER_FRONT !== "1" || !process.send) return;
  const ready: ProcessReady = { type: "cytokine:listening", processId: matchMaker.processId, port };
  process.send(ready);
  process.once("disconnect", () => process.kill(process.pid, "SIGTERM")); // the front stopped: stop as a SIGTERM would
}
