/**
 * `pnpm mock <vendor> [--port N] [--seed S]`: serves a vendor's stateful mock over HTTP on
 * 127.0.0.1 for curl and non-JS consumers, until interrupted.
 */
import { parseArgs } from "node:util";
import { serveMock } from "@workapis/mock/server";
import { loadVendorMock } from "./load-vendor-mock.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { port: { type: "string", default: "4010" }, seed: { type: "string" } },
});
const vendor = positionals[0];
if (!vendor) {
  console.error("usage: pnpm mock <vendor> [--port N] [--seed S]");
  process.exit(2);
}
const mock = await loadVendorMock(vendor, values.seed === undefined ? {} : { seed: Number(values.seed) });
const server = await serveMock(mock, { port: Number(values.port) });
console.log(`${vendor} mock listening: ${server.url}`);
console.log(
  `try: curl -H 'Authorization: Bearer test' ${server.url}${mock.spec.operations.find((o) => o.method === "get" && !o.path.includes("{"))?.path ?? "/"}`,
);
const stop = () => void server.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
