// A build step (a Vite plugin, client/vite.config.ts) that answers the feature flags Phaser's source asks of its
// own bundler (`typeof WEBGL_RENDERER` and the like), so the lean Phaser (phaser/phaserLean.js) builds from source:
// both renderers kept (WebGL, and canvas for a device without it), no sound, no WebGL debugging.

import type { Plugin } from "vite";

/** Each flag Phaser's source tests with `typeof`, and whether this game's build keeps it. */
export const PHASER_FLAGS: Record<string, boolean> = {
  WEBGL_RENDERER: true,
  CANVAS_RENDERER: true,
  WEBGL_DEBUG: false,
  FEATURE_SOUND: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
};

/** Replaces `typeof FLAG` in Phaser's source files with the flag's value, and its bundler's `global` with the browser's. */
export function phaserFlags(): Plugin {
  const pattern = new RegExp(`typeof (${Object.keys(PHASER_FLAGS).join("|")})\\b`, "g");
  return {
    name: "phaser-flags",
    enforce: "pre",
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]phaser[\\/]src[\\/]/.test(id)) return null;
      const out = code
        .replace(pattern, (_, flag: string) => JSON.stringify(PHASER_FLAGS[flag]))
        .replace(/\bglobal\.Phaser\b/g, "globalThis.Phaser");
      return out === code ? null : { code: out, map: null };
    },
  };
}
