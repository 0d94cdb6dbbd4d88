// The client's screen machine (client/src/screens/screenMachine.ts): every screen × event is either a transition or
// ignored, never a crash; a class's life and a solo round's life walked through.

import { describe, expect, test } from "vitest";
import {
  EVENT_TYPES, INITIAL, MODES, SCREENS, ScreenMachine, TRANSITIONS, next,
  type EventType, type ScreenEvent, type ScreenState,
} from "../../client/src/screens/screenMachine.ts";

const sample = (type: EventType): ScreenEvent[] => {
  switch (type) {
    case "chooseMode": case "joined": return Object.values(MODES).map((mode) => ({ type, mode }));
    case "phaseChanged": return (["lobby", "playing", "ended"] as const).flatMap((phase) => [1, 2].map((round) => ({ type, phase, round })));
    default: return [{ type } as ScreenEvent];
  }
};

describe("the screen machine", () => {
  test("every screen × event, in every mode and round, is a transition or ignored", () => {
    let transitions = 0, ignored = 0;
    for (const screen of SCREENS) for (const mode of [null, ...Object.values(MODES)]) for (const round of [-1, 1]) {
      const s: ScreenState = { screen, mode, round };
      for (const type of EVENT_TYPES) for (const e of sample(type)) {
        const t = next(s, e);
        if (!t) { ignored++; continue; }
        transitions++;
        expect(SCREENS).toContain(t.to.screen);
        expect(t.from).toBe(s);
        expect(type in TRANSITIONS[screen]).toBe(true); // only an event the table lists moves the machine
        expect(t.to.screen !== screen || t.to.round !== round || t.to.mode !== mode).toBe(true);
        expect(t.roundLeft).toBe((screen === "playing" || screen === "debrief") && !["playing", "debrief"].includes(t.to.screen));
      }
    }
    expect(transitions).toBeGreaterThan(20);
    expect(ignored).toBeGreaterThan(100);
  });

  test("what each screen ignores", () => {
    const s = (screen: ScreenState["screen"]): ScreenState => ({ screen, mode: MODES.classStudent, round: 3 });
    expect(next(s("menu"), { type: "debriefArrived" })).toBeNull();
    expect(next(s("menu"), { type: "phaseChanged", phase: "playing", round: 1 })).toBeNull();
    expect(next(s("lobby"), { type: "debriefArrived" })).toBeNull();
    expect(next(s("lobby"), { type: "joined", mode: MODES.solo })).toBeNull();
    expect(next(s("playing"), { type: "phaseChanged", phase: "playing", round: 3 })).toBeNull(); // the same round
    expect(next(s("playing"), { type: "phaseChanged", phase: "ended", round: 3 })).toBeNull(); // the debrief follows
    expect(next(s("debrief"), { type: "debriefArrived" })).toBeNull();
    expect(next(s("farewell"), { type: "closed" })).toBeNull();
    expect(next(INITIAL, { type: "left" })).toBeNull();
  });

  test("a student's class: lobby, a round, its debrief, the next round, then the teacher closes the class", () => {
    const m = new ScreenMachine();
    const seen: string[] = [];
    m.onTransition((t) => seen.push(`${t.to.screen}${t.roundStarted ? "+start" : ""}${t.roundLeft ? "+leave" : ""}`));
    m.send({ type: "joined", mode: MODES.classStudent });
    m.send({ type: "phaseChanged", phase: "lobby", round: 1 }); // ignored: already in the lobby
    m.send({ type: "phaseChanged", phase: "playing", round: 1 });
    m.send({ type: "phaseChanged", phase: "ended", round: 1 }); // ignored: the debrief follows
    m.send({ type: "debriefArrived" });
    m.send({ type: "phaseChanged", phase: "lobby", round: 1 });
    m.send({ type: "phaseChanged", phase: "playing", round: 2 });
    m.send({ type: "closed" });
    expect(seen).toEqual(["lobby", "playing+start", "debrief", "lobby+leave", "playing+start", "farewell+leave"]);
    expect(m.state.round).toBe(-1);
  });

  test("a class whose teacher starts a new round from the debrief or mid-round goes straight to it", () => {
    const m = new ScreenMachine();
    m.send({ type: "joined", mode: MODES.classTeacher });
    m.send({ type: "phaseChanged", phase: "playing", round: 4 });
    const restart = m.send({ type: "phaseChanged", phase: "playing", round: 5 });
    expect(restart).toMatchObject({ roundStarted: true, roundLeft: false, to: { screen: "playing", round: 5 } });
    m.send({ type: "debriefArrived" });
    expect(m.send({ type: "phaseChanged", phase: "playing", round: 6 })).toMatchObject({ roundStarted: true, roundLeft: false });
  });

  test("a page that joins a class whose round has ended shows the lobby, not a debrief it never saw", () => {
    const m = new ScreenMachine();
    m.send({ type: "joined", mode: MODES.classStudent });
    expect(m.send({ type: "phaseChanged", phase: "ended", round: 2 })).toBeNull();
    expect(m.state.screen).toBe("lobby");
  });

  test("solo: the setup, the round at once (no lobby), the debrief, play again, then the menu", () => {
    const m = new ScreenMachine();
    expect(m.send({ type: "chooseMode", mode: MODES.solo })?.to.screen).toBe("setup");
    expect(m.send({ type: "joined", mode: MODES.solo })?.to.screen).toBe("playing");
    expect(m.send({ type: "phaseChanged", phase: "playing", round: 1 })).toMatchObject({ roundStarted: false, to: { round: 1 } });
    expect(m.send({ type: "phaseChanged", phase: "lobby", round: 1 })).toBeNull(); // no lobby in solo
    expect(m.send({ type: "debriefArrived" })?.to.screen).toBe("debrief");
    expect(m.send({ type: "phaseChanged", phase: "playing", round: 2 })).toMatchObject({ roundStarted: true });
    expect(m.send({ type: "left" })).toMatchObject({ roundLeft: true, to: INITIAL });
  });

  test("a class closed while its page waits for the room's state: the farewell", () => {
    const m = new ScreenMachine();
    m.send({ type: "chooseMode", mode: MODES.classStudent });
    expect(m.send({ type: "closed" })).toMatchObject({ roundLeft: false, to: { screen: "farewell" } });
  });

  test("removed or the server gone: the farewell, then the menu or a new class", () => {
    for (const type of ["removed", "serverGone", "closed"] as const) {
      const m = new ScreenMachine();
      m.send({ type: "joined", mode: MODES.classStudent });
      expect(m.send({ type })?.to.screen).toBe("farewell");
      expect(m.send({ type: "joined", mode: MODES.classStudent })?.to.screen).toBe("lobby");
      m.send({ type });
      expect(m.send({ type: "left" })?.to).toEqual(INITIAL);
    }
  });

  test("a listener that sends an event sees the machine already in the new state", () => {
    const m = new ScreenMachine();
    const order: string[] = [];
    m.onTransition((t) => {
      order.push(t.to.screen);
      if (t.to.screen === "farewell") m.send({ type: "left" });
    });
    m.send({ type: "joined", mode: MODES.classStudent });
    m.send({ type: "removed" });
    expect(order).toEqual(["lobby", "farewell", "menu"]);
  });
});

describe("the screen machine's kiosk and a page shared by solo and a class", () => {
  /** The kiosk's names for the machine's screens, as client/src/kiosk/Kiosk.ts shows them (farewell keeps the last). */
  const NAMES = { menu: "attract", setup: "starting", playing: "round", debrief: "result" } as Record<string, string>;

  test("the kiosk: attract, a touch, the round, its result, play again, a lost connection, attract again", () => {
    const m = new ScreenMachine();
    const names: string[] = [];
    m.onTransition((t) => { if (NAMES[t.to.screen]) names.push(NAMES[t.to.screen]!); });
    expect(m.send({ type: "left" })).toBeNull(); // the first attract: the machine starts on the menu
    m.send({ type: "chooseMode", mode: MODES.kiosk });
    expect(m.send({ type: "joined", mode: MODES.kiosk })).toMatchObject({ roundStarted: true, to: { screen: "playing" } });
    m.send({ type: "phaseChanged", phase: "lobby", round: 1 }); // ignored: no lobby at a kiosk
    m.send({ type: "debriefArrived" });
    m.send({ type: "left" }); // "Play again" from the result goes through attract
    m.send({ type: "chooseMode", mode: MODES.kiosk });
    m.send({ type: "joined", mode: MODES.kiosk });
    expect(m.send({ type: "serverGone" })).toMatchObject({ roundLeft: true, to: { screen: "farewell" } });
    m.send({ type: "left" });
    expect(names).toEqual(["starting", "round", "result", "attract", "starting", "round", "attract"]);
  });

  test("a connection lost while the kiosk's round is being made: farewell, then attract", () => {
    const m = new ScreenMachine();
    m.send({ type: "chooseMode", mode: MODES.kiosk });
    expect(m.send({ type: "serverGone" })?.to.screen).toBe("farewell");
    expect(m.send({ type: "left" })?.to).toEqual(INITIAL);
  });

  test("one page: a solo round left for the menu, then a class; a solo room joined from the debrief starts anew", () => {
    const m = new ScreenMachine();
    m.send({ type: "chooseMode", mode: MODES.solo });
    m.send({ type: "joined", mode: MODES.solo });
    m.send({ type: "debriefArrived" });
    // "Play again" in a new room (soloScreens.ts): leave, choose solo, join.
    expect(m.send({ type: "left" })).toMatchObject({ roundLeft: true });
    m.send({ type: "chooseMode", mode: MODES.solo });
    expect(m.send({ type: "joined", mode: MODES.solo })).toMatchObject({ roundStarted: true, to: { mode: MODES.solo } });
    m.send({ type: "left" });
    m.send({ type: "chooseMode", mode: MODES.classStudent });
    m.send({ type: "joined", mode: MODES.classStudent });
    expect(m.state).toEqual({ screen: "lobby", mode: MODES.classStudent, round: -1 });
  });
});
