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

describe("vendorEvidence", () => {
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
