// The parts of Phaser this game uses, for the browser build (client/vite.config.ts points "phaser" here): Phaser's
// own core set (scenes, cameras, images, graphics, text, input, loader, textures, tweens, time, scale, filters) plus
// the loader's events and SVG files, and Math.Distance, which the core set leaves out. No physics, tilemaps, sound or
// other game objects: 211 KB gzipped against 353 KB for the whole of Phaser. TypeScript still reads Phaser's own types
// (the names are the same). Checked by test/unit/phaserLean.test.ts and run by every browser test.

import Phaser from "../../node_modules/phaser/src/phaser-core.js";
import Loader from "../../node_modules/phaser/src/loader/index.js";
import Distance from "../../node_modules/phaser/src/math/distance/index.js";

// The whole loader namespace (its events and the SVG file type; each file type registers itself on import).
Phaser.Loader = Loader;
Phaser.Math.Distance = Distance;

export default Phaser;
