// The kiosk round's one question, on the result card: the quiz's clustering item (objective 1, shared/quiz/items.json)
// with three big touch buttons and no text entry, in the visitor's language (assets/strings: quiz.*). A touch answers:
// the card says whether it was right, the right answer and why, then the lesson to remember; the countdown gives the
// visitor time to read. Shown and reset by resultScreen.ts.

import { quizItem } from "../../../shared/quiz/quizItems.ts";
import type { KioskStrings } from "./strings.ts";

/** The item the kiosk asks (its English words are the strings' quiz.* entries; a unit test holds them equal). */
export const KIOSK_ITEM_ID = "o1-cluster";
const item = quizItem(KIOSK_ITEM_ID)!;
/** String keys of the choices, in the item's order; the right one is item.answer. */
export const KIOSK_CHOICE_KEYS = item.choices.map((_, k) => `quiz.choice.${k + 1}`);
export const KIOSK_ANSWER = item.answer;

export class KioskQuestion {
  private readonly doc: Document;
  private readonly strings: KioskStrings;
  private picked: number | null = null;
  private offLang: (() => void) | null = null;

  constructor(doc: Document, strings: KioskStrings) {
    this.doc = doc;
    this.strings = strings;
  }

  /** Shows the question on the card; `onAnswer` is called once, when the visitor touches an answer. */
  show(onAnswer: () => void): void {
    this.hide();
    const box = this.doc.getElementById("k-question");
    if (!box) return;
    this.picked = null;
    const t = (k: string) => this.strings.t(k);
    const render = () => {
      const rows = KIOSK_CHOICE_KEYS.map((key, k) => {
        const b = this.doc.createElement("button");
        b.type = "button";
        b.className = "k-btn k-choice";
        b.textContent = t(key);
        b.addEventListener("click", () => {
          if (this.picked !== null) return;
          this.picked = k;
          render();
          onAnswer();
        });
        return b;
      });
      const label = this.doc.createElement("h3");
      label.textContent = t("quiz.label");
      const question = this.doc.createElement("p");
      question.className = "k-question";
      question.textContent = t("quiz.question");
      const remember = this.doc.getElementById("k-remember");
      if (this.picked === null) {
        const list = this.doc.createElement("div");
        list.className = "k-choices";
        list.append(...rows);
        box.replaceChildren(label, question, list);
        if (remember) remember.hidden = true;
        return;
      }
      const right = this.picked === KIOSK_ANSWER;
      const verdict = this.doc.createElement("p");
      verdict.className = `k-answer ${right ? "k-right" : "k-wrong"}`;
      verdict.textContent = `${right ? "✓" : "✗"} ${t(right ? "quiz.right" : "quiz.wrong")} ${t(KIOSK_CHOICE_KEYS[KIOSK_ANSWER])}.`;
      const why = this.doc.createElement("p");
      why.textContent = t("quiz.why");
      box.replaceChildren(verdict, why); // the question is answered: its words make way for the lesson
      if (remember) remember.hidden = false;
    };
    render();
    this.offLang = this.strings.onChange(render);
  }

  hide(): void {
    this.offLang?.();
    this.offLang = null;
    this.picked = null;
    this.doc.getElementById("k-question")?.replaceChildren();
    const remember = this.doc.getElementById("k-remember");
    if (remember) remember.hidden = false;
  }
}
