// When the play scene starts: after the loading scene's sprites on the page's game, at once on the kiosk's; the latest
// round when two began while the sprites loaded; none after the player left. A fake game (events, registry, scene
// manager) and the client's real Bus. CI once caught the page's game starting the play scene before Phaser had booted
// its loading scene, so both loaded the sprites ("Texture key already in use").

import { EventEmitter } from "node:events";
import { describe, expect, test } from "vitest";
import { Bus } from "../../client/src/bus.ts";
import type { GameSession } from "../../client/src/net/GameSession.ts";
import { ASSETS_READY } from "../../client/src/play/cellStyle.ts";
import { wirePlayScene, type PlaySceneData, type WiredGame } from "../../client/src/scenes/playSceneWiring.ts";

function fakeGame() {
  const flags = new Map<string, unknown>();
  const active = new Set<string>(["Menu"]);
  const started: PlaySceneData[] = [];
  const game = {
    events: new EventEmitter(),
    registry: { get: (k: string) => flags.get(k), set: (k: string, v: unknown) => flags.set(k, v) },
    scene: {
      isActive: (k: string) => active.has(k),
      start: (k: string, data: PlaySceneData) => { active.add(k); if (k === "Play") started.push(data); },
      stop: (k: string) => { active.delete(k); },
    },
  };
  /** What LoadingScene.create does once every sprite is in. */
  const spritesLoaded = () => { flags.set(ASSETS_READY, true); game.events.emit(ASSETS_READY); };
  return { game: game as unknown as WiredGame, active, started, spritesLoaded };
}

const session = (name: string) => ({ name }) as unknown as GameSession;

describe("the play scene's start", () => {
  test("on the page's game, a round that starts before the sprites are in waits for them, then starts once", () => {
    const f = fakeGame(), bus = new Bus();
    wirePlayScene(f.game, bus, true);
    bus.emit("round-start", session("a"));
    expect(f.started).toHaveLength(0);
    expect(f.active.has("Menu")).toBe(true);
    f.spritesLoaded();
    expect(f.started.map((d) => (d.session as unknown as { name: string }).name)).toEqual(["a"]);
    expect(f.active.has("Menu")).toBe(false);
    f.game.events.emit(ASSETS_READY); // nothing waits any more
    expect(f.started).toHaveLength(1);
  });

  test("two rounds begun while the sprites load: only the latest starts", () => {
    const f = fakeGame(), bus = new Bus();
    wirePlayScene(f.game, bus, true);
    bus.emit("round-start", session("a"));
    bus.emit("round-start", session("b"));
    f.spritesLoaded();
    expect(f.started.map((d) => (d.session as unknown as { name: string }).name)).toEqual(["b"]);
  });

  test("a player who leaves before the sprites are in gets no play scene", () => {
    const f = fakeGame(), bus = new Bus();
    wirePlayScene(f.game, bus, true);
    bus.emit("round-start", session("a"));
    bus.emit("round-leave", undefined);
    f.spritesLoaded();
    expect(f.started).toHaveLength(0);
  });

  test("once the sprites are in, a round starts at once, and leaving stops it", () => {
    const f = fakeGame(), bus = new Bus();
    wirePlayScene(f.game, bus, true);
    f.spritesLoaded();
    bus.emit("round-start", session("a"));
    expect(f.started).toHaveLength(1);
    expect(f.active.has("Play")).toBe(true);
    bus.emit("round-leave", undefined);
    expect(f.active.has("Play")).toBe(false);
  });

  test("the kiosk's game has no loading scene: its rounds start at once", () => {
    const f = fakeGame(), bus = new Bus();
    wirePlayScene(f.game, bus, false);
    bus.emit("round-start", session("a"));
    expect(f.started).toHaveLength(1);
  });
});
