// A seat's presence on the teacher's class list (client/src/classroom/seatPresence.ts): away while its device is
// disconnected, back for a minute after it returns, then simply in class; each with its own shape and words.

import { describe, expect, test } from "vitest";
import { BACK_SHOWN_MS, PRESENCE_MARK, PresenceMemory } from "../../client/src/classroom/seatPresence.ts";

describe("PresenceMemory", () => {
  test("a seat that was away shows as back for a minute after its device returns, then as in class", () => {
    const m = new PresenceMemory();
    expect(m.see("a", true, 0)).toBe("here"); // never away: simply in class
    expect(m.see("a", false, 1000)).toBe("away");
    expect(m.see("a", false, 200_000)).toBe("away");
    expect(m.see("a", true, 200_500)).toBe("back");
    expect(m.see("a", true, 200_500 + BACK_SHOWN_MS - 1)).toBe("back");
    expect(m.see("a", true, 200_500 + BACK_SHOWN_MS)).toBe("here");
    expect(m.see("a", true, 200_500 + 2 * BACK_SHOWN_MS)).toBe("here");
    expect(m.see("b", true, 0)).toBe("here"); // seats are apart
  });

  test("each presence has its own shape and words (never colour alone)", () => {
    const marks = Object.values(PRESENCE_MARK);
    expect(new Set(marks.map((m) => m.shape)).size).toBe(marks.length);
    expect(new Set(marks.map((m) => m.words)).size).toBe(marks.length);
    expect(PRESENCE_MARK.away.words).toMatch(/away/);
    expect(PRESENCE_MARK.back.words).toMatch(/back/);
  });
});
