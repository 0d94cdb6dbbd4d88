// A word on the play screen (top bar, side panel, microscope, lobby) that opens the Learn dialog at its glossary
// entry: a real button, styled as dotted-underlined text, reachable by keyboard. Used by ui/*.ts.

import { el } from "../ui/dom.ts";
import { openLearn } from "./learnLater.ts";
import type { TermId } from "./learnText.ts";

export function termButton(doc: Document, id: TermId, ...content: (Node | string)[]): HTMLButtonElement {
  const b = el(doc, "button", { type: "button", class: "term", "aria-haspopup": "dialog", "data-term": id, title: "What is this? (glossary)" }, ...content);
  b.addEventListener("click", (e) => {
    e.stopPropagation();
    openLearn(doc, { term: id });
  });
  return b;
}

/** A button that opens the Learn dialog on a tab ("What is IL-2?", the glossary or the model card). */
export function learnButton(doc: Document, text: string, tab: "il2" | "glossary" | "model" = "il2", className = "small-btn secondary"): HTMLButtonElement {
  const b = el(doc, "button", { type: "button", class: className, "aria-haspopup": "dialog", text });
  b.addEventListener("click", () => openLearn(doc, { tab }));
  return b;
}
