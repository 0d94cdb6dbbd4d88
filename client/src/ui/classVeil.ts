// A class round's notices on the page: the "Paused by your teacher" veil over a student's tissue while the teacher
// has paused the round (a status region, so screen readers say it; it lets clicks through, so Learn and the panels
// still work), and each line from classNotices.ts as a toast and in the live log (bus "announce").
// Mounted by classroomUi.ts for each class this tab joins; reads the room's state on each of its changes (net/onPatch.ts).

import type { Bus } from "../bus.ts";
import type { ClassroomSession } from "../net/ClassroomSession.ts";
import { el } from "./dom.ts";
import { onPatch } from "../net/onPatch.ts";
import "./classVeil.css";
import { classNotices, showsVeil, VEIL_TEXT, VEIL_TITLE, type ClassReading } from "./classNotices.ts";

export function readClass(s: ClassroomSession): ClassReading | null {
  const st = s.state;
  if (!st || !st.code) return null; // before the first patch
  const cards: ClassReading["cards"] = {};
  st.cards.forEach((c, name) => { cards[name] = { readyTick: c.readyTick, doses: c.doses }; });
  const clinicians: string[] = [];
  st.seats.forEach((seat) => { if (seat.role === "clinician") clinicians.push(seat.name); });
  return { phase: st.phase, round: st.round, paused: st.paused, speed: st.speed, tick: st.tick, cards, clinicians };
}

export function mountClassNotices(doc: Document, s: ClassroomSession, bus: Bus): () => void {
  const title = el(doc, "p", { class: "veil-title" });
  const text = el(doc, "p", { class: "veil-text" });
  // The region stays in the page (empty when not paused): filling a live region that exists is what readers announce.
  const veil = el(doc, "div", { id: "class-veil", class: "class-veil", role: "status", "aria-live": "polite" },
    el(doc, "div", { class: "veil-card" }, title, text));
  // Just above the tissue's canvas: the top bar and the side panel, later in the page, stay on top and usable.
  const canvas = doc.getElementById("game");
  if (canvas) canvas.after(veil);
  else doc.body.append(veil);
  let before: ClassReading | null = null;
  const read = () => {
    const now = readClass(s);
    const veiled = showsVeil(now, s.isTeacher());
    if (veiled !== veil.classList.contains("shown")) {
      veil.classList.toggle("shown", veiled);
      title.textContent = veiled ? VEIL_TITLE : "";
      text.textContent = veiled ? VEIL_TEXT : "";
    }
    if (!now) return;
    for (const line of classNotices(before, now, s.isTeacher())) bus.emit("announce", line);
    before = now;
  };
  read();
  const off = onPatch(s, read);
  return () => { off(); veil.remove(); };
}
