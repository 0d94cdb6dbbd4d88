// The game's HTTP server, made here rather than by the WebSocket transport so its timeouts are ours: a request's
// head must arrive in headersTimeoutMs and the whole request in requestTimeoutMs (checked every timeoutCheckMs),
// idle keep-alive connections close after keepAliveTimeoutMs, heads are capped in size, and each address may hold
// only so many connections. Called by server/app.ts.

import { createServer, type Server } from "node:http";
import { capConnections, type ConnectionCap } from "./connectionCap.ts";
import type { HttpLimits } from "./limits.ts";

export function createHttpServer(limits: HttpLimits, exempt?: (address: string) => boolean): { server: Server; connections: ConnectionCap } {
  const server = createServer({
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: limits.timeoutCheckMs,
    maxHeaderSize: limits.maxHeaderBytes,
  });
  return { server, connections: capConnections(server, limits.connectionsPerAddress, exempt) };
}
