// The browser build's lean Phaser (client/phaser/phaserLean.js: Phaser's core set plus what it adds) holds every
// Phaser namespace the game's code names, and the methods scenes call on their loader and factory. The browser tests
// (test/e2e) run the game on it; this catches a new `Phaser.Something` before a browser does.

import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
const core = readFileSync(join(root, "node_modules/phaser/src/phaser-core.js"), "utf8");
const lean = readFileSync(join(root, "client/phaser/phaserLean.js"), "utf8");

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.ts$/.test(name)) yield readFileSync(path, "utf8");
  }
}
const code = [...sources(join(root, "client/src"))].join("\n");

/** `Phaser.A` and `Phaser.A.B` names the game's code uses (types and values alike). */
function namesUsed(): Set<string> {
  const names = new Set<string>();
  for (const m of code.matchAll(/\bPhaser\.([A-Z][A-Za-z0-9]*)(?:\.([A-Za-z][A-Za-z0-9]*))?/g)) names.add(m[2] ? `${m[1]}.${m[2]}` : m[1]);
  return names;
}

/** Whether the lean set has `Phaser.A` (a key of the core set's namespace object, or one phaserLean.js sets). */
const hasTop = (a: string) => new RegExp(`^ {4}${a}:`, "m").test(core) || lean.includes(`Phaser.${a} =`) || a === "AUTO";

describe("the lean Phaser of the browser build", () => {
  test("has every top-level Phaser namespace the game names", () => {
    const missing = [...namesUsed()].map((n) => n.split(".")[0]).filter((a, i, all) => all.indexOf(a) === i && !hasTop(a));
    expect(missing).toEqual([]);
  });

  test("has the nested names the core set leaves out only where phaserLean.js adds them", () => {
    // Math in the core set is a short list; the loader's events come with the whole loader namespace.
    const mathUsed = [...namesUsed()].filter((n) => n.startsWith("Math.")).map((n) => n.slice(5));
    const coreMath = core.slice(core.indexOf("Math: {"), core.indexOf("}", core.indexOf("Math: {")));
    const missing = mathUsed.filter((m) => !coreMath.includes(`${m}:`) && !lean.includes(`Phaser.Math.${m} =`));
    expect(missing).toEqual([]);
    if ([...namesUsed()].some((n) => n.startsWith("Loader."))) expect(lean).toContain("Phaser.Loader = Loader");
  });

  test("keeps the SVG file type that the scenes load their sprites with", () => {
    const loaderIndex = readFileSync(join(root, "node_modules/phaser/src/loader/filetypes/index.js"), "utf8");
    expect(code).toMatch(/this\.load\.svg\(/);
    expect(loaderIndex).toMatch(/SVGFile/);
  });
});
