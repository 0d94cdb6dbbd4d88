// The classroom results store on node:sqlite: a round trip of sessions, rounds and players, CSV from stored rounds,
// host-secret checks against a hash, the retention rule, and results surviving a restart (close and reopen the file).

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, describe, expect, test } from "vitest";
import { openResultsStore, SCHEMA_VERSION, type RoundRecord } from "../../server/results/resultsStore.ts";
import { hashHostSecret } from "../../server/results/hostSecret.ts";
import { startRetention } from "../../server/results/retention.ts";

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function tempFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "cytokine-results-"));
  dirs.push(dir);
  return join(dir, "nested", "results.sqlite");
}

const SECRET = "s3cret-host-token-0123456789abcdef";
function roundOf(code: string, n: number): RoundRecord {
  return {
    code, round: n, scenarioId: "viral", outcome: n % 2 ? "cleared" : "overrun",
    startedAt: `2026-11-27T10:0${n}:00.000Z`, endedAt: `2026-11-27T10:1${n}:00.000Z`, days: 4.5,
    summary: { round: n, scenarioId: "viral", outcome: "cleared", days: [0, 0.5, 1], series: { threat: [24, 30, 12], "IL-2 mean": [0, 1.5, 3.25] } },
    players: [
      { nickname: "Swift Dendrite", role: "effector", squads: "Squad A", measures: [{ label: "IL-2 captured", value: 1500 + n, units: "molecules" }, { label: "Divisions", value: 12, units: "" }] },
      { nickname: "Calm Receptor", role: "nk", squads: "Squad C", measures: [{ label: "Kills", value: 9, units: "cells" }] },
    ],
  };
}

describe("openResultsStore", () => {
  test("saves a session and its rounds and reads them back as they were saved", () => {
    const store = openResultsStore(":memory:");
    store.saveSession({ code: "ABC234", hostSecret: SECRET, scenarioId: "viral", createdAt: "2026-11-27T09:59:00.000Z" });
    store.saveRound(roundOf("ABC234", 2));
    store.saveRound(roundOf("ABC234", 1));
    expect(store.rounds("ABC234")).toEqual([roundOf("ABC234", 1), roundOf("ABC234", 2)]);
    expect(store.rounds("ZZZ999")).toEqual([]);
    expect(store.hasSession("ABC234")).toBe(true);
    expect(store.hasSession("ZZZ999")).toBe(false);

    // Saving a round again replaces it (and its players) rather than doubling it.
    store.saveRound({ ...roundOf("ABC234", 1), outcome: "stalemate", players: [roundOf("ABC234", 1).players[1]] });
    const again = store.rounds("ABC234");
    expect(again).toHaveLength(2);
    expect(again[0].outcome).toBe("stalemate");
    expect(again[0].players.map((p) => p.nickname)).toEqual(["Calm Receptor"]);
    store.close();
  });

  test("csv(code): a header and one row per student per round with their measures", () => {
    const store = openResultsStore(":memory:");
    store.saveSession({ code: "ABC234", hostSecret: SECRET, scenarioId: "viral" });
    store.saveRound(roundOf("ABC234", 1));
    store.saveRound(roundOf("ABC234", 2));
    store.saveRound(roundOf("XYZ567", 1)); // another class: not in this CSV
    const lines = store.csv("ABC234").trimEnd().split("\r\n");
    expect(lines[0]).toBe("session,round,scenario,outcome,nickname,role,squads,IL-2 captured (molecules),Divisions,Kills (cells)");
    expect(lines.slice(1)).toEqual([
      "ABC234,1,viral,cleared,Swift Dendrite,effector,Squad A,1501,12,",
      "ABC234,1,viral,cleared,Calm Receptor,nk,Squad C,,,9",
      "ABC234,2,viral,overrun,Swift Dendrite,effector,Squad A,1502,12,",
      "ABC234,2,viral,overrun,Calm Receptor,nk,Squad C,,,9",
    ]);
    store.close();
  });

  test("verifyHost: the right secret only; the file holds a hash, never the secret", async () => {
    const path = await tempFile();
    const store = openResultsStore(path);
    store.saveSession({ code: "ABC234", hostSecret: SECRET, scenarioId: "viral" });
    store.saveSession({ code: "DEF234", hostSecretHash: hashHostSecret("other-secret"), scenarioId: "melanoma" });
    expect(store.verifyHost("ABC234", SECRET)).toBe(true);
    expect(store.verifyHost("ABC234", SECRET + "x")).toBe(false);
    expect(store.verifyHost("ABC234", "")).toBe(false);
    expect(store.verifyHost("ABC234", "other-secret")).toBe(false);
    expect(store.verifyHost("DEF234", "other-secret")).toBe(true);
    expect(store.verifyHost("ZZZ999", SECRET)).toBe(false);
    // A round saved for a session nobody recorded keeps its results, but nobody can download them.
    store.saveRound(roundOf("GHJ234", 1));
    expect(store.rounds("GHJ234")).toHaveLength(1);
    expect(store.verifyHost("GHJ234", "")).toBe(false);
    store.close();

    const raw = new DatabaseSync(path, { readOnly: true });
    const rows = raw.prepare("SELECT host_secret_hash FROM sessions WHERE code = 'ABC234'").all() as { host_secret_hash: string }[];
    expect(rows[0].host_secret_hash).toMatch(/^scrypt\$/);
    expect(rows[0].host_secret_hash).not.toContain(SECRET);
    expect((raw.prepare("PRAGMA user_version").get() as { user_version: number }).user_version).toBe(SCHEMA_VERSION);
    expect((raw.prepare("PRAGMA journal_mode").get() as { journal_mode: string }).journal_mode).toBe("wal");
    raw.close();
  });

  test("a code that holds another session's results cannot be saved over; the same teacher can save again", () => {
    const store = openResultsStore(":memory:");
    store.saveSession({ code: "ABC234", hostSecret: SECRET, scenarioId: "viral" });
    store.saveRound(roundOf("ABC234", 1));
    expect(() => store.saveSession({ code: "ABC234", hostSecret: "a-new-teacher", scenarioId: "viral" })).toThrow(/another session/);
    expect(() => store.saveSession({ code: "ABC234", hostSecretHash: hashHostSecret("a-new-teacher"), scenarioId: "viral" })).toThrow(/another session/);
    store.saveSession({ code: "ABC234", hostSecret: SECRET, scenarioId: "melanoma" });
    expect(store.verifyHost("ABC234", SECRET)).toBe(true);
    expect(store.verifyHost("ABC234", "a-new-teacher")).toBe(false);
    expect(store.rounds("ABC234")).toHaveLength(1);
    store.close();
  });

  test("retention deletes sessions older than the limit, with their rounds and players, and keeps newer ones", () => {
    const store = openResultsStore(":memory:");
    store.saveSession({ code: "OLD234", hostSecret: SECRET, scenarioId: "viral", createdAt: "2026-10-01T08:00:00.000Z" });
    store.saveSession({ code: "NEW234", hostSecret: SECRET, scenarioId: "viral", createdAt: "2026-11-20T08:00:00.000Z" });
    store.saveRound(roundOf("OLD234", 1));
    store.saveRound(roundOf("NEW234", 1));
    const now = new Date("2026-11-27T08:00:00.000Z");
    expect(store.deleteOlderThan(30, now)).toBe(1);
    expect(store.hasSession("OLD234")).toBe(false);
    expect(store.rounds("OLD234")).toEqual([]);
    expect(store.csv("OLD234").trimEnd().split("\r\n")).toHaveLength(1);
    expect(store.rounds("NEW234")).toHaveLength(1);
    // Seven days old and a 7-day rule: exactly on the line is kept, a minute past it is not.
    expect(store.deleteOlderThan(7, new Date("2026-11-27T08:00:00.000Z"))).toBe(0);
    expect(store.deleteOlderThan(7, new Date("2026-11-27T08:01:00.000Z"))).toBe(1);
    store.close();
  });

  test("startRetention sweeps at once and reports what it deleted", () => {
    const store = openResultsStore(":memory:");
    store.saveSession({ code: "OLD234", hostSecret: SECRET, scenarioId: "viral", createdAt: "2026-01-01T00:00:00.000Z" });
    const swept: number[] = [];
    const stop = startRetention(store, { days: 30, now: () => new Date("2026-11-27T00:00:00.000Z"), onSweep: (n) => swept.push(n) });
    stop();
    expect(swept).toEqual([1]);
    expect(store.hasSession("OLD234")).toBe(false);
    store.close();
  });

  test("closing and reopening the same file keeps finished rounds' results and the secret check", async () => {
    const path = await tempFile();
    const first = openResultsStore(path);
    first.saveSession({ code: "ABC234", hostSecret: SECRET, scenarioId: "viral" });
    first.saveRound(roundOf("ABC234", 1));
    const csvBefore = first.csv("ABC234");
    first.close();

    const second = openResultsStore(path);
    expect(second.rounds("ABC234")).toEqual([roundOf("ABC234", 1)]);
    expect(second.csv("ABC234")).toBe(csvBefore);
    expect(second.verifyHost("ABC234", SECRET)).toBe(true);
    second.close();
  });

  test("a file from a newer schema is refused rather than misread", async () => {
    const path = await tempFile();
    openResultsStore(path).close();
    const raw = new DatabaseSync(path);
    raw.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openResultsStore(path)).toThrow(/newer server/);
  });

  test("the default clock stamps sessions, and an injected one is used", () => {
    const store = openResultsStore(":memory:", { now: () => new Date("2026-01-01T00:00:00.000Z") });
    store.saveSession({ code: "ABC234", hostSecret: SECRET, scenarioId: "viral" });
    // With the injected clock at 1 Jan, the session is 0 days old on 1 Jan and 31 days old on 1 Feb.
    expect(store.deleteOlderThan(30)).toBe(0);
    expect(store.deleteOlderThan(30, new Date("2026-02-01T00:00:00.000Z"))).toBe(1);
    store.close();
  });
});
