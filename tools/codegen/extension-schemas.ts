/**
 * JSON Schemas of the project's spec extensions (specs/CONVENTIONS.md). ajv checks every spec
 * against them before generation, so a malformed extension fails with its JSON pointer.
 */
const pointer = { type: "string", pattern: "^(/[^/]*)*$" } as const;
const positive = { type: "integer", minimum: 1 } as const;

export const xWorkapisSchema = {
  type: "object",
  required: ["clientName", "envelope"],
  additionalProperties: false,
  properties: {
    clientName: { type: "string", pattern: "^[A-Z][A-Za-z0-9]*$" },
    envelope: {
      type: "object",
      required: ["success", "message"],
      additionalProperties: false,
      properties: { success: pointer, message: pointer, code: pointer, details: pointer },
    },
    errorCodes: { type: "string", pattern: "^#/components/schemas/[A-Za-z0-9_.-]+$" },
    rateLimit: {
      type: "object",
      required: ["requests", "perSeconds"],
      additionalProperties: false,
      properties: {
        requests: positive,
        perSeconds: { type: "number", exclusiveMinimum: 0 },
        scope: { type: "string" },
      },
    },
    requestIdHeader: { type: "string", pattern: "^[A-Za-z0-9-]+$" },
    trailingSlash: { type: "boolean" },
    webhookSignature: {
      type: "object",
      required: ["header", "algorithm", "encoding"],
      additionalProperties: false,
      properties: {
        header: { type: "string" },
        algorithm: { const: "hmac-sha256" },
        encoding: { enum: ["hex", "base64"] },
        prefix: { type: "string" },
        timestampHeader: { type: "string" },
        toleranceSeconds: positive,
        // The vendor does not document this scheme: the generated helper parses without verifying
        // and offers the scheme only through an explicit `verify` call.
        inferred: { type: "boolean" },
      },
    },
  },
} as const;

const paginationCommon = {
  in: { enum: ["query", "body"] },
  items: pointer,
  defaultSize: positive,
  maxSize: positive,
} as const;

export const xPaginationSchema = {
  type: "object",
  required: ["style", "items"],
  oneOf: [
    {
      additionalProperties: false,
      required: ["pageParam", "sizeParam"],
      properties: {
        ...paginationCommon,
        style: { const: "page" },
        pageParam: { type: "string" },
        sizeParam: { type: "string" },
        total: pointer,
        lastPage: pointer,
      },
    },
    {
      additionalProperties: false,
      required: ["offsetParam", "sizeParam"],
      properties: {
        ...paginationCommon,
        style: { const: "offset" },
        offsetParam: { type: "string" },
        sizeParam: { type: "string" },
        total: pointer,
      },
    },
    {
      additionalProperties: false,
      required: ["next"],
      properties: {
        ...paginationCommon,
        style: { const: "next-url" },
        next: pointer,
        sizeParam: { type: "string" },
      },
    },
    {
      additionalProperties: false,
      required: ["offsetParam", "next"],
      properties: {
        ...paginationCommon,
        style: { const: "next-offset" },
        offsetParam: { type: "string" },
        next: pointer,
        sizeParam: { type: "string" },
      },
    },
  ],
} as const;

export const xMockSchema = {
  type: "object",
  required: ["resource", "action"],
  properties: {
    resource: { type: "string", pattern: "^[a-z][A-Za-z0-9]*$" },
    action: { enum: ["list", "get", "create", "update", "delete", "action", "read", "custom"] },
    idParam: { type: "string" },
    idField: { type: "string" },
    record: pointer,
    missingStatus: { type: "integer", minimum: 400, maximum: 499 },
    when: { type: "object", additionalProperties: { type: "array", minItems: 1 } },
    set: { type: "object" },
    fromBody: { type: "object", propertyNames: pointer, additionalProperties: pointer },
    embeds: { type: "object", propertyNames: pointer, additionalProperties: { type: "string" } },
    references: { type: "object", additionalProperties: { type: "string" } },
    nested: {
      type: "object",
      additionalProperties: {
        oneOf: [
          { type: "string" },
          {
            type: "object",
            required: ["resource"],
            additionalProperties: false,
            properties: { resource: { type: "string" }, set: { type: "object" } },
          },
        ],
      },
    },
    ranges: {
      type: "object",
      additionalProperties: {
        type: "object",
        required: ["field", "compare"],
        additionalProperties: false,
        properties: { field: { type: "string" }, compare: { enum: [">=", "<=", ">", "<"] } },
      },
    },
  },
} as const;

/** `x-source`: the address of the vendor page or published document that shows this operation. */
export const xSourceSchema = { type: "string", pattern: "^https://" } as const;

/** `x-inferred`: why the design is ours, worded as an assumption, where the vendor documents nothing. */
export const xInferredSchema = { type: "string", minLength: 20 } as const;
