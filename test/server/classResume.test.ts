// A live class survives a crash of the server: a real server process (as `npm start` runs it, its results and
// checkpoints in a SQLite file of its own) holds a class whose teacher and two students are in a running round; the
// process is killed with SIGKILL and a new one started on the same file and port. The class is back under its code,
// its round paused at (or just before) the tick it had reached, with the state hash of an uninterrupted replay of
// its log to that tick and the metrics the devices saw before the crash; each device comes back to its own seat with
// the reconnection token it holds (nickname and role kept), and the teacher's host secret still commands the class.
// A class stopped while its pre-quiz is open comes back with the quiz open and each student's answers (read back from
// the results store by nickname), so nobody answers twice and the teacher's gains hold. Everything on 127.0.0.1.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, describe, expect, test } from "vitest";
import { Client, type Room } from "@colyseus/sdk";
import { ClassroomClientMessage, type RoundHistory } from "../../shared/net/classroom.ts";
import { ClientMessage } from "../../shared/net/messages.ts";
import { QuizClientMessage } from "../../shared/net/quiz.ts";
import { QUIZ_ITEMS } from "../../shared/quiz/quizItems.ts";
import { scenarioWithVariant } from "../../shared/net/roundVariant.ts";
import { replayRound } from "../../shared/report/replay.ts";
import { DEFAULT_SCENARIO_ID, SCENARIOS } from "../../shared/scenarios/index.ts";
import { makeParams } from "../../shared/sim/index.ts";
import { stateHash } from "../../shared/sim/hash.ts";
import { parseCheckpoint } from "../../server/rooms/classroom/checkpoint.ts";
import { CHECKPOINT_EVERY_MS } from "../../server/rooms/classroom/classCheckpointer.ts";
import { startServerProcess, type ServerProcess } from "../e2e/serverProcess.ts";
import { listenAll, takeQuiz, type ClassDevice } from "./classDevices.ts";
import { waitFor } from "./startTestServer.ts";

const dir = mkdtempSync(join(tmpdir(), "cytokine-resume-"));
const dbPath = join(dir, "results.sqlite");
const env = { RESULTS_DB: dbPath };
let server: ServerProcess | null = null;
const devices: Room[] = [];

afterAll(async () => {
  for (const d of devices) d.reconnection.enabled = false;
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface SeatSeen { name: string; role: string; bot: string; connected: boolean; squads: number[] }
const seatOf = (device: ClassDevice, id: string) => device.client.state.seats.get(id) as SeatSeen | undefined;
/** Model ticks in one checkpoint interval at speed 1 (20 a second), with the catch-up one late tick may ask. */
const TICKS_PER_CHECKPOINT = (CHECKPOINT_EVERY_MS / 1000) * 20 + 16;

/** A device's room, its messages recorded, kept to be closed at the end. */
function device(room: Room): ClassDevice {
  devices.push(room);
  return listenAll(room);
}

describe("a live class and a crash of the server", () => {
  test("killed mid-round and restarted: the class resumes from its checkpoint with its students in their seats", async () => {
    server = await startServerProcess({ env });
    const port = server.port;
    let url = server.baseUrl.replace("http", "ws");
    const teacher = device(await new Client(url).create("classroom", { mode: "classroom", days: 1, seatHoldMinutes: 10 }));
    await waitFor("the session info", () => teacher.sessions.length > 0, 15_000);
    const { code, hostSecret } = teacher.sessions[0];
    const act = (action: Record<string, unknown>) => teacher.client.send(ClassroomClientMessage.teacher, { secret: hostSecret, ...action });

    const students = [device(await new Client(url).joinById(code)), device(await new Client(url).joinById(code))];
    await waitFor("two students seated", () => students.every((s) => seatOf(teacher, s.client.sessionId)?.name), 15_000);
    act({ action: "autoBalance" });
    act({ action: "start" });
    await waitFor("the round to run", () => teacher.client.state.phase === "playing" && teacher.client.state.tick > 0, 15_000);
    const before = new Map(students.map((s) => [s.client.sessionId, { ...seatOf(teacher, s.client.sessionId)! }]));
    await waitFor("the round well under way", () => teacher.client.state.tick >= 120, 60_000);
    // A second teacher device joining now gets the round's history so far: the metrics of the live world.
    const watcher = device(await new Client(url).joinById(code, { hostSecret }));
    await waitFor("the round's history", () => watcher.histories.length > 0, 15_000);
    const liveHistory: RoundHistory = watcher.histories.at(-1)!;

    // Each device keeps the reconnection token it was given, as a page keeps it in its tab, and comes back with it as a
    // reloaded page (or the page's own retries) does. Node's WebSocket reports a refused connection with no close
    // event, which stalls the SDK's in-place retries, so they are turned off here (the browser test covers them).
    const comers = [teacher, ...students];
    const tokens = new Map(comers.map((d) => [d.client.sessionId, d.client.reconnectionToken]));
    for (const d of devices) d.reconnection.enabled = false;
    const lastTickSeen = teacher.client.state.tick;
    await server.kill("SIGKILL");

    // What the crashed server had saved: the class's checkpoint.
    const db = new DatabaseSync(dbPath);
    const row = db.prepare("SELECT body FROM class_checkpoints WHERE code = ?").get(code) as { body: string } | undefined;
    db.close();
    expect(row).toBeDefined();
    const parsed = parseCheckpoint(row!.body);
    if (!parsed.ok) throw new Error(parsed.error);
    const cp = parsed.value;
    expect(cp.phase).toBe("playing");
    expect(cp.seatHoldMinutes).toBe(10); // the teacher's seat hold
    expect(cp.world.tick).toBeLessThanOrEqual(lastTickSeen + 16);
    expect(cp.world.tick).toBeGreaterThanOrEqual(lastTickSeen - 3 * TICKS_PER_CHECKPOINT);
    expect(cp.students.map((s) => s.id).sort()).toEqual([...before.keys()].sort());
    expect(row!.body).not.toContain(hostSecret); // only its hash is kept

    server = await startServerProcess({ env, port });
    url = server.baseUrl.replace("http", "ws");
    const resumedLine = new RegExp(`Resumed class ${code}: round 1 paused at tick (\\d+),`).exec(server.output());
    expect(resumedLine, server.output()).not.toBeNull();
    const resumedTick = Number(resumedLine![1]);
    expect(resumedTick).toBe(cp.world.tick);
    // The model's thread rebuilds the round's world (the room holds none) and says its hash.
    const rebuiltPattern = new RegExp(`Class ${code}: round 1 rebuilt at tick (\\d+) \\(state hash ([0-9a-f]+)\\)`);
    await waitFor("the rebuilt round's hash", () => rebuiltPattern.test(server!.output()), 20_000);
    const rebuilt = rebuiltPattern.exec(server.output())!;
    expect(Number(rebuilt[1])).toBe(cp.world.tick);

    // An uninterrupted replay of the round's log to that tick gives the world the resumed class has.
    const scenario = scenarioWithVariant(SCENARIOS[cp.roundSetup.scenarioId ?? DEFAULT_SCENARIO_ID], cp.roundSetup.days, cp.roundSetup.variant);
    const replayed = replayRound({ scenario, params: makeParams(scenario.params), seed: cp.world.seed, endTick: cp.world.tick, ticks: cp.world.ticks, startHelperIds: [], startTregs: 0 });
    expect(rebuilt[2]).toBe(stateHash(replayed));

    // Every device comes back to its own seat with its token.
    const back = new Map<string, ClassDevice>();
    for (const [id, token] of tokens) {
      const d = device(await new Client(url).reconnect(token));
      expect(d.client.sessionId).toBe(id); // the same seat, not a new one
      back.set(id, d);
    }
    const teacherBack = back.get(teacher.client.sessionId)!;
    const state = teacherBack.client.state;
    await waitFor("every student back in their seat", () => state.tick === resumedTick && [...before.keys()].every((id) => seatOf(teacherBack, id)?.connected === true), 15_000);
    for (const [id, seat] of before) {
      const now = seatOf(teacherBack, id)!;
      expect({ name: now.name, role: now.role, bot: now.bot }).toEqual({ name: seat.name, role: seat.role, bot: "" });
      await waitFor("the student's own view", () => back.get(id)!.client.state.seats?.get(id)?.name === seat.name, 15_000);
    }
    expect(state.code).toBe(code);
    expect(state.phase).toBe("playing");
    expect(state.paused).toBe(true);
    expect(state.seatHoldMinutes).toBe(10); // the teacher's seat hold, as before the crash

    // The resumed round has the metrics the live round had at the same ticks (its history is a prefix of theirs).
    const laptop = device(await new Client(url).joinById(code, { hostSecret }));
    await waitFor("the resumed round's history and the host session", () => laptop.histories.length > 0 && laptop.sessions.length > 0, 15_000);
    expect(laptop.sessions[0]).toMatchObject({ code, hostSecret }); // the secret proved, the class knows it again
    const resumedHistory = laptop.histories.at(-1)!;
    const n = resumedHistory.days.length;
    expect(n).toBeGreaterThan(3);
    expect(n).toBeLessThanOrEqual(liveHistory.days.length);
    for (const key of ["days", "threat", "cd8", "damage"] as const) expect(resumedHistory[key]).toEqual(liveHistory[key].slice(0, n));

    // The teacher's secret still commands the class; a wrong one does not.
    teacherBack.client.send(ClassroomClientMessage.teacher, { secret: "0".repeat(64), action: "resume" });
    await waitFor("the refusal", () => teacherBack.refusals.some((r) => /host secret/.test(r.error)), 15_000);
    expect(state.paused).toBe(true);
    teacherBack.client.send(ClassroomClientMessage.teacher, { secret: hostSecret, action: "resume" });
    await waitFor("the round running again", () => !state.paused && state.tick > resumedTick + 5, 30_000);

    // A student commands their own squad again, and only their own.
    const student = back.get(students[0].client.sessionId)!;
    const squadsOf = (id: string) => [...(seatOf(teacherBack, id)?.squads ?? [])];
    const mine = squadsOf(student.client.sessionId);
    const others: number[] = [];
    state.seats.forEach((_: unknown, id: string) => { if (id !== student.client.sessionId) others.push(...squadsOf(id).filter((q) => !mine.includes(q))); });
    expect(mine.length).toBeGreaterThan(0);
    student.client.send(ClientMessage.command, { kind: "release", squad: mine[0] });
    student.client.send(ClientMessage.command, { kind: "release", squad: others[0] });
    await waitFor("the refusal of a squad not theirs", () => student.refusals.length > 0, 15_000);
    expect(student.refusals.map((r) => r.error)).toEqual([expect.stringMatching(new RegExp(`squad ${others[0]} is not yours`))]);
  }, 240_000);
});

/** A fresh server process on the test's file (the last one stopped) with a class: its teacher and one student seated. */
async function classOnFreshServer() {
  for (const d of devices.splice(0)) d.reconnection.enabled = false;
  await server?.stop(); // the earlier test's server
  server = await startServerProcess({ env });
  const teacher = device(await new Client(server.baseUrl.replace("http", "ws")).create("classroom", { mode: "classroom", days: 1 }));
  await waitFor("the session info", () => teacher.sessions.length > 0, 15_000);
  const { code, hostSecret } = teacher.sessions[0];
  const student = device(await new Client(server.baseUrl.replace("http", "ws")).joinById(code));
  await waitFor("the student seated", () => !!seatOf(teacher, student.client.sessionId)?.name, 15_000);
  return { port: server.port, teacher, student, code, hostSecret };
}

describe("a live class and a server stopped on purpose", () => {
  test("stopped with SIGTERM mid-round and started again: the round was ended and saved, and the class comes back with its seats in the next round's lobby", async () => {
    const { port, teacher, student, code, hostSecret } = await classOnFreshServer();
    const seat = { ...seatOf(teacher, student.client.sessionId)! };
    teacher.client.send(ClassroomClientMessage.teacher, { secret: hostSecret, action: "start" });
    await waitFor("the round under way", () => teacher.client.state.tick >= 60, 60_000);
    const tokens = new Map([teacher, student].map((d) => [d.client.sessionId, d.client.reconnectionToken]));
    for (const d of devices) d.reconnection.enabled = false;
    await server!.stop(); // SIGTERM: the server drains (the round ends as the teacher's "end" would), the checkpoint is kept
    expect(teacher.debriefs.length).toBe(1);

    server = await startServerProcess({ env, port });
    const url = server.baseUrl.replace("http", "ws");
    expect(server.output()).toContain(`Resumed class ${code}: round 2 in the lobby`);
    const back = new Map<string, ClassDevice>();
    for (const [id, token] of tokens) back.set(id, device(await new Client(url).reconnect(token)));
    const teacherBack = back.get(teacher.client.sessionId)!;
    await waitFor("the student back in their seat", () => seatOf(teacherBack, student.client.sessionId)?.connected === true, 15_000);
    expect(seatOf(teacherBack, student.client.sessionId)).toMatchObject({ name: seat.name, role: seat.role, bot: "" });
    expect(teacherBack.client.state.phase).toBe("lobby");
    expect(teacherBack.client.state.round).toBe(2);
  }, 180_000);

  test("stopped with SIGTERM while the pre-quiz is open: the class comes back with the quiz open, the student's answers on their sheet, and the teacher's gains", async () => {
    const { port, teacher, student, code, hostSecret } = await classOnFreshServer();
    teacher.client.send(QuizClientMessage.teacher, { secret: hostSecret, action: "open", phase: "pre" });
    await waitFor("the pre-quiz open", () => student.quiz.at(-1)?.open === "pre", 15_000);
    takeQuiz(student, "pre", () => true);
    const tiers = QUIZ_ITEMS.length * 2;
    await waitFor("every answer acknowledged", () => student.quiz.at(-1)?.mine.pre.length === tiers, 15_000);
    const mine = student.quiz.at(-1)!.mine.pre;
    const tokens = new Map([teacher, student].map((d) => [d.client.sessionId, d.client.reconnectionToken]));
    for (const d of devices) d.reconnection.enabled = false;
    await server!.stop(); // SIGTERM: the checkpoint is kept

    server = await startServerProcess({ env, port });
    const url = server.baseUrl.replace("http", "ws");
    expect(server.output()).toContain(`Resumed class ${code}: round 1 in the lobby`);
    const studentBack = device(await new Client(url).reconnect(tokens.get(student.client.sessionId)!));
    const teacherBack = device(await new Client(url).reconnect(tokens.get(teacher.client.sessionId)!));
    await waitFor("the student's quiz status", () => studentBack.quiz.length > 0, 15_000);
    expect(studentBack.quiz.at(-1)).toEqual({ open: "pre", mine: { pre: mine, post: [] } });
    // Before, a resumed class had forgotten the sheets: the same answers went in again (the store kept only the first).
    takeQuiz(studentBack, "pre", () => false);
    await waitFor("every answer refused", () => studentBack.refusals.length === tiers, 15_000);
    expect(studentBack.refusals.every((r) => r.error === "you have already answered that; your first answer stands")).toBe(true);
    await waitFor("the teacher's gains", () => teacherBack.gains.length > 0, 15_000);
    expect(teacherBack.gains.at(-1)!.finished.pre).toBe(1);
    expect(teacherBack.gains.at(-1)!.rows.every((r) => r.pre.right === r.pre.of && r.pre.of > 0)).toBe(true);
  }, 180_000);
});
