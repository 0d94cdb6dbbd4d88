// The solo sandbox's controls over a real WebSocket: a live parameter changes the world now and the IL-2 field answers;
// between-rounds settings wait for the restart; hostile values (NaN, huge, unknown names, wrong scenario) are refused
// with a sentence and change nothing; a flood of live changes on a paused tissue stops at its bound (the round's inputs
// log stays bounded). Rooms run with `manual` set (the model moves only when a test calls advance()), but the flood's.

import { describe, expect, test } from "vitest";
import { ClientMessage, ServerMessage, type Refusal } from "../../shared/net/messages.ts";
import { SANDBOX_CONTROLS, SANDBOX_MESSAGE, SANDBOX_SETTINGS_MESSAGE, type SandboxSettings } from "../../shared/net/sandboxControls.ts";
import { MAX_LIVE_CHANGES_PER_ROUND } from "../../server/rooms/sandboxDesk.ts";
import { CellType, sampleMetrics } from "../../shared/sim/index.ts";
import type { TissueRoom } from "../../server/rooms/TissueRoom.ts";
import { joinStudent, openClass } from "./classDevices.ts";
import { testServerPerFile, waitFor } from "./startTestServer.ts";

const ts = testServerPerFile();

/** A solo sandbox room and its player; `manual`: the model moves only when the test calls advance(), else on its thread. */
async function sandbox(options: Record<string, unknown> = {}, manual = true) {
  const room = await ts.colyseus.createRoom<TissueRoom>("tissue", { seed: 11, scenarioId: "sandbox", ...options });
  room.manual = manual;
  const client = await ts.colyseus.sdk.joinById(room.roomId);
  const refusals: Refusal[] = [], settings: SandboxSettings[] = [];
  client.onMessage(ServerMessage.refused, (r: Refusal) => refusals.push(r));
  client.onMessage(SANDBOX_SETTINGS_MESSAGE, (s: SandboxSettings) => settings.push(s));
  client.onMessage(ServerMessage.field, () => {});
  client.onMessage(ServerMessage.events, () => {});
  client.onMessage("predictions", () => {});
  await client.waitForInitialState();
  await waitFor("the settings on joining", () => settings.length === 1);
  return { room, client, refusals, settings };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Live changes in the round's inputs log (replayed by a new thread, the contrasts and a class's checkpoint). */
const loggedChanges = (room: TissueRoom) => room["roundInputs"].inputs.logged.filter((l) => l.input.kind === "edit").length;

const count = (room: TissueRoom, type: number) => {
  let n = 0;
  for (let i = 0; i < room.modelWorld()!.cells.count; i++) if (room.modelWorld()!.cells.type[i] === type) n++;
  return n;
};

describe("sandbox controls", () => {
  test("holding IL-2 live: the world's parameter changes at once and the field rises to it", async () => {
    const { room, client, settings } = await sandbox();
    expect(settings[0].live.holdIl2Pm).toBe(0);
    room.advance(20);
    const before = sampleMetrics(room.modelWorld()!).values["il2.meanPm"];
    client.send(SANDBOX_MESSAGE, { set: { holdIl2Pm: 3000 } });
    await waitFor("the new settings", () => settings.length === 2);
    expect(settings[1].live.holdIl2Pm).toBe(3000);
    expect(room.facts.params.holdIl2Pm).toBe(3000);
    room.advance(5);
    const after = sampleMetrics(room.modelWorld()!).values["il2.meanPm"];
    expect(after).toBeGreaterThan(before);
    expect(after).toBeGreaterThan(1000);
    // back to 0: the cells make the field again, and it falls
    client.send(SANDBOX_MESSAGE, { set: { holdIl2Pm: 0 } });
    await waitFor("the field released", () => settings.length === 3);
    room.advance(120);
    expect(sampleMetrics(room.modelWorld()!).values["il2.meanPm"]).toBeLessThan(after);
    await client.leave();
  });

  test("between-rounds settings wait for the restart, then make the tissue", async () => {
    const { room, client, settings } = await sandbox();
    const dcs = count(room, CellType.dendritic), tregs = count(room, CellType.treg);
    client.send(SANDBOX_MESSAGE, { set: { dendriticCells: dcs + 4, tregShareOfCd4: 0.4 } });
    await waitFor("the settings", () => settings.length === 2);
    expect(settings[1].next).toEqual({ params: { tregShareOfCd4: 0.4 }, dendriticCells: dcs + 4 });
    expect(count(room, CellType.dendritic)).toBe(dcs); // nothing changes until the restart
    room.control({ action: "restart" });
    expect(count(room, CellType.dendritic)).toBe(dcs + 4);
    expect(count(room, CellType.treg)).toBeGreaterThan(tregs);
    await client.leave();
  });

  test("hostile values are refused with a sentence and change nothing", async () => {
    const { room, client, refusals, settings } = await sandbox();
    const params = { ...room.facts.params };
    const bad: [unknown, RegExp][] = [
      [{ set: { holdIl2Pm: NaN } }, /must be a number/],
      [{ set: { holdIl2Pm: Infinity } }, /must be a number/],
      [{ set: { holdIl2Pm: 1e12 } }, /outside its range/],
      [{ set: { secretionMoleculesPerS: -5 } }, /outside its range/],
      [{ set: { kEndoPerS: 0.001 } }, /unknown sandbox control "kEndoPerS"/],
      [{ set: { holdIl2Pm: 30, __proto__x: 1 } }, /unknown sandbox control/],
      [{ set: { dendriticCells: 2.5 } }, /whole number/],
      [{ set: {} }, /set from 1/],
      [{ therapy: "bleach" }, /therapy must be one of/],
      ["holdIl2Pm=3000", /must be an object/],
    ];
    for (const [payload] of bad) client.send(SANDBOX_MESSAGE, payload);
    await waitFor("every refusal", () => refusals.length === bad.length);
    bad.forEach(([, pattern], i) => expect(refusals[i].error).toMatch(pattern));
    expect(refusals.every((r) => r.message === SANDBOX_MESSAGE)).toBe(true);
    expect(room.facts.params).toEqual(params);
    expect(settings).toHaveLength(1);
    await client.leave();
  });

  test("the controls work only in the sandbox scenario", async () => {
    const room = await ts.colyseus.createRoom<TissueRoom>("tissue", { seed: 3, scenarioId: "viral" });
    room.manual = true;
    const client = await ts.colyseus.sdk.joinById(room.roomId);
    const refusals: Refusal[] = [];
    client.onMessage(ServerMessage.refused, (r: Refusal) => refusals.push(r));
    client.onMessage(ServerMessage.field, () => {});
    client.onMessage("predictions", () => {});
    await client.waitForInitialState();
    client.send(SANDBOX_MESSAGE, { set: { holdIl2Pm: 30 } });
    await waitFor("the refusal", () => refusals.length === 1);
    expect(refusals[0].error).toMatch(/sandbox scenario only/);
    expect(room.facts.params.holdIl2Pm).toBe(0);
    await client.leave();
  });

  test("in a class's sandbox, the teacher alone changes the tissue (with the host secret), and every teacher page is told", async () => {
    const { teacher, inbox, session, room } = await openClass(ts, { scenarioId: "sandbox" });
    const settings: SandboxSettings[] = [];
    teacher.onMessage(SANDBOX_SETTINGS_MESSAGE, (m: SandboxSettings) => settings.push(m));
    teacher.onMessage("predictions", () => {});
    const student = await joinStudent(ts, session.code);
    const studentGot: unknown[] = [];
    student.client.onMessage(SANDBOX_SETTINGS_MESSAGE, (m: unknown) => studentGot.push(m));
    student.client.send(SANDBOX_MESSAGE, { set: { holdIl2Pm: 300 } });
    student.client.send(SANDBOX_MESSAGE, { secret: "guess", set: { holdIl2Pm: 300 } });
    await waitFor("the student refused twice", () => student.refusals.length === 2);
    expect(student.refusals.every((r) => /only the teacher/.test(r.error))).toBe(true);
    expect(room.facts.params.holdIl2Pm).toBe(0);
    teacher.send(SANDBOX_MESSAGE, { secret: session.hostSecret, set: { holdIl2Pm: 1e9 } });
    await waitFor("the bad value refused", () => inbox.refusals.length === 1);
    expect(inbox.refusals[0].error).toMatch(/outside its range/);
    teacher.send(SANDBOX_MESSAGE, { secret: session.hostSecret, set: { holdIl2Pm: 300, tregShareOfCd4: 0.3 } });
    await waitFor("the teacher's settings", () => settings.some((m) => m.live.holdIl2Pm === 300));
    expect(room.facts.params.holdIl2Pm).toBe(300);
    expect(settings.at(-1)!.next.params).toEqual({ holdIl2Pm: 300, tregShareOfCd4: 0.3 });
    expect(studentGot).toEqual([]); // the sandbox is the teacher's
    await Promise.all([student.client.leave(), teacher.leave()]);
  });

  test("a flood of live changes on a paused tissue stops at the tissue's bound, refused in a sentence; a restart gives them back", async () => {
    const { room, client, refusals, settings } = await sandbox({}, false); // on its thread, as a visitor's room is
    client.send(ClientMessage.control, { action: "pause" });
    await waitFor("the pause", () => client.state.paused === true);
    const live = SANDBOX_CONTROLS.filter((c) => c.when === "live");
    // every message changes every live control (two steps in turn), within the message budget (15 every 0.8 s)
    const messages = Math.ceil(MAX_LIVE_CHANGES_PER_ROUND / live.length) + 20;
    for (let k = 0; k < messages; k++) {
      client.send(SANDBOX_MESSAGE, { set: Object.fromEntries(live.map((c) => [c.name, c.steps[k % 2 ? 1 : 2]])) });
      if (k % 15 === 14) await sleep(800);
    }
    await waitFor("every message answered", () => settings.length - 1 + refusals.length === messages);
    expect(refusals.length).toBeGreaterThanOrEqual(10); // every other message past the bound asks for the values in force: no change
    for (const r of refusals) {
      expect(r.message).toBe(SANDBOX_MESSAGE);
      expect(r.error).toMatch(new RegExp(`taken its ${MAX_LIVE_CHANGES_PER_ROUND} live changes: restart it .*nothing was changed`));
    }
    await waitFor("the changes sent to the model", () => room["stepper"].unsentEdits.length === 0);
    expect(room.facts.liveChanges).toBeLessThanOrEqual(MAX_LIVE_CHANGES_PER_ROUND);
    expect(loggedChanges(room)).toBe(room.facts.liveChanges);
    expect(loggedChanges(room)).toBeGreaterThan(MAX_LIVE_CHANGES_PER_ROUND - live.length);
    // a change to the value in force is no change, and settings for the next tissue are still taken
    const before = loggedChanges(room);
    client.send(SANDBOX_MESSAGE, { set: { holdIl2Pm: room.facts.params.holdIl2Pm, tregShareOfCd4: 0.3 } });
    await waitFor("the next tissue's setting", () => settings.at(-1)!.next.params?.tregShareOfCd4 === 0.3);
    expect(loggedChanges(room)).toBe(before);
    // a new tissue takes live changes again
    client.send(ClientMessage.control, { action: "restart" });
    await waitFor("the new tissue", () => room.facts.liveChanges === 0 && loggedChanges(room) === 0);
    const answered = settings.length;
    client.send(SANDBOX_MESSAGE, { set: { holdIl2Pm: 300 } });
    await waitFor("the change taken", () => settings.length === answered + 1);
    expect(settings.at(-1)!.live.holdIl2Pm).toBe(300);
    await waitFor("the change logged", () => loggedChanges(room) === 1);
    await client.leave();
  });
});
