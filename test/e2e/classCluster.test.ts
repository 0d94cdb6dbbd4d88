// A class in real browsers against `npm run start:cluster` with two processes (throwaway Redis and PostgreSQL): the
// pages, the class code and every WebSocket go through the one address, whichever process holds the class (the
// same origin, so the pages' Content-Security-Policy and the servers' origin check hold as with one process). The
// teacher opens a class, a student's phone joins by the link, both see each other, and the round starts on both.
// Screenshots: test-artifacts/e2e/class-cluster-*.png.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ARTIFACTS_DIR, launchBrowser, type FencedPage, type TestBrowser } from "./browser.ts";
import { ensureClientBuilt } from "./serverProcess.ts";
import { startClusterProcess, type ClusterProcess } from "../server/clusterProcess.ts";
import { startPostgresCluster, type PostgresCluster } from "../server/postgresCluster.ts";
import { startRedisServer, type RedisServer } from "../server/redisServer.ts";

const HEALTH_TOKEN = "class-cluster-token";
const UI = { timeout: 60_000, interval: 500 };
let redis: RedisServer;
let pg: PostgresCluster;
let dir: string;
let cluster: ClusterProcess;
let tb: TestBrowser;
let teacher: FencedPage;
let student: FencedPage;

beforeAll(async () => {
  ensureClientBuilt();
  [redis, pg] = await Promise.all([startRedisServer(), startPostgresCluster()]);
  dir = mkdtempSync(join(tmpdir(), "cytokine-class-cluster-"));
  cluster = await startClusterProcess(2, { REDIS_URL: redis.url, DATABASE_URL: pg.createDatabase("class_cluster"), RESULTS_DB: join(dir, "results.sqlite"), HEALTH_TOKEN });
  tb = await launchBrowser({ width: 960, height: 640 });
  teacher = tb;
  student = await tb.newPage({ width: 390, height: 844 }, { touch: true });
}, 240_000);

afterAll(async () => {
  await tb?.close();
  if (cluster) writeFileSync(join(ARTIFACTS_DIR, "class-cluster-server.log"), cluster.output());
  await cluster?.stop();
  await redis?.stop();
  pg?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

const rooms = async (port: number) =>
  ((await (await fetch(`http://127.0.0.1:${port}/health`, { headers: { "x-health-token": HEALTH_TOKEN } })).json()) as { rooms: number }).rooms;

describe("a class through start:cluster's one address", () => {
  test("the teacher opens a class, a student's phone joins by the link, and the round starts on both pages", async () => {
    const tp = teacher.page;
    await tp.goto(cluster.frontUrl + "/", { waitUntil: "load" });
    await tp.getByRole("button", { name: "Teach a class" }).click();
    await tp.locator("#class-setup").getByRole("button", { name: "Open the class" }).click();
    const title = tp.getByRole("heading", { level: 1, name: /^Class / });
    await title.waitFor({ state: "visible", timeout: 60_000 });
    const code = ((await title.textContent()) ?? "").replace(/^Class /, "").replace(/\s/g, "");
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    // The join link is the one address, not a process's own port.
    await expect.poll(() => tp.locator(".join-link").textContent(), UI).toBe(`${cluster.frontUrl}/?code=${code}`);
    // The class lives on one of the two processes.
    expect((await Promise.all(cluster.ports.map(rooms))).sort()).toEqual([0, 1]);

    const sp = student.page;
    await sp.goto(`${cluster.frontUrl}/?code=${code}`, { waitUntil: "load" });
    await sp.getByRole("heading", { level: 1, name: /^You are / }).waitFor({ state: "visible", timeout: 60_000 });
    await expect.poll(() => sp.getByText("Waiting for your teacher to start the round").count(), UI).toBe(1);
    // Keeps the session the page hands to the play interface, to read the synced state (as classroom.test.ts does).
    await sp.evaluate(`window.__e2e = { session: null }; window.cytokine.bus.on("round-start", (s) => { window.__e2e.session = s; });`);
    await expect.poll(() => tp.getByRole("heading", { name: "1 student here" }).count(), UI).toBe(1);
    await teacher.shot("class-cluster-1-teacher-lobby");
    await student.shot("class-cluster-2-student-lobby");

    await tp.getByRole("button", { name: "Start the round" }).click();
    for (const p of [teacher, student]) await p.page.locator("#play-ui").waitFor({ state: "visible", timeout: 90_000 });
    // The round's state reaches the phone through the front: the phase, and the tissue's cells.
    const synced = () => sp.evaluate(() => {
      const s = (window as unknown as { __e2e: { session: { room: { state: { phase: string; cells: { size: number } } } } | null } }).__e2e.session;
      return s ? `${s.room.state.phase} ${s.room.state.cells.size > 0 ? "with cells" : "empty"}` : "no session";
    });
    await expect.poll(synced, UI).toBe("playing with cells");
    await student.shot("class-cluster-3-student-playing");
    for (const p of [teacher, student]) expect(p.blocked).toEqual([]);
  });
});
