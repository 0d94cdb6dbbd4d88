// The quiz in solo practice, optional: offered in the solo form before a round ("Quiz before you play") and in the
// debrief after it ("Quiz after playing"); the player's own gain per objective (before vs after) is shown once both are
// taken, with the right answers and where the game shows them. Answers stay in this browser (localStorage) only.
// Set up once by main.ts; classroom rounds have their own quiz (classQuiz.ts).

import type { Bus } from "../bus.ts";
import { ClassroomSession } from "../net/ClassroomSession.ts";
import type { GameSession } from "../net/GameSession.ts";
import { browserStore, readKept, writeKept } from "../storage.ts";
import { el, setText } from "../ui/dom.ts";
import { finished, gainRows, type QuizPhase, type QuizPick } from "../../../shared/quiz/quizScore.ts";
import { QUIZ_ITEMS } from "../../../shared/quiz/quizItems.ts";
import { gainTable, whereToLook } from "./gainView.ts";
import { openQuiz } from "./quizDialog.ts";

/** localStorage: { pre: QuizPick[], post: QuizPick[] } of this browser's solo player. */
export const SOLO_QUIZ_KEY = "cytokine-command:solo-quiz";

interface Sheet { pre: QuizPick[]; post: QuizPick[] }

const isPicks = (v: unknown): v is QuizPick[] => Array.isArray(v) && v.every((p) => typeof p?.itemId === "string" && (p.tier === "choice" || p.tier === "reason") && Number.isInteger(p.pick));
function readSheet(): Sheet {
  const s = readKept(browserStore(), SOLO_QUIZ_KEY) as Partial<Sheet> | null;
  return { pre: isPicks(s?.pre) ? s.pre : [], post: isPicks(s?.post) ? s.post : [] };
}
const writeSheet = (s: Sheet) => writeKept(browserStore(), SOLO_QUIZ_KEY, s);

const ITEMS = `${QUIZ_ITEMS.length} questions, each a choice and then its reason`;

/** The player's own gain, the right answers they missed and where the game shows them. */
function ownGain(doc: Document, s: Sheet): (Node | string)[] {
  if (!finished(s.pre)) return [el(doc, "p", { text: "You did not take the quiz before playing, so there is nothing to compare with this time. Take it before your next round to see your gain." }), whereToLook(doc, s.post, true)];
  return [gainTable(doc, gainRows([s]), "you", "Your answers before and after playing (a question counts when both the answer and the reason are right)"), whereToLook(doc, s.post, true)];
}

/** Opens the solo quiz for a phase (the post-quiz starts afresh each time it is finished and taken again). */
function take(doc: Document, phase: QuizPhase, after: () => void): void {
  const sheet = readSheet();
  if (finished(sheet[phase])) { sheet[phase] = []; if (phase === "pre") sheet.post = []; writeSheet(sheet); }
  openQuiz(doc, {
    phase,
    answered: sheet[phase],
    intro: phase === "pre" ? `Optional: ${ITEMS}. There is no score yet: after your round, take it again to see what you learned.` : `The same ${ITEMS}, now that you have played.`,
    onPick: (p) => { const s = readSheet(); s[phase].push(p); writeSheet(s); after(); },
    onDone: () => (phase === "pre" ? [el(doc, "p", { text: "Now play a round. In the report at the end you can take the quiz again and see your gain." })] : ownGain(doc, readSheet())),
  }).dialog.addEventListener("close", after);
}

/** Puts a quiz panel in a debrief just under its buttons (and their status line). */
export function placeInDebrief(inner: Element, panel: HTMLElement): void {
  const actions = inner.querySelector(".debrief-actions");
  const status = actions?.nextElementSibling;
  if (status?.getAttribute("role") === "status") status.after(panel);
  else if (actions) actions.after(panel);
  else inner.append(panel);
}

export function setUpSoloQuiz(doc: Document, bus: Bus): void {
  // Before the round: a line and a button in the solo form, above Start.
  const form = doc.getElementById("solo-setup");
  const start = doc.getElementById("solo-start");
  const state = el(doc, "span", { class: "note" });
  const button = el(doc, "button", { type: "button", class: "secondary", id: "solo-quiz" });
  const refresh = () => {
    const s = readSheet();
    const done = finished(s.pre), begun = s.pre.length > 0;
    setText(button, done ? "Take the quiz before playing again" : begun ? "Finish the quiz before playing" : "Quiz before you play (optional)");
    setText(state, done ? " Done: after your round, take it again to see your gain." : ` ${ITEMS}; about 4 minutes.`);
  };
  button.addEventListener("click", () => take(doc, "pre", refresh));
  if (form && start) { start.before(el(doc, "p", { class: "solo-quiz" }, button, state)); refresh(); }

  // After the round: a section in the debrief (solo rounds only).
  let session: GameSession | null = null;
  bus.on("round-start", (s) => { session = s; });
  bus.on("round-end", () => {
    if (!session || session instanceof ClassroomSession) return;
    const inner = doc.querySelector("#debrief .debrief-inner");
    if (!inner || inner.querySelector(".quiz-panel")) return;
    const box = el(doc, "div", {});
    const again = el(doc, "button", { type: "button", id: "solo-quiz-after" });
    const panel = el(doc, "section", { class: "quiz-panel", "aria-labelledby": "solo-quiz-title" },
      el(doc, "h2", { id: "solo-quiz-title", text: "Quiz: what did you learn?" }), box, el(doc, "div", { class: "quiz-buttons" }, again));
    const render = () => {
      const s = readSheet();
      const pre = finished(s.pre), post = finished(s.post);
      setText(again, post ? "Take the quiz after playing again" : s.post.length ? "Finish the quiz after playing" : "Take the quiz after playing");
      box.replaceChildren(...(post ? ownGain(doc, s) : [el(doc, "p", { text: pre
        ? `You took the quiz before playing. Take it again now (${ITEMS}) to see your gain for each learning goal.`
        : `Optional: ${ITEMS}. Take it before your next round too, to see your gain.` })]));
    };
    again.addEventListener("click", () => take(doc, "post", render));
    render();
    placeInDebrief(inner, panel);
  });
}
