import type { MockSpec, VendorMock } from "@workapis/mock";
import type { Obj } from "../../tools/codegen/spec-walk.ts";
import { isObj, type SpecModel, type SpecOperation } from "./spec-model.ts";

export const TEST_TOKEN = "conformance-test-token";

/** A value for a parameter: its example, the schema's example/default/first enum value, or a typed dummy. */
function sampleValue(model: SpecModel, param: Obj): unknown {
  if (param["example"] !== undefined) return param["example"];
  const schema = model.deref(param["schema"]);
  if (!isObj(schema)) return "1";
  for (const key of ["example", "default"]) if (schema[key] !== undefined) return schema[key];
  if (Array.isArray(schema["enum"])) return schema["enum"][0];
  if (Array.isArray(schema["examples"])) return schema["examples"][0];
  const type = Array.isArray(schema["type"]) ? schema["type"][0] : schema["type"];
  if (type === "integer" || type === "number") return schema["minimum"] ?? 1;
  if (type === "boolean") return true;
  if (type === "array") return [sampleValue(model, { schema: schema["items"] })];
  if (schema["format"] === "date") return "2025-01-15";
  if (schema["format"] === "date-time") return "2025-01-15T10:00:00Z";
  return "sample";
}

/** A header parameter's value: its example, or its schema's example, default or first enum value. */
export function headerSample(model: SpecModel, param: Obj): unknown {
  const schema = model.deref(param["schema"]);
  const fromSchema = isObj(schema)
    ? (schema["example"] ?? schema["default"] ?? (schema["enum"] as unknown[] | undefined)?.[0])
    : undefined;
  return param["example"] ?? fromSchema ?? "sample";
}

function existingId(
  mock: VendorMock,
  spec: MockSpec,
  resource: string,
  when: Readonly<Record<string, readonly unknown[]>> = {},
): string | number | undefined {
  const idField =
    spec.operations.find((o) => o.mock.resource === resource && o.mock.idField)?.mock.idField ?? "id";
  // A record the operation may act on (a submitted timesheet for approve).
  const first = mock.store
    .list(resource)
    .find((r) => Object.entries(when).every(([field, allowed]) => allowed.includes(r[field])));
  const id = first?.[idField];
  return typeof id === "string" || typeof id === "number" ? id : undefined;
}

export interface BuiltRequest {
  readonly request: Request;
  readonly body: unknown;
}

export interface BuildOptions {
  readonly auth?: boolean;
  readonly omitRequiredQuery?: boolean;
  /** Leave out the header parameters the operation requires. */
  readonly omitRequiredHeaders?: boolean;
  readonly body?: unknown;
  /** Target this record id instead of the first in the store. */
  readonly id?: string | number;
}

/** A request the spec says is valid, aimed at records that exist in the mock's store. */
export function buildRequest(
  model: SpecModel,
  mock: VendorMock,
  op: SpecOperation,
  options: BuildOptions = {},
): BuiltRequest {
  const spec = mock.spec;
  const mockOp = spec.operations.find((o) => o.operationId === op.operationId);
  const xMock = mockOp?.mock;
  const idValue = options.id ?? (xMock ? existingId(mock, spec, xMock.resource, xMock.when) : undefined);
  let path = op.path;
  for (const p of op.parameters.filter((p) => p["in"] === "path")) {
    const name = String(p["name"]);
    const value = name === xMock?.idParam && idValue !== undefined ? idValue : sampleValue(model, p);
    path = path.replace(`{${name}}`, encodeURIComponent(String(value)));
  }
  const url = new URL(`${mockOp?.serverUrl ?? mock.baseUrl}${path}`);
  for (const p of op.parameters.filter(
    (p) => p["in"] === "query" && (p["required"] === true || p["name"] === xMock?.idParam),
  )) {
    if (options.omitRequiredQuery && p["required"] === true) continue;
    const value = p["name"] === xMock?.idParam && idValue !== undefined ? idValue : sampleValue(model, p);
    for (const v of Array.isArray(value) ? value : [value])
      url.searchParams.append(String(p["name"]), String(v));
  }
  const headers = new Headers();
  const scheme = spec.auth[0];
  if (options.auth !== false && scheme) {
    if (scheme.type === "apiKey" && scheme.in === "query") url.searchParams.set(scheme.param, TEST_TOKEN);
    else if (scheme.type === "apiKey")
      headers.set(scheme.param, scheme.prefix ? `${scheme.prefix} ${TEST_TOKEN}` : TEST_TOKEN);
    else headers.set("Authorization", `Bearer ${TEST_TOKEN}`);
  }
  if (!options.omitRequiredHeaders)
    for (const p of op.parameters.filter((p) => p["in"] === "header" && p["required"] === true))
      headers.set(String(p["name"]), String(headerSample(model, p)));
  let body: unknown;
  if (op.operation["requestBody"] !== undefined) {
    body = options.body ?? structuredClone(model.example(model.json(op.operation["requestBody"])));
    if (
      options.body === undefined &&
      isObj(body) &&
      xMock?.idParam &&
      xMock.idParam in body &&
      idValue !== undefined
    ) {
      body[xMock.idParam] = idValue;
    }
    if (options.auth === false && isObj(body) && scheme?.type === "apiKey" && scheme.alsoInBody)
      delete body[scheme.param];
    headers.set("Content-Type", "application/json");
  }
  const request = new Request(url, {
    method: op.method.toUpperCase(),
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { request, body };
}
