/**
 * Generated mock records start as copies of the spec's examples (json-schema-faker takes the example
 * values), so every seeded member would be the same person on the same day. These make the n-th
 * generated record its own: another person's name and a matching email address, or the example's
 * name numbered for a record that is no person, and its dates moved back by whole days (all of a
 * record's dates by the same amount, so a start stays before its end). Deterministic: the same n
 * gives the same record.
 */
import { isObj, type Obj } from "./spec-walk.ts";

const FIRST = [
  "Amara",
  "Jonas",
  "Mei",
  "Tomasz",
  "Ines",
  "Kofi",
  "Hana",
  "Mateo",
  "Leila",
  "Arjun",
  "Freya",
  "Yusuf",
  "Camila",
  "Oskar",
  "Nadia",
  "Rafael",
  "Sanna",
  "Kenji",
  "Zara",
  "Emil",
  "Lucia",
  "Dmitri",
  "Aisha",
  "Pablo",
] as const;
const LAST = [
  "Nwosu",
  "Berger",
  "Tanaka",
  "Kowalski",
  "Duarte",
  "Mensah",
  "Sato",
  "Alvarez",
  "Haddad",
  "Iyer",
  "Lindqvist",
  "Demir",
  "Rojas",
  "Nilsen",
  "Petrova",
  "Souza",
  "Virtanen",
  "Mori",
  "Qureshi",
  "Fischer",
  "Romano",
  "Volkov",
  "Bello",
  "Herrera",
] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;

/** The id field an email field refers through (`user_email` beside `user_id`): that person's address. */
export function referenceOf(record: Readonly<Obj>, field: string): string | undefined {
  const id = field.endsWith("_email") ? `${field.slice(0, -"_email".length)}_id` : undefined;
  return id !== undefined && id in record ? id : undefined;
}

/** The record's own email fields (not an address of another record). */
const ownEmailFields = (record: Obj) =>
  Object.entries(record)
    .filter(([field, value]) => typeof value === "string" && EMAIL.test(value) && !referenceOf(record, field))
    .map(([field]) => field);

/** The n-th name of the pools: every pair differs for n below 24 × 24. */
export function personName(n: number): { first: string; last: string } {
  const first = FIRST[n % FIRST.length] ?? "Amara";
  const last = LAST[(n + Math.floor(n / FIRST.length)) % LAST.length] ?? "Nwosu";
  return { first, last };
}

/**
 * A record that stands for a person (first and last name fields, or a `name` beside its own email)
 * gets the n-th name, in every name field, and addresses made of it at the example's domain. Any other
 * record keeps its values, with its own addresses numbered (`elena.costa7@…`). `taken` holds the
 * addresses already in the collection: a made address that is taken gets the number too. Returns
 * whether the record stands for a person.
 */
export function distinctPerson(record: Obj, n: number, taken: ReadonlySet<string>): boolean {
  const firstField = ["firstname", "first_name"].find((f) => typeof record[f] === "string");
  const lastField = ["lastname", "last_name"].find((f) => typeof record[f] === "string");
  const emails = ownEmailFields(record);
  const fullName =
    typeof record["name"] === "string" && ((firstField && lastField) || emails.length > 0)
      ? "name"
      : undefined;
  const isPerson = (firstField !== undefined && lastField !== undefined) || fullName !== undefined;
  const { first, last } = personName(n);
  if (isPerson) {
    if (firstField && lastField) {
      record[firstField] = first;
      record[lastField] = last;
    }
    if (fullName) record[fullName] = `${first} ${last}`;
  }
  for (const field of emails) {
    const value = record[field] as string;
    const at = value.indexOf("@");
    const local = isPerson ? `${first}.${last}`.toLowerCase() : value.slice(0, at);
    const plain = `${local}${value.slice(at)}`;
    record[field] = isPerson && !taken.has(plain) ? plain : `${local}${n}${value.slice(at)}`;
  }
  return isPerson;
}

/** The fields that name a record of `resource` that is no person (a project's `name`, a goal's `goal_name`). */
function nameFields(resource: string): string[] {
  const snake = resource.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return ["name", "title", `${snake}_name`, `${snake}_title`];
}

/** Schema keywords that hold a string to given values or a shape a number would break. */
const FIXED_TEXT = ["enum", "const", "pattern", "format"] as const;

/**
 * Numbers the name of the n-th record that is no person (`Website Redesign 7`, `customerobsession7`),
 * so that a list of seeded records can be told apart. A field whose schema holds its text to a set of
 * values, a pattern or a format keeps it; the number fits within `maxLength` (the name is shortened to
 * make room). `fieldSchemas` holds the record's property schemas, `$ref` resolved.
 */
export function numberName(
  record: Obj,
  resource: string,
  n: number,
  fieldSchemas: ReadonlyMap<string, unknown>,
): void {
  for (const field of nameFields(resource)) {
    const value = record[field];
    const schema = fieldSchemas.get(field);
    if (typeof value !== "string" || !isObj(schema)) continue;
    if (FIXED_TEXT.some((keyword) => schema[keyword] !== undefined)) continue;
    const suffix = numberSuffix(value, n);
    const max = typeof schema["maxLength"] === "number" ? schema["maxLength"] : Number.POSITIVE_INFINITY;
    if (max < suffix.length + 1) continue;
    record[field] = `${value.slice(0, max - suffix.length).trimEnd()}${suffix}`;
  }
}

/**
 * How a name takes its number: after a space for words (`Website Redesign 7`); a lowercase name with
 * no spaces is a tag, slug or handle, which keeps its joiner (`release-freeze-7`, `q3_goals_7`) or takes
 * the number directly (`customerobsession7`, as a hashtag would).
 */
function numberSuffix(value: string, n: number): string {
  if (/\s/.test(value) || value !== value.toLowerCase()) return ` ${n}`;
  const joiner = /[-_.]/.exec(value)?.[0] ?? "";
  return `${joiner}${n}`;
}

/** Moves every top-level date or date-time string of the record back by `days` whole days. */
export function shiftDates(record: Obj, days: number): void {
  for (const [field, value] of Object.entries(record)) {
    if (typeof value !== "string") continue;
    const m = DATE_PREFIX.exec(value);
    if (!m) continue;
    const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (Number.isNaN(day.getTime())) continue;
    day.setUTCDate(day.getUTCDate() - days);
    record[field] = `${day.toISOString().slice(0, 10)}${value.slice(10)}`;
  }
}
