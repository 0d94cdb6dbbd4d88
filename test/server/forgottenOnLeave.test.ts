// A client that leaves is forgotten by its room, even when the model's answer to something it sent comes afterwards:
// over real WebSockets on 127.0.0.1, a student sends an order the round refuses (another role's squad) and leaves at
// once; the refusal, made where the model is with its next answer, is neither sent nor counted against a budget the
// room no longer keeps for it (server/rooms/TissueRoomBase.ts refuse, messageBudget.ts).

import { describe, expect, test } from "vitest";
import { ClientMessage } from "../../shared/net/messages.ts";
import { joinStudent, openClass } from "./classDevices.ts";
import { testServerPerFile, waitFor } from "./startTestServer.ts";

const ts = testServerPerFile();

describe("a client that left", () => {
  test("an order refused by the round after its sender left leaves nothing of the sender in the room's budgets", async () => {
    const { session, room, act, teacher } = await openClass(ts, { scenarioId: "viral" });
    room.manual = false; // the model on its thread: its answer comes with a later tick
    const student = await joinStudent(ts, session.code);
    act({ action: "start" });
    await waitFor("the round playing", () => teacher.state.phase === "playing");
    const id = student.client.sessionId;
    const mine = room.seats.byId.get(id)!.squads;
    const notMine = [1, 2, 3, 4, 5, 6, 7, 8].find((s) => !mine.includes(s))!;
    const replies = room["budget"]["replies"], commands = room["budget"]["commands"];
    student.client.send(ClientMessage.command, { kind: "release", squad: notMine });
    await waitFor("the order at the door", () => commands.has(id));
    await student.client.leave();
    await waitFor("the student gone", () => !room.seats.byId.has(id));
    expect(commands.has(id)).toBe(false);
    // the order goes to the model with the next ask; its answer (a refusal) comes after the student left
    await waitFor("the model's answer to the order", () => room["roundInputs"].waitingCount === 0 && room["stepper"].model.ready);
    await waitFor("a later answer", async () => (await room.lookAtModel()) !== null);
    expect(replies.has(id)).toBe(false);
    expect(commands.has(id)).toBe(false);
    await teacher.leave();
  });
});
