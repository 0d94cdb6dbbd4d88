// What a class adds to the play interface (ui/playUi.ts, through the PlayMode it is given): the teacher's panels on
// the projector (controls, live charts, the class list) or a student's name and the class charts, and the debrief's
// class actions (next round, leave, results, close) with the rounds compared and the quiz. Made by classroomUi.ts.

import { ClassroomSession } from "../net/ClassroomSession.ts";
import type { GameSession } from "../net/GameSession.ts";
import { el } from "../ui/dom.ts";
import { onPatch } from "../net/onPatch.ts";
import type { PlayMode } from "../ui/playMode.ts";
import { closeClassControl } from "./closeClass.ts";
import { mountDashboard } from "./dashboardView.ts";
import { mountLiveCharts } from "./liveChart.ts";
import { roundsSection } from "./roundsChart.ts";
import { mountPlayControls, resultsButton } from "./teacherControls.ts";
import { teacherQuizPanel } from "../quiz/classQuiz.ts";
import { placeInDebrief } from "../quiz/soloQuiz.ts";

/** The class's play mode; `leaveClass` ends this tab's part in the class (the debrief's Leave). */
export function classroomPlayMode(doc: Document, leaveClass: () => void): PlayMode {
  return {
    mountSide: (s: GameSession, side: HTMLElement) => (s instanceof ClassroomSession ? mountClassSide(doc, s, side) : null),
    debrief: (s: GameSession) => (s instanceof ClassroomSession ? classDebrief(doc, s, leaveClass) : null),
  };
}

function mountClassSide(doc: Document, s: ClassroomSession, side: HTMLElement): () => void {
  const unmounts: (() => void)[] = [];
  if (s.isTeacher()) {
    const yours = side.querySelector<HTMLElement>('[aria-label="Your cells"]');
    if (yours) yours.hidden = true; // the projector commands nothing
    // One way to end a round: the panel's "End the round now" (to the debrief); the bar's Restart would skip it.
    const barRestart = doc.querySelector<HTMLElement>("#hud .hud-restart");
    if (barRestart) { barRestart.hidden = true; unmounts.push(() => { barRestart.hidden = false; }); }
    const controls = el(doc, "section", { class: "panel teach-panel", "aria-label": "Teacher controls" });
    const dashToggle = el(doc, "input", { type: "checkbox", id: "dash-toggle", checked: "" });
    const dash = el(doc, "div", { id: "dash-panel" });
    const dashPanel = el(doc, "section", { class: "panel dash-panel", "aria-label": "Students" },
      el(doc, "p", { class: "check panel-head" }, el(doc, "span", {}, dashToggle, el(doc, "label", { for: "dash-toggle", text: " Show the class list" }))), dash);
    dashToggle.addEventListener("change", () => { dash.hidden = !dashToggle.checked; });
    const charts = el(doc, "section", { class: "panel live-panel", "aria-label": "Live charts" });
    const tug = side.querySelector<HTMLElement>(".tug-panel"); // the IL-2 tug-of-war, in view on the projector
    side.prepend(controls, ...(tug ? [tug] : []), charts, dashPanel);
    unmounts.push(mountPlayControls(controls, s), mountDashboard(dash, s), mountLiveCharts(charts, s, s));
  } else {
    // Pause, speed and restart are the teacher's: a student's bar keeps only Leave.
    const hudButtons = [...doc.querySelectorAll<HTMLElement>("#hud .hud-controls > :not(:last-child)")];
    hudButtons.forEach((b) => { b.hidden = true; });
    unmounts.push(() => hudButtons.forEach((b) => { b.hidden = false; }));
    const name = el(doc, "strong", { text: s.mySeat()?.name ?? "…" });
    const who = el(doc, "section", { class: "panel me-panel" }, el(doc, "p", {}, "You are ", name, ` · class ${s.code}`));
    // The name may change (the teacher renames) and is not known until the first patch after a reconnect.
    unmounts.push(onPatch(s, () => { const n = s.mySeat()?.name; if (n && name.textContent !== n) name.textContent = n; }));
    const body = el(doc, "div", {});
    const charts = el(doc, "details", { class: "panel live-panel" }, el(doc, "summary", { text: "Class charts (as on the projector)" }), body);
    side.prepend(who);
    side.insertBefore(charts, side.querySelector(".legend"));
    unmounts.push(mountLiveCharts(body, s, s));
  }
  return () => unmounts.forEach((u) => u());
}

function classDebrief(doc: Document, s: ClassroomSession, leaveClass: () => void): ReturnType<NonNullable<PlayMode["debrief"]>> {
  const teacher = s.isTeacher();
  return {
    actions: {
      playAgain: () => { if (teacher) s.teacher({ action: "newRound" }); },
      menu: () => {
        if (doc.defaultView?.confirm(teacher ? "Leave the projector page? The class stays open, and Teach a class brings you back to it." : "Leave this class?") === false) return;
        leaveClass();
      },
    },
    after: (root: HTMLElement) => {
      const buttons = root.querySelectorAll<HTMLButtonElement>(".debrief-actions button");
      if (buttons[0]) { if (teacher) buttons[0].textContent = "Next round (back to the lobby)"; else buttons[0].hidden = true; }
      if (buttons[1]) buttons[1].textContent = teacher ? "Leave this page" : "Leave the class";
      const actions = root.querySelector(".debrief-actions");
      if (teacher) actions?.append(resultsButton(doc, s), closeClassControl(doc, s));
      else actions?.append(el(doc, "p", { class: "note", text: "Your teacher will start the next round." }));
      const box = el(doc, "div", {});
      root.querySelector(".debrief-inner")?.append(box);
      let draw = () => {};
      const render = () => { const r = roundsSection(doc, s.rounds); box.replaceChildren(r.section); draw = r.draw; requestAnimationFrame(draw); };
      render();
      const off = s.onRounds(render);
      const quiz = teacher ? teacherQuizPanel(doc, s) : null;
      if (quiz) placeInDebrief(root.querySelector(".debrief-inner") ?? root, quiz.root);
      const onResize = () => draw();
      doc.defaultView?.addEventListener("resize", onResize);
      return () => { off(); quiz?.unmount(); doc.defaultView?.removeEventListener("resize", onResize); };
    },
  };
}
