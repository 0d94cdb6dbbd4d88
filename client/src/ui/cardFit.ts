// How tall a card in a scrolling panel may be so that all of it is on screen: the room from the card's top to the
// panel's visible bottom, but never less than `minPx` (then the panel scrolls as before). Null when the card fits as
// it is. Pure; px. Used by tutorialFit.ts.

export function cardMaxHeight(roomPx: number, naturalPx: number, minPx: number): number | null {
  if (!(naturalPx > roomPx)) return null;
  return Math.round(Math.max(minPx, roomPx));
}
