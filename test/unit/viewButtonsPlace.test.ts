// Where the view buttons go (client/src/play/viewButtonsPlace.ts), and the room the layout keeps for them: on a phone
// held sideways the tissue is fitted right of their column; upright they are in the sheet, below the tissue.

import { describe, expect, test } from "vitest";
import { fitWorld } from "../../client/src/play/layout.ts";
import { placePanel } from "../../client/src/play/panelPlace.ts";
import { VIEW_COLUMN_PX, viewButtonsPlace, viewPlaceOf } from "../../client/src/play/viewButtonsPlace.ts";

const place = (w: number, h: number) => viewButtonsPlace(w, placePanel(w, h, 120, 128, 96));

describe("the view buttons' place", () => {
  test("by device: sheet upright, column sideways, corner on laptops and projectors", () => {
    expect(place(375, 667)).toBe("sheet");
    expect(place(768, 1024)).toBe("sheet");
    expect(place(667, 375)).toBe("column");
    expect(place(1366, 768)).toBe("corner");
    expect(place(1920, 1080)).toBe("corner");
  });

  test("sideways, the tissue is fitted right of the column", () => {
    const fit = fitWorld(667, 375, 128, 96, 83, { right: 253, bottom: 0, left: VIEW_COLUMN_PX });
    expect(fit.x).toBeGreaterThanOrEqual(VIEW_COLUMN_PX);
    expect(fit.x + fit.width).toBeLessThanOrEqual(667 - 253);
  });

  test("the page's classes are read back", () => {
    const body = (c: string) => ({ classList: { contains: (x: string) => x === c } });
    expect(viewPlaceOf(body("view-sheet"))).toBe("sheet");
    expect(viewPlaceOf(body("view-column"))).toBe("column");
    expect(viewPlaceOf(body("layout-side"))).toBe("corner");
    expect(viewPlaceOf(null)).toBe("corner");
  });
});
