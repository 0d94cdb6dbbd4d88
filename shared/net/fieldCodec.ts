// The IL-2 field on the wire: one byte per voxel on a log scale from 0.1 pM to 100 nM (about 5.6% per step), so
// a 128×96 patch is 12 KB before compression. Runs in the server (encode, five times a second per room) and the
// client (decode to pM or colour).

/** Concentrations at or below this (pM) are sent as 0. */
export const FIELD_FLOOR_PM = 0.1;
/** Concentrations at or above this (pM) are sent as 255. */
export const FIELD_CEILING_PM = 100_000;

const STEPS = 254;
const LOG_FLOOR = Math.log(FIELD_FLOOR_PM);
const LOG_SPAN = Math.log(FIELD_CEILING_PM) - LOG_FLOOR;

/**
 * UP[L]: the smallest concentration whose byte is above L (1 ≤ L ≤ 254), the midpoint in log scale between levels L
 * and L + 1, so a byte is 1 + round(position on the log scale × 254). Bytes are counted against these thresholds
 * rather than by a logarithm per voxel: the same answer, several times faster over a whole field.
 */
const UP = new Float64Array(STEPS + 2);
for (let level = 1; level <= STEPS; level++) UP[level] = Math.exp(LOG_FLOOR + ((level - 0.5) / STEPS) * LOG_SPAN);
UP[STEPS + 1] = Infinity;

/** One voxel's byte: 0 for ≤ floor, 1..255 on a log scale up to the ceiling. Non-numbers count as 0. */
export function encodeLevel(pm: number): number {
  if (!(pm > FIELD_FLOOR_PM)) return 0;
  if (pm >= FIELD_CEILING_PM) return 255;
  // Binary search for the first threshold above pm.
  let lo = 1, hi = STEPS + 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pm >= UP[mid]) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The concentration (pM) a byte stands for; 0 for byte 0. */
export function decodeLevel(byte: number): number {
  if (byte <= 0) return 0;
  return Math.exp(LOG_FLOOR + ((Math.min(byte, 255) - 1) / STEPS) * LOG_SPAN);
}

// Fast path for a whole field of float64: the high 32 bits of a positive double hold its exponent and the top 20 bits
// of its mantissa; keeping the top 5 of those cuts each octave into 32 buckets (each under 3.2% wide, narrower than one
// level's 5.6%), so a bucket holds at most one threshold and its lowest byte is the answer or one below it.
const BUCKET_SHIFT = 15;
const bits = new Float64Array(1);
const bitsHi = new Uint32Array(bits.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
function bucketOf(pm: number): number {
  bits[0] = pm;
  return bitsHi[HI] >>> BUCKET_SHIFT;
}
const FIRST_BUCKET = bucketOf(FIELD_FLOOR_PM);
/** START[b]: the byte at the low edge of bucket FIRST_BUCKET + b (at least 1: only values above the floor get here). */
const START = new Uint8Array(bucketOf(FIELD_CEILING_PM) - FIRST_BUCKET + 1);
for (let b = 0; b < START.length; b++) {
  bitsHi[HI] = (FIRST_BUCKET + b) << BUCKET_SHIFT;
  bitsHi[1 - HI] = 0;
  START[b] = Math.max(1, encodeLevel(bits[0]));
}

/** Writes the whole field into `out` (one byte per voxel, same order) and returns it. */
export function encodeField(field: ArrayLike<number>, out: Uint8Array = new Uint8Array(field.length)): Uint8Array {
  if (out.length !== field.length) throw new Error(`field codec: ${field.length} voxels need ${field.length} bytes, got ${out.length}`);
  if (!(field instanceof Float64Array)) {
    for (let i = 0; i < field.length; i++) out[i] = encodeLevel(field[i]);
    return out;
  }
  const words = new Uint32Array(field.buffer, field.byteOffset, field.length * 2);
  for (let i = 0; i < field.length; i++) {
    const pm = field[i];
    if (!(pm > FIELD_FLOOR_PM)) out[i] = 0;
    else if (pm >= FIELD_CEILING_PM) out[i] = 255;
    else {
      const level = START[(words[2 * i + HI] >>> BUCKET_SHIFT) - FIRST_BUCKET];
      out[i] = pm >= UP[level] ? level + 1 : level;
    }
  }
  return out;
}

/** Decodes bytes back to pM into `out`. */
export function decodeField(bytes: Uint8Array, out: Float32Array = new Float32Array(bytes.length)): Float32Array {
  for (let i = 0; i < bytes.length; i++) out[i] = decodeLevel(bytes[i]);
  return out;
}
