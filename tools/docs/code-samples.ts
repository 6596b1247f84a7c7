import type { PaginationMeta } from "@workapis/runtime";
import {
  deref,
  isObj,
  jsonMedia,
  mediaExample,
  type Obj,
  operationsOf,
  parametersOf,
  type WalkedOperation,
} from "../codegen/spec-walk.ts";

export interface CodeSample {
  readonly lang: string;
  readonly label: string;
  readonly source: string;
}

export interface SampleContext {
  readonly packageName: string;
  readonly clientName: string;
  readonly baseUrl: string;
}

/** A realistic value for a parameter: its example, else its schema's example/default/first enum value. */
function paramValue(doc: Obj, param: Obj): unknown {
  if (param["example"] !== undefined) return param["example"];
  const schema = deref(doc, param["schema"]);
  if (!isObj(schema)) return 1;
  for (const key of ["example", "default"]) if (schema[key] !== undefined) return schema[key];
  if (Array.isArray(schema["enum"])) return schema["enum"][0];
  const type = Array.isArray(schema["type"]) ? schema["type"][0] : schema["type"];
  if (type === "integer" || type === "number") return schema["minimum"] ?? 1;
  if (type === "boolean") return true;
  if (type === "array") return [];
  return "value";
}

const js = (value: unknown, indent: string) => JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);

function initArgument(doc: Obj, op: WalkedOperation, skipQuery: ReadonlySet<string>): string | undefined {
  const params = parametersOf(doc, op);
  const groups: string[] = [];
  for (const where of ["path", "query", "header"]) {
    const chosen = params.filter(
      (p) =>
        p["in"] === where &&
        (where === "path" || (p["required"] === true && !skipQuery.has(String(p["name"])))),
    );
    if (chosen.length === 0) continue;
    const values = Object.fromEntries(chosen.map((p) => [String(p["name"]), paramValue(doc, p)]));
    groups.push(`${where}: ${js(values, "    ")}`);
  }
  const parts: string[] = [];
  if (groups.length) parts.push(`params: { ${groups.join(", ")} }`);
  const requestBody = deref(doc, op.operation["requestBody"]);
  const body = requestBody === undefined ? undefined : mediaExample(doc, jsonMedia(doc, requestBody));
  if (body !== undefined) {
    const { access_token: _token, ...rest } = isObj(body) ? body : { access_token: undefined };
    parts.push(`body: ${js(isObj(body) ? rest : body, "  ")}`);
  }
  return parts.length ? `{ ${parts.join(", ")} }` : undefined;
}

/** The typed TypeScript call of an operation with our package (paginate for list operations), and curl. */
export function codeSamples(doc: Obj, op: WalkedOperation, ctx: SampleContext): CodeSample[] {
  const variable = ctx.clientName[0]?.toLowerCase() + ctx.clientName.slice(1);
  const env = `${ctx.clientName.replace(/[a-z](?=[A-Z])/g, "$&_").toUpperCase()}_TOKEN`;
  const pagination = op.operation["x-pagination"] as PaginationMeta | undefined;
  // The parameters paginate() sets itself are left out of the sample.
  const skip = new Set(
    pagination && pagination.style !== "next-url"
      ? [
          pagination.sizeParam,
          pagination.style === "page" ? pagination.pageParam : pagination.offsetParam,
        ].filter((name): name is string => name !== undefined)
      : [],
  );
  const init = initArgument(doc, op, skip);
  const method = op.method.toUpperCase();
  const header = [
    `import { create${ctx.clientName}Client, unwrap } from "${ctx.packageName}";`,
    "",
    `const ${variable} = create${ctx.clientName}Client({ token: process.env.${env} ?? "" });`,
    "",
  ];
  const call = pagination
    ? [
        "// Every item of every page, fetched as you iterate:",
        `for await (const item of ${variable}.paginate(${JSON.stringify(op.path)}${init ? `, ${init}` : ""})) {`,
        "  console.log(item);",
        "}",
      ]
    : [
        `const { data, error } = await ${variable}.${method}(${JSON.stringify(op.path)}${init ? `, ${init}` : ""});`,
        "if (error) console.error(error.status, error.code, error.message);",
        "else console.log(data);",
        "",
        "// Or throw a typed ApiError instead:",
        `const result = await unwrap(${variable}.${method}(${JSON.stringify(op.path)}${init ? `, ${init}` : ""}));`,
        "console.log(result);",
      ];
  const ts = [...header, ...call].join("\n");
  return [
    { lang: "TypeScript", label: ctx.packageName, source: ts },
    { lang: "Shell", label: "curl", source: curl(doc, op, ctx) },
  ];
}

function curl(doc: Obj, op: WalkedOperation, ctx: SampleContext): string {
  let path = op.path;
  const query = new URLSearchParams();
  for (const p of parametersOf(doc, op)) {
    const value = paramValue(doc, p);
    if (p["in"] === "path") path = path.replace(`{${String(p["name"])}}`, String(value));
    if (p["in"] === "query" && p["required"] === true) query.set(String(p["name"]), String(value));
  }
  const qs = query.toString();
  const lines = [`curl -X ${op.method.toUpperCase()} '${ctx.baseUrl}${path}${qs ? `?${qs}` : ""}'`];
  const schemes =
    isObj(doc["components"]) && isObj(doc["components"]["securitySchemes"])
      ? Object.values(doc["components"]["securitySchemes"])
      : [];
  const apiKey = schemes.map((s) => deref(doc, s)).find((s) => isObj(s) && s["type"] === "apiKey") as
    | Obj
    | undefined;
  if (apiKey?.["in"] === "header")
    lines.push(
      `  -H '${String(apiKey["name"])}: ${apiKey["x-token-prefix"] ? `${String(apiKey["x-token-prefix"])} ` : ""}$TOKEN'`,
    );
  else if (apiKey?.["in"] === "query")
    lines[0] = lines[0]?.replace(/'$/, `${qs ? "&" : "?"}${String(apiKey["name"])}=$TOKEN'`) ?? "";
  else lines.push("  -H 'Authorization: Bearer $TOKEN'");
  const requestBody = deref(doc, op.operation["requestBody"]);
  const body = requestBody === undefined ? undefined : mediaExample(doc, jsonMedia(doc, requestBody));
  if (body !== undefined)
    lines.push(
      "  -H 'Content-Type: application/json'",
      `  -d '${JSON.stringify(body).replace(/'/g, "'\\''")}'`,
    );
  return lines.join(" \\\n");
}

/** A copy of the spec with `x-codeSamples` on every operation and provenance in inferred descriptions. */
export function withCodeSamples(doc: Obj, ctx: SampleContext): Obj {
  const copy = structuredClone(doc);
  for (const op of operationsOf(copy)) {
    op.operation["x-codeSamples"] = codeSamples(copy, op, ctx);
    const source = op.operation["x-source"];
    const inferred = op.operation["x-inferred"];
    const note =
      typeof inferred === "string"
        ? `\n\n> **Provenance: inferred.** ${inferred}`
        : typeof source === "string"
          ? `\n\n> **Provenance:** [vendor documentation](${source}).`
          : "";
    op.operation["description"] = `${String(op.operation["description"] ?? "")}${note}`;
  }
  return copy;
}
