// The teacher's "Remove" for a student whose device is away during a round (the class holds the seat for the time
// the teacher chose, the round at most: server/rooms/classroom/seatHold.ts), so a seat nobody will come back to can be freed at once.
// Confirmed, as the lobby's Remove is. Used by dashboardView.ts.

import type { ClassroomSession } from "../net/ClassroomSession.ts";
import { el } from "../ui/dom.ts";
import { seatHoldWords } from "../../../shared/net/seatHoldChoice.ts";

export function removeAwayButton(doc: Document, session: ClassroomSession, seatId: string, name: string): HTMLElement {
  const b = el(doc, "button", { type: "button", class: "secondary small-btn danger", text: "Remove", "data-key": `kick-away:${seatId}`, "aria-label": `Remove ${name}, who is away, from the class` });
  b.addEventListener("click", () => {
    if (doc.defaultView?.confirm(`Remove ${name} from this class? Their seat is kept for them ${seatHoldWords(session.state?.seatHoldMinutes ?? 0)}; removing frees it now, their cells go to a classmate or a bot, and that device will not join this class again.`) === false) return;
    session.teacher({ action: "kick", seatId });
  });
  return b;
}
