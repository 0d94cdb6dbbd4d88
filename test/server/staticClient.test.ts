// The built client as the server sends it: the build step's Brotli and gzip copies (client/precompress.ts) go to
// browsers that accept them, with the original's type and `Vary: Accept-Encoding`; Vite's hashed files carry a year
// of immutable caching, pages revalidate; the security headers stay on every answer (server/http/staticClient.ts).

import { request } from "node:http";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { precompressDir } from "../../client/precompress.ts";
import { pickEncoding } from "../../server/http/staticClient.ts";
import { startTestServer, type TestServer } from "./startTestServer.ts";

let ts: TestServer;
let clientDir: string;
const JS = `export const words = ${JSON.stringify("IL-2 ".repeat(2000))};\n`;
const HTML = `<!doctype html><title>test build</title><p>${"menu ".repeat(400)}</p>`;
const JS_PATH = "/assets/index-Ab3_x-9Z.js";

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

/** A raw GET (node:http does not decompress, unlike fetch). */
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const url = new URL(path, ts.baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  clientDir = await mkdtemp(join(tmpdir(), "cytokine-static-"));
  await mkdir(join(clientDir, "assets"));
  await mkdir(join(clientDir, "sprites"));
  await writeFile(join(clientDir, "index.html"), HTML);
  await writeFile(join(clientDir, JS_PATH), JS);
  await writeFile(join(clientDir, "sprites/cell.svg"), `<svg xmlns="http://www.w3.org/2000/svg">${"<circle r='1'/>".repeat(200)}</svg>`);
  await writeFile(join(clientDir, "assets/tiny-Zz9Yy8Xx.js"), "export {};\n"); // too small to be worth a copy
  const made = precompressDir(clientDir);
  expect(made.files).toBe(3);
  ts = await startTestServer(clientDir);
});

afterAll(async () => {
  await ts?.stop();
  if (clientDir) await rm(clientDir, { recursive: true, force: true });
});

describe("compressed answers", () => {
  test("a browser that accepts Brotli gets the Brotli copy, typed as JavaScript, varying by Accept-Encoding", async () => {
    const a = await get(JS_PATH, { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(a.status).toBe(200);
    expect(a.headers["content-encoding"]).toBe("br");
    expect(a.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(String(a.headers.vary)).toMatch(/Accept-Encoding/i);
    expect(a.body.length).toBeLessThan(JS.length / 10);
    expect(brotliDecompressSync(a.body).toString()).toBe(JS);
  });

  test("gzip only: the gzip copy; nothing accepted (or br refused with q=0): the file as it is", async () => {
    const gz = await get(JS_PATH, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(JS);
    const plain = await get(JS_PATH, { "accept-encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(JS);
    const noBr = await get(JS_PATH, { "accept-encoding": "br;q=0, gzip;q=0.5" });
    expect(noBr.headers["content-encoding"]).toBe("gzip");
  });

  test("the page itself and unhashed sprites come compressed too, with their own types", async () => {
    const page = await get("/?code=ABCD", { "accept-encoding": "gzip, br" });
    expect(page.headers["content-encoding"]).toBe("br");
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(brotliDecompressSync(page.body).toString()).toBe(HTML);
    const svg = await get("/sprites/cell.svg", { "accept-encoding": "gzip" });
    expect(svg.headers["content-encoding"]).toBe("gzip");
    expect(svg.headers["content-type"]).toMatch(/^image\/svg\+xml/);
  });

  test("a file too small for a copy is sent as it is", async () => {
    const a = await get("/assets/tiny-Zz9Yy8Xx.js", { "accept-encoding": "br" });
    expect(a.status).toBe(200);
    expect(a.headers["content-encoding"]).toBeUndefined();
    expect(a.body.toString()).toBe("export {};\n");
  });

  test("the header's preferences are read as written", () => {
    expect(pickEncoding("gzip, deflate, br")).toBe("br");
    expect(pickEncoding("gzip")).toBe("gzip");
    expect(pickEncoding("br;q=0, gzip")).toBe("gzip");
    expect(pickEncoding("*")).toBe("br");
    expect(pickEncoding("identity")).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
  });
});

describe("caching", () => {
  test("hashed assets are immutable for a year; the page and sprites revalidate, and an unchanged page is a 304", async () => {
    const js = await get(JS_PATH, { "accept-encoding": "br" });
    expect(js.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const page = await get("/", { "accept-encoding": "br" });
    expect(page.headers["cache-control"]).toBe("no-cache");
    const svg = await get("/sprites/cell.svg");
    expect(svg.headers["cache-control"]).toBe("no-cache");
    const etag = String(page.headers.etag);
    const again = await get("/", { "accept-encoding": "br", "if-none-match": etag });
    expect(again.status).toBe(304);
  });

  test("the security headers stay on compressed answers, and no path leaves the client directory", async () => {
    const page = await get("/", { "accept-encoding": "br" });
    expect(page.headers["content-security-policy"]).toMatch(/script-src 'self'/);
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    const js = await get(JS_PATH, { "accept-encoding": "gzip" });
    expect(js.headers["content-security-policy"]).toMatch(/default-src 'self'/);
    const escape = await get("/assets/..%2f..%2f..%2fetc%2fpasswd", { "accept-encoding": "br" });
    expect(escape.status).not.toBe(200);
  });
});
