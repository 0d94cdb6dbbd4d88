// A class's life in this tab, teacher or student: the menu forms (teach, join, ?code= links), the lobby between
// rounds, handing each round to the play interface (bus "round-start"/"round-leave"), the classroom panels and
// debrief additions (its PlayMode, classroomPlay.ts), and the kind messages when removed, when the teacher closes
// the class or when the class ends; the screens follow one machine (screens/screenMachine.ts).
// Called once by main.ts.

import { backInClassLine } from "./backInClass.ts";
import type { Bus } from "../bus.ts";
import { normalizeJoinCode } from "../../../shared/net/classroom.ts";
import { ClassroomSession, forgetClass } from "../net/ClassroomSession.ts";
import { el, setText } from "../ui/dom.ts";
import type { PlayMode } from "../ui/playMode.ts";
import { MODES, type Mode, type ScreenMachine } from "../screens/screenMachine.ts";
import { watchPhase } from "../screens/watchPhase.ts";
import { classroomPlayMode } from "./classroomPlay.ts";
import { mountLobby } from "./lobbyView.ts";
import { browserStore } from "../storage.ts";
import { rememberClass } from "./pastClasses.ts";
import { markRemoved } from "./removedMark.ts";
import { setUpStudentJoin } from "./studentJoin.ts";
import { setUpTeacherSetup } from "./teacherSetup.ts";
import { resultsButton } from "./teacherControls.ts";
import { mountStudentQuiz } from "../quiz/classQuiz.ts";
import { mountClassNotices } from "../ui/classVeil.ts";
import { mountReconnectVeil } from "./reconnectVeil.ts";
import { seatGoneMessage } from "./seatGone.ts";

const isClass = (m: Mode | null): boolean => m?.kind === "classStudent" || m?.kind === "classTeacher";

export interface ClassroomUi {
  /** Takes over the page for this class (after creating, joining or resuming). */
  start(session: ClassroomSession): void;
  /** The ?code= link: opens the join form with the code and joins. True if the URL had a code. */
  joinFromUrl(): boolean;
  /** What a class adds to the play interface (side panels, the debrief's actions): given to setUpPlayUi. */
  readonly playMode: PlayMode;
}

/**
 * The class's screens follow one machine (screens/screenMachine.ts): the room's phase and round (watchPhase.ts),
 * the debrief, a removal, a close and a lost room are its events, and each transition mounts or unmounts the lobby,
 * hands the round to the play interface (bus "round-start"/"round-leave") or shows the farewell message.
 */
export function setUpClassroom(doc: Document, bus: Bus, machine: ScreenMachine): ClassroomUi {
  const get = <T extends HTMLElement>(id: string) => {
    const e = doc.getElementById(id);
    if (!e) throw new Error(`index.html is missing #${id}`);
    return e as T;
  };
  const menu = get("menu"), screen = get("classroom"), joinForm = get<HTMLFormElement>("class-join");
  let current: ClassroomSession | null = null;
  let offs: (() => void)[] = [];
  let unmountLobby: (() => void) | null = null;
  /** True while this module itself tells the play interface to leave (its own bus listener then ignores it). */
  let handingBack = false;
  let refreshTeach = () => {};

  const showMessage = (title: string, text: string, ...more: HTMLElement[]) => {
    const back = el(doc, "button", { type: "button", class: "small-btn", text: "Back to the menu" });
    back.addEventListener("click", () => {
      machine.send({ type: "left" });
      screen.hidden = true; screen.replaceChildren(); menu.hidden = false; get("title").focus();
    });
    screen.replaceChildren(el(doc, "div", { class: "class-message" }, el(doc, "h1", { tabindex: "-1", text: title }), el(doc, "p", { class: "lead", text }), ...more, back));
    screen.hidden = false;
    menu.hidden = true;
    refreshTeach();
    (screen.querySelector("h1") as HTMLElement | null)?.focus();
  };

  /** Each transition's effects on the page, in one place and one order: out of the old screen, into the new. */
  machine.onTransition((t) => {
    if (!isClass(t.from.mode) && !isClass(t.to.mode)) return; // solo's are screens/soloScreens.ts's
    const s = current;
    if (t.from.screen === "lobby" && t.to.screen !== "lobby") { unmountLobby?.(); unmountLobby = null; }
    if (t.roundLeft && t.event.type !== "left") {
      // The play interface goes first (it shows the menu); the lobby or the farewell message then goes over it.
      handingBack = true;
      bus.emit("round-leave", undefined);
      handingBack = false;
    }
    if (t.to.screen === "menu" || t.to.screen === "farewell") {
      offs.splice(0).forEach((o) => o());
      current = null;
    }
    if (!s) return;
    if (t.roundStarted) bus.emit("round-start", s);
    if (t.to.screen === "lobby" && !unmountLobby) {
      menu.hidden = true;
      unmountLobby = mountLobby(screen, s, leaveClass);
    }
  });

  const leaveClass = () => {
    const s = current, wasIn = machine.state.screen === "playing" || machine.state.screen === "debrief";
    machine.send({ type: "left" });
    if (wasIn) { handingBack = true; bus.emit("round-leave", undefined); handingBack = false; }
    void s?.leave();
    screen.hidden = true;
    menu.hidden = false;
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
    const wasIn = machine.state.screen === "playing" || machine.state.screen === "debrief";
    machine.send({ type: "left" });
    if (wasIn) { handingBack = true; bus.emit("round-leave", undefined); handingBack = false; }
    s.setAside();
    screen.hidden = true;
    menu.hidden = false;
    refreshTeach();
    if (s.isTeacher()) return get("title").focus();
    joinForm.hidden = false;
    get("join-toggle").setAttribute("aria-expanded", "true");
    join.fill(s.code);
    setText(get("join-status"), `When the game server is back, press Join the class: this device goes back to its seat in class ${s.code}.`);
    get("join-submit").focus();
  };

  const start = (s: ClassroomSession) => {
    if (current) machine.send({ type: "left" }); // another class's session, if any, lets go of the page
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
    offs.push(s.onReconnect(() => {
      droppedAt = 0;
      // Said at the first state change after it (the reconnection is confirmed before the room's state comes); the
      // listener undoes itself inside that patch, which net/onPatch.ts makes safe.
      let said = false;
      const off = s.onStateChange(() => {
        if (said) return;
        said = true;
        off();
        bus.emit("announce", backInClassLine({ code: s.code, teacher: s.isTeacher(), phase: s.state?.phase ?? "", paused: s.state?.paused ?? false }));
      });
      offs.push(off);
    }));
    offs.push(s.onDebrief(() => { machine.send({ type: "debriefArrived" }); }));
    offs.push(s.onRemoved((text) => {
      markRemoved(s.code); // this device does not simply join again under a new nickname
      machine.send({ type: "removed" });
      showMessage("You have left the class", `${text} Thank you for playing. If this was a mistake, talk to your teacher.`);
    }));
    // Registered before the play interface's own listener (it comes with "round-start"): the machine hands the round
    // back first, so the play interface has shown the menu before the message goes over it.
    offs.push(s.onLeave(() => {
      if (current !== s) return; // this page left on purpose
      if (s.closedText !== null) {
        machine.send({ type: "closed" });
        return showClosed(s, s.closedText);
      }
      machine.send({ type: "serverGone" });
      const gone = seatGoneMessage(doc, s, lastName, droppedAt ? Date.now() - droppedAt : 0, { rejoin: () => joinAgain(s.code), returnToClass: () => returnToClass(s.code) });
      if (gone) return showMessage(gone.title, gone.text, ...gone.more);
      showMessage("The class has ended", s.isTeacher() ? "The class is closed. Open a new class from the menu." : "The connection to the class closed. If your class is still going, join again with the code on the board.");
    }));
    // Joined once the room's state has come: before the first patch it holds its defaults (phase "playing"), and a
    // class's state always has its code.
    const mode = s.isTeacher() ? MODES.classTeacher : MODES.classStudent;
    machine.send({ type: "chooseMode", mode });
    offs.push(watchPhase(s, () => !!s.state?.code, (phase, round) => {
      if (machine.state.screen === "setup") machine.send({ type: "joined", mode });
      machine.send({ type: "phaseChanged", phase, round });
    }));
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
    if (handingBack || !current) return;
    machine.send({ type: "left" });
  });

  refreshTeach = setUpTeacherSetup(get<HTMLFormElement>("class-setup"), start);
  const join = setUpStudentJoin(joinForm, start);

  return {
    start,
    playMode: classroomPlayMode(doc, leaveClass),
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
