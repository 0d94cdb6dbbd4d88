// The quiz's gain per objective as an HTML table: before play, after play and the change, in words and signs (▲ ▼ =)
// as well as colour. For one player ("you": right or not yet per objective) or a class (shares, the teacher's only).
// Also the list of where the game shows what a player has not got yet. Used by soloQuiz.ts and classQuiz.ts.

import { QUIZ_ITEMS } from "../../../shared/quiz/quizItems.ts";
import { isRight, type GainRow, type QuizPick, type Tally } from "../../../shared/quiz/quizScore.ts";
import { el } from "../ui/dom.ts";

const pct = (t: Tally) => (t.of ? Math.round((100 * t.right) / t.of) : 0);

function mine(t: Tally): string {
  if (!t.of) return "not taken";
  if (t.of === 1) return t.right ? "✓ right" : "✗ not yet";
  return `${t.right} of ${t.of} right`;
}

function ours(t: Tally): string {
  return t.of ? `${pct(t)}% (${t.right} of ${t.of})` : "no answers yet";
}

function change(row: GainRow): { text: string; cls: string } {
  if (row.gain === null) return { text: "—", cls: "" };
  const points = Math.round(row.gain * 100);
  if (points > 0) return { text: `▲ +${points} points`, cls: "gain-up" };
  if (points < 0) return { text: `▼ ${points} points`, cls: "gain-down" };
  return { text: "= no change", cls: "" };
}

/** The table: one row per objective; `who` decides the words ("you": one player, "class": shares). */
export function gainTable(doc: Document, rows: readonly GainRow[], who: "you" | "class", caption: string): HTMLTableElement {
  const cell = who === "you" ? mine : ours;
  const head = el(doc, "tr", {}, ...["Learning goal", "Before play", "After play", "Change"].map((t) => el(doc, "th", { scope: "col", text: t })));
  const body = rows.map((r) => {
    const c = change(r);
    return el(doc, "tr", {}, el(doc, "th", { scope: "row", text: `${r.objective}. ${r.name}` }),
      el(doc, "td", { class: "num", text: cell(r.pre) }), el(doc, "td", { class: "num", text: cell(r.post) }),
      el(doc, "td", { class: `num ${c.cls}`, text: c.text }));
  });
  return el(doc, "table", { class: "gains" }, el(doc, "caption", { text: caption }), el(doc, "thead", {}, head), el(doc, "tbody", {}, ...body));
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** For the items a player did not get right on both tiers after play: where the game shows it (and, when `reveal`, the right answer and reason: solo only). */
export function whereToLook(doc: Document, post: readonly QuizPick[], reveal = false): HTMLElement {
  const missed = QUIZ_ITEMS.filter((item) => {
    const c = post.find((p) => p.itemId === item.id && p.tier === "choice");
    const r = post.find((p) => p.itemId === item.id && p.tier === "reason");
    return !(c && r && isRight(c) && isRight(r));
  });
  if (!missed.length) return el(doc, "p", { text: "Every answer and every reason right: well done." });
  return el(doc, "div", {}, el(doc, "p", { text: "To see these for yourself in the game:" }),
    el(doc, "ul", { class: "quiz-in-game" }, ...missed.map((i) => el(doc, "li", {}, el(doc, "strong", { text: `${i.question} ` }),
      ...(reveal ? [`Right answer: ${i.choices[i.answer]}, because ${lower(i.reasons[i.reason])}. `] : []), i.inGame))));
}
