// Where the view buttons (zoom −/+, Whole tissue, Effects: ui/zoomButtons.ts) go, by the round's layout, so they never
// hide cells the player needs: over the tissue's bottom-left corner on wide screens (the tissue is large there); in a
// column of their own left of the tissue on phones held sideways (the tissue is fitted right of it: hudInset.ts
// panelInset reads VIEW_COLUMN_PX); as the first row of the bottom sheet on phones and tablets held upright. Pure;
// applied by ui/playLayout.ts as a class on <body> (view-corner, view-column, view-sheet).

import { WIDE_SCREEN_PX } from "./layout.ts";
import type { PanelPlace } from "./panelPlace.ts";

export type ViewButtonsPlace = "corner" | "column" | "sheet";

/** The width the column of view buttons takes at the window's left edge (44 px buttons, padding, border), px. */
export const VIEW_COLUMN_PX = 56;

export const VIEW_PLACE_CLASSES: Record<ViewButtonsPlace, string> = { corner: "view-corner", column: "view-column", sheet: "view-sheet" };

export function viewButtonsPlace(viewW: number, panel: PanelPlace): ViewButtonsPlace {
  if (panel.mode === "bottom") return "sheet";
  return viewW < WIDE_SCREEN_PX ? "column" : "corner";
}

/** The place the page's <body> says (ui/playLayout.ts set it); "corner" when none is set. */
export function viewPlaceOf(body: { classList: { contains(c: string): boolean } } | null | undefined): ViewButtonsPlace {
  if (body?.classList.contains(VIEW_PLACE_CLASSES.sheet)) return "sheet";
  if (body?.classList.contains(VIEW_PLACE_CLASSES.column)) return "column";
  return "corner";
}
