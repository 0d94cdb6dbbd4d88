// HTTP routes of classroom sessions: the join-code check students' pages call before joining, and the teacher's
// results download (CSV, host secret in a header or a POSTed form, never in the URL). Mounted by server/app.ts;
// only wrong codes and wrong secrets spend the caller's tries (wrongTries.ts): a right code is always answered, a right
// secret too within the address's downloads a minute (building a CSV holds the event loop every room shares).

import express, { type Application, type NextFunction, type Request, type Response } from "express";
import { normalizeJoinCode } from "../../shared/net/classroom.ts";
import type { ResultsStore } from "../results/resultsStore.ts";
import { DEFAULT_LIMITS, addressOf } from "./limits.ts";
import { createRateLimiter, type RateLimiter } from "./rateLimiter.ts";
import type { WrongTries } from "./wrongTries.ts";

/** What the check needs to know about a live room with a code. */
export interface LiveRoom { locked: boolean }

export interface ClassroomRouteOptions {
  store: ResultsStore;
  /** Wrong codes and secrets, counted per address (shared with the matchmaking guard). */
  wrongTries: WrongTries;
  /**
   * Results downloads, counted per address (a right secret spends one; none left: 429 for right and wrong alike);
   * default: DEFAULT_LIMITS.resultsDownloadsPerMinute a minute.
   */
  downloads?: RateLimiter;
  /** The live classroom room with this code, if any (app.ts asks Colyseus' matchmaker). */
  findRoom: (code: string) => Promise<LiveRoom | undefined>;
  /** Whether `secret` is the host secret of the class with `code` (default: the store's; app.ts also asks live classes). */
  isHostSecret?: (code: string, secret: string) => Promise<boolean>;
}

/** The words a student or teacher sees; the pages show `error` as it is. */
export const CHECK_MESSAGES = {
  badCode: "A class code has 6 letters and digits. Check it with your teacher.",
  noClass: "No class uses that code. Check it with your teacher.",
  ended: "That class has ended.",
  locked: "That class is not taking new students right now. Ask your teacher.",
} as const;
export const RESULTS_MESSAGES = {
  badCode: "That is not a class code.",
  refused: "Only the teacher who opened this class can download its results: the host secret is missing or wrong.",
  tooMany: "Results were downloaded from your network several times just now: wait a minute and download again.",
} as const;

/** Downloads one address may have waiting for their secret's check at once (each may then build a CSV). */
const MAX_CHECKING_PER_ADDRESS = 4;

/** Bodies are tiny (a code, a secret): anything larger is refused before parsing. */
const BODY_LIMIT = "1kb";

/** The address a try is counted against: the socket's peer (X-Forwarded-For is not trusted; anyone can write it). */
export const clientKey = (req: { socket: { remoteAddress?: string } }): string => addressOf(req.socket);

export function mountClassroomRoutes(app: Application, options: ClassroomRouteOptions): void {
  const { store, wrongTries, findRoom } = options;
  const downloads = options.downloads ?? createRateLimiter({ capacity: DEFAULT_LIMITS.resultsDownloadsPerMinute, windowMs: 60_000 });
  const isHostSecret = options.isHostSecret ?? ((code: string, secret: string) => store.verifyHost(code, secret));
  /** Downloads per address whose secret is being checked now. */
  const checkingFrom = new Map<string, number>();
  const json = express.json({ limit: BODY_LIMIT });
  const form = express.urlencoded({ limit: BODY_LIMIT, extended: false });

  app.post("/api/classroom/check", json, async (req: Request, res: Response) => {
    const key = clientKey(req);
    const code = normalizeJoinCode((req.body as { code?: unknown } | undefined)?.code);
    if (code === null) return wrongTries.wrong(key, res, () => void res.status(400).json({ ok: false, error: CHECK_MESSAGES.badCode }));
    const room = await findRoom(code);
    if (room) {
      if (room.locked) return void res.status(409).json({ ok: false, error: CHECK_MESSAGES.locked });
      return void res.json({ ok: true, code });
    }
    const ended = await store.hasSession(code);
    wrongTries.wrong(key, res, () => {
      if (ended) return void res.status(410).json({ ok: false, error: CHECK_MESSAGES.ended });
      res.status(404).json({ ok: false, error: CHECK_MESSAGES.noClass });
    });
  });

  const sendResults = (secret: unknown) => async (req: Request, res: Response) => {
    const key = clientKey(req);
    const code = normalizeJoinCode(req.params.code);
    if (code === null) return wrongTries.wrong(key, res, () => void res.status(400).type("text/plain").send(`${RESULTS_MESSAGES.badCode}\n`));
    // Before the secret is checked, so the answer is the same for a right and a wrong one (nothing is learned from it);
    // downloads whose secret is still being checked count too, or many at once would all find the budget unspent.
    const checking = checkingFrom.get(key) ?? 0;
    if (!downloads.allows(key) || checking >= MAX_CHECKING_PER_ADDRESS) {
      res.set("Retry-After", String(Math.max(1, downloads.retryAfterSeconds(key))));
      return void res.status(429).type("text/plain").send(`${RESULTS_MESSAGES.tooMany}\n`);
    }
    checkingFrom.set(key, checking + 1);
    let right: boolean;
    try {
      right = typeof secret === "string" && secret.length > 0 && secret.length <= 256 && await isHostSecret(code, secret);
    } finally {
      const left = (checkingFrom.get(key) ?? 1) - 1;
      if (left > 0) checkingFrom.set(key, left);
      else checkingFrom.delete(key);
    }
    // Unknown code and wrong secret get the same answer, so the refusal says nothing about which codes exist.
    if (!right) return wrongTries.wrong(key, res, () => void res.status(403).type("text/plain").send(`${RESULTS_MESSAGES.refused}\n`));
    downloads.spend(key);
    const csv = await store.csv(code);
    res.set("Cache-Control", "no-store");
    res.attachment(`cytokine-command-${code}-results.csv`);
    res.type("text/csv; charset=utf-8").send(csv);
  };

  app.get("/api/classroom/:code/results.csv", (req, res) => sendResults(req.get("x-host-secret"))(req, res));
  // For a plain HTML form (no script): the secret travels in the body, not the URL.
  app.post("/api/classroom/:code/results.csv", form, (req, res) => {
    const body = req.body as Record<string, unknown> | undefined;
    sendResults(req.get("x-host-secret") ?? body?.secret)(req, res);
  });

  // Bodies that are too large or malformed on these routes get a plain answer rather than express' HTML page.
  app.use("/api/classroom", (err: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    // Already answered (the request gate's 408 for a body that never came): nothing to add, and nothing to log.
    if (res.headersSent) return;
    if (err.type === "entity.too.large") return void res.status(413).json({ ok: false, error: "That request is too large." });
    if (err.status === 400) return void res.status(400).json({ ok: false, error: "That request could not be read." });
    if (err.status === undefined) {
      // the results store failed (a database out of reach): say so plainly, and keep the cause in the server's log
      console.error(`Classroom results could not be read: ${(err as unknown as Error).message}`);
      return void res.status(503).json({ ok: false, error: "The class results cannot be reached right now. Try again in a minute." });
    }
    next(err);
  });
}
