// The HTTP limits every route shares: timeouts, body sizes, connections and seat reservations per address, and
// how long a wrong try waits once an address is over its budget. Defaults here; server/app.ts takes overrides
// (tests shorten them, main.ts reads a few from the environment). Read by httpServer.ts and requestGate.ts.

export interface HttpLimits {
  /** A connection must finish sending a request's headers within this (slowloris). */
  headersTimeoutMs: number;
  /** A whole request (headers and body) must arrive within this. */
  requestTimeoutMs: number;
  /** A matchmaking body must arrive within this once its headers are in (bodies are a few hundred bytes). */
  bodyTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** How often Node checks the two timeouts above (its default, 30 s, would let them run long). */
  timeoutCheckMs: number;
  /** Largest request head (request line and headers). */
  maxHeaderBytes: number;
  /** Largest body of a `/matchmake/*` request (room options; a teacher's secret). */
  matchmakeBodyBytes: number;
  /** Largest body of any other request (the classroom routes take a code or a secret). */
  otherBodyBytes: number;
  /** Open TCP connections (HTTP and WebSocket) one address may hold at once. */
  connectionsPerAddress: number;
  /** Seat reservations (joinById) one address may make per minute, in a burst of as many. */
  reservationsPerMinute: number;
  /**
   * Results downloads (right secret) one address may make per minute, in a burst of as many: a class's CSV takes up to
   * ~85 ms of the event loop every room shares to build (100 rounds of 40 students), and anyone who opened a class
   * has a right secret.
   */
  resultsDownloadsPerMinute: number;
  /**
   * A wrong code or secret from an address past its budget is answered 429 only after this delay, so one address
   * (at most connectionsPerAddress requests at once) learns at most connectionsPerAddress / delay answers a second.
   */
  wrongTryDelayMs: number;
}

export const DEFAULT_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  bodyTimeoutMs: 5_000,
  keepAliveTimeoutMs: 5_000,
  timeoutCheckMs: 1_000,
  maxHeaderBytes: 16 * 1024,
  matchmakeBodyBytes: 4 * 1024,
  otherBodyBytes: 1024,
  // A school's whole class behind one address: ~40 browsers, each a WebSocket and a few page loads at once.
  connectionsPerAddress: 256,
  reservationsPerMinute: 90,
  resultsDownloadsPerMinute: 10,
  wrongTryDelayMs: 10_000,
};

/** Reads a positive whole number from the environment (name for the error), or undefined when unset. */
export function positiveIntFromEnv(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number above 0, not "${raw}"`);
  return n;
}

/** The address a request or connection is counted against: the socket's peer, IPv4-mapped IPv6 shown as IPv4. */
export function addressOf(socket: { remoteAddress?: string }): string {
  const a = socket.remoteAddress ?? "unknown";
  return a.startsWith("::ffff:") ? a.slice(7) : a;
}
