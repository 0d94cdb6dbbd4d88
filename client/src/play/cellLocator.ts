// Where a cell is on the screen now, for HTML placed beside it (the microscope, microscopeFloat.ts). The play scene's
// view (PlayView) sets `find` while a round is drawn and clears it after. CSS px of the canvas (at the page's origin).

export const cellLocator: {
  find: ((cellId: number) => { x: number; y: number } | null) | null;
  /** Pans (when zoomed in) so the cell shows above `coveredFromPx` (the top of a bottom sheet over the tissue). */
  reveal: ((cellId: number, coveredFromPx: number) => void) | null;
} = { find: null, reveal: null };
