// When the play scene starts and stops: on the bus's "round-start" and "round-leave". The page's game (game.ts) has a
// loading scene that loads every cell sprite; the play scene waits for it, or both scenes would load the same sprites
// (Phaser then warns "Texture key already in use" for each). The wait follows the game's registry flag, not the
// scene manager: a class's round can start before Phaser has booted its scenes (a phone that joined the lobby while
// Phaser's code was still arriving), when no loading scene is known yet. The kiosk has no loading scene. Called once
// by game.ts and kioskMain.ts.

import type Phaser from "phaser";
import type { Bus } from "../bus.ts";
import type { GameSession } from "../net/GameSession.ts";
import { ASSETS_READY } from "../play/cellStyle.ts";

export interface PlaySceneData { session: GameSession; bus: Bus }

/** The few parts of a Phaser game the wiring uses. */
export type WiredGame = Pick<Phaser.Game, "events" | "registry"> & { scene: Pick<Phaser.Scenes.SceneManager, "isActive" | "start" | "stop"> };

/** Starts the play scene on each round (after the sprites, when `afterLoading`) and stops it when the player leaves. */
export function wirePlayScene(game: WiredGame, bus: Bus, afterLoading: boolean): void {
  let waiting: GameSession | null = null;
  const start = (session: GameSession) => {
    if (game.scene.isActive("Menu")) game.scene.stop("Menu");
    game.scene.start("Play", { session, bus } satisfies PlaySceneData);
  };
  bus.on("round-start", (session) => {
    if (!afterLoading || game.registry.get(ASSETS_READY)) { start(session); return; }
    if (!waiting) {
      game.events.once(ASSETS_READY, () => {
        const s = waiting;
        waiting = null;
        if (s) start(s);
      });
    }
    waiting = session; // the latest round, if two began while the sprites loaded
  });
  bus.on("round-leave", () => {
    waiting = null;
    if (game.scene.isActive("Play")) game.scene.stop("Play");
  });
}
