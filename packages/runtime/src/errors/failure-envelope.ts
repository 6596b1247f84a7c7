import type { EnvelopeMeta } from "../metadata.ts";
import { readPointer } from "../util/json-pointer.ts";

/** True when a parsed body is the vendor's failure envelope (`success:false`, `status:false`). */
export function isFailureEnvelope(body: unknown, envelope: EnvelopeMeta): boolean {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return false;
  const flag = readPointer(body, envelope.success);
  return flag === false || flag === 0 || flag === "false";
}
