import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.base.ts";

export default defineConfig({
  ...packageBuild({
    index: "src/index.ts",
    msw: "src/msw.ts",
    validators: "src/validators.ts",
    probe: "src/probe.ts",
    catalog: "src/catalog.ts",
  }),
  // The client loads its validators by the package's own name: kept out of the client's bundle.
  external: ["@workapis/boardcrm/validators"],
});
