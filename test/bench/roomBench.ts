// Room benchmark: N solo rounds of the default scenario played by bots, each joined over loopback by one real
// @colyseus/sdk client that sends nothing. Prints the most cells a client saw, bytes each client received per second
// (every WebSocket frame: payload plus its 2-10 B header, not TCP/IP; KB = 1000 B; from all joined to the round's
// end) and the p99 of the room's tick (one fixed-timestep callback: the model's last answer written into the room's
// world, its events, bots, the next ask, field frames), timed inside the server (benchServer.ts); the model's steps
// run on their own thread and are printed apart. Called by test/bench/main.ts.

import { WARMUP_MS, installCountingWebSocket, percentile, quietUnhandledMessageWarnings, receivedBy, sleep, startBenchServer } from "./benchServer.ts";

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

export interface RoomBenchResult { cellsAtPeak: number; kbPerSecondPerClient: number; tickMsP50: number; tickMsP99: number; seconds: number; ticks: number; outcome: string }

export async function benchRoom(log: (line: string) => void, options: RoomBenchOptions = DEFAULT_ROOM_BENCH): Promise<RoomBenchResult> {
  const counters = installCountingWebSocket();
  const restoreWarn = quietUnhandledMessageWarnings();
  const { Client } = await import("@colyseus/sdk");
  const { TissueState } = await import("../../shared/net/TissueState.ts");
  const { ClientMessage, ServerMessage } = await import("../../shared/net/messages.ts");
  const { DEFAULT_SCENARIO_ID, SCENARIOS } = await import("../../shared/scenarios/index.ts");
  const { makeParams } = await import("../../shared/sim/index.ts");
  const scenario = SCENARIOS[DEFAULT_SCENARIO_ID];
  const tickSeconds = makeParams(scenario.params).tickSeconds;
  const days = options.days ?? scenario.days;

  const server = await startBenchServer();
  try {
    const url = server.url;
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
    const received = rooms.map((room) => receivedBy(counters, room));
    const { tickMs, patchMs, stepMs } = await server.samples();
    await Promise.all(rooms.map((room) => room.leave(true).catch(() => {})));

    const kbPerSecondPerClient = received.reduce((s, c) => s + c.bytes, 0) / received.length / seconds / 1000;
    const tickMsP99 = percentile(tickMs, 99);
    log(`room round: ${scenario.id}, ${days} days at ${options.speed}x (${ticks} ticks in ${seconds.toFixed(0)} s), 1 room watched by ${options.clients} clients, outcome ${outcome}; tick ms p50 ${percentile(tickMs, 50).toFixed(2)}, max ${Math.max(...tickMs).toFixed(1)}; patch ms p99 ${percentile(patchMs, 99).toFixed(2)}; model step (its own thread) ms p50 ${percentile(stepMs, 50).toFixed(2)}, p99 ${percentile(stepMs, 99).toFixed(2)}; samples after the first ${WARMUP_MS / 1000} s`);
    log(`cells at peak: ${cellsAtPeak}`);
    log(`bandwidth KB/s per client: ${kbPerSecondPerClient.toFixed(1)}`);
    log(`room tick ms p99: ${tickMsP99.toFixed(2)}`);
    return { cellsAtPeak, kbPerSecondPerClient, tickMsP50: percentile(tickMs, 50), tickMsP99, seconds, ticks, outcome };
  } finally {
    restoreWarn();
    server.stop();
  }
}
