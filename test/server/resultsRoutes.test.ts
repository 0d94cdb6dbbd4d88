// The classroom HTTP routes on a real server on 127.0.0.1: the results CSV only with the host secret (header or
// POSTed form, 403 otherwise with nothing leaked; a right secret hashed once however often it is sent), the join-code
// check, and its per-address limit on wrong tries (429 for wrong ones past it, never for a right code or secret), which
// also stands in front of Colyseus' joinById.

import type { AddressInfo } from "node:net";
import { Room, matchMaker } from "@colyseus/core";
import { ColyseusTestServer } from "@colyseus/testing/TestServer";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createGameServer } from "../../server/app.ts";
import { createRateLimiter } from "../../server/http/rateLimiter.ts";
import { CHECK_MESSAGES, RESULTS_MESSAGES } from "../../server/http/classroomRoutes.ts";
import { getResultsStore } from "../../server/results/activeStore.ts";
import { scryptChecks } from "../../server/results/hostSecret.ts";
import { openResultsStore, type RoundRecord } from "../../server/results/resultsStore.ts";

/** Stands in for the classroom room: only its name and code (room id) matter to these routes. */
class StubClassroom extends Room {
  override onCreate(options: { code: string }) {
    this.roomId = options.code;
  }
}

const SECRET = "f00dcafe".repeat(8);
const results = openResultsStore(":memory:");
let clock = 0;
const limiter = createRateLimiter({ capacity: 10, windowMs: 60_000, now: () => clock });
const downloadLimiter = createRateLimiter({ capacity: 10, windowMs: 60_000, now: () => clock });
let colyseus: ColyseusTestServer;
let baseUrl: string;

const round: RoundRecord = {
  code: "ABC234", round: 1, scenarioId: "viral", outcome: "cleared", startedAt: "2026-11-27T10:00:00.000Z", endedAt: "2026-11-27T10:10:00.000Z",
  days: 5, summary: { round: 1, scenarioId: "viral", outcome: "cleared", days: [0], series: {} },
  players: [{ nickname: "=Swift Dendrite", role: "effector", squads: "Squad 1", measures: [{ label: "Kills", value: 4, units: "cells" }] }],
};

beforeAll(async () => {
  const server = createGameServer({ results, joinLimiter: limiter, downloadLimiter, limits: { wrongTryDelayMs: 20 } });
  await server.listen(0, "127.0.0.1");
  server.define("classroom", StubClassroom);
  const { port } = server.transport.server!.address() as AddressInfo;
  server["port"] = port;
  colyseus = new ColyseusTestServer(server);
  baseUrl = `http://127.0.0.1:${port}`;
  results.saveSession({ code: "ABC234", hostSecret: SECRET, scenarioId: "viral" });
  results.saveRound(round);
  results.saveSession({ code: "END234", hostSecret: SECRET, scenarioId: "viral" });
});

afterAll(async () => {
  await colyseus?.cleanup();
  await colyseus?.shutdown();
  results.close();
});

// Each test starts with a full bucket: the clock jumps past the window.
beforeEach(() => {
  clock += 10 * 60_000;
});

const csvUrl = (code: string) => `${baseUrl}/api/classroom/${code}/results.csv`;
const check = (body: unknown) =>
  fetch(`${baseUrl}/api/classroom/check`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("GET/POST /api/classroom/:code/results.csv", () => {
  test("the server's store is the one the rooms save into", () => {
    expect(getResultsStore()).toBe(results);
  });

  test("refused without the secret, with a wrong one, or for a code with no results: 403 and no data", async () => {
    for (const [code, headers] of [["ABC234", {}], ["ABC234", { "x-host-secret": "wrong" }], ["ABC234", { "x-host-secret": SECRET.slice(1) }], ["XYZ789", { "x-host-secret": SECRET }]] as const) {
      const res = await fetch(csvUrl(code), { headers });
      expect(res.status).toBe(403);
      expect(res.headers.get("content-disposition")).toBeNull();
      const text = await res.text();
      expect(text).toContain(RESULTS_MESSAGES.refused);
      expect(text).not.toContain("Dendrite");
    }
    // The secret in the URL query is ignored: URLs end up in logs.
    expect((await fetch(`${csvUrl("ABC234")}?secret=${SECRET}`)).status).toBe(403);
    expect((await fetch(csvUrl("nope"))).status).toBe(400);
  });

  test("with the secret in the header: a CSV attachment with a header and one row per student", async () => {
    const res = await fetch(csvUrl("abc-234"), { headers: { "x-host-secret": SECRET } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="?cytokine-command-ABC234-results\.csv"?$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect((await res.text()).trimEnd().split("\r\n")).toEqual([
      "session,round,scenario,outcome,nickname,role,squads,Kills (cells)",
      "ABC234,1,viral,cleared,'=Swift Dendrite,effector,Squad 1,4",
    ]);
  });

  test("with the secret in a POSTed form (a plain HTML form can download too)", async () => {
    const res = await fetch(csvUrl("ABC234"), { method: "POST", body: new URLSearchParams({ secret: SECRET }) });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Swift Dendrite");
    const wrong = await fetch(csvUrl("ABC234"), { method: "POST", body: new URLSearchParams({ secret: "nope" }) });
    expect(wrong.status).toBe(403);
  });

  test("wrong secrets spend tries: after 10, wrong ones get 429, and the right one is still answered", async () => {
    for (let i = 0; i < 10; i++) expect((await fetch(csvUrl("ABC234"), { headers: { "x-host-secret": `guess${i}` } })).status).toBe(403);
    expect((await fetch(csvUrl("ABC234"), { headers: { "x-host-secret": "guess10" } })).status).toBe(429);
    const res = await fetch(csvUrl("ABC234"), { headers: { "x-host-secret": SECRET } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Swift Dendrite");
    const form = await fetch(csvUrl("ABC234"), { method: "POST", body: new URLSearchParams({ secret: SECRET }) });
    expect(form.status).toBe(200);
  });
});

describe("a teacher downloading again and again", () => {
  test("a right secret is hashed once (~20 ms of the event loop), not at every download; past 10 a minute the address waits", async () => {
    const before = scryptChecks();
    for (const guess of ["nope", SECRET.slice(1)]) expect((await fetch(csvUrl("END234"), { headers: { "x-host-secret": guess } })).status).toBe(403);
    expect(scryptChecks() - before).toBe(2); // wrong ones are hashed each time (and spend the address's tries)
    for (let i = 0; i < 10; i++) {
      const res = await fetch(csvUrl("END234"), { headers: { "x-host-secret": SECRET } });
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/^session,round/);
    }
    expect(scryptChecks() - before).toBe(3);
    // Each CSV is built on the event loop every room shares: 10 a minute from an address, then a sentence, the same
    // for a right secret and a wrong one, and nothing is checked.
    for (const secret of [SECRET, "guess"]) {
      const res = await fetch(csvUrl("END234"), { headers: { "x-host-secret": secret } });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await res.text()).toBe(`${RESULTS_MESSAGES.tooMany}\n`);
    }
    expect(scryptChecks() - before).toBe(3);
    clock += 60_000;
    expect((await fetch(csvUrl("END234"), { headers: { "x-host-secret": SECRET } })).status).toBe(200);
  });
});

describe("POST /api/classroom/check", () => {
  test("ok for a live classroom; clear words for no class, an ended class and a malformed code", async () => {
    await matchMaker.createRoom("classroom", { code: "HAV234" });
    expect(await (await check({ code: "hav 234" })).json()).toEqual({ ok: true, code: "HAV234" });

    const none = await check({ code: "QQQ234" });
    expect(none.status).toBe(404);
    expect(await none.json()).toEqual({ ok: false, error: CHECK_MESSAGES.noClass });
    const ended = await check({ code: "END234" });
    expect(ended.status).toBe(410);
    expect(await ended.json()).toEqual({ ok: false, error: CHECK_MESSAGES.ended });
    const bad = await check({ code: "O0O0O0" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe(CHECK_MESSAGES.badCode);
    expect((await check({})).status).toBe(400);
  });

  test("a locked class says so", async () => {
    const room = await matchMaker.createRoom("classroom", { code: "KEY234" });
    // The classroom room keeps its lock in metadata (as ClassroomRoom does when the teacher locks joining).
    await matchMaker.getLocalRoomById(room.roomId).setMetadata({ locked: true });
    const res = await check({ code: "KEY234" });
    expect(res.status).toBe(409);
    expect((await res.json()).error).toBe(CHECK_MESSAGES.locked);
  });

  test("10 wrong codes a minute from 127.0.0.1, then 429 for wrong ones; a right code is never refused nor spends a try", async () => {
    await matchMaker.createRoom("classroom", { code: "RGT234" });
    for (let i = 0; i < 30; i++) expect((await check({ code: "RGT234" })).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await check({ code: `WRNG${"23456789"[i % 8]}${"ABCDEFGHJK"[i]}` })).status).toBe(404);
    const limited = await check({ code: "WRNG2L" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("6");
    expect(await limited.json()).toEqual({ ok: false, error: "Too many tries: wait a minute" });
    expect((await check({ code: "O0O0O0" })).status).toBe(429); // a malformed code is a wrong try too
    expect(await (await check({ code: "RGT234" })).json()).toEqual({ ok: true, code: "RGT234" });
    clock += 6_000; // one try back
    expect((await check({ code: "WRNG2M" })).status).toBe(404);
  });

  test("bodies over 1 KB are refused with 413", async () => {
    const res = await check({ code: "ABC234", pad: "x".repeat(2000) });
    expect(res.status).toBe(413);
  });
});

describe("Colyseus' POST /matchmake/joinById behind the same limiter", () => {
  const joinById = (roomId: string) =>
    fetch(`${baseUrl}/matchmake/joinById/${roomId}`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });

  test("unknown room ids spend tries; past the limit they answer 429 in Colyseus' error shape, a live room still 200", async () => {
    await matchMaker.createRoom("classroom", { code: "JBX234" });
    expect((await joinById("JBX234")).status).toBe(200);
    for (let i = 0; i < 10; i++) {
      const res = await joinById(`NOPE${"ABCDEFGHJK"[i]}2`);
      expect(res.status).not.toBe(429);
      expect(res.status).toBeGreaterThanOrEqual(400);
    }
    const limited = await joinById("NOPEL2");
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ code: 429, error: "Too many tries: wait a minute" });
    // The check endpoint shares the bucket: wrong codes there are limited too, the right one is not.
    expect((await check({ code: "NOPEM2" })).status).toBe(429);
    expect((await check({ code: "JBX234" })).status).toBe(200);
    expect((await joinById("JBX234")).status).toBe(200);
  });
});
