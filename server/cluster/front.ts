// The one address people open when several server processes run on one machine (`npm run start:cluster`): a small
// HTTP front that hands each request to one of the processes in turn (any of them serves the pages, the class code
// check and matchmaking, as they share Redis and the database) and each WebSocket to the process that holds its room,
// read from the connection's path (Colyseus connects to `/<processId>/<roomId>`). It writes the device's address in
// X-Forwarded-For, which the processes trust from it alone (trustedProxy.ts), and caps connections per device address
// itself. Node's http module only: the upgrade is a few lines. Made by cluster/main.ts.

import { request, Agent, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { createHttpServer } from "../http/httpServer.ts";
import { addressOf, DEFAULT_LIMITS, type HttpLimits } from "../http/limits.ts";
import { fromTrustedProxy, installTrustedProxy } from "./trustedProxy.ts";

export const FRONT_MESSAGES = {
  noProcess: "No game server process is ready yet: wait a few seconds and reload.",
  unreachable: "A game server process did not answer: reload the page.",
  roomGone: "That room's server process is not running any more.",
} as const;

/** A request body up to this size is kept by the front, so the request can be tried on another process. */
export const RETRY_BODY_BYTES = 64 * 1024;

/** The processes the front knows, by Colyseus process id, and the ones that take new requests. */
export class ProcessTable {
  private readonly byId = new Map<string, number>();
  private readonly ready: number[] = [];
  private next = 0;

  /** A process is listening on `port` with this Colyseus process id. */
  add(processId: string, port: number): void {
    this.byId.set(processId, port);
    if (!this.ready.includes(port)) this.ready.push(port);
  }

  /**
   * The process on `port` is gone, or draining: it takes no new request. Its process ids still lead to its port, so
   * the devices of its classes that try their seats again reach the process started again there, which brought
   * those classes back from their checkpoints (meanwhile their tries find nobody and are tried again).
   */
  remove(port: number): void {
    const i = this.ready.indexOf(port);
    if (i >= 0) this.ready.splice(i, 1);
  }

  /** The next process in turn for a request any of them can answer, other than those in `skip` when there is one. */
  anyPort(skip: ReadonlySet<number> = new Set()): number | undefined {
    if (!this.ready.length) return undefined;
    for (let k = 0; k < this.ready.length; k++) {
      this.next = (this.next + 1) % this.ready.length;
      if (!skip.has(this.ready[this.next])) return this.ready[this.next];
    }
    return undefined;
  }

  /** Whether a process outside `skip` takes requests (the turn is left as it is). */
  hasOther(skip: ReadonlySet<number>): boolean {
    return this.ready.some((port) => !skip.has(port));
  }

  portOf(processId: string): number | undefined {
    return this.byId.get(processId);
  }

  get size(): number {
    return this.ready.length;
  }
}

/** The Colyseus process id a WebSocket path names (`/<processId>/<roomId>?…`, after any prefix of PUBLIC_ADDRESS). */
export function processIdOf(url: string | undefined): string | undefined {
  const path = (url ?? "").split("?")[0].split("/").filter(Boolean);
  return path.length >= 2 ? path[path.length - 2] : undefined;
}

const HOP_BY_HOP = ["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"];

function forwardedHeaders(req: IncomingMessage, keepUpgrade: boolean): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || (!keepUpgrade && HOP_BY_HOP.includes(name))) continue;
    headers[name] = value;
  }
  headers["x-forwarded-for"] = addressOf(req.socket); // replaces whatever the device wrote: only ours counts
  return headers;
}

function plainAnswer(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "retry-after": "2" });
  res.end(`${text}\n`);
}

function refuseUpgrade(socket: Duplex, status: string, text: string): void {
  socket.on("error", () => {});
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
}

/** `trusted`: proxies in front of this one (TRUST_PROXY), whose X-Forwarded-For names the device. */
export function createFront(table: ProcessTable, limits: Partial<HttpLimits> = {}, trusted: readonly string[] = []): Server {
  const { server } = createHttpServer({ ...DEFAULT_LIMITS, ...limits }, fromTrustedProxy(trusted));
  installTrustedProxy(server, trusted);
  const agent = new Agent({ keepAlive: true, maxFreeSockets: 64 });

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const retriable = req.method === "GET" || req.method === "HEAD" || Number(req.headers["content-length"]) <= RETRY_BODY_BYTES;
    if (!retriable) return forward(req, res, undefined);
    // A small body (matchmaking, the class code check) is kept, so that the request can go to another process.
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.once("end", () => forward(req, res, Buffer.concat(chunks)));
  });

  /**
   * Hands the request to a process in turn. With its body at hand (`body`), a process that does not answer (gone, or a
   * kept-alive connection it closed meanwhile) is passed over for the next, and so is one that refuses matchmaking
   * with 503 (draining, or full): each ready process is tried at most once, and the last answer is passed on.
   */
  function forward(req: IncomingMessage, res: ServerResponse, body: Buffer | undefined): void {
    const tried = new Set<number>();
    let staleRetried = false;
    const matchmaking = (req.url ?? "").startsWith("/matchmake/");
    const send = () => {
      const port = table.anyPort(tried) ?? (tried.size ? undefined : table.anyPort());
      if (port === undefined) return plainAnswer(res, tried.size ? 502 : 503, tried.size ? FRONT_MESSAGES.unreachable : FRONT_MESSAGES.noProcess);
      tried.add(port);
      const canRetry = () => body !== undefined && !res.headersSent && table.hasOther(tried);
      const upstream = request({ host: "127.0.0.1", port, method: req.method, path: req.url, headers: forwardedHeaders(req, false), agent }, (answer) => {
        if (answer.statusCode === 503 && matchmaking && canRetry()) {
          answer.resume();
          return send();
        }
        const headers = { ...answer.headers };
        for (const name of HOP_BY_HOP) if (name !== "transfer-encoding") delete headers[name];
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, headers);
        answer.pipe(res);
        answer.once("error", () => res.destroy());
      });
      upstream.once("error", () => {
        if (body !== undefined && !res.headersSent && upstream.reusedSocket && !staleRetried) {
          staleRetried = true; // a kept-alive connection the process closed meanwhile: this process may be tried again
          tried.delete(port);
          return send();
        }
        if (canRetry()) return send();
        plainAnswer(res, 502, FRONT_MESSAGES.unreachable);
      });
      res.once("close", () => {
        if (!res.writableFinished) upstream.destroy();
      });
      if (body === undefined) req.pipe(upstream);
      else if (body.length) upstream.end(body);
      else upstream.end();
    };
    send();
  }

  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    const processId = processIdOf(req.url);
    const port = processId !== undefined ? table.portOf(processId) : undefined;
    if (port === undefined) return refuseUpgrade(socket, "404 Not Found", FRONT_MESSAGES.roomGone);
    const upstream = request({ host: "127.0.0.1", port, method: req.method, path: req.url, headers: forwardedHeaders(req, true) });
    upstream.once("upgrade", (answer, roomSocket, roomHead) => {
      let lines = `HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}\r\n`;
      for (let i = 0; i < answer.rawHeaders.length; i += 2) lines += `${answer.rawHeaders[i]}: ${answer.rawHeaders[i + 1]}\r\n`;
      socket.write(`${lines}\r\n`);
      if (roomHead.length) socket.write(roomHead);
      if (head.length) roomSocket.write(head);
      for (const s of [socket, roomSocket] as const) {
        (s as unknown as { setNoDelay?: (on: boolean) => void }).setNoDelay?.(true); // game traffic: no Nagle delay
        s.once("close", () => {
          socket.destroy();
          roomSocket.destroy();
        });
      }
      roomSocket.on("error", () => roomSocket.destroy());
      roomSocket.pipe(socket);
      socket.pipe(roomSocket);
    });
    upstream.once("response", (answer) => {
      // The process refused the upgrade (a foreign origin, a full server): pass its answer on and close.
      let lines = `HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}\r\nconnection: close\r\n`;
      for (let i = 0; i < answer.rawHeaders.length; i += 2) if (answer.rawHeaders[i].toLowerCase() !== "connection") lines += `${answer.rawHeaders[i]}: ${answer.rawHeaders[i + 1]}\r\n`;
      socket.write(`${lines}\r\n`);
      answer.pipe(socket);
    });
    upstream.once("error", () => refuseUpgrade(socket, "502 Bad Gateway", FRONT_MESSAGES.unreachable));
    upstream.end();
  });
  return server;
}
