// What a mode adds to the play interface (ui/playUi.ts): a class's side panels and debrief (classroom/classroomPlay.ts);
// solo and the kiosk add nothing. Passed to setUpPlayUi by main.ts, in place of a global that modules filled in.

import type { Bus } from "../bus.ts";
import type { GameSession } from "../net/GameSession.ts";
import type { DebriefActions } from "./debriefView.ts";

export interface PlayMode {
  /** After the side panel is built: add panels; returns their unmount, or null when the round is not this mode's. */
  mountSide?: (session: GameSession, side: HTMLElement, bus: Bus) => (() => void) | null;
  /** The debrief's actions and extra content for this mode's round; null when the round is not this mode's. */
  debrief?: (session: GameSession) => { actions: DebriefActions; after: (root: HTMLElement) => () => void } | null;
}

/** Solo's (and the kiosk's): nothing added. */
export const SOLO_PLAY: PlayMode = {};
