// The play view's zoom for controls outside the play interface (the kiosk's "Whole tissue" button, kiosk/kioskRound.ts):
// PlayView sets `whole` while a round is drawn and reports each zoom change; controls subscribe with onZoom.

type ZoomListener = (zoom: number) => void;
const listeners = new Set<ZoomListener>();

export const viewHandle = {
  /** Back to the whole tissue (zoom 1); null while no round is drawn. */
  whole: null as (() => void) | null,
  /** The zoom now (1: the whole tissue). */
  zoom: 1,
  /** Calls `fn` with each new zoom; returns the unsubscribe. */
  onZoom(fn: ZoomListener): () => void {
    listeners.add(fn);
    return () => { listeners.delete(fn); };
  },
  /** PlayView: the zoom is now `zoom`. */
  report(zoom: number): void {
    if (zoom === viewHandle.zoom) return;
    viewHandle.zoom = zoom;
    for (const fn of listeners) fn(zoom);
  },
};
