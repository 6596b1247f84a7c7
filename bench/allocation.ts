import { Session } from "node:inspector/promises";
import type { Variant } from "./interleave.ts";
import { overheadVariants } from "./overhead.ts";

/**
 * Bytes allocated per call, from V8's sampling heap profiler with collected objects included (so
 * short-lived garbage counts, which is most of what a call allocates). Unlike wall time this barely
 * moves with the machine's load: runs agree within a fraction of a percent.
 */
export interface VariantAllocation {
  readonly label: string;
  readonly bytesPerCall: number;
  readonly ratio: number;
}

interface SamplingNode {
  readonly selfSize: number;
  readonly children: readonly SamplingNode[];
}

const total = (node: SamplingNode): number => node.children.reduce((sum, c) => sum + total(c), node.selfSize);

async function allocatedPerCall(session: Session, variant: Variant, calls: number): Promise<number> {
  for (let i = 0; i < 2_000; i++) await variant.run(); // warm: JIT tiers and caches settle first
  await session.post("HeapProfiler.startSampling", {
    samplingInterval: 256,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  for (let i = 0; i < calls; i++) await variant.run();
  const { profile } = (await session.post("HeapProfiler.stopSampling")) as {
    profile: { head: SamplingNode };
  };
  return total(profile.head) / calls;
}

export async function allocation(calls = 20_000): Promise<VariantAllocation[]> {
  const session = new Session();
  session.connect();
  try {
    await session.post("HeapProfiler.enable");
    const variants = await overheadVariants();
    const bytes: number[] = [];
    for (const variant of variants) bytes.push(await allocatedPerCall(session, variant, calls));
    const base = bytes[0] ?? 1;
    return variants.map((v, i) => ({
      label: v.label,
      bytesPerCall: bytes[i] ?? 0,
      ratio: (bytes[i] ?? 0) / base,
    }));
  } finally {
    session.disconnect();
  }
}
