// A fingerprint of the whole world state (cells, field, therapy, clock), for determinism checks and replays.
// FNV-1a over the bytes of every live cell column and the field; 16 hex digits. Called by tests and the runner.

import type { World } from "./world.ts";

export function stateHash(world: World): string {
  let h1 = 0x811c9dc5, h2 = 0x01000193 ^ world.seed;
  const feed = (bytes: Uint8Array) => {
    for (let k = 0; k < bytes.length; k++) {
      h1 = Math.imul(h1 ^ bytes[k], 0x01000193);
      h2 = Math.imul(h2 ^ bytes[k], 0x01000193) ^ (h1 >>> 7);
    }
  };
  const c = world.cells;
  for (const value of Object.values(c)) {
    if (!ArrayBuffer.isView(value)) continue;
    const arr = value as unknown as { BYTES_PER_ELEMENT: number; buffer: ArrayBufferLike; byteOffset: number };
    feed(new Uint8Array(arr.buffer, arr.byteOffset, c.count * arr.BYTES_PER_ELEMENT));
  }
  const f = world.field.c;
  feed(new Uint8Array(f.buffer, f.byteOffset, f.byteLength));
  const th = world.therapy;
  feed(new Uint8Array(new Float64Array([world.tick, th.bolusFast, th.bolusSlow, th.lowDosePm, th.antiCd25, th.biasedPm, th.leak]).buffer));
  return (h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0");
}
