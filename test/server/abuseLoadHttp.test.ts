// Issue 13, items 2, 3, 5 and 6 as load, against the real server with its default limits, on loopback: while one
// visitor sends huge bodies, holds slow connections open, asks for seats without a code or floods a class with seat
// reservations, an honest player's room keeps at least 80 % of the update rate it
// had without the attack (measured in turns in the same test, honestRate.ts). abuseHttp.test.ts and
// abuseClass.test.ts check each refusal itself with short limits. Bounded loops only. The attacker runs on its own
// thread (httpAttacker.ts), as abuseLoad.test.ts's does: its requests and its reading of the answers are its own
// machine's work, not the server's, so what the honest room loses is what the server pays for the attack.

import { Worker } from "node:worker_threads";
import { describe, expect, test } from "vitest";
import { openClass } from "./classDevices.ts";
import type { AttackReport, HttpAttack } from "./httpAttacker.ts";
import { honestPlayer, measureAround } from "./honestRate.ts";
import { testServerPerFile, waitFor } from "./startTestServer.ts";

const ts = testServerPerFile();
const port = () => Number(new URL(ts.baseUrl).port);

type Heard = { ready?: boolean; calm?: boolean; report?: AttackReport };

/**
 * Runs `attack` on its own thread while the honest player's rate is measured in turns (measureAround); returns the
 * rates and what the attacker saw.
 */
async function underAttack(attack: HttpAttack, code?: string) {
  const player = await honestPlayer(ts);
  const attacker = new Worker(new URL("./httpAttacker.ts", import.meta.url), { workerData: { port: port(), attack, code } });
  const heard: Heard[] = [];
  const failures: string[] = [];
  attacker.on("message", (m: Heard) => heard.push(m));
  attacker.on("error", (e) => failures.push(String(e)));
  const next = async (what: keyof Heard) => {
    const seen = heard.filter((m) => m[what] !== undefined).length;
    await waitFor(`the attacker's ${what}`, () => failures.length > 0 || heard.filter((m) => m[what] !== undefined).length > seen, 60_000);
    expect(failures).toEqual([]);
    return heard.filter((m) => m[what] !== undefined).at(-1)!;
  };
  try {
    await waitFor("the attacker's thread", () => failures.length > 0 || heard.some((m) => m.ready), 60_000);
    expect(failures).toEqual([]);
    const rates = await measureAround(player, () => {
      attacker.postMessage("attack");
      return async () => {
        const calm = next("calm");
        attacker.postMessage("calm");
        await calm;
      };
    });
    const report = next("report");
    attacker.postMessage("stop");
    return { rates, report: (await report).report! };
  } finally {
    await attacker.terminate();
    await player.room.leave();
  }
}

describe("HTTP attacks cost another room under 20 % of its update rate", () => {
  test("huge bodies: four streams of 8 MB at a time to matchmaking and the page, over and over (item 5)", async () => {
    const { rates, report } = await underAttack("hugeBodies");
    const answers = Object.values(report.statuses).reduce((a, b) => a + b, 0);
    console.log(`[abuse] huge bodies: ${answers} answered (${JSON.stringify(report.statuses)}); honest patches/s ${rates.text}`);
    expect(rates.baseline).toBeGreaterThan(5);
    expect(rates.during).toBeGreaterThanOrEqual(0.8 * rates.baseline);
    expect(answers).toBeGreaterThan(0);
    expect(Object.keys(report.statuses)).toEqual(["413"]);
  }, 180_000);

  test("slow connections: 200 heads dripping a byte at a time from one address (item 6)", async () => {
    const { rates, report } = await underAttack("slowConnections");
    console.log(`[abuse] slow connections: ${report.held} held at once; honest patches/s ${rates.text}`);
    expect(report.held).toBeGreaterThan(100);
    expect(rates.baseline).toBeGreaterThan(5);
    expect(rates.during).toBeGreaterThanOrEqual(0.8 * rates.baseline);
  }, 180_000);

  test("seats without a code and a flood of reservations for a class (items 2 and 3)", async () => {
    const { teacher, session } = await openClass(ts);
    const { rates, report } = await underAttack("seatRequests", session.code);
    console.log(`[abuse] seat requests: ${JSON.stringify(report.statuses)}; honest patches/s ${rates.text}`);
    expect(rates.baseline).toBeGreaterThan(5);
    expect(rates.during).toBeGreaterThanOrEqual(0.8 * rates.baseline);
    expect(report.statuses[403]).toBeGreaterThan(0); // join and joinOrCreate are refused
    expect(report.statuses[200] ?? 0).toBeLessThan(100); // reservations are budgeted per address
    await teacher.leave();
  }, 180_000);
});
