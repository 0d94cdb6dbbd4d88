// The debrief's "Your predictions" (you predicted X; what happened: Y, with this run's numbers; why, tied to IL-2) and,
// on the teacher's debrief only, the class's tally per answer beside what happened. Updated when the results arrive
// (just after the debrief). Mounted by lessonUi.ts under the debrief's outcome.

import type { PredictionResult } from "../../../shared/net/predictionJudge.ts";
import type { PredictionTally } from "../../../shared/net/predictionWire.ts";
import type { GameSession } from "../net/GameSession.ts";
import { el } from "../ui/dom.ts";
import { lessonInbox } from "./lessonInbox.ts";

const VERDICT = {
  yes: { icon: "✔", text: "It happened", cls: "verdict-yes" },
  no: { icon: "✘", text: "Not this time", cls: "verdict-no" },
  unknown: { icon: "?", text: "This run cannot tell", cls: "verdict-unknown" },
};

export function resultCard(doc: Document, r: PredictionResult): HTMLElement {
  const v = r.right === null ? VERDICT.unknown : r.right ? VERDICT.yes : VERDICT.no;
  return el(doc, "article", { class: `predict-result ${v.cls}`, "data-question": r.question },
    el(doc, "h3", { text: r.questionText }),
    el(doc, "p", {}, "You predicted: ", el(doc, "strong", { text: r.predictedText }), "."),
    el(doc, "p", {}, "What happened: ", el(doc, "strong", { text: r.happenedText }), `. ${r.numbers}`),
    el(doc, "p", { class: "verdict" }, el(doc, "span", { class: "verdict-icon", "aria-hidden": "true", text: v.icon }), ` ${v.text}.`),
    el(doc, "p", { class: "why" }, el(doc, "strong", { text: "Why: " }), r.explain));
}

export function tallySection(doc: Document, t: PredictionTally): HTMLElement {
  const tables = t.rows.map((row) => el(doc, "table", { class: "tally" },
    el(doc, "caption", { text: `${row.questionText} (${row.answered} of ${t.students} student${t.students === 1 ? "" : "s"} answered)` }),
    el(doc, "thead", {}, el(doc, "tr", {}, el(doc, "th", { scope: "col", text: "Answer" }), el(doc, "th", { scope: "col", text: "Students" }), el(doc, "th", { scope: "col", text: "What happened" }))),
    el(doc, "tbody", {}, ...row.choices.map((c) => el(doc, "tr", { class: c.choice === row.happened ? "happened" : "" },
      el(doc, "th", { scope: "row", text: c.text }),
      el(doc, "td", {}, el(doc, "span", { class: "tally-bar", style: `width:${row.answered ? Math.round((100 * c.count) / row.answered) : 0}%`, "aria-hidden": "true" }), ` ${c.count}`),
      el(doc, "td", { text: c.choice === row.happened ? "✔ This happened" : "" })))),
    el(doc, "tfoot", {}, el(doc, "tr", {}, el(doc, "td", { colspan: "3", text: row.happened ? row.numbers : `This run cannot tell. ${row.numbers}` })))));
  return el(doc, "section", { class: "predict-tally", "aria-labelledby": "tally-title" },
    el(doc, "h2", { id: "tally-title", text: "The class's predictions (only you see this)" }), ...tables);
}

export function mountPredictionDebrief(root: HTMLElement, session: GameSession): () => void {
  const doc = root.ownerDocument;
  const box = lessonInbox(session);
  const section = el(doc, "section", { class: "predict-debrief", "aria-label": "Predictions" });
  // Under the outcome and its buttons (the status line follows the buttons), before what the run taught.
  const actions = root.querySelector(".debrief-inner .debrief-actions");
  const anchor = actions?.nextElementSibling?.matches("[role=status]") ? actions.nextElementSibling : actions;
  if (anchor) anchor.after(section); else root.querySelector(".debrief-inner")?.prepend(section);
  const teacher = isTeacher(session);
  const render = () => {
    const parts: HTMLElement[] = [];
    const results = box.mine?.results;
    if (results && results.length) parts.push(el(doc, "h2", { text: "Your predictions" }), ...results.map((r) => resultCard(doc, r)));
    else if (!teacher) parts.push(el(doc, "p", { class: "note", text: "Next round, commit a prediction before it gets going (the “Predict first” panel beside the tissue, below it on a phone): the debrief will show it beside what happened." }));
    if (teacher && box.tally) parts.push(tallySection(doc, box.tally));
    section.replaceChildren(...parts);
  };
  render();
  const off = box.onChange(render);
  return () => { off(); section.remove(); };
}

/** A class's teacher (projector) page: it has no seat and makes no predictions, but sees the tally. */
export const isTeacher = (session: GameSession): boolean => (session as { isTeacher?: () => boolean }).isTeacher?.() === true;
