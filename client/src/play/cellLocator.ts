// Where a cell is on the screen now, for HTML placed beside it (the microscope, microscopeFloat.ts). The play scene's
// view (PlayView) sets these while a round is drawn and clears them after. CSS px of the canvas (at the page's origin).

export const cellLocator: {
  /** The cell's drawn (gliding) position on screen, or null when it is no longer in the tissue (it died). */
  find: ((cellId: number) => { x: number; y: number } | null) | null;
  /** Pans (when zoomed in) so the cell shows above `coveredFromPx` (the top of a bottom sheet over the tissue). */
  reveal: ((cellId: number, coveredFromPx: number) => void) | null;
  /** The part of the screen the tissue is drawn in (the camera's box), px. */
  sight: (() => { x: number; y: number; width: number; height: number }) | null;
} = { find: null, reveal: null, sight: null };
