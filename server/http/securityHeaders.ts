// What every answer carries so a browser keeps the game's pages to themselves: a Content-Security-Policy with no
// inline script or style, nosniff, no framing (the kiosk page may be framed by the server's own pages), no referrer
// (join codes travel in the page's URL), and CORS that names only the server's own origin or configured ones.
// Used by requestGate.ts; app.ts hands Colyseus' matchmaker the same origin rule.

import type { IncomingHttpHeaders, ServerResponse } from "node:http";

/** Pages that a museum may frame from the server's own origin; every other page refuses all framing. */
const FRAMEABLE = /^\/kiosk(\.html)?(\?|$)/;

function policy(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    // Phaser turns SVG sprites into images through blob: URLs and keeps its built-in textures as data: URLs.
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    // 'self' covers ws:// and wss:// to the same host and port (CSP level 3).
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}
const STRICT = policy("'none'");
const KIOSK = policy("'self'");

export function setSecurityHeaders(url: string, res: ServerResponse): void {
  const kiosk = FRAMEABLE.test(url);
  res.setHeader("Content-Security-Policy", kiosk ? KIOSK : STRICT);
  res.setHeader("X-Frame-Options", kiosk ? "SAMEORIGIN" : "DENY");
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
}

/**
 * Whether a request's Origin may call this server: none (not a browser's cross-origin call), the server's own
 * (same host and port as the Host header, or as X-Forwarded-Host behind a proxy that rewrites Host: a page on
 * another origin cannot set that header without a preflight, which is refused), or one of `allowed` (exact
 * origins, e.g. "https://school.example").
 */
export function originAllowed(headers: IncomingHttpHeaders | Headers, allowed: readonly string[]): boolean {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const origin = get("origin");
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    const u = new URL(origin);
    const forwarded = get("x-forwarded-host")?.split(",")[0]?.trim();
    return (u.protocol === "http:" || u.protocol === "https:") && (u.host === get("host") || (forwarded !== undefined && u.host === forwarded));
  } catch {
    return false;
  }
}

/** The CORS headers Colyseus adds to each answer: the caller's origin echoed only when it is allowed. */
export function corsHeadersFor(headers: Headers, allowed: readonly string[]): Record<string, string> {
  const origin = headers.get("origin");
  if (origin === null || !originAllowed(headers, allowed)) return { Vary: "Origin" };
  return { "Access-Control-Allow-Origin": origin, "Access-Control-Allow-Credentials": "true", Vary: "Origin" };
}

/** Colyseus' defaults minus its `Access-Control-Allow-Origin: *` and credentials for everyone. */
export const BASE_CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Headers": "Content-Type, Accept, X-Host-Secret",
  "Access-Control-Allow-Methods": "GET, HEAD, POST",
  "Access-Control-Max-Age": "600",
};
