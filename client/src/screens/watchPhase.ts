// The room's phase and round number as events: calls back when either changes in the state's patches (and once
// now, if the state has come), re-binding to the new room a reconnection brings. Feeds the screen machine
// (screenMachine.ts). Used by classroom/classroomUi.ts.
// Beware the SDK's onStateChange signal (0.18.4): a listener that removes itself while the signal runs makes it skip
// the next listener for that state (its remove() swaps the last one into the freed place), and removing a listener
// it does not hold drops its last one. Hence net/onPatch.ts, which removes listeners after the signal has run, once.

import type { GameSession } from "../net/GameSession.ts";
import { onPatch } from "../net/onPatch.ts";
import type { Phase } from "./screenMachine.ts";

const isPhase = (p: string): p is Phase => p === "lobby" || p === "playing" || p === "ended";

/**
 * `ready` says when the state is the room's rather than its defaults (a class's state always has its code; before
 * the first patch the defaults say phase "playing"). Returns the unbinding.
 */
export function watchPhase(session: GameSession, ready: () => boolean, cb: (phase: Phase, round: number) => void): () => void {
  let phase = "", round = -1;
  const look = () => {
    const st = session.state;
    if (!st || !ready() || !isPhase(st.phase)) return;
    if (st.phase === phase && st.round === round) return;
    phase = st.phase; round = st.round;
    cb(st.phase, st.round);
  };
  const off = onPatch(session, look); // safe to undo from inside a patch, follows a reconnection's room
  look();
  return off;
}
