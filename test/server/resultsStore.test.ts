// The classroom results store, on both engines (the SQLite file, node:sqlite; PostgreSQL, a throwaway server from
// postgresCluster.ts): a round trip of sessions, rounds and players, CSV from stored rounds, host-secret checks against
// a hash, the retention rule, results surviving a restart (close and reopen), a database from a newer server refused,
// and several stores (processes) writing one database at once.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { openResultsStore, SCHEMA_VERSION, type ResultsStore, type RoundRecord, type StoreOptions } from "../../server/results/resultsStore.ts";
import { openPostgresStore } from "../../server/results/postgresStore.ts";
import { hashHostSecret } from "../../server/results/hostSecret.ts";
import type { QuizAnswerRecord } from "../../server/results/quizAnswers.ts";
import { startRetention } from "../../server/results/retention.ts";
import { startPostgresCluster, type PostgresCluster } from "./postgresCluster.ts";

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function tempFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "cytokine-results-"));
  dirs.push(dir);
  return join(dir, "nested", "results.sqlite");
}

let cluster: PostgresCluster;
beforeAll(async () => {
  cluster = await startPostgresCluster();
}, 120_000);
afterAll(() => cluster?.stop());
let databases = 0;

/** One empty place for results on an engine: stores opened on it share what they save (as processes would). */
interface Place {
  open(options?: StoreOptions): Promise<ResultsStore>;
  /** The host secret's hash as kept, read behind the store's back. */
  storedHash(code: string): Promise<string>;
  /** Marks the place as written by a newer server. */
  makeNewer(): Promise<void>;
}

const ENGINES: { name: string; place(): Promise<Place> }[] = [
  {
    name: "sqlite",
    async place() {
      const path = await tempFile();
      const raw = <T>(work: (db: DatabaseSync) => T): T => {
        const db = new DatabaseSync(path);
        try {
          return work(db);
        } finally {
          db.close();
        }
      };
      return {
        open: async (options) => openResultsStore(path, options),
        storedHash: async (code) => raw((db) => (db.prepare("SELECT host_secret_hash FROM sessions WHERE code = ?").get(code) as { host_secret_hash: string }).host_secret_hash),
        makeNewer: async () => raw((db) => db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`)),
      };
    },
  },
  {
    name: "postgres",
    async place() {
      const url = cluster.createDatabase(`results_${++databases}`);
      const raw = async <T>(work: (c: pg.Client) => Promise<T>): Promise<T> => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        try {
          return await work(c);
        } finally {
          await c.end();
        }
      };
      return {
        open: (options) => openPostgresStore(url, options),
        storedHash: (code) => raw(async (c) => (await c.query("SELECT host_secret_hash FROM sessions WHERE code = $1", [code])).rows[0].host_secret_hash as string),
        makeNewer: () => raw(async (c) => void (await c.query("UPDATE results_schema SET version = $1", [SCHEMA_VERSION + 1]))),
      };
    },
  },
];

const SECRET = "s3cret-host-token-0123456789abcdef";
const answer = (over: Partial<QuizAnswerRecord> = {}): QuizAnswerRecord => ({
  code: "ABC234", phase: "pre", nickname: "Swift Dendrite", itemId: "o1-cluster", objective: 1, tier: "choice", pick: 1, right: true,
  answeredAt: "2026-11-20T09:00:00.000Z", ...over,
});
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

describe.each(ENGINES)("the results store on $name", (engine) => {
  const fresh = async (options?: StoreOptions) => (await engine.place()).open(options);

  test("saves a session and its rounds and reads them back as they were saved", async () => {
    const store = await fresh();
    await store.saveSession({ code: "ABC234", hostSecret: SECRET, scenarioId: "viral", createdAt: "2026-11-27T09:59:00.000Z" });
    await store.saveRound(roundOf("ABC234", 2));
    await store.saveRound(roundOf("ABC234", 1));
    expect(await store.rounds("ABC234")).toEqual([roundOf("ABC234", 1), roundOf("ABC234", 2)]);
    expect(await store.rounds("ZZZ999")).toEqual([]);
    expect(await store.hasSession("ABC234")).toBe(true);
    expect(await store.hasSession("ZZZ999")).toBe(false);

    // Saving a round again replaces it (and its players) rather than doubling it.
    await store.saveRound({ ...roundOf("ABC234", 1), outcome: "stalemate", players: [roundOf("ABC234", 1).players[1]] });
    const again = await store.rounds("ABC234");
    expect(again).toHaveLength(2);
    expect(again[0].outcome).toBe("stalemate");
    expect(again[0].players.map((p) => p.nickname)).toEqual(["Calm Receptor"]);
    await store.close();
  });

  test("csv(code): a header and one row per student per round with their measures", async () => {
    const store = await fresh();
    await store.saveSession({ code: "ABC234", hostSecret: SECRET, scenarioId: "viral" });
    await store.saveRound(roundOf("ABC234", 1));
    await store.saveRound(roundOf("ABC234", 2));
    await store.saveRound(roundOf("XYZ567", 1)); // another class: not in this CSV
    const lines = (await store.csv("ABC234")).trimEnd().split("\r\n");
    expect(lines[0]).toBe("session,round,scenario,outcome,nickname,role,squads,IL-2 captured (molecules),Divisions,Kills (cells)");
    expect(lines.slice(1)).toEqual([
      "ABC234,1,viral,cleared,Swift Dendrite,effector,Squad A,1501,12,",
      "ABC234,1,viral,cleared,Calm Receptor,nk,Squad C,,,9",
      "ABC234,2,viral,overrun,Swift Dendrite,effector,Squad A,1502,12,",
      "ABC234,2,viral,overrun,Calm Receptor,nk,Squad C,,,9",
    ]);
    await store.close();
  });

  test("verifyHost: the right secret only; the database holds a hash, never the secret", async () => {
    const place = await engine.place();
    const store = await place.open();
    await store.saveSession({ code: "ABC234", hostSecret: SECRET, scenarioId: "viral" });
    await store.saveSession({ code: "DEF234", hostSecretHash: hashHostSecret("other-secret"), scenarioId: "melanoma" });
    expect(await store.verifyHost("ABC234", SECRET)).toBe(true);
    expect(await store.verifyHost("ABC234", SECRET + "x")).toBe(false);
    expect(await store.verifyHost("ABC234", "")).toBe(false);
    expect(await store.verifyHost("ABC234", "other-secret")).toBe(false);
    expect(await store.verifyHost("DEF234", "other-secret")).toBe(true);
    expect(await store.verifyHost("ZZZ999", SECRET)).toBe(false);
    // A round saved for a session nobody recorded keeps its results, but nobody can download them.
    await store.saveRound(roundOf("GHJ234", 1));
    expect(await store.rounds("GHJ234")).toHaveLength(1);
    expect(await store.verifyHost("GHJ234", "")).toBe(false);
    await store.close();
    const kept = await place.storedHash("ABC234");
    expect(kept).toMatch(/^scrypt\$/);
    expect(kept).not.toContain(SECRET);
  });

  test("a code that holds another session's results cannot be saved over; the same teacher can save again", async () => {
    const store = await fresh();
    await store.saveSession({ code: "ABC234", hostSecret: SECRET, scenarioId: "viral" });
    await store.saveRound(roundOf("ABC234", 1));
    await expect(store.saveSession({ code: "ABC234", hostSecret: "a-new-teacher", scenarioId: "viral" })).rejects.toThrow(/another session/);
    await expect(store.saveSession({ code: "ABC234", hostSecretHash: hashHostSecret("a-new-teacher"), scenarioId: "viral" })).rejects.toThrow(/another session/);
    await store.saveSession({ code: "ABC234", hostSecret: SECRET, scenarioId: "melanoma" });
    expect(await store.verifyHost("ABC234", SECRET)).toBe(true);
    expect(await store.verifyHost("ABC234", "a-new-teacher")).toBe(false);
    expect(await store.rounds("ABC234")).toHaveLength(1);
    await store.close();
  });

  test("retention deletes sessions older than the limit, with their rounds and players, and keeps newer ones", async () => {
    const store = await fresh();
    await store.saveSession({ code: "OLD234", hostSecret: SECRET, scenarioId: "viral", createdAt: "2026-10-01T08:00:00.000Z" });
    await store.saveSession({ code: "NEW234", hostSecret: SECRET, scenarioId: "viral", createdAt: "2026-11-20T08:00:00.000Z" });
    await store.saveRound(roundOf("OLD234", 1));
    await store.saveRound(roundOf("NEW234", 1));
    const now = new Date("2026-11-27T08:00:00.000Z");
    expect(await store.deleteOlderThan(30, now)).toBe(1);
    expect(await store.hasSession("OLD234")).toBe(false);
    expect(await store.rounds("OLD234")).toEqual([]);
    expect((await store.csv("OLD234")).trimEnd().split("\r\n")).toHaveLength(1);
    expect(await store.rounds("NEW234")).toHaveLength(1);
    // Seven days old and a 7-day rule: exactly on the line is kept, a minute past it is not.
    expect(await store.deleteOlderThan(7, new Date("2026-11-27T08:00:00.000Z"))).toBe(0);
    expect(await store.deleteOlderThan(7, new Date("2026-11-27T08:01:00.000Z"))).toBe(1);
    await store.close();
  });

  test("startRetention sweeps at once and reports what it deleted", async () => {
    const store = await fresh();
    await store.saveSession({ code: "OLD234", hostSecret: SECRET, scenarioId: "viral", createdAt: "2026-01-01T00:00:00.000Z" });
    const swept: number[] = [];
    const stop = startRetention(store, { days: 30, now: () => new Date("2026-11-27T00:00:00.000Z"), onSweep: (n) => swept.push(n) });
    stop();
    await expect.poll(() => swept).toEqual([1]);
    expect(await store.hasSession("OLD234")).toBe(false);
    await store.close();
  });

  test("closing and reopening keeps finished rounds' results and the secret check", async () => {
    const place = await engine.place();
    const first = await place.open();
    await first.saveSession({ code: "ABC234", hostSecret: SECRET, scenarioId: "viral" });
    await first.saveRound(roundOf("ABC234", 1));
    const csvBefore = await first.csv("ABC234");
    await first.close();

    const second = await place.open();
    expect(await second.rounds("ABC234")).toEqual([roundOf("ABC234", 1)]);
    expect(await second.csv("ABC234")).toBe(csvBefore);
    expect(await second.verifyHost("ABC234", SECRET)).toBe(true);
    await second.close();
  });

  test("a database from a newer schema is refused rather than misread", async () => {
    const place = await engine.place();
    await (await place.open()).close();
    await place.makeNewer();
    await expect(place.open()).rejects.toThrow(/newer server/);
  });

  test("quiz answers: stored per nickname; a second answer to the same tier does not replace the first", async () => {
    const store = await fresh();
    await store.saveSession({ code: "ABC234", hostSecret: SECRET, scenarioId: "viral" });
    expect(await store.saveQuizAnswer(answer())).toBe(true);
    expect(await store.saveQuizAnswer(answer({ pick: 0, right: false }))).toBe(false);
    expect(await store.saveQuizAnswer(answer({ tier: "reason", pick: 2 }))).toBe(true);
    expect(await store.saveQuizAnswer(answer({ phase: "post" }))).toBe(true);
    expect(await store.saveQuizAnswer(answer({ nickname: "Calm Receptor", right: false, pick: 0 }))).toBe(true);
    const saved = await store.quizAnswers("ABC234");
    expect(saved).toHaveLength(4);
    expect(saved.filter((a) => a.nickname === "Swift Dendrite" && a.phase === "pre" && a.tier === "choice")).toEqual([answer()]);
    expect(await store.quizAnswers("ZZZ999")).toEqual([]);
    // Without quiz answers a session's CSV has the columns it always had.
    await store.saveSession({ code: "DEF234", hostSecret: SECRET, scenarioId: "viral" });
    expect(await store.csv("DEF234")).toBe("session,round,scenario,outcome,nickname,role,squads\r\n");
    await store.close();
  });

  test("retention deletes a session's quiz answers with it", async () => {
    const store = await fresh();
    await store.saveSession({ code: "OLD234", hostSecret: SECRET, scenarioId: "viral", createdAt: "2026-10-01T08:00:00.000Z" });
    await store.saveQuizAnswer(answer({ code: "OLD234" }));
    expect(await store.deleteOlderThan(30, new Date("2026-11-27T08:00:00.000Z"))).toBe(1);
    expect(await store.quizAnswers("OLD234")).toEqual([]);
    await store.close();
  });

  test("the default clock stamps sessions, and an injected one is used", async () => {
    const store = await fresh({ now: () => new Date("2026-01-01T00:00:00.000Z") });
    await store.saveSession({ code: "ABC234", hostSecret: SECRET, scenarioId: "viral" });
    // With the injected clock at 1 Jan, the session is 0 days old on 1 Jan and 31 days old on 1 Feb.
    expect(await store.deleteOlderThan(30)).toBe(0);
    expect(await store.deleteOlderThan(30, new Date("2026-02-01T00:00:00.000Z"))).toBe(1);
    await store.close();
  });
});

describe("several server processes on one PostgreSQL database", () => {
  test("three stores opened at once make the tables once and save every round, none lost or doubled", async () => {
    const place = await ENGINES[1].place();
    // opened together: their migrations race, and the advisory lock lets one make the tables
    const stores = await Promise.all([place.open(), place.open(), place.open()]);
    await Promise.all(stores.map((s, k) => s.saveSession({ code: `ABC23${k + 4}`, hostSecret: SECRET, scenarioId: "viral" })));
    await Promise.all(stores.flatMap((s, k) => [1, 2, 3, 4].map((n) => s.saveRound(roundOf(`ABC23${k + 4}`, n)))));
    for (const [k, s] of stores.entries()) {
      // each process reads every class's rounds, whoever saved them
      for (const j of [0, 1, 2]) expect((await s.rounds(`ABC23${j + 4}`)).map((r) => r.round), `process ${k} reads class ${j}`).toEqual([1, 2, 3, 4]);
    }
    // the same round saved by two processes at once ends as one round with its players once
    await Promise.all([stores[0].saveRound(roundOf("ABC234", 5)), stores[1].saveRound(roundOf("ABC234", 5))]);
    const fifth = (await stores[2].rounds("ABC234")).filter((r) => r.round === 5);
    expect(fifth).toHaveLength(1);
    expect(fifth[0].players).toHaveLength(2);
    for (const s of stores) await s.close();
  });
});

describe("the SQLite file", () => {
  test("is written ahead (WAL) at the schema version, in a folder made for it", async () => {
    const path = await tempFile();
    await openResultsStore(path).close();
    const raw = new DatabaseSync(path, { readOnly: true });
    expect((raw.prepare("PRAGMA user_version").get() as { user_version: number }).user_version).toBe(SCHEMA_VERSION);
    expect((raw.prepare("PRAGMA journal_mode").get() as { journal_mode: string }).journal_mode).toBe("wal");
    raw.close();
  });
});
