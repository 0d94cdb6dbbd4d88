// The front of `npm run start:cluster` (server/cluster/front.ts) passes over a process that cannot take a request:
// one that is draining answers matchmaking 503, one that is dead does not answer at all. Here the processes are
// stand-ins on 127.0.0.1 (plain HTTP servers, and a port nobody listens on) so each case is certain: new classes and
// the pages are answered by a live process every time, the body of a matchmaking request reaches it whole, and when
// every process refuses, the last refusal is what the device gets.

import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createFront, FRONT_MESSAGES, ProcessTable } from "../../server/cluster/front.ts";
import { freePort } from "./redisServer.ts";

const DRAIN_TEXT = "This server is restarting";
const servers: Server[] = [];

/** A stand-in process: `refuseMatchmaking` answers /matchmake/* 503 (as a draining one does); the rest echo who and what. */
async function standIn(name: string, refuseMatchmaking: boolean): Promise<number> {
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (refuseMatchmaking && req.url?.startsWith("/matchmake/")) {
        res.writeHead(503, { "content-type": "application/json" });
        return res.end(JSON.stringify({ error: DRAIN_TEXT, by: name }));
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ by: name, method: req.method, body: Buffer.concat(chunks).toString() }));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

async function startFront(table: ProcessTable): Promise<string> {
  const front = createFront(table);
  servers.push(front);
  await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
}

let draining: number, live: number, dead: number;

beforeAll(async () => {
  [draining, live, dead] = await Promise.all([standIn("draining", true), standIn("live", false), freePort()]);
});

afterAll(async () => {
  for (const s of servers) s.closeAllConnections?.();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

const createClass = (front: string, n: number) => fetch(`${front}/matchmake/create/classroom`, {
  method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ mode: "classroom", n }),
});

describe("the cluster's front passes over a process that is draining or dead", () => {
  test("every new class and every page is answered by the live process, the request's body whole", async () => {
    const table = new ProcessTable();
    table.add("draining", draining);
    table.add("dead", dead); // its exit not yet seen by the front: nothing listens on its port
    table.add("live", live);
    const front = await startFront(table);
    for (let n = 0; n < 6; n++) {
      const res = await createClass(front, n);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ by: "live", method: "POST", body: JSON.stringify({ mode: "classroom", n }) });
    }
    const pages = await Promise.all(Array.from({ length: 6 }, () => fetch(`${front}/`)));
    for (const page of pages) expect(page.status).toBe(200);
    const by = await Promise.all(pages.map(async (p) => ((await p.json()) as { by: string }).by));
    expect(by).toContain("draining"); // a draining process still serves pages: it is only matchmaking it refuses
    expect(by).not.toContain("dead");
  });

  test("when every process refuses a new class, the device gets the refusal (503 and its sentence)", async () => {
    const table = new ProcessTable();
    table.add("draining", draining);
    table.add("dead", dead);
    const front = await startFront(table);
    for (let n = 0; n < 3; n++) {
      const res = await createClass(front, n);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ error: DRAIN_TEXT, by: "draining" });
    }
  });

  test("with no process that answers, the front says so in a sentence", async () => {
    const table = new ProcessTable();
    table.add("dead", dead);
    const front = await startFront(table);
    const res = await fetch(`${front}/`);
    expect(res.status).toBe(502);
    expect(await res.text()).toBe(`${FRONT_MESSAGES.unreachable}\n`);
  });
});
