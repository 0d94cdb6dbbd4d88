// "Reconnecting to your class…": what a class's page shows while its connection is lost (a device that slept, a
// Wi-Fi that dropped), over the lobby or the tissue, until it is back in its seat (the class holds it for the round:
// server/rooms/classroom/seatHold.ts; the page keeps trying: net/seatReturn.ts), then "You are back in your seat" for
// a moment. A status region, so screen readers say it. Mounted by classroomUi.ts for each class this tab joins.

import type { ClassroomSession } from "../net/ClassroomSession.ts";
import { el } from "../ui/dom.ts";
import "./reconnectVeil.css";

/** How long "You are back in your seat" stays, ms. */
export const BACK_NOTE_MS = 4000;

export const RECONNECT_TITLE = "Reconnecting to your class…";

/** The words while away: a student's seat and cells are kept (mid-round: until it ends); the teacher's page just comes back. */
export function reconnectText(code: string, teacher: boolean, phase: string): string {
  return teacher
    ? `This page lost its connection to class ${code}. The class goes on; the page keeps trying and shows it again as soon as it can.`
    : `Your device lost its connection to class ${code}. Your seat and your cells are kept for you${phase === "playing" ? " until the round ends" : ""}: this page keeps trying by itself. If it takes long, check the Wi-Fi.`;
}

export function mountReconnectVeil(doc: Document, s: ClassroomSession): () => void {
  const title = el(doc, "p", { class: "reconnect-title" });
  const text = el(doc, "p", { class: "reconnect-text" });
  const veil = el(doc, "div", { id: "reconnect-veil", class: "reconnect-veil", role: "status", "aria-live": "polite" },
    el(doc, "div", { class: "reconnect-card" }, title, text));
  doc.body.append(veil);
  let hideTimer: ReturnType<typeof setTimeout> | null = null;
  /** The nickname as the seat had it when the connection dropped (the state comes back just after the reconnection). */
  let name = "";
  const hide = () => {
    if (hideTimer !== null) clearTimeout(hideTimer);
    hideTimer = null;
    veil.classList.remove("shown", "back");
    title.textContent = "";
    text.textContent = "";
  };
  const away = () => {
    if (hideTimer !== null) clearTimeout(hideTimer);
    hideTimer = null;
    name = s.mySeat()?.name || name;
    veil.classList.add("shown");
    veil.classList.remove("back");
    title.textContent = RECONNECT_TITLE;
    text.textContent = reconnectText(s.code, s.isTeacher(), s.state?.phase ?? "");
  };
  const back = () => {
    if (!veil.classList.contains("shown")) return;
    veil.classList.add("back");
    name = s.mySeat()?.name || name;
    title.textContent = s.isTeacher() ? `Connected again to class ${s.code}` : "You are back in your seat";
    text.textContent = s.isTeacher() ? "" : `${name ? `You are ${name}, ` : ""}with the same role and the same cells.`;
    hideTimer = setTimeout(hide, BACK_NOTE_MS);
  };
  const offs = [s.onDrop(away), s.onReconnect(back), s.onLeave(hide), s.onRemoved(hide), s.onClosed(hide)];
  return () => { offs.forEach((o) => o()); if (hideTimer !== null) clearTimeout(hideTimer); veil.remove(); };
}
