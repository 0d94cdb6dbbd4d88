// Pieces shared by the room benchmarks (roomBench.ts, classroomBench.ts): the real game server in a forked child
// with every room's fixed-step callback, broadcastPatch and model step timed (ms, wall clock, after a warm-up), a WebSocket
// subclass that counts the bytes each SDK client receives, and a percentile. This file also runs as that child (--serve).

import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const THIS_FILE = fileURLToPath(import.meta.url);

/** Ticks and patches in the server's first 5 s are not sampled: the JIT compiling the model, a one-off. */
export const WARMUP_MS = 5000;

// Replies carry a tag: Colyseus sends pm2 ("axm") messages of its own on any IPC channel it finds.
interface ServeReply { bench: "port"; port: number }
interface SamplesReply { bench: "samples"; tickMs: number[]; tickCpuMs: number[]; patchMs: number[]; stepMs: number[]; rssBytes: number }
/** The environment variable that hands the child createGameServer's options as JSON (the cluster bench lifts the per-address limits). */
const OPTIONS_ENV = "BENCH_SERVER_OPTIONS";
/** The environment variable that hands the child a Redis to share with other processes and its port, as JSON (BenchScaleOut). */
const SCALE_OUT_ENV = "BENCH_SCALE_OUT";

/** One of several processes sharing a Redis (the cluster bench's two-process arm): its port is its public address. */
export interface BenchScaleOut { redisUrl: string; port: number }

// ---------------------------------------------------------------------------------------------------------------
// Server side (this file run with --serve): the real game server, with every fixed-timestep callback timed.

async function serve(): Promise<void> {
  const { Room } = await import("@colyseus/core");
  const tickMs: number[] = [];
  // The process's CPU time in the same callback (all its threads): what the tick costs when other programs share the cores.
  const tickCpuMs: number[] = [];
  const patchMs: number[] = [];
  // Each model step, timed where it runs (the model's own thread): what the world costs apart from the room's tick.
  const stepMs: number[] = [];
  let startedAt = performance.now();
  type StepFn = (...args: unknown[]) => void;
  // Any room's fixed step (however the room names its tick method) is timed from start to end, wall clock.
  const proto = Room.prototype as unknown as { setFixedTimestep: (step: StepFn, ...rest: unknown[]) => void };
  const original = proto.setFixedTimestep;
  proto.setFixedTimestep = function (this: unknown, step: StepFn, ...rest: unknown[]) {
    const timed: StepFn = (...args) => {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      step(...args);
      if (t0 - startedAt > WARMUP_MS) {
        tickMs.push(performance.now() - t0);
        const cpu = process.cpuUsage(cpu0);
        tickCpuMs.push((cpu.user + cpu.system) / 1000);
      }
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
  const { RoundClock } = await import("../../server/rooms/roundClock.ts");
  const originalRecord = RoundClock.prototype.record;
  RoundClock.prototype.record = function (this: InstanceType<typeof RoundClock>, ms: number) {
    if (performance.now() - startedAt > WARMUP_MS) stepMs.push(ms);
    originalRecord.call(this, ms);
  };
  const { createGameServer } = await import("../../server/app.ts");
  const extra = JSON.parse(process.env[OPTIONS_ENV] || "{}") as Record<string, unknown>;
  const shared = process.env[SCALE_OUT_ENV] ? (JSON.parse(process.env[SCALE_OUT_ENV]) as BenchScaleOut) : null;
  const { openScaleOut } = await import("../../server/cluster/scaleOut.ts");
  const scaleOut = shared ? await openScaleOut({ redisUrl: shared.redisUrl, publicAddress: `127.0.0.1:${shared.port}` }) : undefined;
  const server = createGameServer({ clientDir: "/nonexistent", ...extra, scaleOut });
  await server.listen(shared?.port ?? 0, "127.0.0.1");
  startedAt = performance.now();
  const { port } = server.transport.server!.address() as { port: number };
  process.on("message", (msg: { kind: string }) => {
    if (msg.kind === "samples") process.send!({ bench: "samples", tickMs, tickCpuMs, patchMs, stepMs, rssBytes: process.memoryUsage().rss } satisfies SamplesReply);
  });
  process.on("disconnect", () => process.exit(0));
  process.send!({ bench: "port", port } satisfies ServeReply);
}

if (process.argv[1] === THIS_FILE && process.argv.includes("--serve")) await serve();

// ---------------------------------------------------------------------------------------------------------------
// Client side.

export interface BenchServer {
  url: string;
  /** Every tick and patch duration sampled so far (ms). */
  samples(): Promise<{ tickMs: number[]; tickCpuMs: number[]; patchMs: number[]; stepMs: number[]; rssBytes: number }>;
  stop(): void;
}

/**
 * Forks the timed server (createGameServer with `serverOptions`, plain JSON) and waits for its port (127.0.0.1 only);
 * with `scaleOut`, on that port, sharing that Redis with the other processes started so.
 */
export async function startBenchServer(serverOptions: Record<string, unknown> = {}, scaleOut?: BenchScaleOut): Promise<BenchServer> {
  const env = { ...process.env, NODE_NO_WARNINGS: "1", [OPTIONS_ENV]: JSON.stringify(serverOptions), [SCALE_OUT_ENV]: scaleOut ? JSON.stringify(scaleOut) : "" };
  const child: ChildProcess = fork(THIS_FILE, ["--serve"], { stdio: ["ignore", "inherit", "inherit", "ipc"], env });
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
    return {
      url: `ws://127.0.0.1:${port}`,
      async samples() {
        child.send({ kind: "samples" });
        const { tickMs, tickCpuMs, patchMs, stepMs, rssBytes } = await nextReply<SamplesReply>("samples");
        return { tickMs, tickCpuMs, patchMs, stepMs, rssBytes };
      },
      stop: () => void child.kill("SIGTERM"),
    };
  } catch (err) {
    child.kill("SIGTERM");
    throw err;
  }
}

/** Bytes of a server→client WebSocket frame header (unmasked): 2, plus 2 or 8 for longer payloads. */
export function frameHeaderBytes(payload: number): number {
  return payload < 126 ? 2 : payload < 65536 ? 4 : 10;
}

export interface Counter { bytes: number; frames: number }

/**
 * Replaces globalThis.WebSocket with a subclass that counts every frame received (payload plus header), before the
 * SDK is loaded (it picks its WebSocket class when its module loads). Returns the counter of each socket. Idempotent.
 */
let installed: WeakMap<object, Counter> | null = null;
export function installCountingWebSocket(): WeakMap<object, Counter> {
  if (installed) return installed;
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
  installed = counters;
  return counters;
}

/** What a joined SDK room's socket received so far. */
export function receivedBy(counters: WeakMap<object, Counter>, room: { connection: { transport: unknown } }): Counter {
  const ws = (room.connection.transport as { ws: object }).ws;
  return counters.get(ws) ?? { bytes: 0, frames: 0 };
}

/**
 * The SDK warns about messages that arrive before a handler is set (the join's first field frame): noise here.
 * Returns the function that puts console.warn back.
 */
export function quietUnhandledMessageWarnings(): () => void {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].includes("onMessage() not registered")) return;
    warn(...args);
  };
  return () => { console.warn = warn; };
}

export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
