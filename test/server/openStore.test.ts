// Which results store a server process opens: DATABASE_URL (PostgreSQL) or RESULTS_DB (the SQLite file), said in
// words that never show the database password, and a clear refusal for a URL that is not PostgreSQL's. Also: when the
// database is out of reach, the results download answers with a sentence, not a crash.

import { describe, expect, test } from "vitest";
import express from "express";
import type { AddressInfo } from "node:net";
import { describeStore, openStore, storeChoiceFromEnv } from "../../server/results/openStore.ts";
import { openResultsStore, type ResultsStore } from "../../server/results/resultsStore.ts";
import { mountClassroomRoutes } from "../../server/http/classroomRoutes.ts";
import { createWrongTries } from "../../server/http/wrongTries.ts";
import { createRateLimiter } from "../../server/http/rateLimiter.ts";

describe("choosing the results store", () => {
  test("DATABASE_URL wins over RESULTS_DB; unset (or blank), the SQLite file at RESULTS_DB or the default", () => {
    expect(storeChoiceFromEnv({ DATABASE_URL: "postgres://u:p@db:5432/cc", RESULTS_DB: "/x.sqlite" }, "/d.sqlite")).toEqual({ databaseUrl: "postgres://u:p@db:5432/cc", sqlitePath: "/x.sqlite" });
    expect(storeChoiceFromEnv({ DATABASE_URL: "  " }, "/d.sqlite")).toEqual({ databaseUrl: undefined, sqlitePath: "/d.sqlite" });
    expect(storeChoiceFromEnv({ RESULTS_DB: "/x.sqlite" }, "/d.sqlite").sqlitePath).toBe("/x.sqlite");
  });

  test("the start-up words name the place but never the password", () => {
    const words = describeStore({ databaseUrl: "postgres://teacher:hunter2@db.school.example:5433/cytokine", sqlitePath: "/d.sqlite" });
    expect(words).toBe("PostgreSQL at db.school.example:5433/cytokine");
    expect(words).not.toContain("hunter2");
    expect(describeStore({ sqlitePath: "/srv/results.sqlite" })).toBe("the SQLite file /srv/results.sqlite");
  });

  test("a URL that is not PostgreSQL's is refused with what to do; the default opens SQLite", async () => {
    await expect(openStore({ databaseUrl: "mysql://db/cc", sqlitePath: ":memory:" })).rejects.toThrow(/must start with postgres:\/\//);
    const store = await openStore({ sqlitePath: ":memory:" });
    expect(store.engine).toBe("sqlite");
    await store.close();
  });

  test("a database out of reach: opening fails with the cause, and a download answers 503 with a sentence", async () => {
    // nothing listens on port 1 of the loopback: the connection is refused at once
    await expect(openStore({ databaseUrl: "postgres://u@127.0.0.1:1/cc", sqlitePath: ":memory:" })).rejects.toThrow(/ECONNREFUSED/);
    const real = openResultsStore(":memory:");
    const broken: ResultsStore = { ...real, csv: async () => { throw new Error("connect ECONNREFUSED 127.0.0.1:5432"); } };
    const app = express();
    mountClassroomRoutes(app, {
      store: broken, wrongTries: createWrongTries(createRateLimiter(), 0), findRoom: async () => undefined, isHostSecret: async () => true,
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/api/classroom/ABC234/results.csv`, { headers: { "x-host-secret": "s" } });
      expect(res.status).toBe(503);
      expect((await res.json()).error).toMatch(/cannot be reached right now/);
    } finally {
      server.close();
      await real.close();
    }
  });
});
