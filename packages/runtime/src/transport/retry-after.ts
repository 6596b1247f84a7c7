/** Seconds (or milliseconds) as RFC 9110 writes them: digits, optionally with a fraction, no sign. */
const DELAY_NUMBER = /^\d+(\.\d+)?$/;
/**
 * An HTTP date (RFC 9110 §5.6.7): IMF-fixdate, or the obsolete RFC 850 and asctime forms, which all
 * start with a day name. `Date.parse` alone would read "-1" or "2026" as a date.
 */
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /i;

/**
 * The server's requested wait in ms from `retry-after-ms`, or `Retry-After` as seconds or an HTTP
 * date (a date already past is 0). `undefined` when absent, negative or unparsable: the caller then
 * backs off as if the server had said nothing.
 */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms")?.trim();
  if (ms !== undefined && DELAY_NUMBER.test(ms)) return Number(ms);
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (DELAY_NUMBER.test(value)) return Number(value) * 1000;
  if (!HTTP_DATE.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
