// "Reconnecting to your class…": what a class's page shows while its device is away from the class (a device that
// slept, a Wi-Fi that dropped), over the lobby or the tissue, until it is back in its seat (the class holds it for
// the teacher's chosen time: server/rooms/classroom/seatHold.ts; the page keeps trying: net/seatReturn.ts), then "You
// are back in your seat" for a moment. It counts the attempts in words and offers "Try now", which tries at once
// instead of waiting out the next wait (reconnectWords.ts). Its words are a status region, so screen readers say
// them; the attempt line is not read out each time. Mounted by classroomUi.ts for each class this tab joins.

import type { ClassroomSession } from "../net/ClassroomSession.ts";
import { el } from "../ui/dom.ts";
import { RECONNECT_TITLE, progressText, reconnectText, tryNowLabel } from "./reconnectWords.ts";
import "./reconnectVeil.css";

export { RECONNECT_TITLE, reconnectText } from "./reconnectWords.ts";

/** How long "You are back in your seat" stays, ms. */
export const BACK_NOTE_MS = 4000;

export function mountReconnectVeil(doc: Document, s: ClassroomSession): () => void {
  const title = el(doc, "p", { class: "reconnect-title" });
  const text = el(doc, "p", { class: "reconnect-text" });
  const tries = el(doc, "p", { class: "reconnect-tries" });
  const tryNow = el(doc, "button", { type: "button", id: "reconnect-try", class: "reconnect-try", text: tryNowLabel(false) });
  // Said by screen readers: the title and the sentence. The attempt line and Try now's "Trying…" change every few
  // seconds, so they are outside the status region; Try now is in the card only while away.
  const said = el(doc, "div", { class: "reconnect-said", role: "status", "aria-live": "polite" }, title, text);
  const card = el(doc, "div", { class: "reconnect-card" }, said, tries);
  const veil = el(doc, "div", { id: "reconnect-veil", class: "reconnect-veil" }, card);
  doc.body.append(veil);
  let hideTimer: ReturnType<typeof setTimeout> | null = null;
  /** The nickname as the seat had it when the connection dropped (the state comes back just after the reconnection). */
  let name = "";
  /** Where the keyboard was before the veil took it, given back when the page is back. */
  let focusBefore: HTMLElement | null = null;
  const dropTryNow = () => {
    const had = doc.activeElement === tryNow;
    tryNow.remove();
    if (had && focusBefore?.isConnected) focusBefore.focus({ preventScroll: true });
    focusBefore = null;
  };
  const setTrying = (trying: boolean) => {
    tryNow.textContent = tryNowLabel(trying);
    if (trying) tryNow.setAttribute("aria-disabled", "true");
    else tryNow.removeAttribute("aria-disabled");
  };
  tryNow.addEventListener("click", () => {
    if (tryNow.getAttribute("aria-disabled") === "true") return;
    setTrying(true);
    s.tryNow();
  });
  const hide = () => {
    if (hideTimer !== null) clearTimeout(hideTimer);
    hideTimer = null;
    veil.classList.remove("shown", "back");
    title.textContent = "";
    text.textContent = "";
    tries.textContent = "";
    dropTryNow();
  };
  const away = () => {
    if (hideTimer !== null) clearTimeout(hideTimer);
    hideTimer = null;
    name = s.mySeat()?.name || name;
    const wasShown = veil.classList.contains("shown") && !veil.classList.contains("back");
    veil.classList.add("shown");
    veil.classList.remove("back");
    title.textContent = RECONNECT_TITLE;
    text.textContent = reconnectText(s.code, s.isTeacher(), s.state?.phase ?? "", s.state?.seatHoldMinutes ?? 0);
    if (!tryNow.isConnected) { setTrying(false); card.append(tryNow); }
    // The rest of the page is under the veil: a keyboard lands on the one thing to do here.
    if (!wasShown) {
      focusBefore = doc.activeElement instanceof HTMLElement && doc.activeElement !== doc.body ? doc.activeElement : null;
      tryNow.focus({ preventScroll: true });
    }
  };
  const back = () => {
    if (!veil.classList.contains("shown")) return;
    veil.classList.add("back");
    name = s.mySeat()?.name || name;
    title.textContent = s.isTeacher() ? `Connected again to class ${s.code}` : "You are back in your seat";
    text.textContent = s.isTeacher() ? "" : `${name ? `You are ${name}, ` : ""}with the same role and the same cells.`;
    tries.textContent = "";
    dropTryNow();
    hideTimer = setTimeout(hide, BACK_NOTE_MS);
  };
  const progress = s.onReturnProgress((p) => {
    if (!veil.classList.contains("shown") || veil.classList.contains("back")) return;
    tries.textContent = progressText(p);
    setTrying(p.trying);
  });
  const offs = [s.onDrop(away), s.onReconnect(back), s.onLeave(hide), s.onRemoved(hide), s.onClosed(hide), progress];
  return () => { offs.forEach((o) => o()); if (hideTimer !== null) clearTimeout(hideTimer); veil.remove(); };
}
