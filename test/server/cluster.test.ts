// Two game server processes on one Redis (a throwaway redis-server), each spawned as `node server/main.ts` with
// REDIS_URL, as a school would run them: a class opened through one is joined by students who asked the other, a
// teacher's reload and a student's reconnection through the other process reach their seats, join codes are claimed
// in Redis, and the wrong-code limit per address counts the tries made on both. Also: the refusals of a second
// process on one SQLite file, of a Redis that does not answer, and of start:cluster without a database.

import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Client } from "@colyseus/sdk";
import { Redis } from "ioredis";
import { randomJoinCode } from "../../server/rooms/classroom/joinCodes.ts";
import { sharedJoinCodes } from "../../server/cluster/sharedJoinCodes.ts";
import { sqliteShareRefusal } from "../../server/cluster/sqliteLock.ts";
import { CLUSTER_MESSAGES } from "../../server/cluster/clusterSettings.ts";
import { TOO_MANY_TRIES } from "../../server/http/rateLimiter.ts";
import { CHECK_MESSAGES } from "../../server/http/classroomRoutes.ts";
import { REPO_DIR, startServerProcess, type ServerProcess } from "../e2e/serverProcess.ts";
import { listenAll, type ClassDevice } from "./classDevices.ts";
import { freePort, startRedisServer, type RedisServer } from "./redisServer.ts";
import { waitFor } from "./startTestServer.ts";

const HEALTH_TOKEN = "cluster-test-token";
const NODE = join(REPO_DIR, "node_modules/.bin/node");
let redis: RedisServer;
let a: ServerProcess;
let b: ServerProcess;
let dir: string;
let store: Redis;

beforeAll(async () => {
  redis = await startRedisServer();
  store = new Redis(redis.url);
  dir = mkdtempSync(join(tmpdir(), "cytokine-cluster-"));
  // TRUST_PROXY: the test stands for a reverse proxy, so it can speak for several device addresses.
  const env = (name: string) => ({ REDIS_URL: redis.url, HEALTH_TOKEN, TRUST_PROXY: "127.0.0.1", RESULTS_DB: join(dir, `${name}.sqlite`) });
  [a, b] = await Promise.all([
    freePort().then((port) => startServerProcess({ port, env: env("a") })),
    freePort().then((port) => startServerProcess({ port, env: env("b") })),
  ]);
}, 90_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  store?.disconnect();
  await redis?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 30_000);

async function health(p: ServerProcess): Promise<{ rooms: number; clients: number }> {
  const res = await fetch(`${p.baseUrl}/health`, { headers: { "x-health-token": HEALTH_TOKEN } });
  return (await res.json()) as { rooms: number; clients: number };
}

/** The class code check as a page makes it, from the device address `from` (written by the trusted proxy). */
async function check(p: ServerProcess, code: string, from: string): Promise<{ status: number; body: { ok: boolean; error?: string } }> {
  const res = await fetch(`${p.baseUrl}/api/classroom/check`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": from },
    body: JSON.stringify({ code }),
    signal: AbortSignal.timeout(25_000),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; error?: string } };
}

/** Opens a class through `p`; returns the teacher's device, its session, and which process holds the room. */
async function openClassThrough(p: ServerProcess) {
  const before = await Promise.all([health(a), health(b)]);
  const teacher = listenAll(await new Client(p.baseUrl).create("classroom", { mode: "classroom", days: 0.25 }));
  await waitFor("the session info", () => teacher.sessions.length > 0);
  let holder: ServerProcess | undefined;
  await waitFor("the room listed on one process", async () => {
    const [ha, hb] = await Promise.all([health(a), health(b)]);
    holder = ha.rooms > before[0].rooms ? a : hb.rooms > before[1].rooms ? b : undefined;
    return holder !== undefined;
  });
  const other = holder === a ? b : a;
  return { teacher, session: teacher.sessions[0], holder: holder!, other };
}

const seats = (teacher: ClassDevice) => (teacher.client.state as { seats: Map<string, { connected: boolean }> }).seats;

describe("two server processes on one Redis", () => {
  test("a class opened through process A is joined by students who asked process B; their devices are on A", async () => {
    const { teacher, session, holder, other } = await openClassThrough(a);
    expect([holder, other]).toEqual([a, b]); // the process asked makes the room
    expect(await check(other, session.code, "10.1.0.1")).toEqual({ status: 200, body: { ok: true, code: session.code } });
    const students = await Promise.all([1, 2, 3].map(async () => {
      const d = listenAll(await new Client(other.baseUrl).joinById(session.code));
      await d.client.waitForInitialState();
      return d;
    }));
    for (const s of students) expect(s.client.roomId).toBe(session.code);
    await waitFor("the teacher sees the three students", () => students.every((s) => seats(teacher).get(s.client.sessionId) !== undefined));
    // Every device is connected to the process that holds the room, none to the one they asked.
    await waitFor("four devices on the class's process", async () => (await health(holder)).clients === 4);
    expect((await health(other)).clients).toBe(0);
    await Promise.all([...students.map((s) => s.client.leave()), teacher.client.leave()]);
  });

  test("a teacher's reload and a student's reconnection through the other process reach their seats", async () => {
    const { teacher, session, other } = await openClassThrough(b);
    const student = listenAll(await new Client(other.baseUrl).joinById(session.code));
    await student.client.waitForInitialState();
    await waitFor("the student's seat", () => seats(teacher).get(student.client.sessionId)?.connected === true);

    // The other process takes the live class's host secret (asked of the class's process), and only it.
    const csv = (secret: string) => fetch(`${other.baseUrl}/api/classroom/${session.code}/results.csv`, { headers: { "x-host-secret": secret, "x-forwarded-for": "10.3.0.1" } });
    expect((await csv(session.hostSecret)).status).toBe(200);
    expect((await csv("0".repeat(64))).status).toBe(403);

    // The teacher's page reloads and asks the process that does not hold the class, with the host secret.
    teacher.client.reconnection.enabled = false;
    await teacher.client.leave(false);
    const reloaded = listenAll(await new Client(other.baseUrl).joinById(session.code, { hostSecret: session.hostSecret }));
    await waitFor("the class's code and secret, sent to teachers only", () => reloaded.sessions.length > 0);
    expect(reloaded.sessions[0]).toMatchObject({ code: session.code, hostSecret: session.hostSecret });

    // The student's connection drops; the device comes back through the other process with its token, to its own seat.
    const id = student.client.sessionId, token = student.client.reconnectionToken;
    student.client.reconnection.enabled = false;
    await student.client.leave(false);
    await waitFor("the seat away", () => seats(reloaded).get(id)?.connected === false);
    const back = listenAll(await new Client(other.baseUrl).reconnect(token));
    expect(back.client.sessionId).toBe(id);
    await waitFor("the seat back", () => seats(reloaded).get(id)?.connected === true);
    await Promise.all([back.client.leave(), reloaded.client.leave()]);
  });

  test("join codes are claimed in Redis: a live class's code cannot be claimed again, a released one can", async () => {
    const classes = [await openClassThrough(a), await openClassThrough(b), await openClassThrough(a)];
    const codes = classes.map((c) => c.session.code);
    expect(new Set(codes).size).toBe(codes.length);
    const claims = sharedJoinCodes(store, "test"), rival = sharedJoinCodes(store, "rival");
    try {
      for (const code of codes) expect(await claims.claim(code)).toBe(false); // held by the processes of the live classes
      const fresh = randomJoinCode();
      expect(await claims.claim(fresh)).toBe(true);
      expect(await rival.claim(fresh)).toBe(false);
      claims.release(fresh);
      await waitFor("the released code free", async () => (await store.exists(`cytokine:joincode:${fresh}`)) === 0);
      expect(await rival.claim(fresh)).toBe(true);
      rival.release(fresh);
    } finally {
      claims.stop();
      rival.stop();
      await Promise.all(classes.map((c) => c.teacher.client.leave()));
    }
  });

  test("the wrong-code limit of an address counts its tries on both processes; another address and a right code are not held up", async () => {
    const { teacher, session } = await openClassThrough(a);
    const guesser = "10.2.0.7";
    // Ten wrong codes, five on each process: each process alone would still have five tries left for this address.
    for (let i = 0; i < 10; i++) {
      const wrong = await check(i % 2 === 0 ? a : b, randomJoinCode(), guesser);
      expect(wrong).toEqual({ status: 404, body: { ok: false, error: CHECK_MESSAGES.noClass } });
    }
    const [overA, overB] = await Promise.all([check(a, randomJoinCode(), guesser), check(b, randomJoinCode(), guesser)]);
    expect(overA).toEqual({ status: 429, body: { ok: false, error: TOO_MANY_TRIES } });
    expect(overB).toEqual({ status: 429, body: { ok: false, error: TOO_MANY_TRIES } });
    // The right code from the same address is answered; another address's wrong code spends its own budget.
    expect((await check(b, session.code, guesser)).status).toBe(200);
    expect((await check(b, randomJoinCode(), "10.2.0.8")).status).toBe(404);
    await teacher.client.leave();
  });
});

describe("what a process refuses", () => {
  test("a second process on the same SQLite file refuses to start, naming the process that holds it", async () => {
    const sqlite = join(dir, "a.sqlite");
    const port = await freePort();
    const result = await promisify(execFile)(NODE, ["server/main.ts"], {
      cwd: REPO_DIR, env: { ...process.env, PORT: String(port), RESULTS_DB: sqlite, NODE_NO_WARNINGS: "1" }, timeout: 30_000,
    }).then(() => null, (err: { code: number; stderr: string }) => err);
    expect(result?.code).toBe(1);
    expect(result?.stderr).toContain(sqlite);
    expect(result?.stderr).toMatch(/Another server process \(pid \d+\) already keeps its classes in the SQLite file/);
    expect(sqliteShareRefusal(sqlite, 1)).toContain("DATABASE_URL");
  });

  test("a process whose Redis does not answer refuses to start, saying so", async () => {
    const nothing = await freePort();
    const result = await promisify(execFile)(NODE, ["server/main.ts"], {
      cwd: REPO_DIR, env: { ...process.env, PORT: String(await freePort()), REDIS_URL: `redis://127.0.0.1:${nothing}`, RESULTS_DB: join(dir, "c.sqlite"), NODE_NO_WARNINGS: "1" }, timeout: 30_000,
    }).then(() => null, (err: { code: number; stderr: string }) => err);
    expect(result?.code).toBe(1);
    expect(result?.stderr).toContain(`Redis at 127.0.0.1:${nothing} (REDIS_URL) did not answer: connect ECONNREFUSED`);
  });

  test("start:cluster without DATABASE_URL says what to set", async () => {
    const result = await promisify(execFile)(NODE, ["server/cluster/main.ts"], {
      cwd: REPO_DIR, env: { ...process.env, REDIS_URL: redis.url, DATABASE_URL: "", NODE_NO_WARNINGS: "1" }, timeout: 30_000,
    }).then(() => null, (err: { code: number; stderr: string }) => err);
    expect(result?.code).toBe(1);
    expect(result?.stderr.trim()).toBe(CLUSTER_MESSAGES.database);
  });
});
