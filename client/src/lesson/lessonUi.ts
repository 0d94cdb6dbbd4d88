// Puts the lesson's parts into the page, beside the play interface and the classroom's: on "round-start" the side
// panel gets the plan's question, "Predict first" (players) and the sandbox controls (a solo sandbox's player); on
// "round-end" the debrief gets the predictions and, for a teacher following a plan, "Set up round N"; the lobby gets
// the plan's question and "Predict first" (students). Called once by main.ts (after playUi and classroomUi, so its
// bus handlers run after theirs) and by lobbyView.ts.

import type { Bus } from "../bus.ts";
import type { ClassroomSession } from "../net/ClassroomSession.ts";
import type { GameSession } from "../net/GameSession.ts";
import { el } from "../ui/dom.ts";
import { mountLessonBanner, nextRoundControl } from "./lessonPlanUi.ts";
import { lessonInbox } from "./lessonInbox.ts";
import { isTeacher, mountPredictionDebrief } from "./predictionDebrief.ts";
import { mountPredictionPanel } from "./predictionPanel.ts";
import { mountSandboxPanel } from "./sandboxPanel.ts";
import "./lesson.css";

const isClass = (s: GameSession): s is ClassroomSession => typeof (s as { isTeacher?: unknown }).isTeacher === "function";

export function setUpLessonUi(doc: Document, bus: Bus): void {
  const side = doc.getElementById("side"), debrief = doc.getElementById("debrief");
  if (!side || !debrief) throw new Error("index.html is missing #side or #debrief");
  let session: GameSession | null = null;
  let offs: (() => void)[] = [];
  const teardown = () => offs.splice(0).forEach((o) => o());

  bus.on("round-start", (s) => {
    teardown();
    session = s;
    const panels: HTMLElement[] = [];
    if (isClass(s)) {
      // The plan's question first, on the projector and on every student's device.
      const banner = el(doc, "section", { class: "panel", hidden: "" });
      offs.push(mountLessonBanner(banner, s), () => banner.remove());
      side.prepend(banner);
    }
    if (!isTeacher(s) && !s.spectator) {
      const predict = el(doc, "section", { class: "panel", hidden: "" });
      offs.push(mountPredictionPanel(predict, s));
      panels.push(predict);
    }
    const sandboxRound = s.state?.scenarioId === "sandbox" || (!isClass(s) && s.options.scenarioId === "sandbox");
    if (sandboxRound && (!isClass(s) || s.isTeacher())) {
      const sandbox = el(doc, "section", { class: "panel" });
      offs.push(mountSandboxPanel(sandbox, s));
      panels.push(sandbox);
    }
    const yours = side.querySelector('[aria-label="Your cells"]');
    if (yours) yours.after(...panels); else side.prepend(...panels);
    offs.push(() => panels.forEach((p) => p.remove()));
  });

  bus.on("round-end", () => {
    const s = session;
    if (!s || debrief.querySelector(".predict-debrief")) return; // the same report may arrive twice
    teardown(); // the side panel is gone with the play screen
    offs.push(mountPredictionDebrief(debrief, s));
    if (isClass(s) && s.isTeacher()) {
      const place = el(doc, "div", { class: "plan-next" });
      debrief.querySelector(".debrief-actions")?.after(place);
      const render = () => { const c = nextRoundControl(doc, s); place.replaceChildren(...(c ? [c] : [])); };
      render();
      offs.push(lessonInbox(s).onChange(render), () => place.remove());
    }
  });

  bus.on("round-leave", () => { teardown(); session = null; });
}

/** The lobby's part: the plan's question for everyone, "Predict first" for students. Returns its unmount. */
export function mountLessonLobby(lobby: HTMLElement, session: ClassroomSession): () => void {
  const doc = lobby.ownerDocument;
  const banner = el(doc, "section", { class: "lobby-plan", hidden: "" });
  const offs = [mountLessonBanner(banner, session)];
  const head = lobby.querySelector(".lobby-head");
  if (head) head.after(banner); else lobby.prepend(banner);
  if (!session.isTeacher()) {
    const predict = el(doc, "section", { class: "lobby-predict", hidden: "" });
    offs.push(mountPredictionPanel(predict, session));
    banner.after(predict);
  }
  return () => offs.forEach((o) => o());
}
