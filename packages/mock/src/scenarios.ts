import type { MockErrorInit } from "./error-responses.ts";

/** A ready failure for the next matching calls. */
export type Scenario =
  | ({ readonly kind: "error"; readonly status: number } & MockErrorInit)
  | { readonly kind: "network-error" }
  | { readonly kind: "latency"; readonly ms: number };

interface Armed {
  readonly scenario: Scenario;
  remaining: number;
}

/** Scenarios armed per operationId ("*" for every operation), each for a number of calls. */
export class ScenarioQueue {
  readonly #armed = new Map<string, Armed[]>();

  arm(operationId: string, scenario: Scenario, times: number): void {
    const queue = this.#armed.get(operationId) ?? [];
    queue.push({ scenario, remaining: times });
    this.#armed.set(operationId, queue);
  }

  /** The scenario for one call of an operation, its own before the "*" ones; counts the call. */
  take(operationId: string): Scenario | undefined {
    for (const key of [operationId, "*"]) {
      const queue = this.#armed.get(key);
      const next = queue?.[0];
      if (!next) continue;
      next.remaining--;
      if (next.remaining <= 0) queue.shift();
      return next.scenario;
    }
    return undefined;
  }

  clear(): void {
    this.#armed.clear();
  }
}
