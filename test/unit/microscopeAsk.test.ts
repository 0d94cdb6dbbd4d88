// The microscope's asking rule (client/src/ui/microscopeAsk.ts): it asks again only when the round has moved on, the
// last answer is in and a second has passed; a question left unanswered is asked again after a longer wait.

import { describe, expect, test } from "vitest";
import { askAgain, ASK_EVERY_MS, UNANSWERED_MS } from "../../client/src/ui/microscopeAsk.ts";

describe("askAgain", () => {
  const asked = { tick: 100, at: 10_000 };

  test("answered, the round moved on and a second passed: ask", () => {
    expect(askAgain(asked, true, 101, 10_000 + ASK_EVERY_MS)).toBe(true);
  });

  test("a paused round (the same tick) is not asked about, however long it waits", () => {
    expect(askAgain(asked, true, 100, 10_000 + 60_000)).toBe(false);
  });

  test("state changes within the second do not ask (patches come ten times a second)", () => {
    expect(askAgain(asked, true, 104, 10_000 + ASK_EVERY_MS - 1)).toBe(false);
  });

  test("one question at a time: unanswered, it waits for the answer, then asks again once it counts as lost", () => {
    expect(askAgain(asked, false, 130, 10_000 + ASK_EVERY_MS)).toBe(false);
    expect(askAgain(asked, false, 130, 10_000 + UNANSWERED_MS - 1)).toBe(false);
    expect(askAgain(asked, false, 130, 10_000 + UNANSWERED_MS)).toBe(true);
  });
});
