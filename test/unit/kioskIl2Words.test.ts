// The kiosk names IL-2 by what a visitor sees on its map. The heatmap is viridis on a log scale (client/src/play/
// colourMap.ts): the clouds a kiosk round's helpers make (tens to hundreds of pM, a few nM at most) are blue to green,
// and only 30 nM and more turns yellow; the yellow on a kiosk's screen is the rings round the glowing dendritic
// cells. So no kiosk string (English or Spanish) may call IL-2 "the yellow glow" ("Yellow means IL-2" sent visitors
// looking at the rings).

import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { encodeLevel } from "../../shared/net/fieldCodec.ts";
import { buildLevelLut } from "../../client/src/play/colourMap.ts";

const read = (lang: string) => JSON.parse(readFileSync(new URL(`../../assets/strings/${lang}.json`, import.meta.url), "utf8")) as Record<string, string>;
const lut = buildLevelLut();
const colourAt = (pm: number) => { const b = encodeLevel(pm) * 4; return [lut[b], lut[b + 1], lut[b + 2]]; };
const yellow = ([r, g, b]: number[]) => r > 180 && g > 180 && b < 100;

describe("the kiosk's words for IL-2's colour", () => {
  test("the map shows a helper cluster's IL-2 in blue to green, not yellow", () => {
    for (const pm of [30, 100, 300, 1000, 3000]) expect(yellow(colourAt(pm)), `${pm} pM`).toBe(false);
    expect(yellow(colourAt(100_000))).toBe(true); // the top of the scale, which a kiosk round does not reach
  });

  test("no string about IL-2 or the map calls it yellow, in any language", () => {
    for (const lang of ["en", "es"]) {
      for (const [key, text] of Object.entries(read(lang))) {
        if (!/IL-2|\bmap|mapa/i.test(text)) continue;
        expect(text, `${lang} ${key}`).not.toMatch(/yellow|amarill/i);
      }
    }
  });
});
