/** mulberry32: a tiny, well-known 32-bit PRNG; the same seed gives the same sequence everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fixtures in a seed-determined order (Fisher–Yates), so a seed picks one reproducible world. */
export function seededFixtures<T>(
  fixtures: Readonly<Record<string, readonly T[]>>,
  seed: number,
): Record<string, T[]> {
  const random = mulberry32(seed);
  const out: Record<string, T[]> = {};
  for (const resource of Object.keys(fixtures).sort()) {
    const list = [...(fixtures[resource] ?? [])];
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j] as T, list[i] as T];
    }
    out[resource] = list;
  }
  return out;
}
