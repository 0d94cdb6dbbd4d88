// Opens the Learn dialog, fetching its code and texts (learnDialog.ts, learnText.ts: the glossary and the model card)
// the first time anyone asks: a page that never opens Learn never downloads them, which keeps a phone's first load
// light. Used by the menu and by every glossary link and Learn button (termLink.ts).

// The Learn styles are page-wide (glossary words in the top bar and the panels, the Learn button, teacher notes):
// they load with the page, only the dialog's code and texts wait.
import "./learn.css";
import type { LearnTab } from "./learnDialog.ts";
import type { TermId } from "./learnText.ts";

let loading: Promise<typeof import("./learnDialog.ts")> | null = null;

/** Opens Learn on a tab or a term once its code has arrived (a moment on the first open, at once after). */
export function openLearn(doc: Document, where: { tab?: LearnTab; term?: TermId } = {}): void {
  loading ??= import("./learnDialog.ts");
  loading.then((m) => m.openLearn(doc, where), (err: unknown) => {
    loading = null; // a dropped connection: the next click tries again
    console.error("The Learn pages could not be loaded:", err);
  });
}
