// A "Full screen" button (HTML, so it works with the keyboard) for the projector's lobby and the round's top bar:
// puts the whole page (the tissue and its HTML panels together) in full screen and back. Where the browser has no
// Fullscreen API (iPhone Safari) or forbids it (an iframe without allowfullscreen), the button is not shown.
// Used by lobbyView.ts and hud.ts.

import { el } from "./dom.ts";

const ENTER = "Full screen", EXIT = "Leave full screen";

/** Whether this page may go full screen. */
export function canFullscreen(doc: Document): boolean {
  return doc.fullscreenEnabled === true && typeof doc.documentElement.requestFullscreen === "function";
}

/**
 * The button and its unmount. `compact` shows only the ⛶ sign (the top bar on small screens); its name for screen
 * readers stays "Full screen" / "Leave full screen".
 */
export function fullscreenButton(doc: Document, className: string, compact = false): { button: HTMLButtonElement; unmount: () => void } {
  const sign = el(doc, "span", { "aria-hidden": "true", text: "⛶" });
  const word = el(doc, "span", { class: "fullscreen-word" });
  const button = el(doc, "button", { type: "button", class: `${className} fullscreen-btn`, "aria-pressed": "false" }, sign, word);
  const sync = () => {
    const on = doc.fullscreenElement !== null;
    word.textContent = compact ? "" : ` ${on ? EXIT : ENTER}`;
    button.setAttribute("aria-label", on ? EXIT : ENTER);
    button.title = on ? `${EXIT} (Escape)` : `${ENTER}: the page fills the screen`;
    button.setAttribute("aria-pressed", String(on));
  };
  button.hidden = !canFullscreen(doc);
  button.addEventListener("click", () => {
    if (doc.fullscreenElement) void doc.exitFullscreen().catch(() => {});
    else void doc.documentElement.requestFullscreen({ navigationUI: "hide" }).catch(() => {});
  });
  doc.addEventListener("fullscreenchange", sync);
  sync();
  return { button, unmount: () => doc.removeEventListener("fullscreenchange", sync) };
}
