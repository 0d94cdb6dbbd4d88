// A throwaway Redis for the cluster tests: Debian's redis-server on a free 127.0.0.1 port, nothing saved to disk,
// in the foreground as a child of the test, ended afterwards. When the program is missing it fails with the command
// that installs it (never skips). The system's own Redis service, if any, is not touched.

import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { watchChild } from "./childWatch.ts";

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const REDIS_SERVER = process.env.REDIS_SERVER || "/usr/bin/redis-server";

export const freePort = (): Promise<number> => new Promise((resolve, reject) => {
  const s = createServer();
  s.once("error", reject);
  s.listen(0, "127.0.0.1", () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});

/** Answers whether something accepts connections on 127.0.0.1:port now. */
const answers = (port: number): Promise<boolean> => new Promise((resolve) => {
  const c = createConnection({ host: "127.0.0.1", port }, () => {
    c.end();
    resolve(true);
  });
  c.once("error", () => resolve(false));
});

export async function startRedisServer(timeoutMs = 15_000): Promise<RedisServer> {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(`${REDIS_SERVER} is missing. The cluster tests need Redis's server program: run \`apt-get install -y redis-server\` (as root), or set REDIS_SERVER to it.`);
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "cytokine-redis-"));
  const child: ChildProcess = spawn(REDIS_SERVER, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", dir], { stdio: ["ignore", "pipe", "pipe"] });
  const watched = watchChild(child, 5000);
  const stop = async () => {
    await watched.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (!(await answers(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`redis-server did not start on port ${port}:\n${watched.output()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `redis://127.0.0.1:${port}`, port, stop };
}
