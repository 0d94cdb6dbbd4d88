// Behind a reverse proxy (start:cluster's front, or nginx in front of several machines) every connection comes from
// the proxy, so the per-address limits would count a whole school district as one address. For a connection from an
// address in TRUST_PROXY, this takes the device's address from the last X-Forwarded-For entry (the one that proxy
// wrote) and makes it the socket's remoteAddress for that request, before the request gate and the rooms read it.
// From any other address the header is ignored (anyone can write it). Installed by server/app.ts.

import type { IncomingMessage, Server } from "node:http";
import { isIP } from "node:net";

/** The addresses in TRUST_PROXY (comma-separated); IPv4-mapped IPv6 is written as IPv4. Throws on a non-address. */
export function trustedProxiesFromEnv(raw: string | undefined): string[] {
  const list = (raw ?? "").split(",").map((a) => a.trim()).filter(Boolean).map((a) => (a.startsWith("::ffff:") ? a.slice(7) : a));
  for (const a of list) if (!isIP(a)) throw new Error(`TRUST_PROXY lists the addresses of your reverse proxies (e.g. "127.0.0.1,10.0.0.5"), not "${a}"`);
  return list;
}

/** The address the proxy saw: the last X-Forwarded-For entry, or undefined when there is no usable one. */
export function forwardedAddress(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header.join(",") : header;
  const last = value?.split(",").pop()?.trim();
  if (!last) return undefined;
  const plain = last.startsWith("::ffff:") ? last.slice(7) : last;
  return isIP(plain) ? plain : undefined;
}

const PEER = Symbol("proxyPeer");
type Tagged = IncomingMessage["socket"] & { [PEER]?: string };

/** The socket's own peer (the proxy), however often its remoteAddress was set from a forwarded header. */
function peerOf(socket: Tagged): string {
  if (socket[PEER] === undefined) {
    const a = socket.remoteAddress ?? "";
    socket[PEER] = a.startsWith("::ffff:") ? a.slice(7) : a;
  }
  return socket[PEER];
}

/** Whether this connection comes from a trusted proxy (its per-address connection cap is the proxy's job). */
export function fromTrustedProxy(trusted: readonly string[]) {
  return (address: string): boolean => trusted.includes(address);
}

/**
 * Wraps the server's `emit` so each request and upgrade from a trusted proxy carries the device's address. Set per
 * request: over one keep-alive connection from the proxy, requests come one after another, each with its own header.
 */
export function installTrustedProxy(server: Server, trusted: readonly string[]): void {
  if (!trusted.length) return;
  const emit = server.emit.bind(server) as (event: string | symbol, ...args: unknown[]) => boolean;
  server.emit = function forwardedEmit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request" || event === "upgrade") {
      const req = args[0] as IncomingMessage;
      const socket = req.socket as Tagged;
      if (trusted.includes(peerOf(socket))) {
        const device = forwardedAddress(req.headers["x-forwarded-for"]) ?? peerOf(socket);
        Object.defineProperty(socket, "remoteAddress", { value: device, configurable: true, writable: true });
      }
    }
    return emit(event, ...args);
  } as typeof server.emit;
}
