// The lobby before (and between) rounds. On the projector: the join code huge, a QR code of the join link, the link
// as text, the students who have joined with their roles (live), the teacher's controls and the scenario's teacher
// notes (what to notice, what to try). On a student's device: "You are <nickname>", the code, who is here and their
// roles, a waiting line and the same notes, folded. Both: the Learn dialog. Shown by classroomUi.ts.

import { SCENARIOS } from "../../../shared/scenarios/index.ts";
import type { SeatState } from "../../../shared/net/TissueState.ts";
import type { ClassroomSession } from "../net/ClassroomSession.ts";
import { el, setText } from "../ui/dom.ts";
import { qrSvg } from "./qr.ts";
import { roundsSection } from "./roundsChart.ts";
import { ROLE_SHORT, lobbyControls, resultsButton, seatControls } from "./teacherControls.ts";
import { isRole } from "../../../shared/sim/roles.ts";
import { teacherNotes } from "../learn/teacherNotes.ts";
import { learnButton } from "../learn/termLink.ts";
import { teacherQuizPanel } from "../quiz/classQuiz.ts";
import { mountLessonLobby } from "../lesson/lessonUi.ts";
import { PresenceMemory, presenceMark } from "./seatPresence.ts";
import { onPatch } from "../net/onPatch.ts";
import { seatHoldWords } from "../../../shared/net/seatHoldChoice.ts";
import { fullscreenButton } from "../ui/fullscreenButton.ts";
import "./lobbyLayout.css";

/** The full join link for a class. */
export function joinLink(origin: string, session: Pick<ClassroomSession, "joinPath" | "code">): string {
  return `${origin}${session.joinPath || `/?code=${session.code}`}`;
}

/** The code with a thin gap after three characters, easier to read aloud from the back of a room. */
export function spacedCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/** How often the away and back marks are looked at while a seat has one, ms ("back" shows for a minute). */
const PRESENCE_TICK_MS = 1000;

const roleText = (role: string) => (isRole(role) ? ROLE_SHORT[role] : "Choosing…");

export function mountLobby(root: HTMLElement, session: ClassroomSession, onLeave: () => void): () => void {
  const doc = root.ownerDocument;
  const teacher = session.isTeacher();
  const codeEl = el(doc, "p", { class: "join-code", "aria-label": "" });
  const linkEl = el(doc, "p", { class: "join-link" });
  const qrBox = el(doc, "div", { class: "qr-box" });
  const title = el(doc, "h1", { id: "lobby-title", tabindex: "-1" });
  const sub = el(doc, "p", { class: "lead" });
  const count = el(doc, "h2", {});
  const list = el(doc, "ul", { class: "seat-list" });
  // Arrivals and departures are announced one by one (re-reading the whole list to a screen reader would drown them).
  const news = el(doc, "p", { class: "visually-hidden", role: "status", "aria-live": "polite" });
  let names = new Set<string>();
  let firstList = true;
  const bots = el(doc, "p", { class: "note" });
  const waiting = el(doc, "p", { class: "waiting", role: "status" });
  const refusal = el(doc, "p", { class: "refusal", role: "alert" });
  const leave = el(doc, "button", { type: "button", class: "secondary small-btn", text: teacher ? "Leave this page" : "Leave the class" });
  leave.addEventListener("click", () => {
    if (doc.defaultView?.confirm(teacher ? "Leave the projector page? The class stays open for the students, and Teach a class brings you back to it." : "Leave this class?") === false) return;
    onLeave();
  });
  const notes = el(doc, "div", { class: "lobby-notes" });
  let notesFor = "";
  const rounds = el(doc, "div", { class: "lobby-rounds" });
  let drawRounds = () => {};
  const renderRounds = () => {
    if (!session.rounds.length) { rounds.replaceChildren(); return; }
    const r = roundsSection(doc, session.rounds);
    rounds.replaceChildren(r.section, ...(teacher ? [resultsButton(doc, session)] : []));
    drawRounds = r.draw;
    requestAnimationFrame(r.draw);
  };

  const controls = teacher ? lobbyControls(doc, session) : null;
  const quiz = teacher ? teacherQuizPanel(doc, session) : null;
  const fullscreen = teacher ? fullscreenButton(doc, "secondary small-btn") : null; // for the projector
  const joinBox = el(doc, "div", { class: "join-box" }, el(doc, "div", {},
    el(doc, "p", { class: "join-label", text: teacher ? "Join this class with the code" : "Class code" }), codeEl, linkEl), qrBox);
  root.replaceChildren(el(doc, "div", { class: `lobby ${teacher ? "lobby-teacher" : "lobby-student"}` },
    el(doc, "div", { class: "lobby-head" }, el(doc, "div", {}, title, sub),
      el(doc, "div", { class: "lobby-head-actions" }, learnButton(doc, "Learn: glossary, model card", "il2"), ...(fullscreen ? [fullscreen.button] : []), leave)),
    joinBox,
    el(doc, "div", { class: "lobby-main" },
      el(doc, "section", { class: "lobby-seats", "aria-labelledby": "lobby-count" }, count, list, bots),
      ...(controls ? [el(doc, "section", { class: "lobby-side", "aria-label": "Teacher controls" }, controls.root)] : [])),
    refusal, waiting, ...(quiz ? [quiz.root] : []), notes, news, rounds));
  root.hidden = false;
  const offLesson = mountLessonLobby(root.querySelector<HTMLElement>(".lobby")!, session); // plan question, Predict first
  count.id = "lobby-count";

  let qrFor = "";
  let signature = "";
  const presence = new PresenceMemory(); // away, then back (seatPresence.ts)
  // The marks "away" and "back" change with wall time ("back" for a minute, with no state change to say it ended): a
  // short timer runs only while a seat has one; everything else is drawn on the room's state changes (onPatch below).
  let clock: ReturnType<typeof setInterval> | null = null;
  const tick = (marked: boolean) => {
    if (marked && clock === null) clock = setInterval(render, PRESENCE_TICK_MS);
    else if (!marked && clock !== null) { clearInterval(clock); clock = null; }
  };
  const render = () => {
    const st = session.state;
    if (!st) return;
    const code = session.code || st.code;
    setText(codeEl, spacedCode(code));
    codeEl.setAttribute("aria-label", `Class code: ${code.split("").join(" ")}`);
    const link = joinLink(doc.defaultView?.location.origin ?? "", { joinPath: session.joinPath, code });
    if (teacher) {
      setText(linkEl, link);
      if (qrFor !== link && code) { qrBox.replaceChildren(qrSvg(doc, link, `QR code for the join link ${link}`)); qrFor = link; }
    } else {
      qrBox.hidden = true;
      linkEl.hidden = true;
    }
    const me = st.seats?.get(session.sessionId);
    const scenario = SCENARIOS[st.scenarioId];
    const length = st.days ? `${Math.round(st.days * 10) / 10}-day round` : "";
    setText(title, teacher ? `Class ${spacedCode(code)}` : `You are ${me?.name || "…"}`);
    setText(sub, teacher
      ? `${scenario?.name ?? st.scenarioId}${length ? `, ${length}` : ""}. Round ${st.round}.${st.locked ? " Joining is locked." : ""} A sleeping device's seat is kept ${seatHoldWords(st.seatHoldMinutes)}.`
      : `${me?.role ? `Your role: ${roleText(me.role)}${me.team ? `, team ${me.team}: you and your teammates command the same cells together` : ""}. ` : ""}${scenario?.name ?? ""}${length ? `, ${length}` : ""}.`);
    setText(waiting, teacher ? "" : "Waiting for your teacher to start the round…");
    if (st.scenarioId && st.scenarioId !== notesFor) {
      notesFor = st.scenarioId;
      const block = teacherNotes(doc, st.scenarioId, { open: teacher, title: `${scenario?.name ?? "This scenario"}: ${teacher ? "what to notice, what to try" : "what to notice, what to try (your teacher's notes)"}` });
      notes.replaceChildren(...(block ? [block] : []));
    }

    const seats: [string, SeatState][] = [];
    st.seats?.forEach((seat, id) => seats.push([id, seat]));
    const students = seats.filter(([, s]) => !s.bot && !s.host);
    const botSeats = seats.filter(([, s]) => s.bot);
    const marks = students.map(([id, s]) => presence.see(id, s.connected));
    tick(marks.some((p) => p !== "here"));
    const sig = JSON.stringify(students.map(([id, s], i) => [id, s.name, s.role, s.team, marks[i], [...s.squads]]));
    if (sig !== signature) {
      signature = sig;
      const now = new Set(students.map(([, s]) => s.name));
      const came = [...now].filter((n) => !names.has(n)), went = [...names].filter((n) => !now.has(n));
      if (!firstList && (came.length || went.length)) {
        setText(news, [came.length ? `${came.join(", ")} joined.` : "", went.length ? `${went.join(", ")} left.` : ""].join(" ").trim());
      }
      names = now;
      firstList = false;
      const focused = (doc.activeElement as HTMLElement | null)?.dataset?.key;
      setText(count, students.length ? `${students.length} student${students.length === 1 ? "" : "s"} here` : "Nobody has joined yet");
      list.replaceChildren(...students.map(([id, s], i) => { const p = marks[i]!, mark = presenceMark(doc, p); return el(doc, "li", { class: `seat${id === session.sessionId ? " me" : ""}${p === "here" ? "" : ` ${p}`}` },
        el(doc, "span", { class: "seat-name" }, mark.shape, ` ${s.name}${id === session.sessionId ? " (you)" : ""}`, mark.words),
        teacher ? seatControls(doc, session, id, s) : el(doc, "span", { class: "seat-role", text: `${roleText(s.role)}${s.team ? ` · team ${s.team}` : ""}` })); }));
      if (focused) (list.querySelector(`[data-key="${CSS.escape(focused)}"]`) as HTMLElement | null)?.focus();
    }
    setText(bots, botSeats.length ? `Bots play: ${botSeats.map(([, s]) => roleText(s.role)).join(", ")}.` : "");
    controls?.refresh();
  };
  render();
  title.focus();
  // Focus held a control's old value (lobbyControls' refresh leaves a focused select alone): shown once it goes.
  const onBlur = () => queueMicrotask(render);
  controls?.root.addEventListener("focusout", onBlur);
  const offs = [
    onPatch(session, render), // the room's state changes (and a reconnection's new room)
    session.onRounds(renderRounds),
    session.onSession(() => { qrFor = ""; render(); }),
    session.onRefused((r) => { setText(refusal, `Not done: ${r.error}`); }),
  ];
  renderRounds();
  const win = doc.defaultView;
  const onResize = () => drawRounds();
  win?.addEventListener("resize", onResize);
  return () => { tick(false); fullscreen?.unmount(); quiz?.unmount(); offs.forEach((o) => o()); offLesson(); win?.removeEventListener("resize", onResize); root.hidden = true; root.replaceChildren(); };
}
