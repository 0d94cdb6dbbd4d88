// The last express handler: a request that failed (a malformed path, a body that could not be read, a bug) gets a
// short plain answer instead of express' page, and nothing is logged for a visitor's own mistakes (4xx), so no one
// can fill the log with bad requests; a server fault (5xx) is logged at most once per address per interval
// (logThrottle.ts). Mounted last by server/app.ts.

import type { NextFunction, Request, Response } from "express";
import { senderLog } from "../logThrottle.ts";
import { addressOf } from "./limits.ts";

export function answerErrors(err: { status?: number; statusCode?: number; message?: string; stack?: string }, req: Request, res: Response, _next: NextFunction): void {
  const status = Number(err.status ?? err.statusCode ?? 500);
  const code = Number.isInteger(status) && status >= 400 && status < 600 ? status : 500;
  if (code >= 500) senderLog.note(addressOf(req.socket), `${req.method} ${req.path.slice(0, 100)} failed: ${err.stack ?? err.message ?? String(err)}`);
  if (res.headersSent) return;
  res.status(code).type("text/plain").send(code < 500 ? "That request could not be served.\n" : "Something went wrong on the server.\n");
}
