// The student's join form in the menu: one code box (upper case, six characters, a keyboard without autocorrect),
// checked in the page (and against this device's removals: removedMark.ts), then by the server (POST
// /api/classroom/check: wrong, expired, locked, too many tries), then joined through ClassroomSession.join. A ?code=
// link fills it in and joins at once; a device that still holds a seat in that class (the server was away) goes back
// to it first. Called by classroomUi.ts.

import { REMOVED_TEXT, normalizeJoinCode } from "../../../shared/net/classroom.ts";
import { ClassroomSession } from "../net/ClassroomSession.ts";
import { el } from "../ui/dom.ts";
import { explainFailure } from "../ui/soloSetup.ts";
import { checkRefusal, cleanCodeInput, codeProblem } from "./joinCheck.ts";
import { markRemoved, wasRemoved } from "./removedMark.ts";

export interface JoinForm { fill(code: string): void; submit(): void }

export function setUpStudentJoin(form: HTMLFormElement, joined: (s: ClassroomSession) => void): JoinForm {
  const doc = form.ownerDocument;
  const input = el(doc, "input", {
    id: "join-code", name: "code", type: "text", inputmode: "text", autocomplete: "off", autocapitalize: "characters",
    spellcheck: "false", maxlength: "8", "aria-describedby": "join-help join-status", class: "code-input",
  });
  const button = el(doc, "button", { type: "submit", id: "join-submit", text: "Join the class" });
  const status = el(doc, "p", { id: "join-status", role: "status", "aria-live": "polite" });
  form.replaceChildren(
    el(doc, "h2", { id: "join-title", text: "Join a class" }),
    el(doc, "label", { for: "join-code", text: "Class code" }),
    input,
    el(doc, "p", { id: "join-help", class: "note", text: "Six letters and digits, as shown on the board. You get a nickname; nothing about you is asked or kept." }),
    button, status,
  );
  form.setAttribute("aria-labelledby", "join-title");
  input.addEventListener("input", () => {
    const clean = cleanCodeInput(input.value);
    if (clean !== input.value) input.value = clean;
    input.removeAttribute("aria-invalid");
  });

  let busy = false;
  const submit = async () => {
    if (busy) return;
    const problem = codeProblem(input.value);
    if (problem) { status.textContent = problem; input.setAttribute("aria-invalid", "true"); input.focus(); return; }
    const code = normalizeJoinCode(input.value)!;
    if (wasRemoved(code)) { status.textContent = `${REMOVED_TEXT.replace(/\.$/, "")}: this device cannot join it again.`; input.setAttribute("aria-invalid", "true"); return; }
    busy = true;
    button.setAttribute("aria-disabled", "true");
    status.textContent = "Checking the code…";
    try {
      const res = await fetch("/api/classroom/check", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ code }), cache: "no-store" });
      if (!res.ok) {
        const body = await res.json().catch(() => null);
        status.textContent = checkRefusal(res.status, body);
        input.setAttribute("aria-invalid", "true");
        return;
      }
      status.textContent = "Joining…";
      // This device's own seat first, if it still holds one in this class (the server was away; reconnectVeil.ts).
      const back = ClassroomSession.remembered()?.code === code ? await ClassroomSession.resumeClass() : null;
      const session = back ?? await ClassroomSession.join(code);
      status.textContent = "";
      joined(session);
    } catch (err) {
      const m = err instanceof Error ? err.message : "";
      if (m.includes(REMOVED_TEXT)) {
        markRemoved(code); // removed while this device was away: it is told now, and remembers
        status.textContent = `${REMOVED_TEXT.replace(/\.$/, "")}: this device cannot join it again.`;
        input.setAttribute("aria-invalid", "true");
        return;
      }
      status.textContent = /locked|full|not found|no rooms|invalid|expired|seat|restarting/i.test(m) ? `Could not join: ${m}` : explainFailure(err).replace("start this round", "join this class");
    } finally {
      busy = false;
      button.removeAttribute("aria-disabled");
    }
  };
  form.addEventListener("submit", (e) => { e.preventDefault(); void submit(); });
  return { fill: (code) => { input.value = cleanCodeInput(code); }, submit: () => void submit() };
}
