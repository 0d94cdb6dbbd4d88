// What one client receives from a viral room near its peak (~1,100 immune cells moving, ~3,000 tissue cells still).
// The room's timer is replaced by the same schedule driven by hand (20 base ticks, 10 patches and 5 field frames per
// nominal second), so the figure is bytes per second of play at full rate whatever the machine's load; every WebSocket
// frame the client receives is counted and split by kind, and printed. Asserted: the position budget holds per patch.

import { expect, test } from "vitest";
import { ServerMessage } from "../../shared/net/messages.ts";
import { FIELD_EVERY_BASE_TICKS, PATCH_RATE_MS, POSITIONS_PER_PATCH, TissueRoom } from "../../server/rooms/TissueRoom.ts";
import { BASE_TICKS_PER_SECOND } from "../../server/rooms/roundClock.ts";
import { testServerPerFile, waitFor } from "./startTestServer.ts";

const ts = testServerPerFile();

/** Nominal seconds of play measured at each speed. */
const SECONDS = 3;
/** First byte of a frame → what it carries (Colyseus protocol codes). */
const FRAME_KINDS: Record<number, string> = { 13: "messages", 14: "state", 15: "patches", 17: "field" };

test("bytes per second per client near the viral peak, printed; positions per patch stay within budget", async () => {
  const room = await ts.colyseus.createRoom<TissueRoom>("tissue", { seed: 1 });
  room.manual = true;
  room.patchRate = null; // patches only when this test says
  // No bots: the unplayed scenario is still ongoing at day 3 with its killers expanded (bots may clear it sooner).
  for (const role of room.bots.roles()) room.bots.unseat(role);
  const client = await ts.colyseus.sdk.joinById(room.roomId);
  let fieldFrames = 0;
  client.onMessage(ServerMessage.field, () => fieldFrames++);
  client.onMessage(ServerMessage.events, () => {});
  client.onMessage(ServerMessage.debrief, () => {});
  await client.waitForInitialState();
  room.advance(3 * 1440); // day 3: the killers' clone has expanded (~13 s of CPU on an idle machine)
  // Let the position budget drain the backlog of the jump before measuring.
  for (let k = 0; k < 60; k++) room.broadcastPatch();
  await waitFor("the client to catch up", () => client.state.tick === room.facts.tick, 20_000);
  const immune = [...client.state.cells.values()].filter((c: { type: number }) => c.type <= 4).length;
  expect(immune).toBeGreaterThan(500);

  // Count every frame the socket delivers from here on, by kind.
  const bytes = new Map<string, number>();
  const events = (client as unknown as { connection: { events: { onmessage: (e: MessageEvent) => void } } }).connection.events;
  const inner = events.onmessage;
  events.onmessage = (e: MessageEvent) => {
    const data = new Uint8Array(e.data as ArrayBuffer), kind = FRAME_KINDS[data[0] & 0x3f] ?? `code ${data[0]}`;
    bytes.set(kind, (bytes.get(kind) ?? 0) + data.byteLength);
    inner(e);
  };
  let maxMoved = 0;
  const sync = room.cellSync.sync.bind(room.cellSync);
  room.cellSync.sync = (w, cells) => {
    const r = sync(w, cells);
    maxMoved = Math.max(maxMoved, r.moved);
    return r;
  };

  const baseTicksPerPatch = (PATCH_RATE_MS * BASE_TICKS_PER_SECOND) / 1000;
  const lines: string[] = [];
  for (const speed of [1, 8] as const) {
    room.control({ action: "speed", speed });
    bytes.clear();
    const frames0 = fieldFrames, seq0 = room.fieldSeq, steps0 = room.roundClock.stepStats();
    let patchMs = 0, patches = 0;
    for (let b = 1; b <= SECONDS * BASE_TICKS_PER_SECOND; b++) {
      room.advance(speed);
      // As in the room: the tick makes the field frame, the next patch sends it.
      if (b % FIELD_EVERY_BASE_TICKS === 0) room.broadcastField();
      if (b % baseTicksPerPatch === 0) {
        const t0 = performance.now();
        room.broadcastPatch(); // the cell sync, the state encode and the send
        patchMs += performance.now() - t0;
        patches++;
      }
    }
    await waitFor("every frame to arrive", () => client.state.tick === room.facts.tick && fieldFrames === frames0 + room.fieldSeq - seq0, 20_000);
    const steps1 = room.roundClock.stepStats();
    const stepMs = (steps1.meanMs * steps1.steps - steps0.meanMs * steps0.steps) / (steps1.steps - steps0.steps);
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    const parts = [...bytes].map(([k, v]) => `${k} ${Math.round(v / SECONDS)}`).join(", ");
    lines.push(`speed ${speed}: ${Math.round(total / SECONDS)} B/s per client (${parts}); model step ${stepMs.toFixed(2)} ms mean, patch ${(patchMs / patches).toFixed(2)} ms mean`);
  }
  console.log(`[bandwidth] viral seed 1 at day 3 (${room.facts.outcome}): ${immune} immune cells, ${client.state.cells.size} cells synced; ` +
    `patch ${PATCH_RATE_MS} ms, ${POSITIONS_PER_PATCH} positions/patch\n  ${lines.join("\n  ")}`);
  expect(maxMoved).toBeGreaterThan(0);
  expect(maxMoved).toBeLessThanOrEqual(POSITIONS_PER_PATCH);
  await client.leave();
}, 240_000);
