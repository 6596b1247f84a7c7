import type { ExtractedMeta } from "./extract-meta.ts";

/** `client.ts`: `create<Vendor>Client`, the vendor's client type, and its options. */
export function emitClient(meta: ExtractedMeta): string {
  const name = meta.vendor.clientName;
  const signed = meta.vendor.webhookSignature !== undefined;
  const runtime = [
    "type ApiClient",
    "type ClientOptions",
    "createApiClient",
    ...(signed ? ["createWebhookVerifier"] : []),
  ];
  return [
    `import { ${runtime.join(", ")} } from "@workapis/runtime";`,
    `import { meta, type ${name}ErrorCode, type ${name}PaginatedOperations } from "./operations.ts";`,
    `import type { paths${signed ? ", webhooks" : ""} } from "./schema.ts";`,
    "",
    `/**\n * A typed ${name} client: \`GET\`/\`POST\`/\`PUT\`/\`PATCH\`/\`DELETE\` by path, and \`paginate\` over\n * list operations.\n */`,
    `export type ${name}Client = ApiClient<paths, ${name}ErrorCode, ${name}PaginatedOperations>;`,
    "",
    `export type ${name}ClientOptions = ClientOptions;`,
    "",
    "/**",
    ` * Creates a ${name} client. Calls resolve to \`{ data, error, response, requestId }\`; \`error\` is an`,
    " * `ApiError` carrying the vendor's code. Wrap a call in `unwrap()` to throw instead.",
    " */",
    `export function create${name}Client(options: ${name}ClientOptions): ${name}Client {`,
    `  return createApiClient<paths, ${name}ErrorCode, ${name}PaginatedOperations>(meta, options);`,
    "}",
    "",
    ...(signed
      ? [
          `/**\n * Verifies and parses ${name}'s signed webhooks into the typed events of the spec's\n * \`webhooks:\` section.\n */`,
          // The scheme is written out (not read from `meta`) and the call marked pure, so a bundler
          // drops the verifier, and the HMAC code under it, from a consumer that never imports it.
          `export const ${name[0]?.toLowerCase()}${name.slice(1)}Webhooks = /* @__PURE__ */ createWebhookVerifier<webhooks>(${JSON.stringify(meta.vendor.webhookSignature)});`,
          "",
        ]
      : []),
  ].join("\n");
}
