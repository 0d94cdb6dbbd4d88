// The two-tier quiz as a modal HTML <dialog>: each item first asks for a choice, then for the reason behind it, one
// screen at a time (radio buttons in a fieldset: Tab reaches them, arrow keys choose, Enter or "Next" goes on), with
// the progress said in words. Items already answered are skipped, so a quiz can be left (Escape, "Later") and picked up
// again. Right answers are never shown during the quiz. Used by the solo and classroom quizzes (soloQuiz.ts, classQuiz.ts).

import "./quiz.css";
import { QUIZ_ITEMS, type QuizItem, type Tier } from "../../../shared/quiz/quizItems.ts";
import type { QuizPhase, QuizPick } from "../../../shared/quiz/quizScore.ts";
import { el, setText } from "../ui/dom.ts";

export interface QuizRun {
  phase: QuizPhase;
  /** Tiers already answered (skipped). */
  answered: readonly QuizPick[];
  /** A pick was made; the dialog moves on at once. */
  onPick: (pick: QuizPick) => void;
  /** The last tier was answered: returns what the last screen shows (thanks, a gain table). */
  onDone: () => (Node | string)[];
  /** Extra words under the title on the first screen. */
  intro?: string;
}

export interface QuizDialog {
  dialog: HTMLDialogElement;
  /** Closes the dialog (a quiz the teacher closed); `note` is said on the page instead. */
  close(): void;
  readonly open: boolean;
}

const PHASE_TITLE: Record<QuizPhase, string> = { pre: "Quiz before you play", post: "Quiz after playing" };

interface Step { item: QuizItem; tier: Tier }

/** Opens the quiz on the first tier not answered yet; the dialog removes itself from the page when closed. */
export function openQuiz(doc: Document, run: QuizRun): QuizDialog {
  const steps: Step[] = [];
  for (const item of QUIZ_ITEMS) for (const tier of ["choice", "reason"] as const) {
    if (!run.answered.some((p) => p.itemId === item.id && p.tier === tier)) steps.push({ item, tier });
  }
  const picked = new Map<string, number>(run.answered.filter((p) => p.tier === "choice").map((p) => [p.itemId, p.pick]));
  const title = el(doc, "h2", { id: "quiz-title", text: PHASE_TITLE[run.phase] });
  const later = el(doc, "button", { type: "button", class: "close-btn", text: "Later" });
  const progress = el(doc, "p", { class: "quiz-progress", id: "quiz-progress" });
  const body = el(doc, "form", { class: "quiz-body", novalidate: "" });
  const dialog = el(doc, "dialog", { class: "quiz", "aria-labelledby": "quiz-title", "aria-describedby": "quiz-progress" },
    el(doc, "div", { class: "quiz-head" }, title, later), progress, body);
  doc.body.append(dialog);
  const opener = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
  dialog.addEventListener("close", () => { dialog.remove(); if (opener?.isConnected) opener.focus(); });
  later.addEventListener("click", () => dialog.close());

  let at = 0;
  const itemsTotal = QUIZ_ITEMS.length;
  const show = () => {
    if (at >= steps.length) return finish();
    const { item, tier } = steps[at];
    const n = QUIZ_ITEMS.indexOf(item) + 1;
    setText(progress, `Question ${n} of ${itemsTotal} · ${tier === "choice" ? "part 1 of 2: your answer" : "part 2 of 2: the reason"}`);
    const options = tier === "choice" ? item.choices : item.reasons;
    const name = `quiz-${item.id}-${tier}`;
    const legend = el(doc, "legend", { tabindex: "-1", text: tier === "choice" ? item.question : "Which reason best explains your answer?" });
    const fieldset = el(doc, "fieldset", { class: "quiz-options" }, legend);
    if (tier === "reason") {
      const chose = picked.get(item.id);
      fieldset.insertBefore(el(doc, "p", { class: "quiz-recall" }, el(doc, "span", { class: "note", text: item.question }), el(doc, "br"),
        "You answered: ", el(doc, "strong", { text: chose !== undefined ? item.choices[chose] : "…" })), legend);
    }
    options.forEach((text, k) => {
      const id = `${name}-${k}`;
      const input = el(doc, "input", { type: "radio", name, id, value: String(k) });
      fieldset.append(el(doc, "label", { class: "quiz-option", for: id }, input, el(doc, "span", { text })));
    });
    const next = el(doc, "button", { type: "submit", class: "quiz-next", text: at === steps.length - 1 ? "Finish" : "Next" });
    const hint = el(doc, "p", { class: "quiz-hint", role: "status" });
    body.replaceChildren(fieldset, hint, next);
    body.onsubmit = (e) => {
      e.preventDefault();
      const chosen = body.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`);
      if (!chosen) { setText(hint, "Choose one first (arrow keys or a tap)."); fieldset.querySelector<HTMLInputElement>("input")?.focus(); return; }
      const pick = Number(chosen.value);
      if (tier === "choice") picked.set(item.id, pick);
      run.onPick({ itemId: item.id, tier, pick });
      at++;
      show();
    };
    legend.focus();
  };
  const finish = () => {
    setText(progress, "All done");
    setText(later, "Close");
    const close = el(doc, "button", { type: "button", class: "quiz-next", text: "Close" });
    close.addEventListener("click", () => dialog.close());
    const head = el(doc, "p", { class: "quiz-done", tabindex: "-1", text: "Thank you: your answers are in." });
    body.onsubmit = (e) => e.preventDefault();
    body.replaceChildren(head, ...run.onDone(), close);
    head.focus();
  };
  dialog.showModal();
  if (run.intro && steps.length) body.before(el(doc, "p", { class: "quiz-intro", text: run.intro }));
  show();
  return { dialog, close: () => { if (dialog.open) dialog.close(); }, get open() { return dialog.open; } };
}
