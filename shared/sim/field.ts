// The IL-2 field, one tick: sources and receptor uptake pointwise and implicit, then implicit diffusion one axis at
// a time (a tridiagonal solve per row, then per column), so any time step is stable. No-flux edges conserve mass.
// Units: pM per 1 pL voxel (one molecule ≈ 1.66 pM), seconds. Called by step() after cells have reported sources and uptake.

import type { Field, World } from "./world.ts";

/** pM of one IL-2 molecule in a 10 µm × 10 µm × 10 µm voxel (1 pL). */
export const PM_PER_MOLECULE = 1e12 / 6.02214076e23 / 1e-12;
export const VOXEL_UM = 10;

export function createField(width: number, height: number, diffusionUm2PerS: number, dtS: number, substeps: number): Field {
  const n = width * height;
  const f: Field = {
    width, height,
    c: new Float64Array(n), source: new Float64Array(n), uptake: new Float64Array(n), exposure: new Float64Array(n),
    vessel: new Uint8Array(n), vesselIndex: new Int32Array(0),
    scratch: new Float64Array(Math.max(width, height) + width),
    rowCp: new Float64Array(width), rowInv: new Float64Array(width), colCp: new Float64Array(height), colInv: new Float64Array(height),
    diffusionR: (diffusionUm2PerS * (dtS / substeps)) / (VOXEL_UM * VOXEL_UM),
  };
  thomasFactors(f.diffusionR, width, f.rowCp, f.rowInv);
  thomasFactors(f.diffusionR, height, f.colCp, f.colInv);
  return f;
}

/** Factors of the matrix (1+2r) on the diagonal, -r off it, (1+r) at both ends (no-flux), for the Thomas algorithm. */
function thomasFactors(r: number, n: number, cp: Float64Array, inv: Float64Array): void {
  if (n === 1) {
    cp[0] = 0;
    inv[0] = 1;
    return;
  }
  let m = 1 + r;
  inv[0] = 1 / m;
  cp[0] = -r / m;
  for (let i = 1; i < n; i++) {
    const b = i === n - 1 ? 1 + r : 1 + 2 * r;
    m = b + r * cp[i - 1];
    inv[i] = 1 / m;
    cp[i] = -r / m;
  }
}

/**
 * Sources, uptake, decay, sink and vessel exchange for dt seconds in one implicit update per voxel:
 * C ← (C + dt·(S + k_v·C_plasma)) / (1 + dt·(k_cells + k_decay + k_sink + k_v)). Books the ledger, and adds dt·C to
 * field.exposure so that each cell can later take exactly what it removed (see uptake.ts).
 */
export function reactField(world: World, plasmaPm: number, dt: number): void {
  const f = world.field, p = world.params;
  const kDecay = p.il2DecayPerHour / 3600;
  const kSink = p.backgroundSinkPerHour / 3600;
  const kVessel = p.vesselExchangePerHour / 3600;
  const c = f.c, src = f.source, up = f.uptake, exposure = f.exposure, vessels = f.vesselIndex;
  const k0 = kDecay + kSink;
  // vessel voxels first: their exchange with plasma, booked on its own
  let vesselIn = 0;
  for (let k = 0; k < vessels.length; k++) {
    const i = vessels[k];
    const next = (c[i] + dt * kVessel * plasmaPm) / (1 + dt * kVessel);
    vesselIn += next - c[i];
    c[i] = next;
  }
  let secreted = 0, total = 0;
  const n = c.length;
  for (let i = 0; i < n; i++) {
    const s = src[i];
    let next: number;
    if (s !== 0) {
      secreted += s;
      next = (c[i] + dt * s * PM_PER_MOLECULE) / (1 + dt * (up[i] + k0));
    } else next = c[i] / (1 + dt * (up[i] + k0));
    c[i] = next;
    total += next;
    exposure[i] += dt * next;
  }
  const L = world.ledger;
  L.secreted += secreted * dt;
  L.decayed += (dt * kDecay * total) / PM_PER_MOLECULE;
  L.sunk += (dt * kSink * total) / PM_PER_MOLECULE;
  L.vesselIn += vesselIn / PM_PER_MOLECULE;
}

/** Sources and uptake over one tick, split into sub-steps each followed by implicit diffusion. */
export function advanceField(world: World, plasmaPm: number): void {
  const f = world.field, n = world.params.diffusionSubsteps, dt = world.dtS / n;
  f.exposure.fill(0);
  for (let s = 0; s < n; s++) {
    reactField(world, plasmaPm, dt);
    diffuseField(f, 1);
  }
}

/** Implicit diffusion over `substeps` sub-steps of the tick: every row, then every column (columns swept together, row by row, for cache). */
export function diffuseField(f: Field, substeps: number): void {
  const w = f.width, h = f.height, c = f.c, r = f.diffusionR;
  const rowCp = f.rowCp, rowInv = f.rowInv, colCp = f.colCp, colInv = f.colInv;
  for (let s = 0; s < substeps; s++) {
    // rows: forward elimination in place, then back substitution
    for (let y = 0; y < h; y++) {
      const o = y * w;
      let prev = c[o] * rowInv[0];
      c[o] = prev;
      for (let x = 1; x < w; x++) {
        prev = (c[o + x] + r * prev) * rowInv[x];
        c[o + x] = prev;
      }
      for (let x = w - 2; x >= 0; x--) c[o + x] -= rowCp[x] * c[o + x + 1];
    }
    // columns: the same recurrences, carried across a whole row at a time
    {
      const inv0 = colInv[0];
      for (let x = 0; x < w; x++) c[x] *= inv0;
      for (let y = 1; y < h; y++) {
        const o = y * w, po = o - w, inv = colInv[y];
        for (let x = 0; x < w; x++) c[o + x] = (c[o + x] + r * c[po + x]) * inv;
      }
      for (let y = h - 2; y >= 0; y--) {
        const o = y * w, no = o + w, cp = colCp[y];
        for (let x = 0; x < w; x++) c[o + x] -= cp * c[no + x];
      }
    }
  }
}

/** Molecules of IL-2 in the whole field. */
export function fieldMolecules(f: Field): number {
  let sum = 0;
  const c = f.c;
  for (let i = 0; i < c.length; i++) sum += c[i];
  return sum / PM_PER_MOLECULE;
}
