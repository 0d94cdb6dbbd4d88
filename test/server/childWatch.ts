// What the tests' helpers that start a program of their own (redisServer.ts, clusterProcess.ts, e2e/serverProcess.ts)
// keep of it: its printed output, a promise of its exit, and stop(): SIGTERM, then SIGKILL if it has not gone within
// `killAfterMs`.

import type { ChildProcess } from "node:child_process";

export interface WatchedChild {
  output(): string;
  exited: Promise<void>;
  stop(): Promise<void>;
}

export function watchChild(child: ChildProcess, killAfterMs: number): WatchedChild {
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    await exited;
    clearTimeout(timer);
  };
  return { output: () => output, exited, stop };
}
