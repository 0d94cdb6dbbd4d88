// The teacher's "Close the class" control with its confirm step in the page (not a browser dialog): a first button
// opens a short question with "Keep the class open" (focused, the safe answer) and "Yes, close the class"; Escape
// keeps it open. Closing ends a running round (saved), tells every student and shuts the code. Used in the lobby,
// the teacher's round panel and the debrief (teacherControls.ts, lobbyView.ts, classroomUi.ts).

import { ClassroomClientMessage } from "../../../shared/net/classroom.ts";
import type { ClassroomSession } from "../net/ClassroomSession.ts";
import { el, setText } from "../ui/dom.ts";

let made = 0;

export function closeClassControl(doc: Document, session: ClassroomSession): HTMLElement {
  const id = `close-class-${++made}`;
  const open = el(doc, "button", {
    type: "button", class: "secondary small-btn danger close-class-btn", text: "Close the class…", "aria-expanded": "false", "aria-controls": `${id}-box`,
  });
  const question = el(doc, "p", { id: `${id}-q`, class: "close-class-question" });
  const keep = el(doc, "button", { type: "button", class: "secondary small-btn", text: "Keep the class open" });
  const yes = el(doc, "button", { type: "button", class: "secondary small-btn danger", text: "Yes, close the class" });
  const status = el(doc, "p", { class: "note", role: "status" });
  const box = el(doc, "div", { id: `${id}-box`, class: "close-class-box", role: "group", "aria-labelledby": `${id}-q`, hidden: "" },
    question, el(doc, "div", { class: "lobby-buttons" }, keep, yes), status);

  const show = (on: boolean) => {
    box.hidden = !on;
    open.setAttribute("aria-expanded", String(on));
    if (!on) return open.focus();
    const running = session.state?.phase === "playing";
    const code = session.code.length === 6 ? `${session.code.slice(0, 3)} ${session.code.slice(3)}` : session.code;
    setText(question, `Close class ${code} for everyone?${running ? " The round ends now and its results are saved." : ""}`
      + " Every student's page says the class is closed, and the code stops working. Saved results can still be downloaded.");
    setText(status, "");
    keep.focus();
  };
  open.addEventListener("click", () => show(box.hidden !== false));
  keep.addEventListener("click", () => show(false));
  box.addEventListener("keydown", (e) => { if (e.key === "Escape") { e.preventDefault(); show(false); } });
  yes.addEventListener("click", () => {
    if (yes.getAttribute("aria-disabled") === "true") return;
    yes.setAttribute("aria-disabled", "true");
    setText(status, "Closing the class…");
    // A refusal (say, the host secret no longer matches) is said here and the button works again.
    const off = session.onRefused((r) => {
      if (r.message !== ClassroomClientMessage.teacher) return;
      off();
      yes.removeAttribute("aria-disabled");
      setText(status, `The class did not close: ${r.error}`);
    });
    setTimeout(off, 10_000); // a refusal after this long is not this click's (wall time)
    session.teacher({ action: "close" });
  });
  return el(doc, "div", { class: "close-class" }, open, box);
}
