// The line a class's page says when its connection comes back: the class, and, when the round waits paused (as a
// class resumed after a server restart does), who starts it again.

import { describe, expect, test } from "vitest";
import { backInClassLine } from "../../client/src/classroom/backInClass.ts";

describe("the line said when a class's page is connected again", () => {
  test("a paused round says who resumes it; otherwise only the class", () => {
    expect(backInClassLine({ code: "AFE7TJ", teacher: false, phase: "playing", paused: true })).toBe("Connected again to class AFE7TJ. The round is paused until your teacher resumes it.");
    expect(backInClassLine({ code: "AFE7TJ", teacher: true, phase: "playing", paused: true })).toBe("Connected again to class AFE7TJ. The round is paused: press ▶ Resume when the class is ready.");
    expect(backInClassLine({ code: "AFE7TJ", teacher: false, phase: "playing", paused: false })).toBe("Connected again to class AFE7TJ.");
    expect(backInClassLine({ code: "AFE7TJ", teacher: true, phase: "lobby", paused: true })).toBe("Connected again to class AFE7TJ.");
  });
});
