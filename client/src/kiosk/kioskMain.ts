// The museum kiosk's entry point (client/kiosk.html): the page locked down, the Phaser game, and the one Kiosk
// object (Kiosk.ts: attract loop, a touch starts a visitor's round at once, idle check, result screen, self-recovery)
// wired to the page's touches and buttons.

import Phaser from "phaser";
import "../kiosk.css";
import { Bus } from "../bus.ts";
import { PlayScene } from "../scenes/PlayScene.ts";
import { wirePlayScene } from "../scenes/playSceneWiring.ts";
import { AttractCaptions } from "./attract.ts";
import { readConfig } from "./config.ts";
import { Kiosk } from "./Kiosk.ts";
import { lockDown } from "./lockdown.ts";
import { MarksScene } from "./marksScene.ts";
import { ResultScreen } from "./resultScreen.ts";
import { KioskStrings, type Lang } from "./strings.ts";
import { mountKioskTug } from "./kioskTug.ts";

const cfg = readConfig(location.search);
const doc = document;
const bus = new Bus();
const strings = new KioskStrings();
strings.lang = cfg.lang as Lang;
lockDown(doc);

const game = new Phaser.Game({
  type: Phaser.AUTO,
  parent: "game",
  backgroundColor: "#0d1218",
  transparent: true, // the play scene's tissue is painted on canvases under this one (play/TissueBake.ts)
  scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight, fullscreenTarget: doc.body },
  // Several visitors' fingers at once; keys stay with the HTML buttons.
  input: { activePointers: 4, keyboard: false },
  disableContextMenu: true,
  banner: false,
  scene: [new MarksScene(bus), PlayScene],
});
wirePlayScene(game, bus, false); // no loading scene: the play scene loads its sprites

const kiosk = new Kiosk(doc, bus, cfg, strings, new AttractCaptions(doc, strings, cfg.captionS), new ResultScreen(doc, strings));

// The IL-2 tug-of-war of the room on screen: the bots' during attract, the visitor's from a touch on.
mountKioskTug(doc.getElementById("k-tug")!, strings, bus, () => kiosk.onScreen());

// A touch anywhere on the attract screen starts a round (the language button excepted).
doc.addEventListener("pointerdown", (e) => {
  if ((e.target as HTMLElement).closest("#k-lang")) return;
  kiosk.touch();
});
doc.getElementById("k-lang")!.addEventListener("click", () => strings.setLang(strings.lang === "en" ? "es" : "en"));
doc.getElementById("k-keep")!.addEventListener("click", () => { /* the touch itself closed the dialog (idle.ts) */ });
doc.getElementById("k-again")!.addEventListener("click", () => void kiosk.startRound());
doc.getElementById("k-home")!.addEventListener("click", () => void kiosk.enterAttract());

// Start: the strings first (retried with the rest until the server answers), then attract.
void kiosk.enterAttract();

// For tests and manual checks from the console.
Object.assign(window, { kiosk: { game, bus, cfg, strings, mode: () => kiosk.screen, sessions: () => kiosk.sessions() } });
