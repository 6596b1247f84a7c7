import { fullFormats } from "ajv-formats/dist/formats.js";

/** The format names the generated request validators check. */
export type RequestFormat = "date" | "date-time" | "time" | "email" | "uri" | "uuid";

/** One format's check, in the shapes ajv's standalone code calls: a pattern, a function or `{ validate }`. */
export type FormatCheck =
  | RegExp
  | ((value: string) => boolean)
  | { readonly validate: RegExp | ((value: string) => boolean) };

/**
 * The string formats the generated request validators check, in ajv-formats' full mode: a date is a
 * real calendar day (`2024-02-30` is refused, `2024-02-29` only in a leap year), a date-time a real
 * instant with its zone, `uri` and `email` as RFC 3986 and RFC 5322 put them. ajv-formats is the
 * maintained implementation ajv itself documents for these formats; its format module imports no
 * schema engine, so generated validators stay plain functions. Generated code reads it from here
 * (`@workapis/mock`, already a dependency of every vendor package) instead of importing ajv-formats
 * itself, so a vendor package needs no dependency of its own for it.
 */
export const requestFormats: Readonly<Record<RequestFormat, FormatCheck>> = {
  date: fullFormats.date as FormatCheck,
  "date-time": fullFormats["date-time"] as FormatCheck,
  time: fullFormats.time as FormatCheck,
  email: fullFormats.email as FormatCheck,
  uri: fullFormats.uri as FormatCheck,
  uuid: fullFormats.uuid as FormatCheck,
};
