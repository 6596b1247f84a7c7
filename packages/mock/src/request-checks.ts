import type { OperationInput } from "./apply-operation.ts";
import { credentialState, headerToken, withoutCredentials } from "./credentials.ts";
import { errorResponse, errorStyleOf, fieldErrors } from "./error-responses.ts";
import { ForbiddenKeyError, type ParsedBody, parseBody, parseQuery } from "./request-parsing.ts";
import type { CompiledValidator, MockOperation, MockSpec, OperationValidators } from "./types.ts";

/** What the checks need to know besides the request. */
export interface CheckSettings {
  readonly spec: MockSpec;
  readonly validators: Readonly<Record<string, OperationValidators>>;
  readonly validate: boolean;
  readonly tokenRoles: Readonly<Record<string, string>>;
  readonly defaultRole: string;
}

/** The first of the statuses the operation documents, else the first given. */
function documented(op: MockOperation, ...statuses: number[]): number {
  return statuses.find((s) => op.statuses.includes(s)) ?? (statuses[0] as number);
}

function validationError(
  spec: MockSpec,
  op: MockOperation,
  validator: CompiledValidator,
  status: number,
  message: string,
): Response {
  return errorResponse(errorStyleOf(spec, op), status, {
    message,
    details: fieldErrors(validator.errors ?? []),
  });
}

/** A key that leads to a prototype, refused as the vendor refuses a field it does not allow. */
function forbiddenKeyError(spec: MockSpec, op: MockOperation, key: string): Response {
  return errorResponse(errorStyleOf(spec, op), documented(op, 422, 400), {
    message: "Validation failed",
    details: { [key]: [`The ${key} field is not allowed.`] },
  });
}

/**
 * The declared header parameters the request sends, by their spec names. An empty value counts as not
 * sent: a header that must be there must have a value.
 */
function headerValues(request: Request, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = request.headers.get(name);
    if (value !== null && value.trim() !== "") out[name] = value;
  }
  return out;
}

/**
 * Everything the vendor checks before it acts, in its order: keys, body syntax, credentials, role,
 * then the request against the spec (path, query, headers, body). The request as the operation
 * reads it, or the vendor's error answer.
 */
export async function checkRequest(
  settings: CheckSettings,
  op: MockOperation,
  request: Request,
  url: URL,
  params: Record<string, string>,
): Promise<OperationInput | Response> {
  const { spec } = settings;
  const style = errorStyleOf(spec, op);
  let query: Record<string, unknown>;
  try {
    query = parseQuery(url, op.arrayParams);
  } catch (error) {
    if (error instanceof ForbiddenKeyError) return forbiddenKeyError(spec, op, error.key);
    throw error;
  }
  const parsed: ParsedBody = op.hasBody ? await parseBody(request) : { ok: true, body: undefined };
  if (!parsed.ok) {
    if (parsed.forbiddenKey !== undefined) return forbiddenKeyError(spec, op, parsed.forbiddenKey);
    return errorResponse(style, documented(op, 400, 422), { message: parsed.message });
  }
  if (op.secured) {
    const state = credentialState(request, url, parsed.body, spec.auth);
    if (state !== "ok") {
      return errorResponse(style, 401, {
        message:
          state === "missing"
            ? "Unauthenticated: no access token was sent"
            : "Unauthenticated: the access token is malformed",
      });
    }
  }
  if (op.requiredRole) {
    const token = headerToken(request, spec.auth);
    const role = (token && settings.tokenRoles[token]) ?? settings.defaultRole;
    if (role !== op.requiredRole) {
      return errorResponse(style, 403, {
        message: `This key's user has the ${role} role; this needs ${op.requiredRole}`,
      });
    }
  }
  if (settings.validate) {
    const v = settings.validators[op.operationId] ?? {};
    // A path id of the wrong type names no record: the vendor's 400 where it documents one, else its 404.
    if (v.path && !v.path(params))
      return validationError(spec, op, v.path, documented(op, 400, 404), "Invalid parameters");
    if (v.query && !v.query(query))
      return validationError(spec, op, v.query, documented(op, 400, 422), "Invalid parameters");
    const headers = headerValues(request, op.headerParams ?? []);
    if (v.header && !v.header(headers)) {
      const names = Object.keys(fieldErrors(v.header.errors ?? []));
      return validationError(
        spec,
        op,
        v.header,
        documented(op, 400, 422),
        `Missing or invalid header: ${names.join(", ")}`,
      );
    }
    if (op.hasBody && parsed.body === undefined && op.bodyRequired) {
      return errorResponse(style, documented(op, 422, 400), {
        details: { body: ["The request body is required."] },
      });
    }
    if (op.hasBody && parsed.body !== undefined && v.body && !v.body(parsed.body))
      return validationError(spec, op, v.body, documented(op, 422, 400), "Validation failed");
  }
  return { params, query, body: withoutCredentials(parsed.body, spec.auth), url: request.url };
}
