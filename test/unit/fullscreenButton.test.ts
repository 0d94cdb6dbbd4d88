// The Full screen button is offered only where the page may go full screen (client/src/ui/fullscreenButton.ts):
// not on iPhone Safari (no Fullscreen API for pages) nor in a frame that forbids it.

import { describe, expect, test } from "vitest";
import { canFullscreen } from "../../client/src/ui/fullscreenButton.ts";

const page = (enabled: boolean | undefined, request: boolean) =>
  ({ fullscreenEnabled: enabled, documentElement: request ? { requestFullscreen: () => Promise.resolve() } : {} }) as unknown as Document;

describe("whether to offer full screen", () => {
  test("offered where the API exists and is allowed", () => {
    expect(canFullscreen(page(true, true))).toBe(true);
  });
  test("not where the API is missing (iPhone Safari) or forbidden (a frame without allowfullscreen)", () => {
    expect(canFullscreen(page(undefined, false))).toBe(false);
    expect(canFullscreen(page(false, true))).toBe(false);
    expect(canFullscreen(page(true, false))).toBe(false);
  });
});
