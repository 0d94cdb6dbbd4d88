// Classroom benchmark: one class on the real server (benchServer.ts) over loopback. A teacher SDK client opens a
// session, N students (default 30) join by its code, the teacher auto-balances and starts; each student now and then
// sends its own squad a target command, as real students do. Prints KB/s each student received (every WebSocket
// frame from its join to the round's end, KB = 1000 B, averaged over students) and the p99 of the room's tick (ms,
// the fixed-step callback timed inside the server, from 5 s after the start). Called by test/bench/main.ts.

import { installCountingWebSocket, percentile, quietUnhandledMessageWarnings, receivedBy, sleep, startBenchServer } from "./benchServer.ts";

export interface ClassroomBenchOptions {
  /** Model ticks per room tick, set by the teacher (1, 2, 4 or 8). A class plays at 1. */
  speed: number;
  /** Round length in simulated days; undefined: the scenario's own (8 days of viral, about 10 minutes at 1×). */
  days?: number;
  students: number;
  /** Seconds between two commands of one student (each student's own rhythm, staggered over the class). */
  commandEverySeconds: number;
}

/** One simulated day (72 s at speed 1, 60 s model ticks): long enough for the infection to rise and (usually) turn. */
export const DEFAULT_CLASSROOM_BENCH: ClassroomBenchOptions = { speed: 1, days: 1, students: 30, commandEverySeconds: 5 };

const SCENARIO_ID = "viral";
/** Ticks after the start that are left out of the percentile: the model's code being compiled. */
const PLAY_WARMUP_MS = 5000;

export interface ClassroomBenchResult { kbPerSecondPerStudent: number; tickMsP50: number; tickMsP99: number; patchMsP99: number; ticks: number; seconds: number; outcome: string; cellsAtPeak: number }

/** A small deterministic generator (mulberry32) for the students' target points. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function benchClassroom(log: (line: string) => void, options: ClassroomBenchOptions = DEFAULT_CLASSROOM_BENCH): Promise<ClassroomBenchResult> {
  const counters = installCountingWebSocket();
  const restoreWarn = quietUnhandledMessageWarnings();
  const { Client } = await import("@colyseus/sdk");
  const { TissueState } = await import("../../shared/net/TissueState.ts");
  const { ClientMessage, ServerMessage } = await import("../../shared/net/messages.ts");
  const { ClassroomClientMessage, ClassroomServerMessage } = await import("../../shared/net/classroom.ts");
  const { SCENARIOS } = await import("../../shared/scenarios/index.ts");
  const { makeParams } = await import("../../shared/sim/index.ts");
  const { BASE_TICKS_PER_SECOND } = await import("../../server/rooms/roundClock.ts");
  const scenario = SCENARIOS[SCENARIO_ID];
  const days = options.days ?? scenario.days;
  const roundTicks = Math.round(days * 24 * 3600 / makeParams(scenario.params).tickSeconds);

  const server = await startBenchServer();
  type AnyRoom = Awaited<ReturnType<InstanceType<typeof Client>["create"]>>;
  const all: AnyRoom[] = [];
  try {
    type State = { phase: string; outcome: string; tick: number; day: number; gridWidth: number; gridHeight: number; seats: Map<string, { squads: Iterable<number>; role: string }>; cells?: { size: number } };
    const stateOf = (room: AnyRoom) => room.state as unknown as State;
    let refusals = 0;
    let firstRefusal = "";
    const ended = new Set<AnyRoom>();
    const listen = (room: AnyRoom) => {
      all.push(room);
      // Listening keeps the SDK from warning about unhandled message types; the bytes are counted either way.
      for (const type of [...Object.values(ServerMessage), ...Object.values(ClassroomServerMessage)]) room.onMessage(type, () => {});
      room.onMessage(ServerMessage.debrief, () => ended.add(room));
      room.onMessage(ServerMessage.refused, (r: { error?: string }) => {
        refusals++;
        firstRefusal ||= r?.error ?? "";
      });
    };

    // The teacher's page: creates the class, receives the code and the host secret.
    const teacher = await new Client(server.url).create("classroom", { mode: "classroom", scenarioId: SCENARIO_ID, ...(options.days !== undefined ? { days } : {}) }, TissueState);
    listen(teacher);
    let session: { code: string; hostSecret: string } | null = null;
    teacher.onMessage(ClassroomServerMessage.session, (s: { code: string; hostSecret: string }) => (session = s));
    for (let i = 0; i < 100 && !session; i++) await sleep(100);
    if (!session) throw new Error("the teacher got no session message within 10 s");
    const { code, hostSecret } = session as { code: string; hostSecret: string };
    const act = (action: Record<string, unknown>) => teacher.send(ClassroomClientMessage.teacher, { secret: hostSecret, ...action });

    // Students join by code alone, a few at a time as a class does when the code goes up on the board.
    const students: { room: AnyRoom; joinedAt: number }[] = [];
    for (let k = 0; k < options.students; k += 5) {
      const batch = await Promise.all(Array.from({ length: Math.min(5, options.students - k) }, () => new Client(server.url).joinById(code, {}, TissueState)));
      for (const room of batch) {
        listen(room);
        students.push({ room, joinedAt: performance.now() });
      }
    }
    for (let i = 0; i < 100 && stateOf(teacher).seats.size < options.students; i++) await sleep(100);
    act({ action: "autoBalance" });
    await sleep(500);
    act({ action: "start" });
    for (let i = 0; i < 100 && stateOf(teacher).phase !== "playing"; i++) await sleep(100);
    // Every student's copy too: their squads (split at the start) arrive with the same patch as the phase.
    for (let i = 0; i < 100 && !all.every((room) => stateOf(room).phase === "playing"); i++) await sleep(100);
    if (!all.every((room) => stateOf(room).phase === "playing")) throw new Error("the round did not start within 10 s of the teacher's start");
    if (options.speed !== 1) act({ action: "speed", speed: options.speed });
    const start = performance.now();
    const tick0 = stateOf(teacher).tick;

    // Each student's squads (after the start the room has split each role's squads among its students).
    const squadsOf = (room: AnyRoom) => [...(stateOf(room).seats.get(room.sessionId)?.squads ?? [])];
    const rng = random(1);
    const periodMs = options.commandEverySeconds * 1000;
    const nextAt = students.map((_, k) => start + (k / students.length) * periodMs);
    let commands = 0;
    let cellsAtPeak = 0;
    let warm = { ticks: -1, patches: 0 };

    const expectedSeconds = roundTicks / BASE_TICKS_PER_SECOND / options.speed;
    const deadline = start + (expectedSeconds * 1.5 + 60) * 1000;
    let lastReport = start;
    let stoppedEarly = false;
    for (;;) {
      const now = performance.now();
      const st = stateOf(teacher);
      cellsAtPeak = Math.max(cellsAtPeak, st.cells?.size ?? 0);
      if (st.phase === "ended" || st.outcome !== "ongoing" || students.every((s) => ended.has(s.room))) break;
      if (now > deadline) {
        stoppedEarly = true;
        log(`classroom bench: stopped at the time limit, day ${st.day.toFixed(2)} of ${days}`);
        break;
      }
      if (warm.ticks < 0 && now - start > PLAY_WARMUP_MS) {
        const sampled = await server.samples();
        warm = { ticks: sampled.tickMs.length, patches: sampled.patchMs.length };
      }
      students.forEach((s, k) => {
        if (now < nextAt[k]) return;
        nextAt[k] += periodMs;
        const squads = squadsOf(s.room);
        if (!squads.length) return; // a clinician plays cards, not squads
        const squad = squads[Math.floor(rng() * squads.length)];
        s.room.send(ClientMessage.command, { kind: "target", squad, x: Math.floor(rng() * st.gridWidth), y: Math.floor(rng() * st.gridHeight) });
        commands++;
      });
      if (now - lastReport > 60_000) {
        lastReport = now;
        process.stderr.write(`classroom bench: day ${st.day.toFixed(2)} of ${days}, ${cellsAtPeak} cells at peak so far\n`);
      }
      await sleep(100);
    }
    const end = performance.now();
    const seconds = (end - start) / 1000;
    const ticks = stateOf(teacher).tick - tick0;
    const outcome = stoppedEarly ? "ongoing (time limit)" : stateOf(teacher).outcome;
    const perStudent = students.map((s) => receivedBy(counters, s.room).bytes / ((end - s.joinedAt) / 1000) / 1000);
    const { tickMs, tickCpuMs, patchMs, stepMs } = await server.samples();
    const played = tickMs.slice(Math.max(0, warm.ticks));
    const playedCpu = tickCpuMs.slice(Math.max(0, warm.ticks));
    const patched = patchMs.slice(warm.patches);

    const kbPerSecondPerStudent = perStudent.reduce((a, b) => a + b, 0) / perStudent.length;
    const tickMsP99 = percentile(played, 99);
    const patchMsP99 = percentile(patched, 99);
    log(`classroom round: ${scenario.id}, ${days} days at ${options.speed}x, ${options.students} students (${commands} commands, ${refusals} refused${firstRefusal ? `: "${firstRefusal}"` : ""}), ${ticks} ticks in ${seconds.toFixed(0)} s, outcome ${outcome}; tick ms p50 ${percentile(played, 50).toFixed(2)}, max ${Math.max(...played).toFixed(1)}, process CPU ms p99 ${percentile(playedCpu, 99).toFixed(2)} (${played.length} ticks from ${PLAY_WARMUP_MS / 1000} s after the start); patch ms p99 ${patchMsP99.toFixed(2)}; model step (its own thread) ms p50 ${percentile(stepMs, 50).toFixed(2)}, p99 ${percentile(stepMs, 99).toFixed(2)}; cells at peak ${cellsAtPeak}; KB/s per student min ${Math.min(...perStudent).toFixed(1)}, max ${Math.max(...perStudent).toFixed(1)}`);
    log(`classroom bandwidth KB/s per client: ${kbPerSecondPerStudent.toFixed(1)}`);
    log(`classroom tick ms p99: ${tickMsP99.toFixed(2)}`);
    return { kbPerSecondPerStudent, tickMsP50: percentile(played, 50), tickMsP99, patchMsP99, ticks, seconds, outcome, cellsAtPeak };
  } finally {
    await Promise.all(all.map((room) => room.leave(true).catch(() => {})));
    restoreWarn();
    server.stop();
  }
}
