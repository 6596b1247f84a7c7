import ts from "typescript";

/**
 * The TypeScript blocks of a Markdown guide, as one module a compiler can check.
 *
 * A guide is read top to bottom: a later block uses the client an earlier one created, and may reuse
 * a name (`const { data, error } = …` in every block). So each block becomes a nested scope inside
 * the one before: it sees what earlier blocks declared and may declare the same names again. Imports
 * cannot sit in a block, so they move to the top of the module (an import an earlier block already
 * made is dropped: readers copy blocks one by one, so each shows its imports). Every line keeps its
 * Markdown line number, so a compiler error points at the guide's line.
 *
 * A block fenced as ```ts nocheck (or ```typescript nocheck) is left out: for the rare sample that is
 * deliberately not compilable.
 */
export interface Snippet {
  /** Line of the block's first code line in the Markdown file (1-based). */
  line: number;
  code: string;
}

const fence = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)(.*)$/;

export function extractSnippets(markdown: string): Snippet[] {
  const lines = markdown.split("\n");
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = fence.exec(lines[i] ?? "");
    if (!open) continue;
    const [, , marks = "", lang = "", rest = ""] = open;
    let end = i + 1;
    while (end < lines.length && !(lines[end] ?? "").trim().startsWith(marks)) end++;
    const typescript = lang === "ts" || lang === "typescript";
    if (typescript && !/\bnocheck\b/.test(rest)) {
      snippets.push({ line: i + 2, code: lines.slice(i + 1, end).join("\n") });
    }
    i = end;
  }
  return snippets;
}

/** One line of the assembled module, traced to the Markdown line it came from (0 for added lines). */
export interface AssembledModule {
  source: string;
  markdownLine: number[];
}

export function assembleModule(snippets: readonly Snippet[]): AssembledModule {
  const imported = new Set<string>();
  const head: string[] = [];
  const headLines: number[] = [];
  const body: string[] = [];
  const bodyLines: number[] = [];
  for (const snippet of snippets) {
    const { imports, code } = splitImports(snippet.code, imported);
    for (const { text, line } of imports) {
      head.push(text);
      headLines.push(snippet.line + line);
    }
    code.split("\n").forEach((text, offset) => {
      body.push(offset === 0 ? `{ ${text}` : text);
      bodyLines.push(snippet.line + offset);
    });
  }
  const source = [...head, ...body, `${"}".repeat(snippets.length)}`, "export {};"];
  return { source: source.join("\n"), markdownLine: [...headLines, ...bodyLines, 0, 0] };
}

interface HoistedImport {
  text: string;
  /** Line within the block (0-based). */
  line: number;
}

/**
 * Takes the import declarations out of a block (blank lines stay in their place), without the names
 * an earlier block imported; records the new names in `imported`.
 */
function splitImports(code: string, imported: Set<string>): { imports: HoistedImport[]; code: string } {
  const file = ts.createSourceFile("snippet.ts", code, ts.ScriptTarget.Latest, true);
  const imports: HoistedImport[] = [];
  let rest = code;
  for (const statement of [...file.statements].reverse()) {
    if (!ts.isImportDeclaration(statement)) continue;
    const start = statement.getStart();
    const original = code.slice(start, statement.getEnd());
    const line = file.getLineAndCharacterOfPosition(start).line;
    rest = rest.slice(0, start) + original.replace(/[^\n]/g, " ") + rest.slice(statement.getEnd());
    const clause = statement.importClause;
    const bindings = clause?.namedBindings;
    if (!clause || (bindings && ts.isNamespaceImport(bindings))) {
      imports.unshift({ text: original.replaceAll("\n", " "), line });
      continue;
    }
    const fresh: string[] = [];
    const take = (local: string, spec: string, typeOnly: boolean) => {
      if (!imported.has(local)) fresh.push(typeOnly ? `type ${spec}` : spec);
      imported.add(local);
    };
    if (clause.name) take(clause.name.text, `default as ${clause.name.text}`, false);
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        const local = element.name.text;
        const spec = element.propertyName ? `${element.propertyName.text} as ${local}` : local;
        take(local, spec, element.isTypeOnly);
      }
    }
    if (fresh.length === 0) continue;
    const module = JSON.stringify((statement.moduleSpecifier as ts.StringLiteral).text);
    imports.unshift({
      text: `import ${clause.isTypeOnly ? "type " : ""}{ ${fresh.join(", ")} } from ${module};`,
      line,
    });
  }
  return { imports, code: rest };
}
