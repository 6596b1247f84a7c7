/**
 * WorkBoard's own OpenAPI documents as the public repository github.com/api-evangelist/workboard
 * archives them (`openapi/_original/`), pinned to one commit: where
 * tools/evidence/extract-workboard-examples.ts reads them, and the public URL each operation's
 * `x-source` cites.
 */
import type { SchemaCounterpart } from "./vendor-examples.ts";

export const REPOSITORY = "https://github.com/api-evangelist/workboard";
export const COMMIT = "033869bf36f21543c3959e790ee6248246648346";

export const DOCUMENTS = {
  v1: {
    url: "https://apidocs.myworkboard.com/openapi.json",
    path: "openapi/_original/external-v1-openapi-original.yml",
  },
  v2: {
    url: "https://www.myworkboard.com/wb/apis/v2/docs-json",
    path: "openapi/_original/public-v2-openapi-original.yml",
    // v2's error schemas are named differently in our spec; the details object is inline in ours.
    schemas: {
      ApiErrorResponse: { schema: "V2ErrorResponse" },
      ApiErrorDetails: { schema: "V2ErrorDetails" },
      InvalidCustomAttributeValueErrorResponse: { schema: "InvalidAttributeValueErrorResponse" },
      InvalidCustomAttributeValueErrorDetails: {
        schema: "InvalidAttributeValueErrorResponse",
        at: ["details"],
      },
    } satisfies Record<string, SchemaCounterpart>,
  },
} as const;
