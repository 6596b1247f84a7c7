import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import { fromPointer } from "../../tools/codegen/spec-error.ts";
import type { Obj } from "../../tools/codegen/spec-walk.ts";

/**
 * An independent reading of a vendor spec for the conformance suite: plain YAML, plain ajv with
 * ajv-formats' full formats. It shares no code with the mocks' generated validators.
 */
export const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

export const repoRoot = resolve(import.meta.dirname, "../..");

export interface SpecOperation {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly operation: Obj;
  readonly parameters: Obj[];
}

export function vendors(): { vendor: string; spec: string }[] {
  const config = parse(readFileSync(resolve(repoRoot, "redocly.yaml"), "utf8")) as {
    apis: Record<string, { root: string }>;
  };
  return Object.entries(config.apis).map(([vendor, api]) => ({ vendor, spec: api.root }));
}

export class SpecModel {
  readonly doc: Obj;
  readonly #ajv: Ajv2020;
  readonly #cache = new Map<unknown, ValidateFunction>();

  constructor(file: string) {
    this.doc = parse(readFileSync(resolve(repoRoot, file), "utf8")) as Obj;
    this.#ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(this.#ajv);
    this.#ajv.addSchema({ $id: "doc", components: this.#rewrite(this.doc["components"]) });
  }

  #rewrite(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.#rewrite(v));
    if (!isObj(value)) return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === "$ref" && typeof v === "string" ? `doc${v}` : this.#rewrite(v),
      ]),
    );
  }

  deref(value: unknown): unknown {
    let current = value;
    while (isObj(current) && typeof current["$ref"] === "string") {
      let target: unknown = this.doc;
      for (const key of fromPointer(current["$ref"])) target = isObj(target) ? target[key] : undefined;
      current = target;
    }
    return current;
  }

  operations(): SpecOperation[] {
    const out: SpecOperation[] = [];
    for (const [path, rawItem] of Object.entries(this.doc["paths"] as Obj)) {
      const item = this.deref(rawItem) as Obj;
      for (const method of ["get", "put", "post", "delete", "patch"]) {
        const operation = item[method];
        if (!isObj(operation)) continue;
        const parameters = [
          ...((item["parameters"] as unknown[]) ?? []),
          ...((operation["parameters"] as unknown[]) ?? []),
        ]
          .map((p) => this.deref(p))
          .filter(isObj);
        out.push({ operationId: String(operation["operationId"]), method, path, operation, parameters });
      }
    }
    return out;
  }

  /** The JSON media object of a response or request body. */
  json(holder: unknown): Obj | undefined {
    const resolved = this.deref(holder);
    const content = isObj(resolved) ? resolved["content"] : undefined;
    if (!isObj(content)) return undefined;
    const key = Object.keys(content).find((k) => k.includes("json"));
    return key && isObj(content[key]) ? (content[key] as Obj) : undefined;
  }

  example(media: Obj | undefined): unknown {
    if (!media) return undefined;
    if (media["example"] !== undefined) return media["example"];
    const first = isObj(media["examples"]) ? this.deref(Object.values(media["examples"])[0]) : undefined;
    return isObj(first) ? first["value"] : undefined;
  }

  /** Validates a body against an operation's documented response for a status. */
  checkResponse(op: SpecOperation, status: number, body: unknown): string[] {
    const responses = op.operation["responses"] as Obj;
    const response = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses["default"];
    if (response === undefined) return [`status ${status} is not documented`];
    const content = (this.deref(response) as Obj)["content"];
    const media = this.json(response);
    if (!media && isObj(content))
      return typeof body === "string" ? [] : ["a JSON body was sent where another media type is documented"];
    if (!media) return body === undefined || body === "" ? [] : ["a body was sent where none is documented"];
    let validate = this.#cache.get(media["schema"]);
    if (!validate) {
      validate = this.#ajv.compile(this.#rewrite(media["schema"]) as Obj);
      this.#cache.set(media["schema"], validate);
    }
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
  }
}
