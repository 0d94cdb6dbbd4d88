// The browser entry point: wires up the HTML menu and starts Phaser with the boot and menu scenes.
// Loaded by client/index.html.

import Phaser from "phaser";
import "./style.css";
import { setUpMenu } from "./menu.ts";
import { BootScene } from "./scenes/BootScene.ts";
import { MenuScene } from "./scenes/MenuScene.ts";
import { LoadingScene } from "./scenes/LoadingScene.ts";
import { DebriefScene } from "./scenes/DebriefScene.ts";
import { setUpPlayUi } from "./ui/playUi.ts";
import { PlayScene, wirePlayScene } from "./scenes/PlayScene.ts";
import { Bus } from "./bus.ts";
import { GameSession } from "./net/GameSession.ts";
import { ClassroomSession } from "./net/ClassroomSession.ts";
import { setUpClassroom } from "./classroom/classroomUi.ts";
import { setUpSoloQuiz } from "./quiz/soloQuiz.ts";
import { setUpLessonUi } from "./lesson/lessonUi.ts";

/** The one event bus between the scenes and the HTML interface. */
const bus = new Bus();
setUpMenu(document, bus);

const game = new Phaser.Game({
  type: Phaser.AUTO,
  parent: "game",
  backgroundColor: "#0d1218",
  scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
  input: { keyboard: false }, // the HTML menu owns the keyboard for now
  disableContextMenu: true,
  banner: false,
  scene: [BootScene, LoadingScene, MenuScene, PlayScene, DebriefScene],
});

wirePlayScene(game, bus);
setUpPlayUi(document, bus, game);
setUpSoloQuiz(document, bus);

const classroom = setUpClassroom(document, bus);
setUpLessonUi(document, bus); // predictions, the lesson plan, the sandbox controls (after playUi and classroomUi)

// A reloaded tab takes its seat back if the room still holds it (within GameSession.RESUME_WINDOW_S); a teacher's
// tab also comes back with the class code and host secret. Otherwise a ?code= link joins that class.
void (async () => {
  if (ClassroomSession.remembered()) {
    const cls = await ClassroomSession.resumeClass();
    if (cls) { classroom.start(cls); return; }
  }
  if (classroom.joinFromUrl()) return;
  const session = await GameSession.resume();
  if (session) bus.emit("round-start", session);
})();

// Exposed for manual checks from the browser console and for future browser tests.
(window as unknown as { game: Phaser.Game }).game = game;
Object.assign(window, { cytokine: { game, bus, GameSession, ClassroomSession } });
