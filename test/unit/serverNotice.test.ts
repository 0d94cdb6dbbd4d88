// The server's notice before it stops (shared/net/serverNotice.ts): what the client accepts, and the words a class is
// told. Pure.

import { describe, expect, test } from "vitest";
import { MAX_NOTICE_TEXT, SOLO_RESTART_TEXT, checkServerNotice, classRestartText } from "../../shared/net/serverNotice.ts";

describe("checkServerNotice", () => {
  test("a restart notice as the server sends it is accepted unchanged", () => {
    const notice = { kind: "restarting", text: SOLO_RESTART_TEXT, resultsSaved: false };
    expect(checkServerNotice(notice)).toEqual({ ok: true, value: notice });
  });

  test("anything else is refused with a reason", () => {
    const good = { kind: "restarting", text: "This server is restarting.", resultsSaved: true };
    for (const bad of [
      null, "restarting", [good],
      { ...good, kind: "exploding" },
      { ...good, text: "" },
      { ...good, text: "x".repeat(MAX_NOTICE_TEXT + 1) },
      { ...good, resultsSaved: "yes" },
      { ...good, extra: 1 },
    ]) {
      const checked = checkServerNotice(bad);
      expect(checked.ok).toBe(false);
      expect((checked as { error: string }).error).not.toBe("");
    }
  });
});

describe("the words a class is told", () => {
  test("they name the class, say the results are saved, and say whether the round was just ended", () => {
    expect(classRestartText("ABC234", true)).toContain("Your class's results are saved: the round ended here");
    expect(classRestartText("ABC234", false)).not.toContain("the round ended here");
    for (const ended of [true, false]) {
      expect(classRestartText("ABC234", ended)).toContain("Class ABC234 opens again");
      expect(classRestartText("ABC234", ended).length).toBeLessThanOrEqual(MAX_NOTICE_TEXT);
    }
  });
});
