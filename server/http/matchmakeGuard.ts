// Puts the join-code rate limiter in front of Colyseus' own `POST /matchmake/joinById/:roomId`. That route is not an
// express route (Colyseus serves it from its own router, ahead of express), so the guard wraps the HTTP server's
// 'request' event. Installed by server/app.ts; a joinById for a room that does not exist spends one try.

import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { TOO_MANY_TRIES, type RateLimiter } from "./rateLimiter.ts";

const JOIN_BY_ID = /^\/matchmake\/joinById\/([^/?#]+)/;

/** Answers 429 in Colyseus' error shape ({code, error}) so the SDK's joinById rejects with our words. */
function refuse(res: ServerResponse, retryAfter: number): void {
  const body = JSON.stringify({ code: 429, error: TOO_MANY_TRIES });
  res.writeHead(429, { "content-type": "application/json", "content-length": Buffer.byteLength(body), "retry-after": String(Math.max(1, retryAfter)) });
  res.end(body);
}

export function guardJoinById(server: Server, limiter: RateLimiter, roomExists: (roomId: string) => Promise<boolean>): void {
  const emit = server.emit.bind(server) as (event: string | symbol, ...args: unknown[]) => boolean;
  server.emit = function guardedEmit(event: string | symbol, ...args: unknown[]): boolean {
    if (event !== "request") return emit(event, ...args);
    const req = args[0] as IncomingMessage, res = args[1] as ServerResponse;
    const match = req.method === "POST" ? JOIN_BY_ID.exec(req.url ?? "") : null;
    if (!match) return emit(event, ...args);
    const key = req.socket.remoteAddress ?? "unknown";
    if (!limiter.allows(key)) {
      refuse(res, limiter.retryAfterSeconds(key));
      return true;
    }
    let roomId: string;
    try {
      roomId = decodeURIComponent(match[1]);
    } catch {
      roomId = "";
    }
    // The body stays paused in the socket until a listener reads it, so handing the request on later is safe.
    roomExists(roomId).then(
      (exists) => {
        if (!exists) limiter.spend(key);
        emit(event, ...args);
      },
      () => emit(event, ...args),
    );
    return true;
  } as typeof server.emit;
}
