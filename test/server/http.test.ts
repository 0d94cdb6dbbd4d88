// The HTTP side of the game server: the health route (counts only with its token) and the built client served on
// the same port.

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Health } from "../../server/app.ts";
import { startTestServer, type TestServer } from "./startTestServer.ts";

const HEALTH_TOKEN = "health-token-for-tests";
let clientDir: string;
let ts: TestServer;

beforeAll(async () => {
  clientDir = await mkdtemp(join(tmpdir(), "cytokine-client-"));
  ts = await startTestServer(clientDir, { healthToken: HEALTH_TOKEN });
});

afterAll(async () => {
  await ts?.stop();
  if (clientDir) await rm(clientDir, { recursive: true, force: true });
});

async function health(token?: string): Promise<Health> {
  const res = await fetch(`${ts.baseUrl}/health`, { headers: token ? { "x-health-token": token } : {} });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  return (await res.json()) as Health;
}

describe("GET /health", () => {
  test("reports the server up, its scenarios, and, to a caller with the token, counts rooms as they are created", async () => {
    const before = await health(HEALTH_TOKEN);
    expect(before.status).toBe("ok");
    expect(before.scenarios).toContain("viral");
    expect(before.rooms).toBe(0);
    expect(before.clients).toBe(0);

    await ts.colyseus.createRoom("tissue", {});
    expect((await health(HEALTH_TOKEN)).rooms).toBe(1);
    const query = await fetch(`${ts.baseUrl}/health?token=${HEALTH_TOKEN}`);
    expect(((await query.json()) as Health).rooms).toBe(1);
  });

  test("without the token (or with a wrong one) it says nothing of rooms or connections", async () => {
    for (const token of [undefined, "wrong-token"]) {
      const h = await health(token);
      expect(h.status).toBe("ok");
      expect(h.scenarios).toContain("viral");
      expect(h).not.toHaveProperty("rooms");
      expect(h).not.toHaveProperty("clients");
    }
  });
});

describe("the client", () => {
  test("without a build, / explains how to make one", async () => {
    expect((await health()).clientBuilt).toBe(false);
    const res = await fetch(`${ts.baseUrl}/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("npm run build");
  });

  test("once built, / serves its index.html and its assets", async () => {
    await writeFile(join(clientDir, "index.html"), "<!doctype html><title>test build</title>");
    await writeFile(join(clientDir, "game.js"), "console.log('test build');");

    expect((await health()).clientBuilt).toBe(true);
    const page = await fetch(`${ts.baseUrl}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await page.text()).toContain("<title>test build</title>");

    const script = await fetch(`${ts.baseUrl}/game.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
  });

  test("an unknown path is a 404, not the page", async () => {
    const res = await fetch(`${ts.baseUrl}/no-such-file.js`);
    expect(res.status).toBe(404);
  });
});
