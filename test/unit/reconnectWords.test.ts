// The words a class's page says while its device is away and when its seat is gone (client/src/classroom/
// reconnectWords.ts, seatGone.ts): the seat's hold as the teacher chose it, the attempts counted, and the way back.

import { describe, expect, test } from "vitest";
import { progressText, reconnectText, tryNowLabel } from "../../client/src/classroom/reconnectWords.ts";
import { seatGoneWords } from "../../client/src/classroom/seatGone.ts";

describe("the reconnecting screen's words", () => {
  test("a student is told how long the class keeps the seat, as the teacher chose it", () => {
    expect(reconnectText("ABC234", false, "playing", 0)).toContain("kept for you until the round ends");
    expect(reconnectText("ABC234", false, "playing", 10)).toContain("kept for you for up to 10 minutes");
    expect(reconnectText("ABC234", false, "lobby", 0)).toContain("kept for you: this page keeps trying");
    expect(reconnectText("ABC234", true, "playing", 2)).toContain("The class goes on");
  });

  test("the attempts are counted in words, and the wait says Try now", () => {
    expect(progressText({ attempt: 3, trying: true, nextInMs: 0 })).toBe("Trying to reach your class… attempt 3");
    expect(progressText({ attempt: 0, trying: true, nextInMs: 0 })).toBe("Trying to reach your class…");
    expect(progressText({ attempt: 4, trying: false, nextInMs: 8000 })).toBe("Attempt 3 did not reach the class. Next try in 8 seconds, or press Try now.");
    expect(progressText({ attempt: 1, trying: false, nextInMs: 1000 })).toBe("Next try in 1 second, or press Try now.");
    expect(tryNowLabel(false)).toBe("Try now");
    expect(tryNowLabel(true)).toBe("Trying…");
    for (const t of [progressText({ attempt: 2, trying: false, nextInMs: 2000 }), reconnectText("ABC234", false, "playing")]) expect(t).not.toMatch(/socket|token|server|4003|error/i);
  });
});

describe("when the seat is gone", () => {
  test("a student whose seat was let go is told why and offered to join again, keeping the nickname", () => {
    const w = seatGoneWords("seat", "ABC234", false, "Swift Dendrite", 10, 11 * 60_000);
    expect(w.title).toBe("Your seat was let go");
    expect(w.text).toContain("Your device was away longer than the 10 minutes class ABC234 keeps a seat");
    expect(w.text).toContain("you keep your nickname, Swift Dendrite, if nobody else has it.");
    expect(w.action).toBe("Join class ABC234 again");
    // Away for less than the hold (or the hold is the whole round): the round's end let the seat go.
    expect(seatGoneWords("seat", "ABC234", false, "Swift Dendrite", 10, 60_000).text).toContain("The round in class ABC234 ended while your device was away");
    expect(seatGoneWords("seat", "ABC234", false, "", 0, 3_600_000).text).toContain("The round in class ABC234 ended while your device was away");
  });

  test("a class that has ended offers no way back into it; a teacher's page returns with its secret", () => {
    const ended = seatGoneWords("class", "ABC234", false, "Swift Dendrite", 0, 0);
    expect(ended.text).toContain("its code no longer works");
    expect(ended.action).toBeNull();
    expect(seatGoneWords("seat", "ABC234", true, "", 0, 0).action).toBe("Return to class ABC234");
  });
});
