// Tools of a hostile visitor for the abuse suite, all on loopback: raw HTTP requests from a chosen local address
// (127.0.0.2 stands for another visitor than the test's honest clients on 127.0.0.1), bodies sent slowly or never,
// idle sockets, and raw frames on a room's WebSocket. Used by test/server/abuse*.test.ts.

import { request, type IncomingHttpHeaders } from "node:http";
import { connect, type Socket } from "node:net";

export const ATTACKER = "127.0.0.2";

export interface RawAnswer { status: number; headers: IncomingHttpHeaders; body: string }

export interface RawRequest {
  port: number;
  method?: string;
  path: string;
  headers?: Record<string, string | number>;
  /** Sent in order; a number is a pause in milliseconds. Without `end: false` the request is then ended. */
  body?: (string | Buffer | number)[];
  end?: boolean;
  from?: string;
}

/** One request on a new connection; resolves with the answer, or rejects when the server closes without one. */
export function rawRequest(r: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: r.port, method: r.method ?? "GET", path: r.path, headers: r.headers, localAddress: r.from ?? "127.0.0.1", agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => { if (body.length < 10_000) body += c; });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on("error", reject);
    });
    req.on("error", reject);
    void (async () => {
      for (const part of r.body ?? []) {
        if (typeof part === "number") await new Promise((w) => setTimeout(w, part));
        else if (!req.destroyed && !req.write(part)) await new Promise((w) => req.once("drain", w));
      }
      if (r.end !== false) req.end();
    })();
  });
}

/** Opens `n` TCP connections from `from` and resolves with them once each connected or failed. */
export async function openSockets(port: number, n: number, from: string): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < n; i++) {
    sockets.push(await new Promise<Socket>((resolve) => {
      const s = connect({ host: "127.0.0.1", port, localAddress: from }, () => resolve(s));
      s.on("error", () => resolve(s));
    }));
  }
  return sockets;
}

/** Resolves with what the server wrote on `socket` until it closed it, or null if still open after `ms`. */
export function closedWithin(socket: Socket, ms: number): Promise<string | null> {
  return new Promise((resolve) => {
    if (socket.destroyed) return resolve("");
    let text = "";
    socket.on("data", (d) => { text += d.toString(); });
    const timer = setTimeout(() => resolve(null), ms);
    socket.once("close", () => {
      clearTimeout(timer);
      resolve(text);
    });
  });
}

/** A Colyseus ROOM_DATA frame whose message type is `typeBytes` (a msgpack fixstr), with no payload. */
export function dataFrame(typeBytes: number[]): Uint8Array {
  return new Uint8Array([13, 0xa0 | typeBytes.length, ...typeBytes]);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
