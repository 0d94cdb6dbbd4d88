// "Reconnecting to your class…": what a class's page shows while its device is away from the class (a device that
// slept, a Wi-Fi that dropped), over the lobby or the tissue, until it is back in its seat (the class holds it for
// the teacher's chosen time: server/rooms/classroom/seatHold.ts; the page keeps trying: net/seatReturn.ts), then "You
// are back in your seat" for a moment. It counts the attempts in words and offers "Try now", which tries at once
// instead of waiting out the next wait (reconnectWords.ts). When the server says it is restarting (its serverNotice),
// or has not answered for NOT_ANSWERING_MS, the card says so in words; "Back to the menu" is there all the while the
// page is away (the seat's token is kept: the join form then takes this device back to its seat, studentJoin.ts).
// Its words are a status region, so screen readers say them; the attempt line is not read out each time. Mounted by
// classroomUi.ts for each class this tab joins.

import type { ClassroomSession } from "../net/ClassroomSession.ts";
import { RESTART_TITLE } from "../../../shared/net/serverNotice.ts";
import { el } from "../ui/dom.ts";
import {
  NOT_ANSWERING_MS, NOT_ANSWERING_TITLE, RECONNECT_TITLE, notAnsweringText, progressText, reconnectText, restartText, tryNowLabel,
} from "./reconnectWords.ts";
import "./reconnectVeil.css";

export { NOT_ANSWERING_MS, NOT_ANSWERING_TITLE, RECONNECT_TITLE, notAnsweringText, reconnectText, restartText } from "./reconnectWords.ts";

/** How long "You are back in your seat" stays, ms. */
export const BACK_NOTE_MS = 4000;

export function mountReconnectVeil(doc: Document, s: ClassroomSession, toMenu?: () => void): () => void {
  const title = el(doc, "p", { class: "reconnect-title" });
  const text = el(doc, "p", { class: "reconnect-text" });
  const tries = el(doc, "p", { class: "reconnect-tries" });
  const tryNow = el(doc, "button", { type: "button", id: "reconnect-try", class: "reconnect-try", text: tryNowLabel(false) });
  const menu = el(doc, "button", { type: "button", id: "reconnect-menu", class: "small-btn", text: "Back to the menu" });
  if (toMenu) menu.addEventListener("click", toMenu);
  // Said by screen readers: the title and the sentence. The attempt line and Try now's "Trying…" change every few
  // seconds, so they are outside the status region; Try now and the menu are in the card only while away.
  const said = el(doc, "div", { class: "reconnect-said", role: "status", "aria-live": "polite" }, title, text);
  const card = el(doc, "div", { class: "reconnect-card" }, said, tries);
  const veil = el(doc, "div", { id: "reconnect-veil", class: "reconnect-veil" }, card);
  doc.body.append(veil);
  // Wall time while the connection is down (no state changes come): how long "back" shows, when "not answering" is said.
  let hideTimer: ReturnType<typeof setTimeout> | null = null;
  let silentTimer: ReturnType<typeof setTimeout> | null = null;
  const stopSilent = () => { if (silentTimer !== null) clearTimeout(silentTimer); silentTimer = null; };
  /** The nickname as the seat had it when the connection dropped (the state comes back just after the reconnection). */
  let name = "";
  /** Where the keyboard was before the veil took it, given back when the page is back. */
  let focusBefore: HTMLElement | null = null;
  const dropButtons = () => {
    const had = doc.activeElement === tryNow || doc.activeElement === menu;
    tryNow.remove();
    menu.remove();
    if (had && focusBefore?.isConnected) focusBefore.focus({ preventScroll: true });
    focusBefore = null;
  };
  /** Try now (and the menu, when the page has one) in the card; the keyboard lands on Try now the first time. */
  const offerButtons = () => {
    const first = !tryNow.isConnected;
    if (first) { setTrying(false); card.append(tryNow); }
    if (toMenu && !menu.isConnected) card.append(menu);
    if (first) {
      focusBefore = doc.activeElement instanceof HTMLElement && doc.activeElement !== doc.body ? doc.activeElement : null;
      tryNow.focus({ preventScroll: true });
    }
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
    stopSilent();
    veil.classList.remove("shown", "back", "gone");
    title.textContent = "";
    text.textContent = "";
    tries.textContent = "";
    dropButtons();
  };
  const away = () => {
    // Already away (the SDK's drop, then the page's own tries, each say so): the words and the timer go on.
    if (veil.classList.contains("shown") && !veil.classList.contains("back")) return;
    if (hideTimer !== null) clearTimeout(hideTimer);
    hideTimer = null;
    name = s.mySeat()?.name || name;
    veil.classList.add("shown");
    veil.classList.remove("back");
    offerButtons();
    if (s.serverNotice) return restarting();
    veil.classList.remove("gone");
    title.textContent = RECONNECT_TITLE;
    text.textContent = reconnectText(s.code, s.isTeacher(), s.state?.phase ?? "", s.state?.seatHoldMinutes ?? 0);
    stopSilent();
    silentTimer = setTimeout(() => { // wall time: no state comes while the connection is down
      silentTimer = null;
      if (doc.defaultView?.navigator.onLine === false) return; // this device is offline: "check the Wi-Fi" stays true
      veil.classList.add("gone");
      title.textContent = NOT_ANSWERING_TITLE;
      text.textContent = notAnsweringText(s.code, s.isTeacher());
    }, NOT_ANSWERING_MS);
  };
  /** The server said it is restarting: said at once (the connection closes just after, and the page keeps trying). */
  const restarting = () => {
    name = s.mySeat()?.name || name;
    if (hideTimer !== null) clearTimeout(hideTimer);
    hideTimer = null;
    stopSilent();
    veil.classList.add("shown", "gone");
    veil.classList.remove("back");
    offerButtons();
    title.textContent = RESTART_TITLE;
    text.textContent = restartText(s.serverNotice?.text ?? "", s.isTeacher());
  };
  const back = () => {
    if (!veil.classList.contains("shown")) return;
    stopSilent();
    veil.classList.remove("gone");
    veil.classList.add("back");
    name = s.mySeat()?.name || name;
    title.textContent = s.isTeacher() ? `Connected again to class ${s.code}` : "You are back in your seat";
    text.textContent = s.isTeacher() ? "" : `${name ? `You are ${name}, ` : ""}with the same role and the same cells.`;
    tries.textContent = "";
    dropButtons();
    hideTimer = setTimeout(hide, BACK_NOTE_MS); // "back" shows a few seconds of wall time
  };
  const progress = s.onReturnProgress((p) => {
    if (!veil.classList.contains("shown") || veil.classList.contains("back")) return;
    tries.textContent = progressText(p);
    setTrying(p.trying);
  });
  const offs = [s.onDrop(away), s.onReconnect(back), s.onLeave(hide), s.onRemoved(hide), s.onClosed(hide), s.onServerNotice(restarting), progress];
  return () => { offs.forEach((o) => o()); if (hideTimer !== null) clearTimeout(hideTimer); stopSilent(); veil.remove(); };
}
