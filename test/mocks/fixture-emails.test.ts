import { createBetterworksMock } from "@workapis/betterworks/msw";
import { createBoardCRMMock } from "@workapis/boardcrm/msw";
import type { VendorMock } from "@workapis/mock";
import { createWebWorkMock } from "@workapis/webwork/msw";
import { createWorkBoardMock } from "@workapis/workboard/msw";
import { createWorkglueMock } from "@workapis/workglue/msw";
import { describe, expect, it } from "vitest";
import { referenceOf } from "../../tools/codegen/vary-fixture.ts";

const mocks: Record<string, () => VendorMock> = {
  betterworks: createBetterworksMock,
  boardcrm: createBoardCRMMock,
  webwork: createWebWorkMock,
  workboard: createWorkBoardMock,
  workglue: createWorkglueMock,
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Seeded records stand for different people: a lookup by email on the default seed finds one record.
 * An address of another record (`user_email` beside `user_id`) is that record's: one per id.
 */
describe("seeded fixtures", () => {
  for (const [vendor, create] of Object.entries(mocks)) {
    it(`${vendor}: own email addresses are distinct, referenced ones follow their id`, () => {
      let own = 0;
      for (const [resource, records] of Object.entries(create().spec.fixtures)) {
        const fields = new Set(
          records.flatMap((r) =>
            Object.entries(r)
              .filter(([, v]) => typeof v === "string" && EMAIL.test(v))
              .map(([k]) => k),
          ),
        );
        for (const field of fields) {
          const sample = records.find((r) => field in r) ?? {};
          const id = referenceOf(sample, field);
          if (id) {
            const byId = new Map<unknown, Set<unknown>>();
            for (const r of records) byId.set(r[id], (byId.get(r[id]) ?? new Set()).add(r[field]));
            for (const [key, emails] of byId) expect(emails.size, `${resource}.${field} of ${key}`).toBe(1);
            continue;
          }
          const values = records.map((r) => r[field]).filter((v) => typeof v === "string");
          expect(new Set(values).size, `${resource}.${field}`).toBe(values.length);
          own += values.length;
        }
      }
      // Every vendor's spec has people with their own addresses: the check had something to check.
      expect(own).toBeGreaterThan(0);
    });
  }
});
