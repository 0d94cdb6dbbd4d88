// `npm run start:cluster` as a person runs it: the cluster's main (server/cluster/main.ts) with two processes on a
// throwaway Redis and PostgreSQL. One address: classes opened through it are spread over both processes, students
// who join through it reach their class's process, every process serves the same pages, the device's address (not
// what it claims in X-Forwarded-For) is what the wrong-code limit counts, a killed process is started again, and
// Ctrl-C stops every process cleanly.

import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Client } from "@colyseus/sdk";
import { randomJoinCode } from "../../server/rooms/classroom/joinCodes.ts";
import { TOO_MANY_TRIES } from "../../server/http/rateLimiter.ts";
import { listenAll } from "./classDevices.ts";
import { childPids, portFree, startClusterProcess, type ClusterProcess } from "./clusterProcess.ts";
import { startPostgresCluster, type PostgresCluster } from "./postgresCluster.ts";
import { startRedisServer, type RedisServer } from "./redisServer.ts";
import { waitFor } from "./startTestServer.ts";

const HEALTH_TOKEN = "front-test-token";
let redis: RedisServer;
let pg: PostgresCluster;
let dir: string;
let cluster: ClusterProcess;
let frontUrl = "";
let ports: number[] = [];

beforeAll(async () => {
  [redis, pg] = await Promise.all([startRedisServer(), startPostgresCluster()]);
  dir = mkdtempSync(join(tmpdir(), "cytokine-front-"));
  cluster = await startClusterProcess(2, { REDIS_URL: redis.url, DATABASE_URL: pg.createDatabase("front"), RESULTS_DB: join(dir, "results.sqlite"), HEALTH_TOKEN });
  ({ frontUrl, ports } = cluster);
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
  await redis?.stop();
  pg?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

async function health(port: number): Promise<{ rooms: number; clients: number }> {
  return (await (await fetch(`http://127.0.0.1:${port}/health`, { headers: { "x-health-token": HEALTH_TOKEN } })).json()) as { rooms: number; clients: number };
}

describe("start:cluster: two processes behind one address", () => {
  test("every process serves the same page as the front", async () => {
    const page = async (base: string) => {
      const res = await fetch(`${base}/`);
      return { status: res.status, body: await res.text() };
    };
    const viaFront = await page(frontUrl);
    expect(viaFront.body.length).toBeGreaterThan(0);
    for (const port of ports) expect(await page(`http://127.0.0.1:${port}`)).toEqual(viaFront);
  });

  test("two classes opened through the front live on the two processes; students joining through the front reach each", async () => {
    const teachers = [];
    for (let i = 0; i < 2; i++) {
      const t = listenAll(await new Client(frontUrl).create("classroom", { mode: "classroom", days: 0.25 }));
      await waitFor("the session info", () => t.sessions.length > 0);
      teachers.push(t);
    }
    await waitFor("one class on each process", async () => (await Promise.all(ports.map(health))).every((h) => h.rooms === 1));
    const students = await Promise.all(teachers.flatMap((t) => [0, 1].map(async () => {
      const s = listenAll(await new Client(frontUrl).joinById(t.sessions[0].code));
      await s.client.waitForInitialState();
      return s;
    })));
    expect(students.map((s) => s.client.roomId)).toEqual(teachers.flatMap((t) => [t.sessions[0].code, t.sessions[0].code]));
    // Each process holds its teacher and two students.
    await waitFor("three devices on each process", async () => (await Promise.all(ports.map(health))).every((h) => h.clients === 3));
    await Promise.all([...students, ...teachers].map((d) => d.client.leave()));
  });

  test("the wrong-code limit counts the device's own address, whatever X-Forwarded-For it writes", async () => {
    const check = (forged: string) => fetch(`${frontUrl}/api/classroom/check`, {
      method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": forged }, body: JSON.stringify({ code: randomJoinCode() }),
      signal: AbortSignal.timeout(25_000),
    });
    for (let i = 0; i < 10; i++) expect((await check(`10.4.0.${i}`)).status).toBe(404);
    const over = await check("10.4.1.1");
    expect(over.status).toBe(429);
    expect(await over.json()).toEqual({ ok: false, error: TOO_MANY_TRIES });
  });

  test("a process killed: the pages still answer through the front, and the process is started again on its port", async () => {
    const pids = childPids(cluster.pid);
    expect(pids).toHaveLength(2);
    process.kill(pids[0], "SIGKILL");
    for (let i = 0; i < 10; i++) expect((await fetch(`${frontUrl}/health`)).status).toBe(200);
    await waitFor("the restart said", () => /Process \d stopped \(SIGKILL\); starting it again on port \d+/.test(cluster.output()), 15_000);
    await waitFor("both processes answer again", async () => (await Promise.all(ports.map((p) => portFree(p)))).every((free) => !free), 60_000);
    expect(childPids(cluster.pid)).toHaveLength(2);
  }, 90_000);

  test("Ctrl-C in the front's terminal stops every process cleanly (each releases its SQLite lock on the way out)", async () => {
    expect(readdirSync(dir).filter((f) => f.endsWith(".lock"))).toHaveLength(2);
    await cluster.interrupt();
    for (const port of ports) expect(await portFree(port)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith(".lock"))).toEqual([]);
  }, 70_000);
});
