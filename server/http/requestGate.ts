// The first thing every HTTP request and WebSocket upgrade meets, ahead of Colyseus' router and express: security
// headers on every answer, calls from foreign origins refused (CORS aside, a foreign page could still POST a form or
// open a WebSocket), bodies capped on every route, and `/matchmake/*` through matchmakeGuard.ts. It wraps the HTTP
// server's `emit` because Colyseus puts its own 'request' listener first. Installed by server/app.ts.

import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { type HttpLimits } from "./limits.ts";
import { answer, closeAfterAnswer, guardMatchmake, type MatchmakeGuardOptions } from "./matchmakeGuard.ts";
import { originAllowed, setSecurityHeaders } from "./securityHeaders.ts";

export const GATE_MESSAGES = {
  foreign: "This server answers only its own pages.",
  tooLarge: "That request is too large.",
  slow: "That request took too long to arrive.",
} as const;

export interface RequestGateOptions extends MatchmakeGuardOptions {
  limits: HttpLimits;
  /** Origins besides the server's own that may call it (ALLOWED_ORIGINS). */
  allowedOrigins: readonly string[];
}

/** Whether a request outside /matchmake carries a body larger than its routes take (or one of unknown length). */
function bodyTooLarge(req: IncomingMessage, limit: number): boolean {
  const length = req.headers["content-length"];
  if (length !== undefined) return Number(length) > limit;
  // A chunked body's size is unknown up front: only the JSON/form routes under /api read one, within their limit.
  return req.headers["transfer-encoding"] !== undefined && !(req.url ?? "").startsWith("/api/");
}

/** A body (of the routes that read one) must arrive within `ms`, else 408 and the connection is closed. */
function timeBody(req: IncomingMessage, res: ServerResponse, ms: number): void {
  if (req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined) return;
  if (req.headers["content-length"] === "0") return;
  const timer = setTimeout(() => {
    answer(res, 408, GATE_MESSAGES.slow, true);
    closeAfterAnswer(res);
  }, ms);
  const clear = () => clearTimeout(timer);
  req.once("end", clear);
  req.once("close", clear);
}

export function installRequestGate(server: Server, options: RequestGateOptions): void {
  const emit = server.emit.bind(server) as (event: string | symbol, ...args: unknown[]) => boolean;
  server.emit = function gatedEmit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === "upgrade") {
      const req = args[0] as IncomingMessage, socket = args[1] as Duplex;
      if (!originAllowed(req.headers, options.allowedOrigins)) {
        socket.on("error", () => {});
        socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: ${GATE_MESSAGES.foreign.length}\r\n\r\n${GATE_MESSAGES.foreign}`);
        return true;
      }
      return emit(event, ...args);
    }
    if (event !== "request") return emit(event, ...args);
    const req = args[0] as IncomingMessage, res = args[1] as ServerResponse;
    setSecurityHeaders(req.url ?? "/", res);
    const safe = req.method === "GET" || req.method === "HEAD";
    if (!safe && !originAllowed(req.headers, options.allowedOrigins)) {
      answer(res, 403, GATE_MESSAGES.foreign, true);
      req.resume();
      return true;
    }
    if (guardMatchmake(req, res, options, () => emit(event, ...args))) return true;
    if (bodyTooLarge(req, options.limits.otherBodyBytes)) {
      answer(res, 413, GATE_MESSAGES.tooLarge, true);
      req.resume();
      return true;
    }
    timeBody(req, res, options.limits.bodyTimeoutMs);
    return emit(event, ...args);
  } as typeof server.emit;
}
