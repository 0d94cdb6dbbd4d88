// Serves the built client (dist/client): the Brotli or gzip copy the build wrote beside a file (client/precompress.ts)
// when the browser accepts it, with `Vary: Accept-Encoding`; Vite's content-hashed files under /assets/ cached for a
// year as immutable (a new build gives them new names); pages and the unhashed sprites and strings revalidated each
// time (`no-cache`, answered 304 by ETag when unchanged). Mounted by server/app.ts after the API routes.

import { existsSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import express, { type Application } from "express";

/** Vite's output names: `<name>-<8-character hash>.<ext>` under /assets/. */
const HASHED = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.(js|css|svg|png|woff2?)$/;
export const IMMUTABLE = "public, max-age=31536000, immutable";
export const REVALIDATE = "no-cache";

export function cacheControlFor(path: string): string {
  return HASHED.test(path) ? IMMUTABLE : REVALIDATE;
}

/** The best encoding of `accept` (an Accept-Encoding header) we keep copies for: br, then gzip, else none. */
export function pickEncoding(accept: string | undefined): "br" | "gzip" | null {
  if (!accept) return null;
  const offered = new Map<string, number>();
  for (const part of accept.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    offered.set(name!.trim(), q ? Number(q.slice(2)) : 1);
  }
  const ok = (name: string) => (offered.get(name) ?? offered.get("*") ?? 0) > 0;
  if (ok("br")) return "br";
  if (ok("gzip")) return "gzip";
  return null;
}

const SUFFIX = { br: ".br", gzip: ".gz" } as const;

export function mountStaticClient(app: Application, clientDir: string): void {
  app.use((req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    let path: string;
    try { path = normalize(decodeURIComponent(req.path)); } catch { return next(); }
    if (path.includes("\0") || path.split(/[\\/]/).includes("..")) return next(); // serve-static refuses these itself
    if (path.endsWith("/")) path += "index.html";
    const file = join(clientDir, path);
    if (!existsSync(file)) return next();
    res.setHeader("Cache-Control", cacheControlFor(path));
    const encoding = pickEncoding(req.get("accept-encoding"));
    const hasCopy = existsSync(file + SUFFIX.gzip) || existsSync(file + SUFFIX.br);
    if (hasCopy) res.vary("Accept-Encoding");
    if (encoding && existsSync(file + SUFFIX[encoding])) {
      // send() keeps a Content-Type already set, so the page's type is that of the original file, not of .br/.gz.
      res.type(extname(path));
      res.setHeader("Content-Encoding", encoding);
      const query = req.url.includes("?") ? req.url.slice(req.url.indexOf("?")) : "";
      req.url = path + SUFFIX[encoding] + query;
    }
    next();
  });
  // Cache-Control is set above; serve-static keeps ETag, Last-Modified, 304s, HEAD and ranges.
  app.use(express.static(clientDir, { cacheControl: false }));
}
