import { defineConfig } from "vitest/config";

/**
 * One vitest run, three projects: unit tests beside the code, type tests (`*.test-d.ts`, checked by
 * tsc through vitest's typecheck mode), and cross-package tests in test/.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.ts", "tools/**/*.test.ts"],
          environment: "node",
          // Codegen tests lint and generate whole specs: seconds each on a loaded 2-core machine.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "types",
          include: [],
          typecheck: {
            enabled: true,
            only: true,
            include: ["packages/*/src/**/*.test-d.ts", "test/**/*.test-d.ts"],
            tsconfig: "./tsconfig.json",
          },
        },
      },
      {
        test: {
          // The recipes in examples/, each run against the vendors' standalone mock servers.
          name: "examples",
          include: ["examples/src/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
