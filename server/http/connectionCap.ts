// Caps the TCP connections (HTTP and WebSocket alike) one address may hold open at once, so one visitor cannot use
// up the server's file descriptors with slow or idle connections. A connection over the cap is answered 503 in one
// line and closed. Installed on the HTTP server by httpServer.ts.

import type { Server } from "node:http";
import type { Socket } from "node:net";
import { addressOf } from "./limits.ts";

const REFUSAL = "Too many connections from your network at once. Close some tabs or wait a moment.\n";

export interface ConnectionCap {
  /** Open connections from this address now. */
  openFrom(address: string): number;
}

/** `exempt`: addresses not capped here (a trusted reverse proxy, which caps its own devices: cluster/trustedProxy.ts). */
export function capConnections(server: Server, perAddress: number, exempt: (address: string) => boolean = () => false): ConnectionCap {
  const open = new Map<string, number>();
  server.on("connection", (socket: Socket) => {
    const address = addressOf(socket);
    if (exempt(address)) return;
    const n = (open.get(address) ?? 0) + 1;
    if (n > perAddress) {
      socket.on("error", () => {});
      socket.end(`HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: ${REFUSAL.length}\r\nConnection: close\r\nRetry-After: 5\r\n\r\n${REFUSAL}`);
      socket.destroySoon();
      return;
    }
    open.set(address, n);
    socket.once("close", () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
  return { openFrom: (address) => open.get(address) ?? 0 };
}
