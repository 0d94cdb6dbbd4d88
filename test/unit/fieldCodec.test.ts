// The wire codec for the IL-2 field: log-scale bytes that keep every concentration from 0.1 pM to 100 nM within
// 3%, keep order, clamp the rest, and size one byte per voxel.

import { describe, expect, test } from "vitest";
import { decodeField, decodeLevel, encodeField, encodeLevel, FIELD_CEILING_PM, FIELD_FLOOR_PM } from "../../shared/net/fieldCodec.ts";

describe("IL-2 field codec", () => {
  test("round trip within 3% across the whole range, in order", () => {
    let last = -1;
    for (let pm = FIELD_FLOOR_PM * 1.01; pm < FIELD_CEILING_PM; pm *= 1.013) {
      const byte = encodeLevel(pm);
      expect(byte).toBeGreaterThanOrEqual(last);
      last = byte;
      expect(Math.abs(decodeLevel(byte) / pm - 1), `${pm} pM`).toBeLessThan(0.03);
    }
  });

  test("clamps below the floor, above the ceiling, and refuses to read garbage as IL-2", () => {
    expect(encodeLevel(0)).toBe(0);
    expect(encodeLevel(-5)).toBe(0);
    expect(encodeLevel(Number.NaN)).toBe(0);
    expect(encodeLevel(1e9)).toBe(255);
    expect(decodeLevel(0)).toBe(0);
    expect(decodeLevel(255)).toBeCloseTo(FIELD_CEILING_PM, -2);
  });

  test("a field becomes one byte per voxel and decodes to the same picture", () => {
    const field = Float64Array.from({ length: 128 * 96 }, (_, i) => (i % 7 === 0 ? 0 : 10 ** ((i % 50) / 10)));
    const bytes = encodeField(field);
    expect(bytes.length).toBe(128 * 96);
    const back = decodeField(bytes);
    for (let i = 0; i < field.length; i += 97) {
      if (field[i] <= FIELD_FLOOR_PM) expect(back[i]).toBe(0);
      else expect(Math.abs(back[i] / field[i] - 1)).toBeLessThan(0.03);
    }
    expect(() => encodeField(field, new Uint8Array(10))).toThrow(/12288 voxels need 12288 bytes/);
  });
});
