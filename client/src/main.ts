// The browser entry point: wires up the HTML menu and starts Phaser with the boot and menu scenes.
// Loaded by client/index.html.

import Phaser from "phaser";
import "./style.css";
import { setUpMenu } from "./menu.ts";
import { BootScene } from "./scenes/BootScene.ts";
import { MenuScene } from "./scenes/MenuScene.ts";

setUpMenu(document);

const game = new Phaser.Game({
  type: Phaser.AUTO,
  parent: "game",
  backgroundColor: "#0d1218",
  scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
  input: { keyboard: false }, // the HTML menu owns the keyboard for now
  disableContextMenu: true,
  banner: false,
  scene: [BootScene, MenuScene],
});

// Exposed for manual checks from the browser console and for future browser tests.
(window as unknown as { game: Phaser.Game }).game = game;
