// Calls back after each of the room's state patches, on the room a reconnection brings too: the views that follow the
// class (classroom/lobbyView.ts, classroom/teacherControls.ts, classroom/classroomPlay.ts) react to the state's changes
// rather than to timers. Safe to undo from inside a patch (a view unmounted by a screen change the same patch brought):
// the SDK's onStateChange signal (0.18.4) skips the next listener when one is removed while it runs (screens/watchPhase.ts),
// so the listener is silenced at once and removed after the signal, once.

import type { GameSession } from "./GameSession.ts";

export function onPatch(session: GameSession, cb: () => void): () => void {
  let alive = true;
  const bind = () => {
    const room = session.room;
    let bound = true;
    const listener = () => { if (alive && bound) cb(); }; // one per binding: the old one's late removal leaves it alone
    room.onStateChange(listener);
    return () => {
      if (!bound) return;
      bound = false;
      queueMicrotask(() => { if (session.room === room) room.onStateChange.remove(listener); }); // a left room has none left
    };
  };
  let unbind = bind();
  const offReconnect = session.onReconnect(() => { unbind(); unbind = bind(); if (alive) cb(); });
  return () => { if (!alive) return; alive = false; unbind(); offReconnect(); };
}
