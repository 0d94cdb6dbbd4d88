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
 * The button and its unmount. `compact` shows only the four-corners sign (the top bar on small screens); its name for screen
 * readers stays "Full screen" / "Leave full screen".
 */
export function fullscreenButton(doc: Document, className: string, compact = false): { button: HTMLButtonElement; unmount: () => void } {
  const sign = cornersIcon(doc);
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

/** Four corner marks (the usual full-screen sign), drawn as SVG: the ⛶ character is missing from many fonts. */
function cornersIcon(doc: Document): SVGSVGElement {
  const NS = "http://www.w3.org/2000/svg";
  const svg = doc.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", "0 0 16 16");
  svg.setAttribute("width", "16");
  svg.setAttribute("height", "16");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", "fullscreen-icon");
  const path = doc.createElementNS(NS, "path");
  path.setAttribute("d", "M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4");
  path.setAttribute("fill", "none");
  path.setAttribute("stroke", "currentColor");
  path.setAttribute("stroke-width", "2");
  svg.append(path);
  return svg;
}
