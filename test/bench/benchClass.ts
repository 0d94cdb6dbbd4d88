// One class of SDK students for the cluster benchmark (clusterBench.ts): a teacher's device opens it on one server
// address, each student checks the code (POST /api/classroom/check) and joins on the address it was given (with
// several processes, any of them; Colyseus sends it to the room's process), the teacher balances the roles and starts,
// and each student then commands one of its squads every few seconds, as a person does. Records each student's join
// time (code check to first state) and the bytes its socket received. Loopback only.

import { receivedBy, sleep, type Counter } from "./benchServer.ts";

type SdkModule = typeof import("@colyseus/sdk");
type AnyRoom = Awaited<ReturnType<InstanceType<SdkModule["Client"]>["create"]>>;
interface State { phase: string; outcome: string; gridWidth: number; gridHeight: number; seats: Map<string, { squads: Iterable<number> }> }

export interface BenchClass {
  code: string;
  /** Each student's join, code check to first state, ms. */
  joinMs: number[];
  /** Bytes each student's socket received so far. */
  received(): Counter[];
  /** Sends the commands that are due (each student every `everyMs`, staggered); returns how many went. */
  command(now: number): number;
  leave(): Promise<void>;
}

const stateOf = (room: AnyRoom) => room.state as unknown as State;

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

async function until(what: string, ready: () => boolean, ms = 20_000): Promise<void> {
  for (let waited = 0; !ready(); waited += 50) {
    if (waited > ms) throw new Error(`${what} did not happen within ${ms / 1000} s`);
    await sleep(50);
  }
}

/**
 * Opens a class of `students` on `teacherUrl` (ws://…); student k asks `studentUrl(k)` (http://… for the code check,
 * ws://… for the join). The round lasts `days` simulated days (longer than the benchmark).
 */
export async function openBenchClass(
  sdk: SdkModule, counters: WeakMap<object, Counter>, opts: { teacherUrl: string; studentUrl: (k: number) => string; students: number; days: number; everyMs: number; seed: number },
): Promise<BenchClass> {
  const { Client } = sdk;
  const { TissueState } = await import("../../shared/net/TissueState.ts");
  const { ClientMessage } = await import("../../shared/net/messages.ts");
  const { ClassroomClientMessage, ClassroomServerMessage } = await import("../../shared/net/classroom.ts");
  const rooms: AnyRoom[] = [];
  const quiet = (room: AnyRoom) => { rooms.push(room); room.onMessage("*", () => {}); };

  const teacher = await new Client(opts.teacherUrl).create("classroom", { mode: "classroom", scenarioId: "viral", days: opts.days }, TissueState);
  quiet(teacher);
  let session: { code: string; hostSecret: string } | null = null;
  teacher.onMessage(ClassroomServerMessage.session, (s: { code: string; hostSecret: string }) => (session = s));
  await until("the class's session message", () => session !== null);
  const { code, hostSecret } = session as unknown as { code: string; hostSecret: string };

  const joinMs: number[] = [];
  const students: AnyRoom[] = [];
  const joinOne = async (k: number) => {
    const ws = opts.studentUrl(k);
    const t0 = performance.now();
    const res = await fetch(`${ws.replace(/^ws/, "http")}/api/classroom/check`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }) });
    if (!res.ok) throw new Error(`the code check answered ${res.status}: ${await res.text()}`);
    const room = await new Client(ws).joinById(code, {}, TissueState);
    quiet(room);
    await until("a student's first state", () => stateOf(room)?.seats !== undefined);
    joinMs.push(performance.now() - t0);
    students.push(room);
  };
  // Five at a time, as a class does when the code goes up on the board.
  for (let k = 0; k < opts.students; k += 5) await Promise.all(Array.from({ length: Math.min(5, opts.students - k) }, (_, j) => joinOne(k + j)));
  await until("every student seated", () => stateOf(teacher).seats.size >= opts.students);
  const act = (action: Record<string, unknown>) => teacher.send(ClassroomClientMessage.teacher, { secret: hostSecret, ...action });
  act({ action: "autoBalance" });
  await sleep(300);
  act({ action: "start" });
  await until("the round to start on every device", () => rooms.every((r) => stateOf(r).phase === "playing"));

  const rng = random(opts.seed);
  const start = performance.now();
  const nextAt = students.map((_, k) => start + (k / students.length) * opts.everyMs);
  return {
    code,
    joinMs,
    received: () => students.map((room) => receivedBy(counters, room as unknown as { connection: { transport: unknown } })),
    command(now) {
      let sent = 0;
      students.forEach((room, k) => {
        if (now < nextAt[k]) return;
        nextAt[k] += opts.everyMs;
        const squads = [...(stateOf(room).seats.get(room.sessionId)?.squads ?? [])];
        if (!squads.length) return; // a clinician plays cards, not squads
        const st = stateOf(room);
        room.send(ClientMessage.command, { kind: "target", squad: squads[Math.floor(rng() * squads.length)], x: Math.floor(rng() * st.gridWidth), y: Math.floor(rng() * st.gridHeight) });
        sent++;
      });
      return sent;
    },
    leave: async () => { await Promise.all(rooms.map((r) => r.leave(true).catch(() => {}))); },
  };
}
