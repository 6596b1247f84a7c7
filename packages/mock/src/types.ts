import type { AuthSchemeMeta, EnvelopeMeta, HttpMethodName, PaginationMeta } from "@workapis/runtime";

/** The `x-mock` extension of an operation (specs/CONVENTIONS.md). */
export interface MockBehaviour {
  readonly resource: string;
  readonly action: "list" | "get" | "create" | "update" | "delete" | "action" | "read" | "custom";
  readonly idParam?: string;
  readonly idField?: string;
  readonly set?: Readonly<Record<string, unknown>>;
  readonly record?: string;
  readonly references?: Readonly<Record<string, string>>;
  /**
   * create only: body fields that create a record of another resource (BoardCRM's `lead`), by
   * resource name, or with field values the new record gets (`{ resource: contact, set: { is_primary: true } }`).
   */
  readonly nested?: Readonly<Record<string, string | NestedCreate>>;
  /** The status when the target record does not exist (default 404; e.g. 409 "no running tracker"). */
  readonly missingStatus?: number;
  /** update/action: record pointers set from request body pointers (`/metric_achieve_target` ← `/metric_data`). */
  readonly fromBody?: Readonly<Record<string, string>>;
  /** action only: the field values the record must have first (a timesheet is approved only when submitted). */
  readonly when?: Readonly<Record<string, readonly unknown[]>>;
  /**
   * update/action: record pointers to an object that stands for a record of another resource (a
   * user's `/manager/0` is a user): after the change, the fields it shares with that record, found by
   * the object's id field, are copied from the store, so a new manager's name comes with its id.
   */
  readonly embeds?: Readonly<Record<string, string>>;
  /** list only: query parameters that bound a record field (`date_from` ≤ the record's `date_from`). */
  readonly ranges?: Readonly<Record<string, MockRange>>;
}

/** A record created with its parent, with values the server sets on it. */
export interface NestedCreate {
  readonly resource: string;
  readonly set?: Readonly<Record<string, unknown>>;
}

/**
 * A value the mock makes for each new record: a stamp of the current time, a fresh uuid or link, its
 * id, the id of the record it was created nested under (`parent`; left out when there is none), or
 * (`object`) a required object field made from its own blank.
 */
export type MadeValue =
  | "date-time"
  | "date-time-space"
  | "date"
  | "uuid"
  | "uri"
  | "id"
  | "parent"
  | "object";

/**
 * What a new record holds before the request's values, from its schema (never from examples):
 * `values` (defaults the spec states, `null`, the smallest value of a type), `made` (stamps, uuids,
 * links) and `objects` (the blank of each object field, for a record embedded by reference).
 */
export interface RecordBlank {
  readonly values: Readonly<Record<string, unknown>>;
  readonly made?: Readonly<Record<string, MadeValue>>;
  readonly objects?: Readonly<Record<string, RecordBlank>>;
  /**
   * Fields that name which of their sibling fields holds the value (a goal owner's `type`: `user` or
   * `group`), each with the names it may take: set to the first of those that is not null.
   */
  readonly tags?: Readonly<Record<string, readonly string[]>>;
}

/**
 * One bound of a list filter: the record's `field` compared with the parameter's value. Dates bound
 * by day (`2025-03-31` includes `2025-03-31T18:00:00Z`), date-times by instant, numbers by value.
 */
export interface MockRange {
  readonly field: string;
  readonly compare: ">=" | "<=" | ">" | "<";
}

/** A compiled validator (ajv standalone output): true when valid, `errors` otherwise. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: readonly { instancePath: string; message?: string; params?: Record<string, unknown> }[] | null;
}

export interface OperationValidators {
  readonly query?: CompiledValidator;
  readonly path?: CompiledValidator;
  readonly header?: CompiledValidator;
  readonly body?: CompiledValidator;
}

/** Everything the mock knows about one operation, generated from the spec at build time. */
export interface MockOperation {
  readonly operationId: string;
  readonly method: HttpMethodName;
  readonly path: string;
  readonly mock: MockBehaviour;
  readonly successStatus: number;
  /** The success response's media type (`application/json`, or e.g. `application/octet-stream` for exports). */
  readonly successMediaType: string;
  /** The spec's success example: the template every response of this operation is built from. */
  readonly example: unknown;
  readonly pagination?: PaginationMeta;
  readonly secured: boolean;
  /** Statuses the spec documents for this operation. */
  readonly statuses: readonly number[];
  /** Query parameters whose value is an array (`users[]=1&users[]=2` or repeated keys). */
  readonly arrayParams: readonly string[];
  /** Header parameters the spec declares, by name: the mock checks them with the `header` validator. */
  readonly headerParams?: readonly string[];
  readonly hasBody: boolean;
  /** The operation's own server, when it is not the vendor's base URL (WorkBoard's OAuth host). */
  readonly serverUrl?: string;
  /** The request body must be present (`requestBody.required`). */
  readonly bodyRequired?: boolean;
  /** The role the caller's key needs (`x-required-role`); the mock refuses other keys with 403. */
  readonly requiredRole?: string;
  /**
   * JSON types each top-level field of the answered record may have (from the response schema). A
   * request value of another type (tags sent as a list, answered as a string) does not replace the
   * record's value, so answers stay valid against the spec.
   */
  readonly fieldTypes?: Readonly<Record<string, readonly string[]>>;
  /** create only: the answer's fields that the resource's records lack (see `RecordBlank`). */
  readonly answerBlank?: RecordBlank;
  /**
   * The operation's own error bodies per status ("default" for any other), when its documented
   * failures are not in the vendor's envelope (no success flag, like WorkBoard's API v2 bodies).
   * The mock then answers every failure of this operation from these instead of `MockSpec.errors`.
   */
  readonly errors?: Readonly<Record<string, unknown>>;
}

/** A vendor's mock, as tools/codegen writes it into `src/generated/mock-spec.js`. */
export interface MockSpec {
  readonly vendor: string;
  readonly baseUrl: string;
  readonly envelope: EnvelopeMeta;
  readonly auth: readonly AuthSchemeMeta[];
  readonly requestIdHeader?: string;
  /** The vendor's error body example per HTTP status ("default" for any other). */
  readonly errors: Readonly<Record<string, unknown>>;
  /** How the vendor lists field errors: `{field: ["msg"]}` (array) or `{field: "msg"}` (string). */
  readonly detailsStyle: "array" | "string";
  /**
   * The field errors of a nested object are an object under its key (`{lead: {name: "…"}}`, as
   * BoardCRM groups a new deal's lead), not dotted keys (`{"lead.name": …}`).
   */
  readonly nestedDetails?: boolean;
  readonly operations: readonly MockOperation[];
  /** Seed records per resource: spec examples first, then schema-valid generated ones. */
  readonly fixtures: Readonly<Record<string, readonly Record<string, unknown>[]>>;
  /** What a new record of each resource holds before the request's values. */
  readonly blanks: Readonly<Record<string, RecordBlank>>;
}
