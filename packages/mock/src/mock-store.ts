import { cloneJson } from "./json-template.ts";

export type MockRecord = Record<string, unknown>;

/**
 * The in-memory state of one mock instance: an ordered collection of records per resource.
 * Records go in and come out as copies, so callers can never change state by accident.
 */
export class MockStore {
  readonly #collections = new Map<string, Map<string, MockRecord>>();
  readonly #fixtures: Readonly<Record<string, readonly MockRecord[]>>;
  readonly #idFields: Readonly<Record<string, string>>;
  /** The highest integer id each resource has held, deleted records included: ids are never reused. */
  readonly #highestIds = new Map<string, number>();
  #created = 0;

  constructor(
    fixtures: Readonly<Record<string, readonly MockRecord[]>>,
    idFields: Readonly<Record<string, string>> = {},
  ) {
    this.#fixtures = fixtures;
    this.#idFields = idFields;
    this.reset();
  }

  /** Back to the seed records; everything created, changed or deleted since is forgotten. */
  reset(): void {
    this.#collections.clear();
    this.#highestIds.clear();
    this.#created = 0;
    for (const [resource, records] of Object.entries(this.#fixtures)) {
      for (const record of records) this.insert(resource, record);
    }
  }

  idField(resource: string): string {
    return this.#idFields[resource] ?? "id";
  }

  #collection(resource: string): Map<string, MockRecord> {
    let collection = this.#collections.get(resource);
    if (!collection) {
      collection = new Map();
      this.#collections.set(resource, collection);
    }
    return collection;
  }

  list(resource: string): MockRecord[] {
    return [...this.#collection(resource).values()].map(cloneJson);
  }

  /**
   * The stored records themselves, in order, without copies: for the engine's list answers, which
   * filter, take one page and serialize it (copying 100k records to answer one page of 20 would not do).
   * Never change what it returns.
   */
  peek(resource: string): readonly Readonly<MockRecord>[] {
    return [...this.#collection(resource).values()];
  }

  get(resource: string, id: string | number): MockRecord | undefined {
    const record = this.#collection(resource).get(String(id));
    return record && cloneJson(record);
  }

  /** Inserts (or replaces) a record; it must carry its id field. */
  insert(resource: string, record: MockRecord): MockRecord {
    const id = record[this.idField(resource)];
    if (typeof id !== "string" && typeof id !== "number") {
      throw new TypeError(
        `mock store: a ${resource} record needs a string or number "${this.idField(resource)}"`,
      );
    }
    this.#collection(resource).set(String(id), cloneJson(record));
    const numeric = Number(id);
    if (Number.isSafeInteger(numeric) && numeric > (this.#highestIds.get(resource) ?? 0))
      this.#highestIds.set(resource, numeric);
    return cloneJson(record);
  }

  update(resource: string, id: string | number, changes: MockRecord): MockRecord | undefined {
    const current = this.#collection(resource).get(String(id));
    if (!current) return undefined;
    return this.insert(resource, {
      ...current,
      ...changes,
      [this.idField(resource)]: current[this.idField(resource)],
    });
  }

  delete(resource: string, id: string | number): boolean {
    return this.#collection(resource).delete(String(id));
  }

  /** A uuid no other record of this store has: deterministic, so answers are the same every run. */
  nextUuid(): string {
    this.#created++;
    return `00000000-0000-4000-8000-${String(this.#created).padStart(12, "0")}`;
  }

  /**
   * The next id for a resource, in the style of its existing ids: integers count up from the highest
   * the resource ever held (a deleted record's id is not given again), strings are deterministic UUIDs.
   */
  nextId(resource: string, sample?: unknown): string | number {
    this.#created++;
    const ids = [...this.#collection(resource).values()].map((r) => r[this.idField(resource)]);
    const style = sample ?? ids[0];
    const max = () => this.#highestIds.get(resource) ?? 0;
    if (typeof style === "number" || (style === undefined && ids.length === 0)) return max() + 1;
    // Numeric strings ("212345", as WorkBoard sends ids) count up as strings.
    if (typeof style === "string" && /^\d+$/.test(style)) return String(max() + 1);
    return `00000000-0000-4000-8000-${String(this.#created).padStart(12, "0")}`;
  }
}
