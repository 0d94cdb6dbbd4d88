// `npm run start:cluster` for the tests: server/cluster/main.ts spawned with N processes on free loopback ports
// (the front on one, the processes on N in a row), on the Redis and PostgreSQL the test gives; resolves once the
// front says its address. Used by test/server/clusterFront.test.ts and test/e2e/classCluster.test.ts.

import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_DIR } from "../e2e/serverProcess.ts";
import { freePort } from "./redisServer.ts";
import { watchChild } from "./childWatch.ts";
import { waitFor } from "./startTestServer.ts";

export interface ClusterProcess {
  frontUrl: string;
  /** The processes' ports, in order. */
  ports: number[];
  /** The front's pid (its children are the processes). */
  pid: number;
  output(): string;
  /** Resolves when the front has exited. */
  exited: Promise<void>;
  /** SIGTERM to the front (SIGKILL after 30 s); resolves when the front has exited. */
  stop(): Promise<void>;
  /** SIGINT to the front's whole process group, as Ctrl-C in its terminal; resolves when the front has exited. */
  interrupt(): Promise<void>;
}

/** Whether nothing answers HTTP on 127.0.0.1:port now. */
export const portFree = async (port: number) => fetch(`http://127.0.0.1:${port}/`).then(() => false, () => true);

/** N free ports in a row (tried a bounded number of times). */
async function freePortsInARow(n: number): Promise<number> {
  for (let k = 0; k < 20; k++) {
    const p = await freePort();
    if (p + n - 1 > 65535) continue;
    let free = true;
    for (let i = 1; i < n && free; i++) free = await portFree(p + i);
    if (free) return p;
  }
  throw new Error(`no ${n} free ports in a row`);
}

/** The live child processes of `parent` (Linux: read from /proc). */
export function childPids(parent: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(ppid) === parent && state !== "Z") pids.push(Number(entry));
    } catch { /* gone meanwhile */ }
  }
  return pids;
}

export async function startClusterProcess(processes: number, env: Record<string, string>, timeoutMs = 90_000): Promise<ClusterProcess> {
  const first = await freePortsInARow(processes);
  const port = await freePort();
  const child: ChildProcess = spawn(join(REPO_DIR, "node_modules/.bin/node"), ["server/cluster/main.ts"], {
    cwd: REPO_DIR,
    env: { ...process.env, NODE_NO_WARNINGS: "1", ...env, CLUSTER_PROCESSES: String(processes), PORT: String(port), CLUSTER_FIRST_PORT: String(first), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, as in a terminal of its own (interrupt() is its Ctrl-C)
  });
  const { output, exited, stop } = watchChild(child, 30_000);
  const said = new RegExp(`\\(${processes} processes on ports \\d+-\\d+\\) is running at http://127\\.0\\.0\\.1:${port}/`);
  try {
    await waitFor("the cluster's address", () => said.test(output()) || child.exitCode !== null, timeoutMs);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}:\n${output()}`);
  }
  if (child.exitCode !== null) throw new Error(`start:cluster exited (code ${child.exitCode}):\n${output()}`);
  return {
    frontUrl: `http://127.0.0.1:${port}`,
    ports: Array.from({ length: processes }, (_, i) => first + i),
    pid: child.pid!,
    output,
    exited,
    stop,
    interrupt: async () => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGINT");
      await exited;
    },
  };
}
