// A class's life in this tab, teacher or student: the menu forms (teach, join, ?code= links), the lobby between
// rounds, handing each round to the play interface (bus "round-start"/"round-leave"), the classroom panels and
// debrief additions (through playUi's hooks), and the kind messages when removed, when the teacher closes the class
// or when the class ends.
// Called once by main.ts.

import { backInClassLine } from "./backInClass.ts";
import type { Bus } from "../bus.ts";
import { normalizeJoinCode } from "../../../shared/net/classroom.ts";
import { ClassroomSession, forgetClass } from "../net/ClassroomSession.ts";
import type { GameSession } from "../net/GameSession.ts";
import { el, setText } from "../ui/dom.ts";
import { playUiHooks } from "../ui/playUi.ts";
import { closeClassControl } from "./closeClass.ts";
import { mountDashboard } from "./dashboardView.ts";
import { mountLiveCharts } from "./liveChart.ts";
import { mountLobby } from "./lobbyView.ts";
import { browserStore } from "../storage.ts";
import { rememberClass } from "./pastClasses.ts";
import { markRemoved } from "./removedMark.ts";
import { roundsSection } from "./roundsChart.ts";
import { setUpStudentJoin } from "./studentJoin.ts";
import { setUpTeacherSetup } from "./teacherSetup.ts";
import { mountPlayControls, resultsButton } from "./teacherControls.ts";
import { mountStudentQuiz, teacherQuizPanel } from "../quiz/classQuiz.ts";
import { mountClassNotices } from "../ui/classVeil.ts";
import { placeInDebrief } from "../quiz/soloQuiz.ts";
import { mountReconnectVeil } from "./reconnectVeil.ts";
import { seatGoneMessage } from "./seatGone.ts";

export interface ClassroomUi {
  /** Takes over the page for this class (after creating, joining or resuming). */
  start(session: ClassroomSession): void;
  /** The ?code= link: opens the join form with the code and joins. True if the URL had a code. */
  joinFromUrl(): boolean;
}

export function setUpClassroom(doc: Document, bus: Bus): ClassroomUi {
  const get = <T extends HTMLElement>(id: string) => {
    const e = doc.getElementById(id);
    if (!e) throw new Error(`index.html is missing #${id}`);
    return e as T;
  };
  const menu = get("menu"), screen = get("classroom"), joinForm = get<HTMLFormElement>("class-join");
  let current: ClassroomSession | null = null;
  let offs: (() => void)[] = [];
  let unmountLobby: (() => void) | null = null;
  let inRound = false, roundNo = -1, switching = false, leaving = false;
  let refreshTeach = () => {};

  const showMessage = (title: string, text: string, ...more: HTMLElement[]) => {
    unmountLobby?.(); unmountLobby = null;
    const back = el(doc, "button", { type: "button", class: "small-btn", text: "Back to the menu" });
    back.addEventListener("click", () => { screen.hidden = true; screen.replaceChildren(); menu.hidden = false; get("title").focus(); });
    screen.replaceChildren(el(doc, "div", { class: "class-message" }, el(doc, "h1", { tabindex: "-1", text: title }), el(doc, "p", { class: "lead", text }), ...more, back));
    screen.hidden = false;
    menu.hidden = true;
    refreshTeach();
    (screen.querySelector("h1") as HTMLElement | null)?.focus();
  };

  const stop = () => {
    offs.splice(0).forEach((o) => o());
    unmountLobby?.(); unmountLobby = null;
    current = null; inRound = false; roundNo = -1;
  };

  const leaveClass = () => {
    const s = current, wasIn = inRound;
    leaving = true;
    stop();
    if (wasIn) bus.emit("round-leave", undefined);
    void s?.leave();
    screen.hidden = true;
    menu.hidden = false;
    leaving = false;
    refreshTeach();
  };

  /**
   * "Back to the menu" while the server is away (reconnectVeil.ts): this tab stops trying but keeps its seat's token;
   * a student finds the join form filled with the class code, which takes the device back to its seat once the
   * server is back (studentJoin.ts); a teacher finds "Return to class" under Teach a class.
   */
  const setAside = () => {
    const s = current;
    if (!s) return;
    const wasIn = inRound;
    leaving = true;
    stop();
    if (wasIn) bus.emit("round-leave", undefined);
    s.setAside();
    screen.hidden = true;
    menu.hidden = false;
    leaving = false;
    refreshTeach();
    if (s.isTeacher()) return get("title").focus();
    joinForm.hidden = false;
    get("join-toggle").setAttribute("aria-expanded", "true");
    join.fill(s.code);
    setText(get("join-status"), `When the game server is back, press Join the class: this device goes back to its seat in class ${s.code}.`);
    get("join-submit").focus();
  };

  const follow = (s: ClassroomSession) => {
    if (current !== s) return;
    const st = s.state;
    // Before the first patch the state holds its defaults (phase "playing"); a class's state always has its code.
    if (!st || !st.code) return;
    if (st.phase === "playing" || (st.phase === "ended" && inRound)) {
      if (unmountLobby) { unmountLobby(); unmountLobby = null; }
      if (!inRound || (st.phase === "playing" && st.round !== roundNo)) {
        inRound = true; roundNo = st.round;
        bus.emit("round-start", s);
      }
      return;
    }
    // Lobby (or a finished round this tab never saw): the lobby page.
    if (inRound) { switching = true; inRound = false; bus.emit("round-leave", undefined); switching = false; }
    menu.hidden = true;
    if (!unmountLobby) unmountLobby = mountLobby(screen, s, leaveClass);
  };

  const start = (s: ClassroomSession) => {
    stop();
    current = s;
    menu.hidden = true;
    // Joined: drop ?code= from the address, so a reload resumes this seat rather than joining again as someone new.
    const win = doc.defaultView;
    if (win && new URLSearchParams(win.location.search).has("code")) win.history.replaceState(null, "", win.location.pathname);
    // The teacher's class goes on this browser's list of past classes, so its results stay downloadable from the menu.
    const noteClass = (closed = false) => { if (s.hostSecret) rememberClass(browserStore(), s.code, s.hostSecret, Date.now(), closed); };
    noteClass();
    offs.push(s.onSession(() => noteClass()));
    offs.push(s.onClosed(() => noteClass(true)));
    offs.push(mountStudentQuiz(doc, s));
    offs.push(mountClassNotices(doc, s, bus)); // the pause veil and the notices of the teacher's actions
    offs.push(mountReconnectVeil(doc, s, setAside)); // "Reconnecting to your class…" while the connection is lost
    let lastName = s.mySeat()?.name ?? "", droppedAt = 0;
    offs.push(s.onDrop(() => { lastName = s.mySeat()?.name || lastName; droppedAt ||= Date.now(); })); // for "Your seat was let go" (seatGone.ts)
    offs.push(s.onReconnect(() => { droppedAt = 0; }));
    const tick = () => follow(s);
    const timer = setInterval(tick, 300);
    offs.push(() => clearInterval(timer));
    const bindState = () => { const room = s.room; room.onStateChange(tick); return () => room.onStateChange.remove(tick); };
    let unbind = bindState();
    offs.push(() => unbind());
    offs.push(s.onReconnect(() => {
      unbind();
      unbind = bindState();
      // Said once the room's state has come (the reconnection is confirmed before it).
      const room = s.room;
      const say = () => {
        room.onStateChange.remove(say);
        bus.emit("announce", backInClassLine({ code: s.code, teacher: s.isTeacher(), phase: s.state?.phase ?? "", paused: s.state?.paused ?? false }));
      };
      room.onStateChange(say);
    }));
    offs.push(s.onRemoved((text) => {
      markRemoved(s.code); // this device does not simply join again under a new nickname
      const wasIn = inRound;
      stop();
      if (wasIn) { switching = true; bus.emit("round-leave", undefined); switching = false; }
      showMessage("You have left the class", `${text} Thank you for playing. If this was a mistake, talk to your teacher.`);
    }));
    offs.push(s.onLeave(() => {
      if (leaving || current !== s) return;
      const wasIn = inRound;
      stop();
      // playUi answers the same close with the menu; put the message over it once it has.
      setTimeout(() => {
        if (wasIn) { switching = true; bus.emit("round-leave", undefined); switching = false; }
        if (s.closedText !== null) return showClosed(s, s.closedText);
        const gone = seatGoneMessage(doc, s, lastName, droppedAt ? Date.now() - droppedAt : 0, { rejoin: () => joinAgain(s.code), returnToClass: () => returnToClass(s.code) });
        if (gone) return showMessage(gone.title, gone.text, ...gone.more);
        showMessage("The class has ended", s.isTeacher() ? "The class is closed. Open a new class from the menu." : "The connection to the class closed. If your class is still going, join again with the code on the board.");
      }, 0);
    }));
    tick();
  };

  /** The teacher closed the class: a plain sentence, the menu offered; the teacher's page keeps the results download. */
  const showClosed = (s: ClassroomSession, text: string) => {
    forgetClass(); // nothing to return to: "Return to class" goes
    if (s.isTeacher()) {
      if (s.hostSecret) rememberClass(browserStore(), s.code, s.hostSecret, Date.now(), true); // before refreshTeach shows the list
      showMessage("The class is closed", `Class ${s.code} is closed and its code no longer works. The results of its rounds are saved: download them here, or later under Teach a class in the menu (this browser keeps the list for 30 days).`, resultsButton(doc, s));
    } else {
      showMessage("The class is closed", `${text} Thank you for playing!`);
    }
  };

  /** A student whose seat was let go joins again: the join form, filled with the class's code, sent at once. */
  const joinAgain = (code: string) => {
    screen.hidden = true; screen.replaceChildren(); menu.hidden = false;
    joinForm.hidden = false;
    get("join-toggle").setAttribute("aria-expanded", "true");
    join.fill(code);
    join.submit();
    joinForm.querySelector<HTMLElement>("#join-code")?.focus();
  };
  /** The teacher's page whose place was let go returns with the kept secret. */
  const returnToClass = (code: string) => {
    ClassroomSession.resumeClass().then(
      (back) => { if (back) start(back); else showMessage("The class has ended", `Class ${code} is no longer open. Open a new class from the menu.`); },
      () => showMessage("The class has ended", `Class ${code} is no longer open. Open a new class from the menu.`),
    );
  };

  // The play interface's own Leave button (or a lost connection) ends this tab's part in the class.
  bus.on("round-leave", () => {
    if (switching || !current) return;
    stop();
  });

  playUiHooks.mountSide = (s: GameSession, side: HTMLElement) => {
    if (!(s instanceof ClassroomSession)) return null;
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
      const nameTimer = setInterval(() => { const n = s.mySeat()?.name; if (n && name.textContent !== n) name.textContent = n; }, 1000);
      unmounts.push(() => clearInterval(nameTimer));
      const body = el(doc, "div", {});
      const charts = el(doc, "details", { class: "panel live-panel" }, el(doc, "summary", { text: "Class charts (as on the projector)" }), body);
      side.prepend(who);
      side.insertBefore(charts, side.querySelector(".legend"));
      unmounts.push(mountLiveCharts(body, s, s));
    }
    return () => unmounts.forEach((u) => u());
  };

  playUiHooks.debrief = (s: GameSession) => {
    if (!(s instanceof ClassroomSession)) return null;
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
  };

  refreshTeach = setUpTeacherSetup(get<HTMLFormElement>("class-setup"), start);
  const join = setUpStudentJoin(joinForm, start);

  return {
    start,
    joinFromUrl: () => {
      const code = normalizeJoinCode(new URLSearchParams(doc.defaultView?.location.search ?? "").get("code") ?? "");
      if (!code) return false;
      joinForm.hidden = false;
      get("join-toggle").setAttribute("aria-expanded", "true");
      join.fill(code);
      join.submit();
      return true;
    },
  };
}
