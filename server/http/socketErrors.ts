// A WebSocket's errors (a frame over the size limit, a broken frame) are the sender's doing: Colyseus logs each with
// its stack, so a visitor opening sockets could fill the log. This routes them through the per-sender throttle
// (logThrottle.ts: one line per address per interval). Installed on the transport's WebSocket server by app.ts.

import type { IncomingMessage } from "node:http";
import type { EventEmitter } from "node:events";
import { senderLog } from "../logThrottle.ts";
import { addressOf } from "./limits.ts";

type Listener = (...args: unknown[]) => void;

export function throttleSocketErrors(wss: EventEmitter): void {
  // First of the 'connection' listeners, so the transport's own error logger is registered through this one.
  wss.prependListener("connection", (ws: EventEmitter, req: IncomingMessage) => {
    const address = addressOf(req.socket);
    const on = ws.on.bind(ws);
    ws.on = ((event: string | symbol, listener: Listener) => {
      if (event !== "error") return on(event, listener);
      return on(event, (err: unknown) => void senderLog.note(address, `WebSocket: ${(err as Error)?.message ?? String(err)}`));
    }) as typeof ws.on;
  });
}
