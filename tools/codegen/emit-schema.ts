import openapiTS, { astToString } from "openapi-typescript";

/** `paths`, `components`, `operations` and `webhooks` types by openapi-typescript. */
export async function emitSchema(document: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(document as never, {
    alphabetize: false,
    exportType: true,
    rootTypes: false,
    // A default is what the server assumes when a field is left out, so the field stays optional to send.
    defaultNonNullable: false,
  });
  return astToString(ast);
}
