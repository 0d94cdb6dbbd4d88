// The room's desk of round inputs (server/rooms/roundInputDesk.ts): inputs wait for the next ask to the model's host
// (its thread or this process), go with it after its edits, and are logged at that ask's tick only when the host's
// answer says they changed the round; an ask dropped sends its inputs again first; a bot seated on the room's seats
// goes to the Round as an input; the teacher's end tells what still waits; a bot seated outside the log makes the log
// unfit to replay.

import { describe, expect, test } from "vitest";
import { Round, type InputAnswer } from "../../shared/round/index.ts";
import { RoundInputDesk } from "../../server/rooms/roundInputDesk.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { ROLE_SQUADS, createWorld, makeParams, step } from "../../shared/sim/index.ts";
import { createBot } from "../../shared/bots/index.ts";

const sc = { ...SCENARIOS.viral, days: 1 };
const clinician = { role: "clinician" as const, squads: ROLE_SQUADS.clinician };
const course = { kind: "admit" as const, sender: clinician, command: { kind: "therapy" as const, therapy: "lowDose" as const, course: true } };
const again = { kind: "admit" as const, sender: clinician, command: { kind: "therapy" as const, therapy: "lowDose" as const, course: false } };

function desk() {
  const round = new Round(createWorld(sc, makeParams(sc.params), 3)); // the room's bot seats: its BotSeats
  const d = new RoundInputDesk(() => round.bots.roles());
  round.bots.watch = (change) => d.seatChanged(change);
  return { round, d };
}

describe("the room's round inputs", () => {
  test("inputs wait for the ask, follow its edits in the log, and are logged at its tick when the answer says they changed the round", () => {
    const { round, d } = desk();
    const told: InputAnswer[] = [];
    d.make(course, (a) => told.push(a));
    round.bots.seat("treg", "normal", round.world.seed, round.world.dtS); // the room's seat changes now; the Round's with the ask
    d.make(again, (a) => told.push(a));
    expect(d.waitingCount).toBe(3);
    const edit = { kind: "merge" as const, from: 5, to: 1 };
    const sent = d.send([edit], 0);
    expect(sent).toEqual([course, { kind: "seat", role: "treg", difficulty: "normal" }, again]);
    // the thread died: the ask's inputs go again, before one made since
    d.resend();
    const later = { kind: "give" as const, therapy: "highDose" as const };
    d.make(later, (a) => told.push(a));
    step(round.world);
    expect(d.send([], 1)).toEqual([...sent, later]);
    d.answered([{ ok: true, command: course.command }, null, { ok: false, error: "still in use" }, "the leak is past the line"]);
    expect(told).toEqual([{ ok: true, command: course.command }, { ok: false, error: "still in use" }, "the leak is past the line"]);
    expect(d.inputs.logged).toEqual([
      { tick: 0, input: { kind: "edit", edit } },
      { tick: 1, input: course },
      { tick: 1, input: { kind: "seat", role: "treg", difficulty: "normal" } },
    ]);
    expect(d.waitingCount).toBe(0);
    expect(d.to(7)).toEqual({ logged: d.inputs.logged, tick: 7 });
  });

  test("the teacher's end tells what waits; a bot seated outside the log, or a rebuilt round, cannot be replayed", () => {
    const { round, d } = desk();
    const told: InputAnswer[] = [];
    d.make(course, (a) => told.push(a));
    d.send([], 0);
    d.make(again, (a) => told.push(a));
    d.stop();
    expect(told).toEqual(["the round is over", "the round is over"]);
    expect(d.waitingCount).toBe(0);
    expect(d.replayable()).toBe(true);
    round.bots.seatBot(createBot("nk", "easy", 1, round.world.dtS));
    expect(d.replayable()).toBe(false);
    d.clear();
    round.bots.unseat("nk");
    expect(d.replayable()).toBe(true);
    d.whole = false;
    expect(d.replayable()).toBe(false);
  });
});
