// The IL-2 field on the wire: one byte per voxel on a log scale from 0.1 pM to 100 nM (about 5.6% per step), so
// a 128×96 patch is 12 KB before compression. Runs in the server (encode) and the client (decode to pM or colour).

/** Concentrations at or below this (pM) are sent as 0. */
export const FIELD_FLOOR_PM = 0.1;
/** Concentrations at or above this (pM) are sent as 255. */
export const FIELD_CEILING_PM = 100_000;

const STEPS = 254;
const LOG_FLOOR = Math.log(FIELD_FLOOR_PM);
const LOG_SPAN = Math.log(FIELD_CEILING_PM) - LOG_FLOOR;

/** One voxel's byte: 0 for ≤ floor, 1..255 on a log scale up to the ceiling. Non-numbers count as 0. */
export function encodeLevel(pm: number): number {
  if (!(pm > FIELD_FLOOR_PM)) return 0;
  if (pm >= FIELD_CEILING_PM) return 255;
  return 1 + Math.round(((Math.log(pm) - LOG_FLOOR) / LOG_SPAN) * STEPS);
}

/** The concentration (pM) a byte stands for; 0 for byte 0. */
export function decodeLevel(byte: number): number {
  if (byte <= 0) return 0;
  return Math.exp(LOG_FLOOR + ((Math.min(byte, 255) - 1) / STEPS) * LOG_SPAN);
}

/** Writes the whole field into `out` (one byte per voxel, same order) and returns it. */
export function encodeField(field: ArrayLike<number>, out: Uint8Array = new Uint8Array(field.length)): Uint8Array {
  if (out.length !== field.length) throw new Error(`field codec: ${field.length} voxels need ${field.length} bytes, got ${out.length}`);
  for (let i = 0; i < field.length; i++) out[i] = encodeLevel(field[i]);
  return out;
}

/** Decodes bytes back to pM into `out`. */
export function decodeField(bytes: Uint8Array, out: Float32Array = new Float32Array(bytes.length)): Float32Array {
  for (let i = 0; i < bytes.length; i++) out[i] = decodeLevel(bytes[i]);
  return out;
}
