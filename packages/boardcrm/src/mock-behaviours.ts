import type { MockBehaviours } from "@workapis/mock";
import type { components, operations } from "./generated/schema.ts";

type FieldValue = components["schemas"]["FieldValue"];

/*
 * `offer/set-values` changes a deal's field values and answers with the values it set, a shape the
 * spec's x-mock actions cannot express (the spec marks it `x-mock.action: custom`). The values are kept
 * on the stored deal under `values`, where `offer/list` returns them.
 */
export const behaviours: MockBehaviours<operations, "setOfferValues"> = {
  setOfferValues: ({ body, store, error }) => {
    // The engine has taken the board token out of the body already.
    const { id, ...values } = (body ?? {}) as Record<string, unknown>;
    const offer = typeof id === "number" || typeof id === "string" ? store.get("offer", id) : undefined;
    if (!offer) return error(404, { message: `No deal ${String(id)}` });
    const set = values as Record<string, FieldValue>;
    store.update("offer", offer["id"] as number, { values: { ...(offer["values"] as object), ...set } });
    return { status: true, data: set };
  },
};
