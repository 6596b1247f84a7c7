import { describe, expect, it } from "vitest";
import { capItems } from "./page-cap.ts";

describe("capItems", () => {
  it("keeps at most maxItems of the items at the pagination pointer, leaving the rest of the answer", () => {
    const data = { success: true, data: { totalCount: 5, goal: [1, 2, 3, 4, 5] } };
    const { data: capped, page } = capItems(data, "/data/goal", 2);
    expect(capped).toEqual({ success: true, data: { totalCount: 5, goal: [1, 2] } });
    expect(page).toEqual({ received: 5, returned: 2, truncated: true, maxItems: 2 });
    expect(data.data.goal).toHaveLength(5);
  });

  it("caps an answer that is itself an array, and leaves short lists and other answers alone", () => {
    expect(capItems([1, 2, 3], undefined, 1)).toEqual({
      data: [1],
      page: { received: 3, returned: 1, truncated: true, maxItems: 1 },
    });
    expect(capItems({ items: [1] }, "/items", 5).page?.truncated).toBe(false);
    expect(capItems({ id: 1 }, undefined, 5)).toEqual({ data: { id: 1 } });
    expect(capItems({ id: 1 }, "/items", 5)).toEqual({ data: { id: 1 } });
  });
});
