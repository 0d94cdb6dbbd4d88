// The teacher's setup form in the menu: scenario (with its summary), round length and how long an away student's seat
// is kept (seatHoldPicker.ts), then "Open the class", which
// creates the classroom room through ClassroomSession.teach and hands the session to classroomUi.ts (the lobby).
// Scenario and length can still be changed in the lobby. Below, the results of this browser's earlier classes
// (pastClassesView.ts).

import { DEFAULT_SCENARIO_ID, SCENARIOS } from "../../../shared/scenarios/index.ts";
import { MAX_STUDENTS } from "../../../shared/net/classroom.ts";
import { ClassroomSession } from "../net/ClassroomSession.ts";
import { el } from "../ui/dom.ts";
import { explainFailure } from "../ui/soloSetup.ts";
import { mountPastClasses } from "./pastClassesView.ts";
import { fillDays, fillScenarios } from "./teacherControls.ts";
import { planPicker, usePlanWhenReady } from "../lesson/lessonPlanUi.ts";
import { seatHoldPicker } from "./seatHoldPicker.ts";

/** Builds the form; the returned function re-checks whether to offer "Return to class" (call it when the menu comes back). */
export function setUpTeacherSetup(form: HTMLFormElement, opened: (s: ClassroomSession) => void): () => void {
  const doc = form.ownerDocument;
  const scenario = el(doc, "select", { id: "teach-scenario", "aria-describedby": "teach-summary" });
  fillScenarios(scenario);
  scenario.value = DEFAULT_SCENARIO_ID;
  const summary = el(doc, "p", { id: "teach-summary", class: "summary" });
  const days = el(doc, "select", { id: "teach-days" });
  const button = el(doc, "button", { type: "submit", id: "teach-open", text: "Open the class" });
  const status = el(doc, "p", { role: "status", "aria-live": "polite" });
  const own = el(doc, "div", {}); // the scenario and length, chosen here when no lesson plan is
  const plan = planPicker(doc, (p) => { own.hidden = p !== null; });
  const hold = seatHoldPicker(doc);
  const refresh = () => { summary.textContent = SCENARIOS[scenario.value]?.summary ?? ""; fillDays(days, scenario.value); };
  scenario.addEventListener("change", refresh);
  refresh();
  // A class this tab left (or lost) is still open on the server: offer the way back with the kept secret.
  const back = el(doc, "button", { type: "button", class: "secondary", id: "teach-return" });
  const past = mountPastClasses(doc);
  const showBack = () => {
    past.refresh();
    const m = ClassroomSession.remembered();
    back.hidden = !m?.hostSecret;
    back.textContent = m ? `Return to class ${m.code}` : "";
  };
  back.addEventListener("click", () => {
    status.textContent = "Returning to the class…";
    ClassroomSession.resumeClass().then((s) => {
      if (s) { status.textContent = ""; opened(s); } else { status.textContent = "That class has closed. Open a new one below."; }
      showBack();
    }, () => { status.textContent = "That class has closed. Open a new one below."; showBack(); });
  });
  new MutationObserver(showBack).observe(form, { attributes: true, attributeFilter: ["hidden"] });
  showBack();
  own.append(el(doc, "label", { for: "teach-scenario", text: "Scenario" }), scenario, summary, el(doc, "label", { for: "teach-days", text: "Round length (at speed 1)" }), days);
  form.replaceChildren(
    el(doc, "h2", { id: "teach-title", text: "Teach a class" }),
    back,
    el(doc, "p", { class: "note", text: `Students join with a code on your projector; bots fill the roles nobody takes. Up to ${MAX_STUDENTS} students.` }),
    plan.root,
    own,
    hold.root,
    button, status, past.section,
  );
  form.setAttribute("aria-labelledby", "teach-title");
  let busy = false;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (busy) return;
    busy = true;
    button.setAttribute("aria-disabled", "true");
    status.textContent = "Opening the class…";
    const d = days.value === "full" ? undefined : Number(days.value);
    const chosen = plan.chosen();
    const h = hold.chosen();
    (chosen ? ClassroomSession.teach(chosen.rounds[0].scenarioId, chosen.rounds[0].days, h) : ClassroomSession.teach(scenario.value, d, h)).then(
      (s) => { status.textContent = ""; if (chosen) usePlanWhenReady(s, chosen); opened(s); },
      (err: unknown) => { status.textContent = explainFailure(err).replace("start this round", "open this class"); },
    ).finally(() => { busy = false; button.removeAttribute("aria-disabled"); });
  });
  return showBack;
}
