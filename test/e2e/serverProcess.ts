// Starts the real game server for browser tests the way `npm start` does (build the client, then
// `node server/main.ts`), but on a port the OS picks on 127.0.0.1, and stops it afterwards. Also used by the room
// benchmark. Builds the client only when dist/client is missing or older than the sources.

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { watchChild } from "../server/childWatch.ts";

export const REPO_DIR = fileURLToPath(new URL("../../", import.meta.url));
const NODE = join(REPO_DIR, "node_modules/.bin/node");
const BUILT_INDEX = join(REPO_DIR, "dist/client/index.html");
/** What the client bundle is made from: a change in any of them makes dist/client stale. */
const CLIENT_SOURCES = ["client", "shared", "assets", "package-lock.json"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when dist/client is missing or a client source changed after it was built. */
export function clientIsStale(): boolean {
  if (!existsSync(BUILT_INDEX)) return true;
  const built = statSync(BUILT_INDEX).mtimeMs;
  return CLIENT_SOURCES.some((p) => newestMtime(join(REPO_DIR, p)) > built);
}

/** Runs `npm run build` when the built client is missing or stale; throws with vite's output if it fails. */
export function ensureClientBuilt(log: (line: string) => void = () => {}): void {
  if (!clientIsStale()) return;
  log("building the client (npm run build)…");
  const result = spawnSync("npm", ["run", "build"], { cwd: REPO_DIR, encoding: "utf8", timeout: 180_000 });
  if (result.status !== 0) {
    throw new Error(`npm run build failed (status ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

export interface ServerProcess {
  baseUrl: string;
  port: number;
  /** Everything the server printed so far (stdout and stderr), for failure messages. */
  output(): string;
  /** The exit code or signal if the server has stopped, else null. */
  exited(): string | null;
  stop(): Promise<void>;
  /** Kills the process at once with `signal` (SIGKILL: a crash, nothing saved on the way out) and waits for it to end. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

const RUNNING_LINE = /running at http:\/\/127\.0\.0\.1:(\d+)\//;

/**
 * Spawns `node server/main.ts` with PORT=0 and HOST=127.0.0.1, reads the port it prints, and waits until /health
 * answers. `env` adds environment variables (for instance NODE_OPTIONS for the benchmark's hooks); `port` asks for a
 * given port instead (the kiosk test restarts the server where the page expects it). Unless `env` names a RESULTS_DB,
 * the server keeps its classes in a SQLite file of its own in a temporary folder, removed when it exits: never the
 * checkout's data/results.sqlite, which a developer's own `npm start` holds (one SQLite file serves one process).
 */
export async function startServerProcess(options: { timeoutMs?: number; env?: Record<string, string>; port?: number } = {}): Promise<ServerProcess> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const ownDir = options.env?.RESULTS_DB ? null : mkdtempSync(join(tmpdir(), "cytokine-e2e-"));
  const resultsDb = options.env?.RESULTS_DB ?? join(ownDir!, "results.sqlite");
  const child: ChildProcess = spawn(NODE, ["server/main.ts"], {
    cwd: REPO_DIR,
    env: { ...process.env, ...options.env, RESULTS_DB: resultsDb, PORT: String(options.port ?? 0), HOST: "127.0.0.1", NODE_NO_WARNINGS: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (ownDir) child.once("exit", () => rmSync(ownDir, { recursive: true, force: true }));
  const { output, exited, stop } = watchChild(child, 5000);

  const deadline = Date.now() + timeoutMs;
  let port = 0;
  while (!port) {
    const m = RUNNING_LINE.exec(output());
    if (m) port = Number(m[1]);
    else if (child.exitCode !== null) throw new Error(`the game server exited (code ${child.exitCode}) before listening:\n${output()}`);
    else if (Date.now() > deadline) {
      await stop();
      throw new Error(`the game server did not say where it listens within ${timeoutMs} ms:\n${output()}`);
    } else await sleep(50);
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}/health`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`/health did not answer within ${timeoutMs} ms:\n${output()}`);
    }
    await sleep(50);
  }
  const exitedAs = () => (child.exitCode !== null ? `code ${child.exitCode}` : child.signalCode !== null ? `signal ${child.signalCode}` : null);
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await exited;
  };
  return { baseUrl, port, output, exited: exitedAs, stop, kill };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
