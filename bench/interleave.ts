/**
 * Times several variants of one call in interleaved rounds, each round in a rotated order, so that
 * drift on a noisy machine (other load, GC state, JIT tiers) falls on every variant alike instead of
 * on whichever ran last. Reports each variant's total, µs per call, and the median of its per-round
 * ratio to the baseline variant (the first one).
 */
export interface Variant {
  readonly label: string;
  readonly run: () => Promise<unknown>;
  /** Called before each block of this variant's calls (e.g. to install its handlers). */
  readonly enter?: () => void;
}

export interface VariantTiming {
  readonly label: string;
  readonly ms: number;
  readonly perCallUs: number;
  readonly ratio: number;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

export async function interleave(
  variants: readonly Variant[],
  {
    calls,
    rounds = 10,
    warmup = 500,
    baseline = 0,
  }: { calls: number; rounds?: number; warmup?: number; baseline?: number },
): Promise<VariantTiming[]> {
  for (const variant of variants) {
    variant.enter?.();
    for (let i = 0; i < warmup; i++) await variant.run();
  }
  const perRound = Math.ceil(calls / rounds);
  const totals = variants.map(() => 0);
  const ratios: number[][] = variants.map(() => []);
  for (let round = 0; round < rounds; round++) {
    const times = variants.map(() => 0);
    for (let k = 0; k < variants.length; k++) {
      const index = (round + k) % variants.length;
      const variant = variants[index];
      if (!variant) continue;
      variant.enter?.();
      const start = performance.now();
      for (let i = 0; i < perRound; i++) await variant.run();
      times[index] = performance.now() - start;
    }
    const base = times[baseline] ?? 1;
    times.forEach((ms, index) => {
      totals[index] = (totals[index] ?? 0) + ms;
      ratios[index]?.push(ms / base);
    });
  }
  return variants.map((variant, index) => {
    const ms = totals[index] ?? 0;
    return {
      label: variant.label,
      ms,
      perCallUs: (ms * 1000) / (perRound * rounds),
      ratio: median(ratios[index] ?? []),
    };
  });
}
