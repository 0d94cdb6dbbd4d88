// Builds the browser client from client/ into dist/client, which the game server serves on its own port.
// `npm run build` uses it; `npm run dev` serves the client with hot reload (run `npm start` alongside for /health).

import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { precompress } from "./precompress.ts";
import { phaserFlags } from "./phaser/phaserFlags.ts";

const GAME_SERVER = "http://127.0.0.1:2567";
const OUT_DIR = fileURLToPath(new URL("../dist/client", import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  // The project's own art and strings (assets/) are served as they are: /sprites/cd4.svg, /strings/en.json.
  publicDir: fileURLToPath(new URL("../assets", import.meta.url)),
  // Each text file also as .br and .gz, served by server/http/staticClient.ts to browsers that accept them.
  plugins: [phaserFlags(), precompress(OUT_DIR)],
  // The game imports "phaser"; the browser gets the lean set it uses (phaser/phaserLean.js), built from Phaser's source.
  resolve: { alias: [{ find: /^phaser$/, replacement: fileURLToPath(new URL("phaser/phaserLean.js", import.meta.url)) }] },
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    // Phaser's lean set is one ~0.7 MB chunk; warn only if something grows past it.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      // Two pages: the game (index.html) and the museum kiosk (kiosk.html, client/src/kiosk/).
      input: {
        index: fileURLToPath(new URL("index.html", import.meta.url)),
        kiosk: fileURLToPath(new URL("kiosk.html", import.meta.url)),
      },
      output: {
        // Phaser in its own file: it changes less often than the game code, so browsers keep it cached.
        codeSplitting: { groups: [{ name: "phaser", test: /[\\/]node_modules[\\/]phaser[\\/]/ }] },
      },
    },
  },
  server: {
    host: "127.0.0.1",
    proxy: { "/health": GAME_SERVER },
  },
  preview: { host: "127.0.0.1" },
});
