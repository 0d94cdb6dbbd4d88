// Boots the real game server on 127.0.0.1 with an ephemeral port, for the server tests, and wraps it in
// @colyseus/testing's helpers. Imports TestServer directly: the package index pulls in @colyseus/tools, which
// rewrites process.env from /etc/environment and .env files when it loads.

import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { ColyseusTestServer } from "@colyseus/testing/TestServer";
import { createGameServer, type GameServer, type GameServerOptions } from "../../server/app.ts";

export interface TestServer {
  server: GameServer;
  colyseus: ColyseusTestServer;
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startTestServer(clientDir?: string, options: GameServerOptions = {}): Promise<TestServer> {
  const server = createGameServer({ clientDir, ...options });
  await server.listen(0, "127.0.0.1");
  const { port } = server.transport.server!.address() as AddressInfo;
  // ColyseusTestServer builds its SDK and HTTP URLs from this field, which still holds the requested port (0).
  server["port"] = port;
  const colyseus = new ColyseusTestServer(server);
  return {
    server,
    colyseus,
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      await colyseus.cleanup();
      await colyseus.shutdown();
    },
  };
}

/**
 * One server for the test file that calls this: started before its tests, stopped after them. The returned object
 * stands for it (its fields read the running server), so tests use it as they would a started one.
 */
export function testServerPerFile(options: GameServerOptions = {}): TestServer {
  let ts: TestServer | undefined;
  beforeAll(async () => {
    ts = await startTestServer(undefined, options);
  });
  afterAll(async () => {
    await ts?.stop();
  });
  const running = (): TestServer => {
    if (!ts) throw new Error("the test server is not running: use it inside tests");
    return ts;
  };
  return {
    get server() { return running().server; },
    get colyseus() { return running().colyseus; },
    get baseUrl() { return running().baseUrl; },
    stop: () => running().stop(),
  };
}

/**
 * Polls `ready` every 20 ms until it returns true or `timeoutMs` passes; fails with `what` on timeout. The default bound
 * catches a hang, not slowness: a server test beside a validation file or a software-WebGL browser test (CI's two
 * workers on two cores) sees its patches and messages seconds late, and a class's 31 devices decode each patch in turn.
 */
export async function waitFor(what: string, ready: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
