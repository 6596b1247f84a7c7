import type { AuthSchemeMeta, OperationMeta, PaginationMeta, VendorMeta } from "@workapis/runtime";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
// The runtime's own rule, from its source: codegen runs before the runtime is built.
import { retrySafeByMethod } from "../../packages/runtime/src/transport/retry-policy.ts";
import {
  xInferredSchema,
  xMockSchema,
  xPaginationSchema,
  xSourceSchema,
  xWorkapisSchema,
} from "./extension-schemas.ts";
import type { LoadedSpec } from "./load-spec.ts";
import { type SpecProblem, toPointer } from "./spec-error.ts";
import {
  deref,
  isObj,
  jsonMedia,
  type Obj,
  operationsOf,
  parametersOf,
  propertiesOf,
  schemaAt,
} from "./spec-walk.ts";

/** An operation as codegen knows it: what the client reads, and its operationId (for types, mocks, docs). */
export type ExtractedOperation = OperationMeta & { readonly operationId: string };

/** The vendor as codegen knows it: what the client reads, and the name its exports are built from. */
export type ExtractedVendor = VendorMeta & { readonly clientName: string };

/** A paginated operation and where its success body lives in the generated `paths` type. */
export interface PaginatedOperation {
  readonly op: ExtractedOperation & { readonly pagination: PaginationMeta };
  readonly successStatus: string;
  readonly mediaType: string;
}

export interface ExtractedMeta {
  readonly vendor: ExtractedVendor;
  readonly operations: readonly ExtractedOperation[];
  readonly paginated: readonly PaginatedOperation[];
  /** The `components.schemas` name of the vendor's error-code enum, if it lists any code. */
  readonly errorCodeSchema: string | undefined;
  /** The documented error codes: the values of that enum (none when the spec declares none). */
  readonly errorCodes: readonly (string | number)[];
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validators = {
  "x-workapis": ajv.compile(xWorkapisSchema),
  "x-pagination": ajv.compile(xPaginationSchema),
  "x-mock": ajv.compile(xMockSchema),
  "x-source": ajv.compile(xSourceSchema),
  "x-inferred": ajv.compile(xInferredSchema),
};

function check(
  name: keyof typeof validators,
  value: unknown,
  at: readonly (string | number)[],
  file: string,
  problems: SpecProblem[],
): boolean {
  const validate: ValidateFunction = validators[name];
  if (validate(value)) return true;
  for (const e of (validate.errors ?? []) as ErrorObject[]) {
    problems.push({
      file,
      pointer: `${toPointer(at)}${e.instancePath}`,
      message: `${name} ${e.message ?? "is invalid"}${e.params && "allowedValues" in e.params ? ` (${String(e.params["allowedValues"])})` : ""}`,
    });
  }
  return false;
}

/** Every operation names its evidence: exactly one of `x-source` (a vendor page) or `x-inferred` (why it is ours). */
function checkProvenance(
  operation: Obj,
  at: readonly (string | number)[],
  file: string,
  problems: SpecProblem[],
): void {
  const source = operation["x-source"];
  const inferred = operation["x-inferred"];
  if ((source === undefined) === (inferred === undefined)) {
    problems.push({ file, pointer: toPointer(at), message: "needs exactly one of x-source or x-inferred" });
    return;
  }
  if (source !== undefined) check("x-source", source, [...at, "x-source"], file, problems);
  else check("x-inferred", inferred, [...at, "x-inferred"], file, problems);
}

function authSchemes(doc: Obj): AuthSchemeMeta[] {
  const components = isObj(doc["components"]) ? doc["components"] : {};
  const schemes = isObj(components["securitySchemes"]) ? components["securitySchemes"] : {};
  const out: AuthSchemeMeta[] = [];
  for (const [name, raw] of Object.entries(schemes)) {
    const s = deref(doc, raw);
    if (!isObj(s)) continue;
    if (s["type"] === "http" && String(s["scheme"]).toLowerCase() === "bearer")
      out.push({ type: "bearer", name });
    else if (s["type"] === "apiKey") {
      const where = s["in"] === "query" || s["in"] === "cookie" ? s["in"] : "header";
      out.push({
        type: "apiKey",
        name,
        in: where,
        param: String(s["name"]),
        ...(typeof s["x-token-prefix"] === "string" ? { prefix: s["x-token-prefix"] } : {}),
        ...(s["x-also-in-body"] === true ? { alsoInBody: true } : {}),
      });
    } else if (s["type"] === "oauth2" && isObj(s["flows"])) {
      const flow = Object.values(s["flows"]).find(isObj) ?? {};
      const str = (k: string) => (typeof flow[k] === "string" ? { [k]: flow[k] as string } : {});
      out.push({
        type: "oauth2",
        name,
        ...str("authorizationUrl"),
        ...str("tokenUrl"),
        ...str("refreshUrl"),
        scopes: isObj(flow["scopes"]) ? Object.keys(flow["scopes"]) : [],
      });
    }
  }
  return out;
}

function successResponse(doc: Obj, operation: Obj): { status: string; mediaType: string } | undefined {
  const responses = isObj(operation["responses"]) ? operation["responses"] : {};
  const status = Object.keys(responses).find((s) => /^2\d\d$/.test(s));
  if (!status) return undefined;
  const response = deref(doc, responses[status]);
  const content = isObj(response) && isObj(response["content"]) ? response["content"] : {};
  const mediaType = Object.keys(content).find((m) => m.includes("json"));
  return mediaType ? { status, mediaType } : undefined;
}

/**
 * How the client reads the operation's success body when it is not JSON: `text` for `text/*`, `blob`
 * for any other media type (a download). The runtime's response types apply the same rule.
 */
/** The 2xx statuses other than 204 that an operation declares without content (an empty body is success). */
export function emptyStatusesOf(doc: Obj, operation: Obj): number[] {
  const responses = isObj(operation["responses"]) ? operation["responses"] : {};
  return Object.keys(responses)
    .filter((s) => /^2\d\d$/.test(s) && s !== "204")
    .filter((s) => {
      const response = deref(doc, responses[s]);
      return isObj(response) && !isObj(response["content"]);
    })
    .map(Number);
}

export function parseModeOf(doc: Obj, operation: Obj): "text" | "blob" | undefined {
  const responses = isObj(operation["responses"]) ? operation["responses"] : {};
  const media = Object.keys(responses)
    .filter((s) => /^2(\d\d|XX)$/.test(s))
    .flatMap((s) => {
      const response = deref(doc, responses[s]);
      return isObj(response) && isObj(response["content"]) ? Object.keys(response["content"]) : [];
    });
  if (media.length === 0 || media.some((m) => m.includes("json"))) return undefined;
  return media.some((m) => m.startsWith("text/")) ? "text" : "blob";
}

/**
 * `x-mock.ranges` of a list must name query parameters the operation declares (every list but a
 * body-paged RPC list, whose filters come from the body), and fields its records have: a misspelt
 * one would filter nothing.
 */
function checkRanges(
  doc: Obj,
  operation: Obj,
  query: ReadonlySet<string>,
  at: readonly (string | number)[],
  file: string,
  problems: SpecProblem[],
): void {
  const ranges = (operation["x-mock"] as Obj)["ranges"];
  if (!isObj(ranges)) return;
  const pagination = operation["x-pagination"];
  if (!(isObj(pagination) && pagination["in"] === "body"))
    for (const name of Object.keys(ranges))
      if (!query.has(name))
        problems.push({
          file,
          pointer: toPointer([...at, name]),
          message: `x-mock.ranges names query parameter "${name}", which the operation does not declare`,
        });
  // The records are the list's items: where x-pagination (or x-mock.record) points in the success body.
  const success = successResponse(doc, operation);
  const media = success ? jsonMedia(doc, (operation["responses"] as Obj)[success.status]) : undefined;
  const items =
    (isObj(pagination) && typeof pagination["items"] === "string" ? pagination["items"] : undefined) ??
    ((operation["x-mock"] as Obj)["record"] as string | undefined) ??
    "/data";
  const fields = new Set(
    media ? propertiesOf(doc, schemaAt(doc, media["schema"], `${items}/0`)).map(([name]) => name) : [],
  );
  if (fields.size === 0) return; // nothing to check against: the item schema declares no properties
  for (const [name, range] of Object.entries(ranges)) {
    const field = isObj(range) ? range["field"] : undefined;
    if (typeof field === "string" && !fields.has(field))
      problems.push({
        file,
        pointer: toPointer([...at, name, "field"]),
        message: `x-mock.ranges.${name} bounds field "${field}", which the list's records do not have`,
      });
  }
}

/** The codes an `x-workapis.errorCodes` schema documents: its enum's strings and numbers, nothing else. */
function documentedCodes(schema: unknown): (string | number)[] {
  const values = isObj(schema) && Array.isArray(schema["enum"]) ? schema["enum"] : [];
  return values.filter((v): v is string | number => typeof v === "string" || typeof v === "number");
}

/** Validates the project's extensions and extracts what the runtime needs; problems are collected, not thrown. */
export function extractMeta(spec: LoadedSpec, problems: SpecProblem[]): ExtractedMeta | undefined {
  const { document: doc, file } = spec;
  const before = problems.length;
  const x = doc["x-workapis"];
  if (x === undefined)
    problems.push({ file, pointer: "#", message: "x-workapis is required (specs/CONVENTIONS.md)" });
  else check("x-workapis", x, ["x-workapis"], file, problems);
  const servers = Array.isArray(doc["servers"]) ? doc["servers"] : [];
  const baseUrl = isObj(servers[0]) && typeof servers[0]["url"] === "string" ? servers[0]["url"] : undefined;
  if (!baseUrl) problems.push({ file, pointer: "#/servers", message: "a server URL is required" });

  const xw = (isObj(x) ? x : {}) as Obj;
  const errorCodeRef = typeof xw["errorCodes"] === "string" ? xw["errorCodes"] : undefined;
  if (errorCodeRef && deref(doc, { $ref: errorCodeRef }) === undefined) {
    problems.push({ file, pointer: "#/x-workapis/errorCodes", message: `${errorCodeRef} does not resolve` });
  }

  const operations: ExtractedOperation[] = [];
  const paginated: PaginatedOperation[] = [];
  for (const walked of operationsOf(doc)) {
    const { path, method, pathItem, operation } = walked;
    const at = ["paths", path, method];
    const operationId = String(operation["operationId"] ?? "");
    const queryParams = new Set(
      parametersOf(doc, walked)
        .filter((p) => p["in"] === "query")
        .map((p) => String(p["name"])),
    );
    checkProvenance(operation, at, file, problems);
    if (operation["x-mock"] === undefined)
      problems.push({ file, pointer: toPointer(at), message: "x-mock is required" });
    else if (check("x-mock", operation["x-mock"], [...at, "x-mock"], file, problems))
      checkRanges(doc, operation, queryParams, [...at, "x-mock", "ranges"], file, problems);
    const retrySafe = retrySafeByMethod(method) || operation["x-retry-safe"] === true;
    const rawPagination = operation["x-pagination"];
    let pagination: PaginationMeta | undefined;
    if (
      rawPagination !== undefined &&
      check("x-pagination", rawPagination, [...at, "x-pagination"], file, problems)
    ) {
      const p = { in: "query", ...(rawPagination as Obj) } as unknown as PaginationMeta;
      const wanted = [
        p.style === "page" ? p.pageParam : undefined,
        p.style === "offset" || p.style === "next-offset" ? p.offsetParam : undefined,
        p.sizeParam,
      ].filter((n): n is string => n !== undefined);
      if (p.in === "query") {
        for (const name of wanted) {
          if (!queryParams.has(name)) {
            problems.push({
              file,
              pointer: toPointer([...at, "x-pagination"]),
              message: `x-pagination names query parameter "${name}", which the operation does not declare`,
            });
          }
        }
      }
      const success = successResponse(doc, operation);
      if (!success) {
        problems.push({
          file,
          pointer: toPointer([...at, "responses"]),
          message: "a paginated operation needs a 2xx JSON response",
        });
      } else {
        pagination = p;
        paginated.push({
          op: { operationId, method, path, retrySafe, pagination: p },
          successStatus: success.status,
          mediaType: success.mediaType,
        });
      }
    }
    const ownServers = [operation["servers"], pathItem["servers"]].find(
      (s) => Array.isArray(s) && s.length > 0,
    ) as { url?: unknown }[] | undefined;
    const ownUrl = typeof ownServers?.[0]?.url === "string" ? ownServers[0].url : undefined;
    const parseAs = parseModeOf(doc, operation);
    const emptyStatuses = emptyStatusesOf(doc, operation);
    const security = operation["security"] ?? doc["security"];
    const open =
      Array.isArray(security) &&
      (security.length === 0 || security.every((s) => isObj(s) && Object.keys(s).length === 0));
    operations.push({
      operationId,
      method,
      path,
      retrySafe,
      ...(pagination ? { pagination } : {}),
      ...(open ? { secured: false as const } : {}),
      ...(ownUrl ? { baseUrl: ownUrl } : {}),
      ...(parseAs ? { parseAs } : {}),
      ...(emptyStatuses.length > 0 ? { emptyStatuses } : {}),
    });
  }
  if (problems.length > before || !isObj(x) || !baseUrl) return undefined;

  const envelope = xw["envelope"] as VendorMeta["envelope"];
  const vendor: ExtractedVendor = {
    clientName: String(xw["clientName"]),
    baseUrl,
    envelope,
    auth: authSchemes(doc),
    ...(isObj(xw["rateLimit"])
      ? { rateLimit: xw["rateLimit"] as unknown as VendorMeta["rateLimit"] & object }
      : {}),
    ...(typeof xw["requestIdHeader"] === "string" ? { requestIdHeader: xw["requestIdHeader"] } : {}),
    ...(xw["trailingSlash"] === true ? { trailingSlash: true } : {}),
    ...(isObj(xw["webhookSignature"])
      ? { webhookSignature: xw["webhookSignature"] as unknown as VendorMeta["webhookSignature"] & object }
      : {}),
  };
  const errorCodes = documentedCodes(errorCodeRef ? deref(doc, { $ref: errorCodeRef }) : undefined);
  const errorCodeSchema = errorCodes.length > 0 ? errorCodeRef?.split("/").pop() : undefined;
  return { vendor, operations, paginated, errorCodeSchema, errorCodes };
}
