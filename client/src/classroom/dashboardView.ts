// The teacher's dashboard panel: each student's nickname, role, whether their device is connected, what they did
// last (in plain words, with the simulated day) and how many commands they have sent, refreshed from the room's
// dashboard message (~2 s). Shown on the projector's side panel; the teacher can hide it. Used by classroomUi.ts.

import type { Dashboard } from "../../../shared/net/classroom.ts";
import { isRole } from "../../../shared/sim/roles.ts";
import type { ClassroomSession } from "../net/ClassroomSession.ts";
import { el } from "../ui/dom.ts";
import { formatClock } from "../ui/format.ts";
import { ROLE_SHORT } from "./teacherControls.ts";
import { PresenceMemory, presenceMark } from "./seatPresence.ts";
import { removeAwayButton } from "./removeAway.ts";

export function roleWords(role: string): string {
  return isRole(role) ? ROLE_SHORT[role] : role || "No role yet";
}

export function mountDashboard(root: HTMLElement, session: ClassroomSession): () => void {
  const doc = root.ownerDocument;
  const body = el(doc, "div", { class: "dash-body" });
  const presence = new PresenceMemory(); // away, then back (seatPresence.ts)
  root.append(body);
  const render = (d: Dashboard | null) => {
    const rows = (d?.rows ?? []).filter((r) => !r.bot);
    if (!rows.length) { body.replaceChildren(el(doc, "p", { class: "note", text: "No students yet." })); return; }
    const focused = (doc.activeElement as HTMLElement | null)?.dataset?.key;
    body.replaceChildren(el(doc, "table", { class: "dash-table" },
      el(doc, "caption", { class: "visually-hidden", text: "Students: connection, role and latest action" }),
      el(doc, "thead", {}, el(doc, "tr", {}, ...["Student", "Role", "Doing"].map((t) => el(doc, "th", { scope: "col", text: t })))),
      el(doc, "tbody", {}, ...rows.map((r) => { const p = presence.see(r.seatId, r.connected), mark = presenceMark(doc, p); return el(doc, "tr", { class: p === "here" ? "" : p },
        el(doc, "th", { scope: "row" }, mark.shape, ` ${r.name}`, mark.words, ...(p === "away" && session.isTeacher() ? [" ", removeAwayButton(doc, session, r.seatId, r.name)] : [])),
        el(doc, "td", { text: `${roleWords(r.role)}${squadsWords(r.squads)}` }),
        el(doc, "td", { text: r.lastAction ? `${r.lastAction} (${formatClock(r.lastActionDay)}) · ${r.commands} cmd` : r.connected ? "Nothing yet" : "Away" })); }))));
    if (focused) (body.querySelector(`[data-key="${CSS.escape(focused)}"]`) as HTMLElement | null)?.focus(); // kept across the refresh
  };
  render(session.dashboard);
  const off = session.onDashboard(render);
  return () => { off(); root.replaceChildren(); };
}

/** " · squads 1, 2" after the role (" · squad 4" for one), nothing for a seat without squads (the clinician). */
function squadsWords(squads: readonly number[]): string {
  return squads.length ? ` · squad${squads.length === 1 ? "" : "s"} ${squads.join(", ")}` : "";
}
