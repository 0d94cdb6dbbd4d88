// "Reconnecting to your class…": what a class's page shows while its connection is lost (a device that slept, a
// Wi-Fi that dropped), over the lobby or the tissue, until it is back in its seat (the class holds it for the round:
// server/rooms/classroom/seatHold.ts; the page keeps trying: net/seatReturn.ts), then "You are back in your seat" for
// a moment. A status region, so screen readers say it. When the server says it is restarting (its serverNotice), or
// has not answered for NOT_ANSWERING_MS, the card says so in words; "Back to the menu" is there all the while the page
// is away (the seat's token is kept: the join form then takes this device back to its seat, studentJoin.ts).
// Mounted by classroomUi.ts for each class this tab joins.

import type { ClassroomSession } from "../net/ClassroomSession.ts";
import { RESTART_TITLE } from "../../../shared/net/serverNotice.ts";
import { el } from "../ui/dom.ts";
import "./reconnectVeil.css";

/** How long "You are back in your seat" stays, ms. */
export const BACK_NOTE_MS = 4000;

export const RECONNECT_TITLE = "Reconnecting to your class…";
export const NOT_ANSWERING_TITLE = "The game server is not answering";
/** How long a page stays away before the card says the server is not answering, ms (a Wi-Fi blip is shorter; a device that knows it is offline keeps saying so). */
export const NOT_ANSWERING_MS = 8000;

/** The words once the server has been silent a while: the class is kept, the page comes back by itself, or the menu. */
export function notAnsweringText(code: string, teacher: boolean): string {
  return teacher
    ? `Class ${code} is kept. This page shows it again by itself as soon as it reaches the server; or go back to the menu, where Teach a class offers the way back.`
    : `Class ${code} and your seat are kept. This page takes you back by itself as soon as it reaches the server; or go back to the menu and join again with the code ${code}.`;
}

/** A restart's words (the server's own sentence), and what this page does about it. */
export function restartText(notice: string, teacher: boolean): string {
  return `${notice} ${teacher ? "This page shows the class again by itself when it is back." : "This page takes you back to your seat by itself when it is back."}`;
}

/** The words while away: a student's seat and cells are kept (mid-round: until it ends); the teacher's page just comes back. */
export function reconnectText(code: string, teacher: boolean, phase: string): string {
  return teacher
    ? `This page lost its connection to class ${code}. The class goes on; the page keeps trying and shows it again as soon as it can.`
    : `Your device lost its connection to class ${code}. Your seat and your cells are kept for you${phase === "playing" ? " until the round ends" : ""}: this page keeps trying by itself. If it takes long, check the Wi-Fi.`;
}

export function mountReconnectVeil(doc: Document, s: ClassroomSession, toMenu?: () => void): () => void {
  const title = el(doc, "p", { class: "reconnect-title" });
  const text = el(doc, "p", { class: "reconnect-text" });
  const menu = el(doc, "button", { type: "button", id: "reconnect-menu", class: "small-btn", text: "Back to the menu" });
  if (toMenu) menu.addEventListener("click", toMenu);
  const card = el(doc, "div", { class: "reconnect-card" }, title, text);
  const veil = el(doc, "div", { id: "reconnect-veil", class: "reconnect-veil", role: "status", "aria-live": "polite" }, card);
  /** In the card only while the page is away (the region is empty otherwise). */
  const offerMenu = (on: boolean) => { if (on && toMenu) card.append(menu); else menu.remove(); };
  doc.body.append(veil);
  let hideTimer: ReturnType<typeof setTimeout> | null = null;
  let silentTimer: ReturnType<typeof setTimeout> | null = null;
  const stopSilent = () => { if (silentTimer !== null) clearTimeout(silentTimer); silentTimer = null; };
  /** The nickname as the seat had it when the connection dropped (the state comes back just after the reconnection). */
  let name = "";
  const hide = () => {
    if (hideTimer !== null) clearTimeout(hideTimer);
    hideTimer = null;
    stopSilent();
    offerMenu(false);
    veil.classList.remove("shown", "back", "gone");
    title.textContent = "";
    text.textContent = "";
  };
  const away = () => {
    // Already away (the SDK's drop, then the page's own tries, each say so): the words and the timer go on.
    if (veil.classList.contains("shown") && !veil.classList.contains("back")) return;
    if (hideTimer !== null) clearTimeout(hideTimer);
    hideTimer = null;
    name = s.mySeat()?.name || name;
    veil.classList.add("shown");
    veil.classList.remove("back");
    offerMenu(true);
    if (s.serverNotice) return restarting();
    veil.classList.remove("gone");
    title.textContent = RECONNECT_TITLE;
    text.textContent = reconnectText(s.code, s.isTeacher(), s.state?.phase ?? "");
    stopSilent();
    silentTimer = setTimeout(() => {
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
    offerMenu(true);
    title.textContent = RESTART_TITLE;
    text.textContent = restartText(s.serverNotice?.text ?? "", s.isTeacher());
  };
  const back = () => {
    if (!veil.classList.contains("shown")) return;
    stopSilent();
    offerMenu(false);
    veil.classList.remove("gone");
    veil.classList.add("back");
    name = s.mySeat()?.name || name;
    title.textContent = s.isTeacher() ? `Connected again to class ${s.code}` : "You are back in your seat";
    text.textContent = s.isTeacher() ? "" : `${name ? `You are ${name}, ` : ""}with the same role and the same cells.`;
    hideTimer = setTimeout(hide, BACK_NOTE_MS);
  };
  const offs = [s.onDrop(away), s.onReconnect(back), s.onLeave(hide), s.onRemoved(hide), s.onClosed(hide), s.onServerNotice(restarting)];
  return () => { offs.forEach((o) => o()); if (hideTimer !== null) clearTimeout(hideTimer); stopSilent(); veil.remove(); };
}
