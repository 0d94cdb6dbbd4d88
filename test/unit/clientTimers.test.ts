// The client's views follow the room's state changes (GameSession.onStateChange, net/onPatch.ts), not timers: every
// timer left in client/src is about wall time (an animation, a countdown, a toast, a screen reader's pace, a backoff)
// and says so in a comment on its line or just above it. A new timer without a reason fails here, naming its place.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

const ROOT = new URL("../../client/src/", import.meta.url).pathname;
/** A call that starts a timer: not a type like `ReturnType<typeof setInterval>`, not a method of that name (the tissue
 * bake's `bake.setInterval(…)` and its declaration `setInterval(stampMs: number, …)`). */
const TIMER = /(?<![.\w])set(Interval|Timeout)\((?!\w+: )/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []);
}

/** "file:line" of every timer with no comment on its line or the three lines above it. */
function timersWithoutReason(sources: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [name, text] of sources) {
    const lines = text.split("\n");
    lines.forEach((line, i) => {
      const code = line.trim();
      if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/**") || !TIMER.test(line)) return;
      if (!lines.slice(Math.max(0, i - 3), i + 1).some((l) => l.includes("//"))) out.push(`${name}:${i + 1}`);
    });
  }
  return out;
}

describe("timers in the client", () => {
  const sources = new Map(files(ROOT).map((f) => [f.slice(ROOT.length), readFileSync(f, "utf8")]));

  test("the scan sees the client's sources and its timers", () => {
    expect(sources.size).toBeGreaterThan(100);
    expect([...sources.values()].filter((t) => TIMER.test(t)).length).toBeGreaterThan(5);
  });

  test("every timer says why it is about wall time", () => {
    expect(timersWithoutReason(sources)).toEqual([]);
  });

  test("a refresh on a timer without a reason is caught", () => {
    const poll = "const refresh = () => {};\n\n\n\nconst timer = setInterval(refresh, 500);\n";
    expect(timersWithoutReason(new Map([["ui/x.ts", poll]]))).toEqual(["ui/x.ts:5"]);
    expect(timersWithoutReason(new Map([["ui/x.ts", "setTimeout(hide, 4000); // a toast is read by a person\n"]]))).toEqual([]);
    const notTimers = "let t: ReturnType<typeof setInterval>;\nthis.bake.setInterval(1, 2);\n  setInterval(stampMs: number): void {\n";
    expect(timersWithoutReason(new Map([["ui/x.ts", notTimers]]))).toEqual([]);
  });
});
