import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.base.ts";

export default defineConfig(
  packageBuild({
    index: "src/index.ts",
    mock: "src/mock/index.ts",
    "mock-server": "src/mock/node-server.ts",
  }),
);
