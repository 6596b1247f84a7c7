import type { MockOperation } from "@workapis/mock";
import type { AuthSchemeMeta, HttpMethodName, PaginationMeta, VendorMeta } from "@workapis/runtime";
// The runtime's own rule, from its source: codegen runs before the runtime is built.
import { retrySafeByMethod } from "../../packages/runtime/src/transport/retry-policy.ts";
import { checkExtension, checkProvenance, checkRanges } from "./check-extensions.ts";
import type { LoadedSpec } from "./load-spec.ts";
import { type SpecProblem, toPointer } from "./spec-error.ts";
import {
  deref,
  isObj,
  mediaExample,
  type Obj,
  operationsOf,
  parametersOf,
  propertiesOf,
  schemaAt,
} from "./spec-walk.ts";

/**
 * The one typed model of a spec that every emitter reads (spec → model → emitters): the vendor, and
 * per operation what the client, the mock, its validators and the types need, with `$ref`s of
 * parameters, bodies and responses already followed. Schemas stay JSON Schema as the spec writes
 * them (`document` resolves their `$ref`s; openapi-typescript and ajv read them as they are).
 */
export interface SpecModel {
  readonly file: string;
  /** `info.title`. */
  readonly title: string | undefined;
  /** The parsed spec, for what reads JSON Schema itself (openapi-typescript, ajv, fixtures). */
  readonly document: Obj;
  readonly vendor: ModelVendor;
  readonly operations: readonly ModelOperation[];
  /** The paginated operations, with where their items live in the generated `paths` type. */
  readonly paginated: readonly PaginatedOperation[];
  /** The `components.schemas` name of the vendor's error-code enum, if it lists any code. */
  readonly errorCodeSchema: string | undefined;
  /** The documented error codes: the values of that enum (none when the spec declares none). */
  readonly errorCodes: readonly (string | number)[];
}

/** The vendor as codegen knows it: what the client reads, and the name its exports are built from. */
export type ModelVendor = VendorMeta & { readonly clientName: string };

export interface ModelParameter {
  readonly name: string;
  readonly in: "path" | "query" | "header" | "cookie";
  readonly required: boolean;
  /** The parameter's schema as written (`$ref`s kept). */
  readonly schema: unknown;
  /** The parameter's own `example`, if it has one. */
  readonly example: unknown;
  readonly description: string | undefined;
}

/** A request or response body's content: the media type read (JSON when offered, else the first). */
export interface ModelContent {
  /** Every media type offered, in spec order. */
  readonly mediaTypes: readonly string[];
  readonly mediaType: string;
  /** The media type object of `mediaType`. */
  readonly media: Obj;
  /** Its first example (`example`, or the first of `examples`). */
  readonly example: unknown;
}

export interface ModelRequestBody {
  readonly required: boolean;
  readonly content: ModelContent | undefined;
}

export interface ModelResponse {
  /** As the spec keys it: `200`, `4XX`, `default`. */
  readonly status: string;
  /** Absent for a response without content. */
  readonly content: ModelContent | undefined;
}

export interface ModelOperation {
  readonly operationId: string;
  readonly method: HttpMethodName;
  readonly path: string;
  readonly summary: string | undefined;
  readonly description: string | undefined;
  readonly tags: readonly string[];
  /** The vendor page that documents it, or why it is assumed (exactly one is set). */
  readonly source: string | undefined;
  readonly inferred: string | undefined;
  readonly parameters: readonly ModelParameter[];
  readonly requestBody: ModelRequestBody | undefined;
  /** In spec order. */
  readonly responses: readonly ModelResponse[];
  /** Whether the operation may be sent again after a failure (its method, or `x-retry-safe`). */
  readonly retrySafe: boolean;
  /**
   * Whether the operation only reads: a GET, or a POST the spec marks `x-retry-safe` (a read the vendor
   * takes as POST, as BoardCRM's get, list and export calls). The one place this is decided: `probe`
   * calls these, and the MCP server offers them without `--allow-writes` (through the catalog).
   */
  readonly safeRead: boolean;
  readonly pagination: PaginationMeta | undefined;
  /** `false` when its `security` (or the spec's) is explicitly empty: the client sends no credential. */
  readonly secured: boolean;
  /** Whether a call without a credential is refused: some scheme is declared and none is optional (`{}`). */
  readonly credentialRequired: boolean;
  /** Its own server, when it has one (WorkBoard's OAuth host). */
  readonly baseUrl: string | undefined;
  /** How its success body is read when it is not JSON. */
  readonly parseAs: "text" | "blob" | undefined;
  /** 2xx statuses other than 204 declared without content. */
  readonly emptyStatuses: readonly number[];
  readonly mock: MockOperation["mock"];
  /** `x-required-role`: the role the mock asks of the caller. */
  readonly requiredRole: string | undefined;
}

/** A paginated operation and where its success body lives in the generated `paths` type. */
export interface PaginatedOperation {
  readonly op: ModelOperation & { readonly pagination: PaginationMeta };
  readonly successStatus: string;
  readonly mediaType: string;
}

const is2xx = (status: string) => /^2\d\d$/.test(status);

/** The first 2xx response (the operation's success), if any. */
export function successResponse(op: ModelOperation): ModelResponse | undefined {
  return op.responses.find((r) => is2xx(r.status));
}

/** The success response when it offers JSON: what pagination and the paginated types read. */
function jsonSuccess(op: ModelOperation): { status: string; mediaType: string } | undefined {
  const success = successResponse(op);
  const mediaType = success?.content?.mediaTypes.find((m) => m.includes("json"));
  return success && mediaType ? { status: success.status, mediaType } : undefined;
}

function contentOf(doc: Obj, holder: unknown): ModelContent | undefined {
  const content = isObj(holder) && isObj(holder["content"]) ? holder["content"] : undefined;
  if (!content) return undefined;
  const mediaTypes = Object.keys(content);
  const mediaType = mediaTypes.find((m) => m.includes("json")) ?? mediaTypes[0];
  const media = mediaType === undefined ? undefined : content[mediaType];
  if (mediaType === undefined || !isObj(media)) return undefined;
  return { mediaTypes, mediaType, media, example: mediaExample(doc, media) };
}

/**
 * How the client reads the operation's success body when it is not JSON: `text` for `text/*`, `blob`
 * for any other media type (a download). The runtime's response types apply the same rule.
 */
export function parseModeOf(responses: readonly ModelResponse[]): "text" | "blob" | undefined {
  const media = responses
    .filter((r) => /^2(\d\d|XX)$/.test(r.status))
    .flatMap((r) => r.content?.mediaTypes ?? []);
  if (media.length === 0 || media.some((m) => m.includes("json"))) return undefined;
  return media.some((m) => m.startsWith("text/")) ? "text" : "blob";
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

/** The codes an `x-workapis.errorCodes` schema documents: its enum's strings and numbers, nothing else. */
function documentedCodes(schema: unknown): (string | number)[] {
  const values = isObj(schema) && Array.isArray(schema["enum"]) ? schema["enum"] : [];
  return values.filter((v): v is string | number => typeof v === "string" || typeof v === "number");
}

/** The fields of a list's records: its items, where x-pagination (or x-mock.record) points in the success body. */
function recordFields(doc: Obj, op: ModelOperation, pagination: unknown): Set<string> {
  const success = jsonSuccess(op) ? successResponse(op) : undefined;
  const schema = success?.content?.media["schema"];
  const items =
    (isObj(pagination) && typeof pagination["items"] === "string" ? pagination["items"] : undefined) ??
    op.mock.record ??
    "/data";
  return new Set(
    schema === undefined ? [] : propertiesOf(doc, schemaAt(doc, schema, `${items}/0`)).map(([name]) => name),
  );
}

/**
 * Reads a loaded spec into its model, validating the project's extensions on the way. Problems are
 * collected, not thrown; the model is `undefined` when there is any.
 */
export function buildSpecModel(spec: LoadedSpec, problems: SpecProblem[]): SpecModel | undefined {
  const { document: doc, file } = spec;
  const before = problems.length;
  const x = doc["x-workapis"];
  if (x === undefined)
    problems.push({ file, pointer: "#", message: "x-workapis is required (specs/CONVENTIONS.md)" });
  else checkExtension("x-workapis", x, { file, at: ["x-workapis"] }, problems);
  const servers = Array.isArray(doc["servers"]) ? doc["servers"] : [];
  const baseUrl = isObj(servers[0]) && typeof servers[0]["url"] === "string" ? servers[0]["url"] : undefined;
  if (!baseUrl) problems.push({ file, pointer: "#/servers", message: "a server URL is required" });

  const xw = (isObj(x) ? x : {}) as Obj;
  const errorCodeRef = typeof xw["errorCodes"] === "string" ? xw["errorCodes"] : undefined;
  if (errorCodeRef && deref(doc, { $ref: errorCodeRef }) === undefined) {
    problems.push({ file, pointer: "#/x-workapis/errorCodes", message: `${errorCodeRef} does not resolve` });
  }

  const operations: ModelOperation[] = [];
  const paginated: PaginatedOperation[] = [];
  for (const walked of operationsOf(doc)) {
    const { path, method, pathItem, operation } = walked;
    const at = ["paths", path, method];
    const parameters = parametersOf(doc, walked).map(
      (p): ModelParameter => ({
        name: String(p["name"]),
        in: p["in"] as ModelParameter["in"],
        required: p["required"] === true,
        schema: p["schema"],
        example: p["example"],
        description: typeof p["description"] === "string" ? p["description"].trim() : undefined,
      }),
    );
    const queryParams = new Set(parameters.filter((p) => p.in === "query").map((p) => p.name));
    checkProvenance(operation, { file, at }, problems);
    const mockOk =
      operation["x-mock"] !== undefined &&
      checkExtension("x-mock", operation["x-mock"], { file, at: [...at, "x-mock"] }, problems);
    if (operation["x-mock"] === undefined)
      problems.push({ file, pointer: toPointer(at), message: "x-mock is required" });

    const rawBody = deref(doc, operation["requestBody"]);
    const responsesObj = isObj(operation["responses"]) ? operation["responses"] : {};
    const responses = Object.entries(responsesObj).map(
      ([status, raw]): ModelResponse => ({ status, content: contentOf(doc, deref(doc, raw)) }),
    );
    const ownServers = [operation["servers"], pathItem["servers"]].find(
      (s) => Array.isArray(s) && s.length > 0,
    ) as { url?: unknown }[] | undefined;
    const security = operation["security"] ?? doc["security"];
    const open =
      Array.isArray(security) &&
      (security.length === 0 || security.every((s) => isObj(s) && Object.keys(s).length === 0));
    const retrySafe = retrySafeByMethod(method) || operation["x-retry-safe"] === true;
    const model: ModelOperation = {
      operationId: String(operation["operationId"] ?? ""),
      method,
      path,
      summary: typeof operation["summary"] === "string" ? operation["summary"] : undefined,
      description: typeof operation["description"] === "string" ? operation["description"].trim() : undefined,
      tags: Array.isArray(operation["tags"]) ? operation["tags"].map(String) : [],
      source: typeof operation["x-source"] === "string" ? operation["x-source"] : undefined,
      inferred: typeof operation["x-inferred"] === "string" ? operation["x-inferred"] : undefined,
      parameters,
      requestBody: isObj(rawBody)
        ? { required: rawBody["required"] === true, content: contentOf(doc, rawBody) }
        : undefined,
      responses,
      retrySafe,
      safeRead: method === "get" || (method === "post" && retrySafe),
      pagination: undefined,
      secured: !open,
      credentialRequired:
        Array.isArray(security) &&
        security.length > 0 &&
        !security.some((s) => isObj(s) && Object.keys(s).length === 0),
      baseUrl: typeof ownServers?.[0]?.url === "string" ? ownServers[0].url : undefined,
      parseAs: parseModeOf(responses),
      emptyStatuses: responses
        .filter((r) => is2xx(r.status) && r.status !== "204" && r.content === undefined)
        .map((r) => Number(r.status)),
      mock: (operation["x-mock"] ?? {}) as MockOperation["mock"],
      requiredRole:
        typeof operation["x-required-role"] === "string" ? operation["x-required-role"] : undefined,
    };

    const rawPagination = operation["x-pagination"];
    if (mockOk && isObj(model.mock.ranges))
      checkRanges(
        model.mock.ranges as Obj,
        isObj(rawPagination) && rawPagination["in"] === "body",
        queryParams,
        recordFields(doc, model, rawPagination),
        { file, at: [...at, "x-mock", "ranges"] },
        problems,
      );
    let pagination: PaginationMeta | undefined;
    if (
      rawPagination !== undefined &&
      checkExtension("x-pagination", rawPagination, { file, at: [...at, "x-pagination"] }, problems)
    ) {
      const p = { in: "query", ...(rawPagination as Obj) } as unknown as PaginationMeta;
      const wanted = [
        p.style === "page" ? p.pageParam : undefined,
        p.style === "offset" || p.style === "next-offset" ? p.offsetParam : undefined,
        p.sizeParam,
      ].filter((n): n is string => n !== undefined);
      if (p.in === "query")
        for (const name of wanted)
          if (!queryParams.has(name))
            problems.push({
              file,
              pointer: toPointer([...at, "x-pagination"]),
              message: `x-pagination names query parameter "${name}", which the operation does not declare`,
            });
      const success = jsonSuccess(model);
      if (!success)
        problems.push({
          file,
          pointer: toPointer([...at, "responses"]),
          message: "a paginated operation needs a 2xx JSON response",
        });
      else {
        pagination = p;
        paginated.push({
          op: { ...model, pagination: p },
          successStatus: success.status,
          mediaType: success.mediaType,
        });
      }
    }
    operations.push(pagination ? { ...model, pagination } : model);
  }
  if (problems.length > before || !isObj(x) || !baseUrl) return undefined;

  const vendor: ModelVendor = {
    clientName: String(xw["clientName"]),
    baseUrl,
    envelope: xw["envelope"] as VendorMeta["envelope"],
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
  const info = isObj(doc["info"]) ? doc["info"] : {};
  const title = typeof info["title"] === "string" ? info["title"] : undefined;
  return { file, title, document: doc, vendor, operations, paginated, errorCodeSchema, errorCodes };
}
