// The lesson plan in the interface: the plan picker in Teach a class (each round with its length and question), the
// banner that says which round of the plan this is and its question (lobby, projector, every device), and the
// teacher's one-click "Set up round N" after a debrief. Mounted by lessonUi.ts and teacherSetup.ts.

import { LESSON_PLANS, planById, roundMinutes, type LessonPlan } from "../../../shared/net/lessonPlans.ts";
import type { ClassroomSession } from "../net/ClassroomSession.ts";
import { el, setText } from "../ui/dom.ts";
import { lessonInbox } from "./lessonInbox.ts";

/** The plan select for Teach a class; `chosen()` is null for "no plan". `onChange` lets the form hide its own choices. */
export function planPicker(doc: Document, onChange: (plan: LessonPlan | null) => void): { root: HTMLElement; chosen: () => LessonPlan | null } {
  const select = el(doc, "select", { id: "teach-plan", "aria-describedby": "teach-plan-rounds" });
  select.add(new Option("No plan: I choose each round", ""));
  for (const p of LESSON_PLANS) select.add(new Option(p.name, p.id));
  const rounds = el(doc, "ol", { id: "teach-plan-rounds", class: "plan-rounds" });
  const chosen = () => planById(select.value) ?? null;
  const refresh = () => {
    const plan = chosen();
    rounds.hidden = !plan;
    rounds.replaceChildren(...(plan?.rounds ?? []).map((r) => el(doc, "li", {},
      el(doc, "strong", { text: r.title }), ` (about ${Math.round(roundMinutes(r))} min). `, el(doc, "em", { text: r.question }))));
    onChange(plan);
  };
  select.addEventListener("change", refresh);
  refresh();
  return { root: el(doc, "div", { class: "plan-picker" }, el(doc, "label", { for: "teach-plan", text: "Lesson plan (one click sets up each round)" }), select, rounds), chosen };
}

/** "Round 2 of 3 · …: Question?" for this class's plan; hidden when the class follows no plan. */
export function mountLessonBanner(root: HTMLElement, session: ClassroomSession): () => void {
  const doc = root.ownerDocument;
  const box = lessonInbox(session);
  const which = el(doc, "p", { class: "plan-which" });
  const question = el(doc, "p", { class: "plan-question" });
  const tip = el(doc, "p", { class: "note" });
  root.classList.add("lesson-banner");
  root.setAttribute("aria-label", "This round's question");
  root.replaceChildren(which, question, tip);
  const render = () => {
    const s = box.lesson;
    root.hidden = !s?.plan || !s.round;
    if (!s?.plan || !s.round) return;
    setText(which, `Round ${s.index + 1} of ${s.total} of the lesson plan · ${s.round.title}`);
    setText(question, `Question: ${s.round.question}`);
    setText(tip, session.isTeacher() ? `For you: ${s.round.tip}` : "");
    tip.hidden = !session.isTeacher();
  };
  render();
  return box.onChange(render);
}

/** The teacher's debrief: set up the plan's next round in one click (or say the plan is done); null without a plan. */
export function nextRoundControl(doc: Document, session: ClassroomSession): HTMLElement | null {
  const s = lessonInbox(session).lesson;
  if (!s?.plan || !s.round || !session.hostSecret) return null;
  const plan = planById(s.plan.id);
  const next = plan?.rounds[s.index + 1];
  if (!next) return el(doc, "p", { class: "note", text: `That was the last round of the lesson plan (${s.total} rounds).` });
  const secret = session.hostSecret;
  const button = el(doc, "button", { type: "button", id: "plan-next", text: `Set up round ${s.index + 2} of ${s.total}: ${next.title}` });
  button.addEventListener("click", () => lessonInbox(session).lessonAction(secret, { action: "next" }));
  return button;
}

/** Tells a just-opened class to follow `plan` as soon as the page has its host secret (the session message). */
export function usePlanWhenReady(session: ClassroomSession, plan: LessonPlan): void {
  const send = () => lessonInbox(session).lessonAction(session.hostSecret!, { action: "use", plan: plan.id });
  if (session.hostSecret) return send();
  const off = session.onSession(() => { if (session.hostSecret) { off(); send(); } });
}
