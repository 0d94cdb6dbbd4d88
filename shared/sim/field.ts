// The IL-2 field, one tick: sources and receptor uptake pointwise and implicit, then implicit diffusion one axis at
// a time (a tridiagonal solve per row, then per column), so any time step is stable. No-flux edges conserve mass.
// Units: pM in each voxel (10 µm × 10 µm × the slab's thickness), seconds. Called by step() after cells have reported sources and uptake.

import type { Field, World } from "./world.ts";

export const VOXEL_UM = 10;
const AVOGADRO = 6.02214076e23;

/** pM of one IL-2 molecule in a 10 µm × 10 µm voxel of a slab `slabUm` thick (≈ 1.66 pM in 1 pL when 10 µm thick). */
export function pmPerMolecule(slabUm: number): number {
  const litres = VOXEL_UM * VOXEL_UM * slabUm * 1e-15;
  return 1e12 / (AVOGADRO * litres);
}

export function createField(width: number, height: number, diffusionUm2PerS: number, dtS: number, substeps: number, slabUm: number): Field {
  const n = width * height;
  const f: Field = {
    width, height, pmPerMolecule: pmPerMolecule(slabUm),
    c: new Float64Array(n), source: new Float64Array(n), uptake: new Float64Array(n), keep: new Float64Array(n), exposure: new Float64Array(n),
    vessel: new Uint8Array(n), vesselIndex: new Int32Array(0),
    scratch: new Float64Array(Math.max(width, height) + width), sourceIndex: new Int32Array(n),
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
 * One tick of the field in `diffusionSubsteps` sub-steps of dt. Each sub-step: vessels exchange with plasma, then
 * sources, uptake, decay and sink in one implicit update per voxel,
 *   C ← (C + dt·S) / (1 + dt·(k_cells + k_decay + k_sink)),
 * then implicit diffusion: a row sweep and a column sweep. The uptake rates are linearised once per
 * tick (field.keep holds 1 / the update's denominator). Books the ledger, and adds dt·C to
 * field.exposure so that each cell can later take exactly what it removed (see uptake.ts).
 * The voxel update, the row sweep and the column sweep's downward half run together, four rows at a time, while those
 * rows are in cache (sweep()); every voxel sees the same arithmetic in the same order as one pass after another.
 */
export function advanceField(world: World, plasmaPm: number): void {
  const f = world.field, p = world.params, n = p.diffusionSubsteps, dt = world.dtS / n;
  const kDecay = p.il2DecayPerHour / 3600, kSink = p.backgroundSinkPerHour / 3600, kVessel = p.vesselExchangePerHour / 3600;
  const c = f.c, src = f.source, up = f.uptake, inv = f.keep, exposure = f.exposure, vessels = f.vesselIndex;
  const pm = f.pmPerMolecule, k0 = kDecay + kSink, srcScale = dt * pm;
  // the few voxels with a source this tick (most have none), listed once for the sub-steps
  if (f.sourceIndex.length < c.length) f.sourceIndex = new Int32Array(c.length);
  const sources = f.sourceIndex;
  let secretedPerS = 0, nSources = 0;
  // most voxels hold no cell: their factor is one number (0 + k0 is k0), and a division less for each
  const empty = 1 / (1 + dt * (0 + k0));
  for (let i = 0; i < c.length; i++) {
    const u = up[i];
    inv[i] = u === 0 ? empty : 1 / (1 + dt * (u + k0));
    const s = src[i];
    secretedPerS += s;
    if (s !== 0) sources[nSources++] = i;
  }
  let vesselIn = 0, total = 0;
  const vesselKeep = 1 / (1 + dt * kVessel), vesselAdd = dt * kVessel * plasmaPm * vesselKeep;
  for (let s = 0; s < n; s++) {
    for (let k = 0; k < vessels.length; k++) {
      const i = vessels[k];
      const next = c[i] * vesselKeep + vesselAdd;
      vesselIn += next - c[i];
      c[i] = next;
    }
    // C + dt·S first, where there is a source: the voxel update then multiplies by keep, the same two roundings
    // as (C + dt·S)·keep, and C + 0 is C (the field never holds −0)
    for (let k = 0; k < nSources; k++) {
      const i = sources[k];
      c[i] = c[i] + srcScale * src[i];
    }
    total = sweep(f, n === 1 ? REACT_ONLY : s === 0 ? REACT_FIRST : s === n - 1 ? REACT_LAST : REACT, total, dt);
    sweepColumnsUp(f);
  }
  const L = world.ledger;
  L.secreted += secretedPerS * world.dtS;
  L.decayed += (dt * kDecay * total) / pm;
  L.sunk += (dt * kSink * total) / pm;
  L.vesselIn += vesselIn / pm;
}

/**
 * What sweep() does before solving: nothing, or the voxel update in the tick's first, a middle, the last or the only
 * sub-step. The first sets exposure to the voxel's value (0 + v is v); the last multiplies the sum by dt, as a pass
 * after the sub-steps would (the sweeps never read exposure).
 */
const NO_REACT = 0, REACT_FIRST = 1, REACT = 2, REACT_LAST = 3, REACT_ONLY = 4;

/**
 * Rows `from`..`to`-1 of the voxel update, sources already added: C ← C·keep, added to the running `total` in voxel
 * order and to field.exposure as `kind` says. Returns the new total.
 */
function react(f: Field, from: number, to: number, kind: number, total: number, dt: number): number {
  const c = f.c, inv = f.keep, exposure = f.exposure;
  if (kind === REACT_FIRST) {
    for (let i = from; i < to; i++) {
      const v = c[i] * inv[i];
      c[i] = v;
      total += v;
      exposure[i] = v;
    }
  } else if (kind === REACT) {
    for (let i = from; i < to; i++) {
      const v = c[i] * inv[i];
      c[i] = v;
      total += v;
      exposure[i] += v;
    }
  } else if (kind === REACT_LAST) {
    for (let i = from; i < to; i++) {
      const v = c[i] * inv[i];
      c[i] = v;
      total += v;
      exposure[i] = (exposure[i] + v) * dt;
    }
  } else {
    for (let i = from; i < to; i++) {
      const v = c[i] * inv[i];
      c[i] = v;
      total += v;
      exposure[i] = v * dt;
    }
  }
  return total;
}

/**
 * One sub-step's voxel update (if `doReact`), row sweep and the downward half of the column sweep, four rows at a time:
 * a Thomas solve per row, with the four rows' recurrences side by side (each row's recurrence waits on its previous
 * element; interleaving keeps the processor busy), and on the way back along the rows each finished value goes
 * straight into the column recurrence (row y needs only row y−1, already done). sweepColumnsUp finishes the sub-step.
 * Returns the running total of the voxel update (unchanged without it).
 */
function sweep(f: Field, reactKind: number, total: number, dt: number): number {
  const doReact = reactKind !== NO_REACT;
  const w = f.width, h = f.height, c = f.c, r = f.diffusionR, rowCp = f.rowCp, rowInv = f.rowInv, colInv = f.colInv;
  const inv0 = rowInv[0], last = w - 1;
  let y = 0;
  for (; y + 4 <= h; y += 4) {
    const o0 = y * w, o1 = o0 + w, o2 = o1 + w, o3 = o2 + w;
    if (doReact) total = react(f, o0, o3 + w, reactKind, total, dt);
    let p0 = c[o0] * inv0, p1 = c[o1] * inv0, p2 = c[o2] * inv0, p3 = c[o3] * inv0;
    c[o0] = p0; c[o1] = p1; c[o2] = p2; c[o3] = p3;
    for (let x = 1; x < w; x++) {
      const iv = rowInv[x];
      p0 = (c[o0 + x] + r * p0) * iv; c[o0 + x] = p0;
      p1 = (c[o1 + x] + r * p1) * iv; c[o1 + x] = p1;
      p2 = (c[o2 + x] + r * p2) * iv; c[o2 + x] = p2;
      p3 = (c[o3 + x] + r * p3) * iv; c[o3 + x] = p3;
    }
    // the column recurrence: row 0 is scaled, row y takes r·(row y−1, already down-swept)
    const ci0 = colInv[y], ci1 = colInv[y + 1], ci2 = colInv[y + 2], ci3 = colInv[y + 3], po = o0 - w;
    let q0 = y === 0 ? p0 * ci0 : (p0 + r * c[po + last]) * ci0;
    let q1 = (p1 + r * q0) * ci1, q2 = (p2 + r * q1) * ci2, q3 = (p3 + r * q2) * ci3;
    c[o0 + last] = q0; c[o1 + last] = q1; c[o2 + last] = q2; c[o3 + last] = q3;
    for (let x = w - 2; x >= 0; x--) {
      const cp = rowCp[x];
      p0 = c[o0 + x] - cp * p0;
      p1 = c[o1 + x] - cp * p1;
      p2 = c[o2 + x] - cp * p2;
      p3 = c[o3 + x] - cp * p3;
      q0 = y === 0 ? p0 * ci0 : (p0 + r * c[po + x]) * ci0;
      q1 = (p1 + r * q0) * ci1;
      q2 = (p2 + r * q1) * ci2;
      q3 = (p3 + r * q2) * ci3;
      c[o0 + x] = q0; c[o1 + x] = q1; c[o2 + x] = q2; c[o3 + x] = q3;
    }
  }
  for (; y < h; y++) {
    const o = y * w, po = o - w, ci = colInv[y];
    if (doReact) total = react(f, o, o + w, reactKind, total, dt);
    let p = c[o] * inv0;
    c[o] = p;
    for (let x = 1; x < w; x++) {
      p = (c[o + x] + r * p) * rowInv[x];
      c[o + x] = p;
    }
    c[o + last] = y === 0 ? p * ci : (p + r * c[po + last]) * ci;
    for (let x = w - 2; x >= 0; x--) {
      p = c[o + x] - rowCp[x] * p;
      c[o + x] = y === 0 ? p * ci : (p + r * c[po + x]) * ci;
    }
  }
  return total;
}

/** The upward half of the column sweep (the Thomas back-substitution), carried across a whole row at a time. */
function sweepColumnsUp(f: Field): void {
  const w = f.width, h = f.height, c = f.c, colCp = f.colCp;
  for (let y = h - 2; y >= 0; y--) {
    const o = y * w, no = o + w, cp = colCp[y];
    for (let x = 0; x < w; x++) c[o + x] -= cp * c[no + x];
  }
}

/** Implicit diffusion alone over `substeps` sub-steps (rows, then columns), with no sources or sinks. */
export function diffuseField(f: Field, substeps: number): void {
  for (let s = 0; s < substeps; s++) {
    sweep(f, NO_REACT, 0, 0);
    sweepColumnsUp(f);
  }
}

/** Molecules of IL-2 in the whole field. */
export function fieldMolecules(f: Field): number {
  let sum = 0;
  const c = f.c;
  for (let i = 0; i < c.length; i++) sum += c[i];
  return sum / f.pmPerMolecule;
}
