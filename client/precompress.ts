// A build step (a Vite plugin, client/vite.config.ts) that writes a Brotli (.br) and a gzip (.gz) copy beside each
// text file of the built client, so the server sends compressed bytes without compressing per request
// (server/http/staticClient.ts picks the copy the browser accepts). node:zlib only; runs once per `npm run build`.

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin } from "vite";

/** File kinds worth compressing (images such as PNG are compressed already). */
export const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|md|map)$/;
/**
 * Below this many bytes a compressed copy saves next to nothing. Small enough that the bundler's small shared chunks
 * (its ~0.6 KB runtime) are compressed too: every script the page loads then arrives compressed.
 */
const MIN_BYTES = 256;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Writes `<file>.br` and `<file>.gz` for each compressible file under `dir` that they make smaller. */
export function precompressDir(dir: string): { files: number; rawBytes: number; gzipBytes: number; brotliBytes: number } {
  const total = { files: 0, rawBytes: 0, gzipBytes: 0, brotliBytes: 0 };
  for (const path of [...files(dir)]) {
    if (!COMPRESSIBLE.test(path)) continue;
    const raw = readFileSync(path);
    if (raw.length < MIN_BYTES) continue;
    const gz = gzipSync(raw, { level: 9 });
    const br = brotliCompressSync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 10, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    });
    if (gz.length < raw.length) writeFileSync(`${path}.gz`, gz);
    if (br.length < raw.length) writeFileSync(`${path}.br`, br);
    total.files++; total.rawBytes += raw.length; total.gzipBytes += gz.length; total.brotliBytes += br.length;
  }
  return total;
}

export function precompress(outDir: string): Plugin {
  return {
    name: "cytokine:precompress",
    apply: "build",
    closeBundle(error?: Error) {
      // A failed build has nothing to compress, and its own error is the one to read.
      if (error || !existsSync(outDir)) return;
      const t = precompressDir(outDir);
      const kb = (n: number) => (n / 1024).toFixed(0);
      console.log(`precompressed ${t.files} files: ${kb(t.rawBytes)} KB → gzip ${kb(t.gzipBytes)} KB, brotli ${kb(t.brotliBytes)} KB`);
    },
  };
}
