// A process of `npm run start:cluster` fails, and then one is stopped on purpose, while classes play on both: two
// processes on a throwaway Redis and PostgreSQL, a class on each mid-round with SDK students who asked the front.
// Killed outright (SIGKILL, a crash): within seconds its devices lose their connection and the SDK tries their seats
// again; the front starts the process again on its port, which brings the class back from its checkpoint, and the
// devices are back in their own seats by themselves (the same session, the same round, paused for the teacher). The
// other process's class never notices: its students keep getting patches, its ticks advance, nobody is dropped, and
// the rounds saved earlier are in PostgreSQL, whole. Stopped (SIGTERM): that process's round is ended and saved in
// PostgreSQL, its devices are told in a sentence, new classes opened meanwhile through the front are not refused
// (the front passes over the draining process), and the other class carries on. Everything on 127.0.0.1.

import "./browserLikeWebSocket.ts"; // before the SDK: its tries go on after a refused handshake, as in a browser
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Client } from "@colyseus/sdk";
import { ClassroomClientMessage, type TeacherAction } from "../../shared/net/classroom.ts";
import { ServerMessage } from "../../shared/net/messages.ts";
import { checkServerNotice } from "../../shared/net/serverNotice.ts";
import { openStore } from "../../server/results/openStore.ts";
import type { ResultsStore } from "../../server/results/resultsStore.ts";
import { listenAll, type ClassDevice } from "./classDevices.ts";
import { childPids, startClusterProcess, type ClusterProcess } from "./clusterProcess.ts";
import { startPostgresCluster, type PostgresCluster } from "./postgresCluster.ts";
import { startRedisServer, type RedisServer } from "./redisServer.ts";
import { waitFor } from "./startTestServer.ts";

const HEALTH_TOKEN = "failure-test-token";
let redis: RedisServer;
let pg: PostgresCluster;
let dir: string;
let cluster: ClusterProcess;
let results: ResultsStore;

beforeAll(async () => {
  [redis, pg] = await Promise.all([startRedisServer(), startPostgresCluster()]);
  dir = mkdtempSync(join(tmpdir(), "cytokine-failure-"));
  const databaseUrl = pg.createDatabase("failure");
  cluster = await startClusterProcess(2, { REDIS_URL: redis.url, DATABASE_URL: databaseUrl, RESULTS_DB: join(dir, "results.sqlite"), HEALTH_TOKEN });
  results = await openStore({ databaseUrl, sqlitePath: join(dir, "unused.sqlite") });
}, 120_000);

afterAll(async () => {
  await results?.close();
  await cluster?.stop();
  await redis?.stop();
  pg?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** A device with what the cluster's failures show it: patches, drops, reconnections, notices, errors. */
interface Device extends ClassDevice {
  patches: number;
  drops: number;
  reconnects: number;
  errors: number;
  notices: unknown[];
}

function device(d: ClassDevice): Device {
  const x: Device = Object.assign(d, { patches: 0, drops: 0, reconnects: 0, errors: 0, notices: [] as unknown[] });
  // The SDK tries a seat again only for a room joined at least 5 s before the drop; on a quiet machine this test's
  // classes reach their second round sooner than that (a real class has been in its room for minutes).
  d.client.reconnection.minUptime = 0;
  d.client.onStateChange(() => x.patches++);
  d.client.onDrop(() => x.drops++);
  d.client.onReconnect(() => x.reconnects++);
  d.client.onError(() => x.errors++);
  d.client.onMessage(ServerMessage.serverNotice, (n: unknown) => x.notices.push(n));
  return x;
}

interface Class {
  code: string;
  port: number;
  teacher: Device;
  students: Device[];
  act(action: TeacherAction): void;
  state(): { phase: string; tick: number; round: number; paused: boolean };
}

async function roomsOn(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/health`, { headers: { "x-health-token": HEALTH_TOKEN } });
  return ((await res.json()) as { rooms: number }).rooms;
}

/** The pid of the process listening on `port` (read from its environment: start:cluster gives each its PORT). */
function pidOnPort(port: number): number {
  const pid = childPids(cluster.pid).find((p) => readFileSync(`/proc/${p}/environ`, "utf8").split("\0").includes(`PORT=${port}`));
  if (pid === undefined) throw new Error(`no process on port ${port}`);
  return pid;
}

/** A class opened through the front, with two students who joined through it, in round 2 (round 1 saved). */
async function openClass(busy: number[]): Promise<Class> {
  const teacher = device(listenAll(await new Client(cluster.frontUrl).create("classroom", { mode: "classroom", days: 4 })));
  await waitFor("the session info", () => teacher.sessions.length > 0);
  const { code, hostSecret } = teacher.sessions[0];
  let port = 0;
  await waitFor("the class on a process", async () => {
    for (const p of cluster.ports) if (!busy.includes(p) && (await roomsOn(p)) === 1) port = p;
    return port !== 0;
  });
  const students: Device[] = [];
  for (let k = 0; k < 2; k++) {
    const s = device(listenAll(await new Client(cluster.frontUrl).joinById(code)));
    await s.client.waitForInitialState();
    students.push(s);
  }
  const state = () => teacher.client.state as unknown as { phase: string; tick: number; round: number; paused: boolean; seats: Map<string, { bot: string }> };
  await waitFor("two students seated", () => [...state().seats.values()].filter((seat) => !seat.bot).length === 2);
  const act = (action: TeacherAction) => teacher.client.send(ClassroomClientMessage.teacher, { secret: hostSecret, ...action });
  act({ action: "autoBalance" });
  act({ action: "start" });
  await waitFor("round 1 running", () => state().phase === "playing" && state().tick > 3, 30_000);
  act({ action: "end" });
  await waitFor("round 1 ended", () => state().phase === "ended");
  act({ action: "newRound" });
  await waitFor("round 2's lobby", () => state().phase === "lobby" && state().round === 2);
  act({ action: "start" });
  await waitFor("round 2 running", () => state().phase === "playing" && state().tick > 3, 30_000);
  return { code, port, teacher, students, act, state };
}

/** Waits until the class's students have had `patches` more patches each and its clock `ticks` more ticks. */
async function carriesOn(c: Class, patches = 10, ticks = 5): Promise<void> {
  const before = c.students.map((s) => s.patches);
  const tick = c.state().tick;
  await waitFor(`class ${c.code} carrying on`, () => c.students.every((s, i) => s.patches >= before[i] + patches) && c.state().tick >= tick + ticks, 30_000);
}

describe("start:cluster: a process fails, another is stopped, while classes play on both", () => {
  test("kill -9: its devices are told and come back to their seats; the other class carries on; saved rounds intact. SIGTERM: round saved, devices told, new classes not refused", async () => {
    const a = await openClass([]);
    const b = await openClass([a.port]);
    expect(b.port).not.toBe(a.port);
    const all = (c: Class) => [c.teacher, ...c.students];

    // A crash: the process holding class A is killed outright.
    const tokens = a.students.map((s) => s.client.sessionId);
    process.kill(pidOnPort(a.port), "SIGKILL");
    await waitFor("class A's devices to lose their connection", () => all(a).every((d) => d.drops >= 1), 10_000);
    // Class B, on the other process, does not notice.
    await carriesOn(b);
    expect(all(b).map((d) => [d.drops, d.left.length, d.errors])).toEqual(all(b).map(() => [0, 0, 0]));
    // The rounds saved before the crash are in PostgreSQL, whole: round 1 of each class, both students in it.
    for (const c of [a, b]) {
      const rounds = await results.rounds(c.code);
      expect(rounds.map((r) => [r.round, r.players.length])).toEqual([[1, 2]]);
    }

    // The front starts the process again on its port; it brings class A back, and the SDK's own tries reach it.
    await waitFor("class A's devices back in their seats", () => all(a).every((d) => d.reconnects === 1), 90_000).catch((err: Error) => {
      const seen = all(a).map((d) => ({ drops: d.drops, reconnects: d.reconnects, left: d.left }));
      throw new Error(`${err.message}: ${JSON.stringify(seen)}\n${cluster.output().slice(-3000)}`);
    });
    expect(cluster.output()).toMatch(/Process \d stopped \(SIGKILL\); starting it again on port \d+/);
    expect(a.students.map((s) => s.client.sessionId)).toEqual(tokens); // each in its own seat
    expect(all(a).every((d) => d.left.length === 0)).toBe(true);
    await waitFor("class A's round 2, paused for its teacher", () => a.state().round === 2 && a.state().phase === "playing" && a.state().paused);
    const dropsBack = all(a).map((d) => d.drops); // one per try that found the process still down
    a.act({ action: "resume" });
    await carriesOn(a);

    // Stopped on purpose: the process holding class B drains.
    process.kill(pidOnPort(b.port), "SIGTERM");
    // New classes asked for meanwhile are opened (on the other process), not refused.
    const opened = [];
    for (let k = 0; k < 3; k++) opened.push(await new Client(cluster.frontUrl).create("classroom", { mode: "classroom" }));
    expect(opened.every((r) => r.roomId.length > 0)).toBe(true);
    await Promise.all(opened.map((r) => r.leave()));
    await waitFor("class B's devices told", () => all(b).every((d) => d.notices.length === 1), 20_000);
    for (const d of all(b)) {
      const notice = checkServerNotice(d.notices[0]);
      expect(notice).toMatchObject({ ok: true, value: { kind: "restarting", resultsSaved: true } });
    }
    const rounds = await results.rounds(b.code);
    expect(rounds.map((r) => [r.round, r.players.length])).toEqual([[1, 2], [2, 2]]);
    expect(rounds[1].outcome).not.toBe("ongoing");
    // Class A carries on through it all.
    await carriesOn(a);
    expect(all(a).map((d) => [d.drops, d.reconnects, d.left.length, d.notices.length])).toEqual(dropsBack.map((n) => [n, 1, 0, 0]));
    await Promise.all(all(a).map((d) => d.client.leave()));
  }, 240_000);
});
