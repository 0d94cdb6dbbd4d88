// A view filled from something the round's state tells only once it has arrived (the scenario of a resumed page):
// `fill` runs now and on each state change heard through `changes` until it says it had what it needed. Returns the
// unmount. Used by the legend and the teacher notes panel.

export function fillWhenKnown(fill: () => boolean, changes: (cb: () => void) => () => void): () => void {
  if (fill()) return () => {};
  let off: (() => void) | null = changes(() => {
    if (fill()) {
      off?.();
      off = null;
    }
  });
  return () => {
    off?.();
    off = null;
  };
}
