// Pixel statistics over decoded screenshots (png.ts) for the browser tests: colour histograms in a rectangle,
// how many distinct colours cover it, how much changed between two shots. Coordinates in screenshot pixels.

import type { Rgba } from "./png.ts";

export interface Rect { x: number; y: number; width: number; height: number }

export const wholeImage = (img: Rgba): Rect => ({ x: 0, y: 0, width: img.width, height: img.height });

/** Colours rounded to `bits` bits per channel (default 4), packed as 0xRRGGBB of the rounded values, with counts. */
export function histogram(img: Rgba, rect: Rect = wholeImage(img), bits = 4): Map<number, number> {
  const shift = 8 - bits;
  const counts = new Map<number, number>();
  const x1 = Math.min(img.width, rect.x + rect.width);
  const y1 = Math.min(img.height, rect.y + rect.height);
  for (let y = Math.max(0, rect.y); y < y1; y++) {
    for (let x = Math.max(0, rect.x); x < x1; x++) {
      const i = (y * img.width + x) * 4;
      const key = ((img.data[i] >> shift) << 16) | ((img.data[i + 1] >> shift) << 8) | (img.data[i + 2] >> shift);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** How many rounded colours cover at least `minPixels` pixels of the rectangle (ignores antialiasing specks). */
export function distinctColours(img: Rgba, rect: Rect = wholeImage(img), minPixels = 20, bits = 4): number {
  let n = 0;
  for (const count of histogram(img, rect, bits).values()) if (count >= minPixels) n++;
  return n;
}

/** Share of the rectangle's pixels for which `test(r, g, b)` holds. */
export function shareWhere(img: Rgba, rect: Rect, test: (r: number, g: number, b: number) => boolean): number {
  let hits = 0;
  let total = 0;
  const x1 = Math.min(img.width, rect.x + rect.width);
  const y1 = Math.min(img.height, rect.y + rect.height);
  for (let y = Math.max(0, rect.y); y < y1; y++) {
    for (let x = Math.max(0, rect.x); x < x1; x++) {
      const i = (y * img.width + x) * 4;
      total++;
      if (test(img.data[i], img.data[i + 1], img.data[i + 2])) hits++;
    }
  }
  return total ? hits / total : 0;
}

/** Share of pixels in the rectangle whose colour moved by more than `threshold` (sum of channel differences). */
export function changedShare(a: Rgba, b: Rgba, rect: Rect = wholeImage(a), threshold = 48): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error("screenshots of different sizes");
  let changed = 0;
  let total = 0;
  const x1 = Math.min(a.width, rect.x + rect.width);
  const y1 = Math.min(a.height, rect.y + rect.height);
  for (let y = Math.max(0, rect.y); y < y1; y++) {
    for (let x = Math.max(0, rect.x); x < x1; x++) {
      const i = (y * a.width + x) * 4;
      total++;
      const d = Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) + Math.abs(a.data[i + 2] - b.data[i + 2]);
      if (d > threshold) changed++;
    }
  }
  return total ? changed / total : 0;
}

/** Hue in degrees (0..360) and saturation (0..1) of an sRGB colour, for telling heatmap and sprite colours apart. */
export function hueSat(r: number, g: number, b: number): { hue: number; sat: number; value: number } {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  let hue = 0;
  if (d > 0) {
    if (max === r) hue = ((g - b) / d) % 6;
    else if (max === g) hue = (b - r) / d + 2;
    else hue = (r - g) / d + 4;
    hue = (hue * 60 + 360) % 360;
  }
  return { hue, sat: max ? d / max : 0, value: max / 255 };
}
