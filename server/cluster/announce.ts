// A server process started by `npm run start:cluster` tells the front (cluster/main.ts, its parent) which Colyseus
// process id it has and where it listens, so the front can route its rooms' WebSockets, and when it starts draining;
// and it stops when the front is gone, rather than run on unreachable. Does nothing in a process started any other way. Called by server/main.ts.

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

/** What a process sends the front when it starts draining (stopped on purpose): no new request for it. */
export interface ProcessDraining {
  type: "cytokine:draining";
  port: number;
}

export function isProcessDraining(message: unknown): message is ProcessDraining {
  const m = message as Partial<ProcessDraining> | null;
  return typeof m === "object" && m !== null && m.type === "cytokine:draining" && typeof m.port === "number";
}

let listeningPort: number | null = null;

/** Tells the front that this process drains, so it sends new classes and pages elsewhere (server/main.ts, on SIGTERM). */
export function tellClusterFrontDraining(): void {
  if (process.env.CLUSTER_FRONT !== "1" || !process.send || !process.connected || listeningPort === null) return;
  const draining: ProcessDraining = { type: "cytokine:draining", port: listeningPort };
  process.send(draining);
}

export function tellClusterFront(port: number): void {
  if (process.env.CLUSTER_FRONT !== "1" || !process.send) return;
  listeningPort = port;
  const ready: ProcessReady = { type: "cytokine:listening", processId: matchMaker.processId, port };
  process.send(ready);
  process.once("disconnect", () => process.kill(process.pid, "SIGTERM")); // the front stopped: stop as a SIGTERM would
}
