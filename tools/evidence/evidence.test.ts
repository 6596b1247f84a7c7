import { describe, expect, it } from "vitest";
import { evidenceSummary, vendorEvidence } from "./evidence.ts";
import { END, evidenceMarkdown, START, withEvidenceSection } from "./readme-section.ts";

const doc = {
  openapi: "3.1.0",
  info: { title: "Thing API" },
  paths: {
    "/things": {
      get: { operationId: "listThings", summary: "List", "x-source": "https://v.example/things#list" },
      post: { operationId: "createThing", summary: "Create", "x-inferred": "No page shows it | assumed." },
    },
    "/things/{id}": { get: { operationId: "getThing", "x-source": "https://v.example/things#get" } },
    "/other": { delete: { operationId: "deleteOther", "x-source": "https://v.example/other" } },
  },
};

/** Documented operations, some with parts their page does not show (marked `x-inferred` in the spec). */
const partly = {
  paths: {
    "/a": {
      get: {
        operationId: "answerFieldAssumed",
        "x-source": "https://v.example/a",
        responses: {
          "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } },
        },
      },
      put: {
        operationId: "queryAssumed",
        "x-source": "https://v.example/a#put",
        parameters: [{ name: "workspace_id", in: "query", "x-inferred": "Not shown; assumed." }],
      },
      post: {
        operationId: "bodyFieldAssumed",
        "x-source": "https://v.example/a#post",
        requestBody: {
          content: {
            "application/json": {
              schema: { properties: { note: { type: "string", "x-inferred": "Not shown; assumed." } } },
            },
          },
        },
      },
      delete: {
        operationId: "onlyErrorsAndHeadersAssumed",
        "x-source": "https://v.example/a#delete",
        responses: {
          "204": { headers: { "X-Limit": { "x-inferred": "Header name assumed." } } },
          "429": { content: { "application/json": { schema: { "x-inferred": "Body assumed." } } } },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: "object",
        properties: { id: { type: "integer" }, label: { type: "string", "x-inferred": "Assumed." } },
      },
    },
  },
};

describe("vendorEvidence", () => {
  it("marks documented operations with an input or a success answer part assumed", () => {
    const e = vendorEvidence(partly);
    expect(Object.fromEntries(e.operations.map((o) => [o.operationId, o.partlyAssumed]))).toEqual({
      answerFieldAssumed: true,
      queryAssumed: true,
      bodyFieldAssumed: true,
      onlyErrorsAndHeadersAssumed: false,
    });
    expect(e.partlyAssumed).toBe(3);
    expect(evidenceSummary(e)).toBe(
      "4 operations: 4 documented by the vendor (100 %; 3 with parts assumed), 0 inferred (0 %).",
    );
    const section = evidenceMarkdown(e, "specs/a/openapi.yaml");
    expect(section).toContain(
      "| `queryAssumed` | `PUT /a` | documented, parts assumed: <https://v.example/a#put> |",
    );
    expect(section).toContain(
      "| `onlyErrorsAndHeadersAssumed` | `DELETE /a` | documented: <https://v.example/a#delete> |",
    );
  });

  it("counts documented and inferred operations and groups them by source page", () => {
    const e = vendorEvidence(doc);
    expect(e.title).toBe("Thing API");
    expect([e.operations.length, e.documented, e.inferred, e.documentedPercent]).toEqual([4, 3, 1, 75]);
    expect(e.pages).toEqual([
      { url: "https://v.example/things", operations: ["listThings", "getThing"] },
      { url: "https://v.example/other", operations: ["deleteOther"] },
    ]);
    expect(e.operations[1]).toMatchObject({
      method: "POST",
      path: "/things",
      inferred: "No page shows it | assumed.",
    });
    expect(evidenceSummary(e)).toBe("4 operations: 3 documented by the vendor (75 %), 1 inferred (25 %).");
  });

  it("reports an empty spec as 0 %, not NaN", () => {
    expect(evidenceSummary(vendorEvidence({ paths: {} }))).toBe(
      "0 operations: 0 documented by the vendor (0 %), 0 inferred (0 %).",
    );
  });
});

describe("the README section", () => {
  const section = evidenceMarkdown(vendorEvidence(doc), "specs/thing/openapi.yaml");

  it("lists every page and every operation, escaping pipes in reasons", () => {
    expect(section).toContain("| <https://v.example/things> | `listThings`, `getThing` |");
    expect(section).toContain("| `createThing` | `POST /things` | inferred: No page shows it \\| assumed. |");
    expect(section).toContain(
      "| `getThing` | `GET /things/{id}` | documented: <https://v.example/things#get> |",
    );
  });

  it("replaces only the text between the markers, and skips a README without them", () => {
    const readme = `# Thing\n\nintro\n\n${START}\nold table\n${END}\n\n## Docs\n`;
    const next = withEvidenceSection(readme, section);
    expect(next).toBe(`# Thing\n\nintro\n\n${START}${section}${END}\n\n## Docs\n`);
    expect(withEvidenceSection(next ?? "", section)).toBe(next);
    expect(withEvidenceSection("# Thing\n", section)).toBeUndefined();
    expect(withEvidenceSection(`${END}\n${START}`, section)).toBeUndefined();
  });
});
