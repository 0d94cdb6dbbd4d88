// The HTTP side under attack, on 127.0.0.1 with short limits: matchmaking that needs a code, bodies over the limit
// (at once and as a stream), bodies and heads that never finish, too many connections from one address, foreign
// origins, and the security headers on every answer. While each attack runs, an honest visitor on another address
// still gets the page, the health route and a room. Bounded: every loop has a fixed count.

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { ColyseusTestServer } from "@colyseus/testing/TestServer";
import { createGameServer } from "../../server/app.ts";
import { MATCHMAKE_MESSAGES } from "../../server/http/matchmakeGuard.ts";
import { GATE_MESSAGES } from "../../server/http/requestGate.ts";
import { senderLog } from "../../server/logThrottle.ts";
import { ATTACKER, closedWithin, openSockets, rawRequest, sleep } from "./abuseTools.ts";

const LIMITS = {
  headersTimeoutMs: 600, requestTimeoutMs: 1500, bodyTimeoutMs: 400, timeoutCheckMs: 100,
  connectionsPerAddress: 12, wrongTryDelayMs: 50, reservationsPerMinute: 30,
};
const ALLOWED = "https://school.example";
let colyseus: ColyseusTestServer;
let port: number;
let baseUrl: string;
let clientDir: string;

beforeAll(async () => {
  clientDir = await mkdtemp(join(tmpdir(), "cytokine-abuse-"));
  await writeFile(join(clientDir, "index.html"), "<!doctype html><title>game</title>");
  await writeFile(join(clientDir, "kiosk.html"), "<!doctype html><title>kiosk</title>");
  const server = createGameServer({ clientDir, limits: LIMITS, allowedOrigins: [ALLOWED] });
  await server.listen(0, "127.0.0.1");
  port = (server.transport.server!.address() as AddressInfo).port;
  server["port"] = port;
  colyseus = new ColyseusTestServer(server);
  baseUrl = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await colyseus?.cleanup();
  await colyseus?.shutdown();
  if (clientDir) await rm(clientDir, { recursive: true, force: true });
});

const matchmake = (method: string, room: string, body: unknown = {}, from = ATTACKER, headers: Record<string, string> = {}) =>
  rawRequest({ port, method: "POST", path: `/matchmake/${method}/${room}`, from, headers: { "content-type": "application/json", ...headers }, body: [JSON.stringify(body)] });

/** An honest visitor on 127.0.0.1: the health route answers and a solo room can be created and joined. */
async function honestVisitorServed(): Promise<void> {
  expect((await fetch(`${baseUrl}/health`)).status).toBe(200);
  const room = await colyseus.sdk.create("tissue", {});
  expect(room.roomId).toBeTruthy();
  await room.leave();
}

describe("matchmaking needs a code", () => {
  test("join, joinOrCreate and unknown methods are refused for every room; the answer names no room", async () => {
    const cls = await colyseus.sdk.create("classroom", { mode: "classroom", days: 0.25 });
    for (const method of ["join", "joinOrCreate", "query", "getAvailableRooms"]) {
      for (const room of ["classroom", "tissue"]) {
        const res = await matchmake(method, room);
        expect(res.status).toBe(403);
        expect(JSON.parse(res.body)).toEqual({ code: 403, error: MATCHMAKE_MESSAGES.method });
        expect(res.body).not.toContain(cls.roomId);
      }
    }
    expect((await matchmake("create", "lobby")).status).toBe(403);
    expect((await rawRequest({ port, path: "/matchmake/join/classroom", from: ATTACKER })).status).toBe(405);
    // The class is still joined by its code.
    const student = await colyseus.sdk.joinById(cls.roomId);
    expect(student.roomId).toBe(cls.roomId);
    await student.leave();
    await cls.leave();
  });
});

describe("bodies over the limit", () => {
  test("a 48 MB body announced by its length is refused at once with 413, on matchmaking and every other route", async () => {
    for (const path of ["/matchmake/create/tissue", "/matchmake/joinById/ABC234", "/api/classroom/check", "/", "/health"]) {
      const res = await rawRequest({ port, method: "POST", path, from: ATTACKER, headers: { "content-type": "application/json", "content-length": 48 * 1024 * 1024 }, body: ["{\"a\":"], end: false });
      expect(res.status, path).toBe(413);
    }
    await honestVisitorServed();
  });

  test("streamed bodies (no length) are cut off past the limit while memory stays bounded", async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const before = process.memoryUsage();
    // Six bodies of 8 MB each at once (48 MB in all) to matchmaking and a static path.
    const sends = Array.from({ length: 6 }, (_, i) => rawRequest({
      port, method: "POST", path: i % 2 ? "/matchmake/create/tissue" : "/index.html", from: ATTACKER,
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      body: Array.from({ length: 128 }, () => chunk),
    }).catch(() => ({ status: 0 })));
    const answers = await Promise.all(sends);
    for (const a of answers) expect([413, 0]).toContain(a.status); // 413, or the socket closed after it
    expect(answers.some((a) => a.status === 413)).toBe(true);
    const after = process.memoryUsage();
    // Nothing of the 48 MB was kept: the heap and buffers grew by far less than what was sent.
    expect(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers).toBeLessThan(24 * 1024 * 1024);
    await honestVisitorServed();
  });

  test("a body over 4 KB to matchmaking is refused with Colyseus' error shape", async () => {
    const res = await matchmake("create", "tissue", { pad: "x".repeat(5000) });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error).toBe(MATCHMAKE_MESSAGES.tooLarge);
  });
});

describe("malformed requests", () => {
  test("a body the routes cannot read is a short plain answer, not express' page with a stack", async () => {
    for (let i = 0; i < 20; i++) {
      const res = await rawRequest({ port, method: "POST", path: "/api/classroom/check", from: ATTACKER, headers: { "content-type": "application/json", "content-encoding": "x-bogus" }, body: [`{"code":"ABC23${i % 10}"}`] });
      expect(res.status, res.body).toBe(415);
      expect(res.body).toBe("That request could not be served.\n");
    }
    await honestVisitorServed();
  });
});

describe("slow requests", () => {
  test("a matchmaking body that never finishes is answered 408 within the body timeout", async () => {
    const res = await rawRequest({ port, method: "POST", path: "/matchmake/create/tissue", from: ATTACKER, headers: { "content-type": "application/json", "content-length": 200 }, body: ["{\"role\":"], end: false });
    expect(res.status).toBe(408);
    expect(JSON.parse(res.body).error).toBe(MATCHMAKE_MESSAGES.slow);
  });

  test("a body to the classroom routes that never finishes is answered 408 within the body timeout", async () => {
    const res = await rawRequest({ port, method: "POST", path: "/api/classroom/check", from: ATTACKER, headers: { "content-type": "application/json", "content-length": 100 }, body: ["{\"code\":"], end: false });
    expect(res.status).toBe(408);
    expect(JSON.parse(res.body).error).toBe(GATE_MESSAGES.slow);
    await honestVisitorServed();
  });

  test("a request head that never finishes, and an idle connection, are closed by the server", async () => {
    const [slowHead, idle] = await openSockets(port, 2, ATTACKER);
    slowHead.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
    const dripping = setInterval(() => { if (!slowHead.destroyed) slowHead.write("a"); }, 100);
    const [closedHead, closedIdle] = await Promise.all([closedWithin(slowHead, 5000), closedWithin(idle, 5000)]);
    clearInterval(dripping);
    expect(closedHead).not.toBeNull();
    expect(closedIdle).not.toBeNull();
  });
});

describe("connections per address", () => {
  test("past the cap one address's new connections are refused with 503 while another address is served", async () => {
    const held = await openSockets(port, LIMITS.connectionsPerAddress, ATTACKER);
    const over = await openSockets(port, 3, ATTACKER);
    for (const s of over) {
      const text = await closedWithin(s, 2000);
      expect(text).toMatch(/^HTTP\/1.1 503/);
    }
    await honestVisitorServed();
    for (const s of held) s.destroy();
    await sleep(100);
    // Freed: the address is served again.
    expect((await rawRequest({ port, path: "/health", from: ATTACKER })).status).toBe(200);
  });
});

describe("origins and headers", () => {
  test("every answer carries the CSP (no inline script or style), nosniff and no framing; the kiosk may be framed by its own origin", async () => {
    for (const path of ["/", "/health", "/api/classroom/ABC234/results.csv"]) {
      const res = await fetch(`${baseUrl}${path}`);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self';");
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    }
    // Express' own 404 page narrows it further (nothing at all may load), still without framing.
    const missing = await fetch(`${baseUrl}/no-such-file.js`);
    expect(missing.headers.get("content-security-policy")).toBe("default-src 'none'");
    expect(missing.headers.get("x-frame-options")).toBe("DENY");
    expect(missing.headers.get("x-content-type-options")).toBe("nosniff");
    const mm = await matchmake("join", "classroom", {}, "127.0.0.1");
    expect(mm.headers["x-content-type-options"]).toBe("nosniff");
    const kiosk = await fetch(`${baseUrl}/kiosk.html`);
    expect(kiosk.headers.get("content-security-policy")).toContain("frame-ancestors 'self'");
    expect(kiosk.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });

  test("CORS names only the server's own origin or a configured one; foreign origins may not POST or open a WebSocket", async () => {
    const own = `http://127.0.0.1:${port}`;
    const asOrigin = (origin: string) => fetch(`${baseUrl}/health`, { headers: { origin } });
    expect((await asOrigin(own)).headers.get("access-control-allow-origin")).toBe(own);
    expect((await asOrigin(ALLOWED)).headers.get("access-control-allow-origin")).toBe(ALLOWED);
    const foreign = await asOrigin("https://evil.example");
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    expect(foreign.headers.get("access-control-allow-credentials")).toBeNull();

    const preflight = await rawRequest({ port, method: "OPTIONS", path: "/matchmake/create/tissue", headers: { origin: "https://evil.example", "access-control-request-method": "POST" } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
    const post = await matchmake("create", "tissue", {}, "127.0.0.1", { origin: "https://evil.example" });
    expect(post.status).toBe(403);
    expect(JSON.parse(post.body).error).toBe(GATE_MESSAGES.foreign);
    const form = await rawRequest({ port, method: "POST", path: "/api/classroom/check", headers: { origin: "null", "content-type": "application/x-www-form-urlencoded" }, body: ["code=ABC234"] });
    expect(form.status).toBe(403);
    // Behind a proxy that rewrites Host, the page's origin is the forwarded host (a foreign page cannot set that header).
    const proxied = await matchmake("create", "tissue", {}, "127.0.0.1", { origin: "https://game.school.example", "x-forwarded-host": "game.school.example" });
    expect(proxied.status).toBe(200);
    // The server's own pages and configured origins can.
    expect((await matchmake("create", "tissue", {}, "127.0.0.1", { origin: own })).status).toBe(200);
    expect((await matchmake("create", "tissue", {}, "127.0.0.1", { origin: ALLOWED })).status).toBe(200);

    const [ws] = await openSockets(port, 1, ATTACKER);
    ws.write(`GET /x/y?sessionId=z HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: https://evil.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    expect(await closedWithin(ws, 2000)).toMatch(/^HTTP\/1.1 403/);
  });
});

describe("log flooding over WebSockets", () => {
  test("oversized frames on many sockets log one line per address, not one per socket", async () => {
    const spy = vi.spyOn(console, "error");
    const before = senderLog.written;
    const sockets = Array.from({ length: 10 }, () => new WebSocket(`ws://127.0.0.1:${port}/`));
    await Promise.all(sockets.map((ws) => new Promise<void>((resolve) => {
      ws.onopen = () => ws.send(new Uint8Array(5000)); // past the transport's 4 KB frame limit
      ws.onclose = () => resolve();
      ws.onerror = () => {};
    })));
    await sleep(100);
    expect(spy).not.toHaveBeenCalled();
    expect(senderLog.written - before).toBeLessThanOrEqual(1);
    spy.mockRestore();
    await honestVisitorServed();
  });
});
