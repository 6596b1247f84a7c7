import { describe, expectTypeOf, it } from "vitest";
import type { components } from "./index.ts";
import { createWorkglueMock } from "./msw.ts";

type Schemas = components["schemas"];

describe("the Workglue mock's store", () => {
  const mock = createWorkglueMock();

  it("types each resource's records from the spec", () => {
    expectTypeOf(mock.store.get("customer", 3108)).toEqualTypeOf<Schemas["Customer"] | undefined>();
    expectTypeOf(mock.store.list("job")).toEqualTypeOf<Schemas["Job"][]>();
    expectTypeOf(mock.store.update("contact", 1, { first_name: "Ada" })).toEqualTypeOf<
      Schemas["Contact"] | undefined
    >();
  });

  it("refuses a resource it does not keep and a field of the wrong type", () => {
    // @ts-expect-error: no such resource
    mock.store.get("customers", 3108);
    // @ts-expect-error: a contact's first_name is a string
    mock.store.update("contact", 1, { first_name: 5 });
  });
});
