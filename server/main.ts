// Starts the game server: reads PORT and HOST from the environment (defaults 2567 and 127.0.0.1, so nothing is
// exposed to the network unless asked), opens the classroom results (the SQLite file RESULTS_DB, or PostgreSQL when
// DATABASE_URL is set; RETENTION_DAYS), reads the
// security settings (ALLOWED_ORIGINS, HEALTH_TOKEN, MAX_CONNECTIONS_PER_ADDRESS) and the room limits (MAX_ROOMS and
// the others of http/creationLimits.ts), brings back the classes that were live when the server last stopped (their
// checkpoints, in the same file), listens, and prints the address. With REDIS_URL it shares its rooms with other
// processes (PUBLIC_ADDRESS, TRUST_PROXY: server/cluster/); one SQLite file serves one process (a lock beside it).
// Run by `npm start`, and once per process by `npm run start:cluster` (server/cluster/main.ts).

import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { matchMaker } from "@colyseus/core";
import { createGameServer } from "./app.ts";
import { openCheckpointStore, type CheckpointStore } from "./results/checkpointStore.ts";
import { resumeClasses } from "./rooms/classroom/resume.ts";
import { drainServer } from "./drain/drainServer.ts";
import { positiveIntFromEnv } from "./http/limits.ts";
import { creationLimitsFromEnv, type CreationLimits } from "./http/creationLimits.ts";
import { describeStore, openStore, storeChoiceFromEnv } from "./results/openStore.ts";
import type { ResultsStore } from "./results/resultsStore.ts";
import { parseRetentionDays, startRetention } from "./results/retention.ts";
import { openScaleOutFromEnv, type ScaleOut } from "./cluster/scaleOut.ts";
import { trustedProxiesFromEnv } from "./cluster/trustedProxy.ts";
import { lockSqliteFile } from "./cluster/sqliteLock.ts";
import { tellClusterFront, tellClusterFrontDraining } from "./cluster/announce.ts";

const DEFAULT_PORT = 2567;
const DEFAULT_HOST = "127.0.0.1";

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw === "") return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be an integer from 0 to 65535, not "${raw}"`);
    process.exit(1);
  }
  return port;
}

const port = readPort(process.env.PORT);
const host = process.env.HOST || DEFAULT_HOST;

/** Classroom results live here unless RESULTS_DB says otherwise (data/ and *.sqlite are git-ignored). */
const DEFAULT_RESULTS_DB = fileURLToPath(new URL("../data/results.sqlite", import.meta.url));
const resultsPath = process.env.RESULTS_DB || DEFAULT_RESULTS_DB;
const retentionDays = parseRetentionDays(process.env.RETENTION_DAYS);
if (retentionDays === null) {
  console.error(`RETENTION_DAYS must be a number of days above 0, not "${process.env.RETENTION_DAYS}"`);
  process.exit(1);
}
const storeChoice = storeChoiceFromEnv(process.env, DEFAULT_RESULTS_DB);
try {
  lockSqliteFile(resultsPath); // one SQLite file, one process (cluster/sqliteLock.ts)
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
let results: ResultsStore;
try {
  results = await openStore(storeChoice);
} catch (err) {
  console.error(`Could not open the classroom results in ${describeStore(storeChoice)}: ${(err as Error).message}`);
  process.exit(1);
}
let checkpoints: CheckpointStore;
try {
  checkpoints = openCheckpointStore(resultsPath); // live classes' checkpoints: a table in the same file
} catch (err) {
  console.error(`Could not open the class checkpoints in ${resultsPath}: ${(err as Error).message}`);
  process.exit(1);
}
process.on("exit", () => {
  checkpoints.close();
  void results.close();
});
startRetention(results, {
  days: retentionDays,
  onSweep: (deleted) => {
    if (deleted > 0) console.log(`Deleted ${deleted} classroom session(s) older than ${retentionDays} days.`);
  },
});

/** Origins besides the server's own that may call it from a browser, e.g. "https://school.example" (comma-separated). */
const allowedOrigins = (process.env.ALLOWED_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean);
let connectionsPerAddress: number | undefined;
let trustedProxies: string[] = [];
let creation: Partial<CreationLimits> = {};
try {
  connectionsPerAddress = positiveIntFromEnv("MAX_CONNECTIONS_PER_ADDRESS", process.env.MAX_CONNECTIONS_PER_ADDRESS);
  creation = creationLimitsFromEnv(process.env);
  trustedProxies = trustedProxiesFromEnv(process.env.TRUST_PROXY);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
let scaleOut: ScaleOut | null = null; // several processes as one game: REDIS_URL (cluster/scaleOut.ts)
try {
  scaleOut = await openScaleOutFromEnv(process.env, host, port);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
const server = createGameServer({
  handleSignals: true,
  scaleOut: scaleOut ?? undefined,
  trustedProxies,
  results,
  checkpoints,
  allowedOrigins,
  healthToken: process.env.HEALTH_TOKEN || undefined,
  limits: connectionsPerAddress ? { connectionsPerAddress } : {},
  creation,
});
// SIGTERM/SIGINT: drain first (no new rooms, rounds ended and saved, devices told), then Colyseus closes the rooms and exits 0.
server.onBeforeShutdown(async () => { tellClusterFrontDraining(); await drainServer(); });
// Classes that were live when the server last stopped come back before any device can connect (a device that
// comes back to a room not yet made would be told its seat is gone).
await matchMaker.onReady;
let resumed: string[] = [];
try {
  resumed = await resumeClasses(checkpoints, (options) => matchMaker.createRoom("classroom", options));
} catch (err) {
  console.error(`Could not bring back the live classes' checkpoints (the server starts without them): ${(err as Error).message}`);
}
// Colyseus's listen() never settles when binding fails (it only hooks 'error' after success), so race the error.
const bindFailed = new Promise<never>((_, reject) => server.transport.server?.once("error", reject));
try {
  await Promise.race([server.listen(port, host), bindFailed]);
} catch (err) {
  console.error(`Could not listen on ${host}:${port}: ${(err as Error).message}`);
  process.exit(1);
}

const address = server.transport.server?.address() as AddressInfo | null;
const shownHost = host.includes(":") ? `[${host}]` : host;
console.log(`Cytokine Command is running at http://${shownHost}:${address?.port ?? port}/`);
console.log(`Classroom results: ${describeStore(storeChoice)} (kept ${retentionDays} days)`);
tellClusterFront(address?.port ?? port); // under start:cluster only
if (scaleOut) console.log(`Shared with the other processes through ${scaleOut.shown}${scaleOut.publicAddress ? `; devices reach this one at ${scaleOut.publicAddress}` : ""}`);
if (resumed.length) console.log(`Resumed ${resumed.length} live class(es) from their checkpoints: ${resumed.join(", ")}`);
if (host === "0.0.0.0" || host === "::") console.log("Listening on every network interface: anyone on the network can connect.");
