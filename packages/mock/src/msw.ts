import { http, passthrough } from "msw";
import type { VendorMock } from "./create-mock.ts";
import type { OperationsShape } from "./override-types.ts";

/** msw handlers that route every request under the vendor's base URL through the mock. */
export function mswHandlers<Ops extends OperationsShape>(mock: VendorMock<Ops>) {
  return mock.baseUrls.map((base) =>
    http.all(`${base}/*`, async ({ request }) => (await mock.handle(request)) ?? passthrough()),
  );
}
