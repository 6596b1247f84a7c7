import { readFileSync } from "node:fs";
import { isMap, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { fromPointer, SpecError, type SpecProblem } from "./spec-error.ts";

export interface LoadedSpec {
  /** Path as given (relative to the repo root in messages). */
  readonly file: string;
  readonly source: string;
  readonly document: Record<string, unknown>;
  /** Line and column of the node at a JSON pointer, for messages. */
  readonly locate: (pointer: string) => { line: number; column: number } | undefined;
}

/** Reads and parses a YAML spec; syntax errors fail with the file, line and column. */
export function loadSpec(file: string, source: string = readFileSync(file, "utf8")): LoadedSpec {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new SpecError(
      doc.errors.map((e): SpecProblem => {
        const pos = lineCounter.linePos(e.pos[0]);
        return {
          file,
          pointer: "#",
          message: `YAML: ${e.message.split("\n")[0]}`,
          line: pos.line,
          column: pos.col,
        };
      }),
    );
  }
  const document = doc.toJS({ maxAliasCount: 100 }) as unknown;
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    throw new SpecError([{ file, pointer: "#", message: "the spec is not a YAML mapping" }]);
  }
  const locate = (pointer: string) => {
    let node: unknown = doc.contents;
    let found: Node | undefined;
    for (const key of fromPointer(pointer)) {
      if (isMap(node)) node = node.get(key, true);
      else if (isSeq(node)) node = node.get(Number(key), true);
      else break;
      if (node && typeof node === "object" && "range" in node) found = node as Node;
    }
    const offset = found?.range?.[0];
    if (offset === undefined) return undefined;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return { file, source, document: document as Record<string, unknown>, locate };
}

/** Adds line/column to problems that only carry a pointer. */
export function located(spec: LoadedSpec, problems: readonly SpecProblem[]): SpecProblem[] {
  return problems.map((p) => (p.line === undefined ? { ...p, ...spec.locate(p.pointer) } : p));
}
