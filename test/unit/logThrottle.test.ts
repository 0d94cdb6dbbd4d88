// One log line per sender per interval (server/logThrottle.ts), and the frame check that closes senders of message
// types that are not UTF-8 (server/rooms/frameGuard.ts).

import { describe, expect, test } from "vitest";
import { LogThrottle } from "../../server/logThrottle.ts";
import { badFrame } from "../../server/rooms/frameGuard.ts";

describe("log throttle", () => {
  test("a sender gets one line per interval; the next line counts what was held back; senders are apart", () => {
    const lines: string[] = [];
    let clock = 0;
    const log = new LogThrottle((l) => lines.push(l), 10_000, () => clock);
    for (let i = 0; i < 500; i++) log.note("10.0.0.9", `bad frame ${i}`);
    log.note("10.0.0.7", "bad frame");
    expect(lines).toEqual(["[sender 10.0.0.9] bad frame 0", "[sender 10.0.0.7] bad frame"]);
    clock += 10_000;
    log.note("10.0.0.9", "again\nwith a stack");
    expect(lines[2]).toBe("[sender 10.0.0.9] again (and 499 more from this sender since the last line)");
    expect(log.written).toBe(3);
  });
});

describe("frame check", () => {
  const data = (type: number[], code = 13) => new Uint8Array([code, 0xa0 | type.length, ...type, 0x80]);
  test("valid message types pass, numeric types pass, other protocol codes pass", () => {
    expect(badFrame(data([...Buffer.from("command")]))).toBeNull();
    expect(badFrame(data([...Buffer.from("café")]))).toBeNull();
    expect(badFrame(new Uint8Array([13, 0x05, 0x80]))).toBeNull();
    expect(badFrame(new Uint8Array([10]))).toBeNull(); // JOIN_ROOM
    expect(badFrame(new Uint8Array([21, 0x07, 0xa1, 0x61]))).toBeNull(); // a request with id 7, type "a"
  });
  test("types that are not UTF-8 are refused, in data, bytes and request frames", () => {
    expect(badFrame(data([0xff, 0xfe]))).toMatch(/not valid UTF-8/);
    expect(badFrame(data([0x61, 0x80]))).toMatch(/not valid UTF-8/);
    expect(badFrame(data([0xc3], 17))).toMatch(/not valid UTF-8/);
    expect(badFrame(new Uint8Array([21, 0xcc, 0xff, 0xa2, 0xff, 0xfe]))).toMatch(/not valid UTF-8/);
    expect(badFrame(new Uint8Array([]))).toMatch(/empty/);
  });
});
