// The client's screens as one explicit state machine: menu → setup → lobby → playing → debrief (and farewell, the
// kind message when a class closes, removes this student or its server is gone), with the mode (solo, class
// student, class teacher, kiosk) as an object it consults. Pure: no DOM, no timers; the transitions are a table.
// Driven from the room's state changes by classroom/classroomUi.ts (a class) and screens/soloScreens.ts (solo rounds),
// one machine per page (main.ts); the kiosk drives its own (kiosk/Kiosk.ts). Unit-tested in
// test/unit/screenMachine.test.ts.

export type Screen = "menu" | "setup" | "lobby" | "playing" | "debrief" | "farewell";
export type ModeKind = "solo" | "classStudent" | "classTeacher" | "kiosk";
/** The room's phase as the state carries it (shared/net/TissueState.ts). */
export type Phase = "lobby" | "playing" | "ended";

/** What a mode tells the machine: whether its rounds wait in a lobby (a class's do; solo and kiosk start at once). */
export interface Mode {
  readonly kind: ModeKind;
  readonly lobby: boolean;
}

export const MODES: Readonly<Record<ModeKind, Mode>> = {
  solo: { kind: "solo", lobby: false },
  classStudent: { kind: "classStudent", lobby: true },
  classTeacher: { kind: "classTeacher", lobby: true },
  kiosk: { kind: "kiosk", lobby: false },
};

export type ScreenEvent =
  | { type: "chooseMode"; mode: Mode }
  /** A room was joined (created, joined by code, or resumed after a reload); the mode says whose it is. */
  | { type: "joined"; mode: Mode }
  /** The room's phase or round number changed (a new round counts up `round`). */
  | { type: "phaseChanged"; phase: Phase; round: number }
  | { type: "debriefArrived" }
  /** This tab left on purpose (a Leave button, "Back to the menu"). */
  | { type: "left" }
  /** The class was closed by the teacher, or ended. */
  | { type: "closed" }
  | { type: "removed" }
  /** The room is gone for good and this tab was not asked (a lost server, a seat let go). */
  | { type: "serverGone" };

export type EventType = ScreenEvent["type"];
export const EVENT_TYPES: readonly EventType[] = ["chooseMode", "joined", "phaseChanged", "debriefArrived", "left", "closed", "removed", "serverGone"];
export const SCREENS: readonly Screen[] = ["menu", "setup", "lobby", "playing", "debrief", "farewell"];

export interface ScreenState {
  readonly screen: Screen;
  readonly mode: Mode | null;
  /** The round on screen (the state's `round`), -1 when none. */
  readonly round: number;
}

export const INITIAL: ScreenState = { screen: "menu", mode: null, round: -1 };

/** One change of screen (or a new round on the same screen); the adapters act on these. */
export interface Transition {
  readonly from: ScreenState;
  readonly to: ScreenState;
  readonly event: ScreenEvent;
  /** A round begins on screen: from elsewhere, or a new round number while playing or in the debrief. */
  readonly roundStarted: boolean;
  /** The play interface is left (playing or debrief → any other screen). */
  readonly roundLeft: boolean;
}

type Rule<E extends ScreenEvent = ScreenEvent> = (s: ScreenState, e: E) => ScreenState | null;
type Rules = { [K in EventType]?: Rule<Extract<ScreenEvent, { type: K }>> };

const to = (screen: Screen): Rule => (s) => ({ ...s, screen });
const farewell: Rule = (s) => ({ ...s, screen: "farewell", round: -1 });
const menu: Rule = () => INITIAL;
const joined: Rule<Extract<ScreenEvent, { type: "joined" }>> = (_s, e) => ({ screen: e.mode.lobby ? "lobby" : "playing", mode: e.mode, round: -1 });
const choose: Rule<Extract<ScreenEvent, { type: "chooseMode" }>> = (_s, e) => ({ screen: "setup", mode: e.mode, round: -1 });

/** The room's phase seen from a lobby, a round or a debrief. */
const phase: Rule<Extract<ScreenEvent, { type: "phaseChanged" }>> = (s, e) => {
  const inRound = s.screen === "playing" || s.screen === "debrief";
  if (e.phase === "playing") {
    if (inRound && e.round === s.round) return null; // the same round goes on
    return { ...s, screen: "playing", round: e.round };
  }
  if (e.phase === "ended") {
    // The debrief follows (debriefArrived); a finished round this tab never saw shows the lobby.
    if (inRound) return null;
    return s.mode?.lobby ? { ...s, screen: "lobby", round: -1 } : null;
  }
  return s.mode?.lobby ? { ...s, screen: "lobby", round: -1 } : null; // "lobby": between rounds
};

/** The transitions as data: for each screen, the events it answers; every other event is ignored there. */
export const TRANSITIONS: Readonly<Record<Screen, Rules>> = {
  menu: { chooseMode: choose, joined },
  // Setup: the forms, and a room joined but whose state has not come yet; a class may close in between.
  setup: { chooseMode: choose, joined, left: menu, closed: farewell, removed: farewell, serverGone: farewell },
  lobby: { phaseChanged: phase, left: menu, closed: farewell, removed: farewell, serverGone: farewell },
  playing: {
    phaseChanged: phase, debriefArrived: to("debrief"), left: menu,
    closed: farewell, removed: farewell, serverGone: farewell,
  },
  debrief: { phaseChanged: phase, left: menu, closed: farewell, removed: farewell, serverGone: farewell },
  farewell: { chooseMode: choose, joined, left: menu },
};

/** The next state, or null when this screen ignores the event (or nothing would change). */
export function next(s: ScreenState, e: ScreenEvent): Transition | null {
  const rule = TRANSITIONS[s.screen][e.type] as Rule | undefined;
  const after = rule?.(s, e) ?? null;
  if (!after || (after.screen === s.screen && after.mode === s.mode && after.round === s.round)) return null;
  const wasRound = s.screen === "playing" || s.screen === "debrief";
  const isRound = after.screen === "playing" || after.screen === "debrief";
  return {
    from: s, to: after, event: e,
    // A round joined before its number was known (-1) learns it without starting again.
    roundStarted: after.screen === "playing" && (!wasRound || (s.round !== -1 && after.round !== s.round)),
    roundLeft: wasRound && !isRound,
  };
}

/** The machine with its current state: `send` applies an event and tells the listeners of a transition. */
export class ScreenMachine {
  private current: ScreenState = INITIAL;
  private readonly listeners = new Set<(t: Transition) => void>();

  get state(): ScreenState { return this.current; }

  /** Applies the event; returns the transition, or null when it was ignored. */
  send(e: ScreenEvent): Transition | null {
    const t = next(this.current, e);
    if (!t) return null;
    this.current = t.to;
    for (const cb of [...this.listeners]) cb(t);
    return t;
  }

  onTransition(cb: (t: Transition) => void): () => void {
    this.listeners.add(cb);
    return () => { this.listeners.delete(cb); };
  }
}
