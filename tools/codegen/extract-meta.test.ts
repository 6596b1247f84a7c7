import { describe, expect, it } from "vitest";
import { parseModeOf } from "./extract-meta.ts";

const doc = {
  components: {
    responses: {
      Csv: { description: "A CSV file", content: { "text/csv": { schema: { type: "string" } } } },
    },
  },
};
const op = (responses: Record<string, unknown>) => ({ responses });
const content = (...media: string[]) => ({
  description: "x",
  content: Object.fromEntries(media.map((m) => [m, { schema: {} }])),
});

describe("parseModeOf", () => {
  it("leaves JSON (and +json, and no content) to openapi-fetch's default", () => {
    expect(
      parseModeOf(doc, op({ 200: content("application/json"), 400: content("text/plain") })),
    ).toBeUndefined();
    expect(parseModeOf(doc, op({ 200: content("application/problem+json") }))).toBeUndefined();
    expect(parseModeOf(doc, op({ 204: { description: "No content" } }))).toBeUndefined();
    // JSON among the choices wins: openapi-fetch asks for it by default.
    expect(
      parseModeOf(doc, op({ 200: content("application/octet-stream", "application/json") })),
    ).toBeUndefined();
  });

  it("reads text/* as text and any other success media type as a Blob, through $ref responses", () => {
    expect(parseModeOf(doc, op({ 200: { $ref: "#/components/responses/Csv" } }))).toBe("text");
    expect(parseModeOf(doc, op({ 200: content("application/octet-stream") }))).toBe("blob");
    expect(
      parseModeOf(doc, op({ "2XX": content("application/pdf"), 404: content("application/json") })),
    ).toBe("blob");
  });
});
