// The Phaser part of the page: the game with its boot, loading, menu, play and debrief scenes. main.ts imports this
// file dynamically, so the HTML menu works before Phaser's ~360 KB (gzip) have arrived; rounds wait for it
// (Bus.holdUntil). Loaded once per page.

import Phaser from "phaser";
import type { Bus } from "./bus.ts";
import { BootScene } from "./scenes/BootScene.ts";
import { MenuScene } from "./scenes/MenuScene.ts";
import { LoadingScene } from "./scenes/LoadingScene.ts";
import { DebriefScene } from "./scenes/DebriefScene.ts";
import { PlayScene } from "./scenes/PlayScene.ts";
import { wirePlayScene } from "./scenes/playSceneWiring.ts";

export function createGame(bus: Bus): Phaser.Game {
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent: "game",
    backgroundColor: "#0d1218",
    // Clear to nothing: the play scene's baked tissue is a canvas under this one (play/TissueBake.ts); the page is #0d1218.
    transparent: true,
    scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
    input: { keyboard: false }, // the HTML menu owns the keyboard for now
    disableContextMenu: true,
    banner: false,
    scene: [BootScene, LoadingScene, MenuScene, PlayScene, DebriefScene],
  });
  wirePlayScene(game, bus, true); // rounds wait for LoadingScene's sprites
  return game;
}
