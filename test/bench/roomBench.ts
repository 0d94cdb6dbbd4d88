// Room benchmark: N solo rounds of the default scenario played by bots, each joined over loopback by one real
// @colyseus/sdk client that sends nothing. Prints the most cells a client saw, bytes each client received per second
// (every WebSocket frame: payload plus its 2-10 B header, not TCP/IP; KB = 1000 B; from all joined to the round's
// end) and the p99 of the room's tick (one fixed-timestep callback: bots, `speed` model steps, field frames), timed
// inside the server. Called by test/bench/main.ts; this file also runs as that server process (--serve).

import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

const THIS_FILE = fileURLToPath(import.meta.url);
/** Model ticks per wall-clock second at 1× (server/rooms/TissueRoom.ts). */
const TICKS_PER_SECOND = 20;

export interface RoomBenchOptions {
  /** The host's speed setting: model ticks per room tick (1, 2, 4 or 8). Real play is 1. */
  speed: number;
  /** Round length in simulated days; undefined: the scenario's own length. */
  days?: number;
  /** Clients connected to the room, the host included. */
  clients: number;
  seed: number;
}

export const DEFAULT_ROOM_BENCH: RoomBenchOptions = { speed: 1, clients: 4, seed: 1 };

// ---------------------------------------------------------------------------------------------------------------
// Server side (this file run with --serve): the real game server, with every fixed-timestep callback timed.

// Replies carry a tag: Colyseus sends pm2 ("axm") messages of its own on any IPC channel it finds.
/** Ticks in the server's first 5 s are not sampled (see serve()). Rooms are created right after it listens. */
const WARMUP_MS = 5000;

interface ServeReply { bench: "port"; port: number }
interface SamplesReply { bench: "samples"; tickMs: number[]; patchMs: number[] }

async function serve(): Promise<void> {
  const { Room } = await import("@colyseus/core");
  const tickMs: number[] = [];
  const patchMs: number[] = [];
  let startedAt = performance.now();
  type StepFn = (...args: unknown[]) => void;
  // Any room's fixed step (however the room names its tick method) is timed from start to end, wall clock.
  const proto = Room.prototype as unknown as { setFixedTimestep: (step: StepFn, ...rest: unknown[]) => void };
  const original = proto.setFixedTimestep;
  proto.setFixedTimestep = function (this: unknown, step: StepFn, ...rest: unknown[]) {
    const timed: StepFn = (...args) => {
      const t0 = performance.now();
      step(...args);
      // The first seconds are the JIT compiling the model: a one-off, left out of the percentile.
      if (t0 - startedAt > WARMUP_MS) tickMs.push(performance.now() - t0);
    };
    return original.call(this, timed, ...rest);
  };
  // Patches (the room's onBeforePatch sync, then encoding and sending) run outside the fixed step: timed apart.
  const patchProto = Room.prototype as unknown as { broadcastPatch: (...args: unknown[]) => boolean };
  const originalPatch = patchProto.broadcastPatch;
  patchProto.broadcastPatch = function (this: unknown, ...args: unknown[]) {
    const t0 = performance.now();
    const changed = originalPatch.apply(this, args);
    if (t0 - startedAt > WARMUP_MS) patchMs.push(performance.now() - t0);
    return changed;
  };
  const { createGameServer } = await import("../../server/app.ts");
  const server = createGameServer({ clientDir: "/nonexistent" });
  await server.listen(0, "127.0.0.1");
  startedAt = performance.now();
  const { port } = server.transport.server!.address() as { port: number };
  process.on("message", (msg: { kind: string }) => {
    if (msg.kind === "samples") {
      process.send!({ bench: "samples", tickMs, patchMs } satisfies SamplesReply);
    }
  });
  process.on("disconnect", () => process.exit(0));
  process.send!({ bench: "port", port } satisfies ServeReply);
}

if (process.argv[1] === THIS_FILE && process.argv.includes("--serve")) await serve();

// ---------------------------------------------------------------------------------------------------------------
// Client side: WebSocket byte counting, then the round.

/** Bytes of a server→client WebSocket frame header (unmasked): 2, plus 2 or 8 for longer payloads. */
export function frameHeaderBytes(payload: number): number {
  return payload < 126 ? 2 : payload < 65536 ? 4 : 10;
}

interface Counter { bytes: number; frames: number }

/**
 * Replaces globalThis.WebSocket with a subclass that counts every frame received, before the SDK is loaded (it
 * picks its WebSocket class when its module loads). Returns the counter of each socket.
 */
function installCountingWebSocket(): WeakMap<object, Counter> {
  const counters = new WeakMap<object, Counter>();
  const Native = globalThis.WebSocket;
  class CountingWebSocket extends Native {
    constructor(...args: ConstructorParameters<typeof Native>) {
      super(...args);
      const counter: Counter = { bytes: 0, frames: 0 };
      counters.set(this, counter);
      this.addEventListener("message", (e: MessageEvent) => {
        const d = e.data as unknown;
        const n = typeof d === "string" ? Buffer.byteLength(d) : d instanceof ArrayBuffer ? d.byteLength : ArrayBuffer.isView(d) ? d.byteLength : (d as Blob).size;
        counter.bytes += n + frameHeaderBytes(n);
        counter.frames++;
      });
    }
  }
  globalThis.WebSocket = CountingWebSocket as typeof WebSocket;
  return counters;
}

function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface RoomBenchResult { cellsAtPeak: number; kbPerSecondPerClient: number; tickMsP99: number; seconds: number; ticks: number; outcome: string }

export async function benchRoom(log: (line: string) => void, options: RoomBenchOptions = DEFAULT_ROOM_BENCH): Promise<RoomBenchResult> {
  const counters = installCountingWebSocket();
  // The SDK warns about messages that arrive before a handler is set (the join's first field frame): noise here.
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].includes("onMessage() not registered")) return;
    warn(...args);
  };
  const { Client } = await import("@colyseus/sdk");
  const { TissueState } = await import("../../shared/net/TissueState.ts");
  const { ClientMessage, ServerMessage } = await import("../../shared/net/messages.ts");
  const { DEFAULT_SCENARIO_ID, SCENARIOS } = await import("../../shared/scenarios/index.ts");
  const { makeParams } = await import("../../shared/sim/index.ts");
  const scenario = SCENARIOS[DEFAULT_SCENARIO_ID];
  const tickSeconds = makeParams(scenario.params).tickSeconds;
  const days = options.days ?? scenario.days;

  const child = fork(THIS_FILE, ["--serve"], { stdio: ["ignore", "inherit", "inherit", "ipc"], env: { ...process.env, NODE_NO_WARNINGS: "1" } });
  const nextReply = <T extends ServeReply | SamplesReply>(tag: T["bench"]): Promise<T> => new Promise((resolve, reject) => {
    const onMessage = (m: unknown) => {
      if ((m as { bench?: string } | null)?.bench !== tag) return;
      child.off("message", onMessage);
      resolve(m as T);
    };
    child.on("message", onMessage);
    child.once("exit", (code) => reject(new Error(`the benchmark's server exited (code ${code})`)));
  });
  try {
    const { port } = await nextReply<ServeReply>("port");
    const url = `ws://127.0.0.1:${port}`;
    type AnyRoom = Awaited<ReturnType<InstanceType<typeof Client>["create"]>>;
    const rooms: AnyRoom[] = [];
    let outcome = "ongoing";
    let cellsAtPeak = 0;

    // One watched room (bots take every role) and N real SDK clients watching it: every client receives what a
    // player's browser would, and the server carries one round, as in a real game. The first client may set the speed.
    const createOptions = { mode: "solo", scenarioId: scenario.id, seed: options.seed, watch: true, ...(options.days !== undefined ? { days } : {}) };
    const host = await new Client(url).create("tissue", createOptions, TissueState);
    rooms.push(host);
    for (let k = 1; k < options.clients; k++) rooms.push(await new Client(url).joinById(host.roomId, {}, TissueState));
    const start = performance.now();
    const ended = new Set<AnyRoom>();
    for (const room of rooms) {
      room.onStateChange((state) => {
        const cells = (state as { cells?: { size: number } }).cells;
        if (cells && cells.size > cellsAtPeak) cellsAtPeak = cells.size;
      });
      // Listening keeps the SDK from warning about unhandled message types; the bytes are counted either way.
      for (const type of Object.values(ServerMessage)) room.onMessage(type, () => {});
      room.onMessage(ServerMessage.debrief, () => ended.add(room));
    }
    if (options.speed !== 1) host.send(ClientMessage.control, { action: "speed", speed: options.speed });

    const roundTicks = Math.round(days * 24 * 3600 / tickSeconds);
    const expectedSeconds = roundTicks / TICKS_PER_SECOND / options.speed;
    const deadline = start + (expectedSeconds * 1.5 + 60) * 1000;
    let lastReport = start;
    for (;;) {
      const state = host.state as unknown as { outcome: string; day: number; tick: number };
      outcome = state.outcome ?? "ongoing";
      const over = (room: AnyRoom) => ended.has(room) || (room.state as unknown as { outcome: string }).outcome !== "ongoing";
      if (rooms.every(over)) break;
      if (performance.now() > deadline) {
        log(`room bench: stopped at the time limit, day ${state.day.toFixed(2)} of ${days}`);
        break;
      }
      if (performance.now() - lastReport > 60_000) {
        lastReport = performance.now();
        process.stderr.write(`room bench: day ${state.day.toFixed(2)} of ${days}, ${cellsAtPeak} cells at peak so far\n`);
      }
      await sleep(250);
    }
    const seconds = (performance.now() - start) / 1000;
    const ticks = (host.state as unknown as { tick: number }).tick;
    const received = rooms.map((room) => {
      const ws = (room.connection.transport as unknown as { ws: object }).ws;
      return counters.get(ws) ?? { bytes: 0, frames: 0 };
    });
    child.send({ kind: "samples" });
    const { tickMs, patchMs } = await nextReply<SamplesReply>("samples");
    await Promise.all(rooms.map((room) => room.leave(true).catch(() => {})));

    const kbPerSecondPerClient = received.reduce((s, c) => s + c.bytes, 0) / received.length / seconds / 1000;
    const tickMsP99 = percentile(tickMs, 99);
    log(`room round: ${scenario.id}, ${days} days at ${options.speed}x (${ticks} ticks in ${seconds.toFixed(0)} s), 1 room watched by ${options.clients} clients, outcome ${outcome}; tick ms p50 ${percentile(tickMs, 50).toFixed(2)}, max ${Math.max(...tickMs).toFixed(1)}; patch ms p99 ${percentile(patchMs, 99).toFixed(2)}; samples after the first ${WARMUP_MS / 1000} s`);
    log(`cells at peak: ${cellsAtPeak}`);
    log(`bandwidth KB/s per client: ${kbPerSecondPerClient.toFixed(1)}`);
    log(`room tick ms p99: ${tickMsP99.toFixed(2)}`);
    return { cellsAtPeak, kbPerSecondPerClient, tickMsP99, seconds, ticks, outcome };
  } finally {
    console.warn = warn;
    child.kill("SIGTERM");
  }
}
