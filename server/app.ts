// Builds the game server: Colyseus over WebSockets, the rooms, the built client as static files and a health
// route, all on one HTTP port. No I/O until `listen()`. Called by server/main.ts and by the server tests.
// One per process: Colyseus keeps its matchmaker in module state.

import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import express from "express";
import { defineRoom, defineServer, matchMaker } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { Encoder } from "@colyseus/schema";
import { SCENARIO_IDS } from "../shared/scenarios/index.ts";
import { TissueRoom } from "./rooms/TissueRoom.ts";
import { ClassroomRoom } from "./rooms/ClassroomRoom.ts";
import { openResultsStore, type ResultsStore } from "./results/resultsStore.ts";
import { setResultsStore } from "./results/activeStore.ts";
import { createRateLimiter, type RateLimiter } from "./http/rateLimiter.ts";
import { mountClassroomRoutes } from "./http/classroomRoutes.ts";
import { guardJoinById } from "./http/matchmakeGuard.ts";

/** A full state of a ~4,000-cell patch is ~110 KB; with room to grow, no encode ever has to reallocate (and warn). */
Encoder.BUFFER_SIZE = 256 * 1024;

/** Where `npm run build` puts the client (see client/vite.config.ts). */
export const CLIENT_DIST_DIR = fileURLToPath(new URL("../dist/client/", import.meta.url));

export interface GameServerOptions {
  /** Directory of the built client; defaults to dist/client. */
  clientDir?: string;
  /** Install SIGINT/SIGTERM handlers that dispose rooms before exit (the real server does; tests don't). */
  handleSignals?: boolean;
  /** Where classroom results are kept (main.ts opens the file); defaults to an in-memory store. */
  results?: ResultsStore;
  /** Limits wrong join codes and host secrets per address; defaults to 10 a minute. */
  joinLimiter?: RateLimiter;
}

export interface Health {
  status: "ok";
  uptimeSeconds: number;
  rooms: number;
  clients: number;
  scenarios: readonly string[];
  clientBuilt: boolean;
}

export function createGameServer(options: GameServerOptions = {}) {
  const clientDir = options.clientDir ?? CLIENT_DIST_DIR;
  const startedAt = performance.now();
  const results = options.results ?? openResultsStore(":memory:");
  setResultsStore(results);
  const joinLimiter = options.joinLimiter ?? createRateLimiter();
  const transport = new WebSocketTransport();
  guardJoinById(transport.server!, joinLimiter, async (roomId) => (await matchMaker.query({ roomId })).length > 0);

  return defineServer({
    rooms: { tissue: defineRoom(TissueRoom), classroom: defineRoom(ClassroomRoom) },
    transport,
    greet: false,
    gracefullyShutdown: options.handleSignals ?? false,
    express: (app) => {
      app.disable("x-powered-by");
      mountClassroomRoutes(app, {
        store: results,
        limiter: joinLimiter,
        findRoom: async (code) => {
          const [room] = await matchMaker.query({ name: "classroom", roomId: code });
          // The classroom room keeps its own lock in metadata (Colyseus' lock() would also shut out the returning teacher).
          return room ? { locked: (room.metadata as { locked?: boolean } | undefined)?.locked === true } : undefined;
        },
      });
      app.get("/health", (_req, res) => {
        const health: Health = {
          status: "ok",
          uptimeSeconds: Math.round((performance.now() - startedAt) / 1000),
          rooms: matchMaker.stats.local.roomCount,
          clients: matchMaker.stats.local.ccu,
          scenarios: SCENARIO_IDS,
          clientBuilt: existsSync(`${clientDir}/index.html`),
        };
        res.json(health);
      });
      app.use(express.static(clientDir));
      // Reached only when the build is missing: say how to make it rather than a bare 404.
      app.get("/", (_req, res) => {
        res.status(503).type("text/plain").send("The client is not built yet. Run `npm run build`, or `npm start` to build and serve.\n");
      });
    },
  });
}

export type GameServer = ReturnType<typeof createGameServer>;
