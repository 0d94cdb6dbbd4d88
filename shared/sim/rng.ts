// Seeded random numbers for the model: one generator per stream, streams owned by the world.
// sfc32 seeded through splitmix32; no global state and no unseeded source. Called by every stochastic process.

export interface Rng {
  /** Four 32-bit words of generator state. */
  s: Uint32Array;
}

function splitmix32(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A generator for one stream of one world: seed and stream number mix into independent sequences. */
export function createRng(seed: number, stream: number): Rng {
  const mix = splitmix32((seed ^ Math.imul(stream + 1, 0x632be5ab)) >>> 0);
  const s = new Uint32Array([mix(), mix(), mix(), mix()]);
  const r = { s };
  for (let i = 0; i < 12; i++) nextU32(r);
  return r;
}

export function nextU32(r: Rng): number {
  const s = r.s;
  const a = s[0], b = s[1], c = s[2], d = s[3];
  const t = (((a + b) >>> 0) + d) >>> 0;
  s[3] = (d + 1) >>> 0;
  s[0] = b ^ (b >>> 9);
  s[1] = (c + (c << 3)) >>> 0;
  const c2 = ((c << 21) | (c >>> 11)) >>> 0;
  s[2] = (c2 + t) >>> 0;
  return t;
}

/** Uniform in [0, 1). */
export function uniform(r: Rng): number {
  return nextU32(r) / 4294967296;
}

/** Uniform integer in [0, n). */
export function randInt(r: Rng, n: number): number {
  return Math.floor(uniform(r) * n);
}

/** Standard normal by Box-Muller (one value per call; the second is dropped to keep the stream simple). */
export function normal(r: Rng): number {
  let u = uniform(r);
  if (u < 1e-12) u = 1e-12;
  const v = uniform(r);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Log-normal multiplier with mean 1 and coefficient of variation cv. */
export function lognormalFactor(r: Rng, cv: number): number {
  if (cv <= 0) return 1;
  const sigma2 = Math.log(1 + cv * cv);
  return Math.exp(Math.sqrt(sigma2) * normal(r) - sigma2 / 2);
}
