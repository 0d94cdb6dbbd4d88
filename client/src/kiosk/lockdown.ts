// Locks the kiosk page down for an unattended touch screen: fullscreen on the first touch, no context menu, no text
// selection or drag, no pinch or keyboard zoom, and the screen kept awake (Screen Wake Lock, asked again whenever it
// is released or the page comes back). Called once by kioskMain.ts.

export function lockDown(doc: Document): void {
  const block = (e: Event) => e.preventDefault();
  doc.addEventListener("contextmenu", block);
  doc.addEventListener("selectstart", block);
  doc.addEventListener("dragstart", block);
  // Safari's pinch events; Chromium honours touch-action: none and user-scalable=no.
  doc.addEventListener("gesturestart", block);
  // Two fingers on the page must never zoom it (multi-touch on the tissue still reaches the game).
  doc.addEventListener("touchmove", (e) => { if (e.touches.length > 1 && e.cancelable) e.preventDefault(); }, { passive: false });
  doc.addEventListener("wheel", (e) => { if (e.ctrlKey) e.preventDefault(); }, { passive: false });
  doc.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && ["+", "-", "=", "0"].includes(e.key)) e.preventDefault();
  });
  // Fullscreen needs a user gesture: the first touch asks (Chromium's --kiosk flag makes it fullscreen from the start).
  doc.addEventListener("pointerdown", () => {
    if (!doc.fullscreenElement && doc.fullscreenEnabled) doc.documentElement.requestFullscreen({ navigationUI: "hide" }).catch(() => {});
  }, { capture: true });
  keepAwake(doc);
}

/** Holds a screen wake lock while the page is visible. Without the API (or if refused) the operator's power settings
 *  apply: `npm run kiosk` turns screen blanking off where it can (xset). */
function keepAwake(doc: Document): void {
  const wl = (navigator as Navigator & { wakeLock?: { request(type: "screen"): Promise<EventTarget> } }).wakeLock;
  if (!wl) return;
  let held = false;
  const ask = () => {
    if (held || doc.visibilityState !== "visible") return;
    held = true;
    wl.request("screen").then((lock) => {
      lock.addEventListener("release", () => { held = false; setTimeout(ask, 1000); }); // ask again a moment later, not in a loop
    }).catch(() => { held = false; });
  };
  ask();
  doc.addEventListener("visibilitychange", ask);
  // Some browsers only grant it after a gesture.
  doc.addEventListener("pointerdown", ask, { capture: true });
}
