// What a solo player's page says when the game server goes away mid-round: at once on a dropped connection ("Lost
// the connection to the game server", while the page tries to come back: net/seatReturn.ts), or when the server says
// it is restarting (its serverNotice, net/GameSession.ts); each time with "Back to the menu", one tap away. A class's
// pages have their own card (classroom/reconnectVeil.ts). Mounted once by main.ts; follows each round on the bus.

import type { Bus } from "../bus.ts";
import { RESTART_TITLE } from "../../../shared/net/serverNotice.ts";
import { ClassroomSession } from "../net/ClassroomSession.ts";
import type { GameSession } from "../net/GameSession.ts";
import { el, setText } from "./dom.ts";
import "./serverGone.css";

export const LOST_TITLE = "Lost the connection to the game server";
export const LOST_TEXT = "This page is trying to reach the server again, and your round carries on if it answers soon. If the server has stopped, this round cannot come back: go back to the menu and start a new one when the server is back.";
export const MENU_BUTTON = "Back to the menu";
/** The menu's status line after leaving this way. */
export const MENU_STATUS = "The game server was not answering: start a new round when it is back.";

export function mountServerGone(doc: Document, bus: Bus): () => void {
  const title = el(doc, "h2", { id: "server-gone-title" });
  const text = el(doc, "p", { id: "server-gone-text" });
  const menu = el(doc, "button", { type: "button", id: "server-gone-menu", text: MENU_BUTTON });
  const card = el(doc, "section", { id: "server-gone", class: "server-gone", role: "alertdialog", "aria-labelledby": "server-gone-title", "aria-describedby": "server-gone-text", hidden: "" },
    el(doc, "div", { class: "server-gone-card" }, title, text, menu));
  doc.body.append(card);

  let session: GameSession | null = null;
  let offs: (() => void)[] = [];
  const hide = () => { card.hidden = true; };
  const show = (kind: "lost" | "restarting", words: string) => {
    card.classList.toggle("lost", kind === "lost");
    card.classList.toggle("restarting", kind === "restarting");
    setText(title, kind === "lost" ? LOST_TITLE : RESTART_TITLE);
    setText(text, words);
    const wasHidden = card.hidden;
    card.hidden = false;
    if (wasHidden) menu.focus();
  };
  const follow = (s: GameSession) => {
    if (session === s) return; // "play again" in the same room
    offs.splice(0).forEach((o) => o());
    session = s;
    hide();
    if (s instanceof ClassroomSession) return; // a class's page: classroom/reconnectVeil.ts
    offs.push(
      s.onServerNotice((n) => show("restarting", n.text)),
      s.onDrop(() => { if (!s.serverNotice) show("lost", LOST_TEXT); }),
      s.onReconnect(hide),
      // Gone for good: the menu says so; a restart's words stay until read.
      s.onLeave(() => { if (!s.serverNotice) hide(); }),
    );
  };
  menu.addEventListener("click", () => {
    const s = session;
    hide();
    if (doc.getElementById("menu")?.hidden !== false) { // still on the round (or its debrief): leave it
      bus.emit("round-leave", undefined);
      void s?.leave();
    }
    const status = doc.getElementById("status");
    if (status) status.textContent = s?.serverNotice ? s.serverNotice.text : MENU_STATUS;
  });
  const offStart = bus.on("round-start", follow);
  return () => { offStart?.(); offs.forEach((o) => o()); card.remove(); };
}
