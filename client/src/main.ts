// The browser entry point: wires up the HTML menu and the round's HTML interface at once, then loads Phaser (game.ts)
// in its own chunk so the menu is usable before it arrives; the bus holds round events until Phaser is there.
// Loaded by client/index.html.

import type Phaser from "phaser";
import "./style.css";
import { setUpMenu } from "./menu.ts";
import { setUpPlayUi } from "./ui/playUi.ts";
import { Bus } from "./bus.ts";
import { GameSession } from "./net/GameSession.ts";
import { ClassroomSession } from "./net/ClassroomSession.ts";
import { setUpClassroom } from "./classroom/classroomUi.ts";
import { setUpSoloQuiz } from "./quiz/soloQuiz.ts";
import { setUpLessonUi } from "./lesson/lessonUi.ts";
import { mountServerGone } from "./ui/serverGone.ts";
import { ScreenMachine } from "./screens/screenMachine.ts";
import { driveSolo } from "./screens/soloScreens.ts";

/** The one event bus between the scenes and the HTML interface. */
const bus = new Bus();
setUpMenu(document, bus);

// Phaser starts loading now, in the background: every visitor plays, and a class of thirty would otherwise all fetch
// it at the moment the teacher presses Start. Until it is there, round events wait in the bus (in order).
let loaded: Phaser.Game | null = null;
const gameReady = import("./game.ts").then(({ createGame }) => (loaded = createGame(bus)));
bus.holdUntil(gameReady);
/** What playUi asks of the game; used only from round events, which the bus delivers after Phaser has loaded. */
const need = (): Phaser.Game => {
  if (!loaded) throw new Error("Phaser has not loaded yet");
  return loaded;
};
const game = { get scene() { return need().scene; }, get scale() { return need().scale; } } as unknown as Phaser.Game;

/** The page's screens, for a class and for solo rounds alike (screens/screenMachine.ts). */
const screens = new ScreenMachine();
const classroom = setUpClassroom(document, bus, screens);
driveSolo(screens, bus);
setUpPlayUi(document, bus, game, classroom.playMode); // a class's panels and debrief come with its play mode
setUpSoloQuiz(document, bus);
mountServerGone(document, bus); // a solo round's server that stops or goes away: said at once, the menu one tap away

setUpLessonUi(document, bus); // predictions, the lesson plan, the sandbox controls (after playUi and classroomUi)

// A reloaded tab takes its seat back if the room still holds it (within RESUME_WINDOW_SECONDS, shared/net/resumeWindow.ts); a teacher's
// tab also comes back with the class code and host secret. Otherwise a ?code= link joins that class.
void (async () => {
  if (ClassroomSession.remembered()) {
    const cls = await ClassroomSession.resumeClass();
    if (cls) { classroom.start(cls); return; }
  }
  if (classroom.joinFromUrl()) return;
  const session = await GameSession.resume();
  if (session) bus.emit("solo-joined", session);
})();

// Exposed for manual checks from the browser console and for browser tests, once Phaser is there.
void gameReady.then((g) => {
  (window as unknown as { game: Phaser.Game }).game = g;
  Object.assign(window, { cytokine: { game: g, bus, GameSession, ClassroomSession } });
});
