// client/src/net/onPatch.ts on the SDK's own onStateChange signal (0.18.4): a view unmounted from inside a patch (as a
// screen change brings) neither runs again nor makes the signal skip the next view's listener; undoing twice is harmless;
// a reconnection's new room is followed.

import { describe, expect, test } from "vitest";
import { createSignal } from "@colyseus/sdk/core/signal";
import { onPatch } from "../../client/src/net/onPatch.ts";
import type { GameSession } from "../../client/src/net/GameSession.ts";

const fakeSession = () => {
  const reconnects = new Set<() => void>();
  const s = {
    room: { onStateChange: createSignal<() => void>() },
    onReconnect: (cb: () => void) => { reconnects.add(cb); return () => { reconnects.delete(cb); }; },
    reconnect() { s.room = { onStateChange: createSignal<() => void>() }; for (const cb of [...reconnects]) cb(); },
  };
  return s;
};
const asSession = (s: ReturnType<typeof fakeSession>) => s as unknown as GameSession;
const settle = () => new Promise<void>((r) => queueMicrotask(r));

describe("onPatch", () => {
  test("a listener undone during the patch does not make the signal skip the next one", async () => {
    const s = fakeSession();
    const calls: string[] = [];
    const offA = onPatch(asSession(s), () => { calls.push("a"); offA(); offA(); });
    onPatch(asSession(s), () => calls.push("b"));
    onPatch(asSession(s), () => calls.push("c"));
    s.room.onStateChange.invoke();
    expect(calls).toEqual(["a", "b", "c"]);
    await settle();
    s.room.onStateChange.invoke();
    expect(calls.slice(3).sort()).toEqual(["b", "c"]); // a is gone (the SDK's removal reorders the rest)
  });

  test("undone, it is not called again even before its removal has run", () => {
    const s = fakeSession();
    let n = 0;
    const off = onPatch(asSession(s), () => n++);
    s.room.onStateChange.invoke();
    off();
    s.room.onStateChange.invoke();
    expect(n).toBe(1);
  });

  test("follows the room a reconnection brings, and calls back at once", async () => {
    const s = fakeSession();
    let n = 0;
    const off = onPatch(asSession(s), () => n++);
    const old = s.room;
    s.reconnect();
    expect(n).toBe(1);
    s.room.onStateChange.invoke();
    expect(n).toBe(2);
    await settle();
    old.onStateChange.invoke(); // the old room's listener no longer counts
    expect(n).toBe(2);
    off();
    await settle();
    s.room.onStateChange.invoke();
    expect(n).toBe(2);
  });
});
