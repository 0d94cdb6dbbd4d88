// What `npm run start:cluster` reads from the environment, checked up front with sentences that say what to set:
// REDIS_URL and DATABASE_URL (required), CLUSTER_PROCESSES (default: the cores), PORT and HOST for the front,
// CLUSTER_FIRST_PORT (default PORT+1) for the processes, and the environment each process gets. Used by main.ts.

import { positiveIntFromEnv } from "../http/limits.ts";
import { trustedProxiesFromEnv } from "./trustedProxy.ts";

export interface ClusterSettings {
  processes: number;
  host: string;
  port: number;
  firstPort: number;
  connectionsPerAddress: number | undefined;
  /** Proxies in front of the front (TRUST_PROXY): their X-Forwarded-For names the device. */
  trustedProxies: string[];
  /** The environment process `index` (from 0) gets on top of the cluster's own. */
  processEnv(index: number): Record<string, string>;
}

export const CLUSTER_MESSAGES = {
  redis: "start:cluster runs several processes that share their rooms through Redis: set REDIS_URL (e.g. REDIS_URL=redis://127.0.0.1:6379). On Debian: apt-get install redis-server.",
  database: "start:cluster runs several processes, and classroom results must then live in a database they all reach, not in one SQLite file: set DATABASE_URL (e.g. DATABASE_URL=postgres://user:password@127.0.0.1:5432/cytokine). On Debian: apt-get install postgresql.",
} as const;

function port(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} must be an integer from 0 to 65535, not "${raw}"`);
  return n;
}

/** The process's own SQLite file for its live classes' checkpoints: `results.sqlite` → `results-process-2.sqlite`. */
export function processSqlitePath(resultsDb: string, index: number): string {
  return resultsDb.replace(/(\.sqlite3?|\.db)?$/, (ext) => `-process-${index + 1}${ext || ".sqlite"}`);
}

export function clusterSettingsFromEnv(env: NodeJS.ProcessEnv, cores: number, defaultResultsDb: string): ClusterSettings {
  if (!env.REDIS_URL?.trim()) throw new Error(CLUSTER_MESSAGES.redis);
  if (!env.DATABASE_URL?.trim()) throw new Error(CLUSTER_MESSAGES.database);
  const processes = positiveIntFromEnv("CLUSTER_PROCESSES", env.CLUSTER_PROCESSES) ?? Math.max(1, cores);
  const frontPort = port("PORT", env.PORT, 2567);
  if (frontPort === 0 && !env.CLUSTER_FIRST_PORT) throw new Error("With PORT=0, set CLUSTER_FIRST_PORT: the processes listen on the ports from there on.");
  const firstPort = port("CLUSTER_FIRST_PORT", env.CLUSTER_FIRST_PORT, frontPort + 1);
  if (firstPort + processes - 1 > 65535) throw new Error(`CLUSTER_PROCESSES=${processes} processes from port ${firstPort} would go past 65535`);
  if (frontPort >= firstPort && frontPort < firstPort + processes) throw new Error(`PORT ${frontPort} is among the processes' ports ${firstPort}-${firstPort + processes - 1}: choose another CLUSTER_FIRST_PORT`);
  const resultsDb = env.RESULTS_DB || defaultResultsDb;
  const trustedProxies = trustedProxiesFromEnv(env.TRUST_PROXY);
  return {
    processes,
    host: env.HOST || "127.0.0.1",
    port: frontPort,
    firstPort,
    trustedProxies,
    connectionsPerAddress: positiveIntFromEnv("MAX_CONNECTIONS_PER_ADDRESS", env.MAX_CONNECTIONS_PER_ADDRESS),
    processEnv: (index) => ({
      PORT: String(firstPort + index),
      HOST: "127.0.0.1", // only the front is reachable from the network
      CLUSTER_FRONT: "1",
      TRUST_PROXY: "127.0.0.1", // the front, which writes the device's address
      RESULTS_DB: processSqlitePath(resultsDb, index),
    }),
  };
}
