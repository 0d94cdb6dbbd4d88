// "Predict first": the questions this round asks, each as radio buttons and a Commit button; once committed the panel
// says what you predicted (final: the debrief compares it with what happened). Shown in the play screen's side panel
// (solo and students) and in a class's lobby (students). The teacher has no seat, so no panel. Mounted by lessonUi.ts.

import { SCENARIOS } from "../../../shared/scenarios/index.ts";
import { choiceText, questionsFor, roundQuestionOpenDays, type PredictionQuestion } from "../../../shared/net/predictions.ts";
import { onDay } from "../../../shared/net/dayClock.ts";
import { PREDICT_MESSAGE } from "../../../shared/net/predictionWire.ts";
import type { GameSession } from "../net/GameSession.ts";
import { el, setText } from "../ui/dom.ts";
import { lessonInbox } from "./lessonInbox.ts";

/** The questions of the session's round and which the player has answered (for this round only). */
export function roundQuestions(session: GameSession): { key: string; questions: PredictionQuestion[]; committed: Map<string, string> } {
  const st = session.state;
  const scenario = st ? SCENARIOS[st.scenarioId] : undefined;
  if (!st || !scenario) return { key: "", questions: [], committed: new Map() };
  const mine = lessonInbox(session).mine;
  const committed = new Map<string, string>();
  if (mine && mine.round === st.round) for (const c of mine.committed) committed.set(c.question, c.choice);
  return { key: `${st.round}|${st.scenarioId}|${st.days}`, questions: questionsFor(scenario, st.days || scenario.days), committed };
}

/** Whether a question can still be answered as far as this device can tell (the server has the last word). */
function looksOpen(q: PredictionQuestion, session: GameSession): boolean {
  const st = session.state;
  if (!st || st.outcome !== "ongoing") return false;
  if (q.before === "highDose") return true;
  return st.phase === "lobby" || st.day < roundQuestionOpenDays(st.days || 1);
}

export function mountPredictionPanel(root: HTMLElement, session: GameSession): () => void {
  const doc = root.ownerDocument;
  const box = lessonInbox(session);
  const status = el(doc, "p", { class: "refusal", role: "status" });
  const list = el(doc, "div", { class: "predict-list" });
  const when = el(doc, "p", { class: "note predict-when" });
  root.classList.add("predict-panel");
  root.setAttribute("aria-labelledby", "predict-title");
  root.replaceChildren(el(doc, "h2", { id: "predict-title", text: "Predict first" }),
    el(doc, "p", { class: "note", text: "Commit a prediction: the debrief shows it beside what happened." }), when, list, status);

  let signature = "";
  const render = () => {
    const { key, questions, committed } = roundQuestions(session);
    const shown = questions.filter((q) => committed.has(q.id) || looksOpen(q, session));
    const sig = `${key}|${shown.map((q) => `${q.id}:${committed.get(q.id) ?? ""}`).join(",")}`;
    root.hidden = shown.length === 0;
    const st = session.state;
    const roundOpen = shown.some((q) => q.before === "round" && !committed.has(q.id));
    setText(when, roundOpen && st && st.phase !== "lobby" ? `Questions about the round close ${onDay(roundQuestionOpenDays(st.days || 1))}: pause the game if you need time to think.` : "");
    when.hidden = when.textContent === "";
    if (sig === signature) return;
    signature = sig;
    list.replaceChildren(...shown.map((q) => committed.has(q.id) ? done(q, committed.get(q.id)!) : ask(q)));
  };
  const done = (q: PredictionQuestion, choice: string) => el(doc, "div", { class: "predict-done", "data-question": q.id },
    el(doc, "p", { class: "predict-q", text: q.text }),
    el(doc, "p", {}, el(doc, "span", { "aria-hidden": "true", text: "✔ " }), "You predicted: ", el(doc, "strong", { text: choiceText(q, choice) })));
  const ask = (q: PredictionQuestion) => {
    const name = `predict-${q.id}`;
    const commit = el(doc, "button", { type: "submit", class: "small-btn", text: "Commit prediction" });
    const form = el(doc, "form", { class: "predict-form", "data-question": q.id },
      el(doc, "fieldset", {}, el(doc, "legend", { text: q.text }),
        ...q.choices.map((c) => el(doc, "label", { class: "radio" }, el(doc, "input", { type: "radio", name, value: c.id }), ` ${c.text}`))),
      commit);
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const choice = new FormData(form).get(name);
      if (typeof choice !== "string") { setText(status, "Pick an answer first."); return; }
      setText(status, "");
      box.predict(q.id, choice);
    });
    return form;
  };
  render();
  // The questions open and close with the state (the round, its day, its outcome): re-read on each of its changes.
  const offs = [box.onChange(render), session.onStateChange(render),
    session.onRefused((r) => { if (r.message === PREDICT_MESSAGE) setText(status, `Not taken: ${r.error}`); })];
  return () => { offs.forEach((o) => o()); root.replaceChildren(); };
}
