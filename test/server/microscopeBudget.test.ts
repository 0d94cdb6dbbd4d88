// The microscope's own budget and one question at a time per student (server/rooms/microscopeQuestions.ts at
// commandDoor.ts's door), over real WebSockets on 127.0.0.1, in a class driven by advance() alone: a student using the
// microscope as the page does (client/src/ui/microscopeAsk.ts) gets every answer; a student flooding it is refused in a
// sentence past its budget and has one question at a time reach the model (a gate holds the model's answers and counts
// its questions), while a classmate's order and microscope go on; a student who leaves is forgotten, and the question
// it had waiting is never asked.

import { describe, expect, test } from "vitest";
import { ASK_EVERY_MS } from "../../client/src/ui/microscopeAsk.ts";
import { ClientMessage, ServerMessage, type InspectResult } from "../../shared/net/messages.ts";
import type { ClassroomRoom } from "../../server/rooms/ClassroomRoom.ts";
import { MessageBudget } from "../../server/rooms/messageBudget.ts";
import { MicroscopeQuestions } from "../../server/rooms/microscopeQuestions.ts";
import type { Question } from "../../server/rooms/model/modelHost.ts";
import { joinStudent, openClass, type ClassDevice } from "./classDevices.ts";
import { testServerPerFile, waitFor } from "./startTestServer.ts";

const ts = testServerPerFile();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const TOO_MANY = `too many looks through the microscope: at most ${MicroscopeQuestions.PER_SECOND} a second`;

/** A class of `n` students playing its round (the model stepped by advance() alone). */
async function classPlaying(n: number) {
  const { teacher, session, room, act } = await openClass(ts, { scenarioId: "viral" });
  const students = await Promise.all(Array.from({ length: n }, () => joinStudent(ts, session.code)));
  await waitFor(`${n} seats`, () => teacher.state.seats.size === n);
  act({ action: "start" });
  await waitFor("the round to start", () => teacher.state.phase === "playing");
  return { teacher, room, students, cellIds: [...room.modelWorld()!.cells.id] };
}

/** The microscope's answers a device receives. */
function looks(d: ClassDevice): InspectResult[] {
  const seen: InspectResult[] = [];
  d.client.onMessage(ServerMessage.inspect, (r: InspectResult) => seen.push(r));
  return seen;
}

/** Holds the model's answers to the microscope's questions until released, and records each question reaching it. */
function gateMicroscope(room: ClassroomRoom) {
  const host = room["stepper"].model;
  const question = host.question.bind(host);
  const asked: number[] = [];
  const held: (() => void)[] = [];
  let holding = true;
  host.question = ((q: Question) => {
    if (q.what !== "inspect") return question(q);
    asked.push(q.cellId);
    const answer = question(q);
    return holding ? new Promise<Awaited<typeof answer>>((resolve) => held.push(() => resolve(answer))) : answer;
  }) as typeof host.question;
  return {
    asked,
    hold: () => { holding = true; },
    release: () => { holding = false; for (const go of held.splice(0)) go(); },
  };
}

/** Sends a message the room does not know: its refusal comes after those of everything sent before it. */
async function flush(d: ClassDevice): Promise<void> {
  const before = d.refusals.filter((r) => r.message === "flush").length;
  d.client.send("flush", {});
  await waitFor("the messages before the flush handled", () => d.refusals.filter((r) => r.message === "flush").length === before + 1);
}

describe("the microscope's budget", () => {
  test("a student clicking through cells and watching one as the page does gets every answer, refused none", async () => {
    const { teacher, room, students: [student], cellIds } = await classPlaying(1);
    const seen = looks(student);
    // A burst of clicks on cells (as many as the budget holds in hand): the page shows the last cell's answer.
    const clicks = cellIds.slice(0, MicroscopeQuestions.BURST);
    for (const cellId of clicks) student.client.send(ClientMessage.inspect, { cellId });
    await waitFor("the last cell clicked answered", () => seen.at(-1)?.cellId === clicks.at(-1));
    // Then the open cell refreshed as the page does: once its answer is in, the tissue has moved and a second has passed.
    for (let k = 0; k < 3; k++) {
      await sleep(ASK_EVERY_MS);
      room.advance(1);
      const before = seen.length;
      student.client.send(ClientMessage.inspect, { cellId: clicks.at(-1) });
      await waitFor("the refresh answered", () => seen.length === before + 1);
      expect(seen.at(-1)).toMatchObject({ cellId: clicks.at(-1), found: true });
    }
    expect(student.refusals).toEqual([]);
    await teacher.leave();
  }, 30_000);

  test("a flood is refused in a sentence past the budget and reaches the model one question at a time; a classmate's order and microscope go on; a student who leaves is forgotten", async () => {
    const { teacher, room, students: [flooder, classmate], cellIds } = await classPlaying(2);
    const flooderLooks = looks(flooder), classmateLooks = looks(classmate);
    const gate = gateMicroscope(room);

    // Fewer than the refusals' own allowance, so each refusal is heard; far more than the microscope's budget.
    const flood = MessageBudget.REPLIES_PER_SECOND - 6;
    expect(flood).toBeGreaterThan(2 * MicroscopeQuestions.BURST);
    for (let k = 0; k < flood; k++) flooder.client.send(ClientMessage.inspect, { cellId: cellIds[k % cellIds.length] });
    await flush(flooder);
    const refused = flooder.refusals.filter((r) => r.message === ClientMessage.inspect);
    expect(refused.map((r) => r.error)).toEqual(refused.map(() => TOO_MANY));
    // The budget refills while the flood arrives: a look or so more may pass than it holds in hand.
    expect(refused.length).toBeGreaterThanOrEqual(flood - MicroscopeQuestions.BURST - 1);
    expect(refused.length).toBeLessThanOrEqual(flood - MicroscopeQuestions.BURST);
    expect(gate.asked).toEqual([cellIds[0]]); // its first look is on its way; the rest wait for it or were refused
    expect(flooder.left).toEqual([]); // refused, not disconnected

    // The classmate's order goes in and its look reaches the model while the flooder's question is unanswered.
    const squad = room.state.seats.get(classmate.client.sessionId)!.squads.at(0)!;
    classmate.client.send(ClientMessage.command, { kind: "target", squad, x: 10, y: 20 });
    classmate.client.send(ClientMessage.inspect, { cellId: cellIds[1] });
    await waitFor("the classmate's order waiting", () => room.modelWorld()!.pending.length === 1);
    await waitFor("the classmate's look at the model", () => gate.asked.length === 2);
    expect(gate.asked[1]).toBe(cellIds[1]);

    // Answered: the flooder's last look that was let through is asked next (once), and answered.
    gate.release();
    await waitFor("the answers", () => flooderLooks.length === 2 && classmateLooks.length === 1);
    expect(gate.asked).toHaveLength(3);
    expect(flooderLooks.map((r) => r.cellId)).toEqual([cellIds[0], gate.asked[2]]);
    expect(classmateLooks[0]).toMatchObject({ cellId: cellIds[1], found: true });
    expect(classmate.refusals).toEqual([]);

    // A student who leaves with a question on its way and another waiting is forgotten; the waiting one is not asked.
    gate.hold();
    await sleep(1000); // the budget has refilled
    flooder.client.send(ClientMessage.inspect, { cellId: cellIds[2] });
    flooder.client.send(ClientMessage.inspect, { cellId: cellIds[3] });
    await flush(flooder);
    expect(gate.asked.slice(3)).toEqual([cellIds[2]]);
    const id = flooder.client.sessionId;
    expect(room["microscope"].holds(id)).toBe(true);
    await flooder.client.leave();
    await waitFor("the flooder forgotten", () => !room["microscope"].holds(id));
    gate.release();
    classmate.client.send(ClientMessage.inspect, { cellId: cellIds[4] });
    await waitFor("the classmate answered", () => classmateLooks.length === 2);
    expect(gate.asked.slice(3)).toEqual([cellIds[2], cellIds[4]]);
    await teacher.leave();
  }, 30_000);
});
