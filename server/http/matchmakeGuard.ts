// Stands in front of Colyseus' own `POST /matchmake/:method/:room` (served from its router ahead of express, so
// requestGate.ts hands these requests here first). It lets through only what the game's pages use: `create` of a
// known room, `joinById` and `reconnect`; there is no `join`/`joinOrCreate` (a class is joined only by its code)
// and no listing. It reads the body itself, within a size and a time limit, and then:
// - a code (room id) that no room has is a wrong try (wrongTries.ts: spent, or answered 429 after a delay);
// - a joinById spends a seat reservation from the address's budget, unless it carries the class's right host secret;
// - a create is admitted by the creation limits (creationLimits.ts) or answered why not ("This server is full: ...").
// While the server drains before stopping (drain/drainRefusal.ts), every matchmaking call is answered 503 with a sentence.

import type { IncomingMessage, ServerResponse } from "node:http";
import { CREATION_HEADER, type RoomCreation } from "./creationLimits.ts";
import { drainRefusal } from "../drain/drainRefusal.ts";
import { addressOf, type HttpLimits } from "./limits.ts";
import type { RateLimiter } from "./rateLimiter.ts";
import type { WrongTries } from "./wrongTries.ts";

const ROUTE = /^\/matchmake\/([^/?#]+)\/([^/?#]+)\/?(?:\?.*)?$/;
export const ROOM_NAMES: readonly string[] = ["tissue", "classroom"];

export const MATCHMAKE_MESSAGES = {
  method: "Rooms here are created, or joined by their code: there is no other way in and no list of rooms.",
  tooLarge: "That request is too large.",
  slow: "That request took too long to arrive.",
  unreadable: "That request could not be read.",
  busy: "Too many joins from your network in the last minute: wait a moment and try again.",
} as const;

export interface MatchmakeGuardOptions {
  limits: HttpLimits;
  wrongTries: WrongTries;
  /** Seat reservations per address (joinById); a right host secret does not spend one. */
  reservations: RateLimiter;
  roomExists: (roomId: string) => Promise<boolean>;
  /** Whether `secret` is the host secret of the class with this code. */
  isHostSecret: (code: string, secret: string) => Promise<boolean>;
  /** Rooms and classes open, in all and per address (none: unlimited). */
  creation?: RoomCreation;
}

/** Answers in Colyseus' error shape ({code, error}), so the SDK's promise rejects with these words. */
export function answer(res: ServerResponse, status: number, error: string, close = false): void {
  if (res.headersSent || res.destroyed) return;
  const body = JSON.stringify({ code: status, error });
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body), ...(close ? { connection: "close" } : {}) });
  res.end(body);
}

/**
 * Closes the connection once the answer is on its way (destroying at once could cut the answer off): a clean end,
 * then a hard close a second later if the peer still holds it.
 */
export function closeAfterAnswer(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket) return;
  const close = () => {
    socket.end();
    setTimeout(() => socket.destroy(), 1000).unref();
  };
  if (res.writableFinished) close();
  else res.once("finish", close);
}

/** Reads a JSON object body of at most `limit` bytes within `timeoutMs`; answers the error itself and gives null. */
function readBody(req: IncomingMessage, res: ServerResponse, limit: number, timeoutMs: number): Promise<Record<string, unknown> | null> {
  return new Promise((resolve) => {
    const declared = Number(req.headers["content-length"] ?? NaN);
    if (declared > limit) {
      answer(res, 413, MATCHMAKE_MESSAGES.tooLarge, true);
      req.resume(); // the reply says close; nothing more is read than the socket already holds
      return resolve(null);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (value: Record<string, unknown> | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.off("data", onData);
      resolve(value);
    };
    const timer = setTimeout(() => {
      answer(res, 408, MATCHMAKE_MESSAGES.slow, true);
      closeAfterAnswer(res);
      finish(null);
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        answer(res, 413, MATCHMAKE_MESSAGES.tooLarge, true);
        finish(null);
        return void req.resume(); // the rest is read and dropped (bounded by the request timeout), never kept
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("error", () => finish(null));
    req.once("end", () => {
      if (done) return;
      const raw = Buffer.concat(chunks).toString("utf8").trim();
      let body: unknown = {};
      try {
        if (raw) body = JSON.parse(raw);
      } catch {
        body = null;
      }
      if (body === null || typeof body !== "object" || Array.isArray(body)) {
        answer(res, 400, MATCHMAKE_MESSAGES.unreadable);
        return finish(null);
      }
      finish(body as Record<string, unknown>);
    });
  });
}

/**
 * Handles a `/matchmake/*` request: refuses it with an answer, or calls `pass` once the body is read (set as
 * `req.body`, which Colyseus' router reads instead of the stream). Returns false when `req` is not matchmaking.
 */
export function guardMatchmake(req: IncomingMessage, res: ServerResponse, options: MatchmakeGuardOptions, pass: () => void): boolean {
  const url = req.url ?? "";
  if (!url.startsWith("/matchmake/")) return false;
  delete req.headers[CREATION_HEADER]; // only set below, never taken from the caller
  if (req.method !== "POST") {
    // Colyseus answers OPTIONS (preflight, with our CORS rule); nothing else is served under /matchmake.
    if (req.method === "OPTIONS") pass();
    else answer(res, 405, MATCHMAKE_MESSAGES.method);
    return true;
  }
  const draining = drainRefusal(); // a server stopping on purpose makes no rooms and seats nobody (drain/drainServer.ts)
  if (draining) {
    res.setHeader("retry-after", "60");
    answer(res, 503, draining, true);
    req.resume();
    return true;
  }
  const match = ROUTE.exec(url);
  const method = match?.[1];
  let target = "";
  try {
    target = decodeURIComponent(match?.[2] ?? "");
  } catch { /* not a name */ }
  const known = method === "create" ? ROOM_NAMES.includes(target) : method === "joinById" || method === "reconnect";
  if (!known) {
    answer(res, 403, MATCHMAKE_MESSAGES.method, true);
    req.resume();
    return true;
  }
  const { limits, wrongTries, reservations } = options;
  void readBody(req, res, limits.matchmakeBodyBytes, limits.bodyTimeoutMs).then(async (body) => {
    if (body === null) return;
    (req as IncomingMessage & { body?: unknown }).body = body;
    req.headers["content-type"] = "application/json";
    const key = addressOf(req.socket);
    if (method === "create") {
      const admitted = options.creation?.admit(key, target);
      if (admitted && !admitted.ok) {
        res.setHeader("retry-after", String(admitted.retryAfterSeconds));
        return answer(res, admitted.status, admitted.reason);
      }
      if (admitted) req.headers[CREATION_HEADER] = admitted.ticket;
      return pass();
    }
    const exists = await options.roomExists(target).catch(() => false);
    if (!exists) return wrongTries.wrong(key, res, pass, "colyseus");
    if (method === "reconnect") return pass();
    const secret = body.hostSecret;
    if (typeof secret === "string" && secret.length > 0 && secret.length <= 256) {
      if (await options.isHostSecret(target, secret).catch(() => false)) return pass(); // the teacher: never turned away for the address's joins
      return wrongTries.wrong(key, res, pass, "colyseus");
    }
    if (!reservations.spend(key)) {
      res.setHeader("retry-after", String(Math.max(1, reservations.retryAfterSeconds(key))));
      return answer(res, 429, MATCHMAKE_MESSAGES.busy);
    }
    pass();
  });
  return true;
}
