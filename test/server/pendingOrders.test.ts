// The per-seat cap on orders waiting for the model (shared/round/pendingOrders.ts at TissueRoomBase's door), over real
// WebSockets on 127.0.0.1: in a class whose tissue does not move (a paused room's case: `manual`, advance() alone), a
// student who floods orders is refused past MAX_PENDING_PER_SEAT with a sentence, a classmate's orders still go in,
// and once the tissue moves the flooder may order again. Paced under the message budget so only the cap refuses.

import { describe, expect, test } from "vitest";
import { ClientMessage } from "../../shared/net/messages.ts";
import { MAX_PENDING_PER_SEAT } from "../../shared/round/pendingOrders.ts";
import { MessageBudget } from "../../server/rooms/messageBudget.ts";
import { MAX_PENDING_COMMANDS } from "../../server/rooms/TissueRoom.ts";
import { joinStudent, openClass, type ClassDevice } from "./classDevices.ts";
import { testServerPerFile, waitFor } from "./startTestServer.ts";

const ts = testServerPerFile();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends `n` orders for `squad` in batches of half the message budget a second, so the budget refuses none. */
async function sendPaced(d: ClassDevice, squad: number, n: number): Promise<void> {
  const batch = MessageBudget.PER_SECOND / 2;
  for (let sent = 0; sent < n; sent += batch) {
    for (let i = sent; i < Math.min(n, sent + batch); i++) d.client.send(ClientMessage.command, { kind: "target", squad, x: 10 + (i % 20), y: 20 });
    await sleep(1000);
  }
}

describe("orders waiting for the model", () => {
  test("a flooding seat is refused past its cap with a sentence; its classmate's orders are unaffected; the cap frees when the tissue moves", async () => {
    expect(MAX_PENDING_PER_SEAT).toBeLessThan(MAX_PENDING_COMMANDS); // one seat alone cannot fill the room
    const { teacher, session, room, act } = await openClass(ts, { scenarioId: "viral" });
    const students = await Promise.all([0, 1].map(() => joinStudent(ts, session.code)));
    await waitFor("two seats", () => teacher.state.seats.size === 2);
    act({ action: "start" });
    await waitFor("the round to start", () => teacher.state.phase === "playing");
    const squadOf = (d: ClassDevice) => room.state.seats.get(d.client.sessionId)!.squads.at(0);
    const [flooder, honest] = students;
    const floodSquad = squadOf(flooder)!, honestSquad = squadOf(honest);
    expect([floodSquad, honestSquad].every((sq) => sq !== undefined)).toBe(true); // a class of two: two squad roles
    const tick = room.facts.tick;

    const extra = 5;
    await sendPaced(flooder, floodSquad, MAX_PENDING_PER_SEAT + extra);
    await waitFor("the refusals past the cap", () => flooder.refusals.length === extra);
    for (const r of flooder.refusals) {
      expect(r.error).toMatch(new RegExp(`you have sent ${MAX_PENDING_PER_SEAT} orders that are still waiting for the tissue to move`));
    }
    expect(room.facts.tick).toBe(tick); // the tissue did not move meanwhile
    expect(room.modelWorld()!.pending.filter((c) => "squad" in c && c.squad === floodSquad)).toHaveLength(MAX_PENDING_PER_SEAT);

    // The classmate's orders go in while the flooder is refused.
    await sendPaced(honest, honestSquad!, 3);
    await waitFor("the classmate's orders waiting", () => room.modelWorld()!.pending.filter((c) => "squad" in c && c.squad === honestSquad).length === 3);
    expect(honest.refusals).toEqual([]);

    // Once the tissue moves, the waiting orders are carried out and the flooder may order again.
    room.advance(1);
    expect(room.modelWorld()!.pending).toEqual([]);
    flooder.client.send(ClientMessage.command, { kind: "target", squad: floodSquad, x: 30, y: 30 });
    await waitFor("the new order waiting", () => room.modelWorld()!.pending.length === 1);
    expect(flooder.refusals).toHaveLength(extra);
  }, 60_000);
});
