import type { SpecModel } from "./spec-model.ts";

/** `client.ts`: `create<Vendor>Client`, the vendor's client type, and its options. */
export function emitClient(meta: SpecModel, vendor: string): string {
  const name = meta.vendor.clientName;
  const signed = meta.vendor.webhookSignature !== undefined;
  // `inferred` marks a scheme the vendor does not document (x-workapis.webhookSignature.inferred).
  const { inferred = false, ...scheme } = (meta.vendor.webhookSignature ?? {}) as { inferred?: boolean };
  const runtime = [
    "type ApiClient",
    "type ClientOptions",
    "createApiClient",
    "type ResponseValidatorsLoader",
    ...(signed ? [inferred ? "createWebhookParser" : "createWebhookVerifier"] : []),
  ];
  const helper = `${name[0]?.toLowerCase()}${name.slice(1)}Webhooks`;
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
    " * The response validators are the package's own `validators` entry, imported by its published name",
    " * so that a bundler keeps them in a chunk of their own, loaded only by `validateResponses`. The",
    " * specifier is typed by the loader, not resolved: the entry is built beside this one.",
    " */",
    `const validators = (() => import(${JSON.stringify(`@workapis/${vendor}/validators`)} as string)) as ResponseValidatorsLoader;`,
    "",
    "/**",
    ` * Creates a ${name} client. Calls resolve to \`{ data, error, response, requestId }\`; \`error\` is an`,
    " * `ApiError` carrying the vendor's code. Wrap a call in `unwrap()` to throw instead.",
    " */",
    `export function create${name}Client(options: ${name}ClientOptions): ${name}Client {`,
    `  return createApiClient<paths, ${name}ErrorCode, ${name}PaginatedOperations>(meta, options, validators);`,
    "}",
    "",
    ...(signed && !inferred
      ? [
          `/**\n * Verifies and parses ${name}'s signed webhooks into the typed events of the spec's\n * \`webhooks:\` section.\n */`,
          // The scheme is written out (not read from `meta`) and the call marked pure, so a bundler
          // drops the verifier, and the HMAC code under it, from a consumer that never imports it.
          `export const ${helper} = /* @__PURE__ */ createWebhookVerifier<webhooks>(${JSON.stringify(scheme)});`,
          "",
        ]
      : []),
    ...(signed && inferred
      ? [
          "/**",
          ` * Parses ${name}'s webhook deliveries into the typed events of the spec's \`webhooks:\` section.`,
          ` * ${name} does not document how deliveries are signed, so \`parse\` verifies nothing; \`verify\``,
          " * checks the spec's assumed scheme and is for callers who have confirmed their deliveries use it.",
          " */",
          `export const ${helper} = /* @__PURE__ */ createWebhookParser<webhooks>(${JSON.stringify(scheme)});`,
          "",
        ]
      : []),
  ].join("\n");
}
