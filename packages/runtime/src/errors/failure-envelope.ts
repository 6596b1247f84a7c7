import type { EnvelopeMeta } from "../metadata.ts";
import { pointerReader } from "../util/json-pointer.ts";

/**
 * The check for the vendor's failure envelope in a parsed body (`success:false`, `status:false`),
 * made once per client.
 */
export function failureEnvelopeCheck(envelope: EnvelopeMeta): (body: unknown) => boolean {
  const flagOf = pointerReader(envelope.success);
  return (body) => {
    if (body === null || typeof body !== "object" || Array.isArray(body)) return false;
    const flag = flagOf(body);
    return flag === false || flag === 0 || flag === "false";
  };
}
