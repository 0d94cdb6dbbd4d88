// The IL-2 heatmap's colours: field level bytes (already a log scale, fieldCodec.ts) to RGBA through viridis, a
// colour-blind-safe map that also reads in greyscale. Pure; used by FieldLayer and tests.

/** Viridis at nine evenly spaced stops (matplotlib's values), dark purple (none) to yellow (most). */
const VIRIDIS: readonly [number, number, number][] = [
  [0x44, 0x01, 0x54], [0x48, 0x28, 0x78], [0x3e, 0x4a, 0x89], [0x31, 0x68, 0x8e], [0x26, 0x82, 0x8e],
  [0x1f, 0x9e, 0x89], [0x35, 0xb7, 0x79], [0x6e, 0xce, 0x58], [0xfd, 0xe7, 0x25],
];

/** Background shown where there is no IL-2 at all (byte 0): the page's dark blue-grey. */
export const NO_IL2_RGB: readonly [number, number, number] = [0x0d, 0x12, 0x18];

/** Viridis at t in 0..1, as [r, g, b] 0..255. */
export function viridis(t: number): [number, number, number] {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(u));
  const f = u - i, a = VIRIDIS[i], b = VIRIDIS[i + 1];
  return [Math.round(a[0] + (b[0] - a[0]) * f), Math.round(a[1] + (b[1] - a[1]) * f), Math.round(a[2] + (b[2] - a[2]) * f)];
}

/**
 * A 256-entry RGBA table, one entry per level byte. Byte 0 is the background; bytes from `lowByte` to 255 span the
 * whole map, so the range where cells actually respond (about 1 pM to 10 nM) gets most of the colours.
 */
export function buildLevelLut(lowByte = 30): Uint8Array {
  const lut = new Uint8Array(256 * 4);
  for (let b = 0; b < 256; b++) {
    const rgb = b === 0 ? NO_IL2_RGB : viridis((b - lowByte) / (255 - lowByte));
    lut.set([rgb[0], rgb[1], rgb[2], 255], b * 4);
  }
  return lut;
}

/** Colours `levels` (one byte per voxel) into `rgba` (four bytes per voxel) in place. */
export function colourLevels(levels: Uint8Array, lut: Uint8Array, rgba: Uint8Array): void {
  const n = Math.min(levels.length, rgba.length >> 2);
  for (let i = 0; i < n; i++) {
    const o = levels[i] << 2, p = i << 2;
    rgba[p] = lut[o]; rgba[p + 1] = lut[o + 1]; rgba[p + 2] = lut[o + 2]; rgba[p + 3] = lut[o + 3];
  }
}
