// Builds the game server: Colyseus over WebSockets, the rooms, the built client as static files and a health
// route, all on one HTTP port, behind the request gate (http/requestGate.ts: limits, headers, origins). No I/O until
// `listen()`. Called by server/main.ts and by the server tests. One per process: Colyseus keeps its matchmaker
// (and its CORS rule) in module state.

import type { EventEmitter } from "node:events";
import { existsSync } from "node:fs";
import { hostname } from "node:os";
import { fileURLToPath } from "node:url";
import { defineRoom, defineServer, matchMaker } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { Encoder } from "@colyseus/schema";
import { SCENARIO_IDS } from "../shared/scenarios/index.ts";
import { TissueRoom } from "./rooms/TissueRoom.ts";
import { ClassroomRoom } from "./rooms/ClassroomRoom.ts";
import { secretMatches, shareJoinCodes } from "./rooms/classroom/joinCodes.ts";
import { explainSeatRefusals } from "./rooms/classroom/seatDoor.ts";
import { liveHostSecretAnywhere } from "./rooms/classroom/liveSecrets.ts";
import { openResultsStore, type ResultsStore } from "./results/resultsStore.ts";
import { setResultsStore } from "./results/activeStore.ts";
import { openCheckpointStore, setCheckpointStore, type CheckpointStore } from "./results/checkpointStore.ts";
import { createRateLimiter, type RateLimiter } from "./http/rateLimiter.ts";
import { mountClassroomRoutes } from "./http/classroomRoutes.ts";
import { answerErrors } from "./http/errorAnswer.ts";
import { createHttpServer } from "./http/httpServer.ts";
import { DEFAULT_LIMITS, type HttpLimits } from "./http/limits.ts";
import { installRequestGate } from "./http/requestGate.ts";
import { mountStaticClient } from "./http/staticClient.ts";
import { BASE_CORS_HEADERS, corsHeadersFor } from "./http/securityHeaders.ts";
import { throttleSocketErrors } from "./http/socketErrors.ts";
import { createWrongTries } from "./http/wrongTries.ts";
import { installCreationLimits, RoomCreation, type CreationLimits } from "./http/creationLimits.ts";
import type { ScaleOut } from "./cluster/scaleOut.ts";
import { fromTrustedProxy, installTrustedProxy } from "./cluster/trustedProxy.ts";
import { sharedTryBudget } from "./cluster/sharedTries.ts";
import { sharedJoinCodes } from "./cluster/sharedJoinCodes.ts";

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
  /** Where live classes' checkpoints are kept (main.ts: the results file); defaults to an in-memory store. */
  checkpoints?: CheckpointStore;
  /** Limits wrong join codes and host secrets per address; defaults to 10 a minute. */
  joinLimiter?: RateLimiter;
  /** Limits seat reservations (joinById) per address; defaults to limits.reservationsPerMinute a minute. */
  reservationLimiter?: RateLimiter;
  /** Limits results downloads per address; defaults to limits.resultsDownloadsPerMinute a minute. */
  downloadLimiter?: RateLimiter;
  /** Timeouts, body sizes and per-address budgets (http/limits.ts); each defaults to DEFAULT_LIMITS. */
  limits?: Partial<HttpLimits>;
  /** Origins besides the server's own that may call it from a browser (ALLOWED_ORIGINS). */
  allowedOrigins?: readonly string[];
  /** Rooms and classes open at once, in all and per address, and created per minute (http/creationLimits.ts). */
  creation?: Partial<CreationLimits>;
  /** With it, `/health?token=…` (or an `X-Health-Token` header) also reports room and connection counts. */
  healthToken?: string;
  /** Several processes as one game (cluster/scaleOut.ts: REDIS_URL): the shared presence and driver, this process's address. */
  scaleOut?: Pick<ScaleOut, "presence" | "driver" | "publicAddress" | "redis">;
  /** Reverse proxies whose X-Forwarded-For names the device (TRUST_PROXY; start:cluster's front is one). */
  trustedProxies?: readonly string[];
}

export interface Health {
  status: "ok";
  uptimeSeconds: number;
  /** Only for a caller with the health token. */
  rooms?: number;
  clients?: number;
  scenarios: readonly string[];
  clientBuilt: boolean;
}

export function createGameServer(options: GameServerOptions = {}) {
  const clientDir = options.clientDir ?? CLIENT_DIST_DIR;
  const startedAt = performance.now();
  const results = options.results ?? openResultsStore(":memory:");
  setResultsStore(results);
  setCheckpointStore(options.checkpoints ?? openCheckpointStore(":memory:"));
  const joinLimiter = options.joinLimiter ?? createRateLimiter();
  const limits: HttpLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const allowedOrigins = options.allowedOrigins ?? [];
  // With several processes, wrong tries and join codes are counted and claimed in Redis (server/cluster/).
  const wrongTries = createWrongTries(options.scaleOut ? sharedTryBudget(options.scaleOut.redis, joinLimiter) : joinLimiter, limits.wrongTryDelayMs);
  shareJoinCodes(options.scaleOut ? sharedJoinCodes(options.scaleOut.redis, `${hostname()}:${process.pid}`) : null);
  const creation = new RoomCreation(options.creation);
  // A class has a results row only once it keeps a result; until then its secret is known to its live room alone.
  const isHostSecret = async (code: string, secret: string) => await liveHostSecretAnywhere(code, secret) || await results.verifyHost(code, secret);
  installCreationLimits(creation);
  const trustedProxies = options.trustedProxies ?? [];
  const { server: httpServer } = createHttpServer(limits, fromTrustedProxy(trustedProxies));
  const transport = new WebSocketTransport({ server: httpServer });
  throttleSocketErrors((transport as unknown as { wss: EventEmitter }).wss);
  installRequestGate(httpServer, {
    limits,
    allowedOrigins,
    wrongTries,
    reservations: options.reservationLimiter ?? createRateLimiter({ capacity: limits.reservationsPerMinute, windowMs: 60_000 }),
    roomExists: async (roomId) => (await matchMaker.query({ roomId })).length > 0,
    isHostSecret,
    creation,
  });
  installTrustedProxy(httpServer, trustedProxies); // after the gate, so it runs first
  // Colyseus adds these to every answer: its default echoes any Origin with credentials allowed.
  matchMaker.controller.DEFAULT_CORS_HEADERS = { ...BASE_CORS_HEADERS } as unknown as typeof matchMaker.controller.DEFAULT_CORS_HEADERS;
  matchMaker.controller.getCorsHeaders = (headers: Headers) => corsHeadersFor(headers, allowedOrigins);
  explainSeatRefusals();

  return defineServer({
    rooms: { tissue: defineRoom(TissueRoom), classroom: defineRoom(ClassroomRoom) },
    transport,
    greet: false,
    gracefullyShutdown: options.handleSignals ?? false,
    // A room is made by the process asked (the front or a proxy spreads the asking): no create over Redis, which
    // times out after 2 s while a cold process makes its first class, leaving two rooms for one request.
    ...(options.scaleOut ? {
      presence: options.scaleOut.presence, driver: options.scaleOut.driver, publicAddress: options.scaleOut.publicAddress,
      selectProcessIdToCreateRoom: async () => matchMaker.processId,
    } : {}),
    express: (app) => {
      app.disable("x-powered-by");
      mountClassroomRoutes(app, {
        store: results,
        downloads: options.downloadLimiter ?? createRateLimiter({ capacity: limits.resultsDownloadsPerMinute, windowMs: 60_000 }),
        isHostSecret,
        wrongTries,
        findRoom: async (code) => {
          const [room] = await matchMaker.query({ name: "classroom", roomId: code });
          // The classroom room keeps its own lock in metadata (Colyseus' lock() would also shut out the returning teacher).
          return room ? { locked: (room.metadata as { locked?: boolean } | undefined)?.locked === true } : undefined;
        },
      });
      app.get("/health", (req, res) => {
        const health: Health = {
          status: "ok",
          uptimeSeconds: Math.round((performance.now() - startedAt) / 1000),
          scenarios: SCENARIO_IDS,
          clientBuilt: existsSync(`${clientDir}/index.html`),
        };
        const token = req.get("x-health-token") ?? req.query.token;
        if (options.healthToken && typeof token === "string" && secretMatches(token, options.healthToken)) {
          health.rooms = matchMaker.stats.local.roomCount;
          health.clients = matchMaker.stats.local.ccu;
        }
        res.set("Cache-Control", "no-store").json(health);
      });
      mountStaticClient(app, clientDir);
      // Reached only when the build is missing: say how to make it rather than a bare 404.
      app.get("/", (_req, res) => {
        res.status(503).type("text/plain").send("The client is not built yet. Run `npm run build`, or `npm start` to build and serve.\n");
      });
      app.use(answerErrors);
    },
  });
}

export type GameServer = ReturnType<typeof createGameServer>;
