// `npm run start:cluster`: several game server processes on this machine as one game, at one address. It starts
// CLUSTER_PROCESSES processes (default: one per core) on the ports after PORT, on 127.0.0.1, sharing Redis
// (REDIS_URL) and the classroom results in PostgreSQL (DATABASE_URL), and the front (front.ts) on HOST:PORT routes
// people to them. Each process keeps its live classes' checkpoints in its own SQLite file beside RESULTS_DB. A
// process that stops unexpectedly is started again (it brings its classes back); SIGINT/SIGTERM stop them all.

import { fork, type ChildProcess } from "node:child_process";
import type { AddressInfo } from "node:net";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { isProcessDraining, isProcessReady } from "./announce.ts";
import { createFront, ProcessTable } from "./front.ts";
import { clusterSettingsFromEnv, type ClusterSettings } from "./clusterSettings.ts";

const SERVER_MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));
const DEFAULT_RESULTS_DB = fileURLToPath(new URL("../../data/results.sqlite", import.meta.url));
/** A process that stops this many times within a minute is not started again. */
const MAX_RESTARTS_PER_MINUTE = 5;

let settings: ClusterSettings;
try {
  settings = clusterSettingsFromEnv(process.env, availableParallelism(), DEFAULT_RESULTS_DB);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

const table = new ProcessTable();
const children = new Map<number, ChildProcess>();
const restarts = new Map<number, number[]>();
let stopping = false;
let frontListening = false;
let said = false;

/** The address to open, once the front listens and every process is ready (then again after a restart, quietly). */
function sayWhereOnceReady(): void {
  if (said || !frontListening || table.size < settings.processes) return;
  said = true;
  const shownHost = settings.host.includes(":") ? `[${settings.host}]` : settings.host;
  const address = front.address() as AddressInfo;
  console.log(`Cytokine Command (${settings.processes} processes on ports ${settings.firstPort}-${settings.firstPort + settings.processes - 1}) is running at http://${shownHost}:${address.port}/`);
  if (settings.host === "0.0.0.0" || settings.host === "::") console.log("Listening on every network interface: anyone on the network can connect.");
}

function prefixLines(index: number, stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream): void {
  let rest = "";
  stream?.on("data", (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) out.write(`[process ${index + 1}] ${line}\n`);
  });
}

function start(index: number): void {
  const port = settings.firstPort + index;
  const child = fork(SERVER_MAIN, [], {
    env: { ...process.env, ...settings.processEnv(index) },
    execArgv: ["--disable-warning=ExperimentalWarning"],
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    // Its own process group: a terminal's Ctrl-C reaches the front alone, which asks each process once (a second
    // signal would cut a process's drain short); a front that dies leaves them through the IPC channel (announce.ts).
    detached: true,
  });
  children.set(index, child);
  prefixLines(index, child.stdout, process.stdout);
  prefixLines(index, child.stderr, process.stderr);
  let listening = false;
  child.on("message", (message) => {
    if (isProcessDraining(message)) return table.remove(message.port); // new requests go to the other processes
    if (!isProcessReady(message)) return;
    listening = true;
    table.add(message.processId, message.port);
    sayWhereOnceReady();
  });
  child.once("exit", (code, signal) => {
    table.remove(port);
    children.delete(index);
    if (stopping) {
      if (children.size === 0) process.exit(0);
      return;
    }
    if (!listening) {
      console.error(`Process ${index + 1} stopped before it listened (${signal ?? `code ${code}`}): see its message above. Stopping the cluster.`);
      return stopAll(1);
    }
    const now = Date.now();
    const recent = (restarts.get(index) ?? []).filter((t) => now - t < 60_000);
    restarts.set(index, [...recent, now]);
    if (recent.length + 1 >= MAX_RESTARTS_PER_MINUTE) {
      console.error(`Process ${index + 1} stopped ${MAX_RESTARTS_PER_MINUTE} times within a minute; it is not started again.`);
      return;
    }
    console.error(`Process ${index + 1} stopped (${signal ?? `code ${code}`}); starting it again on port ${port}.`);
    setTimeout(() => start(index), 1000).unref();
  });
}

function stopAll(exitCode: number): void {
  if (stopping) return;
  stopping = true;
  front.close();
  if (children.size === 0) process.exit(exitCode);
  for (const child of children.values()) child.kill("SIGTERM"); // each process stops as a SIGTERM says (it drains)
  process.exitCode = exitCode;
  // Processes that do not stop in time are ended.
  setTimeout(() => {
    for (const child of children.values()) child.kill("SIGKILL");
    process.exit(exitCode);
  }, 60_000).unref();
}

const front = createFront(table, settings.connectionsPerAddress ? { connectionsPerAddress: settings.connectionsPerAddress } : {}, settings.trustedProxies);
front.once("error", (err) => {
  console.error(`Could not listen on ${settings.host}:${settings.port}: ${err.message}`);
  stopAll(1);
});
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));
for (let i = 0; i < settings.processes; i++) start(i);
front.listen(settings.port, settings.host, () => {
  frontListening = true;
  sayWhereOnceReady();
});
