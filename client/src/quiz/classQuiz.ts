// The quiz in a class. On a student's device: when the teacher opens a quiz, the dialog opens by itself (it can be
// left with "Later" and taken up again from a button while the quiz stays open); each pick goes to the server, and
// after the post-quiz the student sees their own gain (never anyone else's answers). On the teacher's pages (lobby,
// debrief): the quiz panel (give the pre-quiz, give the post-quiz, close it), who has finished, and the class's gain per
// objective. Mounted by classroomUi.ts (students) and lobbyView.ts / the classroom debrief (teacher).

import type { ClassroomSession } from "../net/ClassroomSession.ts";
import { QuizClientMessage } from "../../../shared/net/quiz.ts";
import { finished, gainRows, type QuizPhase, type QuizPick } from "../../../shared/quiz/quizScore.ts";
import { QUIZ_ITEMS } from "../../../shared/quiz/quizItems.ts";
import { el, setText } from "../ui/dom.ts";
import { gainTable, whereToLook } from "./gainView.ts";
import { openQuiz, type QuizDialog } from "./quizDialog.ts";

const NAME: Record<QuizPhase, string> = { pre: "quiz before play", post: "quiz after play" };

/** A student's side: opens the dialog when a quiz opens, closes it when the teacher closes the quiz. */
export function mountStudentQuiz(doc: Document, session: ClassroomSession): () => void {
  if (session.isTeacher()) return () => {};
  let dialog: QuizDialog | null = null;
  let laterFor: QuizPhase | null = null;
  const nudge = el(doc, "button", { type: "button", class: "quiz-nudge", hidden: "" });
  const news = el(doc, "p", { class: "visually-hidden", role: "status", "aria-live": "polite" });
  doc.body.append(nudge, news);

  const start = (phase: QuizPhase) => {
    const sent: QuizPick[] = [...session.quiz.status.mine[phase]];
    dialog = openQuiz(doc, {
      phase,
      answered: sent,
      intro: phase === "pre" ? `Your teacher opened the ${NAME.pre}: ${QUIZ_ITEMS.length} questions, each an answer and then its reason. Nobody else sees your answers.` : `The same ${QUIZ_ITEMS.length} questions, now that you have played. Nobody else sees your answers.`,
      onPick: (p) => { sent.push(p); session.quiz.answer({ phase, ...p }); },
      onDone: () => {
        if (phase === "pre") return [el(doc, "p", { text: "Your teacher will start the round soon." })];
        const mine = { pre: session.quiz.status.mine.pre, post: sent };
        return finished(mine.pre)
          ? [gainTable(doc, gainRows([mine]), "you", "Your answers before and after playing"), whereToLook(doc, sent)]
          : [whereToLook(doc, sent)];
      },
    });
    dialog.dialog.addEventListener("close", () => { dialog = null; laterFor = phase; refresh(); });
  };
  const refresh = () => {
    const { open, mine } = session.quiz.status;
    if (!open) {
      if (dialog) { dialog.close(); setText(news, "Your teacher closed the quiz."); }
      nudge.hidden = true;
      laterFor = null;
      return;
    }
    const done = finished(mine[open]);
    if (!dialog && !done && laterFor !== open) start(open);
    // Unfinished: take it up again. The quiz after play finished: see your own result again.
    nudge.hidden = !!dialog || (done && open === "pre");
    setText(nudge, done ? "📝 Your quiz result" : `📝 Your teacher opened the ${NAME[open]}: ${mine[open].length ? "continue" : "start"} it`);
  };
  nudge.addEventListener("click", () => { const o = session.quiz.status.open; if (o && !dialog) start(o); });
  const off = session.quiz.onStatus(refresh);
  refresh();
  return () => { off(); dialog?.close(); nudge.remove(); news.remove(); };
}

/** The teacher's quiz panel: give or close a quiz, who has finished it, the class's gain per objective. */
export function teacherQuizPanel(doc: Document, session: ClassroomSession): { root: HTMLElement; unmount: () => void } {
  const pre = el(doc, "button", { type: "button", class: "small-btn", text: "Give the quiz before play" });
  const post = el(doc, "button", { type: "button", class: "small-btn", text: "Give the quiz after play" });
  const close = el(doc, "button", { type: "button", class: "secondary small-btn", text: "Close the quiz" });
  const state = el(doc, "p", { role: "status" });
  const refusal = el(doc, "p", { class: "refusal", role: "alert" });
  const table = el(doc, "div", {});
  const root = el(doc, "section", { class: "quiz-panel teacher-quiz", "aria-labelledby": "teacher-quiz-title" },
    el(doc, "h2", { id: "teacher-quiz-title", text: "Quiz: the class's gain per learning goal" }),
    el(doc, "p", { class: "note", text: `Optional. ${QUIZ_ITEMS.length} two-tier questions (an answer, then its reason) on every student's own device: before the first round, and again after the last debrief. Only you see the class's results; the CSV has each student's.` }),
    el(doc, "div", { class: "quiz-buttons" }, pre, post, close), state, refusal, table);
  pre.addEventListener("click", () => session.quiz.teacher({ action: "open", phase: "pre" }));
  post.addEventListener("click", () => session.quiz.teacher({ action: "open", phase: "post" }));
  close.addEventListener("click", () => session.quiz.teacher({ action: "close" }));

  let drawn = "";
  const render = () => {
    const g = session.quiz.gains;
    const open = g?.open ?? session.quiz.status.open;
    const played = session.rounds.length > 0;
    const lobby = session.state?.phase === "lobby";
    pre.hidden = played || open === "pre";
    pre.disabled = !lobby;
    post.hidden = !played || open === "post";
    close.hidden = !open;
    const counts = g ? `Finished: ${g.finished.pre} before play, ${g.finished.post} after play (${g.students} student${g.students === 1 ? "" : "s"} in the class).` : "";
    setText(state, `${open ? `Open now: the ${NAME[open]}.` : "No quiz is open."} ${counts}`.trim());
    const sig = JSON.stringify(g?.rows ?? null);
    if (g && sig !== drawn && (g.finished.pre || g.finished.post || g.rows.some((r) => r.pre.of || r.post.of))) {
      drawn = sig;
      table.replaceChildren(gainTable(doc, g.rows, "class", "The class, per learning goal: share of answers right on both tiers (change: students who took both)"));
    }
  };
  const offs = [
    session.quiz.onGains(render),
    session.quiz.onStatus(render),
    session.onRefused((r) => { if (r.message === QuizClientMessage.teacher) setText(refusal, `Not done: ${r.error}`); }),
    session.onRounds(render), // a first round played: the quiz after play can be given
    session.onStateChange(render), // the phase: the quiz before play only from the lobby
  ];
  session.quiz.teacher({ action: "gains" });
  render();
  return { root, unmount: () => { offs.forEach((o) => o()); root.remove(); } };
}
