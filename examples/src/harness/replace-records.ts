import type { MockRecord, MockStore } from "@workapis/mock";

/** Replaces every record of a resource with the given ones (a recipe's seed data, not the spec's). */
export function replaceRecords(store: MockStore, resource: string, records: readonly object[]): void {
  const idField = store.idField(resource);
  for (const record of store.list(resource)) store.delete(resource, record[idField] as string | number);
  for (const record of records) store.insert(resource, record as MockRecord);
}
