import type { MockRecord, MockStore } from "./mock-store.ts";
import type { SuccessBody } from "./override-types.ts";

/** The record type of each resource a mock keeps, by resource name. */
export type RecordsShape = { readonly [resource: string]: MockRecord };

type Step<T, Key extends string> = Key extends `${number}`
  ? NonNullable<T> extends readonly (infer Item)[]
    ? Item
    : never
  : Key extends keyof NonNullable<T>
    ? NonNullable<T>[Key]
    : never;

type At<T, Path extends readonly string[]> = Path extends readonly [
  infer Head extends string,
  ...infer Rest extends string[],
]
  ? At<Step<T, Head>, Rest>
  : NonNullable<T>;

/**
 * The record an operation's success body holds at a path (`["data"]`, `["data", "users", "0"]`): the
 * type of a stored record of its resource, or `MockRecord` where the body does not say.
 */
export type RecordAt<Op, Path extends readonly string[]> =
  At<SuccessBody<Op>, Path> extends infer R
    ? [R] extends [never]
      ? MockRecord
      : R extends MockRecord
        ? R
        : MockRecord
    : MockRecord;

/**
 * A `MockStore` whose resources and records are typed: `store.get("customer", 3108)` is a customer
 * record, and a misspelt resource name is a type error. A vendor's generated mock has one.
 */
export interface TypedMockStore<Records extends RecordsShape> extends MockStore {
  /** Copies of a resource's records, in order. */
  list<K extends keyof Records & string>(resource: K): Records[K][];
  /** The stored records themselves, in order, without copies; never change what it returns. */
  peek<K extends keyof Records & string>(resource: K): readonly Readonly<Records[K]>[];
  /** A copy of one record, or undefined. */
  get<K extends keyof Records & string>(resource: K, id: string | number): Records[K] | undefined;
  /** Inserts (or replaces) a record; it must carry its id field. */
  insert<K extends keyof Records & string>(resource: K, record: Records[K]): Records[K];
  /** Changes some fields of a record (never its id); undefined when there is no such record. */
  update<K extends keyof Records & string>(
    resource: K,
    id: string | number,
    changes: Partial<Records[K]>,
  ): Records[K] | undefined;
  delete(resource: keyof Records & string, id: string | number): boolean;
}
