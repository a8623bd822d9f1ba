/** Seeded pseudo-random numbers (mulberry32) and helpers. */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal via Box-Muller. */
export function gaussian(rng: Rng): number {
  let u = rng();
  while (u <= 1e-12) u = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** `n` values drawn from N(0, std^2), in order from `rng` (initial latent factors). */
export function gaussianArray(n: number, std: number, rng: Rng): Float32Array {
  const out = new Float32Array(n);
  for (let x = 0; x < n; x++) out[x] = gaussian(rng) * std;
  return out;
}

/** In-place Fisher-Yates shuffle of a typed or plain array. */
export function shuffleInPlace<T>(a: { length: number; [i: number]: T }, rng: Rng): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
