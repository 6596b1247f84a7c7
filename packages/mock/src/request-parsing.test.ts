import { describe, expect, it } from "vitest";
import { parseBody, parseQuery } from "./request-parsing.ts";

const form = (body: string) =>
  new Request("https://x.test/", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });

describe("request parsing", () => {
  it("reads PHP-style nested form keys into objects and arrays", async () => {
    const parsed = await parseBody(
      form("lead%5Bname%5D=Ana&ids%5B%5D=1&ids%5B%5D=2&offers%5B0%5D%5Bcolumn_id%5D=5&title=x"),
    );
    expect(parsed).toEqual({
      ok: true,
      body: { lead: { name: "Ana" }, ids: ["1", "2"], offers: [{ column_id: "5" }], title: "x" },
    });
  });

  it("reads multipart bodies and reports unparsable JSON", async () => {
    const data = new FormData();
    data.set("lead[name]", "Ana");
    const multipart = await parseBody(new Request("https://x.test/", { method: "POST", body: data }));
    expect(multipart).toEqual({ ok: true, body: { lead: { name: "Ana" } } });
    const broken = await parseBody(
      new Request("https://x.test/", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: "{",
      }),
    );
    expect(broken.ok).toBe(false);
  });

  it("collects repeated and [] query keys into arrays", () => {
    expect(parseQuery(new URL("https://x.test/?a=1&a=2&b[]=3&c=4"), [])).toEqual({
      a: ["1", "2"],
      b: ["3"],
      c: "4",
    });
  });

  it("makes form containers without a prototype", async () => {
    const parsed = await parseBody(form("lead%5Bname%5D=Ana&title=x"));
    const body = (parsed.ok ? parsed.body : undefined) as Record<string, Record<string, unknown>>;
    expect(Object.getPrototypeOf(body)).toBeNull();
    expect(Object.getPrototypeOf(body["lead"])).toBeNull();
    expect(Object.getPrototypeOf(parseQuery(new URL("https://x.test/?a=1"), []))).toBeNull();
  });

  it.each(["__proto__%5Bx%5D=1", "a%5Bconstructor%5D%5Bprototype%5D=1", "prototype=1"])(
    "refuses the form key in %s",
    async (body) => {
      const parsed = await parseBody(form(body));
      expect(parsed).toMatchObject({ ok: false, forbiddenKey: expect.stringMatching(/proto|constructor/) });
      expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
    },
  );

  it("refuses a prototype key at any depth of a JSON body", async () => {
    const request = new Request("https://x.test/", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"a":[{"b":{"__proto__":{"x":1}}}]}',
    });
    expect(await parseBody(request)).toMatchObject({ ok: false, forbiddenKey: "__proto__" });
  });

  it("refuses a prototype key in the query", () => {
    expect(() => parseQuery(new URL("https://x.test/?__proto__%5Bx%5D=1"), [])).toThrow(/__proto__/);
  });
});
